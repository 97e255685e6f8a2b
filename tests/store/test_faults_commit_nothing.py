"""A fault commits nothing (issue 9 point 2): what a step wrote before it failed is rolled back."""

from __future__ import annotations

import ivr.behaviours.biometrics as biometrics

RAFAEL = "EAC2690150101"  # biometrics Dec 8 9:00 Eastern, never rescheduled
RAFAEL_KEYS = ("2690150101#", "1", "02281987")


def times_rescheduled(app, receipt):
    """What the database says about the case's biometrics reschedules (0 when no call changed it)."""
    with app.extensions["ivr"].store.call("CA-probe") as tx:
        changes = tx.case_changes(receipt) or {}
    return changes.get("biometrics", {}).get("times_rescheduled", 0)


def test_a_fault_after_the_booking_write_books_nothing(line, twilio_call, monkeypatch):
    """The caller hears the apology and nothing is booked; pressing 1 again books once (not twice)."""
    app = line()
    call = twilio_call(app)
    call.start()
    call.keys("1", "2", *RAFAEL_KEYS, "1", "1")
    real = biometrics.read_digits
    monkeypatch.setattr(biometrics, "read_digits", lambda *args: (_ for _ in ()).throw(RuntimeError("after the write")))
    faulted = call.press("1")
    assert "Sorry" in faulted.text
    assert faulted.state == "biometrics.confirm_time"  # back on "press 1 to book"
    assert times_rescheduled(app, RAFAEL) == 0
    assert call.transcript()[-1]["fault"] == "RuntimeError"
    monkeypatch.setattr(biometrics, "read_digits", real)
    assert "confirmation number" in call.press("1").text
    assert times_rescheduled(app, RAFAEL) == 1


def test_a_faulted_step_files_no_service_request(line, twilio_call, monkeypatch):
    """A fault after a service request is filed leaves no request behind (the caller heard no reference)."""
    import ivr.behaviours.service_requests as self_service

    app = line()
    call = twilio_call(app)
    call.start()
    call.keys("1", "4", "2", *RAFAEL_KEYS, "2")
    monkeypatch.setattr(self_service, "read_digits", lambda *args: (_ for _ in ()).throw(RuntimeError("after filing")))
    assert "Sorry" in call.press("1").text
    with app.extensions["ivr"].store.call("CA-probe") as tx:
        assert tx.service_requests_for(RAFAEL) == []
