"""The world a call sees: the starting case data overlaid with what calls changed.

`CaseWorld` implements the engine's `World` port over a `CallTransaction`:
the case-data file is the starting world (immutable, loaded once), the store
holds what calls changed (appointments, service requests) in the
transaction's world (the live line, or a rehearsal's own).  A case is read
with its changes only; its service requests are read by what the step needs
(`service_requests`: of one type, since a day, the newest few), never all of
them with every case.  It also notes every case and request it hands out, so
the transcript can keep what the call read and replay hermetically.

`MemoryTransaction` is a `CallTransaction` held in dicts: replay and the
terminal rehearsal run over it with no database.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from ivr.core.registry import CASE_UPDATED, SERVICE_REQUEST_CREATED, Effect
from ivr.core.session import Session
from ivr.definitions.cases import Case, CaseBook, ServiceRequestRecord
from ivr.store.base import LIVE, Answer, CallTransaction, sequence_day


class CaseWorld:
    """Case data plus what calls changed, read and written inside one transaction."""

    def __init__(self, cases: CaseBook, tx: CallTransaction) -> None:
        self.cases = cases
        self.tx = tx
        self.read: dict[str, dict[str, Any]] = {}
        self.sequences: list[tuple[str, int]] = []

    def case(self, receipt: str) -> Case | None:
        base = self.cases.get(receipt)
        return self._merged(base) if base is not None else None

    def cases_by_digits(self, digits: str) -> list[Case]:
        return [self._merged(case) for case in self.cases.by_digits(digits)]

    def service_request(self, reference: str) -> tuple[Case, ServiceRequestRecord] | None:
        record = self.tx.service_request(reference)
        if record is not None:
            case = self.case(record["receipt"])
            if case is not None:
                found = ServiceRequestRecord.from_dict(record)
                self._note_requests(case.receipt_number, [found])
                return case, found
        in_file = self.cases.find_service_request(reference)
        if in_file is None:
            return None
        return self._merged(in_file[0]), in_file[1]

    def service_requests(
        self, case: Case, sr_type: str | None = None, since: dt.date | None = None, limit: int | None = None
    ) -> list[ServiceRequestRecord]:
        """The case's service requests (on file and filed by calls), newest first, as the step needs them."""
        stored = [
            ServiceRequestRecord.from_dict(record)
            for record in self.tx.service_requests_for(case.receipt_number, sr_type, since, limit)
        ]
        known = {record.reference for record in stored}
        on_file = [
            record for record in case.service_requests
            if record.reference not in known
            and (sr_type is None or record.type == sr_type)
            and (since is None or record.created >= since)
        ]
        found = sorted(stored + on_file, key=lambda sr: (sr.created, sr.reference), reverse=True)
        found = found[:limit] if limit is not None else found
        self._note_requests(case.receipt_number, [sr for sr in found if sr.reference in known])
        return found

    def apply(self, effect: Effect) -> None:
        data = effect.data
        if effect.kind == CASE_UPDATED:
            self.tx.put_case_changes(str(data["receipt"]), dict(data["changes"]))
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

    def _merged(self, base: Case) -> Case:
        changes = self.tx.case_changes(base.receipt_number)
        if changes:
            data = base.to_dict()
            data.update(changes)
            case = Case.from_dict(data)
        else:
            case = base
        if case.receipt_number not in self.read:  # the first read is the one replay needs; later ones cost nothing
            self.read[case.receipt_number] = case.to_dict()
        return case

    def _note_requests(self, receipt: str, records: list[ServiceRequestRecord]) -> None:
        """Keep the stored requests the step read in the case's snapshot, so replay sees them too."""
        snapshot = self.read.get(receipt)
        if snapshot is None or not records:
            return
        listed = snapshot.setdefault("service_requests", [])
        have = {item["reference"] for item in listed}
        listed.extend(record.to_dict() for record in records if record.reference not in have)


def _ledger_name(subject: str) -> str:
    return "identity:" + subject.partition(":")[0]


class MemoryTransaction(CallTransaction):
    """A `CallTransaction` in memory, for replay and offline rehearsal (writes apply at once, undoably)."""

    def __init__(self, call_sid: str = "", world: str = LIVE) -> None:
        self.call_sid = call_sid
        self.world = world
        self.session: Session | None = None
        self.last_answer: Answer | None = None
        self.transcript: list[dict[str, Any]] = []
        self.changes: dict[str, dict[str, Any]] = {}
        self.requests: dict[str, dict[str, Any]] = {}
        self.counters: dict[tuple[str, str], int] = {}
        self.preset_sequences: list[tuple[str, int]] = []
        self.failures: list[tuple[str, dt.datetime]] = []
        self._undo: list[tuple[str, str, Any]] = []

    def load_session(self) -> Session | None:
        self._undo.clear()  # a new block begins
        return self.session

    def answer(self, key: str) -> Answer | None:
        return self.last_answer if self.last_answer is not None and self.last_answer.key == key else None

    def save_session(self, session: Session, channel: str, answer: Answer | None = None) -> None:
        self.session = session
        self.last_answer = answer

    def append_transcript(self, entries: list[dict[str, Any]]) -> None:
        self.transcript.extend(entries)

    def case_changes(self, receipt: str) -> dict[str, Any] | None:
        return self.changes.get(receipt)

    def put_case_changes(self, receipt: str, changes: dict[str, Any]) -> None:
        self._undo.append(("changes", receipt, self.changes.get(receipt)))
        self.changes[receipt] = {**self.changes.get(receipt, {}), **changes}

    def service_requests_for(
        self, receipt: str, sr_type: str | None = None, since: dt.date | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        found = [
            record for record in self.requests.values()
            if record.get("receipt") == receipt
            and (sr_type is None or record.get("type") == sr_type)
            and (since is None or str(record.get("created", "")) >= since.isoformat())
        ]
        found.sort(key=lambda record: (str(record.get("created", "")), str(record["reference"])), reverse=True)
        return found[:limit] if limit is not None else found

    def service_request(self, reference: str) -> dict[str, Any] | None:
        return self.requests.get(reference)

    def add_service_request(self, record: dict[str, Any]) -> None:
        self._undo.append(("requests", record["reference"], self.requests.get(record["reference"])))
        self.requests[record["reference"]] = record

    def next_sequence(self, name: str, day: dt.date) -> int:
        for index, (preset_name, value) in enumerate(self.preset_sequences):
            if preset_name == name:
                del self.preset_sequences[index]
                return value
        key = (name, sequence_day(name, day))
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]

    def identity_failures(self, subject: str, since: dt.datetime) -> int:
        if self.preset_sequences:  # replay hands back the counts the call read, in order
            name = _ledger_name(subject)
            for index, (preset_name, value) in enumerate(self.preset_sequences):
                if preset_name == name:
                    del self.preset_sequences[index]
                    return value
        if not self.failures:  # no failure on record (most calls): nothing to count
            return 0
        return sum(1 for failed, at in self.failures if failed == subject and at >= since)

    def record_identity_failure(self, subject: str, at: dt.datetime) -> None:
        self._undo.append(("failures", subject, None))
        self.failures.append((subject, at))

    def rollback_writes(self) -> None:
        for table, key, before in reversed(self._undo):
            if table == "failures":
                self.failures.pop()
                continue
            target: dict[str, Any] = self.changes if table == "changes" else self.requests
            if before is None:
                target.pop(key, None)
            else:
                target[key] = before
        self._undo.clear()
