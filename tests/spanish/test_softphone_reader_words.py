"""What the softphone's server writes for its reader: the rehearsal's own sentences in the reader's language.

Besides the page's words (tests/spanish/test_softphone_language_browser.py), the softphone's API
writes sentences about the call: what the caller's words were understood as, what the call
changed, the case card of the caller the trainee plays.  A Spanish reader read them in English.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

import ivr
from ivr.web.testing import add_user, signed_in_client

DEMO_CASE = "EAC2690150101"  # biometrics on Dec 8, never rescheduled; born 1987-02-28 (ivr/data/demo_cases.yaml)
RESCHEDULE = ("2", "2690150101#", "1", "02281987", "1", "1", "1")  # biometrics, receipt, yes, birth date, reschedule, first time, book


@pytest.fixture
def reader(web_app: Flask) -> Callable[[str], Any]:
    """A signed-in trainee who reads the room in `language`."""

    def sign_in(language: str) -> Any:
        name = f"reader-{language}"
        add_user(web_app, name, "trainee", language=language)
        return signed_in_client(web_app, name, "trainee")

    return sign_in


def start(client: Any, **body: Any) -> str:
    response = client.post("/phone/api/calls", json={"language": "es", **body})
    assert response.status_code == 201, response.get_json()
    return str(response.get_json()["call_id"])


@pytest.mark.parametrize(("language", "opening"), [("es", "entendido: "), ("en", "understood: ")])
def test_what_the_words_were_understood_as_is_said_to_the_reader(reader: Callable[[str], Any], language: str,
                                                                 opening: str) -> None:
    """Spoken words at the main menu: "entendido: <the option as the caller heard it> 0.93" for a Spanish reader."""
    client = reader(language)
    call_id = start(client)

    turn = client.post(f"/phone/api/calls/{call_id}/input", json={"speech": "mi cita de servicios biométricos"}).get_json()

    assert turn["understood"].startswith(opening), turn["understood"]


def test_what_the_call_changed_is_said_in_the_readers_language(reader: Callable[[str], Any]) -> None:
    """A rescheduled appointment reads "caso … actualizado (cita de servicios biométricos)" as the summary says it."""
    client = reader("es")
    call_id = start(client, case=DEMO_CASE)
    effects: list[str] = []
    for digits in RESCHEDULE:
        effects += client.post(f"/phone/api/calls/{call_id}/input", json={"digits": digits}).get_json()["effects"]

    assert f"caso {DEMO_CASE} actualizado (cita de servicios biométricos)" in effects
    assert not [line for line in effects if "updated" in line or "created" in line]


def test_the_case_card_is_in_the_readers_language(reader: Callable[[str], Any]) -> None:
    """The caller the trainee plays is described in Spanish to a Spanish reader, in English to an English one."""
    spanish = {case["receipt"]: case["card"] for case in reader("es").get("/phone/api/cases").get_json()}
    english = {case["receipt"]: case["card"] for case in reader("en").get("/phone/api/cases").get_json()}

    assert spanish[DEMO_CASE][0].startswith(f"Llama por el caso {DEMO_CASE} de ")
    assert any(line.strip().startswith("Cita de servicios biométricos: ") for line in spanish[DEMO_CASE])
    assert english[DEMO_CASE][0].startswith("You are calling about ")


def test_the_case_cards_service_requests_are_named_in_the_readers_language() -> None:
    """A request on the card reads as the menus name it ("una tarjeta que no recibió"), not its type's English words."""
    from ivr.definitions.cases import load_cases
    from ivr.trainers.practice import case_card

    case = load_cases(Path(ivr.__file__).parent / "data" / "demo_cases.yaml").get("YSC2790850108")
    assert case is not None

    assert "  Solicitud de servicio 2611180008: una tarjeta que no recibió, 2026-11-18, open." in case_card(case, "es")
    assert "  Service request 2611180008: a card you did not receive, 2026-11-18, open." in case_card(case, "en")
