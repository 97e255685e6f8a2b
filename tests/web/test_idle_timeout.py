"""A sign-in ends after `IDLE_TIMEOUT_MINUTES` (30) without a request, and each request starts the time again.

The time is the session cookie's signed timestamp (Flask's `PERMANENT_SESSION_LIFETIME`),
read here from a clock the test moves (`itsdangerous`' `TimestampSigner.get_timestamp`):
no test waits.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from flask import Flask
from itsdangerous.timed import TimestampSigner

from ivr.errors import ConfigError
from ivr.web.testing import TEST_PASSWORD, csrf_token, signed_in_client


class SignerClock:
    """The cookie signer's clock, in whole seconds, moved by the test."""

    def __init__(self) -> None:
        self.now = 1_800_000_000

    def pass_minutes(self, minutes: float) -> None:
        self.now += int(minutes * 60)


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> SignerClock:
    found = SignerClock()
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: found.now)
    return found


@pytest.fixture
def trainer(web_app: Flask, clock: SignerClock) -> Any:
    return signed_in_client(web_app, "terry", "trainer")


def _signin_target(response: Any) -> str:
    """Where a redirect to the sign-in page will go back to (its `next`)."""
    location = urlsplit(response.headers["Location"])
    assert location.path == "/signin", response.headers["Location"]
    return parse_qs(location.query)["next"][0]


def test_a_sign_in_idle_past_the_timeout_gets_the_sign_in_page(trainer: Any, clock: SignerClock) -> None:
    """31 minutes after the last request, the dashboard answers with the sign-in page, coming back to it after."""
    assert trainer.get("/trainer").status_code == 200
    clock.pass_minutes(31)

    response = trainer.get("/trainer")

    assert response.status_code == 302 and _signin_target(response) == "/trainer"


def test_each_request_starts_the_idle_time_again(trainer: Any, clock: SignerClock) -> None:
    """Requests 20 minutes apart keep the trainer signed in for an hour (the timeout slides)."""
    for _ in range(3):
        clock.pass_minutes(20)
        assert trainer.get("/trainer").status_code == 200


def test_the_timed_out_user_is_told_why_and_returns_where_they_were(web_app: Flask, trainer: Any, clock: SignerClock) -> None:
    """The sign-in page says the sign-in timed out; signing in again goes back to the page asked for."""
    clock.pass_minutes(45)
    asked = trainer.get("/trainer/trainees/tina?tab=rehearsals")
    target = _signin_target(asked)

    page = trainer.get(asked.headers["Location"]).get_data(as_text=True)
    again = trainer.post(f"/signin?next={target}", data={"username": "terry", "password": TEST_PASSWORD,
                                                          "csrf_token": csrf_token(trainer, asked.headers["Location"])})

    assert "You were signed out after 30 minutes without activity" in page
    assert again.status_code == 302 and again.headers["Location"] == "/trainer/trainees/tina?tab=rehearsals"


def test_an_api_answers_a_timed_out_call_with_401(web_app: Flask, clock: SignerClock) -> None:
    """A page's script asking after the timeout gets 401 JSON saying so, not the data."""
    tina = signed_in_client(web_app, "tina", "trainee")
    clock.pass_minutes(31)

    response = tina.get("/phone/api/cases")

    assert response.status_code == 401 and "without activity" in response.get_json()["error"]


def test_signing_out_is_not_a_timeout(trainer: Any, clock: SignerClock) -> None:
    """Someone who signed out is not told they timed out."""
    trainer.post("/signout")
    clock.pass_minutes(31)

    page = trainer.get("/signin").get_data(as_text=True)

    assert "without activity" not in page


def test_an_open_event_stream_is_not_activity(web_app: Flask, clock: SignerClock) -> None:
    """A console page left open (its queue's stream reconnecting) does not keep the sign-in alive."""
    tina = signed_in_client(web_app, "tina", "trainee")
    sync = {"wsgi.multithread": False}
    clock.pass_minutes(20)
    assert tina.get("/console/api/queue/events?seat=tier1", environ_overrides=sync).status_code == 200
    clock.pass_minutes(15)

    assert tina.get("/console").status_code == 302


def test_a_stylesheet_fetched_is_not_activity(web_app: Flask, clock: SignerClock) -> None:
    """The browser fetching a page's stylesheet neither re-signs the cookie nor keeps the sign-in alive.

    Before, a stylesheet still loading when the clock moved came back with a cookie signed at the new
    time (Set-Cookie on a static file, which a shared cache must not keep either): CI's browser test
    found the trainer still signed in 45 minutes later.
    """
    tina = signed_in_client(web_app, "tina", "trainee")
    clock.pass_minutes(20)
    sheet = tina.get("/web/static/web.css")
    clock.pass_minutes(15)

    assert sheet.status_code == 200 and "Set-Cookie" not in sheet.headers
    assert tina.get("/console").status_code == 302


def test_the_timeout_is_a_setting(make_app: Callable[..., Flask], tmp_path: Path, clock: SignerClock) -> None:
    """IDLE_TIMEOUT_MINUTES=5: six idle minutes sign the person out."""
    app = make_app(SOFTPHONE=True, SECRET_KEY="web-test-secret", IDLE_TIMEOUT_MINUTES=5)
    app.instance_path = str(tmp_path / "instance")
    tina = signed_in_client(app, "tina", "trainee")
    clock.pass_minutes(4)
    assert tina.get("/phone").status_code == 200
    clock.pass_minutes(6)

    assert tina.get("/phone").status_code == 302


@pytest.mark.parametrize("value", ["0", "soon", "-5"])
def test_a_timeout_that_is_not_whole_minutes_is_refused(make_app: Callable[..., Flask], value: str) -> None:
    """A bad setting stops the app with one line naming it."""
    with pytest.raises(ConfigError, match="IDLE_TIMEOUT_MINUTES"):
        make_app(SOFTPHONE=True, IDLE_TIMEOUT_MINUTES=value)


def test_a_form_sent_after_the_timeout_comes_back_to_its_page(trainer: Any, clock: SignerClock) -> None:
    """A form posted after the timeout changes nothing and, after signing in, returns to the page it was on."""
    clock.pass_minutes(31)

    response = trainer.post("/trainer/trainees/tina/assign", data={"branch": "x"},
                            headers={"Referer": "http://localhost/trainer/trainees/tina"})

    assert response.status_code == 302 and _signin_target(response) == "/trainer/trainees/tina"


def test_a_form_from_another_site_does_not_choose_where_to_return(trainer: Any, clock: SignerClock) -> None:
    """The page to return to is taken only from this site: another site's referrer is ignored."""
    clock.pass_minutes(31)

    response = trainer.post("/trainer/trainees/tina/assign", headers={"Referer": "https://evil.example/trainer"})

    assert _signin_target(response) == "/trainer/trainees/tina/assign"
