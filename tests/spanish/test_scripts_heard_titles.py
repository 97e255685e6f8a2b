"""A script heard is named by its title in the reader's language, never by its English id.

The call summary's "Guiones escuchados" row and the timeline's "Guion escuchado:" notes (the
softphone, the trainer's rehearsal pages, QA's phone calls) showed "biometrics reschedule", the
script id in English words; a Spanish reader sees the script's Spanish label ("cambiar una cita
de servicios biométricos"), an English reader its English one.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pytest
from flask import Flask

from ivr.definitions.flows import load_flows
from ivr.definitions.scripts import load_scripts
from ivr.trainers.labels import Labels, labels_for
from ivr.web.testing import add_user, signed_in_client
from ivr.web.timeline import script_words, summary_rows

TOPIC_MENU = ("0", "2")  # at the main menu: a representative, then Tier 1's topic key 2 (biometrics-reschedule)


@cache
def reader(language: str) -> Labels:
    return labels_for(load_flows()["uscis_contact_center"], language)


@pytest.mark.parametrize(
    ("language", "heading", "title"),
    [
        pytest.param("es", "Guiones escuchados", "cambiar una cita de servicios biométricos", id="es"),
        pytest.param("en", "Scripts heard", "rescheduling a biometrics appointment", id="en"),
    ],
)
def test_the_summary_names_each_script_heard_by_its_title(language: str, heading: str, title: str) -> None:
    """The summary row lists the scripts heard by their titles in the reader's language."""
    summary = {"path": ["main_menu"], "tiers": ["ivr", "tier1"], "scripts_heard": ["biometrics-reschedule@4", "case-status@2"]}

    rows = dict(summary_rows(summary, reader(language), load_scripts()))

    assert rows[heading] == f"{title}, {load_scripts().get('case-status@2').label[language]}"


def test_a_version_the_library_lacks_is_named_by_its_latest_title() -> None:
    """A transcript from a deployment with more versions still reads in words, not as an id."""
    assert script_words("military-help-line@99", reader("es"), load_scripts()) == "la línea de ayuda para militares"


def test_a_script_the_library_lacks_is_named_by_its_id_in_words() -> None:
    """With nothing to name it by, the id is shown in words (never an error)."""
    assert script_words("a-retired-script@1", reader("es"), load_scripts()) == "a retired script"


@pytest.fixture
def spanish_trainee(web_app: Flask) -> Any:
    """A trainee who reads the trainer room in Spanish."""
    add_user(web_app, "lucia", "trainee", language="es")
    return signed_in_client(web_app, "lucia", "trainee")


@pytest.fixture
def spanish_call(spanish_trainee: Any) -> tuple[str, dict[str, Any]]:
    """A Spanish rehearsal on 2026-12-14 (biometrics-reschedule@11 in force, since 2026-12-14) that hears Tier 1's script, then hangs up."""
    started = spanish_trainee.post("/phone/api/calls", json={"language": "es", "date": "2026-12-14", "time": "10:00",
                                                             "zone": "America/New_York"})
    assert started.status_code == 201, started.get_json()
    call_id = started.get_json()["call_id"]
    for digits in TOPIC_MENU:
        response = spanish_trainee.post(f"/phone/api/calls/{call_id}/input", json={"digits": digits})
        assert response.status_code == 200, response.get_json()
    last = spanish_trainee.post(f"/phone/api/calls/{call_id}/input", json={"hangup": True}).get_json()
    return call_id, last


def test_the_softphone_summary_lists_the_spanish_title(spanish_call: tuple[str, dict[str, Any]]) -> None:
    """The end-of-call summary a Spanish reader gets says the script's Spanish title."""
    _, last = spanish_call

    assert dict(last["summary"])["Guiones escuchados"] == "cambiar una cita de servicios biométricos"


def test_the_timeline_notes_the_spanish_title(spanish_trainee: Any, spanish_call: tuple[str, dict[str, Any]]) -> None:
    """The call's timeline notes the script heard by its Spanish title; its id stays in the author fields."""
    call_id, _ = spanish_call
    moments = spanish_trainee.get(f"/phone/api/calls/{call_id}/transcript").get_json()["timeline"]
    notes = [note for moment in moments for note in moment["notes"] if note.startswith("Guion escuchado")]

    assert notes == ["Guion escuchado: cambiar una cita de servicios biométricos"]
    assert any("biometrics-reschedule@11" in moment["author"]["scripts"] for moment in moments)
