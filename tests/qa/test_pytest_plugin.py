"""The pytest plugin: plain `pytest` collects test calls and transcripts and fails with the replay diff."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from ivr.qa import transcript as transcripts

from .conftest import HERE, Record

CALLS = HERE.parent / "calls"


def run_pytest(folder: Path) -> subprocess.CompletedProcess[str]:
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "pytest", str(folder), "-p", "no:cacheprovider", "-q", "-rN"],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=120,
    )


def test_pytest_collects_test_calls_and_transcripts(record: Record, tmp_path: Path) -> None:
    """A `*.call.yaml` and a `*.transcript.yaml` are two tests; both pass."""
    shutil.copy(CALLS / "hours.call.yaml", tmp_path / "hours.call.yaml")
    transcripts.write(record("1", "5", "1"), tmp_path / "recorded" / "tdd.transcript.yaml")
    (tmp_path / "other.yaml").write_text("not: a test\n", encoding="utf-8")
    result = run_pytest(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "2 passed" in result.stdout


def test_a_failing_test_call_shows_the_replay_diff(tmp_path: Path) -> None:
    """The failure report is the same diff `ivr replay` prints, not a Python traceback."""
    text = (CALLS / "goodbye.call.yaml").read_text(encoding="utf-8").replace("hung_up: true", "hung_up: false")
    (tmp_path / "goodbye.call.yaml").write_text(text, encoding="utf-8")
    result = run_pytest(tmp_path)
    assert result.returncode == 1
    assert "- expected the call to go on" in result.stdout
    assert "+ now      it ended" in result.stdout
    assert "Traceback" not in result.stdout and "1 failed" in result.stdout
