"""Speech tuned for what is asked (issue 9, point 6): hints, speech models, and low confidence on identifiers."""

from __future__ import annotations

import pytest

RECEIPT, BORN = "EAC2690150101", "February 28 1987"  # Rafael Ortega Lunares, ivr/data/demo_cases.yaml


@pytest.fixture
def at_birth_date(english_call):
    """An English caller who chose case status and confirmed a keyed receipt: asked for the date of birth."""
    english_call.press("1")
    english_call.press(RECEIPT[-10:] + "#")
    turn = english_call.press("1")
    assert turn.state == "verify.birth_date"
    return english_call


def test_menu_hints_are_the_options_phrases_not_topics_split_at_commas(english_call):
    """Main-menu hints are what callers say ("immigration court"), never a topic cut at its commas ("or visas")."""
    hints = english_call.last.gather["hints"].split(", ")
    assert {"case status", "immigration court", "biometrics appointment", "supervisor"} <= set(hints)
    assert "or visas" not in hints and not any(hint.startswith("other agencies such as") for hint in hints)


def test_no_hint_carries_a_comma_of_its_own(english_call, spanish_call):
    """Twilio splits hints at commas, so each hint is written without one (both languages)."""
    for call in (english_call, spanish_call):
        hints = call.last.gather["hints"].split(", ")
        assert all("," not in hint and hint == hint.strip() for hint in hints)


def test_menus_keep_the_default_model_and_an_automatic_end_of_speech(english_call):
    """A menu answer is a few words: no speech model, speechTimeout auto."""
    gather = english_call.last.gather
    assert gather["speechTimeout"] == "auto" and "speechModel" not in gather and "enhanced" not in gather


def test_receipt_numbers_use_the_phone_call_model_enhanced_with_a_fixed_timeout(english_call):
    """Receipt numbers are read letter by letter: phone_call model, enhanced, a fixed 3 s speechTimeout."""
    gather = english_call.press("1").gather
    assert (gather["speechModel"], gather["enhanced"], gather["speechTimeout"]) == ("phone_call", "true", "3")


def test_dates_of_birth_are_tuned_like_every_identifier(at_birth_date):
    """The date-of-birth question is an identifier too: same model, enhanced, fixed timeout."""
    gather = at_birth_date.last.gather
    assert (gather["speechModel"], gather["enhanced"], gather["speechTimeout"]) == ("phone_call", "true", "3")


def test_a_date_of_birth_heard_with_low_confidence_is_read_back_before_use(at_birth_date, runtime):
    """Confidence 0.31: "I heard February 28, 1987. If that is correct, press 1…", and the case is not read yet."""
    turn = at_birth_date.say(BORN, confidence="0.31")
    assert turn.state == "verify.birth_date.confirm"
    assert turn.text.startswith("I heard February 28, 1987. If that is correct, press 1 or say yes.")
    assert runtime.store.session(at_birth_date.call_sid).verified_receipt is None


def test_confirming_the_read_back_goes_on_to_the_case(at_birth_date):
    """After the read-back, 1 (or yes) uses the date: the caller is verified and hears the case."""
    at_birth_date.say(BORN, confidence="0.31")
    turn = at_birth_date.press("1")
    assert turn.state == "case_status.menu" and "Fingerprint Fee Was Received" in turn.text


def test_rejecting_the_read_back_asks_for_the_date_again(at_birth_date):
    """2 (or no) at the read-back: the date of birth is asked again, nothing used."""
    at_birth_date.say("February 20 1987", confidence="0.2")
    turn = at_birth_date.say("no")
    assert turn.state == "verify.birth_date"


def test_a_date_of_birth_heard_with_high_confidence_is_used_straight_away(at_birth_date):
    """Confidence 0.92: no read-back for a date of birth (the flow does not ask one)."""
    turn = at_birth_date.say(BORN, confidence="0.92")
    assert turn.state == "case_status.menu"


def test_a_keyed_date_of_birth_is_never_read_back(at_birth_date):
    """Keys carry no doubt: 02281987 is used at once."""
    assert at_birth_date.press("02281987").state == "case_status.menu"


@pytest.mark.parametrize("confidence", ["0.1", "0.49"])
def test_a_receipt_heard_with_low_confidence_is_read_back_as_always(english_call, confidence):
    """Receipt numbers are always read back; a low confidence changes nothing there."""
    english_call.press("1")
    turn = english_call.say("E A C 2 6 9 0 1 5 0 1 0 1", confidence=confidence)
    assert turn.state == "verify.receipt.confirm"


def test_an_unsure_answer_is_recorded_so_replay_takes_the_same_path(at_birth_date, runtime, tmp_path):
    """The transcript keeps a low confidence (`confidence: 0.31` beside `say:`), and replay reads back as the call did."""
    from ivr.qa import transcript as transcripts
    from ivr.qa.replay import Replayer

    at_birth_date.say(BORN, confidence="0.31")
    at_birth_date.press("1")
    [recorded] = transcripts.from_entries(runtime.store.transcript(at_birth_date.call_sid))
    path = transcripts.write(recorded, tmp_path / "unsure.transcript.yaml")
    assert "confidence: 0.31" in path.read_text(encoding="utf-8")
    result = Replayer().replay_path(path)
    assert result.passed and result.steps == 7, result.diff
