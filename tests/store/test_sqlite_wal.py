"""SQLite's write-ahead log stays bounded while several workers write at once.

Each worker checkpoints the log now and then, after its commit, so the other
workers never wait for its disk flushes.  A checkpoint run while another
worker commits never catches up with the log, and SQLite only starts the log
over when a checkpoint has caught up: the file would grow for as long as the
line is busy.  Past `WAL_LIMIT` the checkpoint therefore runs under the
writers' lock.
"""

from __future__ import annotations

import os
import threading
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

