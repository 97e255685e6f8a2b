"""`script_lines:` of the Tier 1 topic question is data, checked at load with `file:line: what is wrong`.

The main menu's model reads a question no script is sure of, and the line it names gives the
response scripts (issue 16).  Every menu named is a menu of the flow and every choice one of
its keys (or a global request its model knows); every script id some published version defines
(`scripts/published.lock`); a submenu's choices name the line's own scripts.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ivr.definitions.flows import FLOWS_ROOT, load_flow
from ivr.errors import DefinitionError

FRAGMENT = "uscis_contact_center/live_assistance.yaml"


def load_with(tmp_path: Path, old: str, new: str) -> list[str]:
    """The problems of the shipped flow with `old` replaced by `new` in the Tier 1 fragment, as `file:line: what`."""
    shutil.copytree(FLOWS_ROOT, tmp_path / "flows")
    fragment = tmp_path / "flows" / FRAGMENT
    text = fragment.read_text(encoding="utf-8")
    assert text.count(old) == 1
    fragment.write_text(text.replace(old, new), encoding="utf-8")
    with pytest.raises(DefinitionError) as raised:
        load_flow(tmp_path / "flows" / "uscis_contact_center.yaml")
    return [f"{Path(p.path).name}:{p.line}: {p.what}" for p in raised.value.problems]


def line_of(text: str) -> int:
    return next(number for number, line in enumerate((FLOWS_ROOT / FRAGMENT).read_text().splitlines(), 1) if text in line)


def test_the_shipped_topic_question_names_its_lines() -> None:
    """tier1.topic's lines: the main menu's model reads, the biometrics line tells its two scripts apart."""
    lines = load_flow(FLOWS_ROOT / "uscis_contact_center.yaml").states["tier1.topic"].script_lines
    assert lines is not None and lines.menu == "main_menu"
    biometrics = lines.line_for("2")
    assert biometrics is not None and biometrics.menu == "biometrics.menu"
    assert dict(biometrics.by_choice) == {"1": "biometrics-reschedule", "3": "biometrics-what-to-bring"}


def test_a_script_no_published_version_defines_is_a_load_error(tmp_path: Path) -> None:
    problems = load_with(tmp_path, '"6": {scripts: [outside-us]}', '"6": {scripts: [outside-the-us]}')
    assert any(
        p.startswith(f"live_assistance.yaml:{line_of('scripts: [outside-us]')}: no published version defines script 'outside-the-us'")
        for p in problems
    ), problems


def test_a_choice_the_menu_does_not_have_is_a_load_error(tmp_path: Path) -> None:
    problems = load_with(tmp_path, '"6": {scripts: [outside-us]}', '"0": {scripts: [outside-us]}')
    assert any("'0' is not a key of main_menu" in p for p in problems), problems


def test_a_submenu_that_is_not_a_menu_is_a_load_error(tmp_path: Path) -> None:
    problems = load_with(tmp_path, "menu: biometrics.menu", "menu: biometrics.bring")
    assert any(p.startswith(f"live_assistance.yaml:{line_of('menu: biometrics.menu')}: 'biometrics.bring' is not a menu") for p in problems), problems


def test_a_submenu_choice_naming_another_lines_script_is_a_load_error(tmp_path: Path) -> None:
    problems = load_with(tmp_path, '"3": biometrics-what-to-bring}', '"3": fax}')
    assert any("'fax' is not one of this line's scripts" in p for p in problems), problems
