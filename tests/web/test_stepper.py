"""Step through a recorded call (issue 15.5): who may open it, and the steps it shows match the transcript.

A phone-line call is QA's alone and a rehearsal is its trainee's and every trainer's and
administrator's, as in the QA and trainer rooms: a rehearsal never shows up as live data, nor a
live call in the trainer room.  The browser test is tests/web/test_stepper_browser.py.
"""

from __future__ import annotations

import json
import re

import pytest

from ivr.qa import transcript as transcripts
from ivr.testing import PhoneCall
from ivr.web.testing import signed_in_client

TOKEN = "test-auth-token"
STEPS = re.compile(r'<script type="application/json" id="steps">(.*?)</script>', re.S)


@pytest.fixture
def phone_call(web_app) -> str:
    """A phone call (signed Twilio webhooks): English, our hours (8), then the main menu again."""
    call = PhoneCall(web_app, TOKEN)
    call.start()
    call.press("1")
    call.press("8")
    return call.call_sid


@pytest.fixture
def rehearsal(web_app) -> str:
    """Ana (trainee) rehearsed one call on the softphone: English, our hours (8), then hung up."""
    ana = signed_in_client(web_app, "ana", "trainee")
    call_id = ana.post("/phone/api/calls", json={"language": "en"}).get_json()["call_id"]
    ana.post(f"/phone/api/calls/{call_id}/input", json={"digits": "8"})
    ana.post(f"/phone/api/calls/{call_id}/input", json={"hangup": True})
    return call_id


def _steps(page: str) -> list[dict]:
    found = STEPS.search(page)
    assert found, "no embedded steps"
    return json.loads(found.group(1))


def _recorded(web_app, call_sid: str):
    return transcripts.from_entries(web_app.extensions["ivr"].store.transcript(call_sid))[-1]


def test_a_stranger_gets_the_sign_in_page(stranger, phone_call) -> None:
    """Not signed in: a redirect to the sign-in page that comes back to the step-through."""
    response = stranger.get(f"/calls/{phone_call}/step")

    assert response.status_code == 302 and response.headers["Location"] == f"/signin?next=/calls/{phone_call}/step"


@pytest.mark.parametrize("role", ["trainer", "trainee", "admin"])
def test_only_qa_steps_through_a_phone_call(web_app, phone_call, role: str) -> None:
    """Trainers, trainees and administrators get 404 for a live-line call, as for no call (ivr.web.call_access)."""
    other = signed_in_client(web_app, f"someone-{role}", role)

    response = other.get(f"/calls/{phone_call}/step")

    assert response.status_code == 404 and phone_call.encode() not in response.data


def test_qa_cannot_step_through_a_rehearsal(web_app, rehearsal) -> None:
    """A rehearsal is the trainer room's, not QA's: 404, as for no call."""
    qa = signed_in_client(web_app, "quinn", "qa")

    assert qa.get(f"/calls/{rehearsal}/step").status_code == 404


def test_another_trainee_does_not_find_someone_elses_rehearsal(web_app, rehearsal) -> None:
    """Bob (trainee) asking for Ana's rehearsal gets 404, not the call."""
    bob = signed_in_client(web_app, "bob", "trainee")

    assert bob.get(f"/calls/{rehearsal}/step").status_code == 404


@pytest.mark.parametrize(("name", "role"), [("ana", "trainee"), ("tess", "trainer"), ("ada", "admin")])
def test_a_rehearsal_opens_for_its_trainee_and_the_trainers(web_app, rehearsal, name: str, role: str) -> None:
    """Ana (her own), a trainer and an administrator all open the rehearsal's step-through."""
    client = signed_in_client(web_app, name, role)

    response = client.get(f"/calls/{rehearsal}/step")

    assert response.status_code == 200 and 'id="steps"' in response.get_data(as_text=True)


def test_an_unknown_call_is_not_found(web_app) -> None:
    """QA asking for a call that was never recorded gets 404."""
    qa = signed_in_client(web_app, "quinn", "qa")

    assert qa.get("/calls/CAnothing/step").status_code == 404


def test_the_steps_are_the_transcripts_steps(web_app, phone_call) -> None:
    """One step per recorded step, with its state and what the caller heard, in order."""
    qa = signed_in_client(web_app, "quinn", "qa")
    recorded = _recorded(web_app, phone_call)

    steps = _steps(qa.get(f"/calls/{phone_call}/step").get_data(as_text=True))

    assert len(steps) == len(recorded.steps) == 3
    assert [s["state"] for s in steps] == [step.observed.state for step in recorded.steps]
    assert [s["heard"] for s in steps] == [[h.text for h in step.observed.heard] for step in recorded.steps]
    assert [s["did"] for s in steps] == ["Called", "Pressed 1", "Pressed 8"]


def test_the_steps_are_in_plain_words(web_app, phone_call) -> None:
    """Where the call is and with whom read as the flow's labels, not state names."""
    qa = signed_in_client(web_app, "quinn", "qa")

    steps = _steps(qa.get(f"/calls/{phone_call}/step").get_data(as_text=True))

    assert steps[1]["where"] == "The main menu" and steps[1]["tier"] == "automated system"
    assert "main_menu" not in steps[1]["where"]


def test_each_drawn_step_names_a_box_on_its_diagram_page(web_app, phone_call) -> None:
    """The box to highlight is on the drawing of the step's topic, which the page carries."""
    qa = signed_in_client(web_app, "quinn", "qa")

    page = qa.get(f"/calls/{phone_call}/step").get_data(as_text=True)
    steps = _steps(page)

    drawn = [s for s in steps if s["page"]]
    assert len(drawn) == len(steps)
    for step in drawn:
        section = page.split(f'data-page="{step["page"]}"', 1)[1].split('class="diagram-page"', 1)[0]
        assert f'id="{step["node"].replace("-", "&#45;")}"' in section, step  # as Graphviz writes it
    assert len({s["page"] for s in steps}) >= 2  # the language menu and the main menu are different topics


def test_the_page_shows_the_first_step_without_its_script(web_app, phone_call) -> None:
    """The first step is in the HTML itself; the script (from 'self') only moves between steps."""
    qa = signed_in_client(web_app, "quinn", "qa")

    page = qa.get(f"/calls/{phone_call}/step").get_data(as_text=True)

    assert '<dd id="did">Called</dd>' in page
    assert '<script src="/calls/static/stepper.js" defer></script>' in page
    assert 'aria-label="Steps"' in page and '<label for="slider"' in page


def test_the_qa_call_page_links_to_the_step_through(web_app, phone_call) -> None:
    """/qa/calls/<sid> has a "Step through" link."""
    qa = signed_in_client(web_app, "quinn", "qa")

    page = qa.get(f"/qa/calls/{phone_call}").get_data(as_text=True)

    assert f'href="/calls/{phone_call}/step">Step through</a>' in page


def test_the_rehearsal_page_links_to_the_step_through(web_app, rehearsal) -> None:
    """/trainer/rehearsals/<sid> has a "Step through" link."""
    trainer = signed_in_client(web_app, "tess", "trainer")

    page = trainer.get(f"/trainer/rehearsals/{rehearsal}").get_data(as_text=True)

    assert f'href="/calls/{rehearsal}/step">Step through</a>' in page
