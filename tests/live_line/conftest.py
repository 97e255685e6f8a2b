"""Fixtures for the live phone line: calls through the signed webhooks of apps built once per module.

Definitions are parsed once per session (they are immutable values); every test
that changes a call still gets its own app and in-memory database through
`make_app`.  Hypothesis tests use `module_app`, built once per module, because a
property runs many examples against one app.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from flask import Flask

from ivr import create_app

TOKEN = "test-auth-token"  # tests/conftest.py signs with this token
OPEN = "2026-11-23T10:00:00-05:00"  # Monday 10:00 Eastern: live assistance is open
CLOSED = "2026-11-23T21:00:00-05:00"  # Monday 21:00 Eastern: live assistance is closed


@pytest.fixture(scope="session", autouse=True)
def _definitions_loaded_once(definitions_loaded_once: None) -> None:
    """This folder builds many apps from the shipped definitions: parse them once."""


@pytest.fixture(scope="module")
def module_app(_definitions_loaded_once: None) -> Iterator[Flask]:
    """One app for a module's properties (in-memory SQLite, the demo's open hours)."""
    app = create_app({"TWILIO_AUTH_TOKEN": TOKEN, "DATABASE_URL": "sqlite://", "CLOCK": OPEN})
    app.config["TESTING"] = True
    yield app
    app.extensions["ivr"].store.close()


def form(**fields: Any) -> dict[str, str]:
    """A Twilio-like form: CallSid and AccountSid, then `fields`."""
    return {"CallSid": "CA" + "7" * 32, "AccountSid": "AC" + "0" * 32, **{k: str(v) for k, v in fields.items()}}
