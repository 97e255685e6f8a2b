"""The transcript format: what a recorded call keeps, its YAML file, and how a broken file is reported."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ivr.errors import DefinitionError
from ivr.qa import transcript as transcripts
from ivr.qa.transcript import CallerInput, load_transcript

from .conftest import Record


def test_every_caller_input_is_recorded_in_order(record: Record) -> None:
    """Each webhook event becomes a step with the caller's input, keys, speech, silence and hang-up alike."""
    recorded = record("say:english", "5", "silence", "hang_up")
    assert [step.input for step in recorded.steps] == [
        CallerInput("start"),
        CallerInput("say", "english"),
        CallerInput("press", "5"),
        CallerInput("silence"),
        CallerInput("hang_up"),
    ]


def test_each_step_keeps_prompt_ids_texts_and_states(record: Record) -> None:
    """A step records the prompts heard (id, language and text), the states entered and where the call ended up."""
    recorded = record("1", "5", "1")
    tdd = recorded.steps[3].observed
    assert [heard.prompt for heard in tdd.heard] == ["special_lines.tdd.prompt", "special_lines.menu.prompt"]
    assert tdd.heard[0].text.startswith("For the deaf or hard of hearing, the TDD number is 1, 8 0 0")
    assert tdd.heard[0].language == "en"
    assert tdd.entered == ("special_lines.tdd", "special_lines.menu")
    assert (recorded.steps[3].state_before, tdd.state, tdd.tier) == ("special_lines.menu", "special_lines.menu", "ivr")


def test_the_header_names_the_flow_version_and_the_simulated_time(record: Record, runtime) -> None:
    """The transcript names the flow by id and content hash, and every step carries the simulated instant."""
    recorded = record("1")
    flow = runtime.engine.flow().flow
    assert (recorded.flow_id, recorded.flow_version) == (flow.id, flow.content_hash)
    assert {step.at for step in recorded.steps} == {dt.datetime.fromisoformat("2026-11-23T10:00:00-05:00")}


def test_tier_changes_are_recorded_with_their_reasons(record: Record) -> None:
    """Seed 003_29c9fde61bf22c66.txt: a move to Tier 1 is recorded with why it happened."""
    recorded = record("1", "0")
    [change] = recorded.steps[2].observed.tier_changes
    assert (change["from"], change["to"], change["reason"]) == ("ivr", "tier1", "caller_requested_live_assistance")


def test_the_case_data_read_and_the_effects_are_recorded(record: Record) -> None:
    """A call that reads a case keeps its snapshot; one that creates a service request keeps the effect."""
    recorded = record("1", "4", "2", "2690250102#", "1", "04121990", "1", "1")
    assert [case["receipt_number"] for case in recorded.cases] == ["WAC2690250102"]
    [created] = recorded.steps[-1].observed.effects
    assert (created["kind"], created["type"], created["office"]) == (
        "service_request_created",
        "outside_normal_processing_time",
        "California Service Center",
    )
    # the identity ledger's counts (other calls' failures) are numbers the world gave the call too
    assert recorded.sequences == (("identity:receipt", 0), ("identity:caller", 0), ("service_request", 1))


def test_a_transcript_survives_its_yaml_file(record: Record, tmp_path: Path) -> None:
    """Writing a transcript and reading it back gives the same transcript."""
    recorded = record("1", "4", "2", "2690250102#", "1", "04121990", "1", "1", "0")
    path = transcripts.write(recorded, tmp_path / transcripts.file_name(recorded))
    again = load_transcript(path)
    assert transcripts.to_data(again) == transcripts.to_data(recorded)


def test_words_the_training_examples_understood_survive_the_yaml_file(record: Record, tmp_path: Path) -> None:
    """Issue 16.5: the transcript records what decided the caller's words (`by`), and a file that says so reads back
    (it was refused as an unknown key, so such a call could not be replayed)."""
    recorded = record("1", "say:the machine could not read my fingers so they want me back")
    understood = recorded.steps[-1].observed.understood
    assert understood is not None and (understood["choice"], understood["by"]) == ("2", "examples")
    again = load_transcript(transcripts.write(recorded, tmp_path / transcripts.file_name(recorded)))
    assert transcripts.to_data(again) == transcripts.to_data(recorded)


def test_the_tier1_topic_question_records_the_script_read_with_its_score(record: Record) -> None:
    """Issue 16.5: at the Tier 1 topic question the transcript records the script the caller's words were read as,
    its score and the runners-up, as a menu's step records its option (seed 003: Tier 1 reads approved scripts)."""
    recorded = record("1", "0", "say:my green card never came in the mail")
    topic = recorded.steps[-1]
    assert topic.state_before == "tier1.topic" and topic.observed.scripts == ("card-not-received@1",)
    understood = topic.observed.understood
    assert understood is not None
    assert (understood["outcome"], understood["choice"], understood["by"]) == ("route", "card-not-received", "scripts")
    assert understood["score"] >= 0.9 and understood["alternatives"][0] == ["card-not-received", understood["score"]]
    assert [choice for choice, _ in understood["alternatives"][1:]] == ["notice-not-received"]


def test_what_tier1_may_not_do_is_recorded_as_a_refusal(record: Record) -> None:
    """DOMAIN.md §1.3: Tier 1 gives no legal advice; the transcript records the words read as that refusal."""
    recorded = record("1", "0", "say:i need legal advice about my case")
    understood = recorded.steps[-1].observed.understood
    assert understood is not None
    assert (understood["outcome"], understood["choice"], understood["by"]) == ("route", "legal_advice", "refusal")


def test_a_topic_question_no_script_answers_is_recorded_as_not_understood(record: Record) -> None:
    """Tier 1 reads only approved scripts (seed 003): words no script answers are recorded as not understood, the
    scripts' best guesses kept for QA."""
    recorded = record("1", "0", "say:what's the weather like in boston")
    understood = recorded.steps[-1].observed.understood
    assert understood is not None and (understood["outcome"], understood.get("choice")) == ("not_understood", None)


def test_the_yaml_file_reads_as_a_call(record: Record) -> None:
    """The file puts the caller's input first in each step and the prompts as id and text."""
    text = transcripts.dumps(record("1"))
    assert "- press: '1'\n" in text
    assert "  - prompt: main_menu.prompt\n    text: Main menu." in text


def test_several_calls_under_one_call_id_are_separate_transcripts() -> None:
    """A call id that starts a second call (after the first ended) gives two transcripts."""
    header = {"type": "call", "call_sid": "CA1", "flow": {"id": "f", "version": "1"}, "started_at": "2026-11-23T10:00:00-05:00"}
    step = {"type": "step", "at": "2026-11-23T10:00:00-05:00", "input": {"kind": "call_started"}, "state": "a", "tier": "ivr"}
    assert len(transcripts.from_entries([header, step, header, step])) == 2


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "broken.transcript.yaml"
    path.write_text(text, encoding="utf-8")
    return path


_GOOD_TOP = """\
version: 1
call: {sid: CA1, flow: uscis_contact_center, started_at: '2026-11-23T10:00:00-05:00'}
steps:
"""


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        pytest.param(
            "- start: true\n  at: '2026-11-23T10:00:00-05:00'\n  state: language\n  tier: ivr\n  colour: blue\n",
            r"broken.transcript.yaml:8: steps\[0\].colour: unknown key 'colour' \(allowed: start, press",
            id="unknown-key",
        ),
        pytest.param(
            "- press: 1\n  at: '2026-11-23T10:00:00-05:00'\n  state: language\n  tier: ivr\n",
            r"broken.transcript.yaml:4: steps\[0\].press: write keys as quoted text: \"1\"",
            id="unquoted-key",
        ),
        pytest.param(
            "- press: '1'\n  say: hello\n  at: '2026-11-23T10:00:00-05:00'\n  state: language\n  tier: ivr\n",
            r"broken.transcript.yaml:4: steps\[0\]: step has 2 inputs \(press, say\)",
            id="two-inputs",
        ),
        pytest.param(
            "- start: true\n  at: '2026-11-23T10:00:00'\n  state: language\n  tier: ivr\n",
            r"broken.transcript.yaml:5: steps\[0\].at: '2026-11-23T10:00:00' has no UTC offset",
            id="naive-time",
        ),
    ],
)
def test_a_broken_transcript_is_reported_with_file_and_line(tmp_path: Path, steps: str, expected: str) -> None:
    """Problems in a transcript file are `file:line: where: what`, like every definition file."""
    with pytest.raises(DefinitionError, match=expected):
        load_transcript(_write(tmp_path, _GOOD_TOP + steps))


def test_every_problem_of_a_transcript_is_reported_at_once(tmp_path: Path) -> None:
    """Two broken steps give two problems in one error."""
    steps = (
        "- start: true\n  at: '2026-11-23T10:00:00-05:00'\n  state: language\n  tier: ivr\n  colour: blue\n"
        "- press: 1\n  at: '2026-11-23T10:00:00-05:00'\n  state: language\n  tier: ivr\n"
    )
    with pytest.raises(DefinitionError) as raised:
        load_transcript(_write(tmp_path, _GOOD_TOP + steps))
    assert [problem.line for problem in raised.value.problems] == [8, 9]


def test_a_transcript_of_another_version_is_refused(tmp_path: Path) -> None:
    """A transcript says its format version; another version is not read further."""
    with pytest.raises(DefinitionError, match=r"version: unsupported or missing version \(allowed: 1\)"):
        load_transcript(_write(tmp_path, _GOOD_TOP.replace("version: 1", "version: 2") + "- start: true\n"))


def test_an_observation_made_from_an_entry_equals_the_dataclasss_own() -> None:
    """`Observation.from_entry` writes its fields straight in (replay makes one per step): it holds every field of
    the dataclass, in order, and equals what the dataclass's own `__init__` makes of the same entry."""
    import dataclasses

    from ivr.qa.transcript import Heard, Observation

    entry = {
        "type": "step", "state": "main_menu", "tier": "ivr", "language": "en", "entered": ["hours.info", "main_menu"],
        "prompts": [{"id": "hours.info.prompt", "language": "en", "text": "We are open."},
                    {"id": "language.prompt", "language": "es", "text": "Para español, oprima 2."}],
        "actions": [{"kind": "gather", "input": "dtmf speech"}, {"kind": "enqueue", "tier": "tier1", "queue": "tier1"}],
        "effects": [{"kind": "service_request_created", "reference": "SR-1", "when": ("a", 1)}],
        "tier_changes": [{"from": "ivr", "to": "tier1", "reason": "caller_request", "state": "x", "context": {}}],
        "scripts": ["tier1.greeting@2"], "fault": "KeyError", "understood": {"outcome": "choice", "score": 0.9},
    }
    made = Observation.from_entry(entry)
    own = Observation(
        heard=(Heard("hours.info.prompt", "We are open.", "en"), Heard("language.prompt", "Para español, oprima 2.", "es")),
        state="main_menu", tier="ivr", language="en", entered=("hours.info", "main_menu"),
        actions=("gather dtmf speech", "enqueue tier1 (queue tier1)"),
        effects=({"kind": "service_request_created", "reference": "SR-1", "when": ["a", 1]},),
        tier_changes=made.tier_changes, scripts=("tier1.greeting@2",), fault="KeyError",
        understood={"outcome": "choice", "score": 0.9},
    )
    assert list(vars(made)) == [field.name for field in dataclasses.fields(Observation)]
    assert made == own
    assert len(made.tier_changes) == 1 and made.tier_changes[0]["reason"] == "caller_request"
    bare = Observation.from_entry({"state": "main_menu", "tier": "ivr"})
    assert bare == Observation((), "main_menu", "ivr", "en")
