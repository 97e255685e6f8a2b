"""Fixtures for the web rooms: an app with the rooms on (a live line: a Twilio token is set), clients by role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

from ivr.web.testing import signed_in_client


@pytest.fixture
def stranger(web_app: Flask) -> Any:
    """A browser that has not signed in."""
    return web_app.test_client()


@pytest.fixture
def as_role(web_app: Flask) -> Callable[[str], Any]:
    """A signed-in client for a role: `as_role("trainer")` (account named after the role)."""
    return lambda role, name=None: signed_in_client(web_app, name or role, role)
