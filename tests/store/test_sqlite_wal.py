"""SQLite's write-ahead log: checkpointed off the request path, bounded while several workers write, and durable.

Each process's checkpointer thread checkpoints the log now and then, so no
webhook waits for its disk flushes.  A checkpoint run while another worker
commits never catches up with the log, and SQLite only starts the log over
when a checkpoint has caught up: the file would grow for as long as the line
is busy.  Past `WAL_LIMIT` the checkpointer therefore catches up under the
writers' lock.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from ivr.store import sql
from ivr.store.sql import SqlStore

EVERY = 50  # writes between a process's checkpoints, for this test
WEBHOOKS_PER_WORKER = 48 * EVERY
PAGE = 4096


def _webhooks(store: SqlStore, worker: int, start: threading.Barrier) -> None:
    """Commit a call's transcript entries as a busy worker does: one short write after another."""
    start.wait()
    for number in range(WEBHOOKS_PER_WORKER):
        with store.call(f"CA{worker:02d}{number:030d}") as tx:
            tx.append_transcript([{"type": "step", "input": {"kind": "digits", "value": "1"}, "pad": "x" * 600}])


def test_the_wal_is_started_over_while_two_workers_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two workers writing at once leave a log near its limit, not one of every write since the start."""
    monkeypatch.setattr(sql, "CHECKPOINT_EVERY", EVERY)
    monkeypatch.setattr(sql, "WAL_LIMIT", 1024 * 1024)
    path = tmp_path / "busy.sqlite3"
    stores = [SqlStore(f"sqlite:///{path}") for _ in range(2)]
    start = threading.Barrier(len(stores))
    workers = [threading.Thread(target=_webhooks, args=(store, index, start)) for index, store in enumerate(stores)]
    try:
        for worker in workers:
            worker.start()
        for worker in workers:
            worker.join()
        wal = os.path.getsize(f"{path}-wal")
    finally:
        for store in stores:
            store.close()
    written = len(stores) * WEBHOOKS_PER_WORKER * 2 * PAGE  # each write adds a table page and an index page
    assert wal < written / 3, f"the log holds {wal:,} bytes after {written:,} bytes of writes"



def test_a_webhook_never_checkpoints_the_wal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The webhooks' own connection only reads and commits: the checkpoints' disk flushes are the checkpointer's."""
    monkeypatch.setattr(sql, "CHECKPOINT_EVERY", 10)
    store = SqlStore(f"sqlite:///{tmp_path / 'line.sqlite3'}")
    statements: list[str] = []
    store._acquire().set_trace_callback(statements.append)
    try:
        for number in range(100):
            with store.call(f"CA{number:032d}") as tx:
                tx.append_transcript([{"type": "step", "input": {"kind": "digits", "value": "1"}}])
    finally:
        store.close()
    assert statements.count("COMMIT") == 100
    assert not [statement for statement in statements if "checkpoint" in statement.lower()]


KILLED_WORKER = """
import os, signal, sys
from ivr.store.sql import SqlStore
store = SqlStore(sys.argv[1])
for number in range(int(sys.argv[2])):
    with store.call(f"CA{number:032d}") as tx:
        tx.append_transcript([{"type": "step", "number": number}])
    print(number, flush=True)  # committed: the webhook would answer now
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_worker_loses_no_committed_call(tmp_path: Path) -> None:
    """A worker killed with kill -9 at any point after its commits (checkpoints pending) loses none of them."""
    url = f"sqlite:///{tmp_path / 'line.sqlite3'}"
    SqlStore(url).close()
    writes = 3 * sql.CHECKPOINT_EVERY + 7  # some checkpointed, the last ones only in the log
    done = subprocess.run([sys.executable, "-c", KILLED_WORKER, url, str(writes)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == -9, done.stderr
    assert done.stdout.split() == [str(number) for number in range(writes)]
    store = SqlStore(url)
    try:
        assert [store.transcript(f"CA{number:032d}") for number in range(writes)] == [
            [{"type": "step", "number": number}] for number in range(writes)
        ]
    finally:
        store.close()


def test_a_worker_forked_while_the_checkpointer_holds_the_writers_lock_can_still_write(tmp_path: Path) -> None:
    """gunicorn forks workers: a child never inherits a writers' lock held by a thread of its parent."""
    store = SqlStore(f"sqlite:///{tmp_path / 'line.sqlite3'}")
    assert store._writer is not None
    try:
        store._writer._threads.acquire()  # as the parent's checkpointer thread does, mid-checkpoint

        def child() -> bool:
            with store.call("CA" + "9" * 32) as tx:
                tx.append_transcript([{"type": "step", "forked": True}])
            return True

        pid = _fork(child)
        store._writer._threads.release()
        assert _exit_code(pid) == 0
        assert store.transcript("CA" + "9" * 32) == [{"type": "step", "forked": True}]
    finally:
        store.close()


def test_a_forked_worker_writes_over_a_connection_and_lock_of_its_own(tmp_path: Path) -> None:
    """The process id a store keeps (rather than asking the kernel per webhook) is the child's own after a fork."""
    store = SqlStore(f"sqlite:///{tmp_path / 'line.sqlite3'}")
    assert store._writer is not None
    try:
        # The parent's connection and lock descriptor exist before the fork (a read and the lock alone:
        # a commit would start the checkpointer thread, and forking beside a thread is no worker's start).
        with store.call("CA" + "1" * 32) as tx:
            assert tx.load_session() is None
        with store._writer:
            pass

        def child() -> bool:
            with store.call("CA" + "2" * 32) as tx:
                tx.append_transcript([{"type": "step", "child": True}])
            assert store._writer is not None
            return store._local.pid == os.getpid() and os.getpid() in store._writer._fds

        assert _exit_code(_fork(child)) == 0
        assert store.transcript("CA" + "2" * 32) == [{"type": "step", "child": True}]
    finally:
        store.close()


def _fork(work: Callable[[], bool]) -> int:
    """A child process that runs `work` and exits 0 if it returns true (1 if it fails, dead after 20 s if it
    hangs on something of its parent's), leaving without the parent's cleanup; the child's pid."""
    pid = os.fork()
    if pid == 0:
        code = 1
        signal.alarm(20)
        try:
            code = 0 if work() else 3
        finally:
            os._exit(code)
    return pid


def _exit_code(pid: int) -> int:
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status)


class _Ledger:
    """A stand-in for the checkpointer's connection and the writers' lock that notes what happens, in order,
    on a clock that each passive pass moves on by the next of `passes` (seconds)."""

    def __init__(self, passes: list[float], log_bytes: int) -> None:
        self.passes, self.now, self.frames = list(passes), 0.0, log_bytes // PAGE
        self.events: list[str] = []

    def execute(self, statement: str) -> "_Ledger":
        locked = "locked " if "lock" in self.events[-1:] else ""
        self.events.append(f"{locked}pass")
        self.now += self.passes.pop(0) if self.passes else 0.0
        return self

    def fetchone(self) -> tuple[int, int, int]:
        return 0, self.frames, self.frames

    def __enter__(self) -> None:
        self.events.append("lock")

    def __exit__(self, *exc: object) -> None:
        self.events.append("unlock")


def test_the_writers_wait_only_for_a_short_catch_up_after_a_long_passive_pass(tmp_path: Path) -> None:
    """A log past its limit is caught up under the writers' lock only once a passive pass was short: what the
    locked pass copies and flushes is then a short pass's worth of commits, not the long first pass's."""
    ledger = _Ledger(passes=[0.100, 0.020, 0.004, 0.001], log_bytes=2 * sql.WAL_LIMIT)
    checkpointer = sql._Checkpointer(str(tmp_path / "calls.sqlite3"), ledger)  # type: ignore[arg-type]
    checkpointer.clock = lambda: ledger.now

    checkpointer.checkpoint(ledger)

    assert ledger.events == ["pass", "pass", "pass", "pass", "lock", "locked pass", "unlock"]


def test_the_closing_passes_are_bounded_when_none_is_short(tmp_path: Path) -> None:
    """Passes that stay long (a busy disk) do not keep the log growing: after `CLOSING_PASSES` the lock is taken."""
    ledger = _Ledger(passes=[0.050] * 20, log_bytes=2 * sql.WAL_LIMIT)
    checkpointer = sql._Checkpointer(str(tmp_path / "calls.sqlite3"), ledger)  # type: ignore[arg-type]
    checkpointer.clock = lambda: ledger.now

    checkpointer.checkpoint(ledger)

    assert ledger.events == ["pass"] * (1 + sql.CLOSING_PASSES) + ["lock", "locked pass", "unlock"]
