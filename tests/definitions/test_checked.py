"""`ivr validate` of the shipped tree reuses what it found valid (ivr/definitions/checked.py), and still finds every problem.

The shipped folders are copies here (`FLOWS_ROOT`, `SCRIPTS_ROOT` pointed at them) and the instance folder a
temporary one, so a test edits files freely and never touches the checkout's own cache.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest

from ivr import config as settings
from ivr.definitions import flow_cache, flows, scripts
from ivr.definitions.flow_cache import CHECKED_FLOW_NAME
from ivr.trainers import validate as validating
from ivr.trainers.validate import validate


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the shipped flow and scripts, standing for the shipped folders, and an instance folder of its own."""
    root = tmp_path / "tree"
    shutil.copytree(flows.FLOWS_ROOT, root / "flows")
    shutil.copytree(scripts.SCRIPTS_ROOT, root / "scripts")
    monkeypatch.setattr(flows, "FLOWS_ROOT", root / "flows")
    monkeypatch.setattr(scripts, "SCRIPTS_ROOT", root / "scripts")
    monkeypatch.setattr(settings, "instance_folder", lambda: tmp_path / "instance")
    monkeypatch.chdir(root)
    return root


@pytest.fixture
def flow_loads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every flow file the check had to read (not take from the cache)."""
    read: list[Path] = []
    real = flow_cache.load_flow

    def counted(path: Any, *args: Any) -> Any:
        read.append(Path(path))
        return real(path, *args)

    monkeypatch.setattr(flow_cache, "load_flow", counted)
    return read


def test_a_second_check_of_an_unchanged_flow_takes_it_from_the_instance_folder(shipped: Path, flow_loads: list[Path]) -> None:
    """The flow found valid is kept; the next check reports the same and does not read the files again."""
    flow_file = shipped / "flows" / "uscis_contact_center.yaml"
    first, second = validate([flow_file]), validate([flow_file])
    assert first.ok and second.ok and first.checked == second.checked
    assert flow_loads == [flow_file]
    assert (shipped.parent / "instance" / CHECKED_FLOW_NAME.format("uscis_contact_center")).exists()


def test_a_flow_broken_since_its_check_was_kept_is_reported_with_its_line(shipped: Path) -> None:
    """A file changed after a clean check is checked again: its problem comes back as file:line, never the kept flow."""
    flow_file = shipped / "flows" / "uscis_contact_center.yaml"
    assert validate([flow_file]).ok
    text = flow_file.read_text(encoding="utf-8")
    flow_file.write_text(text.replace("start:", "start: no_such_state\nstart_was:", 1), encoding="utf-8")
    problems = validate([flow_file]).problems
    assert problems and all(problem.path == "flows/uscis_contact_center.yaml" for problem in problems)
    assert any("no_such_state" in problem.what and problem.line > 1 for problem in problems), problems


def test_a_fragment_broken_since_the_check_was_kept_is_reported_with_its_line(shipped: Path) -> None:
    """A file the flow includes is one of the files the kept check is tied to: breaking it is found at the next run."""
    flow_file = shipped / "flows" / "uscis_contact_center.yaml"
    assert validate([flow_file]).ok
    fragment = shipped / "flows" / "uscis_contact_center" / "self_service.yaml"
    fragment.write_text(fragment.read_text(encoding="utf-8") + "\nstray: [\n", encoding="utf-8")
    problems = validate([flow_file]).problems
    assert any(problem.path == "flows/uscis_contact_center/self_service.yaml" and problem.line > 1 for problem in problems)


def test_a_flow_with_problems_is_never_kept(shipped: Path, flow_loads: list[Path]) -> None:
    """A broken flow is read and reported at every run, the same problems each time."""
    flow_file = shipped / "flows" / "uscis_contact_center.yaml"
    flow_file.write_text(flow_file.read_text(encoding="utf-8").replace("start:", "start: no_such_state\nstart_was:", 1),
                         encoding="utf-8")
    first, second = validate([flow_file]), validate([flow_file])
    assert first.problems and first.problems == second.problems
    assert len(flow_loads) == 2


def test_a_flow_outside_the_shipped_folders_is_read_every_time_and_nothing_is_kept(
    shipped: Path, flow_loads: list[Path], tmp_path: Path
) -> None:
    """A file given on the command line from elsewhere is checked from its files, with nothing written for it."""
    elsewhere = tmp_path / "mine"
    shutil.copytree(shipped / "flows", elsewhere)
    assert validate([elsewhere / "uscis_contact_center.yaml"]).ok
    assert validate([elsewhere / "uscis_contact_center.yaml"]).ok
    assert flow_loads == []  # the real loader, not the cache's
    assert not (tmp_path / "instance").exists()


def test_a_script_version_broken_since_the_check_was_kept_is_reported_with_its_line(shipped: Path) -> None:
    """The script library a check kept is tied to every version file: breaking one is found at the next run."""
    assert validate([shipped / "scripts"]).ok
    version = sorted((shipped / "scripts").glob("case-status/v*.yaml"))[-1]
    version.write_text(version.read_text(encoding="utf-8") + "\n  broken: [\n", encoding="utf-8")
    problems = validate([shipped / "scripts"]).problems
    assert problems and all(problem.path == f"scripts/case-status/{version.name}" for problem in problems)


def test_the_scenarios_use_the_kept_published_library(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A second run checks the scenarios against the published library kept by the first, not read again."""
    loads: list[Any] = []
    real = flow_cache.load_scripts

    def counted(*args: Any, **kwargs: Any) -> Any:
        loads.append(kwargs.get("include_drafts"))
        return real(*args, **kwargs)

    monkeypatch.setattr(flow_cache, "load_scripts", counted)
    scenario = validating.SCENARIOS_ROOT / "tier1-notice-not-received.yaml"
    assert validate([scenario]).ok and validate([scenario]).ok
    assert loads == [False]
