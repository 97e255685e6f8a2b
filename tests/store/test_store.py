"""The store's contract (ivr/store/base.py), on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt
import os
import stat
import threading

import pytest
from sqlalchemy import text

from ivr.core.session import PATH_TAIL, Session
from ivr.store.base import LIVE, VersionConflict, WorldClock, rehearsal_world
from ivr.store.sql import SqlStore, default_sqlite_url

DAY = dt.date(2026, 11, 23)


def new_session(call_sid: str = "CA1", state: str = "main_menu") -> Session:
    return Session(call_sid, "uscis", "v1", state, "2026-11-23T10:00:00-05:00")


def request(reference: str, receipt: str = "EAC2690150101", sr_type: str = "other", created: str = "2026-11-23") -> dict:
    return {"reference": reference, "receipt": receipt, "type": sr_type, "created": created, "status": "open"}


def test_a_call_saved_is_loaded_with_its_transcript_in_order(store):
    """A session and transcript entries written in one block are read back as written."""
    with store.call("CA1") as tx:
        assert tx.load_session() is None
        tx.save_session(new_session(), "phone")
        tx.append_transcript([{"n": 1}, {"n": 2}])
    with store.call("CA1") as tx:
        assert tx.load_session() == new_session()
        tx.save_session(new_session(state="verify.receipt"), "phone")
        tx.append_transcript([{"n": 3}])
    assert store.session("CA1").state == "verify.receipt"
    assert store.transcript("CA1") == [{"n": 1}, {"n": 2}, {"n": 3}]


def test_a_call_is_known_by_the_line_it_came_in_on(store):
    """`channel` names the line a saved call came in on, and None for a call never saved."""
    with store.call("CA1") as tx:
        tx.save_session(new_session(), "softphone")
    assert (store.channel("CA1"), store.channel("CA2")) == ("softphone", None)


def test_a_block_overtaken_by_another_webhook_of_the_call_writes_nothing(store):
    """Version check: of two blocks that loaded the same version, the second to end raises and writes nothing."""
    with store.call("CA1") as tx:
        tx.load_session()
        tx.save_session(new_session(), "phone")
    first, second = store.call("CA1"), store.call("CA1")
    tx1 = first.__enter__()
    tx1.load_session()
    tx1.save_session(new_session(state="one"), "phone")
    tx1.append_transcript([{"by": "first"}])
    first.__exit__(None, None, None)
    tx2 = second.__enter__()
    tx2.load_session()
    tx2.save_session(new_session(state="two"), "phone")
    with store.call("CA1") as tx3:  # a third webhook commits between tx2's load and its end
        tx3.load_session()
        tx3.save_session(new_session(state="three"), "phone")
    tx2.append_transcript([{"by": "second"}])
    tx2.put_case_changes("EAC2690150101", {"status": "lost"})
    with pytest.raises(VersionConflict):
        second.__exit__(None, None, None)
    assert store.session("CA1").state == "three"
    assert store.transcript("CA1") == [{"by": "first"}]
    with store.call("CA-probe") as tx:
        assert tx.case_changes("EAC2690150101") is None


def test_two_new_calls_with_one_sid_are_created_once(store):
    """Two blocks creating the same new call: the second finds it created and raises rather than overwrite."""
    first, second = store.call("CA1"), store.call("CA1")
    tx1, tx2 = first.__enter__(), second.__enter__()
    for tx in (tx1, tx2):
        assert tx.load_session() is None
        tx.save_session(new_session(), "phone")
    first.__exit__(None, None, None)
    with pytest.raises(VersionConflict):
        second.__exit__(None, None, None)


def test_a_block_left_by_an_exception_writes_nothing(store):
    """Nothing of a block that raised reaches the database."""
    with pytest.raises(RuntimeError), store.call("CA1") as tx:
        tx.load_session()
        tx.save_session(new_session(), "phone")
        tx.add_service_request(request("2611230001"))
        raise RuntimeError
    assert store.session("CA1") is None
    with store.call("CA-probe") as tx:
        assert tx.service_request("2611230001") is None


def test_rolled_back_writes_are_not_committed_but_later_ones_are(store):
    """`rollback_writes` drops a faulted step's writes; the session and transcript saved after it commit."""
    with store.call("CA1") as tx:
        tx.load_session()
        tx.put_case_changes("EAC2690150101", {"status": "changed"})
        tx.add_service_request(request("2611230001"))
        tx.rollback_writes()
        tx.save_session(new_session(), "phone")
        tx.append_transcript([{"fault": "RuntimeError"}])
    assert store.transcript("CA1") == [{"fault": "RuntimeError"}]
    with store.call("CA-probe") as tx:
        assert tx.case_changes("EAC2690150101") is None
        assert tx.service_request("2611230001") is None


def test_a_block_writing_every_kind_commits_them_all_together(store):
    """The closing transaction writes the session, then entries, case changes, service requests and the
    ledger's rows (SQLite writes the entries first by itself: the common webhook has nothing else)."""
    with store.call("CA1") as tx:
        tx.load_session()
        tx.save_session(new_session(), "phone")
        tx.append_transcript([{"n": 1}, {"n": 2}])
        tx.put_case_changes("EAC2690150101", {"status": "changed"})
        tx.add_service_request(request("2611230001"))
        tx.record_identity_failure("receipt:EAC2690150101", dt.datetime(2026, 11, 23, 15, tzinfo=dt.UTC))
    assert store.transcript("CA1") == [{"n": 1}, {"n": 2}]
    with store.call("CA-probe") as tx:
        assert tx.case_changes("EAC2690150101") == {"status": "changed"}
        assert tx.service_request("2611230001")["status"] == "open"
        assert tx.identity_failures("receipt:EAC2690150101", dt.datetime(2026, 11, 23, tzinfo=dt.UTC)) == 1


def test_a_block_with_only_case_changes_commits_them(store):
    """No session and no entry: the block's other writes still commit."""
    with store.call("CA1") as tx:
        tx.put_case_changes("EAC2690150101", {"status": "changed"})
    assert store.transcript("CA1") == []
    with store.call("CA-probe") as tx:
        assert tx.case_changes("EAC2690150101") == {"status": "changed"}


def test_case_changes_overlay_key_by_key(store):
    """Two calls changing different keys of one case both keep their change (no read-modify-write)."""
    for call_sid, changes in (("CA1", {"biometrics": {"times_rescheduled": 1}}), ("CA2", {"status": "x"})):
        with store.call(call_sid) as tx:
            tx.put_case_changes("EAC2690150101", changes)
    with store.call("CA3") as tx:
        assert tx.case_changes("EAC2690150101") == {"biometrics": {"times_rescheduled": 1}, "status": "x"}
        tx.put_case_changes("EAC2690150101", {"status": "y"})
        assert tx.case_changes("EAC2690150101") == {"biometrics": {"times_rescheduled": 1}, "status": "y"}


def test_service_requests_are_read_by_what_the_step_needs(store):
    """By type, since a day and newest first up to a limit, with the block's own pending requests."""
    with store.call("CA1") as tx:
        tx.add_service_request(request("2611010001", sr_type="expedite", created="2026-11-01"))
        tx.add_service_request(request("2611200001", sr_type="other", created="2026-11-20"))
        tx.add_service_request(request("2611200002", sr_type="expedite", created="2026-11-20"))
        tx.add_service_request(request("2611200003", receipt="WAC2690250102", created="2026-11-20"))
    with store.call("CA2") as tx:
        tx.add_service_request(request("2611230001", sr_type="expedite"))
        refs = lambda found: [r["reference"] for r in found]  # noqa: E731
        assert refs(tx.service_requests_for("EAC2690150101")) == ["2611230001", "2611200002", "2611200001", "2611010001"]
        assert refs(tx.service_requests_for("EAC2690150101", "expedite")) == ["2611230001", "2611200002", "2611010001"]
        assert refs(tx.service_requests_for("EAC2690150101", since=dt.date(2026, 11, 20), limit=2)) == [
            "2611230001", "2611200002"
        ]
        assert tx.service_request("2611200003")["receipt"] == "WAC2690250102"


def test_a_rehearsal_world_reads_live_under_its_own_and_writes_only_its_own(store):
    """Copy-on-write worlds: a rehearsal sees live changes and its own; live never sees the rehearsal's."""
    rehearsal = rehearsal_world("r1")
    with store.call("CA-live", LIVE) as tx:
        tx.put_case_changes("EAC2690150101", {"status": "live", "office": "live office"})
        tx.add_service_request(request("2611230001"))
    with store.call("CA-rehearsal", rehearsal) as tx:
        assert tx.case_changes("EAC2690150101") == {"status": "live", "office": "live office"}
        tx.put_case_changes("EAC2690150101", {"status": "rehearsed"})
        tx.add_service_request(request("2611230002"))
    with store.call("CA-rehearsal-2", rehearsal) as tx:
        assert tx.case_changes("EAC2690150101") == {"status": "rehearsed", "office": "live office"}
        assert [r["reference"] for r in tx.service_requests_for("EAC2690150101")] == ["2611230002", "2611230001"]
    with store.call("CA-live-2") as tx:
        assert tx.case_changes("EAC2690150101") == {"status": "live", "office": "live office"}
        assert tx.service_request("2611230002") is None
    with store.call("CA-other", rehearsal_world("r2")) as tx:
        assert tx.service_request("2611230002") is None


def test_a_world_clock_is_kept_in_the_database(store, database_url):
    """A rehearsal's clock (start instant and real start) is seen by every app server."""
    start = dt.datetime(2026, 11, 23, 16, 30, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    real = dt.datetime(2026, 11, 28, 7, 0, tzinfo=dt.timezone.utc)
    store.set_world_clock(rehearsal_world("r1"), WorldClock(start, real))
    other = SqlStore(database_url)
    try:
        clock = other.world_clock(rehearsal_world("r1"))
        assert clock == WorldClock(start, real)
        assert clock.at(real + dt.timedelta(seconds=90.7)) == start + dt.timedelta(seconds=90)
        assert other.world_clock(rehearsal_world("r2")) is None
    finally:
        other.close()


def test_sequences_never_repeat_under_concurrent_draws(store, database_url):
    """A race-free source: eight threads over two stores drawing 25 numbers each get 1..200, each once."""
    stores = [store, SqlStore(database_url)]
    drawn: list[int] = []
    lock = threading.Lock()

    def draw(which: SqlStore) -> None:
        for _ in range(25):
            with which.call("CA-seq") as tx:
                value = tx.next_sequence("service_request", DAY)
            with lock:
                drawn.append(value)

    threads = [threading.Thread(target=draw, args=(stores[i % 2],)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stores[1].close()
    assert sorted(drawn) == list(range(1, 201))


def test_a_session_keeps_a_bounded_tail_of_its_path():
    """Issue 11 point 3: only the tail of `path` is kept, so a long call's session does not grow."""
    session = new_session()
    session.path = [f"state{i}" for i in range(500)]
    assert session.copy().path == session.path[-PATH_TAIL:]
    assert Session.from_dict(session.to_dict()).path == session.path[-PATH_TAIL:]


def test_a_session_round_trips_through_its_dict():
    """`to_dict` (written field by field) and `from_dict` keep every field."""
    from ivr.core.session import TierChange

    session = new_session()
    session.vars = {"a": [1, 2]}
    session.tier_changes = [TierChange("ivr", "tier1", "asked", "2026-11-23T10:00:00", "main_menu", {"k": "v"})]
    session.scripts_heard = ["s@1"]
    session.service_requests = ["2611230001"]
    assert Session.from_dict(session.to_dict()) == session
    assert set(session.to_dict()) == set(Session.__dataclass_fields__)


def test_a_session_stored_by_an_earlier_version_loads_with_defaults():
    """A stored session without the newer fields (and with a retired one) loads, the missing fields at their defaults."""
    stored = new_session().to_dict()
    for newer in ("console", "silent_escalations", "clarify"):
        del stored[newer]
    stored["retired_field"] = 1
    loaded = Session.from_dict(stored)
    assert (loaded.console, loaded.silent_escalations, loaded.clarify) == ({}, 0, [])
    assert loaded.to_dict() == new_session().to_dict()


def test_a_case_read_twice_in_a_block_sees_what_the_block_changed_in_between(store):
    """A block's reads of a case are read once from the database (a step may read a case twice), and
    still overlay what the block itself wrote since."""
    with store.call("CA1") as tx:
        tx.put_case_changes("EAC2690150101", {"status": "x"})
    with store.call("CA2") as tx:
        assert tx.case_changes("EAC2690150101") == {"status": "x"}
        tx.put_case_changes("EAC2690150101", {"biometrics": {"times_rescheduled": 1}})
        assert tx.case_changes("EAC2690150101") == {"status": "x", "biometrics": {"times_rescheduled": 1}}
        tx.rollback_writes()
        assert tx.case_changes("EAC2690150101") == {"status": "x"}


def _stepped_session() -> Session:
    from ivr.core.session import TierChange

    session = new_session()
    session.vars = {"receipt": "EAC2690150101", "count": 2, "nested": {"a": [1, None]}}
    session.tier_changes = [TierChange("ivr", "tier1", "asked", "2026-11-23T10:00:00", "main_menu", {"path": ["a"]})]
    session.path = [f"state{i}" for i in range(PATH_TAIL)]
    session.menu_stack = ["language", "main_menu"]
    return session


def test_a_session_is_stored_as_the_json_of_its_dict():
    """The store writes a session without building its dict (`_session_json`): the same text as `to_dict`'s JSON,
    for a session made, copied or loaded."""
    from ivr.store.sql import _dumps, _session_json

    session = _stepped_session()
    for form in (session, session.copy(), Session.from_dict(session.to_dict())):
        assert _session_json(form) == _dumps(form.to_dict())


def test_a_session_not_in_its_fields_order_is_stored_through_its_dict():
    """A path past its tail, an attribute that is no field, or fields in another order: `to_dict` decides what is stored."""
    from ivr.core.session import FIELD_ORDER
    from ivr.store.sql import _dumps, _session_json

    long = _stepped_session()
    long.path = long.path + ["one more"]
    extra = _stepped_session()
    extra.__dict__["scratch"] = 1
    shuffled = _stepped_session()
    shuffled.__dict__ = {name: shuffled.__dict__[name] for name in reversed(FIELD_ORDER)}
    for session in (long, extra, shuffled):
        assert not session.in_field_order()
        assert _session_json(session) == _dumps(session.to_dict())
    assert len(_loads_path(_session_json(long))) == PATH_TAIL


def _loads_path(stored: str) -> list[str]:
    import json

    return list(json.loads(stored)["path"])


def test_a_whole_stored_session_loads_as_it_was_and_owns_its_tier_changes():
    """`from_dict` of a dict with every field: the same session, its tier changes built anew (the dict keeps its own)."""
    session = _stepped_session()
    data = session.to_dict()
    loaded = Session.from_dict(data)
    assert loaded == session and loaded.in_field_order()
    assert isinstance(data["tier_changes"][0], dict)
