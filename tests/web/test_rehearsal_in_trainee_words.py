"""A rehearsal is shown in the words its trainee keyed, though the store keeps its identifiers tokenised.

The store tokenises every transcript (issue 10.3): a receipt number keyed on the
softphone is kept as another one (workday 999).  The trainee, and the trainer who
reads their rehearsal, see the training case they chose to play (its card handed
them its receipt and date of birth): the digits they keyed, the read-back they
heard.  What is stored stays tokenised, and so does a case they did not choose
(tests/trainers/test_softphone_privacy.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from ivr.web.testing import signed_in_client

DEMO_CASE = "EAC2690150101"  # biometrics on Dec 8, never rescheduled; born 1987-02-28 (ivr/data/demo_cases.yaml)
RESCHEDULE = ("2", "2690150101#", "1", "02281987", "1", "1", "1")  # biometrics, receipt, yes, birth date, reschedule, first time, book


@pytest.fixture
def tokenised_app(make_app: Callable[..., Flask], tmp_path: Path) -> Flask:
    """The web rooms over a store that keeps transcripts tokenised (the default outside a local demo)."""
    app = make_app(SOFTPHONE=True, SECRET_KEY="web-test-secret", KEEP_IDENTIFIERS=False)
    app.instance_path = str(tmp_path / "instance")
    return app


@pytest.fixture
def trainee(tokenised_app: Flask) -> Any:
    return signed_in_client(tokenised_app, "tina", "trainee")


@pytest.fixture
def rescheduled(trainee: Any) -> tuple[str, dict[str, Any]]:
    """A softphone call that reschedules the demo case's biometrics appointment, then hangs up: (call id, last turn)."""
    call_id = trainee.post("/phone/api/calls", json={"language": "en", "case": DEMO_CASE}).get_json()["call_id"]
    for digits in RESCHEDULE:
        response = trainee.post(f"/phone/api/calls/{call_id}/input", json={"digits": digits})
        assert response.status_code == 200, response.get_json()
    last = trainee.post(f"/phone/api/calls/{call_id}/input", json={"hangup": True}).get_json()
    return call_id, last


def test_the_end_of_call_summary_names_the_case_rehearsed(rescheduled: tuple[str, dict[str, Any]]) -> None:
    """The summary's changes name the receipt the trainee keyed, not the token the store keeps it as."""
    _, last = rescheduled
    changes = dict(last["summary"])["Changes"]

    assert f"case {DEMO_CASE} updated (biometrics)" in changes
    assert "999" not in changes


def test_the_transcript_shows_what_the_trainee_keyed_and_heard(trainee: Any, rescheduled: tuple[str, dict[str, Any]]) -> None:
    """The softphone's transcript view shows the keyed receipt and birth date and the read-back as heard."""
    call_id, _ = rescheduled
    moments = trainee.get(f"/phone/api/calls/{call_id}/transcript").get_json()["timeline"]
    did = [moment["did"] for moment in moments]
    heard = " ".join(text for moment in moments for text in moment["heard"])
    notes = " ".join(note for moment in moments for note in moment["notes"])

    assert "Pressed 2690150101#" in did and "Pressed 02281987" in did
    assert "I heard 2 6 9, 0 1 5, 0 1 0 1." in heard
    assert f"case {DEMO_CASE} updated (biometrics)" in notes


def test_the_stored_transcript_stays_tokenised(tokenised_app: Flask, rescheduled: tuple[str, dict[str, Any]]) -> None:
    """Only the pages reveal the case: the store (and the replayable download) keep the token."""
    call_id, _ = rescheduled
    stored = repr(tokenised_app.extensions["ivr"].store.transcript(call_id))

    assert "2690150101" not in stored and "02281987" not in stored


def test_the_trainer_reads_the_rehearsal_in_the_trainees_words(tokenised_app: Flask, rescheduled: tuple[str, dict[str, Any]]) -> None:
    """The trainer's page of the rehearsal shows the case rehearsed in its summary and timeline."""
    call_id, _ = rescheduled
    trainer = signed_in_client(tokenised_app, "terry", "trainer")
    page = trainer.get(f"/trainer/rehearsals/{call_id}").get_data(as_text=True)

    assert f"case {DEMO_CASE} updated (biometrics)" in page
    assert "Pressed 2690150101#" in page
    assert "2699" not in page  # the receipt's token keeps its fiscal year and workday 999


def test_a_case_not_chosen_stays_as_stored(trainee: Any) -> None:
    """A receipt keyed on a call that chose no case is shown as the store keeps it (issue 10.3)."""
    call_id = trainee.post("/phone/api/calls", json={"language": "en"}).get_json()["call_id"]
    for digits in RESCHEDULE[:4]:
        trainee.post(f"/phone/api/calls/{call_id}/input", json={"digits": digits})
    shown = trainee.get(f"/phone/api/calls/{call_id}/transcript").get_data(as_text=True)

    assert "Rafael" not in shown and "2690150101" not in shown and "02281987" not in shown
