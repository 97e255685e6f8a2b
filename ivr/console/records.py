"""What the console keeps in the app's database: scenario calls, score cards, and the queue.

Two tables of its own beside the store's (`console_calls`: which scenario a
call plays; `console_scores`: each trainee's score cards), and read-only
queries over the store's calls for the queue a seat sees and the update
counter server-sent events poll.  Works on any `SqlStore` database (SQLite
or PostgreSQL), so every app server process sees the same queue.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, Float, Integer, MetaData, String, Table, Text, func, insert, select
from sqlalchemy.engine import Engine

from ivr.console.scoring import ScoreCard
from ivr.core.agent import SEATS
from ivr.core.session import Session
from ivr.store.schema import calls, transcript_entries

QUEUE_SCAN = 200  # the newest unfinished calls a queue looks through

metadata = MetaData()

console_calls = Table(
    "console_calls",
    metadata,
    Column("call_sid", String(64), primary_key=True),
    Column("scenario", String(120), nullable=False),
    Column("created_at", String(40), nullable=False),
)

console_rings = Table(  # who rang a practice call ("Ring me with it"): it waits for them alone
    "console_rings",
    metadata,
    Column("call_sid", String(64), primary_key=True),
    Column("trainee", String(120), nullable=False),
)

console_scores = Table(
    "console_scores",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("trainee", String(120), nullable=False, index=True),
    Column("call_sid", String(64), nullable=False),
    Column("scenario", String(120)),
    Column("seat", String(16), nullable=False),
    Column("points", Integer, nullable=False),
    Column("total", Integer, nullable=False),
    Column("answered_in", Float),
    Column("resolved_in", Float),
    Column("card", Text, nullable=False),
    Column("created_at", String(40), nullable=False),
)


@dataclass(frozen=True)
class Waiting:
    """A call waiting for a seat."""

    call_sid: str
    tier: str
    language: str
    queued_at: str
    channel: str
    scenario: str | None


@dataclass(frozen=True)
class TraineeSummary:
    """A trainee's console results, for the trainer's dashboard and its CSV."""

    trainee: str
    calls: int
    points: int
    total: int

    @property
    def percent(self) -> int | None:
        return round(100 * self.points / self.total) if self.total else None

    def csv_value(self) -> str:
        """The dashboard CSV's `console score` column: '17/20 (85%) over 3 calls', or '' without calls."""
        return f"{self.points}/{self.total} ({self.percent}%) over {self.calls} call{'s' if self.calls != 1 else ''}" if self.calls else ""


class ConsoleRecords:
    """The console's tables and queries over one SQL database."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        metadata.create_all(engine)

    # --- scenario calls ------------------------------------------------------------------

    def note_scenario(self, call_sid: str, scenario: str, at: dt.datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(console_calls).values(call_sid=call_sid, scenario=scenario, created_at=at.isoformat()))

    def note_ring(self, call_sid: str, trainee: str) -> None:
        """The practice call `call_sid` rang for `trainee`: no one else's queue shows it."""
        with self.engine.begin() as conn:
            conn.execute(insert(console_rings).values(call_sid=call_sid, trainee=trainee))

    def rung_for(self, call_sid: str) -> str | None:
        """Whom a practice call rang for (None: any trainee at the seat may answer it)."""
        with self.engine.connect() as conn:
            row = conn.execute(select(console_rings.c.trainee).where(console_rings.c.call_sid == call_sid)).first()
            return str(row.trainee) if row else None

    def scenario_of(self, call_sid: str) -> str | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(console_calls.c.scenario).where(console_calls.c.call_sid == call_sid)).first()
            return str(row.scenario) if row else None

    # --- score cards ---------------------------------------------------------------------

    def save(self, card: ScoreCard, at: dt.datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(console_scores).values(
                    trainee=card.trainee, call_sid=card.call_sid, scenario=card.scenario, seat=card.seat,
                    points=card.points, total=card.total, answered_in=card.answered_in,
                    resolved_in=card.resolved_in, card=json.dumps(card.to_dict()), created_at=at.isoformat(),
                )
            )

    def cards(self, trainee: str | None = None, call_sid: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Score cards, newest first (each the card's dict plus `created_at`)."""
        query = select(console_scores.c.card, console_scores.c.created_at).order_by(console_scores.c.id.desc()).limit(limit)
        if trainee is not None:
            query = query.where(console_scores.c.trainee == trainee)
        if call_sid is not None:
            query = query.where(console_scores.c.call_sid == call_sid)
        with self.engine.connect() as conn:
            return [{**json.loads(row.card), "created_at": row.created_at} for row in conn.execute(query)]

    def summary(self, trainee: str) -> TraineeSummary:
        query = select(func.count(), func.coalesce(func.sum(console_scores.c.points), 0), func.coalesce(func.sum(console_scores.c.total), 0)).where(
            console_scores.c.trainee == trainee
        )
        with self.engine.connect() as conn:
            count, points, total = conn.execute(query).one()
        return TraineeSummary(trainee, int(count), int(points), int(total))

    def call_scores_text(self, call_sid: str) -> str:
        """The score cards of one call in a CSV cell: 'tina at tier1 6/7; tom at tier2 5/5' ('' without any)."""
        cards = sorted(self.cards(call_sid=call_sid), key=lambda card: str(card.get("created_at")))
        return "; ".join(f"{c['trainee']} at {c['seat']} {c['points']}/{c['total']}" for c in cards)

    def trainees(self) -> list[str]:
        """Everyone with a score card, by name."""
        with self.engine.connect() as conn:
            rows = conn.execute(select(console_scores.c.trainee).distinct().order_by(console_scores.c.trainee))
            return [str(row.trainee) for row in rows]

    # --- the queue -----------------------------------------------------------------------

    def waiting(self, seat: str, agent: str | None = None) -> list[Waiting]:
        """Calls waiting for `seat`, the longest waiting first; with `agent`, without practice calls rung for others."""
        found = [
            Waiting(row.call_sid, seat, session.language, str(session.console.get("queued_at", "")), row.channel, row.scenario)
            for row, session in self._unfinished(calls.c.tier == seat)
            if (agent is None or row.rung_for in (None, agent))
            and session.console.get("status") == "waiting" and session.console.get("tier") == seat
        ]
        return sorted(found, key=lambda waiting: waiting.queued_at)

    def held_by(self, agent: str) -> list[Waiting]:
        """Calls `agent` has accepted and still holds (connected, not ended), the longest held first.

        What a console page reopens when its trainee reloads it or opens a second tab:
        the call stays theirs, so no one else could ever answer it.
        """
        found = [
            Waiting(row.call_sid, str(session.console.get("tier", session.tier)), session.language,
                    str(session.console.get("queued_at", "")), row.channel, row.scenario)
            for row, session in self._unfinished(calls.c.tier.in_(SEATS))
            if session.console.get("status") == "connected" and session.console.get("agent") == agent and not session.ended
        ]
        return sorted(found, key=lambda held: held.queued_at)

    def _unfinished(self, at_seat: Any) -> list[tuple[Any, Session]]:
        """The newest unfinished calls (`QUEUE_SCAN`) at the seats `at_seat` selects, each row with its session."""
        query = (
            select(calls.c.call_sid, calls.c.channel, calls.c.session, console_calls.c.scenario,
                   console_rings.c.trainee.label("rung_for"))
            .select_from(calls.outerjoin(console_calls, console_calls.c.call_sid == calls.c.call_sid)
                         .outerjoin(console_rings, console_rings.c.call_sid == calls.c.call_sid))
            .where(calls.c.ended.is_(False), at_seat)
            .order_by(calls.c.started_at.desc())
            .limit(QUEUE_SCAN)
        )
        with self.engine.connect() as conn:
            rows = list(conn.execute(query))
        return [(row, Session.from_dict(json.loads(row.session))) for row in rows]

    def where(self, call_sid: str) -> tuple[str, str] | None:
        """The channel the call came in on (phone, softphone, console) and the world it runs in."""
        with self.engine.connect() as conn:
            row = conn.execute(select(calls.c.channel, calls.c.world).where(calls.c.call_sid == call_sid)).first()
            return (str(row.channel), str(row.world)) if row else None

    def version(self, call_sid: str) -> int:
        """How many steps the call has taken: a change means something to push."""
        with self.engine.connect() as conn:
            query = select(func.count()).select_from(transcript_entries).where(transcript_entries.c.call_sid == call_sid)
            return int(conn.execute(query).scalar_one())

    def queue_version(self) -> tuple[int, int]:
        """Changes when any call starts or moves: (calls, transcript entries) — for the queue's live view."""
        with self.engine.connect() as conn:
            n_calls = conn.execute(select(func.count()).select_from(calls)).scalar_one()
            n_entries = conn.execute(select(func.max(transcript_entries.c.id))).scalar_one()
        return int(n_calls), int(n_entries or 0)
