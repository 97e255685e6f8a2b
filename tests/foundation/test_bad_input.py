"""Bad input always gets a clear answer: valid TwiML that keeps the caller oriented, never a 5xx."""

from __future__ import annotations

import logging
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ivr.testing import PhoneCall

TOKEN = "test-auth-token"


def test_unknown_call_mid_flow_hears_an_apology_and_the_first_menu(phone):
    """A CallSid the store never saw, posting to the gather URL, starts over politely."""
    call = phone(call_sid="CA-never-seen")
    turn = call.press("3")
    assert turn.status == 200 and turn.state == "language"
    assert turn.says[0].startswith("Sorry, something went wrong on our side.")


def test_junk_digits_reprompt_the_same_menu(english_call):
    """Keys that are not phone keys count as no-match and the menu is offered again."""
    turn = english_call.press("<script>alert()</script>")
    assert (turn.status, turn.state) == (200, "main_menu")
    assert turn.says[0] == "Sorry, I didn't get that."


def test_overlong_digits_are_cut_and_answered(english_call):
    """A 5,000-key Digits value is refused as no-match, not a crash."""
    turn = english_call.press("1" * 5000)
    assert (turn.status, turn.state) == (200, "main_menu")


def test_ten_kilobyte_speech_result_is_answered(english_call):
    """A 10 kB SpeechResult is cut and matched like any other utterance."""
    turn = english_call.say("blah " * 2048)
    assert (turn.status, turn.state) == (200, "main_menu")
    assert turn.says[0] == "Sorry, I didn't get that."


def test_missing_call_sid_gets_an_apology_not_an_error(app):
    """A signed request without CallSid (no call to continue) gets a spoken apology."""
    call = PhoneCall(app, TOKEN)
    signature = call.validator.compute_signature("http://localhost/voice/gather", {"Digits": "1"})
    response = call.client.post("/voice/gather", data={"Digits": "1"}, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200
    assert b"<Say" in response.data and b"<Hangup" in response.data


def test_gather_with_no_fields_is_silence(english_call):
    """A gather callback with neither Digits nor SpeechResult is treated as no input."""
    turn = english_call.post("/voice/gather")
    assert turn.says[0] == "Sorry, I didn't hear anything."


def test_wrong_method_gets_twiml(client):
    """A PUT to a voice URL gets a TwiML apology, not a bare error page."""
    response = client.put("/voice")
    assert response.status_code < 500 and response.mimetype == "text/xml"
    assert b"<Response>" in response.data


def test_personal_data_never_reaches_the_logs(phone, caplog):
    """Inputs (keys and speech) are never written to the log, even when something goes wrong."""
    caplog.set_level(logging.DEBUG)
    call = phone(call_sid="CA-unknown-to-the-store")
    call.say("my receipt is I O E 0912345678 and I was born April 12 1990")
    call.press("0912345678#")
    assert "0912345678" not in caplog.text and "1990" not in caplog.text


_FIELD = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    path=st.sampled_from(["/voice", "/voice/gather", "/voice/status", "/voice/resume", "/voice/gather?silence=1"]),
    params=st.dictionaries(
        st.sampled_from(["CallSid", "Digits", "SpeechResult", "Confidence", "CallStatus", "From", "Junk"]),
        _FIELD,
        max_size=6,
    ),
)
def test_no_signed_request_ever_gets_a_5xx(app, path, params):
    """Property: whatever a signed request carries, the answer is valid TwiML with status below 500."""
    call = PhoneCall(app, TOKEN, call_sid=params.get("CallSid", "CAfuzz"))
    signature = call.validator.compute_signature("http://localhost" + path, params)
    response = call.client.post(path, data=params, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200
    assert response.data.startswith(b"<?xml") and b"<Response" in response.data
