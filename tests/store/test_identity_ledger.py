"""The identity attempt ledger in the store (issue 10.1), on SQLite and PostgreSQL alike."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import text

from ivr.store.sql import SqlStore

NOW = dt.datetime.fromisoformat("2026-11-23T10:00:00-05:00")


def test_failures_are_counted_per_subject_within_the_window(store: SqlStore) -> None:
    """A failure counts for its own subject, from the window's start on, once its webhook commits."""
    with store.call("CAledger1") as tx:
        tx.record_identity_failure("receipt:WAC2690250102", NOW - dt.timedelta(hours=30))
        tx.record_identity_failure("receipt:WAC2690250102", NOW - dt.timedelta(hours=2))
        tx.record_identity_failure("caller:+12025550143", NOW - dt.timedelta(hours=2))
    with store.call("CAledger2") as tx:
        since = NOW - dt.timedelta(hours=24)
        assert tx.identity_failures("receipt:WAC2690250102", since) == 1
        assert tx.identity_failures("caller:+12025550143", since) == 1
        assert tx.identity_failures("receipt:EAC2690150101", since) == 0


def test_the_ledger_keeps_digests_never_the_identifiers(store: SqlStore) -> None:
    """Subjects are stored as keyed digests: the table holds neither the receipt nor the phone number."""
    with store.call("CAledger3") as tx:
        tx.record_identity_failure("receipt:WAC2690250102", NOW)
        tx.record_identity_failure("caller:+12025550143", NOW)
    with store.engine.connect() as conn:
        subjects = [row[0] for row in conn.execute(text("SELECT subject FROM identity_failures"))]
    assert len(subjects) == 2
    assert not any("2690250102" in s or "2025550143" in s for s in subjects)


def test_a_rehearsal_worlds_failures_do_not_lock_the_live_line(store: SqlStore) -> None:
    """Failures in a trainer's rehearsal world count there only."""
    with store.call("CAledger4", world="rehearsal:trainee") as tx:
        tx.record_identity_failure("receipt:WAC2690250102", NOW)
    with store.call("CAledger5") as tx:
        assert tx.identity_failures("receipt:WAC2690250102", NOW - dt.timedelta(hours=1)) == 0


def test_a_second_store_on_the_same_database_reads_the_same_key(database_url: str, store: SqlStore) -> None:
    """Two app servers on one database share the ledger key, so they count the same subjects."""
    with store.call("CAledger6") as tx:
        tx.record_identity_failure("receipt:WAC2690250102", NOW)
    other = SqlStore(database_url)
    try:
        with other.call("CAledger7") as tx:
            assert tx.identity_failures("receipt:WAC2690250102", NOW - dt.timedelta(hours=1)) == 1
    finally:
        other.close()


def test_purge_removes_old_calls_and_failures_only(store: SqlStore) -> None:
    """Retention (issue 10.3) on both backends: calls started before the cut-off go with their entries."""
    from ivr.core.session import Session

    for sid, started in (("CAold", "2026-10-01T10:00:00-04:00"), ("CAnew", "2026-11-22T10:00:00-05:00")):
        with store.call(sid) as tx:
            tx.load_session()
            tx.save_session(Session(sid, "f", "v", "main", started, ended=True), "phone")
            tx.append_transcript([{"type": "step", "at": started}])
            tx.record_identity_failure("receipt:WAC2690250102", dt.datetime.fromisoformat(started))
    report = store.purge(NOW - dt.timedelta(days=30))
    assert (report.calls, report.transcript_entries, report.identity_failures) == (1, 1, 1)
    assert store.session("CAold") is None and store.session("CAnew") is not None


def test_a_subject_is_kept_as_the_hmac_sha256_of_its_world_and_name(store: SqlStore) -> None:
    """The digest is HMAC-SHA256 under the database's ledger key of `world|subject`, in hex: failures a
    ledger already holds keep counting whichever way the digest is computed."""
    import hashlib
    import hmac

    with store.call("CAledger9") as tx:
        tx.record_identity_failure("receipt:WAC2690250102", NOW)
    with store.engine.connect() as conn:
        (kept,) = conn.execute(text("SELECT subject FROM identity_failures")).one()
    assert kept == hmac.new(store.ledger_key, b"live|receipt:WAC2690250102", hashlib.sha256).hexdigest()
