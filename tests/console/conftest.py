"""Fixtures for the agent console: a console service over a fresh app, a controllable wall clock, scenarios."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

from ivr.console.service import ConsoleService, build_console
from ivr.console.model import model_actions
from ivr.console.scenarios import Scenario, load_scenarios
from ivr.definitions.cases import DEMO_CASES_PATH, load_cases
from ivr.definitions.scripts import load_scripts


def shipped_scenarios() -> dict[str, Scenario]:
    """Every scenario in scenarios/, loaded against the demo case data and the script library (at collection)."""
    script_ids = {ref.split("@")[0] for ref in load_scripts().refs()}
    return load_scenarios(load_cases(DEMO_CASES_PATH), script_ids)


def model_answer(scenario: Scenario) -> list[dict[str, Any]]:
    """The scenario's model answer, computed without an app (for test collection)."""
    in_force = load_scripts().in_force(scenario.clock)
    case = load_cases(DEMO_CASES_PATH).get(scenario.case) if scenario.case else None

    def ref(script_id: str) -> str:
        script = in_force.by_id(script_id)
        assert script is not None, script_id
        return script.ref

    return model_actions(scenario, ref, case.date_of_birth.isoformat() if case else "")


class WallClock:
    """Real time for per-call simulated clocks, advanced by the test instead of by waiting."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


@pytest.fixture
def wall() -> WallClock:
    return WallClock()


@pytest.fixture
def console(app: Flask, wall: WallClock) -> ConsoleService:
    """The console service over a fresh app whose calls' clocks advance only when the test says."""
    service = build_console(app.extensions["ivr"])
    service.calls.wall = wall
    return service


@pytest.fixture
def play(console: ConsoleService, wall: WallClock) -> Callable[..., Any]:
    """Play a scenario: the simulated caller reaches the seat, the trainee accepts and takes `actions`."""

    def run(scenario_id: str, actions: list[dict[str, Any]] | None = None, trainee: str = "tina", answer_after: float = 5) -> Any:
        scenario = console.scenarios[scenario_id]
        call_sid = console.start_scenario(scenario_id)
        wall.advance(answer_after)
        outcome = console.act(call_sid, trainee, {"action": "accept", "seat": scenario.seat})
        for action in console.model(scenario_id) if actions is None else actions:
            wall.advance(10)
            outcome = console.act(call_sid, trainee, action)
        return outcome

    return run
