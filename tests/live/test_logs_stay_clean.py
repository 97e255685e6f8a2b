"""No identifier in the logs at DEBUG (issue 10.5), on the paths issue 10 added.

Extends tests/flow/test_personal_data_calls.py: the lockout (every tier, across calls),
the retention purge, and tiers played by people (TIER_ROUTING).
"""

from __future__ import annotations

import logging

import pytest
from click.testing import CliRunner

from ivr.cli import main

ANA = ("WAC2690250102", "04121990", "1990-04-12")
CALLERS = ("+12025550143", "+13105550111")


def secrets():
    receipt, keyed, iso = ANA
    year, month, day = iso.split("-")
    found = [receipt, receipt[3:], " ".join(receipt[3:]), keyed, iso, f"{month}/{day}/{year}", "01012000"]
    for phone in CALLERS:
        found += [phone, phone[2:], f"{phone[2:5]}-{phone[5:8]}-{phone[8:]}"]
    return found


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.DEBUG)
    return caplog


def logged(logs):
    return logs.text + " ".join(str(record.args) for record in logs.records) + " ".join(
        str(record.msg) for record in logs.records
    )


def fail(live, times=3):
    live.press("1")
    for _ in range(times):
        live.verify((ANA[0], "01012000"))


def test_lockouts_in_every_tier_and_across_calls_log_no_identifier(dial, logs, tmp_path):
    """IVR lock, the officer and the supervisor refusing, a receipt locked by another call: nothing identifying logged."""
    database = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    first = dial(caller_id=CALLERS[0], DATABASE_URL=database)
    fail(first)
    first.press("1")
    first.to_tier2()
    first.press("8")
    first.say("verify my case")
    second = dial(caller_id=CALLERS[1], DATABASE_URL=database)
    fail(second, times=2)
    second.verify((ANA[0], ANA[1]))
    assert logs.records, "the calls should have logged something for this test to mean anything"
    text = logged(logs)
    assert [secret for secret in secrets() if secret in text] == []


def test_tiers_played_by_people_log_no_identifier(dial, logs):
    """A locked call handed to people (queue, dial, call-back) logs the hand-off, never the receipt or number."""
    routing = {"tier1": {"kind": "dial", "target": "client:representative"},
               "tier2": {"kind": "callback", "target": "tier2-callbacks"}}
    live = dial(caller_id=CALLERS[0], TIER_ROUTING=routing)
    fail(live)
    live.press("1")
    verified = dial(caller_id=CALLERS[1], TIER_ROUTING=routing)
    verified.press("1")
    verified.verify((ANA[0], ANA[1]))
    verified.press("0")
    text = logged(logs)
    assert [secret for secret in secrets() if secret in text] == []


def test_the_purge_logs_and_prints_no_identifier(dial, logs, tmp_path):
    """`ivr transcripts purge` reports counts only."""
    database = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    fail(dial(caller_id=CALLERS[0], DATABASE_URL=database, CLOCK="2026-10-01T10:00:00-04:00"))
    result = CliRunner().invoke(main, ["transcripts", "purge", "--db", database, "--older-than", "30d"],
                                env={"IVR_CLOCK": "2026-11-23T10:00:00-05:00"})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("purged 1 call ")
    text = logged(logs) + result.output
    assert [secret for secret in secrets() if secret in text] == []
