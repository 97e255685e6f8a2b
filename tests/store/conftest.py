"""The store's tests run on SQLite and on a real PostgreSQL server alike.

`database_url` is parametrised over both backends.  PostgreSQL comes from
`IVR_TEST_POSTGRES_URL` (default: the `ivr` role on 127.0.0.1:5432); each test
session creates its own uniquely named database there and drops it at the
end, and every test starts from empty tables.  Outside CI a server that cannot
be reached skips the PostgreSQL half; under `CI=true` it fails instead.

`TwilioCall` drives a call the way Twilio does: it posts to the URL the last
`<Gather>` named (with its step number), signs with twilio's
`RequestValidator`, sends an `I-Twilio-Idempotency-Token` per request and the
calling number (`From`) with every request, as Twilio does, and can send a
request again as Twilio's retry does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from flask import Flask
from sqlalchemy import text
from twilio.request_validator import RequestValidator

from ivr.store.schema import metadata
from ivr.store.base import Store
from ivr.store.line import open_store
from ivr.store.sql import SqlStore
from ivr.testing import Turn, parse_turn

from ..conftest import postgres_database

TOKEN = "test-auth-token"

@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[str]:
    """A fresh, uniquely named database on the PostgreSQL server, dropped when the session ends."""
    with postgres_database("ivr_test") as url:
        yield url


def _empty(url: str) -> None:
    store = SqlStore(url)
    try:
        with store.engine.begin() as conn:
            names = ", ".join(table.name for table in metadata.sorted_tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY"))
    finally:
        store.close()


@pytest.fixture(params=["sqlite", "lmdb", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> str:
    """A database URL with empty tables: a SQLite file (alone, or with the phone line's calls in progress in
    LMDB beside it: `ivr.store.line`), or a database on the PostgreSQL server."""
    if request.param in ("sqlite", "lmdb"):
        monkeypatch.setenv("IVR_LINE_STORE", "sql" if request.param == "sqlite" else "lmdb")
        return f"sqlite:///{tmp_path / 'store.sqlite3'}"
    url: str = request.getfixturevalue("postgres_server_url")
    _empty(url)
    return url


@pytest.fixture
def store(database_url: str) -> Iterator[Store]:
    opened = open_store(database_url)
    yield opened
    opened.close()


@pytest.fixture(scope="session", autouse=True)
def _definitions_loaded_once(definitions_loaded_once: None) -> None:
    """This folder builds many apps from the shipped definitions: parse them once."""


@pytest.fixture
def line(make_app: Callable[..., Flask], database_url: str) -> Callable[..., Flask]:
    """Apps (app servers) over the test's database: line() builds one, line(CLOCK=…) with settings."""

    def build(**settings: Any) -> Flask:
        return make_app(DATABASE_URL=database_url, **settings)

    return build


class TwilioCall:
    """One call, posted to the app as Twilio posts: signed, to the URLs the TwiML names, with idempotency tokens."""

    def __init__(self, app: Flask, call_sid: str | None = None, caller: str = "+12025550143") -> None:
        self.app = app
        self.client = app.test_client()
        self.validator = RequestValidator(TOKEN)
        self.call_sid = call_sid or "CA" + uuid.uuid4().hex
        self.caller = caller
        self.turns: list[Turn] = []
        self.sent: list[tuple[str, dict[str, str], str]] = []

    def post(self, path: str, params: dict[str, str], token: str | None = None) -> Turn:
        params = {"CallSid": self.call_sid, "AccountSid": "AC" + "0" * 32, "From": self.caller, **params}
        token = token if token is not None else uuid.uuid4().hex
        self.sent.append((path, params, token))
        signature = self.validator.compute_signature("http://localhost" + path, params)
        headers = {"X-Twilio-Signature": signature}
        if token:
            headers["I-Twilio-Idempotency-Token"] = token
        response = self.client.post(path, data=params, headers=headers)
        turn = parse_turn(response.status_code, response.get_data(as_text=True), response.headers)
        assert turn.status == 200, turn.xml
        self.turns.append(turn)
        return turn

    @property
    def action(self) -> str:
        """Where Twilio posts the caller's next answer: the last Gather's action URL."""
        gather = self.turns[-1].gather if self.turns else None
        return gather["action"] if gather else "/voice/gather"

    def start(self) -> Turn:
        return self.post("/voice", {"From": self.caller, "To": "+18003755283", "CallStatus": "ringing"})

    def press(self, digits: str, token: str | None = None) -> Turn:
        """Key `digits` at the current prompt (`token=""`: a request without an idempotency token)."""
        return self.post(self.action, {"Digits": digits}, token)

    def keys(self, *presses: str) -> Turn:
        for digits in presses:
            turn = self.press(digits)
        return turn

    def retry(self, token: bool = True) -> Turn:
        """Send the last request again, as Twilio retries it (same token, or none: same URL and body)."""
        path, params, sent_token = self.sent[-1]
        return self.post(path, {k: v for k, v in params.items() if k not in ("CallSid", "AccountSid")},
                         sent_token if token else "")

    def transcript(self) -> list[dict[str, Any]]:
        return self.app.extensions["ivr"].store.transcript(self.call_sid)  # type: ignore[no-any-return]

    def effects(self, kind: str) -> list[dict[str, Any]]:
        return [e for entry in self.transcript() for e in entry.get("effects", []) if e["kind"] == kind]


@pytest.fixture
def twilio_call() -> Callable[..., TwilioCall]:
    return TwilioCall
