"""What the caller heard keeps the call's language, marked with `lang`, on every page that reads a call back.

A trainer reading a Spanish rehearsal in English (or a Spanish reader an English call) has the
heard lines inside a page in another language; a screen reader or a browser's translator needs
each line's language (`Moment.heard_in`).  The softphone's browser test covers the softphone.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from flask import Flask

from ivr.web.testing import signed_in_client

STEPS = re.compile(r'<script type="application/json" id="steps">(.*?)</script>', re.S)


@pytest.fixture
def spanish_rehearsal(web_app: Flask) -> str:
    """Ana rehearsed a Spanish call: the main menu, our hours (8), then hung up."""
    ana = signed_in_client(web_app, "ana", "trainee")
    call_id = str(ana.post("/phone/api/calls", json={"language": "es"}).get_json()["call_id"])
    ana.post(f"/phone/api/calls/{call_id}/input", json={"digits": "8"})
    ana.post(f"/phone/api/calls/{call_id}/input", json={"hangup": True})
    return call_id


def test_the_trainers_timeline_marks_each_heard_line_with_its_language(web_app: Flask, spanish_rehearsal: str) -> None:
    """The rehearsal page's timeline: the language menu's lines in both languages, the menus in Spanish."""
    trainer: Any = signed_in_client(web_app, "tess", "trainer")
    page = trainer.get(f"/trainer/rehearsals/{spanish_rehearsal}").get_data(as_text=True)
    heard = re.findall(r'<p class="heard"(?: lang="(\w+)")?>', page)

    assert heard and "" not in heard
    assert {"en", "es"} <= set(heard)
    assert '<p class="heard" lang="es">Menú principal.' in page


def test_the_step_through_carries_each_heard_lines_language(web_app: Flask, spanish_rehearsal: str) -> None:
    """The step-through's steps list the language of each heard line, for its script to mark."""
    trainer: Any = signed_in_client(web_app, "tess", "trainer")
    steps = json.loads(STEPS.search(trainer.get(f"/calls/{spanish_rehearsal}/step").get_data(as_text=True)).group(1))

    assert all(len(step["heard_in"]) == len(step["heard"]) for step in steps)
    assert "es" in steps[-1]["heard_in"] or "es" in steps[-2]["heard_in"]
