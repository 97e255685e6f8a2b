"""The Twilio webhooks: signed requests in, TwiML out (DESIGN.md §2 and §3)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from twilio.request_validator import RequestValidator

from ivr.testing import PhoneCall

TOKEN = "test-auth-token"  # as in conftest.py


def test_incoming_call_answers_with_the_language_menu(phone):
    """A signed incoming call hears the language choice inside a Gather for keys and speech."""
    turn = phone().start()
    root = turn.element()
    gather = root.find("Gather")
    assert turn.status == 200
    assert gather is not None and gather.get("input") == "dtmf speech"
    assert gather.get("action") == "/voice/gather?step=1"  # the step number the answer will find the call at
    assert " ".join(say.text for say in gather.findall("Say")).endswith("For English, press 1. Para español, oprima 2.")


def test_pressing_1_reaches_the_english_main_menu(english_call):
    """Pressing 1 at the language menu reaches the main menu in English."""
    turn = english_call.last
    assert (turn.state, turn.tier, turn.gather["language"]) == ("main_menu", "ivr", "en-US")
    assert "Main menu." in turn.text and "press 0 for a representative" in turn.text


def test_pressing_2_reaches_the_spanish_main_menu(spanish_call):
    """Pressing 2 at the language menu reaches the main menu in Spanish."""
    turn = spanish_call.last
    assert (turn.state, turn.gather["language"]) == ("main_menu", "es-US")
    assert turn.text.startswith("Menú principal.")
    assert turn.languages == ("es-US",)


@pytest.mark.parametrize("said, language", [("English", "en-US"), ("Español", "es-US")], ids=["english", "espanol"])
def test_saying_the_language_chooses_it(phone, said, language):
    """Saying "English" or "Español" works like the keys (DESIGN.md §3)."""
    call = phone()
    call.start()
    assert call.say(said).gather["language"] == language


def test_menu_options_follow_the_contract_phrasing(english_call, spanish_call):
    """Menus say "For <topic>, press <key>." and "Para <tema>, oprima <tecla>." (DESIGN.md §3)."""
    assert "For our hours, press 8." in english_call.last.text
    assert "Para nuestro horario, oprima 8." in spanish_call.last.text


def test_every_voice_answer_carries_state_and_tier_headers(english_call):
    """QA tools read X-IVR-State and X-IVR-Tier on every voice response."""
    for turn in english_call.turns:
        assert turn.state and turn.tier == "ivr"


def test_unsigned_request_is_refused(client):
    """A request without X-Twilio-Signature gets 403."""
    response = client.post("/voice", data={"CallSid": "CA1"})
    assert response.status_code == 403


def test_wrongly_signed_request_is_refused(client):
    """A request signed with another token gets 403."""
    params = {"CallSid": "CA1"}
    signature = RequestValidator("another-token").compute_signature("http://localhost/voice", params)
    response = client.post("/voice", data=params, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 403


def test_every_twilio_route_checks_the_signature(client):
    """Gather, status and resume URLs refuse unsigned requests too."""
    for path in ("/voice/gather", "/voice/status", "/voice/resume"):
        assert client.post(path, data={"CallSid": "CA1"}).status_code == 403


def test_without_an_auth_token_every_request_is_refused(make_app, caplog):
    """With no TWILIO_AUTH_TOKEN configured the routes refuse everything and the log says why."""
    app = make_app(TWILIO_AUTH_TOKEN=None)
    params = {"CallSid": "CA1"}
    signature = RequestValidator("").compute_signature("http://localhost/voice", params)
    response = app.test_client().post("/voice", data=params, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 403
    assert "TWILIO_AUTH_TOKEN is not configured" in caplog.text


def test_signature_is_checked_against_the_public_base_url_behind_a_proxy(make_app):
    """Behind a proxy the signed URL is rebuilt from PUBLIC_BASE_URL, not the request's own host."""
    app = make_app(PUBLIC_BASE_URL="https://ivr.example.org")
    call = PhoneCall(app, TOKEN, base_url="https://ivr.example.org")
    assert call.start().status == 200
    direct = PhoneCall(app, TOKEN)  # signed for http://localhost: not what Twilio would sign
    assert direct.client.post("/voice", data={"CallSid": "CA9"}).status_code == 403


def test_get_webhooks_are_signed_over_the_query_string(app):
    """Twilio numbers configured for GET are served and checked too."""
    url = "http://localhost/voice?CallSid=CAget&From=%2B12025550143"
    signature = RequestValidator(TOKEN).compute_signature(url, {})
    response = app.test_client().get("/voice?CallSid=CAget&From=%2B12025550143", headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200 and response.headers["X-IVR-State"] == "language"


def test_status_callback_closes_the_call(phone, runtime):
    """A completed status callback marks the call ended in the store."""
    call = phone()
    call.start()
    call.hang_up()
    assert runtime.store.session(call.call_sid).ended


@pytest.mark.parametrize("status", ["completed", "busy", "no-answer", "failed", "canceled"])
def test_a_status_callback_for_a_call_never_answered_leaves_no_call_in_progress(phone, runtime, status):
    """A call the store never saw (the caller hung up before the first answer, or the fallback URL took it)
    is recorded as ended by its final status, never as a call still in progress at the language menu."""
    call = phone()
    call.post("/voice/status", CallStatus=status)
    session = runtime.store.session(call.call_sid)
    assert session is None or session.ended
    assert all(record.ended for record in runtime.store.calls())


def test_twiml_is_well_formed_for_every_step_of_a_call(english_call):
    """Every answer parses as a TwiML <Response>."""
    english_call.press("8")
    for turn in english_call.turns:
        assert ET.fromstring(turn.xml).tag == "Response"


def test_hangup_state_ends_with_a_hangup_verb(english_call):
    """Choosing to end the call says goodbye and hangs up."""
    turn = english_call.press("9")
    assert turn.hung_up and turn.says[-1] == "Thank you for calling. Goodbye."
