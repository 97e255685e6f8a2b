"""The phone line's calls in progress in LMDB (ivr/store/line.py): where a call lives, how it moves to SQL, and
what a crash between the move's three transactions leaves for the next webhook to settle.

Issue 11.2: "the webhook does one short write transaction (a version-checked upsert of the session plus one
transcript insert, or equivalent) … Calls of one CallSid stay serialised (a version check that retries, not a
global lock)."  The contract every store keeps is tests/store/test_store.py's, run on this store too (`lmdb`).
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import lmdb
import orjson
import pytest

from ivr.core.session import Session
from ivr.errors import ConfigError
from ivr.store import line as line_module
from ivr.store.base import LIVE, Answer, VersionConflict, rehearsal_world
from ivr.store.line import LineStore, line_folder, open_store
from ivr.store.sql import SqlStore

STARTED = "2026-11-23T10:00:00-05:00"


def new_session(call_sid: str = "CA1", state: str = "main_menu", ended: bool = False) -> Session:
    session = Session(call_sid, "uscis", "v1", state, STARTED)
    session.ended = ended
    return session


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "calls.sqlite3"


@pytest.fixture
def store(database: Path, monkeypatch):
    """A line store whose map thread leaves ended calls alone (the tests move them with `move_ended`)."""
    monkeypatch.setattr(line_module, "MOVE_EVERY", 3600.0)
    opened = open_store(f"sqlite:///{database}", "lmdb")
    assert isinstance(opened, LineStore)
    yield opened
    opened.close()


def step(store, call_sid: str = "CA1", state: str = "main_menu", entry: dict | None = None, ended: bool = False,
         answer: Answer | None = None) -> None:
    with store.call(call_sid) as tx:
        tx.load_session()
        tx.save_session(new_session(call_sid, state, ended), "phone", answer)
        tx.append_transcript([entry or {"state": state}])


def sql_rows(database: Path, call_sid: str = "CA1") -> tuple[int, int]:
    """(rows in SQL's calls, rows in its transcript) for the call, read with sqlite3 itself."""
    with sqlite3.connect(database) as conn:
        calls = conn.execute("SELECT COUNT(*) FROM calls WHERE call_sid = ?", (call_sid,)).fetchone()[0]
        entries = conn.execute("SELECT COUNT(*) FROM transcript_entries WHERE call_sid = ?", (call_sid,)).fetchone()[0]
    return calls, entries


def in_map(store: LineStore, call_sid: str = "CA1") -> bool:
    mapped = store.map
    with mapped.env.begin(db=mapped.calls) as txn:
        return txn.get(call_sid.encode()) is not None


# --- where a call lives ----------------------------------------------------------------------------------------


def test_a_call_in_progress_is_kept_in_the_map_not_in_sql(store, database):
    """A live call's steps commit to LMDB: SQL has no row of it, and the store reads it from the map."""
    step(store, state="main_menu")
    step(store, state="verify.receipt")
    assert in_map(store)
    assert sql_rows(database) == (0, 0)
    assert store.session("CA1").state == "verify.receipt"
    assert store.transcript("CA1") == [{"state": "main_menu"}, {"state": "verify.receipt"}]
    assert store.channel("CA1") == "phone"


def test_a_call_that_ends_moves_to_sql_with_every_entry_in_order(store, database):
    """The step that ends the call is one more write to the map; the map's thread then moves the call, its
    session and every entry, to SQL in one transaction, and the map keeps nothing of it."""
    for state in ("language", "main_menu", "case_status"):
        step(store, state=state)
    step(store, state="goodbye", ended=True)
    assert in_map(store) and store.session("CA1").ended
    assert store.move_ended() == 1
    assert not in_map(store)
    assert sql_rows(database) == (1, 4)
    assert [entry["state"] for entry in store.transcript("CA1")] == ["language", "main_menu", "case_status", "goodbye"]
    assert store.session("CA1").ended


def test_a_call_moved_to_sql_goes_on_there(store, database):
    """A webhook after the move (Twilio's status callback after the hang-up step) finds the call in SQL."""
    step(store, state="goodbye", ended=True)
    store.move_ended()
    step(store, state="goodbye", entry={"status": "completed"}, ended=True)
    assert store.move_ended() == 0
    assert sql_rows(database) == (1, 2)
    assert not in_map(store)


def test_a_step_that_writes_the_agencys_records_moves_the_call_with_them(store, database):
    """A service request is written in the same SQL transaction as the call it came from (never one
    without the other), and the call goes on in SQL."""
    step(store, state="main_menu")
    with store.call("CA1") as tx:
        tx.load_session()
        tx.save_session(new_session(state="sr.created"), "phone")
        tx.append_transcript([{"state": "sr.created"}])
        tx.add_service_request({"reference": "2611230001", "receipt": "EAC2690150101", "type": "other",
                                "created": "2026-11-23", "status": "open"})
    assert sql_rows(database) == (1, 2)
    assert not in_map(store)
    with store.call("CA-probe") as tx:
        assert tx.service_request("2611230001")["status"] == "open"


def test_a_failed_move_leaves_the_call_in_the_map_as_it_was(store, database, monkeypatch):
    """When SQL's transaction fails, the call stays in the map at the version it had, unmarked, and its
    next webhook goes on from there."""
    step(store, state="main_menu")

    def refuse(self):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(line_module._SqlCallTransaction, "commit", refuse)
    with pytest.raises(sqlite3.OperationalError):
        with store.call("CA1") as tx:
            tx.load_session()
            tx.save_session(new_session(state="sr.created"), "phone")
            tx.add_service_request({"reference": "2611230001", "receipt": "EAC2690150101", "type": "other",
                                    "created": "2026-11-23", "status": "open"})
    monkeypatch.undo()
    assert store.session("CA1").state == "main_menu"
    step(store, state="case_status")
    assert [entry["state"] for entry in store.transcript("CA1")] == ["main_menu", "case_status"]


def test_ended_calls_move_to_sql_together_in_one_transaction(store, database, monkeypatch):
    """Many calls that ended are one SQL transaction, not one each: the line's busiest write, shared."""
    for number in range(30):
        step(store, f"CA{number}", state="main_menu")
        step(store, f"CA{number}", state="goodbye", ended=True)
    step(store, "CA-on", state="main_menu")
    transactions = []
    insert = line_module.SqlStore.insert_calls
    monkeypatch.setattr(line_module.SqlStore, "insert_calls", lambda self, calls: transactions.append(len(calls)) or insert(self, calls))
    assert store.move_ended() == 30
    assert transactions == [30]
    assert all(sql_rows(database, f"CA{number}") == (1, 2) for number in range(30))
    assert in_map(store, "CA-on") and sql_rows(database, "CA-on") == (0, 0)


def test_the_maps_thread_moves_ended_calls_by_itself(database):
    """No one has to ask: the map's thread moves a call that ended within a fraction of a second."""
    store = open_store(f"sqlite:///{database}", "lmdb")
    try:
        step(store, state="goodbye", ended=True)
        deadline = time.monotonic() + 10
        while in_map(store) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sql_rows(database) == (1, 1)
    finally:
        store.close()


def test_a_failed_move_of_ended_calls_leaves_them_to_the_next_round(store, database, monkeypatch):
    """SQL refusing the ended calls' transaction unmarks them: the next round moves them."""
    step(store, state="goodbye", ended=True)

    def refuse(self, calls):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr(line_module.SqlStore, "insert_calls", refuse)
    with pytest.raises(sqlite3.OperationalError):
        store.move_ended()
    monkeypatch.undo()
    assert store.session("CA1").ended and sql_rows(database) == (0, 0)
    assert store.move_ended() == 1 and sql_rows(database) == (1, 1)


def test_rehearsal_worlds_go_straight_to_sql(store, database):
    """Only the live world's calls are kept in the map."""
    with store.call("CA1", rehearsal_world("r1")) as tx:
        tx.load_session()
        tx.save_session(new_session(), "softphone")
        tx.append_transcript([{"n": 1}])
    assert not in_map(store)
    assert sql_rows(database) == (1, 1)


def test_a_kept_answer_is_found_again_in_the_map(store):
    """Twilio's retry of the last request hears the answer kept with the call (issue 10's idempotency)."""
    step(store, answer=Answer("token-1", "<Response><Say>Hello</Say></Response>", "main_menu", "ivr"))
    with store.call("CA1") as tx:
        tx.load_session()
        kept = tx.answer("token-1")
        assert kept is not None and kept.body == "<Response><Say>Hello</Say></Response>" and kept.state == "main_menu"
        assert tx.answer("token-2") is None


def test_the_calls_list_has_calls_in_progress_and_moved_calls_newest_first(store):
    """`calls` and `iter_calls` list the map's calls with SQL's, each once, in order of their start."""
    with store.call("CA-old") as tx:
        tx.load_session()
        old = new_session("CA-old", ended=True)
        old.started_at = "2026-11-23T09:00:00-05:00"
        tx.save_session(old, "phone")
    step(store, "CA-new")
    assert [record.call_sid for record in store.calls()] == ["CA-new", "CA-old"]
    assert [record.call_sid for record in store.iter_calls()] == ["CA-old", "CA-new"]
    assert store.count_calls() == 2


def test_purge_removes_calls_in_progress_that_started_before_the_cutoff(store):
    """Retention (issue 10): a call in progress is personal data too."""
    step(store, "CA1")
    report = store.purge(dt.datetime(2026, 11, 24, tzinfo=dt.UTC))
    assert (report.calls, report.transcript_entries) == (1, 1)
    assert store.session("CA1") is None and store.transcript("CA1") == []


def test_an_abandoned_call_is_moved_to_sql_by_the_sweep(store, database):
    """A call quiet for longer than Twilio lets a call last (its hang-up never came) moves to SQL as it is."""
    step(store, state="main_menu")
    assert store.sweep(dt.datetime.now(dt.UTC) - line_module.LONGEST_CALL) == 0
    assert store.sweep(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)) == 1
    assert not in_map(store)
    assert sql_rows(database) == (1, 1)
    assert not store.session("CA1").ended


def test_a_full_map_sends_the_call_to_sql_and_loses_nothing(database, monkeypatch):
    """Bad input loses nothing: a map with no room left is no reason to drop a caller's step."""
    monkeypatch.setattr(line_module, "MAP_SIZE", 64 * 1024)
    store = open_store(f"sqlite:///{database}", "lmdb")
    try:
        big = {"text": "x" * 2000}
        for number in range(40):
            step(store, f"CA{number}", entry=big)
        assert all(store.transcript(f"CA{number}") == [big] for number in range(40))
        assert sql_rows(database, "CA39") == (1, 1)
    finally:
        store.close()


# --- a move interrupted ----------------------------------------------------------------------------------------


def mark(store: LineStore, pid: int, since: float, call_sid: str = "CA1") -> None:
    """Mark the call as a mover would (its first transaction), as process `pid` at `since`."""
    mapped = store.map
    with mapped.env.begin(write=True, db=mapped.calls) as txn:
        raw = txn.get(call_sid.encode())
        header, body = line_module._parse(raw)
        header[line_module._MOVING] = [pid, since, header[line_module._VERSION]]
        txn.put(call_sid.encode(), orjson.dumps(header) + b"\n" + bytes(body))


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_move_abandoned_before_sql_committed_is_cleared_and_the_call_goes_on(store, database):
    """The mover died after marking the call: SQL has nothing, so the mark is cleared and the call goes on
    from the map with nothing lost."""
    step(store, state="main_menu")
    mark(store, dead_pid(), time.time())
    step(store, state="case_status")
    assert [entry["state"] for entry in store.transcript("CA1")] == ["main_menu", "case_status"]
    assert sql_rows(database) == (0, 0)


def test_a_move_abandoned_after_sql_committed_goes_on_in_sql(store, database):
    """The mover died after SQL's commit: the call is SQL's, and what the map still held is dropped."""
    step(store, state="main_menu")
    mapped = store.map
    with mapped.env.begin(db=mapped.calls) as txn:
        before = bytes(txn.get(b"CA1"))
    step(store, state="goodbye", ended=True)
    store.move_ended()  # moved: SQL has it, the map not
    with mapped.env.begin(write=True) as txn:  # as if the mover died before forgetting it
        header, body = line_module._parse(before)
        header[line_module._MOVING] = [dead_pid(), time.time(), header[line_module._VERSION]]
        txn.put(b"CA1", orjson.dumps(header) + b"\n" + bytes(body), db=mapped.calls)
        txn.put(line_module._entry_key(b"CA1", 0), b'{"state":"main_menu"}', db=mapped.entries)
    with store.call("CA1") as tx:
        assert tx.load_session().state == "goodbye"
    assert not in_map(store)
    assert sql_rows(database) == (1, 2)


def test_a_webhook_waits_for_a_live_process_moving_its_call(store, database, monkeypatch):
    """A webhook that finds a live process moving its call waits for the move (milliseconds) and goes on from
    where the move left the call: here, SQL."""
    step(store, state="main_menu")
    mark(store, os.getppid(), time.time())
    moved = []

    def the_mover_finishes(seconds):
        if not moved:  # what the live mover does meanwhile: SQL commits, the map forgets
            moved.append(True)
            monkeypatch.undo()
            with sqlite3.connect(database) as conn:
                conn.execute(
                    "INSERT INTO calls (call_sid, world, channel, started_at, flow_id, state, tier, language, ended,"
                    " updated_at, session, answer_key, answer, version) VALUES ('CA1', 'live', 'phone', ?, 'uscis',"
                    " 'goodbye', 'ivr', 'en', 1, ?, ?, NULL, NULL, 1)",
                    (STARTED, STARTED, orjson.dumps(new_session(state="goodbye", ended=True).to_dict()).decode()))

    monkeypatch.setattr(line_module.time, "sleep", the_mover_finishes)
    with store.call("CA1") as tx:
        assert tx.load_session().state == "goodbye"
    assert moved and not in_map(store)


def test_a_webhook_whose_call_another_webhook_settled_meanwhile_starts_again(store, monkeypatch):
    """Two webhooks waiting on one move: when the mark changes under one of them, it is overtaken, as by a
    version conflict, and `CallService` starts it again."""
    step(store, state="main_menu")
    mark(store, os.getppid(), time.time())
    monkeypatch.setattr(line_module.time, "sleep", lambda seconds: mark(store, os.getppid(), time.time() + 1))
    with pytest.raises(VersionConflict), store.call("CA1") as tx:
        tx.load_session()


def test_a_move_marked_longer_ago_than_any_move_takes_is_taken_over(store):
    """A mark older than `MOVER_PATIENCE` is stale even when its process id is alive (ids are reused)."""
    step(store, state="main_menu")
    mark(store, os.getppid(), time.time() - line_module.MOVER_PATIENCE - 1)
    step(store, state="case_status")
    assert store.session("CA1").state == "case_status"


# --- processes ----------------------------------------------------------------------------------------------


def _steps_in_a_process(database: str, calls: int, steps: int, ready) -> None:
    store = open_store(f"sqlite:///{database}", "lmdb")
    ready.wait()
    for number in range(steps):
        for call in range(calls):
            for _ in range(100):
                try:
                    with store.call(f"CA{call}") as tx:
                        session = tx.load_session() or new_session(f"CA{call}")
                        session.steps += 1
                        tx.save_session(session, "phone")
                        tx.append_transcript([{"pid": os.getpid(), "n": number}])
                    break
                except VersionConflict:
                    continue
    store.close()


def test_two_processes_stepping_the_same_calls_lose_and_double_nothing(database):
    """Two worker processes, one map: every step of every call is counted once and its entry kept once."""
    context = multiprocessing.get_context("fork")
    ready = context.Event()
    workers = [context.Process(target=_steps_in_a_process, args=(str(database), 20, 50, ready)) for _ in range(2)]
    for worker in workers:
        worker.start()
    ready.set()
    for worker in workers:
        worker.join(60)
        assert worker.exitcode == 0
    store = open_store(f"sqlite:///{database}", "lmdb")
    try:
        for call in range(20):
            assert store.session(f"CA{call}").steps == 100
            assert len(store.transcript(f"CA{call}")) == 100
    finally:
        store.close()


def test_a_worker_killed_mid_call_loses_no_committed_step(database):
    """kill -9 of a process that committed steps: the next process reads every one of them."""
    script = (
        "import os, sys\n"
        "from ivr.store.line import open_store\n"
        "from ivr.core.session import Session\n"
        f"store = open_store('sqlite:///{database}', 'lmdb')\n"
        "for n in range(30):\n"
        "    with store.call('CA1') as tx:\n"
        "        s = tx.load_session() or Session('CA1', 'uscis', 'v1', 'main_menu', '2026-11-23T10:00:00-05:00')\n"
        "        s.steps += 1\n"
        "        tx.save_session(s, 'phone')\n"
        "        tx.append_transcript([{'n': n}])\n"
        "os.kill(os.getpid(), 9)\n"
    )
    killed = subprocess.run([sys.executable, "-c", script], timeout=60)
    assert killed.returncode == -9
    store = open_store(f"sqlite:///{database}", "lmdb")
    try:
        assert store.session("CA1").steps == 30
        assert [entry["n"] for entry in store.transcript("CA1")] == list(range(30))
    finally:
        store.close()


# --- the machine went down ---------------------------------------------------------------------------------------


def left_by_another_boot(store: LineStore) -> None:
    """As if the map were last written on another boot, and never closed cleanly."""
    store._map_close()
    line_module._write_mark(store.folder, b"another-boot")


def test_a_map_left_by_a_crashed_machine_is_moved_to_sql_on_opening(database):
    """After a crash of the machine, the calls the map holds (they are dead: the line went down with it) are
    moved to SQL, and the map starts afresh."""
    store = open_store(f"sqlite:///{database}", "lmdb")
    step(store, "CA1", state="main_menu")
    step(store, "CA1", state="case_status")
    left_by_another_boot(store)
    store.sql_store.close()
    reopened = open_store(f"sqlite:///{database}", "lmdb")
    try:
        assert sql_rows(database) == (1, 2)
        assert not in_map(reopened)
        assert reopened.session("CA1").state == "case_status"
    finally:
        reopened.close()


def test_a_map_closed_cleanly_is_kept_on_a_new_boot(database, monkeypatch):
    """A clean close marks the map whole: a new boot keeps its calls where they are."""
    store = open_store(f"sqlite:///{database}", "lmdb")
    step(store, "CA1")
    store.close()
    monkeypatch.setattr(line_module, "_boot_id", lambda: b"the next boot")
    reopened = open_store(f"sqlite:///{database}", "lmdb")
    try:
        assert in_map(reopened) and sql_rows(database) == (0, 0)
    finally:
        reopened.close()


def test_a_map_written_after_its_clean_close_is_not_whole(database, monkeypatch):
    """Another process's commit after one process closed cleanly makes the map unclean again."""
    store = open_store(f"sqlite:///{database}", "lmdb")
    other = open_store(f"sqlite:///{database}", "lmdb")
    step(store, "CA1")
    store.close()
    step(other, "CA2")
    other._map_close()
    other.sql_store.close()
    monkeypatch.setattr(line_module, "_boot_id", lambda: b"the next boot")
    reopened = open_store(f"sqlite:///{database}", "lmdb")
    try:
        assert not in_map(reopened, "CA2") and sql_rows(database, "CA2") == (1, 1)
    finally:
        reopened.close()


def test_a_torn_map_is_set_aside_and_the_line_goes_on(database):
    """A map the crash tore cannot be read (its reader may even crash): it is set aside, named, and a new one
    serves the line."""
    store = open_store(f"sqlite:///{database}", "lmdb")
    step(store, "CA1")
    left_by_another_boot(store)
    store.sql_store.close()
    folder = line_folder(str(database))
    with open(folder / "data.mdb", "r+b") as data:
        data.seek(4096 * 2)
        data.write(os.urandom(4096 * 4))
    reopened = open_store(f"sqlite:///{database}", "lmdb")
    try:
        assert [path.name for path in database.parent.iterdir() if ".torn-" in path.name]
        step(reopened, "CA2")
        assert reopened.session("CA2") is not None
    finally:
        reopened.close()


# --- choosing it --------------------------------------------------------------------------------------------


def test_the_line_store_serves_sqlite_files_and_not_memory_or_when_turned_off(tmp_path):
    """`IVR_LINE_STORE=sql` (or an in-memory database) keeps every call in SQL."""
    on = open_store(f"sqlite:///{tmp_path / 'a.sqlite3'}", "lmdb")
    off = open_store(f"sqlite:///{tmp_path / 'b.sqlite3'}", "sql")
    memory = open_store("sqlite://", "lmdb")
    try:
        assert isinstance(on, LineStore)
        assert type(off) is SqlStore and type(memory) is SqlStore
    finally:
        for opened in (on, off, memory):
            opened.close()


def test_turning_the_line_store_off_moves_what_its_map_holds_to_sql(database):
    """`IVR_LINE_STORE=sql` where the map served: its calls (in progress, or ended and not moved yet) go to SQL
    before the store serves, so none is lost from sight; the call in progress goes on in SQL."""
    on = open_store(f"sqlite:///{database}", "lmdb")
    step(on, "CA-going", state="main_menu")
    step(on, "CA-ended", state="goodbye", ended=True)
    on._map_close()
    on.sql_store.close()
    off = open_store(f"sqlite:///{database}", "sql")
    try:
        assert type(off) is SqlStore
        assert sql_rows(database, "CA-going") == (1, 1) and sql_rows(database, "CA-ended") == (1, 1)
        step(off, "CA-going", state="case_status")
        assert [entry["state"] for entry in off.transcript("CA-going")] == ["main_menu", "case_status"]
    finally:
        off.close()


def test_an_unknown_line_store_is_a_clear_configuration_error(tmp_path):
    with pytest.raises(ConfigError, match="IVR_LINE_STORE must be lmdb or sql, not 'disk'"):
        open_store(f"sqlite:///{tmp_path / 'a.sqlite3'}", "disk")


def test_the_map_is_readable_by_its_owner_only(store, database):
    """The map holds what callers keyed and said (issue 10): 0700 folder, 0600 files, like the database."""
    step(store)
    folder = line_folder(str(database))
    assert folder.stat().st_mode & 0o777 == 0o700
    assert {path.stat().st_mode & 0o777 for path in folder.iterdir()} == {0o600}


# --- the app's webhook -------------------------------------------------------------------------------------------


def test_a_webhook_of_a_call_in_progress_writes_once_to_the_map_and_runs_no_sql(make_app, tmp_path, monkeypatch):
    """Issue 11.2 on the line store: a webhook of a call in progress is one LMDB write transaction (the
    version-checked session and its entry) and not one SQL statement."""
    from ivr.testing import PhoneCall

    app = make_app(DATABASE_URL=f"sqlite:///{tmp_path / 'one.sqlite3'}", LINE_STORE="lmdb")
    store = app.extensions["ivr"].store
    call = PhoneCall(app, "test-auth-token", call_sid="CA-one")
    call.start()
    statements: list[str] = []
    with store.sql_store._connection() as conn:
        conn.set_trace_callback(statements.append)
    writes: list[bool] = []
    begin = store.map.env.begin

    class Counted:
        def begin(self, *args, **kwargs):
            writes.append(bool(kwargs.get("write")))
            return begin(*args, **kwargs)

        def __getattr__(self, name):
            return getattr(store.map.env.__class__, name).__get__(store.map.env)

    monkeypatch.setattr(store.map, "env", Counted())
    call.press("1")
    assert statements == []
    assert writes.count(True) == 1
    assert [entry["type"] for entry in store.transcript("CA-one")] == ["call", "step", "step"]


def test_no_write_lock_of_the_map_is_held_while_the_engine_steps(make_app, tmp_path, monkeypatch):
    """While a webhook's step runs, another writer could take the map's write lock at once."""
    from ivr.core.engine import Engine
    from ivr.testing import PhoneCall

    app = make_app(DATABASE_URL=f"sqlite:///{tmp_path / 'free.sqlite3'}", LINE_STORE="lmdb")
    store = app.extensions["ivr"].store
    call = PhoneCall(app, "test-auth-token", call_sid="CA-free")
    call.start()
    step = Engine.step
    taken: list[bool] = []

    def step_while_someone_writes(self, *args, **kwargs):
        script = (f"import lmdb; env = lmdb.open({str(store.folder)!r}, max_dbs=2, lock=True);"
                  " txn = env.begin(write=True); txn.abort(); print('taken')")
        other = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=5)
        taken.append(other.stdout.strip() == "taken")
        return step(self, *args, **kwargs)

    monkeypatch.setattr(Engine, "step", step_while_someone_writes)
    assert call.press("1").state == "main_menu"
    assert taken == [True]


def test_the_sweep_reads_the_map_a_batch_at_a_time_and_misses_no_call(store, database):
    """The sweep reads calls in progress a few hundred a transaction, so the webhooks get in between; every
    call is looked at once."""
    for number in range(600):
        step(store, f"CA{number:04d}")
    assert [key for key, _ in store._headers(at_once=256)] == [f"CA{number:04d}".encode() for number in range(600)]
    assert store.sweep(dt.datetime.now(dt.UTC) + dt.timedelta(seconds=1)) == 600
    assert sql_rows(database, "CA0599") == (1, 1)
