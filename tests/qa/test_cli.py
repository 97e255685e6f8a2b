"""`ivr replay` and `ivr transcripts export`: what they print, write and exit with."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivr.cli import main
from ivr.qa import transcript as transcripts

from .conftest import HERE, Record

CALLS = HERE.parent / "calls"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def two_calls(tmp_path: Path) -> Path:
    """A folder with one passing and one failing test call."""
    folder = tmp_path / "calls"
    (folder / "nested").mkdir(parents=True)
    shutil.copy(CALLS / "hours.call.yaml", folder / "hours.call.yaml")
    text = (CALLS / "goodbye.call.yaml").read_text(encoding="utf-8").replace("hung_up: true", "hung_up: false")
    (folder / "nested" / "goodbye.call.yaml").write_text(text, encoding="utf-8")
    return folder


def test_replay_prints_a_line_per_file_and_the_count(runner: CliRunner, two_calls: Path) -> None:
    """A PASS or FAIL line per file, the failure's diff indented under it, and exactly `N passed, N failed` last."""
    result = runner.invoke(main, ["replay", str(two_calls)])
    lines = result.output.splitlines()
    assert result.exit_code == 1
    assert lines[0] == f"PASS {two_calls / 'hours.call.yaml'}"
    assert lines[1] == f"FAIL {two_calls / 'nested' / 'goodbye.call.yaml'}"
    assert lines[2].startswith("    step 3 of 4 (") and "- expected the call to go on" in result.output
    assert lines[-1] == "1 passed, 1 failed"


def test_replay_exits_zero_when_every_file_passes(runner: CliRunner) -> None:
    """Exit status 0 when everything passes."""
    result = runner.invoke(main, ["replay", "-q", str(CALLS / "hours.call.yaml"), str(CALLS / "goodbye.call.yaml")])
    assert (result.exit_code, result.output) == (0, "2 passed, 0 failed\n")


def test_replay_writes_junit_xml(runner: CliRunner, two_calls: Path, tmp_path: Path) -> None:
    """`--junit-xml` writes a test case per file; the failing one carries its diff."""
    report = tmp_path / "report.xml"
    runner.invoke(main, ["replay", "-q", "--junit-xml", str(report), str(two_calls)])
    suite = ET.parse(report).getroot()
    assert (suite.tag, suite.get("tests"), suite.get("failures")) == ("testsuite", "2", "1")
    [failure] = suite.iter("failure")
    assert failure.text is not None and "- expected the call to go on" in failure.text


def test_replay_reports_coverage(runner: CliRunner) -> None:
    """`--coverage` gives the share of states and transitions and lists what was never reached."""
    result = runner.invoke(main, ["replay", "-q", "--coverage", str(CALLS / "hours.call.yaml")])
    lines = result.output.splitlines()
    assert lines[0] == "Coverage of flow uscis_contact_center (1 file):"
    assert lines[1].startswith("  states       3 of ")
    assert "States never reached:" in lines and "  goodbye" in lines
    assert "  main_menu --select_9--> goodbye" in lines


def test_replay_runs_on_several_processes(runner: CliRunner, two_calls: Path) -> None:
    """`--jobs 2` gives the same lines and count as one process."""
    result = runner.invoke(main, ["replay", "-q", "--jobs", "2", str(two_calls)])
    assert result.output.splitlines()[-1] == "1 passed, 1 failed"


def test_replay_of_a_folder_without_calls_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    """A path with nothing to replay is a user error (exit 1), not a silent pass."""
    result = runner.invoke(main, ["replay", str(tmp_path)])
    assert result.exit_code == 1 and "no *.call.yaml or *.transcript.yaml files" in result.output


def test_accept_rewrites_a_failing_transcript(runner: CliRunner, record: Record, tmp_path: Path) -> None:
    """`--accept` re-records a failing transcript with what is heard now; it then passes."""
    recorded = record("1", "8")
    path = transcripts.write(recorded, tmp_path / "hours.transcript.yaml")
    path.write_text(path.read_text(encoding="utf-8").replace("available 24 hours a day", "open all day"), encoding="utf-8")
    assert runner.invoke(main, ["replay", "-q", str(path)]).exit_code == 1
    accepted = runner.invoke(main, ["replay", "-q", "--accept", str(path)])
    assert accepted.exit_code == 0 and f"accepted {path}" in accepted.output
    assert runner.invoke(main, ["replay", "-q", str(path)]).output == "1 passed, 0 failed\n"


@pytest.fixture
def database(make_app, tmp_path: Path) -> tuple[str, object]:
    """A SQLite store with calls recorded through the webhooks."""
    url = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    app = make_app(DATABASE_URL=url)
    from ivr.testing import PhoneCall

    from .conftest import drive

    for caller, inputs in (("+12135550102", ("1", "1", "2690250102#", "1", "04121990")), ("+12025550143", ("1", "8"))):
        call = PhoneCall(app, app.config["TWILIO_AUTH_TOKEN"], caller=caller)
        call.start()
        drive(call, inputs)
    return url, app


def test_export_writes_redacted_transcripts_that_replay(runner: CliRunner, database, tmp_path: Path) -> None:
    """`ivr transcripts export` writes one redacted file per call; `ivr replay` passes them."""
    url, _ = database
    out = tmp_path / "out"
    result = runner.invoke(main, ["transcripts", "export", "--db", url, "-o", str(out)])
    assert result.exit_code == 0, result.output
    files = sorted(out.glob("*.transcript.yaml"))
    assert len(files) == 2 and result.output.splitlines()[-1] == f"2 transcripts exported (redacted) to {out}"
    text = "".join(path.read_text(encoding="utf-8") for path in files)
    assert "2690250102" not in text and "+12135550102" not in text and "redacted: true" in text
    assert runner.invoke(main, ["replay", "-q", str(out)]).output == "2 passed, 0 failed\n"


def test_export_keeps_identifiers_only_when_asked(runner: CliRunner, database, tmp_path: Path) -> None:
    """`--keep-pii` keeps the real values; it must be asked for explicitly."""
    url, _ = database
    out = tmp_path / "out"
    runner.invoke(main, ["transcripts", "export", "--db", url, "-o", str(out), "--keep-pii"])
    text = "".join(path.read_text(encoding="utf-8") for path in out.glob("*.transcript.yaml"))
    assert "WAC2690250102" in text and "redacted: false" in text


def test_a_definition_error_is_printed_as_file_and_line(runner: CliRunner, tmp_path: Path) -> None:
    """Broken flows given to `ivr replay` are reported as their `file:line` problems, exit 1, no traceback."""
    flow = tmp_path / "broken.yaml"
    flow.write_text("version: 1\nid: broken\n", encoding="utf-8")
    result = runner.invoke(main, ["replay", "--flows", str(flow), str(CALLS / "hours.call.yaml")])
    assert result.exit_code == 1
    assert "broken.yaml:1: top level: missing required key" in result.output
    assert "Traceback" not in result.output


def test_exported_transcripts_are_named_and_headed_by_what_the_call_was(runner: CliRunner, database, tmp_path: Path) -> None:
    """Issue 15: each file's name and first line give the call's topic, outcome, language and length."""
    url, _ = database
    out = tmp_path / "out"
    runner.invoke(main, ["transcripts", "export", "--db", url, "-o", str(out)])
    headings = sorted(path.read_text(encoding="utf-8").splitlines()[0] for path in out.glob("*.transcript.yaml"))
    names = sorted(path.name.split("--")[0] for path in out.glob("*.transcript.yaml"))
    assert headings == ["# our hours → left at main_menu, EN, 3 steps", "# your case status → left at case_status.menu, EN, 6 steps"]
    assert names == ["our-hours-left-at-main-menu-en-3-steps", "your-case-status-left-at-case-status-menu-en-6-steps"]


@pytest.mark.parametrize("argv", [
    ["transcripts", "export", "-o", "out"],
    ["transcripts", "purge"],
    ["report"],
    ["transcripts", "export", "--db", "sqlite:///elsewhere/calls.sqlite3", "-o", "out"],
], ids=["export", "purge", "report", "export-db"])
def test_a_store_that_does_not_exist_is_an_error_not_zero_calls(runner: CliRunner, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    """Run from the wrong folder (or with a mistyped --db), a command says no database is there instead of making an empty one and reporting 0 calls."""
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, argv, env={"IVR_DATABASE_URL": None})
    assert result.exit_code == 1, result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: no database at ") and "nothing has been recorded there" in line
    assert not (tmp_path / "instance").exists() and not (tmp_path / "elsewhere").exists()


def test_an_export_of_no_calls_leaves_the_folder_the_readme_replays_next(runner: CliRunner, tmp_path: Path) -> None:
    """README: `ivr transcripts export -o transcripts/` then `ivr replay tests/calls transcripts/` works on a store with no calls yet."""
    from ivr.store.sql import SqlStore

    SqlStore(f"sqlite:///{tmp_path / 'fresh.sqlite3'}").close()  # what `make run` leaves before any call
    out = tmp_path / "transcripts"
    result = runner.invoke(main, ["transcripts", "export", "--db", f"sqlite:///{tmp_path / 'fresh.sqlite3'}", "-o", str(out)])
    assert result.exit_code == 0 and result.output.splitlines()[-1] == f"0 transcripts exported (redacted) to {out}"
    replayed = runner.invoke(main, ["replay", str(HERE.parent / "calls" / "hours.call.yaml"), str(out)])
    assert replayed.exit_code == 0, replayed.output


def test_validate_and_replay_name_the_line_of_a_transcripts_unknown_flow(runner: CliRunner, tmp_path: Path) -> None:
    """A transcript whose flow is not loaded is `file:line: call.flow: unknown flow` in validate (which said "No problems") and in replay."""
    golden = HERE.parent / "transcripts" / "case_status_keyed.transcript.yaml"
    path = tmp_path / "x.transcript.yaml"
    path.write_text(golden.read_text(encoding="utf-8").replace("flow: uscis_contact_center", "flow: uscis_contact_centre", 1),
                    encoding="utf-8")
    expected = f"{path}:7: call.flow: unknown flow 'uscis_contact_centre' (known: uscis_contact_center)"
    validated = runner.invoke(main, ["validate", str(path)])
    assert validated.exit_code == 1 and expected in validated.output
    replayed = runner.invoke(main, ["replay", str(path)])
    assert replayed.exit_code == 1 and expected in replayed.output
