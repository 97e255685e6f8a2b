"""Resetting a trainee's world is a deliberate act: a page says what will be lost, and its form confirms.

The reset gives the trainee a fresh copy of the training case data (what their
rehearsals changed in it is gone).  The confirmation works without JavaScript:
a page (GET) and its form (POST, with Flask-WTF's CSRF token).
"""

from __future__ import annotations

import html
from typing import Any

import pytest
from flask import Flask

from ivr.web.testing import signed_in_client

DEMO_CASE = "EAC2690150101"  # biometrics on Dec 8, never rescheduled (ivr/data/demo_cases.yaml)
RESCHEDULE = ("2", "2690150101#", "1", "02281987", "1", "1", "1", "2")  # ... book the first time, end the call
RESET = "/trainer/trainees/ana/reset"


def _world(web_app: Flask) -> str:
    return str(web_app.extensions["rehearsals"].world("ana"))


@pytest.fixture
def ana(web_app: Flask) -> Any:
    return signed_in_client(web_app, "ana", "trainee")


@pytest.fixture
def rescheduled(ana: Any) -> str:
    """Ana rescheduled the demo case's biometrics appointment in her world, and hung up."""
    call_id = ana.post("/phone/api/calls", json={"language": "en", "case": DEMO_CASE}).get_json()["call_id"]
    for digits in RESCHEDULE:
        assert ana.post(f"/phone/api/calls/{call_id}/input", json={"digits": digits}).status_code == 200
    ana.post(f"/phone/api/calls/{call_id}/input", json={"hangup": True})
    return str(call_id)


@pytest.fixture
def trainer(web_app: Flask, ana: Any) -> Any:
    return signed_in_client(web_app, "tess", "trainer")


def test_a_reset_sent_without_its_confirmation_changes_nothing(web_app: Flask, trainer: Any) -> None:
    """A POST that is not the confirmation page's form (the old one-click button) gets the page, and the world stays."""
    before = _world(web_app)

    response = trainer.post(RESET)

    assert response.status_code == 200 and "Yes, reset ana" in response.get_data(as_text=True)
    assert _world(web_app) == before


def test_the_confirmation_page_says_what_will_be_lost(trainer: Any, rescheduled: str) -> None:
    """The page lists what Ana's rehearsals changed in the case data, in words, and what stays."""
    page = trainer.get(RESET).get_data(as_text=True)

    assert "What will be lost" in page
    assert f"case {DEMO_CASE} updated (biometrics)" in page
    assert "What stays" in page and "Every transcript" in page


def test_a_world_nothing_changed_says_nothing_is_lost(trainer: Any) -> None:
    """Before Ana rehearses, the page says a reset loses nothing."""
    page = trainer.get(RESET).get_data(as_text=True)

    assert "Nothing: ana has not rehearsed since the last reset." in page


def test_confirming_resets_the_world(web_app: Flask, trainer: Any, rescheduled: str) -> None:
    """The confirmation page's form gives Ana a fresh world and goes back to her page, saying so."""
    before = _world(web_app)

    response = trainer.post(RESET, data={"trainee": "ana"})

    assert response.status_code == 303 and response.headers["Location"] == "/trainer/trainees/ana"
    assert _world(web_app) != before
    assert "ana's world is reset" in html.unescape(trainer.get("/trainer/trainees/ana").get_data(as_text=True))


def test_the_confirmation_needs_its_csrf_token(web_app: Flask, trainer: Any) -> None:
    """A confirmation without the page's CSRF token (a forged form on another site) resets nothing."""
    before = _world(web_app)
    del trainer.environ_base["HTTP_X_CSRFTOKEN"]

    response = trainer.post(RESET, data={"trainee": "ana"})

    assert response.status_code == 400
    assert _world(web_app) == before


def test_the_trainee_page_links_to_the_confirmation(trainer: Any) -> None:
    """The trainee's page has no one-click reset: its link opens the confirmation page."""
    page = trainer.get("/trainer/trainees/ana").get_data(as_text=True)

    assert f'href="{RESET}"' in page
    assert f'action="{RESET}"' not in page


def test_an_unknown_trainees_world_is_not_found(trainer: Any) -> None:
    """There is no world to reset for someone who is not a trainee."""
    assert trainer.get("/trainer/trainees/nobody/reset").status_code == 404
    assert trainer.post("/trainer/trainees/nobody/reset", data={"trainee": "nobody"}).status_code == 404
