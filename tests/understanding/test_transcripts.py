"""Trainers and QA see what was understood: transcripts keep the score and the alternatives (issue 16.5)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from ivr.app import Runtime
from ivr.definitions.flows import FLOWS_ROOT
from ivr.qa import transcript as transcripts
from ivr.qa.replay import Replayer
from ivr.testing import PhoneCall


def recorded_call(phone: Callable[..., PhoneCall], runtime: Runtime, *said: str) -> transcripts.Transcript:
    call = phone()
    call.start()
    call.press("1")
    for text in said:
        call.say(text)
    [recorded] = transcripts.from_entries(runtime.store.transcript(call.call_sid))
    return recorded


def test_a_spoken_step_records_its_outcome_score_and_alternatives(phone: Callable[..., PhoneCall], runtime: Runtime) -> None:
    """The step of 'um my finger prints appointment' says it was routed to option 2, with the runners-up."""
    step = recorded_call(phone, runtime, "um my finger prints appointment").steps[-1]
    understood = step.observed.understood
    assert understood is not None and understood["outcome"] == "route" and understood["choice"] == "2"
    assert 0.5 <= understood["score"] <= 1.0 and understood["alternatives"][0][0] == "2"
    assert len(understood["alternatives"]) >= 2


def test_a_clarifying_question_records_the_two_choices_asked_about(phone: Callable[..., PhoneCall], runtime: Runtime) -> None:
    """An ambiguous utterance is recorded as `ask`, with the choices it was between."""
    understood = recorded_call(phone, runtime, "I need to change my appointment").steps[-1].observed.understood
    assert understood is not None and understood["outcome"] == "ask" and "choice" not in understood
    assert {choice for choice, _ in understood["alternatives"][:2]} <= {"2", "3", "7"}


def test_a_low_recogniser_confidence_is_recorded_and_replayed(phone: Callable[..., PhoneCall], runtime: Runtime) -> None:
    """A confidence low enough to change the score is part of the caller's input, so a replay scores the same way."""
    call = phone()
    call.start()
    call.press("1")
    call.say("hours", confidence="0.3")
    [recorded] = transcripts.from_entries(runtime.store.transcript(call.call_sid))
    step = recorded.steps[-1]
    assert step.input.confidence == 0.3 and step.input.event(step.at).confidence == 0.3  # type: ignore[union-attr]


def test_understanding_round_trips_through_the_transcript_file(phone: Callable[..., PhoneCall], runtime: Runtime, tmp_path: Path) -> None:
    """Written as YAML and read back, a step keeps its confidence and what was understood."""
    recorded = recorded_call(phone, runtime, "bio metrics")
    path = transcripts.write(recorded, tmp_path / "call.transcript.yaml")
    text = path.read_text(encoding="utf-8")
    assert "understood:" in text
    again = transcripts.load_transcript(path)
    assert again.steps[-1].observed.understood == recorded.steps[-1].observed.understood
    assert again.steps[-1].input == recorded.steps[-1].input


def test_a_replay_after_a_phrase_change_shows_how_the_words_now_route(
    phone: Callable[..., PhoneCall], runtime: Runtime, tmp_path: Path
) -> None:
    """Move 'fingerprints' from biometrics to the field office: the replay diverges and shows both understandings.

    The copy has no training examples: they teach that prints are biometrics, and would keep the call there.
    """
    path = transcripts.write(recorded_call(phone, runtime, "fingerprints please"), tmp_path / "call.transcript.yaml")
    flows = tmp_path / "flows"
    shutil.copytree(FLOWS_ROOT, flows)
    main = flows / "uscis_contact_center.yaml"
    text = main.read_text(encoding="utf-8")
    text = text.replace("biometrics appointment, fingerprints,", "biometrics appointment,", 1)
    text = text.replace("fingerprinting, reschedule", "reschedule", 1)  # the same word, stemmed
    text = text.replace("en: [field office,", "en: [field office, fingerprints,", 1)
    text = text.replace("examples: uscis_contact_center/examples.yaml", "", 1)
    main.write_text(text, encoding="utf-8")
    result = Replayer({"FLOWS": [str(main)]}).replay_path(path)
    assert not result.passed
    assert "- understood route 2 " in result.diff and "+ understood route 3 " in result.diff



def test_the_transcript_says_when_the_training_examples_decided(phone: Callable[..., PhoneCall], runtime: Runtime) -> None:
    """A situation routed by the classifier, not the keywords, is recorded with `by: examples`."""
    said = "the machine could not read my fingers so they want me back"
    understood = recorded_call(phone, runtime, said).steps[-1].observed.understood
    assert understood is not None and (understood["outcome"], understood["choice"], understood["by"]) == ("route", "2", "examples")
