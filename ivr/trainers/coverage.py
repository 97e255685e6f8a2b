"""Rehearsal coverage: which branches of a flow a trainee has rehearsed, and which not yet.

A *branch* is an option of a self-service (IVR-tier) menu, or a rung of the
escalation ladder (a transfer to a tier for a reason, seed
003_29c9fde61bf22c66.txt).  `branches(flow)` lists them from the flow itself,
`rehearsed(flow, entries)` says which ones a call went through (from its
transcript: the input of each step and where it led, the tier changes), and `CoverageLog` keeps the count per
trainee in a small JSON file (`instance/coverage.json`), so a trainee's
checklist survives restarts without touching the call store.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ivr.core.flow import Flow
from ivr.trainers.labels import labels_for

COVERAGE_FORMAT = 1
DEFAULT_TRAINEE = "trainee"
LADDER = "escalation ladder"
LADDER_ES = "escalamiento"
_TRAINEE = re.compile(r"^[\w .@'-]{1,60}$")


@dataclass(frozen=True)
class Branch:
    """One thing a trainee can rehearse: `id` is stable (`main_menu:5`, `tier:<reason>:<tier>`)."""

    id: str
    group: str
    label: str


@dataclass(frozen=True)
class ChecklistItem:
    branch: Branch
    count: int

    @property
    def done(self) -> bool:
        return self.count > 0


@dataclass(frozen=True)
class Checklist:
    """A trainee's checklist for one flow."""

    trainee: str
    flow_id: str
    rehearsals: int
    items: tuple[ChecklistItem, ...]

    @property
    def done(self) -> int:
        return sum(1 for item in self.items if item.done)

    @property
    def total(self) -> int:
        return len(self.items)

    def to_dict(self) -> dict[str, Any]:
        return {
            "trainee": self.trainee,
            "flow": self.flow_id,
            "rehearsals": self.rehearsals,
            "done": self.done,
            "total": self.total,
            "items": [
                {"id": i.branch.id, "group": i.branch.group, "label": i.branch.label, "count": i.count, "done": i.done}
                for i in self.items
            ],
        }

    def render(self) -> str:
        """The checklist as text: one line per branch, grouped by menu."""
        rehearsals = f"{self.rehearsals} rehearsal{'s' if self.rehearsals != 1 else ''}"
        lines = [f"Rehearsal coverage for {self.trainee}: {self.flow_id}: {self.done} of {self.total} branches rehearsed ({rehearsals})"]
        group = None
        for item in self.items:
            if item.branch.group != group:
                group = item.branch.group
                lines.append(f"  {group}")
            mark = "[x]" if item.done else "[ ]"
            times = f"  ({item.count}x)" if item.done else ""
            lines.append(f"    {mark} {item.branch.label}{times}")
        return "\n".join(lines) + "\n"


def branches(flow: Flow, language: str = "en") -> tuple[Branch, ...]:
    """Every branch of `flow` a trainee should rehearse: IVR menu options, then the escalation ladder.

    Groups and labels are plain words from the flow (`ivr.trainers.labels`) in `language`;
    the ids (`main_menu:8`) are for the author view and the records.
    """
    labels = labels_for(flow, language)
    found: list[Branch] = []
    for state in flow.states.values():
        if state.kind == "menu" and state.tier == "ivr":
            for option in state.options:
                found.append(Branch(f"{state.name}:{option.key}", labels.state(state.name), labels.option(state.name, option.key)))
    ladder: dict[str, Branch] = {}
    group = LADDER if language == "en" else LADDER_ES
    for state in flow.states.values():
        if state.kind == "transfer" and state.to is not None and state.reason is not None:
            branch_id = f"tier:{state.reason}:{state.to}"
            words = f"{labels.words('to')} {labels.tier(state.to)}: {labels.reason(state.reason)}"
            ladder.setdefault(branch_id, Branch(branch_id, group, _capital(words)))
    return tuple(found) + tuple(ladder.values())


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def rehearsed(flow: Flow, entries: Iterable[Mapping[str, Any]]) -> set[str]:
    """The branches of `flow` a call went through, from its transcript entries (`CallService`'s format).

    A menu option counts when the step's input chose it: its key, or a phrase that led to its
    target (language options told apart by the language the call then spoke).
    """
    done: set[str] = set()
    for entry in entries:
        if entry.get("type") != "step":
            continue
        option = _chosen_option(flow, entry)
        if option is not None:
            done.add(option)
        for change in entry.get("tier_changes") or ():
            done.add(f"tier:{change.get('reason')}:{change.get('to')}")
    known = {branch.id for branch in branches(flow)}
    return done & known


def _chosen_option(flow: Flow, entry: Mapping[str, Any]) -> str | None:
    state = flow.states.get(str(entry.get("state_before", "")))
    entered = entry.get("entered") or ()
    if state is None or state.kind != "menu" or state.tier != "ivr" or not entered:
        return None
    given = entry.get("input") or {}
    if given.get("kind") == "digits":
        option = state.option(str(given.get("value", "")))
        return f"{state.name}:{option.key}" if option is not None and option.goto == entered[0] else None
    if given.get("kind") != "speech":
        return None
    candidates = [o for o in state.options if o.goto == entered[0]]
    if len(candidates) > 1:
        candidates = [o for o in candidates if o.language == entry.get("language")] or candidates
    return f"{state.name}:{candidates[0].key}" if candidates else None


def trainee_name(raw: str | None) -> str:
    """A trainee's name as given, or the default; refuses names that could not be a person's."""
    name = " ".join((raw or "").split()) or DEFAULT_TRAINEE
    if not _TRAINEE.match(name):
        raise ValueError(f"'{name[:60]}' is not a trainee name (letters, digits, spaces, . @ ' - ; at most 60)")
    return name


class CoverageLog:
    """Branch counts per trainee and flow, in one JSON file (written atomically)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()

    def record(self, trainee: str, flow: Flow, entries: Iterable[Mapping[str, Any]]) -> set[str]:
        """Count the branches one finished call went through (from its transcript entries); returns them."""
        done = rehearsed(flow, entries)
        with self._lock:
            data = self._read()
            entry = data["trainees"].setdefault(trainee, {}).setdefault(flow.id, {"rehearsals": 0, "branches": {}})
            entry["rehearsals"] += 1
            for branch_id in done:
                entry["branches"][branch_id] = entry["branches"].get(branch_id, 0) + 1
            self._write(data)
        return done

    def checklist(self, trainee: str, flow: Flow) -> Checklist:
        with self._lock:
            entry = self._read()["trainees"].get(trainee, {}).get(flow.id, {"rehearsals": 0, "branches": {}})
        counts: dict[str, int] = entry.get("branches", {})
        items = tuple(ChecklistItem(branch, int(counts.get(branch.id, 0))) for branch in branches(flow))
        return Checklist(trainee, flow.id, int(entry.get("rehearsals", 0)), items)

    def trainees(self) -> list[str]:
        with self._lock:
            return sorted(self._read()["trainees"])

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {"format": COVERAGE_FORMAT, "trainees": {}}
        except (OSError, json.JSONDecodeError) as exc:
            raise ValueError(f"{self.path}: not a coverage file ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("trainees"), dict):
            raise ValueError(f"{self.path}: not a coverage file (no 'trainees')")
        return data

    def _write(self, data: dict[str, Any]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle, temp = tempfile.mkstemp(prefix=".coverage-", suffix=".json", dir=self.path.parent)
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(data, out, indent=1, sort_keys=True)
        os.replace(temp, self.path)
