"""Fixtures that build on each other: settings -> app -> client -> phone calls.

Every app here runs the real flows, real case data and a real (in-memory)
SQLite store at the demo instant, Monday 2026-11-23 10:00 Eastern, unless a
test asks for another clock with `make_app`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from ivr import create_app
from ivr.app import Runtime
from ivr.testing import PhoneCall

TOKEN = "test-auth-token"
DEMO_CLOCK = "2026-11-23T10:00:00-05:00"  # a Monday morning: live assistance is open
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def settings() -> dict[str, Any]:
    """The configuration every test app starts from."""
    return {"TWILIO_AUTH_TOKEN": TOKEN, "DATABASE_URL": "sqlite://", "CLOCK": DEMO_CLOCK}


@pytest.fixture
def make_app(settings: dict[str, Any]) -> Iterator[Callable[..., Flask]]:
    """Build apps with settings overridden per test (e.g. another CLOCK)."""
    apps: list[Flask] = []

    def make(**overrides: Any) -> Flask:
        app = create_app({**settings, **overrides})
        app.config["TESTING"] = True
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["ivr"].store.close()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def runtime(app: Flask) -> Runtime:
    return app.extensions["ivr"]  # type: ignore[no-any-return]


@pytest.fixture
def client(app: Flask) -> Any:
    return app.test_client()


@pytest.fixture
def phone(app: Flask) -> Callable[..., PhoneCall]:
    """Start simulated phone calls against the app: `call = phone(); call.start(); call.press("1")`."""

    def new_call(**kwargs: Any) -> PhoneCall:
        return PhoneCall(app, TOKEN, **kwargs)

    return new_call


@pytest.fixture
def english_call(phone: Callable[..., PhoneCall]) -> PhoneCall:
    """A call that has chosen English and hears the main menu."""
    call = phone()
    call.start()
    call.press("1")
    return call


@pytest.fixture
def spanish_call(phone: Callable[..., PhoneCall]) -> PhoneCall:
    """A call that has chosen Spanish and hears the main menu."""
    call = phone()
    call.start()
    call.press("2")
    return call
