"""The SQL store: SQLite by default, PostgreSQL by URL.

The schema lives in `ivr.store.schema` (SQLAlchemy tables, created at start).
The per-request path (`SqlStore.call`) talks to the database driver directly
(`sqlite3`, `psycopg`) over one connection per thread, with statements
written once per dialect: a webhook's reads are autocommitted single
statements (no lock held while the engine steps), and its writes go in one
short transaction at the end (see `ivr.store.base`):

    BEGIN [IMMEDIATE]
      UPDATE calls SET …, version = version + 1 WHERE call_sid = ? AND version = ?
        (or INSERT … ON CONFLICT DO NOTHING for a new call)
      INSERT transcript entries; upsert case changes; insert service requests
    COMMIT

Two webhooks of one call are serialised by that version check (the loser
retries), not by a lock held across the step.  On PostgreSQL the row lock of
the UPDATE makes a concurrent one wait for the first to commit and then match
no row; on SQLite `BEGIN IMMEDIATE` serialises the short write transactions
and WAL keeps readers unblocked.

A new table slots in the same way: declare it in `ivr.store.schema`, add a
read (`self._one`/`self._all`, autocommitted) and a write
(`self._write(sql, params)`, applied in the same short transaction) to
`_SqlCallTransaction`.

Opening a SQLite file whose tables this version already made needs no
SQLAlchemy at all (`_prepared_sqlite`): `prepare` marks the file with a digest
of `ivr.store.schema`'s source (`PRAGMA user_version`), and a store that finds
its own mark there reads the ledger key with `sqlite3` and goes straight to
serving.  Any change to the schema module changes the mark, and the next
start prepares the database again.  The SQLAlchemy engine (for the reads
outside calls) is made on first use.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import hashlib
import hmac
import logging
import os
import secrets
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson

from ivr.core.session import Session
from ivr.private_files import private_folder
from ivr.store.base import LIVE, underlying, Answer, CallRecord, CallTransaction, PurgeReport, Store, VersionConflict, WorldClock, sequence_day

if TYPE_CHECKING:  # SQLAlchemy is imported where a database is first prepared or read outside calls
    from sqlalchemy.engine import URL, Engine

log = logging.getLogger(__name__)


def _dumps(value: Any) -> str:
    """Compact JSON text, UTF-8 as is (orjson: a session or a transcript entry in a tenth of json's time)."""
    return orjson.dumps(value, option=orjson.OPT_NON_STR_KEYS).decode()


_loads = orjson.loads


def _session_json(session: Session) -> str:
    """`_dumps(session.to_dict())`, written by orjson from the session's own attributes when they are exactly
    its fields in order (a session loaded or stepped always is): no dict of it built per webhook."""
    if session.in_field_order():
        return orjson.dumps(session, option=orjson.OPT_NON_STR_KEYS).decode()
    return _dumps(session.to_dict())


CHECKPOINT_EVERY = 200
"""A process's checkpointer thread is woken after this many of the process's writes (see `_Checkpointer`)."""

CHECKPOINT_BEHIND = 4
"""Wake-ups the checkpointer may fall behind before a writer waits for its next pass (at most `CHECKPOINT_WAIT` s)."""

CHECKPOINT_WAIT = 5.0

CHECKPOINT_IDLE = 1.0
"""Seconds without a wake-up after which the checkpointer absorbs what the last writes left in the log."""

PAGE_CACHE_KIB = 32 * 1024
"""SQLite's page cache per connection (default 2 MiB): the calls' and transcripts' index pages a busy line touches stay in it."""
CHECKPOINT = "PRAGMA wal_checkpoint(PASSIVE)"  # waits for no reader and no writer
START_OVER = "PRAGMA wal_checkpoint(TRUNCATE)"  # waits for a running checkpoint and for readers of the log, then empties it

CLOSING_PASSES = 4
SHORT_PASS = 0.002
"""Before it takes the writers' lock the checkpointer repeats its passive pass, at most `CLOSING_PASSES`
times, until one takes no more than `SHORT_PASS` seconds (`_Checkpointer._close_in`)."""

WAL_PAGE = 4096  # bytes per WAL frame, near enough (SQLite's default page size)
WAL_LIMIT = 16 * 1024 * 1024
"""Past this size the checkpointer catches the log up under the writers' lock, so the log starts over.

That catch-up holds every writer for its two disk flushes and the pages committed since the passive
pass before it (15 ms median, 17.6 ms p90 under the 15,000 open calls on a fresh file, 2026-11-28; 4.5-7 ms
median, p90 15 ms, once the passive passes repeat until one is short: `CLOSING_PASSES`), so it should
come seldom.  Measured with the bench's throughput run (2 workers, 50 connections, two
10 s runs on one file): at 256 MB the log reached 244 MB and the webhook's p99 went from 41 to 98 ms
as it grew; at 64 MB, 55 ms; 16 MB and 4 MB within noise of each other (24-28 against 24-26 ms,
2026-11-28).  With the bench's 15,000 open calls (3 workers, 1,880 webhooks/s, four runs each,
interleaved): at 4 MB the catch-up came one to three times a second and p99 was 171-241 ms; at
16 MB, 62-175 ms (median 117; 71 and 95 ms in two more runs against 64 MB's 108 and 422 ms)."""


def default_sqlite_url(instance_path: str | Path) -> str:
    """The SQLite file in the instance folder (the folder is made readable by its owner only)."""
    path = Path(instance_path) / "ivr.sqlite3"
    private_folder(path.parent)
    return f"sqlite:///{path}"


class _Sql:
    """The per-request statements of one dialect, written once."""

    def __init__(self, dialect: str) -> None:
        def q(sql: str) -> str:
            return sql.replace("?", "%s") if dialect == "postgresql" else sql

        self.begin = "BEGIN" if dialect == "postgresql" else "BEGIN IMMEDIATE"
        self.load = q("SELECT session, version, answer_key FROM calls WHERE call_sid = ?")
        self.kept_answer = q("SELECT answer FROM calls WHERE call_sid = ? AND answer_key = ?")
        self.insert_call = q(
            "INSERT INTO calls (call_sid, world, channel, started_at, flow_id, state, tier, language, ended,"
            " updated_at, session, answer_key, answer, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)"
            " ON CONFLICT (call_sid) DO NOTHING"
        )
        self.update_call = q(
            "UPDATE calls SET flow_id = ?, state = ?, tier = ?, language = ?, ended = ?, updated_at = ?,"
            " session = ?, answer_key = ?, answer = ?, version = version + 1 WHERE call_sid = ? AND version = ?"
        )
        self.insert_entry = q("INSERT INTO transcript_entries (call_sid, entry) VALUES (?, ?)")
        self.case_changes = q(
            "SELECT world, field, value FROM case_changes WHERE receipt = ? AND world IN (?, ?)"
        )
        self.put_change = q(
            "INSERT INTO case_changes (world, receipt, field, value) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (world, receipt, field) DO UPDATE SET value = excluded.value"
        )
        self.request = q("SELECT record FROM service_requests WHERE reference = ? AND world IN (?, ?)")
        self.requests_for = q("SELECT record FROM service_requests WHERE receipt = ? AND world IN (?, ?)")
        self.type_is = q(" AND type = ?")
        self.since = q(" AND created >= ?")
        self.newest_first = " ORDER BY created DESC, reference DESC"
        self.limit = q(" LIMIT ?")
        self.add_request = q(
            "INSERT INTO service_requests (reference, world, receipt, type, status, created, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)"
        )
        self.next_sequence = q(
            "INSERT INTO sequences (name, day, value) VALUES (?, ?, 1)"
            " ON CONFLICT (name, day) DO UPDATE SET value = sequences.value + 1 RETURNING value"
        )
        self.world_clock = q("SELECT start, real_start FROM world_clocks WHERE world = ?")
        self.set_world_clock = q(
            "INSERT INTO world_clocks (world, start, real_start) VALUES (?, ?, ?)"
            " ON CONFLICT (world) DO UPDATE SET start = excluded.start, real_start = excluded.real_start"
        )
        # the identity attempt ledger (ivr.behaviours.verification)
        self.identity_failures = q("SELECT COUNT(*) FROM identity_failures WHERE subject = ? AND at >= ?")
        self.record_identity_failure = q("INSERT INTO identity_failures (subject, at) VALUES (?, ?)")


class SqlStore(Store):
    """Calls, transcripts, case changes and service requests in one SQL database."""

    def __init__(self, url: str) -> None:
        self._url_text = url
        self._url: URL | None = None
        self._engine: Engine | None = None
        database = _sqlite_file(url)
        if database is not None:  # a plain SQLite file URL: no SQLAlchemy needed to read it
            self.dialect = "sqlite"
        else:
            parsed = self.url
            self.dialect = parsed.get_backend_name()
            database = parsed.database
        self._database = database
        self._memory = self.dialect == "sqlite" and database in (None, "", ":memory:")
        self._shared: Any = None  # the one connection of an in-memory SQLite database
        self._shared_lock = threading.RLock()
        if self.dialect == "sqlite" and not self._memory:
            _private_file(Path(str(database)))
        if self._memory:
            self._shared = self._open()
        self.sql = _Sql(self.dialect)
        self._local = threading.local()
        self._writer: _WriterLock | None = None  # SQLite files: writers queue on a lock file beside the database
        self._checkpointer: _Checkpointer | None = None  # SQLite files: the WAL is checkpointed off the request path
        if self.dialect == "sqlite" and not self._memory:
            self._writer = _WriterLock(Path(f"{database}-writer"))
            self._checkpointer = _Checkpointer(str(database), self._writer)
        ready = _prepared_sqlite(str(database)) if self.dialect == "sqlite" and not self._memory else None
        if ready is not None:
            self.ledger_key = ready
            return
        from ivr.store.schema import prepare

        prepare(self.engine)
        self.ledger_key = _ledger_key(self.engine)
        if self.dialect == "sqlite" and not self._memory:
            _mark_prepared(str(database))

    @property
    def url(self) -> URL:
        """The database URL, parsed (by SQLAlchemy, on first use)."""
        if self._url is None:
            from sqlalchemy.engine import make_url

            parsed = make_url(self._url_text)
            if parsed.get_backend_name() == "postgresql" and parsed.drivername == "postgresql":
                parsed = parsed.set(drivername="postgresql+psycopg")
            self._url = parsed
        return self._url

    @property
    def engine(self) -> Engine:
        """The SQLAlchemy engine for the schema and the reads outside calls (made on first use)."""
        if self._engine is None:
            self._engine = _create(self.url, self._shared)
        return self._engine

    # --- the per-request path --------------------------------------------------------------------

    def call(self, call_sid: str, world: str = LIVE) -> _SqlCallTransaction:
        """The call's transaction: leaving the block commits it (a class, not a generator: one per webhook)."""
        return _SqlCallTransaction(self, call_sid, world)

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        conn = self._acquire()
        try:
            yield conn
        except BaseException as exc:
            self._release(conn, exc)
            raise
        self._release(conn, None)

    def _acquire(self) -> Any:
        """This thread's connection (opened on first use, and again in a forked worker)."""
        if self._memory:
            self._shared_lock.acquire()
            return self._shared
        local = self._local
        conn = getattr(local, "conn", None)
        pid = _process[0]  # `_pid()`, read once
        if conn is None or getattr(local, "pid", None) != pid:
            conn = local.conn = self._open()
            local.pid = pid
        return conn

    def _release(self, conn: Any, error: BaseException | None) -> None:
        if self._memory:
            self._shared_lock.release()
        elif error is not None and self.dialect == "postgresql" and _broken(conn, error):
            self._local.conn = None  # reconnect on the next request

    @contextmanager
    def writing(self, conn: Any) -> Iterator[None]:
        """Hold SQLite's write lock for one short write (PostgreSQL: nothing to do).

        SQLite lets one writer in at a time and makes the others poll with
        sleeps (1, 2, 5, 10… ms); an advisory file lock taken first queues them
        in the kernel instead, so the next writer goes the moment the last one
        commits.  The WAL is checkpointed by the process's checkpointer thread
        (`_Checkpointer`), never by the webhook.
        """
        if self._writer is None:
            yield
            return
        with self._writer:
            yield
        if self._checkpointer is not None:
            self._checkpointer.committed()

    def _open(self) -> Any:
        if self.dialect == "sqlite":
            conn = sqlite3.connect(
                str(self._database or ":memory:"), timeout=30, isolation_level=None, check_same_thread=False
            )
            if not self._memory:
                conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA busy_timeout=30000")
            conn.execute("PRAGMA wal_autocheckpoint=0")  # the checkpointer thread checkpoints (`_Checkpointer`)
            conn.execute(f"PRAGMA cache_size=-{PAGE_CACHE_KIB}")
            return conn
        import psycopg  # imported here: SQLite deployments need not install it

        conninfo = self.url.set(drivername="postgresql").render_as_string(hide_password=False)
        return psycopg.connect(conninfo, autocommit=True)

    def insert_calls(self, calls: list[tuple[tuple[Any, ...], list[tuple[str, str]]]]) -> list[str]:
        """Insert whole calls, each its row (`insert_call`'s parameters) and its entries, in one short transaction
        (the line store's ended calls, moved together); the calls inserted (one SQL has already is left as it is)."""
        inserted: list[str] = []
        with self._connection() as conn, self.writing(conn):
            cursor = conn.cursor()
            cursor.execute(self.sql.begin)
            try:
                for row, entries in calls:
                    cursor.execute(self.sql.insert_call, row)
                    if cursor.rowcount == 1:
                        inserted.append(row[0])
                        cursor.executemany(self.sql.insert_entry, entries)
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            cursor.execute("COMMIT")
        return inserted

    # --- reading outside calls ---------------------------------------------------------------------

    def transcript(self, call_sid: str) -> list[dict[str, Any]]:
        from sqlalchemy import select

        from ivr.store.schema import transcript_entries

        with self.engine.connect() as conn:
            rows = conn.execute(
                select(transcript_entries.c.entry)
                .where(transcript_entries.c.call_sid == call_sid)
                .order_by(transcript_entries.c.id)
            )
            return [_loads(row.entry) for row in rows]

    def calls(self, limit: int = 100, channel: str | None = None) -> list[CallRecord]:
        from sqlalchemy import select

        from ivr.store.schema import calls

        query = select(calls).order_by(calls.c.started_at.desc()).limit(limit)
        if channel is not None:
            query = query.where(calls.c.channel == channel)
        with self.engine.connect() as conn:
            return [_record(row) for row in conn.execute(query)]

    def iter_calls(self) -> Iterator[CallRecord]:
        from sqlalchemy import select

        from ivr.store.schema import calls

        with self.engine.connect() as conn:
            for row in conn.execute(select(calls).order_by(calls.c.started_at)):
                yield _record(row)

    def session(self, call_sid: str) -> Session | None:
        from sqlalchemy import select

        from ivr.store.schema import calls

        with self.engine.connect() as conn:
            row = conn.execute(select(calls.c.session).where(calls.c.call_sid == call_sid)).first()
            return Session.from_dict(_loads(row.session)) if row else None

    def channel(self, call_sid: str) -> str | None:
        from sqlalchemy import select

        from ivr.store.schema import calls

        with self.engine.connect() as conn:
            row = conn.execute(select(calls.c.channel).where(calls.c.call_sid == call_sid)).first()
            return str(row.channel) if row else None

    def count_calls(self) -> int:
        from sqlalchemy import func, select

        from ivr.store.schema import calls

        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(calls)).scalar_one())

    def world_clock(self, world: str) -> WorldClock | None:
        from sqlalchemy import select

        from ivr.store.schema import world_clocks

        with self.engine.connect() as conn:
            row = conn.execute(select(world_clocks).where(world_clocks.c.world == world)).first()
        if row is None:
            return None
        return WorldClock(dt.datetime.fromisoformat(row.start), dt.datetime.fromisoformat(row.real_start))

    def set_world_clock(self, world: str, clock: WorldClock) -> None:
        with self._connection() as conn:
            _execute(conn, self.sql.set_world_clock, (world, clock.start.isoformat(), clock.real_start.isoformat()))

    # --- retention (ivr transcripts purge) ---------------------------------------------------

    def purge(self, before: dt.datetime) -> PurgeReport:
        """Remove calls started before `before` (their sessions and transcripts) and identity
        failures recorded before it.  Case changes and service requests are the agency's
        records, not call records: they stay."""
        from sqlalchemy import delete, select

        from ivr.store.schema import calls, identity_failures, transcript_entries

        with self.engine.begin() as conn:
            old = [
                row.call_sid
                for row in conn.execute(select(calls.c.call_sid, calls.c.started_at))
                if _before(row.started_at, before)
            ]
            entries = 0
            for start in range(0, len(old), 500):
                chunk = old[start : start + 500]
                entries += conn.execute(delete(transcript_entries).where(transcript_entries.c.call_sid.in_(chunk))).rowcount
                conn.execute(delete(calls).where(calls.c.call_sid.in_(chunk)))
            failures = conn.execute(delete(identity_failures).where(identity_failures.c.at < _utc_text(before))).rowcount
        return PurgeReport(calls=len(old), transcript_entries=entries, identity_failures=failures)

    def close(self) -> None:
        if self._checkpointer is not None:
            self._checkpointer.stop()
        conn = getattr(self._local, "conn", None)
        if conn is not None:
            conn.close()
            self._local.conn = None
        if self._engine is not None:
            self._engine.dispose()
        if self._shared is not None:
            self._shared.close()
            self._shared = None


class _SqlCallTransaction(CallTransaction):
    """One webhook's reads (at once) and writes (kept, then one short transaction)."""

    def __init__(self, store: SqlStore, call_sid: str, world: str) -> None:
        self.store = store
        self.sql = store.sql
        self.conn: Any = None  # this thread's connection, from entering the block to leaving it
        self.call_sid = call_sid
        self.world = world
        self._version: int | None = None  # as loaded; None: the call is new
        self._answer_key: str | None = None
        self._session: tuple[Any, ...] | None = None
        self._writes: list[tuple[str, tuple[Any, ...]]] = []
        self._entries: list[tuple[str, str]] = []
        self._changes: dict[str, dict[str, Any]] = {}  # pending, by receipt
        self._stored_changes: dict[str, list[Any]] = {}  # case changes as read, by receipt (a step reads a case twice)
        self._requests: dict[str, dict[str, Any]] = {}  # pending, by reference

    def __enter__(self) -> _SqlCallTransaction:
        self.conn = self.store._acquire()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, trace: Any) -> None:
        try:
            if kind is None:
                self.commit()
        except BaseException as failed:
            self.store._release(self.conn, failed)
            raise
        self.store._release(self.conn, error)

    # --- generic reads and writes (for new tables too) ---------------------------------------------

    def _one(self, sql: str, params: tuple[Any, ...]) -> Any:
        return _execute(self.conn, sql, params).fetchone()

    def _all(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        return list(_execute(self.conn, sql, params).fetchall())

    def _write(self, sql: str, params: tuple[Any, ...]) -> None:
        """Run `sql` in the block's closing transaction (after the session's version check)."""
        self._writes.append((sql, params))

    # --- the call ------------------------------------------------------------------------------------

    def load_session(self) -> Session | None:
        row = self._one(self.sql.load, (self.call_sid,))
        if row is None:
            self._version = None
            return None
        self._version = int(row[1])
        self._answer_key = row[2]
        return Session.from_dict(_loads(row[0]))

    def answer(self, key: str) -> Answer | None:
        if self._answer_key != key:
            return None  # the common case: a new request, and the kept answer is not even read
        row = self._one(self.sql.kept_answer, (self.call_sid, key))
        return kept_answer(key, str(row[0])) if row is not None else None

    def save_session(self, session: Session, channel: str, answer: Answer | None = None) -> None:
        now = dt.datetime.now(dt.timezone.utc).isoformat()
        payload = _session_json(session)
        key = answer.key if answer else None
        kept = kept_text(answer) if answer else None
        if self._version is None:
            self._session = (
                self.sql.insert_call,
                (self.call_sid, self.world, channel, session.started_at, session.flow_id, session.state,
                 session.tier, session.language, session.ended, now, payload, key, kept),
            )
        else:
            self._session = (
                self.sql.update_call,
                (session.flow_id, session.state, session.tier, session.language, session.ended, now, payload,
                 key, kept, self.call_sid, self._version),
            )

    def append_transcript(self, entries: list[dict[str, Any]]) -> None:
        self._entries.extend((self.call_sid, _dumps(entry)) for entry in entries)

    def commit(self) -> None:
        """Apply the block's writes in one short transaction, or raise `VersionConflict`."""
        if self._session is None and not self._writes and not self._entries and not self._changes and not self._requests:
            return
        if self.store.dialect == "postgresql":
            self._commit_pipelined()
            return
        store = self.store
        writer = store._writer  # `store.writing`, spelled out: a generator context manager per webhook costs more
        cursor = self.conn.cursor()
        if writer is not None:
            writer.__enter__()
        try:
            cursor.execute(self.sql.begin)
            try:
                if self._session is not None:
                    cursor.execute(*self._session)
                    if cursor.rowcount != 1:
                        raise VersionConflict(self.call_sid)
                if self._entries:  # most webhooks write the session and one entry, and nothing else
                    cursor.executemany(self.sql.insert_entry, self._entries)
                if self._changes or self._requests or self._writes:
                    for sql, rows in self._statements(entries=False):
                        cursor.executemany(sql, rows)
            except BaseException:
                cursor.execute("ROLLBACK")
                raise
            cursor.execute("COMMIT")
        finally:
            if writer is not None:
                writer.__exit__()
        if store._checkpointer is not None:
            store._checkpointer.committed()

    def _commit_pipelined(self) -> None:
        """PostgreSQL: the same transaction in two round trips (BEGIN + the version check; the rest + COMMIT)."""
        with self.conn.pipeline() as pipeline, self.conn.transaction():
            cursor = self.conn.cursor()
            if self._session is not None:
                cursor.execute(*self._session)
                pipeline.sync()
                if cursor.rowcount != 1:
                    raise VersionConflict(self.call_sid)
            for sql, rows in self._statements():
                cursor.executemany(sql, rows)

    def _statements(self, entries: bool = True) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
        """The writes after the session's: transcript entries (unless `entries` is false: SQLite's `commit`
        writes them itself), case changes, service requests, then the rest."""
        if entries and self._entries:
            yield self.sql.insert_entry, self._entries
        changes = [
            (self.world, receipt, field, _dumps(value))
            for receipt, fields in self._changes.items()
            for field, value in fields.items()
        ]
        if changes:
            yield self.sql.put_change, changes
        if self._requests:
            yield self.sql.add_request, [
                (record["reference"], self.world, record.get("receipt", ""), record.get("type", ""),
                 record.get("status", "open"), str(record.get("created", "")), _dumps(record))
                for record in self._requests.values()
            ]
        for sql, params in self._writes:
            yield sql, [params]

    def rollback_writes(self) -> None:
        self._writes.clear()
        self._entries.clear()
        self._changes.clear()
        self._requests.clear()
        self._session = None

    # --- the world ---------------------------------------------------------------------------------

    def _worlds(self) -> tuple[str, str]:
        return (underlying(self.world), self.world)

    def case_changes(self, receipt: str) -> dict[str, Any] | None:
        rows = self._stored_changes.get(receipt)
        if rows is None:
            rows = self._stored_changes[receipt] = self._all(self.sql.case_changes, (receipt, *self._worlds()))
        merged: dict[str, Any] = {}
        for world, field, value in sorted(rows, key=lambda row: row[0] != LIVE):  # the live world first
            merged[field] = _loads(value)
        merged.update(self._changes.get(receipt, {}))
        return merged or None

    def put_case_changes(self, receipt: str, changes: dict[str, Any]) -> None:
        self._changes.setdefault(receipt, {}).update(changes)

    def service_requests_for(
        self, receipt: str, sr_type: str | None = None, since: dt.date | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        sql, params = self.sql.requests_for, [receipt, *self._worlds()]
        params_any: list[Any] = params
        if sr_type is not None:
            sql += self.sql.type_is
            params.append(sr_type)
        if since is not None:
            sql += self.sql.since
            params.append(since.isoformat())
        sql += self.sql.newest_first
        if limit is not None:
            sql += self.sql.limit
            params_any.append(limit)
        found = [_loads(row[0]) for row in self._all(sql, tuple(params))]
        pending = [
            record for record in self._requests.values()
            if record.get("receipt") == receipt and (sr_type is None or record.get("type") == sr_type)
        ]
        records = sorted(pending + found, key=_newest_first, reverse=True)
        return records[:limit] if limit is not None else records

    def service_request(self, reference: str) -> dict[str, Any] | None:
        if reference in self._requests:
            return self._requests[reference]
        row = self._one(self.sql.request, (reference, *self._worlds()))
        return _loads(row[0]) if row else None

    def add_service_request(self, record: dict[str, Any]) -> None:
        self._requests[str(record["reference"])] = dict(record)

    def next_sequence(self, name: str, day: dt.date) -> int:
        with self.store.writing(self.conn):
            row = _execute(self.conn, self.sql.next_sequence, (name, sequence_day(name, day))).fetchone()
        return int(row[0])

    # --- the identity attempt ledger (ivr.behaviours.verification) -----------------------------
    # Subjects ('receipt:…', 'caller:…') are kept only as keyed digests, per world: a rehearsal
    # world's failures never lock the live line.

    def identity_failures(self, subject: str, since: dt.datetime) -> int:
        row = self._one(self.sql.identity_failures, (self._subject(subject), _utc_text(since)))
        return int(row[0]) if row else 0

    def record_identity_failure(self, subject: str, at: dt.datetime) -> None:
        self._write(self.sql.record_identity_failure, (self._subject(subject), _utc_text(at)))

    def _subject(self, subject: str) -> str:
        return hmac.digest(self.store.ledger_key, f"{self.world}|{subject}".encode(), "sha256").hex()  # one call, in C


def kept_text(answer: Answer) -> str:
    """The answer as kept for a retry: its state and tier (and whether the caller's number is withheld in it)
    on a first line, then the TwiML (no JSON: the body is XML)."""
    return f"{answer.state}\t{answer.tier}{chr(9) + 'caller' if answer.caller_withheld else ''}\n{answer.body}"


def kept_answer(key: str, text: str) -> Answer:
    """The answer `kept_text` kept, for the request `key`."""
    head, _, body = text.partition("\n")
    state, tier, *marks = head.split("\t")
    return Answer(key, body, state, tier, caller_withheld="caller" in marks)


def _utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def _before(started_at: str, cutoff: dt.datetime) -> bool:
    try:
        started = dt.datetime.fromisoformat(started_at)
    except ValueError:
        return False  # an unreadable start is kept for a person to look at, never silently dropped
    if started.tzinfo is None:
        started = started.replace(tzinfo=dt.timezone.utc)
    return started < cutoff


def _ledger_key(engine: Engine) -> bytes:
    """This database's ledger key, drawn on first use (a second server racing to draw it reads the winner's)."""
    from sqlalchemy import insert, select
    from sqlalchemy.exc import IntegrityError

    from ivr.store.schema import ledger_keys

    query = select(ledger_keys.c.secret).where(ledger_keys.c.name == "identity")
    with engine.connect() as conn:
        row = conn.execute(query).first()
    if row is None:
        try:
            with engine.begin() as conn:
                conn.execute(insert(ledger_keys).values(name="identity", secret=secrets.token_hex(32)))
        except IntegrityError:
            pass
        with engine.connect() as conn:
            row = conn.execute(query).first()
    assert row is not None
    return bytes.fromhex(row.secret)


def _newest_first(record: dict[str, Any]) -> tuple[str, str]:
    return (str(record.get("created", "")), str(record.get("reference", "")))


def _execute(conn: Any, sql: str, params: tuple[Any, ...]) -> Any:
    return conn.execute(sql, params)


def _broken(conn: Any, exc: BaseException) -> bool:
    return bool(getattr(conn, "broken", False) or getattr(conn, "closed", False)) or type(exc).__name__ in (
        "OperationalError",
        "InterfaceError",
    )


def _record(row: Any) -> CallRecord:
    return CallRecord(
        call_sid=row.call_sid,
        flow_id=row.flow_id,
        state=row.state,
        tier=row.tier,
        language=row.language,
        started_at=row.started_at,
        updated_at=row.updated_at,
        ended=bool(row.ended),
        channel=row.channel,
    )


class _Checkpointer:
    """A process's WAL checkpoints, off the request path: a daemon thread with its own connection.

    Webhooks only count their commits (`committed`); every `CHECKPOINT_EVERY`
    of them wake the thread, which checkpoints passively (no lock: the other
    writers go on committing while its disk flushes run, and sqlite3 lets the
    GIL go meanwhile), and, after `CHECKPOINT_IDLE` s of quiet, absorbs what
    the last writes left.  A passive checkpoint trails the writers' commits
    while the line is busy, and SQLite starts the log over only once a
    checkpoint has caught up when the next write begins (another worker's
    commit usually comes first): when the log is longer than `WAL_LIMIT` the
    thread takes the writers' lock and checkpoints again, copying only the
    few pages committed since its unlocked pass (nothing can commit behind
    it), so the next writer starts the log over.  If readers kept even that
    one from catching up, the next one at twice the limit waits for them
    (`TRUNCATE`): the log stays bounded however long the line is busy.

    Durability is SQLite's WAL with `synchronous=NORMAL`: a commit is in the
    log when the webhook answers, so a process killed at any moment loses no
    committed call; the checkpoints flush the log and the database to disk.
    """

    def __init__(self, database: str, writer: _WriterLock) -> None:
        self.database = database
        self.writer = writer
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self._writes = 0  # commits since the last wake-up (approximate across threads: only a pace)
        self._pending = False  # commits the thread has not checkpointed yet
        self._pid: int | None = None  # the process whose thread runs (a forked worker starts its own)
        self._thread: threading.Thread | None = None
        self._start_lock = threading.Lock()
        self._lock: tuple[int, int] = (0, -1)  # (process, descriptor) of the checkpointers' lock file
        self._unchecked = 0  # commits since the thread's last pass (or its finding another checkpointer at work)
        self._passed = threading.Event()
        self.clock: Callable[[], float] = time.perf_counter  # times the closing passes (`_close_in`)

    def committed(self) -> None:
        """One commit of this process: wake the thread every `CHECKPOINT_EVERY` of them.

        Should the thread fall `CHECKPOINT_BEHIND` wake-ups behind (writes far faster than its disk
        flushes, a starved thread), the writer waits for its next pass: the log stays bounded."""
        if self._pid != _pid():
            self._start()
        self._pending = True
        self._writes += 1
        self._unchecked += 1
        if self._writes >= CHECKPOINT_EVERY:
            self._writes = 0
            self._wake.set()
        if self._unchecked >= CHECKPOINT_BEHIND * CHECKPOINT_EVERY and not self._stopped.is_set():
            self._passed.clear()
            self._wake.set()
            self._passed.wait(CHECKPOINT_WAIT)

    def _start(self) -> None:
        with self._start_lock:
            if self._pid == os.getpid() or self._stopped.is_set():
                return
            self._wake = threading.Event()
            self._thread = threading.Thread(target=self._run, name="ivr-wal-checkpointer", daemon=True)
            self._thread.start()
            self._pid = os.getpid()

    def stop(self) -> None:
        """Stop this process's thread (after a last checkpoint of what is pending)."""
        self._stopped.set()
        self._wake.set()
        thread = self._thread
        if thread is not None and self._pid == os.getpid() and thread is not threading.current_thread():
            thread.join(timeout=30)

    def _run(self) -> None:
        conn = sqlite3.connect(self.database, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA synchronous=NORMAL")  # checkpoints flush the log before copying it, and the database after
            while not self._stopped.is_set():
                self._wake.wait(CHECKPOINT_IDLE)
                self._wake.clear()
                if self._pending:
                    self._pending = False
                    self.checkpoint(conn)
                self._unchecked = 0
                self._passed.set()
            if self._pending:
                self.checkpoint(conn)
        except Exception as exc:  # noqa: BLE001: the thread must not die silently; commits go on regardless
            log.error("the WAL checkpointer stopped: %s", exc)
        finally:
            self._passed.set()
            conn.close()
            if self._lock[0] == os.getpid():
                os.close(self._lock[1])
                self._lock = (0, -1)

    def checkpoint(self, conn: Any) -> None:
        """One passive pass; past `WAL_LIMIT`, one more under the writers' lock so the log starts over.

        One checkpointer at a time over the database (an exclusive `flock` on a file beside it, tried
        without waiting): two at once make each other's passes return busy, and then neither starts
        the log over.  A checkpointer that finds another at work leaves the log to it and tries again
        at its next wake-up."""
        fd = self._lock_fd()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._pending = True
            return
        try:
            _, length = _checkpoint(conn, CHECKPOINT)
            if length <= WAL_LIMIT:
                return
            self._close_in(conn)
            how = START_OVER if length > 2 * WAL_LIMIT else CHECKPOINT
            with self.writer:  # nothing commits behind this one
                _checkpoint(conn, how)
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)

    def _close_in(self, conn: Any) -> None:
        """Passive passes until one is short (`SHORT_PASS`), at most `CLOSING_PASSES`: what the pass under
        the writers' lock copies and flushes is then what was committed during that short pass, not during
        the long first one (at 1,880 webhooks/s the log grows ~30 MB/s: a first pass of 0.1 s leaves 3 MB)."""
        for _ in range(CLOSING_PASSES):
            started = self.clock()
            _checkpoint(conn, CHECKPOINT)
            if self.clock() - started <= SHORT_PASS:
                return

    def _lock_fd(self) -> int:
        """This process's descriptor of the checkpointers' lock file (made readable by its owner only)."""
        pid = os.getpid()
        if self._lock[0] != pid:
            self._lock = (pid, os.open(f"{self.database}-checkpoint", os.O_CREAT | os.O_RDWR, 0o600))
        return self._lock[1]


def _checkpoint(conn: Any, how: str) -> tuple[bool, int]:
    """Checkpoint the WAL: whether it caught up with the whole log, and the log's length in bytes.

    The writes are committed by then: a checkpoint that fails is logged, never a failed webhook."""
    try:
        busy, frames, copied = conn.execute(how).fetchone()
    except sqlite3.Error as exc:
        log.warning("WAL checkpoint failed: %s", exc)
        return False, 0
    return (not busy and frames == copied), max(int(frames), 0) * WAL_PAGE


class _WriterLock:
    """An exclusive `flock` on a file beside the database, shared by every process and thread of this store."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fds: dict[int, int] = {}  # per process: a forked worker opens its own
        self._threads = threading.Lock()  # flock is per open file: threads of one process queue here
        _AFTER_FORK.add(self)

    def _forked(self) -> None:
        """In a forked child: the parent's threads (its checkpointer) are gone, and so is any hold they had."""
        self._threads = threading.Lock()

    def __enter__(self) -> None:
        self._threads.acquire()
        pid = _pid()
        fd = self._fds.get(pid)
        if fd is None:
            fd = self._fds[pid] = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX)

    def __exit__(self, *exc: object) -> None:
        fcntl.flock(self._fds[_pid()], fcntl.LOCK_UN)
        self._threads.release()


_AFTER_FORK: weakref.WeakSet[_WriterLock] = weakref.WeakSet()

# This process's id, noted again in a forked child: `os.getpid` is a system call every time, and a
# webhook asked for it four times (its connection, the writers' lock twice, the checkpointer).
_process = [os.getpid()]


def _pid() -> int:
    return _process[0]


def _reset_after_fork() -> None:
    _process[0] = os.getpid()
    for lock in list(_AFTER_FORK):
        lock._forked()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_reset_after_fork)  # (no fork without it: Windows)


def _private_file(path: Path) -> None:
    """Create the SQLite file readable by its owner only (0600); its WAL files inherit the mode."""
    if str(path) in ("", ":memory:") or path.exists():
        return
    private_folder(path.parent)
    os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
    os.chmod(path, 0o600)


def _create(url: URL, shared: Any) -> Engine:
    """The SQLAlchemy engine for the schema and the reads outside calls."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.engine import Connection
    from sqlalchemy.pool import StaticPool

    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    if shared is not None:
        return create_engine("sqlite://", creator=lambda: shared, poolclass=StaticPool)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def _sqlite_file(url: str) -> str | None:
    """The file of a plain `sqlite:///path` URL (no driver, no query, not in memory); None for any other URL."""
    if not url.startswith("sqlite:///") or "?" in url or "%" in url:
        return None
    path = url[len("sqlite:///"):]
    return path if path and path != ":memory:" else None


def _schema_mark() -> int | None:
    """A digest of `ivr.store.schema`'s source, as a positive 31-bit `user_version` (None if it cannot be read)."""
    try:
        source = (Path(__file__).parent / "schema.py").read_bytes()
    except OSError:
        return None
    return int.from_bytes(hashlib.sha256(source).digest()[:4], "big") & 0x7FFFFFFF or 1


def _prepared_sqlite(path: str) -> bytes | None:
    """The ledger key of a SQLite file this schema already prepared (its mark in `user_version`); else None."""
    mark = _schema_mark()
    if mark is None or not os.path.isfile(path) or os.path.getsize(path) == 0:
        return None
    try:
        conn = sqlite3.connect(path, timeout=30)
        try:
            (version,) = conn.execute("PRAGMA user_version").fetchone()
            if version != mark:
                return None
            row = conn.execute("SELECT secret FROM ledger_keys WHERE name = 'identity'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return bytes.fromhex(row[0]) if row else None


def _mark_prepared(path: str) -> None:
    """Note in the file that this schema prepared it (see `_prepared_sqlite`)."""
    mark = _schema_mark()
    if mark is None:
        return
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        conn.execute(f"PRAGMA user_version = {int(mark)}")
    finally:
        conn.close()
