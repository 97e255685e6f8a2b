"""A caller who is upset AND asks for a supervisor has two of seed 003's reasons for one: either is full marks.

Seed 003_29c9fde61bf22c66.txt: "Calls will be routed to a supervisor when: Customer requests to speak to a
supervisor; Customer is unusually upset and believes the proposed resolution is improper; or The matter requires
urgent or expedited assistance by another office to resolve in a timely manner."  The shipped scenario
scenarios/tier2-upset-asks-for-supervisor.yaml names both (`expected.or:`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ivr.console.scenarios import SCENARIOS_ROOT, Scenario, load_scenario
from ivr.definitions.cases import DEMO_CASES_PATH, load_cases
from ivr.errors import DefinitionError

SCENARIO = "tier2-upset-asks-for-supervisor"
SHIPPED = SCENARIOS_ROOT / f"{SCENARIO}.yaml"
BOTH = ("caller_upset_resolution_improper", "caller_requested_supervisor")


def _routed(console: Any, reason: str) -> list[dict[str, Any]]:
    """The model answer, routing the supervisor with `reason`."""
    actions = console.model(SCENARIO)
    assert actions[-1]["action"] == "route_supervisor"
    return [*actions[:-1], {**actions[-1], "reason": reason}]


def test_the_scenario_is_shipped_with_both_reasons(console: Any) -> None:
    """The training data holds a scenario whose caller is upset and asks for a supervisor, with both reasons right."""
    scenario = console.scenarios[SCENARIO]
    assert (scenario.persona.upset_after, scenario.persona.asks_for_supervisor) == ("decide_good_cause:none", "when_upset")
    alternative = scenario.expected.alternative
    assert alternative is not None
    assert (scenario.expected.supervisor_reason, alternative.supervisor_reason) == BOTH


def test_the_simulated_caller_is_upset_and_asks_for_a_supervisor(play: Any, console: Any) -> None:
    """After the officer's decision the caller says both things seed 003 names: that they believe the resolution
    is improper, and that they want to speak to a supervisor."""
    call_sid = play(SCENARIO, _routed(console, BOTH[0])).card.call_sid
    said = [str(e["input"]["value"]) for e in console.calls.store.transcript(call_sid)
            if (e.get("input") or {}).get("kind") == "speech"]
    assert said[-2:] == ["This is wrong, I'm very upset, this resolution is not right.", "I want to speak to a supervisor."]


@pytest.mark.parametrize("reason", BOTH)
def test_a_trainee_who_records_either_reason_gets_full_marks(play: Any, console: Any, reason: str) -> None:
    """Seed 003: the caller "requests to speak to a supervisor" and is "unusually upset and believes the proposed
    resolution is improper": routing with either reason breaks no rule."""
    card = play(SCENARIO, _routed(console, reason)).card
    assert card.broken == (), [line.detail for line in card.lines if not line.passed]
    [line] = [line for line in card.lines if line.rule == "escalation"]
    assert line.detail == f"escalated to supervisor ({reason})"


def test_a_trainee_who_records_an_unrelated_reason_loses_the_escalation_line(play: Any, console: Any) -> None:
    """Seed 003's third reason (urgent assistance by another office) is not this caller's: the escalation line
    fails, and says which two reasons the scenario called for."""
    card = play(SCENARIO, _routed(console, "urgent_needs_another_office")).card
    assert card.broken == ("escalation",)
    [line] = [line for line in card.lines if line.rule == "escalation"]
    assert line.detail == (
        "escalated to supervisor (urgent_needs_another_office); the scenario called for escalation to supervisor "
        "(caller_upset_resolution_improper or caller_requested_supervisor)"
    )


def _load(tmp_path: Path, text: str) -> Scenario:
    path = tmp_path / "two-reasons.yaml"
    path.write_text(text, encoding="utf-8")
    return load_scenario(path, load_cases(DEMO_CASES_PATH), {"biometrics-reschedule"})


def _with_a_request() -> str:
    """The shipped scenario, where the officer also makes a service request."""
    return SHIPPED.read_text(encoding="utf-8").replace("  good_cause: none\n", "  good_cause: none\n  service_request: {type: other}\n")


def test_the_other_reason_keeps_the_rest_of_the_resolution(tmp_path: Path, play: Any, console: Any) -> None:
    """An `or:` naming only another reason is the same supervisor and the same service request: a trainee who
    makes the request and routes for either reason gets full marks (seed 003's reasons; the request is the
    scenario's)."""
    scenario = _load(tmp_path, _with_a_request())
    assert scenario.expected.alternative is not None and scenario.expected.alternative.sr_type == "other"
    console.scenarios[scenario.id] = scenario
    actions = console.model(scenario.id)
    assert [a["action"] for a in actions][-2:] == ["create_service_request", "route_supervisor"]
    for reason in BOTH:
        card = play(scenario.id, [*actions[:-1], {**actions[-1], "reason": reason}]).card
        assert card.broken == (), (reason, [line.detail for line in card.lines if not line.passed])


def test_an_alternative_may_drop_the_request_with_none(tmp_path: Path) -> None:
    """`service_request: none` in `or:` is a resolution without the request `expected:` makes."""
    scenario = _load(tmp_path, _with_a_request().replace(
        "    supervisor_reason: caller_requested_supervisor\n",
        "    supervisor_reason: caller_requested_supervisor\n    service_request: none\n"))
    alternative = scenario.expected.alternative
    assert alternative is not None and (alternative.sr_type, alternative.supervisor_reason) == (None, BOTH[1])


def test_an_alternative_that_names_the_same_resolution_is_refused_at_its_line(tmp_path: Path) -> None:
    """DESIGN.md (definitions are data): an `or:` that changes nothing is a mistake, reported as file:line."""
    text = SHIPPED.read_text(encoding="utf-8").replace(
        "    supervisor_reason: caller_requested_supervisor\n", "    supervisor_reason: caller_upset_resolution_improper\n")
    line = text.splitlines().index("  or:  # the same supervisor, for the other reason") + 2
    with pytest.raises(DefinitionError) as raised:
        _load(tmp_path, text)
    assert f"two-reasons.yaml:{line}: expected.or: names the same resolution as expected" in str(raised.value)
