"""`ivr validate` refuses a text naming a variable nothing sets, instead of letting the caller hear "available ."."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ivr.cli import main

ROOT = Path(__file__).resolve().parents[2]
HOURS = "Representatives are available {live_assistance_hours}."


@pytest.fixture
def shipped_flow_copy(tmp_path: Path) -> Path:
    """A copy of the shipped USCIS flow and its fragments, to break."""
    shutil.copy(ROOT / "flows/uscis_contact_center.yaml", tmp_path / "uscis_contact_center.yaml")
    shutil.copytree(ROOT / "flows/uscis_contact_center", tmp_path / "uscis_contact_center")
    return tmp_path / "uscis_contact_center.yaml"


def test_a_misspelt_placeholder_fails_validate_with_its_line_and_a_suggestion(runner, shipped_flow_copy: Path) -> None:
    """`{live_hours}` in the hours prompt: exit 1, the file, line and state named, `{live_assistance_hours}` suggested."""
    text = shipped_flow_copy.read_text(encoding="utf-8")
    assert HOURS in text
    shipped_flow_copy.write_text(text.replace(HOURS, "Representatives are available {live_hours}.", 1), encoding="utf-8")
    line = next(n for n, row in enumerate(shipped_flow_copy.read_text().splitlines(), 1) if "{live_hours}" in row)

    result = runner.invoke(main, ["validate", str(shipped_flow_copy)])

    assert result.exit_code == 1, result.output
    assert (
        f"uscis_contact_center.yaml:{line}: states.hours.info.prompt.en: uses {{live_hours}}, which no collect, "
        "action or prompt variable of this flow sets; did you mean {live_assistance_hours}?"
    ) in result.output


def test_a_variable_only_an_action_of_another_flow_sets_is_refused(runner, shipped_flow_copy: Path) -> None:
    """A prompt of self-service naming `{case_details}` (only the Tier 2 action `live_case_details` sets it) is
    accepted while that action is in the flow, and refused once the flow no longer runs it."""
    fragment = shipped_flow_copy.parent / "uscis_contact_center/live_assistance.yaml"
    text = fragment.read_text(encoding="utf-8")
    ran = "run: live_case_details\n    on:\n      shown:"
    assert ran in text
    fragment.write_text(text.replace(ran, "run: read_case_status\n    on:\n      read:"), encoding="utf-8")

    result = runner.invoke(main, ["validate", str(shipped_flow_copy)])

    assert result.exit_code == 1, result.output
    assert "uses {case_details}, which no collect, action or prompt variable of this flow sets" in result.output
