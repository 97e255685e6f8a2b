"""A bad setting is one line on stderr naming it, and exit status 1, for every command (issue 17).

Settings come from the environment (`IVR_*`); each command is run with each bad
value, through the real `ivr` group, and must never answer with a traceback.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivr.cli import main

ROOT = Path(__file__).resolve().parents[2]
HOURS = str(ROOT / "tests" / "calls" / "hours.call.yaml")

# Every command of `ivr`, with arguments it would run with.
COMMANDS = {
    "bench": ["bench", "--quick", "--port", "8497"],
    "coverage": ["coverage"],
    "flows": ["flows", "list"],
    "graph": ["graph"],
    "load": ["load", "http://127.0.0.1:8499", "--token", "x", "-n", "1"],
    "native": ["native", "--check"],
    "rehearse": ["rehearse"],
    "understand": ["understand", "uscis_contact_center", "hours"],
    "replay": ["replay", HOURS],
    "report": ["report"],
    "scripts": ["scripts", "list"],
    "serve": ["serve", "--port", "8498"],
    "transcripts": ["transcripts", "export", "-o", "exported"],
    "users": ["users", "list"],
    "validate": ["validate"],
}

BAD_SETTINGS = [
    pytest.param("IVR_CLOCK", "tomorrow", "CLOCK: 'tomorrow' is not an ISO 8601 date and time", id="clock-not-a-time"),
    pytest.param("IVR_CLOCK", "2026-11-23T10:00:00", "CLOCK: '2026-11-23T10:00:00' has no UTC offset", id="clock-naive"),
    pytest.param("IVR_TIER_ROUTING", "{tier1", "TIER_ROUTING: not valid JSON", id="routing-not-json"),
    pytest.param("IVR_TIER_ROUTING", '{"tier9": {"kind": "queue", "target": "q"}}', "TIER_ROUTING: unknown tier 'tier9'",
                 id="routing-unknown-tier"),
    pytest.param("IVR_CASES_FILE", "/nowhere/cases.yaml", "CASES_FILE: no such file '/nowhere/cases.yaml'", id="cases-missing"),
    pytest.param("IVR_DATABASE_URL", "mysql://root@localhost/ivr", "DATABASE_URL: 'mysql://root@localhost/ivr' is not a database URL",
                 id="database-unsupported"),
    pytest.param("IVR_DATABASE_URL", "sqlite:////etc/hostname/calls.sqlite3",
                 "DATABASE_URL: cannot put the SQLite file in '/etc/hostname': '/etc/hostname' is a file", id="database-under-a-file"),
]


def test_every_command_is_covered() -> None:
    """The table above names every command of `ivr`, so a new command gets checked too."""
    import click

    assert set(COMMANDS) == set(main.list_commands(click.Context(main)))


@pytest.mark.parametrize(("variable", "value", "message"), BAD_SETTINGS)
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_bad_setting_is_one_line_and_exit_1(command: str, variable: str, value: str, message: str,
                                              tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`IVR_X=bad ivr <command>` prints one line on stderr naming the setting and what is wrong, and exits 1."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, COMMANDS[command], env={variable: value}, input="")
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ") and message in lines[0]
    assert "Traceback" not in result.output


@pytest.mark.parametrize("command", ["serve", "transcripts", "users"])
def test_an_unreachable_database_is_one_line(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Commands that open the database say, in one line, that DATABASE_URL cannot be opened and why (here: refused)."""
    monkeypatch.chdir(tmp_path)
    url = "postgresql://ivr:secret@127.0.0.1:8499/none"  # nothing listens on this project port
    result = CliRunner().invoke(main, COMMANDS[command], env={"IVR_DATABASE_URL": url})
    assert result.exit_code == 1
    [line] = result.stderr.strip().splitlines()
    assert line.startswith("Error: DATABASE_URL: cannot open the database:") and "refused" in line
    assert "secret" not in line


@pytest.mark.parametrize(("command", "args"), [("rehearse", ["rehearse"]), ("transcripts", ["transcripts", "export"])])
def test_a_bad_db_option_is_one_line(command: str, args: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--db` is checked like DATABASE_URL, and the line names `--db`."""
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, [*args, "--db", "sqlite:////etc/hostname/x.sqlite3"], input="")
    assert result.exit_code == 1
    assert result.stderr.strip() == ("Error: --db: cannot put the SQLite file in '/etc/hostname': "
                                     "'/etc/hostname' is a file, not a folder")


@pytest.mark.skipif(not (ROOT / ".venv" / "bin" / "ivr").exists(), reason="needs the project's .venv (make test makes it)")
def test_make_run_answers_a_bad_setting_in_one_line() -> None:
    """`make run` with a bad setting stops with the same one line from `ivr serve` (then make's own), no traceback."""
    import os
    import subprocess

    done = subprocess.run(
        ["make", "--no-print-directory", "-o", ".venv/.run-stamp", "run", "PORT=8496"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, env={**os.environ, "IVR_CLOCK": "tomorrow"},
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith("Error: CLOCK: 'tomorrow' is not an ISO 8601 date and time")
    # make's own lines: "make: ***", or "make[1]: ***" when the suite itself runs under `make test`
    assert all(re.match(r"make(\[\d+\])?: ", line) for line in lines[1:]) and "Traceback" not in done.stderr
