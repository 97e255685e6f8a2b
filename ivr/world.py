"""The world a call sees: the starting case data overlaid with what calls changed.

`CaseWorld` implements the engine's `World` port over a `CallTransaction`:
the case-data file is the starting world (immutable, loaded once), the store
holds what calls changed (appointments, service requests).  It also notes
every case it hands out, so the transcript can keep a snapshot of the case
data the call read and replay hermetically.

`MemoryTransaction` is a `CallTransaction` held in dicts: replay and the
terminal rehearsal run over it with no database.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ivr.core.registry import CASE_UPDATED, SERVICE_REQUEST_CREATED, Effect
from ivr.core.session import Session
from ivr.definitions.cases import Case, CaseBook, ServiceRequestRecord
from ivr.store.base import CallTransaction


class CaseWorld:
    """Case data plus what calls changed, read and written inside one transaction."""

    def __init__(self, cases: CaseBook, tx: CallTransaction) -> None:
        self.cases = cases
        self.tx = tx
        self.read: dict[str, dict[str, Any]] = {}
        self.sequences: list[tuple[str, int]] = []

    def case(self, receipt: str) -> Case | None:
        base = self.cases.get(receipt)
        return self._merged(base, base.receipt_number) if base is not None else None

    def cases_by_digits(self, digits: str) -> list[Case]:
        return [self._merged(case, case.receipt_number) for case in self.cases.by_digits(digits)]

    def service_request(self, reference: str) -> tuple[Case, ServiceRequestRecord] | None:
        record = self.tx.service_request(reference)
        if record is not None:
            case = self.case(record["receipt"])
            if case is not None:
                return case, ServiceRequestRecord.from_dict(record)
        found = self.cases.find_service_request(reference)
        if found is None:
            return None
        case = self._merged(found[0], found[0].receipt_number)
        return case, found[1]

    def apply(self, effect: Effect) -> None:
        data = effect.data
        if effect.kind == CASE_UPDATED:
            receipt = str(data["receipt"])
            changes = dict(self.tx.case_changes(receipt) or {})
            changes.update(data["changes"])
            self.tx.put_case_changes(receipt, changes)
        elif effect.kind == SERVICE_REQUEST_CREATED:
            self.tx.add_service_request(dict(data))
        # other effects (good cause recorded, office contacted…) live in the transcript only

    def next_sequence(self, name: str, day: dt.date) -> int:
        value = self.tx.next_sequence(name, day)
        self.sequences.append((name, value))
        return value

    # --- the identity attempt ledger --------------------------------------------------------
    # A count read from the ledger is noted with the sequence numbers (as `identity:<kind>`),
    # so a replay is handed the same count in the same order: it depends on other calls.

    def identity_failures(self, subject: str, since: dt.datetime) -> int:
        value = self.tx.identity_failures(subject, since)
        self.sequences.append((_ledger_name(subject), value))
        return value

    def record_identity_failure(self, subject: str, at: dt.datetime) -> None:
        self.tx.record_identity_failure(subject, at)

    def _merged(self, base: Case, receipt: str) -> Case:
        changes = self.tx.case_changes(receipt)
        extra = self.tx.service_requests_for(receipt)
        if not changes and not extra:
            case = base
        else:
            data = base.to_dict()
            data.update(changes or {})
            known = {sr["reference"] for sr in data.get("service_requests", [])}
            data["service_requests"] = list(data.get("service_requests", [])) + [
                _sr_dict(sr) for sr in extra if sr["reference"] not in known
            ]
            case = Case.from_dict(data)
        self.read.setdefault(receipt, case.to_dict())
        return case


def _ledger_name(subject: str) -> str:
    return "identity:" + subject.split(":", 1)[0]


def _sr_dict(record: dict[str, Any]) -> dict[str, Any]:
    keys = ("reference", "type", "created", "emailed_service_center", "status")
    return {key: record[key] for key in keys if record.get(key) is not None}


class MemoryTransaction(CallTransaction):
    """A `CallTransaction` in memory, for replay and offline rehearsal."""

    def __init__(self) -> None:
        self.session: Session | None = None
        self.transcript: list[dict[str, Any]] = []
        self.changes: dict[str, dict[str, Any]] = {}
        self.requests: dict[str, dict[str, Any]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        self.preset_sequences: list[tuple[str, int]] = []
        self.failures: list[tuple[str, dt.datetime]] = []

    def load_session(self) -> Session | None:
        return self.session

    def save_session(self, session: Session, channel: str) -> None:
        self.session = session

    def append_transcript(self, entries: list[dict[str, Any]]) -> None:
        self.transcript.extend(entries)

    def case_changes(self, receipt: str) -> dict[str, Any] | None:
        return self.changes.get(receipt)

    def put_case_changes(self, receipt: str, changes: dict[str, Any]) -> None:
        self.changes[receipt] = changes

    def service_requests_for(self, receipt: str) -> list[dict[str, Any]]:
        return [r for r in self.requests.values() if r.get("receipt") == receipt]

    def service_request(self, reference: str) -> dict[str, Any] | None:
        return self.requests.get(reference)

    def add_service_request(self, record: dict[str, Any]) -> None:
        self.requests[record["reference"]] = record

    def next_sequence(self, name: str, day: dt.date) -> int:
        for index, (preset_name, value) in enumerate(self.preset_sequences):
            if preset_name == name:
                del self.preset_sequences[index]
                return value
        key = (name, day.isoformat())
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def identity_failures(self, subject: str, since: dt.datetime) -> int:
        name = _ledger_name(subject)
        for index, (preset_name, value) in enumerate(self.preset_sequences):
            if preset_name == name:
                del self.preset_sequences[index]
                return value
        return sum(1 for failed, at in self.failures if failed == subject and at >= since)

    def record_identity_failure(self, subject: str, at: dt.datetime) -> None:
        self.failures.append((subject, at))
