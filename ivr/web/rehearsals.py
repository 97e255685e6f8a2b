"""The trainer room's records: who rehearsed which call, in which world, and what it covered.

* `web_rehearsals`: one row per rehearsal (browser softphone): its trainee,
  flow, world, simulated start and real start (so its clock survives a
  restart: the call's time is the simulated start plus the real time since),
  and, once it ended, its summary (path, tiers, service requests, scripts
  heard, branches rehearsed).  The transcript itself stays in the call store.
* `web_worlds`: each trainee's current training world.  A rehearsal's case
  changes are kept under its world (`training:<trainee>/<n>`); a trainer's
  reset moves the trainee to a fresh world `n + 1` (the old one stays, so old
  transcripts still read the same).
* `web_assignments`: a checklist subset a trainer gave a trainee ("biometrics week").

This module knows SQL, not HTTP; it never touches the phone line's data.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, Text, insert, select, update
from sqlalchemy.engine import Engine

from ivr.store.base import training_world

metadata = MetaData()

rehearsals = Table(
    "web_rehearsals",
    metadata,
    Column("call_sid", String(64), primary_key=True),
    Column("trainee", String(60), nullable=False, index=True),
    Column("flow_id", String(64), nullable=False),
    Column("world", String(96), nullable=False),
    Column("language", String(4), nullable=True),
    Column("case_receipt", String(13), nullable=True),
    Column("simulated_start", String(40), nullable=False),
    Column("real_start", String(40), nullable=False),
    Column("ended_at", String(40), nullable=True),
    Column("summary", Text, nullable=True),
)

worlds = Table(
    "web_worlds",
    metadata,
    Column("trainee", String(60), primary_key=True),
    Column("generation", Integer, nullable=False),
    Column("reset_by", String(60), nullable=True),
    Column("reset_at", String(40), nullable=True),
)

assignments = Table(
    "web_assignments",
    metadata,
    Column("trainee", String(60), primary_key=True),
    Column("flow_id", String(64), primary_key=True),
    Column("name", String(80), nullable=False),
    Column("branches", Text, nullable=False),
    Column("assigned_by", String(60), nullable=False),
    Column("assigned_at", String(40), nullable=False),
)


def _utcnow() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@dataclass(frozen=True)
class Rehearsal:
    """One rehearsal as recorded."""

    call_sid: str
    trainee: str
    flow_id: str
    world: str
    language: str | None
    case_receipt: str | None
    simulated_start: dt.datetime
    real_start: dt.datetime
    ended_at: dt.datetime | None
    summary: dict[str, Any] = field(default_factory=dict)

    def now(self, real_now: dt.datetime) -> dt.datetime:
        """The rehearsal's own time at real instant `real_now`, to the whole second."""
        return self.simulated_start + dt.timedelta(seconds=int((real_now - self.real_start).total_seconds()))

    @property
    def ended(self) -> bool:
        return self.ended_at is not None

    @property
    def seconds(self) -> int | None:
        return int((self.ended_at - self.real_start).total_seconds()) if self.ended_at else None

    @property
    def branches(self) -> list[str]:
        return list(self.summary.get("branches") or ())


@dataclass(frozen=True)
class Assignment:
    trainee: str
    flow_id: str
    name: str
    branches: tuple[str, ...]
    assigned_by: str


class RehearsalBook:
    """The trainer room's tables over the app's SQL engine."""

    def __init__(self, engine: Engine, now: Callable[[], dt.datetime] = _utcnow) -> None:
        self.engine = engine
        self.now = now
        metadata.create_all(engine)

    # --- worlds ----------------------------------------------------------------------------

    def world(self, trainee: str) -> str:
        """The trainee's current training world."""
        with self.engine.connect() as conn:
            row = conn.execute(select(worlds.c.generation).where(worlds.c.trainee == trainee)).first()
        return world_name(trainee, row.generation if row else 1)

    def reset_world(self, trainee: str, by: str) -> str:
        """Give the trainee a fresh world (the case data as the training file has it); returns its name."""
        at = self.now().isoformat(timespec="seconds")
        with self.engine.begin() as conn:
            row = conn.execute(select(worlds.c.generation).where(worlds.c.trainee == trainee)).first()
            generation = (row.generation if row else 1) + 1
            if row:
                conn.execute(update(worlds).where(worlds.c.trainee == trainee)
                             .values(generation=generation, reset_by=by, reset_at=at))
            else:
                conn.execute(insert(worlds).values(trainee=trainee, generation=generation, reset_by=by, reset_at=at))
        return world_name(trainee, generation)

    # --- rehearsals -------------------------------------------------------------------------

    def start(self, call_sid: str, trainee: str, flow_id: str, world: str, simulated_start: dt.datetime,
              language: str | None = None, case_receipt: str | None = None) -> Rehearsal:
        real = self.now()
        with self.engine.begin() as conn:
            conn.execute(insert(rehearsals).values(
                call_sid=call_sid, trainee=trainee, flow_id=flow_id, world=world, language=language,
                case_receipt=case_receipt, simulated_start=simulated_start.isoformat(), real_start=real.isoformat(),
            ))
        return Rehearsal(call_sid, trainee, flow_id, world, language, case_receipt, simulated_start, real, None)

    def get(self, call_sid: str) -> Rehearsal | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(rehearsals).where(rehearsals.c.call_sid == call_sid)).first()
        return _rehearsal(row) if row else None

    def finish(self, call_sid: str, summary: Mapping[str, Any]) -> bool:
        """Record the end of a rehearsal once; False if it had already ended."""
        with self.engine.begin() as conn:
            done = conn.execute(
                update(rehearsals).where(rehearsals.c.call_sid == call_sid, rehearsals.c.ended_at.is_(None))
                .values(ended_at=self.now().isoformat(), summary=json.dumps(dict(summary)))
            )
        return bool(done.rowcount)

    def list(self, trainee: str | None = None, limit: int = 500) -> list[Rehearsal]:
        """Rehearsals, newest first (one trainee's, or everyone's)."""
        query = select(rehearsals).order_by(rehearsals.c.real_start.desc()).limit(limit)
        if trainee is not None:
            query = query.where(rehearsals.c.trainee == trainee)
        with self.engine.connect() as conn:
            return [_rehearsal(row) for row in conn.execute(query)]

    def branch_counts(self, trainee: str | None, flow_id: str) -> tuple[int, dict[str, int]]:
        """(finished rehearsals, times each branch was rehearsed) for a trainee, or for the class."""
        query = select(rehearsals.c.summary).where(rehearsals.c.flow_id == flow_id, rehearsals.c.ended_at.is_not(None))
        if trainee is not None:
            query = query.where(rehearsals.c.trainee == trainee)
        counts: dict[str, int] = {}
        total = 0
        with self.engine.connect() as conn:
            for row in conn.execute(query):
                total += 1
                for branch in json.loads(row.summary or "{}").get("branches") or ():
                    counts[branch] = counts.get(branch, 0) + 1
        return total, counts

    # --- assignments ----------------------------------------------------------------------------

    def assign(self, trainee: str, flow_id: str, name: str, branches: Iterable[str], by: str) -> Assignment:
        chosen = tuple(dict.fromkeys(branches))
        values = {"name": name.strip()[:80] or "assignment", "branches": json.dumps(list(chosen)), "assigned_by": by,
                  "assigned_at": self.now().isoformat(timespec="seconds")}
        with self.engine.begin() as conn:
            done = conn.execute(update(assignments).where(assignments.c.trainee == trainee, assignments.c.flow_id == flow_id)
                                .values(**values))
            if done.rowcount == 0:
                conn.execute(insert(assignments).values(trainee=trainee, flow_id=flow_id, **values))
        return Assignment(trainee, flow_id, values["name"], chosen, by)

    def unassign(self, trainee: str, flow_id: str) -> None:
        with self.engine.begin() as conn:
            conn.execute(assignments.delete().where(assignments.c.trainee == trainee, assignments.c.flow_id == flow_id))

    def assignment(self, trainee: str, flow_id: str) -> Assignment | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(assignments).where(assignments.c.trainee == trainee,
                                                         assignments.c.flow_id == flow_id)).first()
        if row is None:
            return None
        return Assignment(row.trainee, row.flow_id, row.name, tuple(json.loads(row.branches)), row.assigned_by)


def world_name(trainee: str, generation: int) -> str:
    """A training world's name: `training:<trainee>/<n>` (isolated from the phone line's, see `ivr.store.base`)."""
    return training_world(f"{trainee}/{generation}")


def _rehearsal(row: Any) -> Rehearsal:
    return Rehearsal(
        call_sid=row.call_sid,
        trainee=row.trainee,
        flow_id=row.flow_id,
        world=row.world,
        language=row.language,
        case_receipt=row.case_receipt,
        simulated_start=dt.datetime.fromisoformat(row.simulated_start),
        real_start=dt.datetime.fromisoformat(row.real_start),
        ended_at=dt.datetime.fromisoformat(row.ended_at) if row.ended_at else None,
        summary=json.loads(row.summary) if row.summary else {},
    )
