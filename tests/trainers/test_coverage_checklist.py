"""Rehearsal coverage: branches of a flow, which ones a call went through, a trainee's checklist."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ivr.cli import main
from ivr.definitions.flows import load_flow
from ivr.trainers.coverage import CoverageLog, branches, rehearsed, trainee_name
from ivr.trainers.practice import PracticeCall


@pytest.fixture
def flow(small_flow):
    return load_flow(small_flow)


def _finished_call(runtime, *keys: str):
    call = PracticeCall(runtime.calls)
    call.start()
    for key in keys:
        call.press(key)
    call.hang_up()
    return runtime.store.transcript(call.call_sid)


def test_branches_are_ivr_menu_options_and_the_escalation_ladder(flow) -> None:
    """Seed 003_29c9fde61bf22c66.txt: besides self-service options, trainees rehearse the move to Tier 1."""
    ids = [branch.id for branch in branches(flow)]

    assert ids == [
        "language:1", "language:2", "main_menu:1", "main_menu:9",
        "tier:caller_requested_live_assistance:tier1",
        "tier:caller_requested_supervisor:supervisor",
        "tier:caller_upset_resolution_improper:supervisor",
    ]


def test_a_call_rehearses_the_options_it_chose_and_the_tiers_it_reached(flow, small_runtime) -> None:
    """Pressing 1 (English), 1 (hours), 0 (representative) covers those three branches and nothing else."""
    entries = _finished_call(small_runtime, "1", "1", "0")

    assert rehearsed(flow, entries) == {"language:1", "main_menu:1", "tier:caller_requested_live_assistance:tier1"}


def test_tier_1_menus_are_not_self_service_branches(flow, small_runtime) -> None:
    """Choosing an option of the simulated representative's menu is not an IVR branch."""
    entries = _finished_call(small_runtime, "1", "0", "2")

    assert "tier1.greeting:2" not in rehearsed(flow, entries)


@pytest.mark.parametrize(("said", "branch"), [("english", "language:1"), ("spanish", "language:2")], ids=["english", "spanish"])
def test_a_spoken_choice_counts_for_the_option_it_chose(flow, small_runtime, said: str, branch: str) -> None:
    """Saying a topic counts like pressing its key, even when two options lead to the same menu."""
    call = PracticeCall(small_runtime.calls)
    call.start()
    call.say(said)

    assert rehearsed(flow, small_runtime.store.transcript(call.call_sid)) == {branch}


def test_the_checklist_counts_rehearsals_per_trainee(flow, small_runtime, tmp_path: Path) -> None:
    """Each finished rehearsal adds to its trainee's counts; other trainees' checklists are untouched."""
    log = CoverageLog(tmp_path / "coverage.json")
    log.record("Ana", flow, _finished_call(small_runtime, "1", "1", "9"))
    log.record("Ana", flow, _finished_call(small_runtime, "1", "9"))

    ana = log.checklist("Ana", flow)
    ben = log.checklist("Ben", flow)

    counts = {item.branch.id: item.count for item in ana.items}
    assert (ana.rehearsals, ana.done, ana.total) == (2, 3, 7)
    assert counts == {"language:1": 2, "language:2": 0, "main_menu:1": 1, "main_menu:9": 2,
                      "tier:caller_requested_live_assistance:tier1": 0,
                      "tier:caller_requested_supervisor:supervisor": 0,
                      "tier:caller_upset_resolution_improper:supervisor": 0}
    assert (ben.rehearsals, ben.done) == (0, 0)


def test_the_checklist_survives_in_its_file(flow, small_runtime, tmp_path: Path) -> None:
    """Coverage is kept in a JSON file, so a new log over the same file sees earlier rehearsals."""
    path = tmp_path / "coverage.json"
    CoverageLog(path).record("Ana", flow, _finished_call(small_runtime, "2"))

    again = CoverageLog(path).checklist("Ana", flow)

    assert [item.branch.id for item in again.items if item.done] == ["language:2"]
    assert json.loads(path.read_text())["format"] == 1


def test_the_checklist_renders_done_and_not_yet_done_branches(flow, small_runtime, tmp_path: Path) -> None:
    """The text checklist marks rehearsed branches [x] with their count and the rest [ ]."""
    log = CoverageLog(tmp_path / "coverage.json")
    log.record("Ana", flow, _finished_call(small_runtime, "1", "0"))

    text = log.checklist("Ana", flow).render()

    assert "2 of 7 branches rehearsed (1 rehearsal)" in text
    assert "    [x] Press 1: English  (1x)" in text
    assert "    [ ] Press 2: Spanish" in text


@pytest.mark.parametrize(("raw", "name"), [(None, "trainee"), ("  Ana   Torres ", "Ana Torres")], ids=["default", "spaces"])
def test_trainee_names_are_tidied(raw, name) -> None:
    """No name gives the default trainee; extra spaces are dropped."""
    assert trainee_name(raw) == name


def test_a_trainee_name_cannot_be_a_path() -> None:
    """Names with slashes or markup are refused."""
    with pytest.raises(ValueError, match="not a trainee name"):
        trainee_name("../../etc/passwd")


def test_ivr_coverage_prints_the_checklist(runner, small_flow, small_runtime, tmp_path: Path) -> None:
    """`ivr coverage FLOW --trainee NAME` prints that trainee's checklist from the instance folder."""
    flow = load_flow(small_flow)
    CoverageLog(tmp_path / "coverage.json").record("Ana", flow, _finished_call(small_runtime, "1", "9"))

    result = runner.invoke(main, ["coverage", str(small_flow), "--trainee", "Ana", "--instance", str(tmp_path)])

    assert result.exit_code == 0, result.output
    assert "Rehearsal coverage for Ana: rehearsal_demo: 2 of 7 branches rehearsed" in result.output
    assert "[x] Press 9: ending this call" in result.output


def test_ivr_coverage_on_a_damaged_coverage_file_is_one_line(tmp_path: Path) -> None:
    """`ivr coverage` on a coverage.json that is not JSON says so in one line, exit 1, no traceback."""
    from click.testing import CliRunner

    from ivr.cli import main

    (tmp_path / "coverage.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(main, ["coverage", "--instance", str(tmp_path)])
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith(f"Error: {tmp_path / 'coverage.json'}: not a coverage file")
