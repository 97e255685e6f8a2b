"""The console's routes that take a call id answer only the call's own people: others get 404.

A call id is no key: it is in URLs, pages and queues.  The trainee who rang a
practice call, the trainee who holds (or held) it at a seat, and the trainers may
read it and act on it; anyone else is answered as if there were no such call.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from ivr.web.testing import signed_in_client
from tests.conftest import TOKEN
from ivr.testing import PhoneCall

SCENARIO = "tier1-ice-checkin-es"
ROUTES = ("", "/events")  # GET /console/api/calls/<id> and its stream


@pytest.fixture
def tina(web_app: Flask) -> Any:
    return signed_in_client(web_app, "tina", "trainee")


@pytest.fixture
def tom(web_app: Flask) -> Any:
    return signed_in_client(web_app, "tom", "trainee")


@pytest.fixture
def held(tina: Any) -> str:
    """A practice call Tina rang and accepted at the Tier 1 seat: she holds it."""
    call_id = tina.post(f"/console/api/scenarios/{SCENARIO}/calls").get_json()["call_id"]
    accepted = tina.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier1"})
    assert accepted.status_code == 200, accepted.get_json()
    return str(call_id)


@pytest.mark.parametrize("route", ROUTES)
def test_another_trainee_does_not_find_a_call_someone_else_holds(tom: Any, held: str, route: str) -> None:
    """Tom asking for the hand-off or the stream of Tina's call gets 404, and none of it."""
    response = tom.get(f"/console/api/calls/{held}{route}")

    assert response.status_code == 404
    assert "tier1" not in response.get_data(as_text=True)


def test_another_trainee_cannot_act_on_a_call_someone_else_holds(tom: Any, held: str) -> None:
    """Tom's action on Tina's call gets 404 (not the engine's 409 saying whose call it is)."""
    response = tom.post(f"/console/api/calls/{held}/actions", json={"action": "end_call"})

    assert response.status_code == 404


def test_a_call_someone_else_holds_is_answered_like_no_call(tom: Any, held: str) -> None:
    """The refusal is the answer to an id that does not exist: it confirms nothing."""
    theirs = tom.get(f"/console/api/calls/{held}")
    nothing = tom.get("/console/api/calls/CS0123456789abcdef0123456789abcdef")

    assert (theirs.status_code, theirs.get_json()) == (nothing.status_code, nothing.get_json())


@pytest.mark.parametrize("route", ROUTES)
def test_the_trainee_who_holds_a_call_reads_it(tina: Any, held: str, route: str) -> None:
    """Tina reads her own call's hand-off and follows its stream."""
    response = tina.get(f"/console/api/calls/{held}{route}", environ_overrides={"wsgi.multithread": False})

    assert response.status_code == 200


@pytest.mark.parametrize("role", ["trainer", "admin"])
def test_a_trainer_reads_any_call_at_the_console(web_app: Flask, held: str, role: str) -> None:
    """A trainer (or an administrator) opens a trainee's call to follow it."""
    trainer = signed_in_client(web_app, f"someone-{role}", role)

    response = trainer.get(f"/console/api/calls/{held}")

    assert response.status_code == 200 and response.get_json()["mine"] is False


def test_a_trainee_reads_a_call_they_answered_after_passing_it_on(web_app: Flask, tina: Any, held: str) -> None:
    """Tina passes the call to Tier 2 and still reads it, with her score card."""
    done = tina.post(f"/console/api/calls/{held}/actions", json={"action": "transfer_tier2", "reason": "Needs an officer."})
    assert done.status_code == 200, done.get_json()

    response = tina.get(f"/console/api/calls/{held}")

    assert response.status_code == 200 and response.get_json()["card"] is not None


def test_a_waiting_call_is_accepted_by_anyone_whose_queue_shows_it(web_app: Flask, tina: Any, tom: Any) -> None:
    """A softphone call sent to the console waits for any trainee at the seat: Tom may accept Tina's caller."""
    call_id = tina.post("/phone/api/calls", json={"language": "en", "console": "tier1"}).get_json()["call_id"]
    tina.post(f"/phone/api/calls/{call_id}/input", json={"digits": "0"})  # a representative
    assert call_id in [w["call_sid"] for w in tom.get("/console/api/queue?seat=tier1").get_json()["waiting"]]

    assert tom.get(f"/console/api/calls/{call_id}").status_code == 404  # nothing to read before accepting
    assert tom.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier1"}).status_code == 200
    assert tom.get(f"/console/api/calls/{call_id}").status_code == 200


def test_the_softphone_caller_follows_their_own_call(web_app: Flask, tina: Any, tom: Any) -> None:
    """The trainee playing the caller follows the agent's lines on their call; another trainee gets 404."""
    call_id = tina.post("/phone/api/calls", json={"language": "en", "console": "tier1"}).get_json()["call_id"]
    sync = {"wsgi.multithread": False}

    assert tina.get(f"/console/api/calls/{call_id}/events?agent=1", environ_overrides=sync).status_code == 200
    assert tom.get(f"/console/api/calls/{call_id}/events?agent=1", environ_overrides=sync).status_code == 404


def test_a_phone_call_that_never_reached_the_console_is_not_a_console_call(web_app: Flask) -> None:
    """A caller of the phone line in the menus is not the console's to show, not even to a trainer."""
    call = PhoneCall(web_app, TOKEN)
    call.start()
    call.press("1")
    trainer = signed_in_client(web_app, "terry", "trainer")

    assert trainer.get(f"/console/api/calls/{call.call_sid}").status_code == 404

