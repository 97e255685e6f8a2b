"""Coverage checklists from the trainer room's records: per trainee, and for the whole class.

A checklist lists the branches of a flow (`ivr.trainers.coverage.branches`,
in plain words) with how often they were rehearsed, from the summaries of
finished rehearsals (`ivr.web.rehearsals`).  A trainee with an assignment
("biometrics week") sees the assigned branches marked and counted apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ivr.core.flow import Flow
from ivr.trainers.coverage import Branch, branches
from ivr.trainers.labels import Labels
from ivr.web.rehearsals import Assignment, RehearsalBook


@dataclass(frozen=True)
class Item:
    branch: Branch
    count: int
    assigned: bool = False
    trainees: int = 0  # for the class: how many trainees rehearsed it

    @property
    def done(self) -> bool:
        return self.count > 0


@dataclass(frozen=True)
class Checklist:
    """A trainee's (or the class's) checklist for one flow."""

    trainee: str | None
    flow_id: str
    rehearsals: int
    items: tuple[Item, ...]
    assignment: Assignment | None = None

    @property
    def done(self) -> int:
        return sum(1 for item in self.items if item.done)

    @property
    def total(self) -> int:
        return len(self.items)

    @property
    def assigned_done(self) -> tuple[int, int]:
        chosen = [item for item in self.items if item.assigned]
        return sum(1 for item in chosen if item.done), len(chosen)

    def groups(self) -> list[tuple[str, list[Item]]]:
        found: dict[str, list[Item]] = {}
        for item in self.items:
            found.setdefault(item.branch.group, []).append(item)
        return list(found.items())

    def to_dict(self) -> dict[str, Any]:
        done, total = self.assigned_done
        return {
            "trainee": self.trainee,
            "flow": self.flow_id,
            "rehearsals": self.rehearsals,
            "done": self.done,
            "total": self.total,
            "assignment": ({"name": self.assignment.name, "done": done, "total": total} if self.assignment else None),
            "items": [
                {"id": i.branch.id, "group": i.branch.group, "label": i.branch.label, "count": i.count, "done": i.done,
                 "assigned": i.assigned}
                for i in self.items
            ],
        }


def checklist(book: RehearsalBook, flow: Flow, labels: Labels, trainee: str) -> Checklist:
    """One trainee's checklist, their assignment's branches marked."""
    rehearsals, counts = book.branch_counts(trainee, flow.id)
    assignment = book.assignment(trainee, flow.id)
    chosen = set(assignment.branches) if assignment else set()
    items = tuple(Item(branch, counts.get(branch.id, 0), branch.id in chosen) for branch in branches(flow, labels.language))
    return Checklist(trainee, flow.id, rehearsals, items, assignment)


def class_checklist(book: RehearsalBook, flow: Flow, labels: Labels, trainees: list[str]) -> Checklist:
    """The class's checklist: each branch with how many rehearsals and how many trainees covered it."""
    total = 0
    counts: dict[str, int] = {}
    people: dict[str, int] = {}
    for trainee in trainees:
        rehearsals, mine = book.branch_counts(trainee, flow.id)
        total += rehearsals
        for branch, count in mine.items():
            counts[branch] = counts.get(branch, 0) + count
            people[branch] = people.get(branch, 0) + 1
    items = tuple(Item(b, counts.get(b.id, 0), False, people.get(b.id, 0)) for b in branches(flow, labels.language))
    return Checklist(None, flow.id, total, items)
