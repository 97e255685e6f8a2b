"""Every room's routes that take a call id share one rule (`ivr.web.call_access`): others get 404.

A refusal is the answer to an id that does not exist, so it confirms nothing:
the softphone's rehearsals answer their trainee (and, to read, the trainers),
the phone line's calls answer QA, the step-through answers either as its room does.
"""

from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

from ivr.testing import PhoneCall
from ivr.web.testing import signed_in_client
from tests.conftest import TOKEN

NO_CALL = "SP0123456789abcdef0123456789abcdef"


@pytest.fixture
def ana(web_app: Flask) -> Any:
    return signed_in_client(web_app, "ana", "trainee")


@pytest.fixture
def rehearsal(ana: Any) -> str:
    """Ana's softphone call, under way: English, then our hours."""
    call_id = ana.post("/phone/api/calls", json={"language": "en"}).get_json()["call_id"]
    ana.post(f"/phone/api/calls/{call_id}/input", json={"digits": "8"})
    return str(call_id)


@pytest.fixture
def phone_call(web_app: Flask) -> str:
    call = PhoneCall(web_app, TOKEN)
    call.start()
    call.press("1")
    return call.call_sid


@pytest.mark.parametrize(("method", "route"), [("post", "/input"), ("get", ""), ("get", "/transcript")])
def test_another_trainees_rehearsal_is_answered_like_no_call(web_app: Flask, rehearsal: str, method: str, route: str) -> None:
    """Bo asking for, or keying into, Ana's rehearsal gets what an unknown id gets: 404."""
    bo = signed_in_client(web_app, "bo", "trainee")
    body = {"json": {"digits": "1"}} if method == "post" else {}

    theirs = getattr(bo, method)(f"/phone/api/calls/{rehearsal}{route}", **body)
    nothing = getattr(bo, method)(f"/phone/api/calls/{NO_CALL}{route}", **body)

    assert theirs.status_code == nothing.status_code == 404
    assert theirs.get_json() == nothing.get_json()


def test_a_trainer_reads_a_rehearsal_but_does_not_key_into_it(web_app: Flask, rehearsal: str) -> None:
    """A trainer reads a trainee's transcript; the call itself is the trainee's to drive."""
    trainer = signed_in_client(web_app, "terry", "trainer")

    assert trainer.get(f"/phone/api/calls/{rehearsal}/transcript").status_code == 200
    assert trainer.post(f"/phone/api/calls/{rehearsal}/input", json={"digits": "1"}).status_code == 404


def test_the_trainee_drives_their_own_rehearsal(ana: Any, rehearsal: str) -> None:
    """Ana keys into her call and reads it."""
    assert ana.post(f"/phone/api/calls/{rehearsal}/input", json={"digits": "9"}).status_code == 200
    assert ana.get(f"/phone/api/calls/{rehearsal}/transcript").status_code == 200


@pytest.mark.parametrize("role", ["qa", "trainee"])
def test_the_step_through_of_a_call_one_may_not_read_is_not_found(web_app: Flask, rehearsal: str, phone_call: str, role: str) -> None:
    """QA asking for a rehearsal, a trainee asking for a phone call: 404, not 403 (which says the call exists)."""
    client = signed_in_client(web_app, f"someone-{role}", role)
    call = rehearsal if role == "qa" else phone_call

    assert client.get(f"/calls/{call}/step").status_code == 404


def test_qa_opens_a_phone_call_but_not_a_rehearsal(web_app: Flask, rehearsal: str, phone_call: str) -> None:
    """The QA room shows the phone line's calls; a rehearsal's id there is no call."""
    qa = signed_in_client(web_app, "quinn", "qa")

    assert qa.get(f"/qa/calls/{phone_call}").status_code == 200
    assert qa.get(f"/qa/calls/{rehearsal}").status_code == 404


def test_the_trainer_room_opens_a_rehearsal_but_not_a_phone_call(web_app: Flask, rehearsal: str, phone_call: str) -> None:
    """The trainer's pages of a rehearsal do not open a phone caller's call."""
    trainer = signed_in_client(web_app, "terry", "trainer")

    assert trainer.get(f"/trainer/rehearsals/{rehearsal}").status_code == 200
    assert trainer.get(f"/trainer/rehearsals/{phone_call}").status_code == 404
    assert trainer.get(f"/trainer/rehearsals/{phone_call}.yaml").status_code == 404
