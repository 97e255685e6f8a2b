"""The gate of the web rooms on a live line: sign-in, roles, CSRF, the host check, security headers.

DESIGN.md §5: when a Twilio token is configured, every trainer-room and QA page and API answers a
visitor who is not signed in with the sign-in page (a redirect) or 401/403, and never with case data.
"""

from __future__ import annotations

import re

import pytest
from flask import Flask

from ivr.web.testing import csrf_token

OPEN_ENDPOINTS = {"auth.signin", "auth.signout", "auth.home", "auth.static"}  # the way in, and its style sheet


def _room_routes(app: Flask) -> list[tuple[str, str, str]]:
    """(endpoint, method, a URL) for every route of every web room except the way in."""
    rooms = app.extensions["web_rooms"]
    found = []
    for rule in app.url_map.iter_rules():
        blueprint = rule.endpoint.rpartition(".")[0]
        if blueprint not in rooms or rule.endpoint in OPEN_ENDPOINTS:
            continue
        url = re.sub(r"<(?:[^:>]+:)?([^>]+)>", lambda m: "x.css" if m.group(1) == "filename" else "SPfake", rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            found.append((rule.endpoint, method, url))
    return found


def test_the_rooms_have_routes_to_check(web_app) -> None:
    """The sweep below covers the softphone's page and API (and every room added later)."""
    endpoints = {endpoint for endpoint, _, _ in _room_routes(web_app)}

    assert {"softphone.page", "softphone.start_call", "softphone.cases"} <= endpoints


def test_every_room_route_answers_a_stranger_with_sign_in_or_401_403(web_app, stranger) -> None:
    """Not signed in, with a Twilio token set: each route redirects to /signin or answers 401/403, never data."""
    for endpoint, method, url in _room_routes(web_app):
        response = stranger.open(url, method=method, json={} if method != "GET" else None)

        if response.status_code == 302:
            assert response.headers["Location"].startswith("/signin"), (endpoint, method)
        else:
            assert response.status_code in (400, 401, 403), (endpoint, method, response.status_code)
        assert b"EAC2690150101" not in response.data and b"date_of_birth" not in response.data, endpoint


def test_a_page_sends_a_stranger_to_sign_in_and_back(stranger) -> None:
    """GET /phone redirects to the sign-in page, which will come back to /phone."""
    response = stranger.get("/phone")

    assert response.status_code == 302 and response.headers["Location"] == "/signin?next=/phone"


def test_an_api_answers_a_stranger_401_with_no_case_data(stranger) -> None:
    """GET /phone/api/cases (every case's date of birth) answers 401 JSON to a stranger."""
    response = stranger.get("/phone/api/cases")

    assert response.status_code == 401 and response.get_json() == {"error": "sign in first"}


def test_a_role_without_the_room_gets_403(as_role) -> None:
    """A QA account cannot open the softphone: 403 (page) and 403 (API)."""
    client = as_role("qa")

    assert client.get("/phone").status_code == 403
    assert client.get("/phone/api/cases").status_code == 403


def test_a_post_without_the_csrf_token_is_refused(web_app, as_role) -> None:
    """A signed-in browser's POST without the token (a forged request from another site) is refused."""
    client = as_role("trainee")
    del client.environ_base["HTTP_X_CSRFTOKEN"]

    response = client.post("/phone/api/calls", json={"language": "en"})

    assert response.status_code == 400 and "CSRF" in response.get_json()["error"]


def test_sign_in_without_the_csrf_token_is_refused(web_app, stranger) -> None:
    """Even the sign-in form needs its token (no login CSRF): without it no one is signed in, the form comes back."""
    from ivr.web.testing import TEST_PASSWORD, add_user

    add_user(web_app, "trainee", "trainee")
    response = stranger.post("/signin", data={"username": "trainee", "password": TEST_PASSWORD})

    assert response.status_code == 303 and response.headers["Location"] == "/signin"
    assert stranger.get("/phone").status_code == 302  # still a stranger: sent to sign in


def test_the_twilio_webhook_needs_no_csrf_token_nor_sign_in(web_app) -> None:
    """POST /voice is not a room: it is answered on its signature alone (here: missing, so 403 from Twilio's check)."""
    response = web_app.test_client().post("/voice", data={"CallSid": "CA1"})

    assert response.status_code == 403
    assert "Content-Security-Policy" not in response.headers


def test_a_foreign_host_is_refused(web_app, as_role) -> None:
    """DNS rebinding: a page asked for under a host name we do not serve answers 400."""
    client = as_role("trainee")

    response = client.get("/phone", headers={"Host": "attacker.example"})

    assert response.status_code == 400 and b"not served here" in response.data


def test_hosts_listed_in_allowed_hosts_are_served(make_app) -> None:
    """ALLOWED_HOSTS adds names (a comma-separated list from the environment)."""
    app = make_app(SOFTPHONE=True, SECRET_KEY="x", ALLOWED_HOSTS="trainer.example.org, other.example")

    response = app.test_client().get("/signin", headers={"Host": "trainer.example.org:8443"})

    assert response.status_code == 200


@pytest.mark.parametrize(("header", "value"), [
    ("Content-Security-Policy", "frame-ancestors 'none'"),
    ("Content-Security-Policy", "script-src 'self'"),
    ("X-Frame-Options", "DENY"),
    ("X-Content-Type-Options", "nosniff"),
])
def test_room_pages_carry_the_security_headers(stranger, header: str, value: str) -> None:
    """The sign-in page (and every room) forbids framing and inline scripts."""
    response = stranger.get("/signin")

    assert value in response.headers[header]


def test_the_page_carries_a_csrf_token_for_its_scripts(as_role) -> None:
    """Room pages put the token in <meta name="csrf-token"> for their JSON calls."""
    client = as_role("trainee")

    assert csrf_token(client, "/phone")
