"""Replay coverage: the states and machine transitions a set of calls exercised, and what it never reached."""

from __future__ import annotations

from pathlib import Path

import pytest

from ivr.qa.coverage import measure, states_of, transitions_of
from ivr.qa.replay import Replayer

from .conftest import DATA

FLOW = DATA / "identifiers_flow.yaml"


@pytest.fixture(scope="module")
def small() -> Replayer:
    return Replayer({"FLOWS": [str(FLOW)], "DEFAULT_FLOW": "identifiers"})


def _call(tmp_path: Path, *presses: str) -> Path:
    steps = "".join(f'  - press: "{keys}"\n' for keys in presses)
    path = tmp_path / f"call{len(presses)}.call.yaml"
    path.write_text(f"version: 1\nname: x\nclock: 2026-11-23T10:00:00-05:00\nsteps:\n{steps}", encoding="utf-8")
    return path


def test_the_transitions_are_the_machines(small: Replayer) -> None:
    """Transitions are (source, trigger, dest) of the compiled machine, read-backs and escalations included."""
    found = transitions_of(small.flows["identifiers"])
    assert ("a_number", "collected", "a_number.confirm") in found
    assert ("a_number.confirm", "rejected", "a_number") in found
    assert ("phone.confirm", "escalate_max_attempts", "goodbye") in found
    assert ("thanks", "next", "goodbye") in found
    assert states_of(small.flows["identifiers"]) == ["a_number", "a_number.confirm", "goodbye", "phone", "phone.confirm", "thanks"]


def test_coverage_counts_what_the_calls_exercised(small: Replayer, tmp_path: Path) -> None:
    """A call that stops at the phone question reaches three of six states; a complete one reaches all six."""
    partial = small.replay_path(_call(tmp_path, "099900102", "1"))
    [coverage] = measure(small.flows, [partial])
    assert (coverage.states_reached, len(coverage.states)) == (3, 6)
    assert coverage.missing_states() == ["goodbye", "phone.confirm", "thanks"]
    complete = small.replay_path(_call(tmp_path, "099900102", "1", "2025550143", "1"))
    [coverage] = measure(small.flows, [partial, complete])
    assert coverage.state_share == 1.0
    assert ("a_number.confirm", "rejected", "a_number") in coverage.missing_transitions()


def test_the_report_lists_what_was_never_reached(small: Replayer, tmp_path: Path) -> None:
    """The report gives both shares, then the states and transitions no call reached."""
    [coverage] = measure(small.flows, [small.replay_path(_call(tmp_path, "099900102", "1"))])
    report = coverage.report().splitlines()
    assert report[:3] == [
        "Coverage of flow identifiers (1 file):",
        "  states       3 of 6 (50.0%)",
        f"  transitions  2 of {len(coverage.transitions)} ({2 / len(coverage.transitions):.1%})",
    ]
    assert "  thanks" in report and "  phone --collected--> phone.confirm" in report
