"""`ivr validate`: flows, scripts, case data and the directory, with `file:line` errors and exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ivr.cli import main

ROOT = Path(__file__).resolve().parents[2]

BROKEN_FLOW = """\
version: 1
id: broken
start: menu
keys:
  representative: {key: "0"}
  repeat: {key: "*"}
  previous: {key: "#"}
messages:
  global_keys: {en: "Keys.", es: "Teclas."}
  confirm: {en: "Heard {value}.", es: "Escuché {value}."}
  apology: {en: "Sorry.", es: "Perdón."}
escalation: {representative: bye, max_attempts: bye}
states:
  menu:
    kind: menu
    prompt: {en: "Menu.", es: "Menú."}
    options:
      "1": {topic: {en: hours, es: horario}, goto: hourz}
  bye:
    kind: hangup
    prompt: {en: "Bye.", es: "Adiós."}
"""


@pytest.fixture(autouse=True)
def _at_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths are shown relative to the working folder: work from the repository root."""
    monkeypatch.chdir(ROOT)


@pytest.fixture
def broken_flow(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN_FLOW, encoding="utf-8")
    return path


def test_the_shipped_definitions_are_clean(runner) -> None:
    """With no arguments every shipped flow, the scripts, the demo cases and the directory are checked: exit 0."""
    result = runner.invoke(main, ["validate"])

    assert result.exit_code == 0, result.output
    checked = [line for line in result.output.splitlines() if line.startswith("checked ")]
    assert any("flows/uscis_contact_center.yaml: flow uscis_contact_center" in line for line in checked)
    assert any("scripts" in line for line in checked)
    assert any("demo_cases.yaml" in line for line in checked)
    assert any("directory.yaml" in line for line in checked)


def test_a_broken_flow_prints_file_and_line_and_exits_1(runner, broken_flow: Path) -> None:
    """DESIGN.md 'Definitions are data': an unknown target is reported as file:line: where: what, exit 1."""
    result = runner.invoke(main, ["validate", str(broken_flow)])

    assert result.exit_code == 1
    assert f"{broken_flow}:18: states.menu.options['1'].goto: unknown target 'hourz'" in result.output


def test_every_problem_of_every_file_is_reported_at_once(runner, broken_flow: Path, tmp_path: Path) -> None:
    """Two broken files give both files' problems in one run."""
    other = tmp_path / "cases.yaml"
    shutil.copy(Path("tests/data/cases/broken/bad_receipt_number.yaml"), other)

    result = runner.invoke(main, ["validate", str(broken_flow), str(other)])

    assert result.exit_code == 1
    assert "unknown target 'hourz'" in result.output
    assert f"{other}:4: cases[0].receipt_number:" in result.output


def test_a_flow_fragment_is_checked_through_the_flow_that_includes_it(runner) -> None:
    """Naming an `include:`d file checks the whole flow it belongs to."""
    result = runner.invoke(main, ["validate", "flows/uscis_contact_center/self_service.yaml"])

    assert result.exit_code == 0, result.output
    assert "checked flows/uscis_contact_center.yaml: flow uscis_contact_center" in result.output


def test_a_script_version_file_checks_its_whole_library(runner) -> None:
    """A script file is checked with its library (menu keys may clash across scripts)."""
    version = min(Path("scripts").glob("*/v1.yaml"))

    result = runner.invoke(main, ["validate", str(version)])

    assert result.exit_code == 0, result.output
    assert "checked scripts:" in result.output


@pytest.mark.parametrize(
    ("content", "what"),
    [(None, "file not found"), ("just: text\n", "not a flow, script, case-data, directory, test call or transcript file")],
    ids=["missing", "unknown-kind"],
)
def test_a_file_that_is_not_a_definition_is_an_error(runner, tmp_path: Path, content: str | None, what: str) -> None:
    """A missing file, or one of no known kind, is reported with its name and exits 1."""
    path = tmp_path / "thing.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")

    result = runner.invoke(main, ["validate", str(path)])

    assert result.exit_code == 1
    assert f"{path}:1: {what}" in result.output


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("states:\n  x: {kind: hangup}\n", id="fragment-no-flow-includes"),
        pytest.param("id: x\nstates:\n  x: {kind: hangup}\n", id="flow-without-version"),
        pytest.param(BROKEN_FLOW, id="unknown-target"),
    ],
)
def test_validate_and_rehearse_say_the_same_about_a_file(runner, tmp_path: Path, text: str) -> None:
    """Issue 17: `ivr rehearse FILE` loads through `ivr validate`'s path, so both list the same problems, and both exit 1."""
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    validated = runner.invoke(main, ["validate", str(path)])
    rehearsed = runner.invoke(main, ["rehearse", str(path), "--instance", str(tmp_path)], input="")
    problems = [line for line in validated.stdout.splitlines() if line.startswith(str(path.name)) or "bad.yaml:" in line]
    problems = [line for line in problems if not line.startswith("checked ")]
    assert validated.exit_code == rehearsed.exit_code == 1
    assert problems and rehearsed.stderr.splitlines() == problems


def test_validate_recognises_a_test_call(runner) -> None:
    """Issue 17: a `*.call.yaml` is checked as a test call (its names against the flow), not refused as a transcript."""
    result = runner.invoke(main, ["validate", "tests/calls/hours.call.yaml"])
    assert result.exit_code == 0, result.output
    assert "checked tests/calls/hours.call.yaml: test call 'Our hours'" in result.stdout


def test_validate_reports_every_problem_of_a_test_call(runner, tmp_path: Path) -> None:
    """A test call with an unknown key and a state the flow lacks gets both problems from `ivr validate`."""
    text = (ROOT / "tests" / "calls" / "hours.call.yaml").read_text(encoding="utf-8")
    text = text.replace("name:", "title: x\nname:", 1).replace("state: main_menu", "state: main_mneu")
    path = tmp_path / "broken.call.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "title: unknown key 'title'" in result.stdout
    assert "no state 'main_mneu' in flow uscis_contact_center (did you mean 'main_menu'?)" in result.stdout


def test_a_test_calls_cases_file_is_checked_too(tmp_path: Path) -> None:
    """`ivr validate x.call.yaml` reports the faults of the case data it names (it said "No problems"; replay then failed)."""
    from click.testing import CliRunner

    from ivr.cli import main

    (tmp_path / "cases.yaml").write_text("version: 1\ncases:\n  - receipt_number: XYZ123\n    form: I-765\n", encoding="utf-8")
    call = tmp_path / "x.call.yaml"
    call.write_text('version: 1\nname: x\nclock: 2026-11-23T10:00:00-05:00\ncases_file: cases.yaml\nsteps:\n  - press: "1"\n',
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(call)])
    assert result.exit_code == 1
    assert f"{tmp_path / 'cases.yaml'}:3: cases[0]: missing required key 'status'" in result.output
