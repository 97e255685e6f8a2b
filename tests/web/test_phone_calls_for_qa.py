"""QA can see phone calls (issue 13.6): QA accounts only list the live line's calls and open them."""

from __future__ import annotations

import pytest

from ivr.testing import PhoneCall
from ivr.web.testing import signed_in_client

TOKEN = "test-auth-token"


@pytest.fixture
def phone_call(web_app) -> str:
    """A phone call (signed Twilio webhooks) that chose English and asked for our hours."""
    call = PhoneCall(web_app, TOKEN)
    call.start()
    call.press("1")
    call.press("8")
    return call.call_sid


def test_qa_lists_the_phone_lines_calls(web_app, phone_call) -> None:
    """/qa/calls lists the phone call, where it is (back at the main menu) in plain words."""
    qa = signed_in_client(web_app, "quinn", "qa")

    page = qa.get("/qa/calls").get_data(as_text=True)

    assert phone_call[:14] in page and "The main menu" in page


def test_qa_reads_the_tier_in_words(web_app, phone_call) -> None:
    """The list says "automated system", not the identifier `ivr` (identifiers only in the author view)."""
    page = signed_in_client(web_app, "quinn", "qa").get("/qa/calls").get_data(as_text=True)

    assert "<td>automated system</td>" in page and "<td>ivr</td>" not in page


def test_qa_opens_a_phone_call_as_the_same_timeline_as_rehearsals(web_app, phone_call) -> None:
    """The call's steps in words: what the caller pressed and heard."""
    qa = signed_in_client(web_app, "quinn", "qa")

    page = qa.get(f"/qa/calls/{phone_call}").get_data(as_text=True)

    assert 'class="timeline-view"' in page and "Pressed 8" in page and "This automated line is available" in page


def test_rehearsals_are_not_listed_as_phone_calls(web_app, phone_call) -> None:
    """A softphone rehearsal is not a phone call: not listed, and 404 when asked for."""
    ana = signed_in_client(web_app, "ana", "trainee")
    rehearsal = ana.post("/phone/api/calls", json={"language": "en"}).get_json()["call_id"]
    qa = signed_in_client(web_app, "quinn", "qa")

    assert rehearsal not in qa.get("/qa/calls").get_data(as_text=True)
    assert qa.get(f"/qa/calls/{rehearsal}").status_code == 404


def test_rehearsals_dated_later_never_push_phone_calls_off_the_list(web_app, phone_call) -> None:
    """Many rehearsals (here set next week) do not hide the live line's calls from QA's list."""
    ana = signed_in_client(web_app, "ana", "trainee")
    for _ in range(5):
        ana.post("/phone/api/calls", json={"language": "en", "date": "2026-11-30", "time": "09:00"})
    qa = signed_in_client(web_app, "quinn", "qa")

    page = qa.get("/qa/calls?limit=1").get_data(as_text=True)

    assert phone_call[:14] in page and "No phone calls yet" not in page


@pytest.mark.parametrize("role", ["trainer", "trainee", "admin"])
def test_only_qa_sees_phone_calls(web_app, phone_call, role: str) -> None:
    """Trainers, trainees (and administrators) get 403: no phone call's data in the trainer room."""
    other = signed_in_client(web_app, f"someone-{role}", role)

    assert other.get("/qa/calls").status_code == 403
    assert other.get(f"/qa/calls/{phone_call}").status_code == 403
