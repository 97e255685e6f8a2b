"""Figures the docs quote come from the code (issue 17: the docs said 227 states and 84 branches; the tools said otherwise).

Each test runs the command a doc shows and compares the doc's figures with today's output;
when a flow or the data changes, the message says what to paste.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivr.cli import main

ROOT = Path(__file__).resolve().parents[2]
TRAINERS = ROOT / "docs" / "trainers.md"


@pytest.fixture(autouse=True)
def _at_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def test_the_validate_example_is_what_ivr_validate_prints() -> None:
    """docs/trainers.md's `$ ivr validate` block is, line for line, what `ivr validate` prints for the shipped tree."""
    doc = TRAINERS.read_text(encoding="utf-8")
    shown = doc.split("$ ivr validate\n", 1)[1].split("No problems.", 1)[0].strip().splitlines()
    result = CliRunner().invoke(main, ["validate"])
    printed = result.stdout.split("No problems.", 1)[0].strip().splitlines()
    assert shown == printed, "paste into docs/trainers.md:\n" + "\n".join(printed)


def test_the_coverage_example_counts_the_flows_branches(tmp_path: Path) -> None:
    """The checklist example says 'N of M branches' with M the branches the default flow has today."""
    doc = TRAINERS.read_text(encoding="utf-8")
    [(shown_total,)] = [(int(m.group(1)),) for m in re.finditer(r"\d+ of (\d+) branches rehearsed", doc)]
    result = CliRunner().invoke(main, ["coverage", "--trainee", "Ana", "--instance", str(tmp_path)])
    total = int(re.search(r"\d+ of (\d+) branches", result.stdout).group(1))  # type: ignore[union-attr]
    assert shown_total == total
