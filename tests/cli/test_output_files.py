"""A file a command cannot write is one line on stderr naming it, and exit status 1, never a traceback.

Each command that writes a file is pointed at a path under a regular file (a
folder that cannot be made, whoever runs the tests); a long command checks its
outputs before it starts, so a rehearsal or a replay is not done for nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from ivr.cli import main

ROOT = Path(__file__).resolve().parents[2]
HOURS = str(ROOT / "tests" / "calls" / "hours.call.yaml")
SMALL_FLOW = str(ROOT / "tests" / "trainers" / "data" / "rehearsal_flow.yaml")

WRITERS = {
    "graph": ["graph", "-o", "{bad}/flow.svg"],
    "graph-mermaid": ["graph", "-o", "{bad}/flow.mmd"],
    "replay-junit": ["replay", HOURS, "--junit-xml", "{bad}/replay.xml"],
    "replay-html": ["replay", HOURS, "--html", "{bad}/replay.html"],
    "report-html": ["report", "-o", "{bad}/report.html"],
    "report-csv": ["report", "--csv", "{bad}/report.csv"],
    "rehearse-transcript": ["rehearse", SMALL_FLOW, "--transcript", "{bad}/call.transcript.yaml"],
    "rehearse-instance": ["rehearse", SMALL_FLOW, "--instance", "{bad}/instance"],
}


def run(tmp_path: Path, argv: list[str], input: str = "") -> Result:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder\n")
    return CliRunner().invoke(main, [arg.replace("{bad}", str(blocker)) for arg in argv], input=input)


@pytest.mark.parametrize("argv", list(WRITERS.values()), ids=list(WRITERS))
def test_an_output_that_cannot_be_written_is_one_line_and_exit_1(argv: list[str], tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The command says in one line which file it cannot write and why, and exits 1."""
    monkeypatch.chdir(tmp_path)
    result = run(tmp_path, argv, input="1\n")
    assert result.exit_code == 1, result.output
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: cannot write ") and str(tmp_path / "a-file") in line
    assert "Traceback" not in result.output


def test_a_rehearsal_refuses_an_unwritable_transcript_before_the_call(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The trainer learns the transcript cannot be saved before rehearsing, not after the call is over."""
    monkeypatch.chdir(tmp_path)
    result = run(tmp_path, WRITERS["rehearse-transcript"], input="1\n")
    assert "Rehearsing" not in result.stdout and "IVR:" not in result.stdout


def test_a_replay_refuses_an_unwritable_report_before_replaying(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`ivr replay --junit-xml` checks its file first: a day of calls is not replayed for nothing."""
    monkeypatch.chdir(tmp_path)
    result = run(tmp_path, WRITERS["replay-junit"])
    assert "PASS" not in result.stdout and "passed" not in result.stdout
