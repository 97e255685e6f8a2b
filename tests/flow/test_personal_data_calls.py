"""Personal data never reaches the logs, whatever happens on the call (issue 3)."""

import dataclasses
import logging

import pytest

ANA = ("WAC2690250102", "1990-04-12")
RAFAEL = ("EAC2690150101", "1987-02-28")


def secrets(receipt, birth_date):
    """Every way a receipt number or a date of birth could be written in a log line."""
    year, month, day = birth_date.split("-")
    return [receipt, receipt[3:], " ".join(receipt[3:]), birth_date, f"{month}{day}{year}", f"{month}/{day}/{year}"]


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def test_no_receipt_or_birth_date_is_logged_in_whole_calls(dial, logs):
    """Verification (failed and passed), case status, a reschedule and a new service request log no personal data."""
    call = dial(by="speech")
    call.main("1")
    call.verify(ANA[0], "1990-04-13")
    call.verify(*ANA)
    keyed = dial()
    keyed.main("2")
    keyed.verify(*RAFAEL)
    keyed.call.press("1")
    keyed.call.press("1")
    keyed.call.press("1")
    keyed.call.press("9")
    keyed.main("4")
    keyed.call.press("2")
    keyed.call.press("2")
    keyed.call.press("1")
    logged = logs.text + " ".join(str(r.args) for r in logs.records)
    assert logs.records, "the calls should have logged something for this test to mean anything"
    for secret in secrets(*ANA) + secrets(*RAFAEL):
        assert secret not in logged


def test_an_engine_fault_logs_no_personal_data(dial, logs, monkeypatch):
    """An action that fails mid-call is logged by type and place only, never with the caller's answers."""
    import ivr.behaviours.case_status as case_status

    def broken(ctx):
        raise ValueError(f"cannot read {ctx.session.verified_receipt}")

    spec = case_status.REGISTRY.actions["read_case_status"]
    monkeypatch.setitem(case_status.REGISTRY.actions, "read_case_status", dataclasses.replace(spec, func=broken, doc="broken"))
    call = dial()
    call.main("1")
    turn = call.verify(*ANA)
    assert "Sorry, something went wrong on our side." in turn.text
    assert any(r.levelno >= logging.ERROR for r in logs.records)
    for secret in secrets(*ANA):
        assert secret not in logs.text
