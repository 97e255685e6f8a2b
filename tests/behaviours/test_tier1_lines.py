"""At the Tier 1 topic question, a question no script's phrases carry is read by its line (issue 16).

Callers describe situations ("my work permit was approved weeks ago but the card never showed
up") that a response script's few phrases do not carry.  When the scripts' own model is not
sure, the main menu's model reads the question and the line it names gives the scripts
(`script_lines:` on `tier1.topic`); several are told apart by the line's submenu and the
scripts' own scores.  Tier 1 still says only script text (seed 003_29c9fde61bf22c66.txt), and
only a script in force.  What Tier 1 may not do keeps its precedence (DOMAIN.md §1.3), but the
caller's own lawyer named beside another question asks no legal advice, and a refusal phrase
counts only with its words together.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ivr.behaviours.tier1_scripts import answer_for, read_by_line
from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.definitions.cases import DEMO_CLOCK
from ivr.definitions.scripts import SCRIPTS_ROOT, ScriptSet, load_scripts
from ivr.testing import PhoneCall
from ivr.trainers.understand import scripts_on

DAY = dt.date(2026, 12, 8)


def first_sentence(scripts: ScriptSet, script_id: str, language: str = "en") -> str:
    script = scripts.by_id(script_id)
    assert script is not None
    return script.text[language].split(". ")[0]


def test_a_situation_no_script_phrase_carries_is_answered_by_its_lines_script(english_call: PhoneCall) -> None:
    """A card returned by the post office: the main menu's model names service requests, whose card script Tier 1 reads (the
    scripts in force at the demo instant, as the call's)."""
    english_call.press("0")
    turn = english_call.say("the post office says my green card was returned to you")
    assert first_sentence(scripts_on(DEMO_CLOCK.date()), "card-not-received") in turn.text


def test_the_scripts_of_a_line_are_told_apart_by_its_submenu(flow: CompiledFlow, scripts: ScriptSet) -> None:
    """Biometrics names two scripts: a date the caller cannot keep is the rescheduling one (biometrics.menu's 1)."""
    said = normalize("i need a different date for my fingerprints my kid's graduation is that day")
    assert scripts.match(said, "en") is None  # the scripts' own model is not sure
    _, script = answer_for(scripts, said, "en", flow, "tier1.topic")
    assert script is not None and script.id == "biometrics-reschedule"


def test_two_scripts_of_a_line_as_likely_are_not_guessed_between(flow: CompiledFlow, scripts: ScriptSet) -> None:
    """'changed address ... taking too long' asks two things: the service requests line, its processing-time and
    change-of-address scripts within `CLOSE` of each other: Tier 1 reads neither (it offers its topics) rather than
    guess.  (Round 3's phrases read a move with a pending case as the change of address it is.)"""
    said = normalize("i changed address and my application is taking too long")
    assert scripts.match(said, "en") is None
    assert answer_for(scripts, said, "en", flow, "tier1.topic") == (None, None)


def test_a_script_not_in_force_is_never_read_by_its_line(flow: CompiledFlow, scripts: ScriptSet) -> None:
    """Without the card script in force, the card question is not answered with another line's script."""
    lines = flow.states["tier1.topic"].state.script_lines
    assert lines is not None
    said = normalize("the post office says my green card was returned to you")
    assert read_by_line(scripts, said, "en", lines, flow.states).id == "card-not-received"  # type: ignore[union-attr]
    without = ScriptSet(tuple(script for script in scripts.scripts if script.id != "card-not-received"))
    read = read_by_line(without, said, "en", lines, flow.states)
    assert read is None or read.id != "card-not-received"


def test_spanish_questions_are_read_by_their_line_too(flow: CompiledFlow, scripts: ScriptSet) -> None:
    """'me toca ir a las huellas el martes pero ese día trabajo': the biometrics line, its rescheduling script (the
    line alone reads it; since round 4 the scripts' own model reads it too, a lone candidate)."""
    said = normalize("me toca ir a las huellas el martes pero ese día trabajo")
    lines = flow.states["tier1.topic"].state.script_lines
    assert lines is not None
    assert read_by_line(scripts, said, "es", lines, flow.states).id == "biometrics-reschedule"  # type: ignore[union-attr]
    _, script = answer_for(scripts, said, "es", flow, "tier1.topic")
    assert script is not None and script.id == "biometrics-reschedule"


def test_a_question_no_line_names_is_answered_by_no_script(flow: CompiledFlow, scripts: ScriptSet) -> None:
    """Out of scope: the main menu's model names no line, so no script is read."""
    assert answer_for(scripts, normalize("my car broke down on the highway"), "en", flow, "tier1.topic") == (None, None)


def test_the_callers_own_lawyer_beside_another_question_asks_no_legal_advice(english_call: PhoneCall) -> None:
    """'my lawyer says ...': a report of what the lawyer said, not a request for legal advice (DOMAIN.md §1.3)."""
    english_call.press("0")
    turn = english_call.say("my lawyer says my green card was mailed but it never came")
    assert turn.state != "tier1.refuse.legal_advice"
    assert first_sentence(scripts_on(DEMO_CLOCK.date()), "card-not-received") in turn.text


@pytest.mark.parametrize("said", ["do i need a lawyer for my case", "should i get an attorney"])
def test_asking_about_a_lawyer_is_still_legal_advice(english_call: PhoneCall, said: str) -> None:
    """Whether to hire a lawyer is legal advice: refused (DOMAIN.md §1.3)."""
    english_call.press("0")
    assert english_call.say(said).state == "tier1.refuse.legal_advice"


def test_spanish_callers_own_lawyer_asks_no_legal_advice(flow: CompiledFlow, scripts: ScriptSet) -> None:
    """'mi abogado dice que ...' is a report; 'necesito un abogado' still asks legal advice."""
    said = normalize("mi abogado dice que ya me mandaron la tarjeta pero nunca me llegó")
    refusal, script = answer_for(scripts, said, "es", flow, "tier1.topic")
    assert refusal is None and script is not None and script.id == "card-not-received"
    assert answer_for(scripts, normalize("necesito un abogado para mi caso"), "es", flow, "tier1.topic")[0] == "legal_advice"


def test_a_refusal_phrase_counts_only_with_its_words_together(english_call: PhoneCall) -> None:
    """'a fax number where i can send my papers' holds the words of 'my a number' apart: the fax script, no refusal."""
    english_call.press("0")
    turn = english_call.say("is there a fax number where i can send my papers")
    assert turn.state != "tier1.refuse.case_details"
    assert first_sentence(scripts_on(DEMO_CLOCK.date()), "fax") in turn.text


def test_asking_about_eligibility_is_legal_advice(flow: CompiledFlow, scripts: ScriptSet) -> None:
    """'do i qualify' asks whether the caller is eligible: legal advice (DOMAIN.md §1.3), as 'am i eligible' is."""
    said = normalize("do i qualify for a green card if i came here as a kid")
    assert answer_for(scripts, said, "en", flow, "tier1.topic")[0] == "legal_advice"


def test_a_sure_script_is_weighed_with_the_other_scripts_of_its_line(flow: CompiledFlow, scripts: ScriptSet) -> None:
    """'qué llevo a la cita de bio métricos': were the scripts' own model sure of rescheduling (as it was, on its
    phrase 'bio métricos', before round 8 joined the recogniser's split), the biometrics line names both scripts, and
    its submenu hears 'what to bring' (biometrics.menu 3): what to bring is read."""
    said = normalize("qué llevo a la cita de bio métricos")
    lines = flow.states["tier1.topic"].state.script_lines
    assert lines is not None
    script = read_by_line(scripts, said, "es", lines, flow.states, scripts.by_id("biometrics-reschedule"))
    assert script is not None and script.id == "biometrics-what-to-bring"
    _, script = answer_for(scripts, said, "es", flow, "tier1.topic")
    assert script is not None and script.id == "biometrics-what-to-bring"


def test_two_unsure_readings_that_disagree_are_not_guessed_between(flow: CompiledFlow, scripts: ScriptSet) -> None:
    """'mi papá está muy enfermo en otro país ...': the main menu only asks (outside the U.S. or the special
    lines) and the scripts' own model, unsure too, leans to expedite, a script of neither line: Tier 1 reads no
    script (it offers its topics) rather than the outside-the-U.S. one (seed 003: a script answers only its topic)."""
    said = normalize("mi papá está muy enfermo en otro país y necesito mi permiso de viaje pronto")
    assert scripts.match(said, "es") is None
    assert answer_for(scripts, said, "es", flow, "tier1.topic") == (None, None)


@pytest.mark.parametrize(
    ("said", "script_id"),
    [
        ("you sent me a request for evidence but i never got it in the mail", "notice-not-received"),
        ("i need to update where i live on my application", "change-of-address"),
    ],
)
def test_a_situation_the_scripts_in_force_carry_is_read_as_their_script(
    flow: CompiledFlow, scripts: ScriptSet, said: str, script_id: str
) -> None:
    """A request for evidence that never came is a notice not received, not a card; where one lives is a change of
    address, not the case status (DOMAIN.md §5's service requests): the phrases of the versions in force on DAY."""
    _, script = answer_for(scripts, normalize(said), "en", flow, "tier1.topic")
    assert script is not None and script.id == script_id


def test_the_round_two_versions_change_phrases_only() -> None:
    """Seed 003: what Tier 1 says is the script USCIS provides; the versions that add callers' words in round 2
    of issue 16 (their source line says so) keep every word Tier 1 reads, its label, key, topics and next steps,
    and every phrase of the version before."""
    library = load_scripts()
    changed = 0
    for versions in library.versions.values():
        for earlier, script in zip(versions, versions[1:]):
            source = (SCRIPTS_ROOT / script.id / f"v{script.version}.yaml").read_text(encoding="utf-8").splitlines()[0]
            if "issue 16 round 2" not in source.rsplit(f"; v{script.version}:", 1)[-1]:  # this version's own note
                continue
            changed += 1
            assert (script.text, script.label, script.key, script.topics, script.may_follow) == (
                earlier.text, earlier.label, earlier.key, earlier.topics, earlier.may_follow,
            ), script.ref
            for language in ("en", "es"):
                assert set(earlier.phrases[language]) <= set(script.phrases[language]), script.ref
    assert changed == 10
