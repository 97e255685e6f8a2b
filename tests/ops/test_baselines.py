"""The cheapest honest webhook `ivr bench` holds the app against is honest: it refuses what Twilio did not sign."""

from __future__ import annotations

import pytest
from twilio.request_validator import RequestValidator

from ivr.ops.baselines import honest_app

TOKEN = "baseline-token"
FORM = {"CallSid": "CA" + "1" * 32, "Digits": "2"}


@pytest.fixture
def client(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    return honest_app().test_client()


def _signed(url: str, form: dict[str, str], token: str = TOKEN) -> dict[str, str]:
    return {"X-Twilio-Signature": RequestValidator(token).compute_signature(url, form)}


def test_the_honest_baseline_answers_a_signed_webhook_with_twiml(client) -> None:
    """A request signed over its URL and form gets a Gather built for it."""
    response = client.post("/voice/gather?step=3", data=FORM, headers=_signed("http://localhost/voice/gather?step=3", FORM))
    assert response.status_code == 200 and "You pressed 2." in response.get_data(as_text=True)


@pytest.mark.parametrize("tamper", ["token", "form", "url"])
def test_the_honest_baseline_refuses_what_twilio_did_not_sign(client, tamper: str) -> None:
    """A signature made with another token, over another form, or over another URL is a 403."""
    form = {**FORM, "Digits": "9"} if tamper == "form" else FORM
    url = "http://localhost/voice/gather?step=4" if tamper == "url" else "http://localhost/voice/gather?step=3"
    headers = _signed(url, FORM, token="another" if tamper == "token" else TOKEN)
    response = client.post("/voice/gather?step=3", data=form, headers=headers)
    assert response.status_code == 403
