"""SQLite's WAL checkpoints, off the request path: a thread per process that checkpoints when asked.

A checkpoint copies the log's pages into the database file and flushes both
to disk: about 3 ms of CPU and 10-15 ms of waiting on the disk here, every
few hundred writes.  Run inside a webhook, that webhook (and the worker's
next ones, queued behind it) waited for the disk; run here, the worker goes
on answering while this thread waits (the sqlite3 module lets go of the GIL
while SQLite works).  The thread has its own connection; a forked worker
starts its own thread on first use.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

CHECKPOINT = "PRAGMA wal_checkpoint(PASSIVE)"  # waits for no reader and no writer


class Checkpointer:
    """Checkpoints one SQLite file's WAL in a background thread of this process, when asked."""

    def __init__(self, connect: Callable[[], sqlite3.Connection]) -> None:
        self.connect = connect
        self._wanted = threading.Event()
        self._stopped = False
        self._pid = 0
        self._lock = threading.Lock()
        self.done = 0  # checkpoints run (for tests and curious operators)

    def request(self) -> None:
        """Checkpoint soon (the thread is started in this process on first use)."""
        if self._pid != os.getpid():
            with self._lock:
                if self._pid != os.getpid():
                    self._pid = os.getpid()
                    self._wanted = threading.Event()
                    threading.Thread(target=self._run, name="ivr-wal-checkpoint", daemon=True).start()
        self._wanted.set()

    def stop(self) -> None:
        self._stopped = True
        self._wanted.set()

    def _run(self) -> None:
        wanted = self._wanted
        conn: sqlite3.Connection | None = None
        try:
            while True:
                wanted.wait()
                wanted.clear()
                if self._stopped:
                    return
                try:
                    conn = conn or self.connect()
                    conn.execute(CHECKPOINT).fetchall()
                    self.done += 1
                except sqlite3.Error as exc:  # a busy or vanished file: the next request tries again
                    log.warning("WAL checkpoint failed: %s", exc)
        finally:
            if conn is not None:
                conn.close()
