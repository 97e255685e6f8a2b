"""A simulated clock outside the years 1900-2999 is refused where it is given; at those years' ends calls still work.

Year 0001 or 9999 as a rehearsal's clock used to reach the engine, which overflowed converting it to Eastern
time on the first key that asks about hours (the caller heard the apology).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ivr.cli import main
from ivr.console.scenarios import load_scenario
from ivr.definitions.cases import DEMO_CASES_PATH, load_cases
from ivr.errors import DefinitionError

ROOT = Path(__file__).resolve().parents[2]
ENDS_OF_THE_CALENDAR = ["0001-01-01T00:00:00+00:00", "9999-12-31T23:59:00-05:00"]


@pytest.fixture
def rehearse(runner, tmp_path: Path):
    """Run `ivr rehearse` on the shipped flow with typed lines; instance in tmp_path."""

    def run(*lines: str, args: tuple[str, ...] = (), env: dict[str, str] | None = None):
        argv = ["rehearse", "--instance", str(tmp_path), *args]
        return runner.invoke(main, argv, input="".join(f"{line}\n" for line in lines), env=env)

    return run


@pytest.mark.parametrize("at", ENDS_OF_THE_CALENDAR)
def test_rehearse_refuses_an_instant_at_the_ends_of_the_calendar(rehearse, at: str) -> None:
    """`--at 0001-…` or `--at 9999-…` is a usage error naming the years a call can be simulated in."""
    result = rehearse("1", "0", args=("--at", at))

    assert result.exit_code == 2
    assert f"'{at}' is outside the simulated calendar (years 1900 to 2999)" in result.output
    assert "sorry" not in result.output.lower()


def test_a_clock_setting_outside_the_calendar_stops_the_command_with_one_line(rehearse) -> None:
    """`IVR_CLOCK=0001-01-01T00:00:00+00:00`: one line naming the setting, exit 1."""
    result = rehearse("1", "0", env={"IVR_CLOCK": "0001-01-01T00:00:00+00:00"})

    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: CLOCK: '0001-01-01T00:00:00+00:00' is outside the simulated calendar (years 1900 to 2999)"
    ]


@pytest.mark.parametrize(
    ("at", "answer"),
    [
        ("1900-01-01T00:00:00+00:00", "Our representatives are not available now."),
        ("1900-01-02T10:00:00-05:00", "Tiers reached: automated system, Tier 1 representative"),
        ("2999-12-31T23:59:00-05:00", "Our representatives are not available now."),
    ],
    ids=["first-minute", "first-office-hours", "last-minute"],
)
def test_the_representative_key_works_at_the_ends_of_the_simulated_calendar(rehearse, at: str, answer: str) -> None:
    """At the first and last minute allowed, asking for a representative gets an answer, not the apology."""
    result = rehearse("1", "0", "/hangup", args=("--at", at))

    assert result.exit_code == 0, result.output
    assert "sorry, something went wrong" not in result.output.lower()
    assert answer in " ".join(result.output.split())


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"date": "0001-01-01", "time": "00:00"}, "date: '0001-01-01 00:00' is outside the simulated calendar"),
        ({"date": "9999-12-31", "time": "23:59"}, "date: '9999-12-31 23:59' is outside the simulated calendar"),
        ({"clock": "0001-01-01T00:00:00+00:00"}, "clock: '0001-01-01T00:00:00+00:00' is outside the simulated calendar"),
    ],
    ids=["date-year-1", "date-year-9999", "clock-year-1"],
)
def test_the_softphone_refuses_a_start_outside_the_calendar(softphone, body: dict, message: str) -> None:
    """The trainer room's date and time pickers (or an ISO clock) outside 1900-2999: 400 and a message the page shows."""
    response = softphone.post("/phone/api/calls", json=body)

    assert response.status_code == 400
    assert message in response.get_json()["error"]


def test_a_test_call_clock_outside_the_calendar_is_a_file_and_line_error(runner, tmp_path: Path, monkeypatch) -> None:
    """A test call's `clock: 0001-…` fails `ivr validate` at its file and line, exit 1."""
    monkeypatch.chdir(ROOT)
    path = tmp_path / "year_one.call.yaml"
    text = (ROOT / "tests/calls/biometrics_none.call.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("clock: 2026-11-23T10:00:00-05:00", "clock: 0001-01-01T10:00:00-05:00"), encoding="utf-8")

    result = runner.invoke(main, ["validate", str(path)])

    assert result.exit_code == 1, result.output
    assert f"{path}:4: clock: '0001-01-01T10:00:00-05:00' is outside the simulated calendar (years 1900 to 2999)" in result.output


def test_a_scenario_clock_outside_the_calendar_is_a_file_and_line_error(tmp_path: Path) -> None:
    """A console scenario's `clock: 9999-…` is refused at load with its file and line."""
    path = tmp_path / "year_9999.yaml"
    text = (ROOT / "scenarios/tier1-asks-for-supervisor.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("clock: 2026-11-23T10:00:00-05:00", "clock: 9999-12-31T23:59:00-05:00"), encoding="utf-8")

    with pytest.raises(DefinitionError) as raised:
        load_scenario(path, load_cases(DEMO_CASES_PATH), set())

    assert ":4: clock: '9999-12-31T23:59:00-05:00' is outside the simulated calendar (years 1900 to 2999)" in str(raised.value)
