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


@pytest.mark.parametrize(("said", "state"), [("one", "main_menu"), ("1", "main_menu"), ("two", "main_menu"),
                                             ("uno", "main_menu"), ("dos", "main_menu")])
def test_saying_a_key_number_at_the_greeting_chooses_that_language(phone, said, state):
    """The greeting says "press 1 / oprima 2": a caller who says the number instead is served in that language."""
    call = phone()
    call.start()
    turn = call.say(said)
    assert turn.state == state and turn.languages[-1] == ("en-US" if said in ("one", "1", "uno") else "es-US")


def test_a_caller_who_keeps_saying_one_at_the_greeting_is_not_greeted_again_and_again(phone):
    """"One" is a key, not "one more time": the greeting is not repeated for it (it used to loop without end)."""
    call = phone()
    call.start()
    assert call.say("One.").state == "main_menu"


@pytest.mark.parametrize("said", ["one", "1", "press one", "option 1", "number one, please"])
def test_saying_an_options_key_at_a_menu_chooses_that_option(english_call, said):
    """"For your case status, press 1": saying "one" (or "press one") asks for the receipt like pressing 1."""
    assert english_call.say(said).state == "verify.receipt"


@pytest.mark.parametrize("said", ["uno", "oprima uno", "opción 1", "el número uno"])
def test_a_spanish_caller_saying_an_options_key_chooses_that_option(spanish_call, said):
    """"Para el estado de su caso, oprima 1": "uno" asks for the receipt like pressing 1."""
    assert spanish_call.say(said).state == "verify.receipt"


def test_saying_zero_asks_for_a_representative_like_pressing_it(english_call):
    """Seed 003: callers "may request live assistance by selecting that option from within the IVR": "Press 0 for a
    representative" (the demo clock is in live-assistance hours), and saying "zero" is that request."""
    assert english_call.say("zero").tier == "tier1"


def test_saying_a_key_no_option_has_counts_as_a_miss(phone):
    """A number the greeting does not offer ("three") is a no-match like any other, so it cannot loop."""
    call = phone()
    call.start()
    turn = call.say("three")
    assert turn.state == "language" and turn.text.startswith("Sorry, I didn't get that.")


def test_a_spoken_yes_key_confirms_a_read_back(english_call):
    """"If that is correct, press 1 or say yes": saying "one" confirms it."""
    english_call.press("1")
    english_call.press(RECEIPT[-10:] + "#")
    assert english_call.say("one").state == "verify.birth_date"


def test_a_number_said_for_an_identifier_is_not_taken_for_a_key(at_birth_date):
    """Where a date of birth is asked, "one" is a (poor) answer to the question, never a menu key."""
    assert at_birth_date.say("one").state == "verify.birth_date"


def test_saying_a_topic_key_at_tier1_chooses_that_topic_like_pressing_it(phone):
    """Tier 1's question takes a topic's key ("For rescheduling a biometrics appointment, press 2"): "two" is it."""
    pressed, said = phone(), phone()
    for call in (pressed, said):
        call.start()
        call.press("1")
        call.press("0")
    assert said.say("two").state == pressed.press("2").state != "tier1.unknown"


@pytest.mark.parametrize(("language", "said"), [("es", "yes"), ("es", "okay"), ("es", "ok"), ("en", "okay")])
def test_a_read_back_takes_the_yes_bilingual_callers_say(phone, language, said):
    """"Si es correcto, oprima 1 o diga sí": a Spanish caller's "yes" or "okay" confirms, as an English caller's "sí" does."""
    call = phone()
    call.start()
    call.press("1" if language == "en" else "2")
    call.press("1")
    call.press(RECEIPT[-10:] + "#")
    assert call.say(said).state == "verify.birth_date"
