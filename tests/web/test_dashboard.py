"""The trainer's dashboard: trainees' rehearsals in plain words, checklists, assignments, CSV (issue 13.4)."""

from __future__ import annotations

import csv
import io
import re

import pytest

from ivr.web.testing import signed_in_client

RAW = re.compile(r"attempts\.|[a-z_]:\d|\bmain_menu\b|biometrics\.after|hours\.info|\btier:")  # ids, `:2` after a name


@pytest.fixture
def rehearsed(web_app):
    """Ana (trainee) rehearsed one call: English, our hours (8), then hung up."""
    ana = signed_in_client(web_app, "ana", "trainee")
    call_id = ana.post("/phone/api/calls", json={"language": "en"}).get_json()["call_id"]
    ana.post(f"/phone/api/calls/{call_id}/input", json={"digits": "8"})
    ana.post(f"/phone/api/calls/{call_id}/input", json={"hangup": True})
    return call_id


@pytest.fixture
def trainer(web_app):
    return signed_in_client(web_app, "tess", "trainer")


def test_the_dashboard_lists_each_trainee_with_their_checklist(rehearsed, trainer) -> None:
    """/trainer shows Ana with one rehearsal and two of the branches done, and the class's checklist."""
    page = trainer.get("/trainer").get_data(as_text=True)

    assert ">ana</a>" in page and "2 of " in page
    assert "Press 8: our hours" in page and "1 trainee, 1×" in page


def test_a_rehearsal_left_without_hanging_up_is_counted_apart(rehearsed, web_app, trainer) -> None:
    """Ana's finished rehearsal counts as one; the one she left mid-call shows as under way, not as nothing."""
    ana = signed_in_client(web_app, "ana", "trainee")
    ana.post("/phone/api/calls", json={"language": "en"})  # the page was closed mid-call

    page = trainer.get("/trainer").get_data(as_text=True)

    row = page.split(">ana</a>", 1)[1].split("</tr>", 1)[0]
    assert "<td>1 <span" in row and "(+1 under way or left without hanging up)" in row


def test_a_trainees_rehearsals_are_told_in_plain_words(rehearsed, trainer) -> None:
    """The trainee page shows the path, tiers and scripts in words, never state ids."""
    page = trainer.get("/trainer/trainees/ana").get_data(as_text=True)

    assert "Choosing a language › The main menu › Our hours" in page
    assert "Tiers reached" in page and "automated system" in page
    shown = re.sub(r"<[^>]+>", " ", page.split("<main", 1)[1])  # the text a reader sees, not attribute values
    assert not RAW.findall(shown)


def test_a_rehearsal_opens_as_a_timeline_and_downloads_as_yaml(rehearsed, trainer) -> None:
    """Open: the steps in words; Download: the replayable file."""
    page = trainer.get(f"/trainer/rehearsals/{rehearsed}").get_data(as_text=True)
    download = trainer.get(f"/trainer/rehearsals/{rehearsed}.yaml")

    assert "Pressed 8" in page and "Our hours" in page
    assert download.headers["Content-Disposition"].startswith("attachment;")
    assert "steps:" in download.get_data(as_text=True)


def test_a_trainer_assigns_a_checklist_subset(rehearsed, web_app, trainer) -> None:
    """"Biometrics week": the ticked branches are the trainee's assignment, shown on their checklist."""
    response = trainer.post("/trainer/trainees/ana/assign", data={"name": "biometrics week", "branch": ["main_menu:2", "main_menu:8"]})

    assert response.status_code == 302
    ana = signed_in_client(web_app, "ana", "trainee")
    coverage = ana.get("/phone/api/coverage").get_json()
    assert coverage["assignment"] == {"name": "biometrics week", "done": 1, "total": 2}
    assert {item["id"] for item in coverage["items"] if item["assigned"]} == {"main_menu:2", "main_menu:8"}


def test_an_assignment_needs_a_branch(rehearsed, trainer) -> None:
    """Nothing ticked: nothing assigned, and the page says why."""
    trainer.post("/trainer/trainees/ana/assign", data={"name": "empty"})

    assert "Tick at least one branch" in trainer.get("/trainer/trainees/ana").get_data(as_text=True)


def test_every_rehearsal_exports_as_csv(rehearsed, trainer) -> None:
    """One row per rehearsal with the path in words and the branches rehearsed."""
    response = trainer.get("/trainer/rehearsals.csv")

    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert response.mimetype == "text/csv"
    assert [row["trainee"] for row in rows] == ["ana"]
    assert rows[0]["path"].startswith("Choosing a language › The main menu › Our hours")
    assert "Press 8: our hours" in rows[0]["branches"]


def test_trainees_cannot_open_the_dashboard(web_app) -> None:
    """A trainee gets 403 on the dashboard and its CSV."""
    ana = signed_in_client(web_app, "ana", "trainee")

    assert ana.get("/trainer").status_code == 403
    assert ana.get("/trainer/rehearsals.csv").status_code == 403


@pytest.fixture
def scored(web_app, rehearsed):
    """Ana also took a console call at the Tier 1 seat: a score card of 2 rules kept out of 3."""
    import datetime as dt

    from ivr.console.scoring import Line, ScoreCard

    lines = (
        Line("identity first", True, "", "seed 003", ""),
        Line("scripts only", True, "", "seed 003", ""),
        Line("escalation", False, "", "seed 003", ""),
    )
    card = ScoreCard("CSconsole01", None, "tier1", "ana", lines)
    web_app.extensions["console"].records.save(card, dt.datetime(2026, 11, 23, 15, tzinfo=dt.timezone.utc))
    return card


def test_console_scores_are_on_the_dashboard_and_in_its_csv(scored, trainer) -> None:
    """Issue 14: a trainee's console score cards show on the trainer's dashboard and in its CSV export."""
    page = trainer.get("/trainer").get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(trainer.get("/trainer/rehearsals.csv").get_data(as_text=True))))
    assert "2/3 (67%) over 1 call" in page
    assert rows[0]["console_score"] == "2/3 (67%) over 1 call"


def test_what_a_console_trainee_did_is_told_in_words_on_the_rehearsal(web_app, trainer) -> None:
    """A rehearsal answered at the agent console says "Agent tina: read a script (…)", not the identifier `agent`."""
    call_id = trainer.post("/phone/api/calls", json={"language": "en", "console": "tier1"}).get_json()["call_id"]
    trainer.post(f"/phone/api/calls/{call_id}/input", json={"digits": "0"})
    tina = signed_in_client(web_app, "tina", "trainee")
    tina.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier1"})
    tina.post(f"/console/api/calls/{call_id}/actions", json={"action": "read_script", "ref": "live-assistance-hours@1"})

    page = trainer.get(f"/trainer/rehearsals/{call_id}").get_data(as_text=True)

    assert "Agent tina: accept the call (Tier 1 representative)" in page
    assert "Agent tina: read a script (live-assistance-hours@1)" in page
    assert " · agent · " not in page
