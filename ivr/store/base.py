"""The store interface: where calls, transcripts and what calls changed live.

One `Store` per process; each webhook opens one `CallTransaction` for its
call (load, step, save), and the backend guarantees that two transactions of
the same call never interleave.  The engine never sees this module: shells
hand it a `World` built over the transaction.

Backends: `ivr.store.sql.SqlStore` (SQLite by default, PostgreSQL by URL).
"""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from ivr.core.session import Session


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
    """Everything one webhook may read or write, inside one database transaction."""

    @abstractmethod
    def load_session(self) -> Session | None: ...

    @abstractmethod
    def save_session(self, session: Session, channel: str) -> None: ...

    @abstractmethod
    def append_transcript(self, entries: list[dict[str, Any]]) -> None: ...

    @abstractmethod
    def case_changes(self, receipt: str) -> dict[str, Any] | None:
        """What calls changed in a case (appointments), as a dict overlaying the case data."""

    @abstractmethod
    def put_case_changes(self, receipt: str, changes: dict[str, Any]) -> None: ...

    @abstractmethod
    def service_requests_for(self, receipt: str) -> list[dict[str, Any]]: ...

    @abstractmethod
    def service_request(self, reference: str) -> dict[str, Any] | None: ...

    @abstractmethod
    def add_service_request(self, record: dict[str, Any]) -> None: ...

    @abstractmethod
    def next_sequence(self, name: str, day: dt.date) -> int:
        """1, 2, 3… per name and day (service request references, service items)."""

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
    def call(self, call_sid: str) -> AbstractContextManager[CallTransaction]:
        """Open the call's transaction; leaving the block commits (or rolls back on error)."""

    @abstractmethod
    def transcript(self, call_sid: str) -> list[dict[str, Any]]: ...

    @abstractmethod
    def calls(self, limit: int = 100) -> list[CallRecord]: ...

    @abstractmethod
    def iter_calls(self) -> Iterator[CallRecord]: ...

    @abstractmethod
    def session(self, call_sid: str) -> Session | None: ...

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
