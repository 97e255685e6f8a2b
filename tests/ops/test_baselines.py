"""The baselines `ivr bench` holds the app against are honest: they refuse what Twilio did not sign, and the one
with the store keeps every call as the app does."""

from __future__ import annotations

import pytest
from twilio.request_validator import RequestValidator

from pathlib import Path

from ivr.ops.baselines import STATE, honest_app, stored_app
from ivr.store.line import LineStore, open_store

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


@pytest.fixture
def database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = f"sqlite:///{tmp_path / 'stored.sqlite3'}"
    monkeypatch.setenv("TWILIO_AUTH_TOKEN", TOKEN)
    monkeypatch.setenv("IVR_DATABASE_URL", url)
    return url


def _post(client, digits: str, token: str = TOKEN):
    form = {**FORM, "Digits": digits}
    return client.post("/voice/gather", data=form, headers=_signed("http://localhost/voice/gather", form, token))


def test_the_stored_baseline_keeps_each_webhook_of_a_call_as_the_app_does(database: str) -> None:
    """Each signed webhook is the call's next step: its session saved with the answer kept, one transcript entry, in
    the app's own store (on a SQLite file, the line store: the call in LMDB while it is in progress)."""
    app = stored_app()
    assert isinstance(app.extensions["store"], LineStore)
    client = app.test_client()
    answers = [_post(client, digits) for digits in ("1", "2", "3")]
    app.extensions["store"].close()
    assert [answer.status_code for answer in answers] == [200, 200, 200]
    store = open_store(database)
    session = store.session(FORM["CallSid"])
    assert session is not None and (session.steps, session.state) == (3, STATE)
    entries = store.transcript(FORM["CallSid"])
    assert [entry["input"]["value"] for entry in entries] == ["1", "2", "3"]
    assert entries[-1]["prompts"][0]["text"] == answers[-1].get_data(as_text=True)
    store.close()


def test_the_stored_baseline_moves_a_call_to_sql_when_twilio_says_it_completed(database: str) -> None:
    """Twilio's last webhook of a call (`CallStatus` completed) ends it, and the call moves to SQL, as the app's does."""
    app = stored_app()
    client = app.test_client()
    _post(client, "1")
    form = {**FORM, "CallStatus": "completed"}
    assert client.post("/voice/status", data=form, headers=_signed("http://localhost/voice/status", form)).status_code == 200
    store = app.extensions["store"]
    assert store.move_ended() == 1
    assert store._line_calls() == [] and store.session(FORM["CallSid"]).ended
    assert len(store.transcript(FORM["CallSid"])) == 2
    store.close()


def test_the_stored_baseline_keeps_nothing_of_what_twilio_did_not_sign(database: str) -> None:
    """A request signed with another token is a 403, and the store never hears of the call."""
    app = stored_app()
    assert _post(app.test_client(), "1", token="another").status_code == 403
    app.extensions["store"].close()
    store = open_store(database)
    assert store.session(FORM["CallSid"]) is None and store.count_calls() == 0
    store.close()
