"""The trainer room on a real PostgreSQL server: accounts, throttling and training worlds as on SQLite.

PostgreSQL comes from `IVR_TEST_POSTGRES_URL` (default: the `ivr` role on 127.0.0.1:5432); the
test makes its own uniquely named database and drops it.  Outside CI an unreachable server skips
these tests; under `CI=true` it fails them.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest

from ivr import create_app
from ivr.store.base import LIVE
from ivr.web.accounts import MAX_FAILURES
from ivr.web.testing import TEST_PASSWORD, add_user, signed_in_client

from ..conftest import postgres_database

pytestmark = pytest.mark.postgres


@pytest.fixture(scope="module")
def postgres_url() -> Iterator[str]:
    with postgres_database("ivr_web_test") as url:
        yield url


@pytest.fixture
def pg_app(postgres_url: str):
    app = create_app({"TWILIO_AUTH_TOKEN": "t", "DATABASE_URL": postgres_url, "CLOCK": "2026-11-23T10:00:00-05:00",
                      "SOFTPHONE": True, "SECRET_KEY": "pg"})
    yield app
    app.extensions["ivr"].store.close()


def test_accounts_sign_in_and_throttle_on_postgresql(pg_app) -> None:
    """The same account book and throttle on PostgreSQL."""
    book = pg_app.extensions["accounts"]
    name = f"pg-{uuid.uuid4().hex[:6]}"
    add_user(pg_app, name, "trainee")
    assert book.authenticate(name, TEST_PASSWORD, "10.0.0.9") is not None
    for _ in range(MAX_FAILURES):
        book.authenticate(name, "wrong", "10.0.0.9")

    assert book.throttled(name, "10.0.0.9") is not None
    assert book.authenticate(name, TEST_PASSWORD, "10.0.0.9") is None


def test_a_rehearsal_on_postgresql_leaves_the_phone_lines_case_data_alone(pg_app) -> None:
    """A rehearsal's reschedule is kept in the trainee's world; the live world has no change."""
    name = f"pg-{uuid.uuid4().hex[:6]}"
    client = signed_in_client(pg_app, name, "trainee")
    call_id = client.post("/phone/api/calls", json={"language": "en", "case": "MSC2690550105", "date": "2026-11-18",
                                                    "time": "10:00"}).get_json()["call_id"]
    for keys in ("2", "2690550105", "1", "12011968", "1", "1", "1"):
        turn = client.post(f"/phone/api/calls/{call_id}/input", json={"digits": keys}).get_json()

    assert turn["state"] == "biometrics.after"
    store = pg_app.extensions["ivr"].store
    world = pg_app.extensions["rehearsals"].world(name)
    with store.call("CAprobe", LIVE) as tx:
        assert tx.case_changes("MSC2690550105") is None
    with store.call("SPprobe", world) as tx:
        assert tx.case_changes("MSC2690550105") is not None
