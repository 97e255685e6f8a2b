"""The SQL store: SQLite by default, PostgreSQL by URL, through SQLAlchemy Core.

SQLAlchemy does the work we would otherwise write twice (URL parsing,
dialects, pooling), so one backend serves both databases.

Serialising a call's webhooks:
* SQLite: every transaction starts with `BEGIN IMMEDIATE`, taking the write
  lock before reading, so two webhooks of one call (or any two) never
  interleave; WAL keeps readers (exports, the softphone) unblocked.
* PostgreSQL: `pg_advisory_xact_lock` on the call's id, so webhooks of
  different calls run in parallel and two of the same call queue up.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    Connection,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    bindparam,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    text,
    update,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import IntegrityError
from sqlalchemy.pool import StaticPool

from ivr.core.session import Session
from ivr.store.base import CallRecord, CallTransaction, PurgeReport, Store

metadata = MetaData()

calls = Table(
    "calls",
    metadata,
    Column("call_sid", String(64), primary_key=True),
    Column("flow_id", String(64), nullable=False),
    Column("state", String(128), nullable=False),
    Column("tier", String(16), nullable=False),
    Column("language", String(4), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("started_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("ended", Boolean, nullable=False, default=False),
    Column("session", Text, nullable=False),
)

transcript_entries = Table(
    "transcript_entries",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("call_sid", String(64), nullable=False, index=True),
    Column("entry", Text, nullable=False),
)

case_changes = Table(
    "case_changes",
    metadata,
    Column("receipt", String(13), primary_key=True),
    Column("changes", Text, nullable=False),
)

service_requests = Table(
    "service_requests",
    metadata,
    Column("reference", String(16), primary_key=True),
    Column("receipt", String(13), nullable=False, index=True),
    Column("record", Text, nullable=False),
)

sequences = Table(
    "sequences",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("value", Integer, nullable=False),
)

# --- the identity attempt ledger (ivr.behaviours.verification) ---------------------------------
# Subjects are stored as keyed digests, never as receipt or phone numbers: the key is drawn
# once per database (`ledger_keys`) so the same subject always lands on the same row key.
identity_failures = Table(
    "identity_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject", String(64), nullable=False, index=True),
    Column("at", String(20), nullable=False),  # simulated instant, UTC, 'YYYY-MM-DDTHH:MM:SS'
)

ledger_keys = Table(
    "ledger_keys",
    metadata,
    Column("name", String(16), primary_key=True),
    Column("secret", String(64), nullable=False),
)


# Statements of the per-request path, built once: SQLAlchemy then only binds values.
_LOAD_SESSION = select(calls.c.session).where(calls.c.call_sid == bindparam("sid"))
_UPDATE_CALL = (
    update(calls)
    .where(calls.c.call_sid == bindparam("sid"))
    .values(
        flow_id=bindparam("flow_id"),
        state=bindparam("state"),
        tier=bindparam("tier"),
        language=bindparam("language"),
        ended=bindparam("ended"),
        updated_at=bindparam("updated_at"),
        session=bindparam("session"),
    )
)
_INSERT_ENTRY = insert(transcript_entries)
_CASE_CHANGES = select(case_changes.c.changes).where(case_changes.c.receipt == bindparam("receipt"))
_REQUESTS_FOR = (
    select(service_requests.c.record)
    .where(service_requests.c.receipt == bindparam("receipt"))
    .order_by(service_requests.c.reference)
)


def default_sqlite_url(instance_path: str | Path) -> str:
    path = Path(instance_path) / "ivr.sqlite3"
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


class SqlStore(Store):
    """Calls, transcripts, case changes and service requests in one SQL database."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        self.dialect = parsed.get_backend_name()
        if self.dialect == "postgresql" and parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        self.engine = _create(parsed)
        metadata.create_all(self.engine)
        self.ledger_key = _ledger_key(self.engine)

    @contextmanager
    def call(self, call_sid: str) -> Iterator[CallTransaction]:
        with self.engine.begin() as conn:
            if self.dialect == "postgresql":
                key = zlib.crc32(call_sid.encode()) - 2**31
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": key})
            yield _SqlCallTransaction(conn, call_sid, self.ledger_key)

    def transcript(self, call_sid: str) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(transcript_entries.c.entry)
                .where(transcript_entries.c.call_sid == call_sid)
                .order_by(transcript_entries.c.id)
            )
            return [json.loads(row.entry) for row in rows]

    def calls(self, limit: int = 100) -> list[CallRecord]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(calls).order_by(calls.c.started_at.desc()).limit(limit))
            return [_record(row) for row in rows]

    def iter_calls(self) -> Iterator[CallRecord]:
        with self.engine.connect() as conn:
            for row in conn.execute(select(calls).order_by(calls.c.started_at)):
                yield _record(row)

    def session(self, call_sid: str) -> Session | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(calls.c.session).where(calls.c.call_sid == call_sid)).first()
            return Session.from_dict(json.loads(row.session)) if row else None

    def count_calls(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(calls)).scalar_one())

    def close(self) -> None:
        self.engine.dispose()

    # --- retention (ivr transcripts purge) ---------------------------------------------------

    def purge(self, before: dt.datetime) -> PurgeReport:
        """Remove calls started before `before` (their sessions and transcripts) and identity
        failures recorded before it.  Case changes and service requests are the agency's
        records, not call records: they stay."""
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


class _SqlCallTransaction(CallTransaction):
    def __init__(self, conn: Connection, call_sid: str, ledger_key: bytes = b"") -> None:
        self.conn = conn
        self.call_sid = call_sid
        self._exists: bool | None = None
        self._ledger_key = ledger_key

    def load_session(self) -> Session | None:
        row = self.conn.execute(_LOAD_SESSION, {"sid": self.call_sid}).first()
        self._exists = row is not None
        return Session.from_dict(json.loads(row.session)) if row else None

    def save_session(self, session: Session, channel: str) -> None:
        now = dt.datetime.now(dt.timezone.utc).isoformat()
        values = {
            "flow_id": session.flow_id,
            "state": session.state,
            "tier": session.tier,
            "language": session.language,
            "ended": session.ended,
            "updated_at": now,
            "session": json.dumps(session.to_dict(), separators=(",", ":")),
        }
        if self._exists is None:
            self._exists = self.conn.execute(_LOAD_SESSION, {"sid": self.call_sid}).first() is not None
        if self._exists:
            self.conn.execute(_UPDATE_CALL, {"sid": self.call_sid, **values})
        else:
            self.conn.execute(
                insert(calls).values(call_sid=self.call_sid, channel=channel, started_at=session.started_at, **values)
            )
            self._exists = True

    def append_transcript(self, entries: list[dict[str, Any]]) -> None:
        if entries:
            self.conn.execute(
                _INSERT_ENTRY,
                [{"call_sid": self.call_sid, "entry": json.dumps(entry, separators=(",", ":"))} for entry in entries],
            )

    def case_changes(self, receipt: str) -> dict[str, Any] | None:
        row = self.conn.execute(_CASE_CHANGES, {"receipt": receipt}).first()
        return json.loads(row.changes) if row else None

    def put_case_changes(self, receipt: str, changes: dict[str, Any]) -> None:
        payload = json.dumps(changes, separators=(",", ":"))
        done = self.conn.execute(update(case_changes).where(case_changes.c.receipt == receipt).values(changes=payload))
        if done.rowcount == 0:
            self.conn.execute(insert(case_changes).values(receipt=receipt, changes=payload))

    def service_requests_for(self, receipt: str) -> list[dict[str, Any]]:
        rows = self.conn.execute(_REQUESTS_FOR, {"receipt": receipt})
        return [json.loads(row.record) for row in rows]

    def service_request(self, reference: str) -> dict[str, Any] | None:
        row = self.conn.execute(
            select(service_requests.c.record).where(service_requests.c.reference == reference)
        ).first()
        return json.loads(row.record) if row else None

    def add_service_request(self, record: dict[str, Any]) -> None:
        self.conn.execute(
            insert(service_requests).values(
                reference=record["reference"], receipt=record.get("receipt", ""), record=json.dumps(record)
            )
        )

    def next_sequence(self, name: str, day: dt.date) -> int:
        key = {"name": name, "day": day.isoformat()}
        row = self.conn.execute(
            select(sequences.c.value).where(sequences.c.name == name, sequences.c.day == key["day"])
        ).first()
        value = (row.value if row else 0) + 1
        if row:
            self.conn.execute(
                update(sequences).where(sequences.c.name == name, sequences.c.day == key["day"]).values(value=value)
            )
        else:
            self.conn.execute(insert(sequences).values(value=value, **key))
        return value


    # --- the identity attempt ledger ------------------------------------------------------------

    def identity_failures(self, subject: str, since: dt.datetime) -> int:
        query = select(func.count()).select_from(identity_failures).where(
            identity_failures.c.subject == _digest(self._ledger_key, subject),
            identity_failures.c.at >= _utc_text(since),
        )
        return int(self.conn.execute(query).scalar_one())

    def record_identity_failure(self, subject: str, at: dt.datetime) -> None:
        self.conn.execute(
            insert(identity_failures).values(subject=_digest(self._ledger_key, subject), at=_utc_text(at))
        )


def _before(started_at: str, cutoff: dt.datetime) -> bool:
    try:
        started = dt.datetime.fromisoformat(started_at)
    except ValueError:
        return False  # an unreadable start is kept for a person to look at, never silently dropped
    if started.tzinfo is None:
        started = started.replace(tzinfo=dt.timezone.utc)
    return started < cutoff


def _digest(key: bytes, subject: str) -> str:
    return hmac.new(key, subject.encode(), hashlib.sha256).hexdigest()


def _utc_text(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def _ledger_key(engine: Engine) -> bytes:
    """This database's ledger key, drawn on first use (a second server racing to draw it reads the winner's)."""
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


def _create(url: Any) -> Engine:
    if url.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True)
    memory = url.database in (None, "", ":memory:")
    options: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
    if memory:
        options["poolclass"] = StaticPool
    engine = create_engine(url, **options)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we issue BEGIN ourselves
        cursor = dbapi_connection.cursor()
        if not memory:
            cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=30000")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    return engine
