"""The phone line's calls in progress, kept in LMDB beside the SQLite database.

One machine serving the phone line from a SQLite file pays, for every
webhook, SQLite's write-ahead log: the pages of the call's row and of its
transcript read again after the other worker's commit, written as log
frames, and the file locks around them (about 150 µs of a webhook's 480 µs
on two cores, measured in docs/operations.md).  LMDB does the same write in
about 10 µs: its pages are one shared memory map that every process reads,
its writers queue on a robust mutex in shared memory, and a commit writes
its few pages with `pwrite` and flushes nothing.  So a live call
lives here while it is in progress:

    calls     CallSid → header line (JSON) + "\\n" + the session (JSON)
    entries   CallSid + NUL + 4-byte number → a transcript entry (JSON)

    ended     CallSid → nothing: the call ended, its move to SQL is due

and moves to SQL, its session and every entry in one SQL transaction:

- when a step writes anything besides the call (a case change, a service
  request, an identity failure): the webhook moves it, so that the agency's
  records and the call that made them are written together;
- when it ends: the webhook's write is one more LMDB write, and a thread of
  each process (`_Map._work`) moves the ended calls, up to `MOVE_AT_ONCE`
  in one SQL transaction, every `MOVE_EVERY`;
- when it has been quiet for longer than any call can last (the same
  thread, every `SWEEP_EVERY`), or when the map is full.

Everything outside the live world (rehearsals, training) goes to SQL as
before.

The call's version is checked in the LMDB write transaction exactly as SQL's
`UPDATE … WHERE version = ?` checks it: two webhooks of one call are
serialised by the check (the loser retries), never by a lock held while the
engine steps.

A move is three short transactions, and a process that dies between any two
of them leaves a state the next webhook of the call settles:

1. LMDB: the version is checked and the call marked as moving (by this
   process, at this version);
2. SQL: the call's row, its entries and the step's other writes;
3. LMDB: the call and its entries removed.

A webhook that finds a call marked as moving reads SQL: a call there is the
moved one (what LMDB still holds is dropped); a call not there is still
being moved by a live process (the webhook waits for it) or was abandoned by
a dead one or one that took longer than any move can (`MOVER_PATIENCE`: the
mark is cleared and the call goes on from LMDB).

Durability.  Commits are not flushed per webhook (a flush costs 200 µs of
wall time here): a worker's crash loses nothing, because a commit is in the
kernel's page cache the moment it returns, and every other process sees it.
The map is flushed to disk every `FLUSH_EVERY` (1 s) after a commit, and
SQL holds every call that ended (within `MOVE_EVERY`).  A crash of the
machine itself can lose the last seconds of the calls in progress (they
were cut off with it), or the whole map if the crash tore it: a store that
opens on a new boot without the mark of a clean close (`close` flushes and
marks it) moves what it can read to SQL, in a child process, and starts
afresh, keeping a map it cannot read aside.

Several app servers share PostgreSQL, not a memory map: the line store is
for a SQLite file only (`open_store`), and `IVR_LINE_STORE=sql` turns it off
(for a database on a network file system, where LMDB cannot lock).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import logging
import os
import shutil
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import lmdb
import orjson

from ivr.core.session import Session
from ivr.errors import ConfigError
from ivr.private_files import private_folder
from ivr.store.base import LIVE, Answer, CallRecord, CallTransaction, PurgeReport, Store, VersionConflict, WorldClock
from ivr.store.sql import SqlStore, _before, _pid, _session_json, _SqlCallTransaction, _sqlite_file, kept_answer, kept_text

log = logging.getLogger(__name__)

MAP_SIZE = 1 << 33
"""The map's largest size: 8 GiB of address space; the file grows only as calls need (a call's value is 2.3 kB
and an entry 0.7 kB on average: 15,000 calls of 11 steps hold about 150 MB before LMDB's page overhead).  A map
that fills up sends the call that found it full to SQL: nothing is lost."""

FLUSH_EVERY = 1.0
"""Seconds between flushes of the map to disk (by a thread of each process, when it committed meanwhile)."""

MOVE_EVERY = 1.0
"""Seconds between the moves of ended calls to SQL (by the same thread, `MOVE_AT_ONCE` at a time)."""

MOVE_AT_ONCE = 64
"""Ended calls moved in one SQL transaction, at most; the thread lets the webhooks in between two (a batch holds
the interpreter for about 40 µs a call)."""

LONGEST_CALL = dt.timedelta(hours=4, minutes=10)
"""Twilio ends every call after 4 hours: a call quiet for longer was abandoned (its hang-up never came)."""

SWEEP_EVERY = 600.0
"""Seconds between looks for abandoned calls, per process."""

MOVER_PATIENCE = 120.0
"""Seconds a move may take before another process may take it over from a live mover (SQLite's busy timeout is
30 s: a move that takes longer has failed)."""

# The header's fields, by position
_VERSION, _WORLD, _CHANNEL, _STARTED, _UPDATED, _FLOW, _STATE, _TIER, _LANGUAGE, _ENDED, _ENTRIES, _KEY, _KEPT, _MOVING = range(14)


def line_folder(database: str) -> Path:
    """Where the line store of the SQLite file `database` keeps its map: beside it."""
    return Path(f"{database}-line")


def open_store(url: str, line: str | None = None, serving: bool = True) -> SqlStore | LineStore:
    """The store for `url`: SQL, with the phone line's calls in progress in LMDB when `url` is a SQLite file
    (unless `line` is "sql"; None reads `IVR_LINE_STORE`).  A command that only reads or purges what the line
    recorded (`serving` false) opens the map only if the line made one."""
    sql = SqlStore(url)
    choice = (line if line is not None else os.environ.get("IVR_LINE_STORE", "")).strip().lower() or "lmdb"
    if choice not in ("lmdb", "sql"):
        raise ConfigError(f"IVR_LINE_STORE must be lmdb or sql, not {choice!r}")
    database = _sqlite_file(url)
    if database is None or database in ("", ":memory:"):
        return sql
    folder = line_folder(database)
    made = (folder / "data.mdb").exists()
    if choice == "sql":
        if serving and made:
            _empty_into_sql(sql, folder)
        return sql
    return LineStore(sql, folder) if serving or made else sql


def _empty_into_sql(sql: SqlStore, folder: Path) -> None:
    """The line store turned off (`IVR_LINE_STORE=sql`) where it served: what its map holds (calls in progress,
    ended calls not moved yet) goes to SQL first, so that nothing it kept is left where SQL cannot see it."""
    line = LineStore(sql, folder)
    try:
        moved = line.sweep(moved_before=None)
    finally:
        line._map_close()
    if moved:
        log.warning("the line store is off: its %d call(s) were moved to SQL", moved)


def recover(url: str, folder: str, clean: str) -> None:
    """Settle the map at `folder`, left by the machine's last boot (run in a child process by `LineStore`):
    print "whole" when it was closed cleanly at transaction `clean` and not written since; else move every
    call it holds to SQL at `url`."""
    store = LineStore(SqlStore(url), Path(folder), recovering=True)
    try:
        if int(clean) == store.map.env.info()["last_txnid"]:
            print("whole")
            return
        moved = store.sweep(moved_before=None)
    finally:
        store._map_close()
        store.sql_store.close()
    print(f"its {moved} call(s) in progress were moved to SQL")


def _mark_file(folder: Path) -> Path:
    return folder.with_name(f"{folder.name}.boot")


def _read_mark(folder: Path) -> tuple[bytes | None, int | None]:
    """The boot the map was last opened on, and the transaction a clean close left it at (None: not closed)."""
    try:
        boot, _, clean = _mark_file(folder).read_bytes().partition(b" ")
    except OSError:
        return None, None
    return boot, int(clean) if clean else None


def _write_mark(folder: Path, boot: bytes, clean: int | None = None) -> None:
    marked = _mark_file(folder)
    fresh = marked.with_name(f"{marked.name}.{os.getpid()}")
    with open(os.open(fresh, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600), "wb") as out:
        out.write(boot + (b" %d" % clean if clean is not None else b""))
    os.replace(fresh, marked)


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    private_folder(folder.parent)
    with open(os.open(f"{folder}.lock", os.O_RDWR | os.O_CREAT, 0o600)) as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _boot_id() -> bytes:
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_bytes().strip()
    except OSError:
        return b"unknown"


def _entry_key(call: bytes, number: int) -> bytes:
    return call + b"\x00" + number.to_bytes(4, "big")


def _parse(raw: bytes) -> tuple[list[Any], memoryview]:
    """A call's value: its header and (unparsed) its session."""
    cut = raw.index(b"\n")
    view = memoryview(raw)
    return orjson.loads(view[:cut]), view[cut + 1 :]


def _with_header(header: list[Any], raw: bytes) -> bytes:
    """The call's value `raw` with `header` in place of its own (the session as it is)."""
    return orjson.dumps(header) + b"\n" + raw[raw.index(b"\n") + 1 :]


def _record(call_sid: str, header: list[Any]) -> CallRecord:
    return CallRecord(
        call_sid=call_sid, flow_id=header[_FLOW], state=header[_STATE], tier=header[_TIER],
        language=header[_LANGUAGE], started_at=header[_STARTED], updated_at=header[_UPDATED],
        ended=bool(header[_ENDED]), channel=header[_CHANNEL],
    )


class _Map:
    """The LMDB environment of a map in one process, and its thread.  LMDB opens an environment once per
    process and never uses it across a fork: every store of the process over one map shares it (`shared`), and
    a forked worker opens its own (`ivr.store.sql._pid` is noted again at a fork; the parent's map is never
    closed in the child: closing it would free the parent's readers' slots)."""

    _open: dict[tuple[int, str], _Map] = {}
    _opening = threading.Lock()

    @classmethod
    def shared(cls, folder: Path) -> _Map:
        with cls._opening:
            key = (_pid(), os.path.realpath(folder))
            found = cls._open.get(key)
            if found is None:
                found = cls._open[key] = _Map(folder, key)
            found.users += 1
            return found

    def __init__(self, folder: Path, key: tuple[int, str]) -> None:
        self.folder = folder
        self.key = key
        self.pid = key[0]
        self.users = 0
        private_folder(folder)
        # Written with `pwrite`, not through a writable map: a flush then never makes the webhooks' next writes
        # fault (with a writable map each flush write-protected every page it wrote, and the next write to it
        # faulted, ext4 opening a journal handle and the other core's TLB flushed: 15,000 open calls' p99 went
        # from 8.5-20 ms to 103-115 ms, the bench's webhook p99 from 19-22 ms to 23-46 ms).
        self.env = lmdb.open(
            str(folder), map_size=MAP_SIZE, max_dbs=3, sync=False, metasync=False, writemap=False,
            readahead=False, meminit=False, mode=0o600, max_readers=1024,
        )
        self.env.reader_check()  # slots left by readers killed mid-read
        self.calls = self.env.open_db(b"calls")
        self.entries = self.env.open_db(b"entries")
        self.ended = self.env.open_db(b"ended")  # the calls whose session ended: their move to SQL is due
        self.dirty = False
        self.chores: list[Callable[[], None]] = []
        self._starting = threading.Lock()
        self._worker: threading.Thread | None = None
        self._closed = threading.Event()

    def committed(self) -> None:
        """After a commit: the map is dirty (its thread flushes it)."""
        self.dirty = True

    def start(self) -> None:
        """The map's thread, running (once per process)."""
        if self._worker is not None:
            return
        with self._starting:
            if self._worker is None:
                self._worker = threading.Thread(target=self._work, name="ivr-line-store", daemon=True)
                self._worker.start()

    def _work(self) -> None:
        """The map's thread, off the request path: every `MOVE_EVERY` its stores' chores (ended calls to SQL,
        now and then the abandoned ones), and the map to disk when `FLUSH_EVERY` has passed since a commit
        (a flush takes milliseconds; LMDB lets go of the interpreter while it waits for the disk)."""
        flushed = time.monotonic()
        while not self._closed.wait(MOVE_EVERY):  # (a module global, read each round: tests set it)
            for chore in list(self.chores):
                try:
                    chore()
                except Exception:  # never the thread's end: the next round tries again
                    log.exception("the line store's %s failed", getattr(chore, "__name__", "chore"))
            if self.dirty and time.monotonic() - flushed >= FLUSH_EVERY:
                self.dirty = False
                flushed = time.monotonic()
                try:
                    self.env.sync(True)
                except lmdb.Error:  # closed meanwhile
                    return

    def release(self) -> None:
        """One store of the process is done with the map: the last one closes it."""
        with _Map._opening:
            self.users -= 1
            if self.users > 0:
                return
            _Map._open.pop(self.key, None)
        self._closed.set()
        if self._worker is not None and self._worker is not threading.current_thread():
            self._worker.join()
        self.env.close()


class LineStore(Store):
    """A SQL store with the live world's calls in progress kept in LMDB (see the module docstring)."""

    def __init__(self, sql: SqlStore, folder: Path, recovering: bool = False) -> None:
        self.sql_store = sql
        self.folder = folder
        self.ledger_key = sql.ledger_key
        self.dialect = sql.dialect
        self._map: _Map | None = None
        self._swept = time.monotonic()
        if not recovering:
            self._recover()

    @property
    def engine(self) -> Any:
        """The SQL store's SQLAlchemy engine (the reads outside calls)."""
        return self.sql_store.engine

    @property
    def map(self) -> _Map:
        """This process's map (opened on first use, and again in a forked worker)."""
        current = self._map
        if current is not None and current.pid == _pid():
            return current
        self._map = _Map.shared(self.folder)
        self._swept = time.monotonic()
        self._map.chores.append(self._chores)
        self._map.start()  # ended calls left by a worker that stopped go to SQL without waiting for a webhook
        return self._map

    # --- opening: a new boot without a clean close ---------------------------------------------------------

    def _recover(self) -> None:
        """Mark the map with this boot.  A map the machine's last boot left without a clean close is moved to
        SQL as far as it reads, in a child process (a torn map may crash its reader), and set aside when it
        cannot be read; the mark lives in a file beside the map, so nothing here reads the map itself."""
        boot = _boot_id()
        with _folder_lock(self.folder):  # the workers start together: one of them looks
            last_boot, clean = _read_mark(self.folder)
            if (self.folder / "data.mdb").exists() and last_boot not in (None, boot):
                self._settle_last_boot(clean)
            _write_mark(self.folder, boot)

    def _settle_last_boot(self, clean: int | None) -> None:
        looked = subprocess.run(
            [sys.executable, "-c", "import sys; from ivr.store.line import recover; recover(*sys.argv[1:])",
             self.sql_store._url_text, str(self.folder), str(clean if clean is not None else -1)],
            capture_output=True, text=True, timeout=600,
        )
        said = looked.stdout.strip()
        if looked.returncode == 0 and said == "whole":
            return
        if looked.returncode == 0:
            log.error("the line store %s was left by a machine that went down: %s", self.folder, said)
            shutil.rmtree(self.folder)
            return
        aside = self.folder.with_name(f"{self.folder.name}.torn-{int(time.time())}")
        self.folder.rename(aside)
        log.error("the line store %s was left torn by a machine that went down (%s): set aside as %s", self.folder,
                  (looked.stderr.strip().splitlines() or [f"exit {looked.returncode}"])[-1], aside)

    def _map_close(self) -> None:
        if self._map is not None and self._map.pid == _pid():
            if self._chores in self._map.chores:
                self._map.chores.remove(self._chores)
            self._map.release()
        self._map = None

    # --- the per-request path --------------------------------------------------------------------------------

    def call(self, call_sid: str, world: str = LIVE) -> _SqlCallTransaction | _LineCallTransaction:
        """The call's transaction: the live world's through LMDB, every other world's straight to SQL."""
        if world != LIVE:
            return self.sql_store.call(call_sid, world)
        return _LineCallTransaction(self, call_sid)

    # --- reading outside calls ---------------------------------------------------------------------------------

    def _header(self, call_sid: str) -> tuple[list[Any], memoryview] | None:
        mapped = self.map
        with mapped.env.begin(db=mapped.calls) as txn:
            raw = txn.get(call_sid.encode())
        if raw is None:
            return None
        header, session = _parse(raw)
        return None if header[_MOVING] else (header, session)

    def _line_calls(self) -> list[CallRecord]:
        return [_record(key.decode(), header) for key, header in self._headers() if not header[_MOVING]]

    def transcript(self, call_sid: str) -> list[dict[str, Any]]:
        if self._header(call_sid) is None:
            return self.sql_store.transcript(call_sid)
        mapped = self.map
        with mapped.env.begin() as txn:
            return [orjson.loads(entry) for entry in _read_entries(txn, mapped.entries, call_sid.encode())]

    def calls(self, limit: int = 100, channel: str | None = None) -> list[CallRecord]:
        line = [record for record in self._line_calls() if channel is None or record.channel == channel]
        kept = {record.call_sid for record in line}
        found = line + [record for record in self.sql_store.calls(limit, channel) if record.call_sid not in kept]
        return sorted(found, key=lambda record: record.started_at, reverse=True)[:limit]

    def iter_calls(self) -> Iterator[CallRecord]:
        line = sorted(self._line_calls(), key=lambda record: record.started_at)
        kept = {record.call_sid for record in line}
        waiting = iter(line)
        next_line = next(waiting, None)
        for record in self.sql_store.iter_calls():
            if record.call_sid in kept:
                continue
            while next_line is not None and next_line.started_at <= record.started_at:
                yield next_line
                next_line = next(waiting, None)
            yield record
        while next_line is not None:
            yield next_line
            next_line = next(waiting, None)

    def session(self, call_sid: str) -> Session | None:
        found = self._header(call_sid)
        if found is None:
            return self.sql_store.session(call_sid)
        return Session.from_dict(orjson.loads(found[1]))

    def channel(self, call_sid: str) -> str | None:
        found = self._header(call_sid)
        return str(found[0][_CHANNEL]) if found is not None else self.sql_store.channel(call_sid)

    def count_calls(self) -> int:
        return self.sql_store.count_calls() + len(self._line_calls())

    def world_clock(self, world: str) -> WorldClock | None:
        return self.sql_store.world_clock(world)

    def set_world_clock(self, world: str, clock: WorldClock) -> None:
        self.sql_store.set_world_clock(world, clock)

    # --- moving calls to SQL ---------------------------------------------------------------------------------

    def sweep(self, moved_before: dt.datetime | None = None) -> int:
        """Move to SQL the calls last updated before `moved_before` (None: every call); how many moved.

        A call quiet for longer than `LONGEST_CALL` was abandoned (its hang-up never came): it moves as it is,
        not ended, as SQL keeps any call whose hang-up never came."""
        quiet = [
            key.decode() for key, header in self._headers()
            if moved_before is None or _before(header[_UPDATED], moved_before)
        ]
        moved = 0
        for call_sid in quiet:
            try:
                with self.call(call_sid) as tx:
                    session = tx.load_session()
                    if session is not None and isinstance(tx, _LineCallTransaction) and tx.in_line:
                        tx.move_as_it_is()
                        moved += 1
            except VersionConflict:
                continue  # the call spoke meanwhile: it is not abandoned
        return moved

    def _headers(self, at_once: int = 256) -> Iterator[tuple[bytes, list[Any]]]:
        """Every call's key and header, read `at_once` calls a transaction, the webhooks let in between (the
        map thread's sweep reads 15,000 calls in progress in about 45 ms)."""
        mapped = self.map
        after = b""
        while True:
            with mapped.env.begin(db=mapped.calls) as txn:
                cursor = txn.cursor()
                read = [(bytes(key), _parse(raw)[0]) for key, raw in _take(cursor, after, at_once)]
            yield from read
            if len(read) < at_once:
                return
            after = read[-1][0] + b"\x00"  # the next key after the last one read
            time.sleep(0.001)

    def _chores(self) -> None:
        """The map thread's work for this store: ended calls to SQL; every `SWEEP_EVERY`, abandoned ones."""
        while self.move_ended() == MOVE_AT_ONCE and not self.map._closed.is_set():
            time.sleep(0.001)  # the webhooks first
        now = time.monotonic()
        if now - self._swept >= SWEEP_EVERY:
            self._swept = now
            self.map.env.reader_check()  # slots of readers killed mid-read: their pages can be reused again
            moved = self.sweep(dt.datetime.now(dt.timezone.utc) - LONGEST_CALL)
            if moved:
                log.info("moved %d abandoned call(s) from the line store to SQL", moved)

    def move_ended(self) -> int:
        """Move the calls that ended to SQL, up to `MOVE_AT_ONCE` of them in one SQL transaction; how many.

        The same three steps as one call's move (`_LineCallTransaction._move`), for many calls: each marked,
        all written to SQL at once, each forgotten, so a crash anywhere leaves what a webhook settles."""
        mapped = self.map
        with mapped.env.begin(db=mapped.ended) as txn:
            due = [bytes(key) for key, _ in _take(txn.cursor(), b"", MOVE_AT_ONCE)]
        if not due:
            return 0
        mark = [os.getpid(), time.time(), None]
        moving: list[tuple[bytes, list[Any]]] = []
        rows: list[tuple[tuple[Any, ...], list[tuple[str, str]]]] = []
        with mapped.env.begin(write=True) as txn:
            for key in due:
                raw = txn.get(key, db=mapped.calls)
                header = _parse(raw)[0] if raw is not None else None
                if header is None or not header[_ENDED]:  # gone, or a new call with its SID
                    txn.delete(key, db=mapped.ended)
                    continue
                if header[_MOVING]:
                    continue  # another process's move: its own to settle
                ours = [*mark[:2], header[_VERSION]]
                body, entries = _mark_for_move(txn, mapped, key, header, ours)
                call_sid = key.decode()
                moving.append((key, ours))
                rows.append((_row(self.sql_store, call_sid, header, body),
                             [(call_sid, entry.decode()) for entry in entries]))
        if not moving:
            return 0
        try:
            self.sql_store.insert_calls(rows)
        except BaseException:
            for key, ours in moving:
                _unmark(mapped, key, ours)
            raise
        with mapped.env.begin(write=True) as txn:
            for key, ours in moving:
                _forget_in(txn, mapped, key, ours)
        mapped.committed()
        return len(moving)

    # --- retention ---------------------------------------------------------------------------------------------

    def purge(self, before: dt.datetime) -> PurgeReport:
        """SQL's purge, and the calls in progress that started before `before` removed from the map."""
        report = self.sql_store.purge(before)
        mapped = self.map
        calls = entries = 0
        old = [key for key, header in self._headers() if _before(header[_STARTED], before)]
        with mapped.env.begin(write=True) as txn:
            for key in old:
                txn.delete(key, db=mapped.calls)
                txn.delete(key, db=mapped.ended)
                entries += _drop_entries(txn, mapped.entries, key)
                calls += 1
        return PurgeReport(report.calls + calls, report.transcript_entries + entries, report.identity_failures)

    def _move_what_ended(self) -> None:
        """Closing: the ended calls go to SQL now, not in a second (a stopped server's calls are all in SQL)."""
        try:
            while self.move_ended() == MOVE_AT_ONCE:
                pass
        except Exception:  # the next process's thread moves them
            log.exception("the line store could not move its ended calls to SQL on closing")

    def close(self) -> None:
        """Move the ended calls to SQL, flush the map and mark it closed cleanly (then a new boot finds it
        whole), and close SQL."""
        if self._map is not None and self._map.pid == _pid():
            try:
                self._move_what_ended()
                if self._map.users == 1:
                    self._map.env.sync(True)
                    _write_mark(self.folder, _boot_id(), self._map.env.info()["last_txnid"])
            finally:
                self._map_close()
        self.sql_store.close()


def _drop_entries(txn: Any, entries: Any, call: bytes) -> int:
    """Delete the call's entries in `txn`; how many."""
    prefix = call + b"\x00"
    cursor = txn.cursor(db=entries)
    dropped = 0
    if cursor.set_range(prefix):
        while cursor.key()[: len(prefix)] == prefix:
            dropped += 1
            if not cursor.delete():
                break
    return dropped


class _LineCallTransaction(CallTransaction):
    """One live webhook: the call in LMDB while it is in progress, its other reads and writes in SQL."""

    def __init__(self, store: LineStore, call_sid: str) -> None:
        self.store = store
        self.call_sid = call_sid
        self.world = LIVE
        self.key = call_sid.encode()
        self._sql: _SqlCallTransaction | None = None  # SQL's side of the webhook, opened when first needed
        self.in_line = True  # False: the call is SQL's (it moved, or it was there first)
        self._header: list[Any] | None = None  # as loaded; None: a new call
        self._session: Session | None = None
        self._channel = ""
        self._answer: Answer | None = None
        self._entries: list[bytes] = []

    @property
    def sql(self) -> _SqlCallTransaction:
        """SQL's transaction for this webhook (a call's first webhook reads it, a move writes it; most webhooks
        of a call in progress never open it)."""
        if self._sql is None:
            self._sql = self.store.sql_store.call(self.call_sid, LIVE).__enter__()
        return self._sql

    def __enter__(self) -> _LineCallTransaction:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: Any) -> None:
        opened = self._sql
        if not self.in_line:
            assert opened is not None  # a call SQL has was read there
            opened.__exit__(kind, error, trace)
            return
        try:
            if kind is None:
                self.commit()
        except BaseException as failed:
            if self._sql is not None:
                self._sql.store._release(self._sql.conn, failed)
            raise
        if self._sql is not None:
            self._sql.store._release(self._sql.conn, error)

    def _sql_writes(self) -> bool:
        """Whether the step wrote anything to SQL (the agency's records, the identity ledger)."""
        sql = self._sql
        return sql is not None and bool(sql._writes or sql._changes or sql._requests)

    # --- the call --------------------------------------------------------------------------------------------

    def load_session(self) -> Session | None:
        mapped = self.store.map
        with mapped.env.begin(db=mapped.calls) as txn:
            raw = txn.get(self.key)
        if raw is not None:
            header, session = _parse(raw)
            if not header[_MOVING] or self._settle(header):
                self._header = header
                return Session.from_dict(orjson.loads(session))
        found = self.sql.load_session()
        if found is not None:
            self.in_line = False
        return found

    def _settle(self, header: list[Any]) -> bool:
        """A call marked as moving: True when it goes on from LMDB (the mover died, its mark now cleared),
        False when SQL has it (LMDB's copy dropped).  A live mover is waited for (its SQL transaction takes
        milliseconds) until `MOVER_PATIENCE` after it marked the call; a mark that changes meanwhile means
        another webhook settled it (`VersionConflict`: this one starts again)."""
        mark = header[_MOVING]
        pid, since, _ = mark
        mapped = self.store.map
        pause = 0.001
        while True:
            if self.sql.load_session() is not None:
                self._forget(mark)
                return False
            if not _alive(int(pid)) or time.time() - float(since) >= MOVER_PATIENCE:
                break
            time.sleep(pause)
            pause = min(pause * 2, 0.05)
            with mapped.env.begin(db=mapped.calls) as txn:
                raw = txn.get(self.key)
            if raw is None or _parse(raw)[0][_MOVING] != mark:
                raise VersionConflict(self.call_sid)
        if not _unmark(mapped, self.key, mark):
            raise VersionConflict(self.call_sid)  # someone else settled it first: start the webhook again
        header[_MOVING] = None
        log.warning("call %s: a move to SQL abandoned by process %s; the call goes on", self.call_sid[-6:], pid)
        return True

    def _forget(self, mark: Any) -> None:
        """Drop the call from LMDB, if it is still marked with `mark` (the move that put it in SQL)."""
        mapped = self.store.map
        with mapped.env.begin(write=True) as txn:
            _forget_in(txn, mapped, self.key, mark)

    def answer(self, key: str) -> Answer | None:
        if not self.in_line:
            return self.sql.answer(key)
        header = self._header
        return _answer_of(header) if header is not None and header[_KEY] == key else None

    def save_session(self, session: Session, channel: str, answer: Answer | None = None) -> None:
        if not self.in_line:
            self.sql.save_session(session, channel, answer)
            return
        self._session = session
        self._channel = channel
        self._answer = answer

    def append_transcript(self, entries: list[dict[str, Any]]) -> None:
        if not self.in_line:
            self.sql.append_transcript(entries)
            return
        self._entries.extend(orjson.dumps(entry, option=orjson.OPT_NON_STR_KEYS) for entry in entries)

    def rollback_writes(self) -> None:
        if self._sql is not None:
            self._sql.rollback_writes()
        self._session = None
        self._answer = None
        self._entries.clear()

    def commit(self) -> None:
        """The step into LMDB, or (the call ended, or the step wrote the agency's records) the call to SQL."""
        if self._sql_writes():
            self._move()
            return
        if self._session is None and not self._entries:
            return
        mapped = self.store.map
        try:
            with mapped.env.begin(write=True) as txn:
                self._write_step(txn, mapped)
        except lmdb.MapFullError:
            log.error("the line store %s is full: call %s goes to SQL", self.store.folder, self.call_sid[-6:])
            self._move()
            return
        mapped.committed()

    def _checked(self, txn: Any, mapped: _Map) -> list[Any] | None:
        """The call's header as committed, when it is still the one loaded; `VersionConflict` if not."""
        raw = txn.get(self.key, db=mapped.calls)
        loaded = self._header
        if raw is None:
            if loaded is not None:
                raise VersionConflict(self.call_sid)
            return None
        header, _ = _parse(raw)
        if loaded is None or header[_VERSION] != loaded[_VERSION] or header[_MOVING]:
            raise VersionConflict(self.call_sid)
        return header

    def _write_step(self, txn: Any, mapped: _Map) -> None:
        header = self._checked(txn, mapped)
        number = header[_ENTRIES] if header is not None else 0
        for entry in self._entries:
            txn.put(_entry_key(self.key, number), entry, db=mapped.entries, append=False)
            number += 1
        session = self._session
        if session is None:  # entries alone (a rehearsal's note): the header counts them
            assert header is not None
            header[_ENTRIES] = number
            header[_VERSION] += 1
            txn.put(self.key, _with_header(header, txn.get(self.key, db=mapped.calls)), db=mapped.calls)
            return
        txn.put(self.key, self._value(header, session, number), db=mapped.calls)
        if session.ended:
            txn.put(self.key, b"", db=mapped.ended)  # its move to SQL is due (`LineStore.move_ended`)

    def _value(self, header: list[Any] | None, session: Session, entries: int) -> bytes:
        answer = self._answer
        kept = kept_text(answer) if answer else None
        now = dt.datetime.now(dt.timezone.utc).isoformat()
        new = [
            (header[_VERSION] + 1) if header is not None else 1,
            LIVE,
            header[_CHANNEL] if header is not None else self._channel,
            header[_STARTED] if header is not None else session.started_at,
            now, session.flow_id, session.state, session.tier, session.language, session.ended, entries,
            answer.key if answer else None, kept, None,
        ]
        return orjson.dumps(new) + b"\n" + _session_json(session).encode()

    # --- the move to SQL ---------------------------------------------------------------------------------------

    def _move(self) -> None:
        """The call, its entries and the step's other writes into SQL in one transaction (see the module
        docstring: marked, written, forgotten)."""
        mapped = self.store.map
        mark = [os.getpid(), time.time(), None]
        earlier: list[bytes] = []
        with mapped.env.begin(write=True) as txn:
            header = self._checked(txn, mapped)
            if header is not None:
                mark[2] = header[_VERSION]
                body, earlier = _mark_for_move(txn, mapped, self.key, header, mark)
        sql = self.sql
        session = self._session
        if session is None and header is not None:  # the call as it stands (an abandoned call, an entry alone)
            session = Session.from_dict(orjson.loads(body))
            self._answer = _answer_of(header)
        if session is not None:
            sql._version = None  # a new row in SQL's calls
            sql.save_session(session, header[_CHANNEL] if header is not None else self._channel, self._answer)
        sql._entries[:0] = [(self.call_sid, entry.decode()) for entry in earlier + self._entries]
        try:
            sql.commit()
        except BaseException:
            if header is not None:
                _unmark(mapped, self.key, mark)
            raise
        if header is not None:
            self._forget(mark)
        self.in_line = False
        self.sql.rollback_writes()  # committed: nothing left for the block's end

    def move_as_it_is(self) -> None:
        """Move the call to SQL as it stands (an abandoned call, `LineStore.sweep`)."""
        self._session = None
        self._entries.clear()
        self._move()

    # --- the world: SQL's ------------------------------------------------------------------------------------

    def case_changes(self, receipt: str) -> dict[str, Any] | None:
        return self.sql.case_changes(receipt)

    def put_case_changes(self, receipt: str, changes: dict[str, Any]) -> None:
        self.sql.put_case_changes(receipt, changes)

    def service_requests_for(
        self, receipt: str, sr_type: str | None = None, since: dt.date | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        return self.sql.service_requests_for(receipt, sr_type, since, limit)

    def service_request(self, reference: str) -> dict[str, Any] | None:
        return self.sql.service_request(reference)

    def add_service_request(self, record: dict[str, Any]) -> None:
        self.sql.add_service_request(record)

    def next_sequence(self, name: str, day: dt.date) -> int:
        return self.sql.next_sequence(name, day)

    def identity_failures(self, subject: str, since: dt.datetime) -> int:
        return self.sql.identity_failures(subject, since)

    def record_identity_failure(self, subject: str, at: dt.datetime) -> None:
        self.sql.record_identity_failure(subject, at)


def _take(cursor: Any, start: bytes, count: int) -> Iterator[tuple[bytes, bytes]]:
    """Up to `count` items of `cursor`'s database from the first key at or after `start`."""
    if not cursor.set_range(start):
        return
    for number, item in enumerate(cursor):
        if number == count:
            return
        yield item


def _forget_in(txn: Any, mapped: _Map, call: bytes, mark: Any) -> None:
    """In `txn`: drop the call and its entries, if it is still marked with `mark` (the move that put it in SQL)."""
    raw = txn.get(call, db=mapped.calls)
    if raw is not None and _parse(raw)[0][_MOVING] == mark:
        txn.delete(call, db=mapped.calls)
        txn.delete(call, db=mapped.ended)
        _drop_entries(txn, mapped.entries, call)


def _unmark(mapped: _Map, call: bytes, mark: Any) -> bool:
    """A move that failed or was abandoned: the call's mark cleared, the call as it was; False when the call is
    no longer marked with `mark` (someone else settled it)."""
    with mapped.env.begin(write=True, db=mapped.calls) as txn:
        raw = txn.get(call)
        if raw is None:
            return False
        header, _ = _parse(raw)
        if header[_MOVING] != mark:
            return False
        header[_MOVING] = None
        txn.put(call, _with_header(header, raw))
        return True


def _mark_for_move(txn: Any, mapped: _Map, call: bytes, header: list[Any], mark: list[Any]) -> tuple[bytes, list[bytes]]:
    """In `txn`: the call (as `header` says it is) marked as moving by `mark`; its session and its entries."""
    raw = txn.get(call, db=mapped.calls)
    header[_MOVING] = mark
    txn.put(call, _with_header(header, raw), db=mapped.calls)
    return bytes(raw[raw.index(b"\n") + 1 :]), _read_entries(txn, mapped.entries, call)


def _row(sql: SqlStore, call_sid: str, header: list[Any], body: bytes) -> tuple[Any, ...]:
    """SQL's `insert_call` parameters for a call as the map holds it."""
    tx = sql.call(call_sid, LIVE)
    tx.save_session(Session.from_dict(orjson.loads(body)), header[_CHANNEL], _answer_of(header))
    assert tx._session is not None
    return tuple(tx._session[1])


def _read_entries(txn: Any, entries: Any, call: bytes) -> list[bytes]:
    """In `txn`: the call's entries, in order."""
    prefix = call + b"\x00"
    cursor = txn.cursor(db=entries)
    found = []
    if cursor.set_range(prefix):
        for key, value in cursor:
            if key[: len(prefix)] != prefix:
                break
            found.append(bytes(value))
    return found


def _answer_of(header: list[Any]) -> Answer | None:
    return kept_answer(header[_KEY], str(header[_KEPT])) if header[_KEPT] is not None else None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
