"""Callers' own words on a whole call, through the signed Twilio webhooks (issue 16).

The engine routes a clear choice, asks between two close ones ("Is this about
biometrics appointments, or field office appointments?"), and otherwise says it
did not understand and offers the menu; global intents work from every menu.
"""

from __future__ import annotations

from collections.abc import Callable

from ivr.testing import PhoneCall


def test_a_callers_own_words_route_from_the_main_menu(english_call: PhoneCall) -> None:
    """'I need to reschedule my ICE appointment' reaches the other agencies, not biometrics."""
    turn = english_call.say("I need to reschedule my ICE appointment")
    assert turn.state == "other_agencies.menu"


def test_an_ambiguous_request_gets_a_clarifying_question_naming_both_options(english_call: PhoneCall) -> None:
    """'I need to change my appointment' is asked about, with each option's key, and the call stays in the menu."""
    turn = english_call.say("I need to change my appointment")
    assert turn.state == "main_menu" and turn.gather is not None
    assert turn.says[-1].startswith("Is this about ") and "or " in turn.says[-1]
    assert "biometrics appointments" in turn.text and "press 2" in turn.text


def test_the_clarifying_question_is_asked_in_spanish_to_a_spanish_caller(spanish_call: PhoneCall) -> None:
    """The question has its Spanish prompt and the options' Spanish sentences."""
    turn = spanish_call.say("quiero cambiar mi cita")
    assert turn.says[-1].startswith("¿Se trata de ") and "oprima" in turn.text and turn.languages[-1].startswith("es")


def test_the_answer_to_a_clarifying_question_routes(english_call: PhoneCall) -> None:
    """After the question, naming one of the two (even loosely) routes there."""
    english_call.say("I have a question about my appointment")
    assert english_call.say("the one at the field office").state.startswith("field_office.")


def test_the_answer_to_a_clarifying_question_may_be_a_key(english_call: PhoneCall) -> None:
    """The question reads each option's key; pressing it routes."""
    english_call.say("I need to change my appointment")
    assert english_call.press("7").state == "other_agencies.menu"


def test_asking_again_and_again_ends_at_the_attempt_limit(english_call: PhoneCall) -> None:
    """A clarifying question counts as an attempt, so an undecided caller cannot loop forever."""
    first, second = english_call.say("appointment"), english_call.say("appointment")
    assert "Is this about" in first.text and "Is this about" in second.text
    assert english_call.say("appointment").state == "attempts.offer_representative"


def test_what_is_not_understood_is_said_and_the_menu_offered(english_call: PhoneCall) -> None:
    """'What's the weather' is not routed: the caller hears so, then the menu's options."""
    turn = english_call.say("what's the weather")
    assert turn.state == "main_menu" and turn.says[0] == "Sorry, I didn't get that."
    assert "For your case status, press 1." in turn.text


def test_a_low_confidence_transcript_is_not_routed(english_call: PhoneCall) -> None:
    """Twilio's Confidence takes part: a barely heard phrase is not acted on as if sure."""
    turn = english_call.say("I have an immigration court hearing tomorrow about my visa", confidence="0.05")
    assert turn.state == "main_menu"


def test_hours_can_be_asked_from_a_submenu(english_call: PhoneCall) -> None:
    """A global intent: 'what time do you close' in the special lines menu says the hours."""
    english_call.press("5")
    turn = english_call.say("what time do you close")
    assert "24 hours a day" in turn.text


def test_a_representative_can_be_asked_for_in_spanish_from_a_submenu(spanish_call: PhoneCall) -> None:
    """'Quiero hablar con una persona' from the other agencies menu goes to live assistance (open at 10:00)."""
    spanish_call.press("7")
    assert spanish_call.say("quiero hablar con una persona").tier == "tier1"


def test_a_supervisor_asked_for_in_a_submenu_goes_where_the_flow_sends_supervisor_requests(english_call: PhoneCall) -> None:
    """'Let me talk to your manager' is the supervisor request (escalation.supervisor), scored like any choice."""
    english_call.press("4")
    assert english_call.say("let me talk to your manager").tier == "supervisor"


def test_no_receipt_number_is_understood_where_one_is_asked_for(english_call: PhoneCall) -> None:
    """At the receipt-number question, 'I don't have a receipt number' is a request, not a bad receipt number."""
    english_call.press("1")
    turn = english_call.say("I don't have a receipt number")
    assert turn.tier == "tier1" and "not a receipt number" not in turn.text


def test_a_receipt_number_said_with_its_name_is_not_taken_for_the_no_receipt_intent(english_call: PhoneCall) -> None:
    """'My receipt number is I O E …' shares words with 'no receipt number' but is no request for help."""
    english_call.press("1")
    turn = english_call.say("my receipt number is I O E 0 9 1 2 3 4 5 6 7 8")
    assert turn.state == "verify.receipt" and turn.tier == "ivr"


def test_a_bare_receipt_number_is_collected_where_intents_are_offered(english_call: PhoneCall) -> None:
    """The receipt number itself goes to its read-back, whatever the intents of the state."""
    english_call.press("1")
    assert english_call.say("I O E 0 9 1 2 3 4 5 6 7 8").state == "verify.receipt.confirm"


def test_a_menu_option_beats_a_global_intent_with_the_same_destination(english_call: PhoneCall) -> None:
    """In the main menu, 'what are your hours' is option 8 itself, not a tie with the hours intent."""
    assert "24 hours a day" in english_call.say("what are your hours").text


def test_speech_in_spanish_with_accents_dropped_routes(phone: Callable[..., PhoneCall]) -> None:
    """The recogniser may drop accents: 'como va mi solicitud' is 'cómo va mi solicitud'."""
    call = phone()
    call.start()
    call.say("español")
    assert call.say("como va mi solicitud").state == "verify.receipt"
