"""The store's tables (SQLAlchemy Core), and the upgrade of a database made by an older version.

* `calls`: one row per call — its session (JSON), a `version` bumped by every
  committed webhook (the optimistic check that serialises a call's webhooks),
  and the last answer with its idempotency key (a retried request gets it again).
* `transcript_entries`: one row per transcript entry, in order.
* `case_changes`: what calls changed in a case, one row per (world, receipt,
  top-level case key), so two calls changing different keys never overwrite
  each other.
* `service_requests`: requests filed by calls, per world, indexed by what
  steps look them up by (receipt, type, day created).
* `sequences`: race-free counters per name and day (an atomic upsert).
* `world_clocks`: a rehearsal world's simulated clock.
* `identity_failures`, `ledger_keys`: the identity attempt ledger (keyed digests, never identifiers).
"""

from __future__ import annotations

import json
import time

from sqlalchemy import Boolean, Column, Index, Integer, MetaData, String, Table, Text, inspect, text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DBAPIError

metadata = MetaData()

calls = Table(
    "calls",
    metadata,
    Column("call_sid", String(64), primary_key=True),
    Column("world", String(80), nullable=False, server_default="live"),
    Column("flow_id", String(64), nullable=False),
    Column("state", String(128), nullable=False),
    Column("tier", String(16), nullable=False),
    Column("language", String(4), nullable=False),
    Column("channel", String(16), nullable=False),
    Column("started_at", String(40), nullable=False),
    Column("updated_at", String(40), nullable=False),
    Column("ended", Boolean, nullable=False, default=False),
    Column("session", Text, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("answer_key", String(200)),
    Column("answer", Text),
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
    Column("world", String(80), primary_key=True),
    Column("receipt", String(13), primary_key=True),
    Column("field", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)

service_requests = Table(
    "service_requests",
    metadata,
    Column("reference", String(16), primary_key=True),
    Column("world", String(80), nullable=False, server_default="live"),
    Column("receipt", String(13), nullable=False),
    Column("type", String(40), nullable=False, server_default=""),
    Column("status", String(16), nullable=False, server_default="open"),
    Column("created", String(10), nullable=False, server_default=""),
    Column("record", Text, nullable=False),
    Index("service_requests_by_case", "receipt", "world", "created"),
)

sequences = Table(
    "sequences",
    metadata,
    Column("name", String(32), primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("value", Integer, nullable=False),
)

world_clocks = Table(
    "world_clocks",
    metadata,
    Column("world", String(80), primary_key=True),
    Column("start", String(40), nullable=False),
    Column("real_start", String(40), nullable=False),
)

# --- the identity attempt ledger (ivr.behaviours.verification) ------------------------------------
# Subjects are keyed digests (HMAC-SHA256 with `ledger_keys`' secret, drawn once per database),
# never receipt or phone numbers; `at` is the simulated instant, UTC, 'YYYY-MM-DDTHH:MM:SS'.
identity_failures = Table(
    "identity_failures",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("subject", String(64), nullable=False, index=True),
    Column("at", String(20), nullable=False),
)

ledger_keys = Table(
    "ledger_keys",
    metadata,
    Column("name", String(16), primary_key=True),
    Column("secret", String(64), nullable=False),
)


def upgrade(engine: Engine) -> None:
    """Bring a database made by an earlier version to this schema, keeping its data.

    Earlier versions kept a case's changes as one JSON row per receipt and
    service requests without their world, type or day; calls had no version.
    """
    tables = set(inspect(engine).get_table_names())
    if not tables:
        return
    with engine.begin() as conn:
        if "calls" in tables:
            have = {column["name"] for column in inspect(conn).get_columns("calls")}
            for name, ddl in (
                ("world", "VARCHAR(80) NOT NULL DEFAULT 'live'"),
                ("version", "INTEGER NOT NULL DEFAULT 1"),
                ("answer_key", "VARCHAR(200)"),
                ("answer", "TEXT"),
            ):
                if name not in have:
                    conn.execute(text(f"ALTER TABLE calls ADD COLUMN {name} {ddl}"))
        if "case_changes" in tables:
            have = {column["name"] for column in inspect(conn).get_columns("case_changes")}
            if "field" not in have:
                old = conn.execute(text("SELECT receipt, changes FROM case_changes")).fetchall()
                conn.execute(text("DROP TABLE case_changes"))
                case_changes.create(conn)
                for receipt, changes in old:
                    for field, value in json.loads(changes).items():
                        conn.execute(
                            case_changes.insert().values(world="live", receipt=receipt, field=field, value=json.dumps(value))
                        )
        if "service_requests" in tables:
            have = {column["name"] for column in inspect(conn).get_columns("service_requests")}
            if "world" not in have:
                old = conn.execute(text("SELECT record FROM service_requests")).fetchall()
                conn.execute(text("DROP TABLE service_requests"))
                service_requests.create(conn)
                for (record,) in old:
                    data = json.loads(record)
                    conn.execute(
                        service_requests.insert().values(
                            reference=data["reference"], world="live", receipt=data.get("receipt", ""),
                            type=data.get("type", ""), status=data.get("status", "open"),
                            created=str(data.get("created", "")), record=record,
                        )
                    )


# Several app processes (gunicorn workers, app servers) may open a new database at the
# same moment: on SQLite one of them meets "database is locked" or "table … already
# exists" while another creates the tables; on PostgreSQL concurrent CREATE TABLEs collide.
# `prepare` serialises the work (an advisory lock on PostgreSQL) and retries the race's
# errors, so every process starts on the finished schema.
_SCHEMA_LOCK = 0x1F5_C4E3A  # pg_advisory_lock key for schema changes
_RACES = ("database is locked", "already exists", "duplicate key", "pg_type_typname_nsp_index")


def prepare(engine: Engine, attempts: int = 60) -> None:
    """Upgrade an earlier schema and create what is missing, safely when other processes do the same."""
    for attempt in range(1, attempts + 1):
        try:
            if engine.dialect.name == "postgresql":
                with engine.connect() as lock:
                    lock.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _SCHEMA_LOCK})
                    try:
                        upgrade(engine)
                        metadata.create_all(engine)
                    finally:
                        lock.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _SCHEMA_LOCK})
                        lock.commit()
            else:
                upgrade(engine)
                metadata.create_all(engine)
            return
        except DBAPIError as error:
            if attempt == attempts or not any(race in str(error.orig) for race in _RACES):
                raise
            time.sleep(min(0.02 * attempt, 0.25))
