"""One identity check for every tier, with one attempt ledger per call, per receipt and per calling number (issue 10.1).

Seed 003_29c9fde61bf22c66.txt / DOMAIN.md §1.3: case-specific information goes only to the
applicant, so every tier verifies who is calling.  Before issue 10, three IVR failures led to
a representative, then an officer who accepted ten wrong dates of birth and the right one; a
supervisor accepted seven; and every new call got three fresh tries.
"""

from __future__ import annotations

import pytest

ANA = ("WAC2690250102", "04121990")  # California Service Center, I-765, Case Was Received
RAFAEL = ("EAC2690150101", "02281987")
WRONG = "01012000"

# What the case would give away: its status, form, office, appointment, the date of birth.
ANA_CASE_DATA = ("Case Was Received", "I-765", "California Service Center", "December 14", "Los Angeles", "1990")
HELP = "e-Request at uscis.gov"


def fail_in_ivr(live, person=ANA, times=3):
    """Choose case status and fail the IVR's identity check `times` times."""
    live.press("1")
    turn = None
    for _ in range(times):
        turn = live.verify((person[0], WRONG))
    return turn


def heard_since(live, start):
    """Everything the call said from transcript entry `start` on."""
    return " ".join(p["text"] for entry in live.transcript()[start:] for p in entry.get("prompts", []))


def assert_no_case_data(text):
    for item in ANA_CASE_DATA:
        assert item not in text


def test_the_ivr_lock_holds_at_the_officer_with_the_right_date_of_birth(dial):
    """The bypass of issue 10: 3 IVR failures, representative, officer: the officer verifies nobody."""
    live = dial()
    assert fail_in_ivr(live).state == "verify.locked"
    mark = len(live.transcript())
    live.press("1")  # a representative
    turn = live.to_tier2()
    assert (turn.state, turn.tier) == ("tier2.identity_locked", "tier2")
    assert "We could not verify your identity on this call." in turn.text and HELP in turn.text
    assert "receipt number" not in turn.says[-1].lower()  # the officer does not even ask
    assert live.session().verified_receipt is None
    assert_no_case_data(heard_since(live, mark))


def test_the_lock_holds_at_the_supervisor(dial):
    """The supervisor's path: asking to verify again is refused before any question, with the help route."""
    live = dial()
    fail_in_ivr(live)
    mark = len(live.transcript())
    live.press("1")
    live.to_tier2()
    live.press("8")  # a supervisor
    turn = live.say("verify my case")
    assert (turn.state, turn.tier) == ("supervisor.menu", "supervisor")
    assert "supervisor.identity_locked" in live.transcript()[-1]["entered"]
    assert HELP in turn.text
    assert live.session().verified_receipt is None
    assert_no_case_data(heard_since(live, mark))


def test_the_officer_locks_after_three_wrong_dates_of_birth(tier1):
    """Tier 2 alone: the third wrong date of birth locks the call; the right one is then refused."""
    tier1.to_tier2()
    for attempt in range(3):
        turn = tier1.verify((ANA[0], WRONG))
        if attempt < 2:
            assert turn.state == "tier2.verify.failed"
            tier1.press("1")  # try again
    assert turn.state == "tier2.identity_locked"
    assert tier1.session().vars["verification_failures"] == 3


def test_ivr_failures_count_towards_the_officers_limit(dial):
    """One ledger per call: two IVR failures leave the officer one try, not three."""
    live = dial()
    fail_in_ivr(live, times=2)
    live.press("0")  # representative from the identity check
    turn = live.to_tier2()
    assert turn.state == "tier2.verify.receipt"
    turn = live.verify((ANA[0], WRONG))
    assert turn.state == "tier2.identity_locked"


def test_a_second_call_with_the_same_receipt_is_refused_with_the_right_date_of_birth(dial, tmp_path):
    """Per receipt, across calls: 5 failures in 24 h lock the receipt for every tier and every calling number."""
    database = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    first = dial(caller_id="+12025550143", DATABASE_URL=database)
    fail_in_ivr(first, times=3)
    second = dial(caller_id="+13105550111", DATABASE_URL=database)
    fail_in_ivr(second, times=2)
    third = dial(caller_id="+14155550122", DATABASE_URL=database)
    third.press("1")
    mark = len(third.transcript())
    turn = third.verify(ANA)
    assert turn.state == "verify.locked"
    assert "identity checks for that receipt number are paused" in turn.text and HELP in turn.text
    assert third.session().verified_receipt is None
    assert_no_case_data(heard_since(third, mark))


def test_an_unknown_receipt_locks_the_same_way_so_the_lock_discloses_nothing(dial, tmp_path):
    """A receipt no case has is locked after the same failures: the lock does not tell cases apart."""
    database = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    nobody = ("WAC2099999999", WRONG)
    for number in ("+12025550143", "+13105550111"):
        live = dial(caller_id=number, DATABASE_URL=database)
        fail_in_ivr(live, person=nobody, times=3 if number.startswith("+1202") else 2)
    live = dial(caller_id="+14155550122", DATABASE_URL=database)
    live.press("1")
    assert "identity checks for that receipt number are paused" in live.verify(nobody).text


def test_another_calling_number_is_limited_too(dial, tmp_path):
    """Per calling number, across calls and receipts (here 4 failures, set by VERIFY_LOCKOUT)."""
    database = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    lockout = {"per_caller": 4}
    first = dial(DATABASE_URL=database, VERIFY_LOCKOUT=lockout)
    fail_in_ivr(first, person=ANA, times=3)
    second = dial(DATABASE_URL=database, VERIFY_LOCKOUT=lockout)
    assert fail_in_ivr(second, person=RAFAEL, times=1).state == "verify.locked"  # the 4th from this number
    third = dial(DATABASE_URL=database, VERIFY_LOCKOUT=lockout)
    third.press("1")
    turn = third.verify(RAFAEL)
    assert turn.state == "verify.locked"
    assert "identity checks from this phone number are paused" in turn.text
    other_number = dial(caller_id="+13105550111", DATABASE_URL=database, VERIFY_LOCKOUT=lockout)
    other_number.press("1")
    assert "Case Was Received" in other_number.verify(RAFAEL).text or other_number.session().verified_receipt


@pytest.mark.parametrize("withheld", ["+266696687", "anonymous"])
def test_strangers_with_withheld_numbers_do_not_lock_each_other_out(dial, tmp_path, withheld):
    """A withheld caller ID (Twilio's ANONYMOUS stand-in, or "anonymous") is nobody's number: one withheld
    caller's failures never pause the identity check of the next withheld caller; each call and receipt keeps
    its own limit."""
    database = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    lockout = {"per_caller": 4}
    fail_in_ivr(dial(caller_id=withheld, DATABASE_URL=database, VERIFY_LOCKOUT=lockout), person=ANA, times=3)
    fail_in_ivr(dial(caller_id=withheld, DATABASE_URL=database, VERIFY_LOCKOUT=lockout), person=ANA, times=1)
    stranger = dial(caller_id=withheld, DATABASE_URL=database, VERIFY_LOCKOUT=lockout)
    stranger.press("1")
    turn = stranger.verify(RAFAEL)
    assert "identity checks from this phone number are paused" not in turn.text
    assert stranger.session().verified_receipt == RAFAEL[0]


def test_the_receipt_lock_lapses_after_the_window_of_simulated_time(dial, tmp_path):
    """A sliding window in simulated time: 24 hours after the failures, the owner is verified again."""
    database = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    for number in ("+12025550143", "+13105550111"):
        fail_in_ivr(dial(caller_id=number, DATABASE_URL=database), times=3 if number.startswith("+1202") else 2)
    same_day = dial(caller_id="+14155550122", DATABASE_URL=database, CLOCK="2026-11-24T09:59:00-05:00")
    same_day.press("1")
    assert same_day.verify(ANA).state == "verify.locked"
    next_day = dial(caller_id="+14155550122", DATABASE_URL=database, CLOCK="2026-11-24T10:01:00-05:00")
    next_day.press("1")
    assert "Case Was Received" in next_day.verify(ANA).text


def test_people_taking_the_call_are_handed_the_lock(dial):
    """TIER_ROUTING: a representative who is a person gets the lock in the hand-off context."""
    live = dial(TIER_ROUTING={"tier1": {"kind": "dial", "target": "client:representative"}})
    fail_in_ivr(live)
    turn = live.press("1")
    change = live.tier_changes()[-1]
    assert (change["to"], change["context"]["identity_lock"]) == ("tier1", "call")
    assert '<Parameter name="identity_lock" value="call" />' in turn.xml


@pytest.mark.parametrize(
    "setting, message",
    [
        ({"per_call": 0}, "per_call must be a whole number of at least 1"),
        ({"per_minute": 3}, "unknown key(s) per_minute"),
        ("[1, 2]", "expected a mapping"),
    ],
    ids=["zero", "unknown-key", "not-a-mapping"],
)
def test_a_bad_lockout_setting_is_refused_with_its_reason(setting, message):
    """VERIFY_LOCKOUT is checked: a typo must not silently switch the lockout off."""
    from ivr.rules.verification import LockoutPolicy

    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        LockoutPolicy.from_setting(setting)
