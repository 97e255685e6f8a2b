"""Retention (issue 10.3): `ivr transcripts purge` removes old calls and nothing else, by the app's clock."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from ivr.cli import main
from ivr.store.line import open_store
from ivr.store.sql import SqlStore
from ivr.testing import PhoneCall

TOKEN = "test-auth-token"
OLD = "2026-10-01T10:00:00-04:00"
RECENT = "2026-11-20T10:00:00-05:00"
NOW = "2026-11-23T10:00:00-05:00"


def a_call(make_app, database, clock, sid, caller="+12025550143", keys=()):
    call = PhoneCall(make_app(DATABASE_URL=database, CLOCK=clock), TOKEN, caller=caller, call_sid=sid)
    call.start()
    call.press("1")
    for key in keys:
        call.press(key)
    call.hang_up()
    return call


def test_purge_removes_old_calls_and_keeps_recent_ones_and_the_agencys_records(make_app, tmp_path):
    """Calls started more than 30 days before the (frozen) clock go, with their transcripts; the rest stays."""
    database = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    # an old call that files a service request (the agency's record must survive the purge)
    a_call(make_app, database, OLD, "CAold", keys=("4", "2", "2690250102#", "1", "04121990", "1", "1"))
    # an old identity failure (counted per receipt and per calling number), and a recent call
    a_call(make_app, database, OLD, "CAfail", keys=("1", "2690250102#", "1", "01012000"))
    a_call(make_app, database, RECENT, "CArecent")
    store = SqlStore(database)
    requests_before = store.engine.connect().exec_driver_sql("SELECT COUNT(*) FROM service_requests").scalar()
    store.close()
    assert requests_before == 1

    result = CliRunner().invoke(main, ["transcripts", "purge", "--db", database, "--older-than", "30d"], env={"IVR_CLOCK": NOW})

    assert result.exit_code == 0, result.output
    assert result.output.strip() == "purged 2 calls (19 transcript entries) and 2 identity failures older than 30 days"
    store = open_store(database)
    try:
        assert store.transcript("CAold") == [] and store.session("CAold") is None
        assert store.transcript("CAfail") == []
        assert store.transcript("CArecent") and store.session("CArecent") is not None
        with store.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM service_requests").scalar() == 1
            assert conn.exec_driver_sql("SELECT COUNT(*) FROM identity_failures").scalar() == 0
    finally:
        store.close()


def test_purge_removes_an_old_call_still_in_progress_on_the_line(make_app, tmp_path):
    """A call whose hang-up never came is still in the line store's map (docs/store.md): its words are personal data
    all the same, and the purge removes it there too; a recent call in progress stays."""
    database = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    for clock, sid in ((OLD, "CAold"), (RECENT, "CArecent")):
        call = PhoneCall(make_app(DATABASE_URL=database, CLOCK=clock, LINE_STORE="lmdb"), TOKEN, call_sid=sid)
        call.start()
        call.press("1")
    result = CliRunner().invoke(main, ["transcripts", "purge", "--db", database, "--older-than", "30d"],
                                env={"IVR_CLOCK": NOW, "IVR_LINE_STORE": "lmdb"})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("purged 1 call (3 transcript entries)")
    store = open_store(database, "lmdb")
    try:
        assert store.session("CAold") is None and store.transcript("CAold") == []
        assert store.session("CArecent") is not None
    finally:
        store.close()


def test_purge_defaults_to_retention_days(make_app, tmp_path):
    """Without --older-than the RETENTION_DAYS setting decides (here 60 days: the October call stays)."""
    database = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    a_call(make_app, database, OLD, "CAold")
    result = CliRunner().invoke(main, ["transcripts", "purge", "--db", database],
                                env={"IVR_CLOCK": NOW, "IVR_RETENTION_DAYS": "60"})
    assert result.exit_code == 0, result.output
    assert result.output.startswith("purged 0 calls")


def test_a_bad_age_is_a_one_line_error(tmp_path):
    """`--older-than soon` is refused with what to write instead, exit 2, and nothing is removed."""
    result = CliRunner().invoke(main, ["transcripts", "purge", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}",
                                       "--older-than", "soon"])
    assert result.exit_code == 2
    assert "'soon' is not an age such as 30d, 12h or 90m" in result.output


@pytest.mark.parametrize("age", ["99999999999d", "1000000d", "900000000h"])
def test_an_age_beyond_any_date_is_a_one_line_error(tmp_path, age):
    """`--older-than 99999999999d` printed an OverflowError traceback; now it is refused, exit 2."""
    result = CliRunner().invoke(main, ["transcripts", "purge", "--db", f"sqlite:///{tmp_path / 'x.sqlite3'}",
                                       "--older-than", age])
    assert result.exit_code == 2
    assert f"'{age}' is more than 100 years" in result.output and "Traceback" not in result.output
