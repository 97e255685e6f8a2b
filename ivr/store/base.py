"""The store interface: where calls, transcripts and what calls changed live.

One `Store` per process.  A webhook opens one `CallTransaction` for its call
(`Store.call`), which works in two phases:

* **reads** (the session, case changes, service requests) go to the database
  at once and take no lock; they also see the transaction's own pending writes;
* **writes** (the session, transcript entries, case changes, service
  requests) are kept in memory and applied when the block ends, in one short
  database transaction that starts with a version-checked upsert of the
  session.  If another webhook of the same call committed first, that upsert
  matches no row: nothing is written and `VersionConflict` is raised, and the
  caller (`CallService`) loads the call again and retries.  A block left by an
  exception writes nothing; `rollback_writes()` drops what a step wrote when
  the step faulted (the caller hears the apology, nothing is committed).

`next_sequence` is the exception: it draws from a race-free counter at once
(an atomic upsert), so a retried or rolled-back step leaves a gap, never a
duplicate.

**Worlds.** Case changes and service requests belong to a world: `LIVE`
(the phone line, the default) or a rehearsal's own world (`rehearsal_world`).
A rehearsal's world is copy-on-write over the live one: it reads the live
world's rows under its own, and writes only to its own.  A *training* world
(`training_world`, the trainer room's) reads nothing of the live world: it
starts from the training case data alone, so no phone caller's change shows in
it (and nothing it does reaches a phone caller).  A world's simulated
clock (start instant and the real instant it started) is kept by
`Store.set_world_clock` so every app server sees the same time.

Backends: `ivr.store.sql.SqlStore` (SQLite by default, PostgreSQL by URL) and
`ivr.world.MemoryTransaction` (replay and offline rehearsal).
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from ivr.core.session import Session

UNDATED_SEQUENCES = frozenset({"service_item", "confirmation"})  # and `ivr.rules.biometrics.CONFIRMATION_SEQUENCE`
"""Counters that never restart: one count for all days (`ivr.routing.SERVICE_ITEM_SEQUENCE`: service item
numbers must stay unique for years, and a day's count would cap them)."""
UNDATED_DAY = "*"
"""The `sequences.day` an undated counter is kept under."""


def sequence_day(name: str, day: dt.date) -> str:
    """The day a counter of `name` drawn on `day` is kept under: the day, or `UNDATED_DAY`."""
    return UNDATED_DAY if name in UNDATED_SEQUENCES else day.isoformat()


LIVE = "live"
"""The world of the phone line: what every call sees unless told otherwise."""


def rehearsal_world(rehearsal_id: str) -> str:
    """The world of one rehearsal: its case changes and service requests are its own."""
    return f"rehearsal:{rehearsal_id}"


TRAINING_PREFIX = "training:"


def training_world(name: str) -> str:
    """A training world (a trainee's, in the trainer room): isolated from the live world."""
    return TRAINING_PREFIX + name


def is_training(world: str) -> bool:
    return world.startswith(TRAINING_PREFIX)


def underlying(world: str) -> str:
    """The world `world` reads under its own rows: the live one, or itself for a training world."""
    return world if is_training(world) else LIVE


def call_clock_key(call_sid: str) -> str:
    """Where one call's own simulated clock is kept (`Store.set_world_clock`)."""
    return f"call:{call_sid}"


class VersionConflict(Exception):
    """Another webhook of the same call committed first: load the call again and retry."""


@dataclass(frozen=True, init=False)
class Answer:
    """What a webhook answered, kept with the call so a retried request gets it again."""

    key: str
    body: str
    state: str
    tier: str
    caller_withheld: bool = False  # the calling number in `body` is its token: a retry restores it from its `From`

    def __init__(self, key: str, body: str, state: str, tier: str, caller_withheld: bool = False) -> None:
        # The frozen dataclass's own `__init__`, without its `object.__setattr__` per field (one per webhook)
        fields = self.__dict__
        fields["key"] = key
        fields["body"] = body
        fields["state"] = state
        fields["tier"] = tier
        fields["caller_withheld"] = caller_withheld


@dataclass(frozen=True)
class WorldClock:
    """A world's simulated time: `start` at the real instant `real_start`, then advancing with real time."""

    start: dt.datetime
    real_start: dt.datetime

    def at(self, real_now: dt.datetime) -> dt.datetime:
        """The world's time at real instant `real_now`, to the whole second (transcripts read better)."""
        return self.start + dt.timedelta(seconds=int((real_now - self.real_start).total_seconds()))


@dataclass(frozen=True)
class CallRecord:
    """A call as listed by the store: enough to find and export it."""

    call_sid: str
    flow_id: str
    state: str
    tier: str
    language: str
    started_at: str
    updated_at: str
    ended: bool
    channel: str


class CallTransaction(ABC):
    """Everything one webhook may read or write about its call and its world (see the module docstring)."""

    call_sid: str
    world: str

    # --- the call ---------------------------------------------------------------------------------

    @abstractmethod
    def load_session(self) -> Session | None:
        """The call's session as last committed (None for a call the store never saw)."""

    @abstractmethod
    def answer(self, key: str) -> Answer | None:
        """The call's last answer, when it was made for a request with idempotency `key`."""

    @abstractmethod
    def save_session(self, session: Session, channel: str, answer: Answer | None = None) -> None:
        """Write the session (and the answer to keep for a retry) when the block ends, if no one else did."""

    @abstractmethod
    def append_transcript(self, entries: list[dict[str, Any]]) -> None: ...

    # --- the world --------------------------------------------------------------------------------

    @abstractmethod
    def case_changes(self, receipt: str) -> dict[str, Any] | None:
        """What calls changed in a case (appointments), as a dict overlaying the case data."""

    @abstractmethod
    def put_case_changes(self, receipt: str, changes: dict[str, Any]) -> None:
        """Overlay `changes` (top-level case keys) on the case; keys not named keep their value."""

    @abstractmethod
    def service_requests_for(
        self, receipt: str, sr_type: str | None = None, since: dt.date | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """The case's requests filed by calls, newest first, optionally of one type, created since a day, at most `limit`."""

    @abstractmethod
    def service_request(self, reference: str) -> dict[str, Any] | None: ...

    @abstractmethod
    def add_service_request(self, record: dict[str, Any]) -> None: ...

    @abstractmethod
    def next_sequence(self, name: str, day: dt.date) -> int:
        """1, 2, 3… per name and day, from a race-free counter (service request references, confirmations);
        a name in `UNDATED_SEQUENCES` counts on across days (its `day` is ignored)."""

    @abstractmethod
    def rollback_writes(self) -> None:
        """Forget every write of this block so far (a step that faulted commits nothing)."""

    # --- the identity attempt ledger (ivr.behaviours.verification) ---------------------------

    @abstractmethod
    def identity_failures(self, subject: str, since: dt.datetime) -> int:
        """Failed identity checks recorded for `subject` ('receipt:…', 'caller:…') at or after `since`."""

    @abstractmethod
    def record_identity_failure(self, subject: str, at: dt.datetime) -> None:
        """Record one failed identity check against `subject` at simulated instant `at`."""


class Store(ABC):
    """A backend for calls, transcripts, case changes and service requests."""

    @abstractmethod
    def call(self, call_sid: str, world: str = LIVE) -> AbstractContextManager[CallTransaction]:
        """The call's transaction; leaving the block commits (nothing on error; `VersionConflict` if overtaken)."""

    @abstractmethod
    def transcript(self, call_sid: str) -> list[dict[str, Any]]: ...

    @abstractmethod
    def calls(self, limit: int = 100, channel: str | None = None) -> list[CallRecord]:
        """The latest `limit` calls, newest first (with `channel`, only the calls that came in on it)."""

    @abstractmethod
    def iter_calls(self) -> Iterator[CallRecord]: ...

    @abstractmethod
    def session(self, call_sid: str) -> Session | None: ...

    def channel(self, call_sid: str) -> str | None:
        """The line the call came in on (`phone`, `softphone`, `console`); None for no such call."""
        raise NotImplementedError(f"{type(self).__name__} keeps no channels")

    def world_clock(self, world: str) -> WorldClock | None:
        """The simulated clock of `world` (a rehearsal), if one was set."""
        return None

    def set_world_clock(self, world: str, clock: WorldClock) -> None:
        """Give `world` its own simulated clock, shared by every app server."""
        raise NotImplementedError(f"{type(self).__name__} keeps no world clocks")

    @abstractmethod
    def close(self) -> None: ...

    # --- retention (ivr transcripts purge) ---------------------------------------------------

    def purge(self, before: dt.datetime) -> PurgeReport:
        """Remove the transcripts and finished sessions of calls last active before `before`,
        and identity failures older than it; the world (case changes, service requests) stays."""
        raise NotImplementedError(f"{type(self).__name__} does not purge")


@dataclass(frozen=True)
class PurgeReport:
    """What a purge removed."""

    calls: int
    transcript_entries: int
    identity_failures: int
