"""Scenario files are data, validated at load with every problem as `file:line: where: what`."""

from __future__ import annotations

from pathlib import Path

import pytest

from ivr.console.scenarios import load_scenario
from ivr.definitions.cases import DEMO_CASES_PATH, load_cases
from ivr.errors import DefinitionError

SCRIPTS = {"card-not-received", "ice-checkin"}
BROKEN = """\
version: 1
title: Broken
seat: tier3
clock: 2026-11-23T10:00:00
case: XYZ0000000000
persona:
  language: fr
  goal: g
  opening: o
  mood: angry
  answers: {no-such-script: hi}
expected:
  escalation: supervisor
  good_cause: boredom
"""


def test_every_problem_of_a_scenario_file_is_reported_with_its_line(tmp_path: Path) -> None:
    """DESIGN.md: definitions are validated at load, all errors of a file at once, as file:line: where: what."""
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN)
    with pytest.raises(DefinitionError) as caught:
        load_scenario(path, load_cases(DEMO_CASES_PATH), SCRIPTS)
    text = str(caught.value)
    for expected in (
        "broken.yaml:3: seat: unknown value 'tier3' (allowed: tier1, tier2, supervisor)",
        "broken.yaml:4: clock: '2026-11-23T10:00:00' has no UTC offset",
        "broken.yaml:5: case: no case 'XYZ0000000000' in the case data",
        "broken.yaml:7: persona.language: unknown value 'fr' (allowed: en, es)",
        "broken.yaml:10: persona.mood: unknown key 'mood'",
        "broken.yaml:11: persona.answers.no-such-script: unknown script 'no-such-script'",
        "broken.yaml:13: expected: give supervisor_reason exactly when escalation is supervisor",
        "broken.yaml:14: expected.good_cause: unknown value 'boredom'",
    ):
        assert expected in text, text


def test_ivr_validate_checks_scenario_files(tmp_path: Path) -> None:
    """`ivr validate` recognises a scenario file and reports its problems with their lines."""
    from ivr.trainers.validate import validate

    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN)
    report = validate([path])
    assert not report.ok
    assert any(p.line == 3 and p.where == "seat" for p in report.problems)


def test_every_shipped_scenario_validates() -> None:
    """The corpus: every scenario in scenarios/ loads against the demo data and the script library."""
    from ivr.trainers.validate import shipped, validate

    scenarios = [path for kind, path in shipped() if kind == "scenario"]
    assert len(scenarios) >= 12
    assert validate(scenarios).ok
