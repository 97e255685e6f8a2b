"""Rehearsals in their own world: training case data, copy-on-write changes and a clock in the database.

Issue 13.2: no rehearsal can change what a phone caller hears; a restart keeps a rehearsal's clock
and changes; a trainer can reset a trainee's world.  Business rule exercised: seed
000_183b307099edfec1.txt (an appointment can be rescheduled when it is more than 12 hours away;
once it has passed the request is untimely).
"""

from __future__ import annotations

from flask import Flask

from ivr import create_app
from ivr.store.base import LIVE
from ivr.testing import PhoneCall
from ivr.web.testing import signed_in_client

PASSED = "MSC2690550105"  # biometrics on 2026-11-20 10:00 Eastern: passed at the demo instant (Nov 23)
BACKDATED = {"date": "2026-11-18", "time": "10:00", "zone": "America/New_York"}  # two days before it
TOKEN = "test-auth-token"
ORIGINAL = "November 20, 2026, at 10:00 a.m."  # the appointment as the training data has it


def _start(client, **body):
    response = client.post("/phone/api/calls", json={"language": "en", **body})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def _send(client, call_id: str, **body):
    response = client.post(f"/phone/api/calls/{call_id}/input", json=body)
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def _reschedule(client, call_id: str) -> dict:
    """Verify as the caller of PASSED and reschedule its biometrics appointment to the first time offered."""
    for keys in ("2", "2690550105#", "1", "12011968", "1", "1"):
        turn = _send(client, call_id, digits=keys.rstrip("#"))
    return _send(client, call_id, digits="1")


def _live_appointment(app: Flask) -> str:
    """What the phone line's world says of PASSED's appointment (its overlay, or the case data's)."""
    store = app.extensions["ivr"].store
    with store.call("CAprobe", LIVE) as tx:
        changes = tx.case_changes(PASSED) or {}
    return str((changes.get("biometrics") or {}).get("appointment") or app.extensions["ivr"].cases.get(PASSED).biometrics.appointment.isoformat())


def test_the_date_and_time_pickers_set_the_calls_time_in_eastern_by_default(web_app) -> None:
    """A date, a time and no zone: the rehearsal runs at that wall time, Eastern."""
    client = signed_in_client(web_app, "ana", "trainee")

    turn = _start(client, date="2026-11-24", time="21:15")["turn"]

    assert turn["at"] == "2026-11-24T21:15:00-05:00"


def test_a_backdated_rehearsal_reschedules_a_passed_appointment_and_the_phone_line_is_unchanged(web_app) -> None:
    """Seed 000: at a clock before the appointment the trainee reschedules it; a phone caller still hears the old one."""
    client = signed_in_client(web_app, "ana", "trainee")
    call_id = _start(client, case=PASSED, **BACKDATED)["call_id"]
    before = _live_appointment(web_app)

    booked = _reschedule(client, call_id)

    assert booked["state"] == "biometrics.after"
    assert any("updated (biometrics)" in effect for effect in booked["effects"])
    assert _live_appointment(web_app) == before == "2026-11-20T10:00:00-05:00"
    phone = PhoneCall(web_app, TOKEN)
    phone.start()
    for keys in ("1", "2", "2690550105#", "1", "12011968"):
        heard = phone.press(keys)
    assert ORIGINAL in heard.text and "passed" in heard.text


def test_the_trainees_world_keeps_the_change_for_the_next_rehearsal(web_app) -> None:
    """Copy-on-write: the trainee's next call in their world hears the new appointment."""
    client = signed_in_client(web_app, "ana", "trainee")
    first = _start(client, case=PASSED, **BACKDATED)["call_id"]
    _reschedule(client, first)
    _send(client, first, hangup=True)

    again = _start(client, case=PASSED, **BACKDATED)["call_id"]
    for keys in ("2", "2690550105", "1"):
        _send(client, again, digits=keys)
    heard = _send(client, again, digits="12011968")

    assert ORIGINAL not in " ".join(p["text"] for p in heard["prompts"])


def test_another_trainees_world_starts_from_the_training_data(web_app) -> None:
    """Worlds are per trainee: Bo does not hear Ana's reschedule."""
    ana = signed_in_client(web_app, "ana", "trainee")
    _reschedule(ana, _start(ana, case=PASSED, **BACKDATED)["call_id"])
    bo = signed_in_client(web_app, "bo", "trainee")

    call_id = _start(bo, case=PASSED, **BACKDATED)["call_id"]
    for keys in ("2", "2690550105", "1"):
        _send(bo, call_id, digits=keys)
    heard = _send(bo, call_id, digits="12011968")

    assert ORIGINAL in " ".join(p["text"] for p in heard["prompts"])


def test_a_trainer_resets_a_trainees_world(web_app) -> None:
    """After the reset the trainee's next rehearsal hears the training data again."""
    ana = signed_in_client(web_app, "ana", "trainee")
    _reschedule(ana, _start(ana, case=PASSED, **BACKDATED)["call_id"])
    trainer = signed_in_client(web_app, "tess", "trainer")

    reset = trainer.post("/trainer/trainees/ana/reset", data={"trainee": "ana"})  # the confirmation page's form

    assert reset.status_code == 303
    call_id = _start(ana, case=PASSED, **BACKDATED)["call_id"]
    for keys in ("2", "2690550105", "1"):
        _send(ana, call_id, digits=keys)
    heard = _send(ana, call_id, digits="12011968")
    assert ORIGINAL in " ".join(p["text"] for p in heard["prompts"])


def test_a_restart_in_the_middle_of_a_rehearsal_keeps_its_clock(tmp_path) -> None:
    """A new app over the same database goes on with the call at the call's own (backdated) time."""
    settings = {"TWILIO_AUTH_TOKEN": TOKEN, "DATABASE_URL": f"sqlite:///{tmp_path / 'ivr.sqlite3'}",
                "CLOCK": "2026-11-23T10:00:00-05:00", "SOFTPHONE": True, "SECRET_KEY": "restart"}
    first = create_app(settings)
    client = signed_in_client(first, "ana", "trainee")
    call_id = _start(client, case=PASSED, **BACKDATED)["call_id"]
    first.extensions["ivr"].store.close()

    second = create_app(settings)
    again = signed_in_client(second, "ana", "trainee")
    turn = _send(again, call_id, digits="2")

    assert turn["state"] == "verify.receipt"
    assert turn["at"].startswith("2026-11-18T10:00")
    second.extensions["ivr"].store.close()


def test_a_trainee_cannot_drive_another_trainees_rehearsal(web_app) -> None:
    """A rehearsal answers only the trainee who started it: anyone else gets 404, as for no call."""
    ana = signed_in_client(web_app, "ana", "trainee")
    call_id = _start(ana)["call_id"]
    bo = signed_in_client(web_app, "bo", "trainee")

    assert bo.post(f"/phone/api/calls/{call_id}/input", json={"digits": "8"}).status_code == 404
    assert bo.get(f"/phone/api/calls/{call_id}/transcript").status_code == 404


def test_a_terminal_rehearsal_runs_in_the_trainees_world_and_shows_on_the_dashboard(tmp_path, monkeypatch) -> None:
    """`ivr rehearse --db URL --trainee ana`: the phone line's data is untouched; the trainer sees the rehearsal."""
    from click.testing import CliRunner

    from ivr.cli import main

    monkeypatch.delenv("IVR_DATABASE_URL", raising=False)
    url = f"sqlite:///{tmp_path / 'ivr.sqlite3'}"
    keys = "\n".join(("2", "2690550105#", "1", "12011968", "1", "1", "1")) + "\n"

    result = CliRunner().invoke(main, ["rehearse", "--db", url, "--trainee", "ana", "--case", PASSED, "--lang", "en",
                                       "--at", "2026-11-18T10:00:00-05:00", "--instance", str(tmp_path)], input=keys)

    assert result.exit_code == 0, result.output
    app = create_app({"TWILIO_AUTH_TOKEN": TOKEN, "DATABASE_URL": url, "CLOCK": "2026-11-23T10:00:00-05:00",
                      "SOFTPHONE": True, "SECRET_KEY": "terminal"})
    try:
        assert _live_appointment(app) == "2026-11-20T10:00:00-05:00"
        trainer = signed_in_client(app, "tess", "trainer")
        page = trainer.get("/trainer/trainees/ana").get_data(as_text=True)
        assert "Biometrics appointments" in page and "updated (biometrics)" in page
    finally:
        app.extensions["ivr"].store.close()
