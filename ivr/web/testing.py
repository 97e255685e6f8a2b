"""Helpers for tests of the web rooms: accounts and signed-in Flask test clients.

Public so every room's tests (softphone, console, dashboard, QA) sign in the
same way a browser does: the sign-in form with its CSRF token, then every
state-changing request carrying the token in `X-CSRFToken`, as the pages'
scripts send it.
"""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from ivr.web.accounts import Accounts, User

TEST_PASSWORD = "correct horse battery"
_TOKEN = re.compile(r'name="csrf[-_]token" (?:type="hidden" )?(?:content|value)="([^"]+)"')


def add_user(app: Flask, username: str, role: str, password: str = TEST_PASSWORD, **extra: Any) -> User:
    """An account in the app's database (for a test)."""
    book: Accounts = app.extensions["accounts"]
    existing = book.get(username)
    return existing if existing is not None else book.add(username, password, role, **extra)


def csrf_token(client: FlaskClient, path: str = "/signin") -> str:
    """The CSRF token a page at `path` carries (its `<meta name="csrf-token">` or form field)."""
    page = client.get(path).get_data(as_text=True)
    found = _TOKEN.search(page)
    if found is None:
        raise AssertionError(f"no CSRF token on {path}")
    return found.group(1)


def signed_in_client(app: Flask, username: str, role: str, password: str = TEST_PASSWORD) -> FlaskClient:
    """A test client signed in as `username` (made with `role` if new), sending the CSRF header."""
    add_user(app, username, role, password)
    client = app.test_client()
    response = client.post("/signin", data={"username": username, "password": password, "csrf_token": csrf_token(client)})
    if response.status_code != 302:
        raise AssertionError(f"sign-in as {username} failed: {response.status_code}")
    client.environ_base["HTTP_X_CSRFTOKEN"] = csrf_token(client)
    return client
