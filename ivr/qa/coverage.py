"""Replay coverage: the share of a flow's states and transitions a set of calls exercised.

A transition is one of the flow's machine transitions, `(source, trigger,
dest)`, as `ivr.core.machine.compile_flow` builds them: menu options
(`select_<key>`), collects and read-backs, action outcomes, `next`, and the
escalations from every waiting state.  A state counts as reached when a call
entered it (or started in it).  `ivr replay --coverage` prints the report,
listing what no call reached, so QA knows which test calls to write next.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ivr.core.machine import CompiledFlow
from ivr.qa.replay import ReplayResult

Transition = tuple[str, str, str]


@dataclass(frozen=True)
class FlowCoverage:
    """What a set of replays exercised of one flow."""

    flow_id: str
    files: int
    states: tuple[str, ...]
    transitions: tuple[Transition, ...]
    reached: frozenset[str]
    fired: frozenset[Transition]

    @property
    def states_reached(self) -> int:
        return sum(1 for state in self.states if state in self.reached)

    @property
    def transitions_fired(self) -> int:
        return sum(1 for transition in self.transitions if transition in self.fired)

    @property
    def state_share(self) -> float:
        return self.states_reached / len(self.states) if self.states else 1.0

    @property
    def transition_share(self) -> float:
        return self.transitions_fired / len(self.transitions) if self.transitions else 1.0

    def missing_states(self) -> list[str]:
        return [state for state in self.states if state not in self.reached]

    def missing_transitions(self) -> list[Transition]:
        return [transition for transition in self.transitions if transition not in self.fired]

    def report(self) -> str:
        """The coverage as text: two share lines, then what was never reached."""
        lines = [
            f"Coverage of flow {self.flow_id} ({self.files} file{'s' if self.files != 1 else ''}):",
            f"  states       {self.states_reached} of {len(self.states)} ({self.state_share:.1%})",
            f"  transitions  {self.transitions_fired} of {len(self.transitions)} ({self.transition_share:.1%})",
        ]
        missing = self.missing_states()
        if missing:
            lines.append("States never reached:")
            lines += [f"  {state}" for state in missing]
        never = self.missing_transitions()
        if never:
            lines.append("Transitions never taken:")
            lines += [f"  {source} --{trigger}--> {dest}" for source, trigger, dest in never]
        return "\n".join(lines)


def transitions_of(compiled: CompiledFlow) -> list[Transition]:
    """Every distinct (source, trigger, dest) of the flow's shared machine, sorted."""
    found: set[Transition] = set()
    for trigger, event in compiled.machine.events.items():
        for source, transitions in event.transitions.items():
            for transition in transitions:
                found.add((source, trigger, str(transition.dest)))
    return sorted(found)


def states_of(compiled: CompiledFlow) -> list[str]:
    """Every state of the flow's machine (read-back `.confirm` states included), sorted."""
    return sorted(compiled.machine.states)


def measure(flows: Mapping[str, CompiledFlow], results: Iterable[ReplayResult]) -> list[FlowCoverage]:
    """Coverage per flow that at least one replay ran on."""
    reached: dict[str, set[str]] = {}
    fired: dict[str, set[Transition]] = {}
    files: dict[str, int] = {}
    for result in results:
        if not result.flow_id or result.flow_id not in flows:
            continue
        reached.setdefault(result.flow_id, set()).update(result.states)
        fired.setdefault(result.flow_id, set()).update(result.transitions)
        files[result.flow_id] = files.get(result.flow_id, 0) + 1
    return [
        FlowCoverage(
            flow_id,
            files[flow_id],
            tuple(states_of(flows[flow_id])),
            tuple(transitions_of(flows[flow_id])),
            frozenset(reached[flow_id]),
            frozenset(fired[flow_id]),
        )
        for flow_id in sorted(files)
    ]
