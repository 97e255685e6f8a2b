"""Every shipped scenario played at the engine level: the model answer gets full marks, each wrong move loses its rule."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from ivr.console.scenarios import Scenario
from tests.console.conftest import model_answer, shipped_scenarios

SCENARIOS = shipped_scenarios()
Mutation = Callable[[Scenario, list[dict[str, Any]]], list[dict[str, Any]] | None]


def _replace_last(actions: list[dict[str, Any]], new: dict[str, Any]) -> list[dict[str, Any]]:
    return actions[:-1] + [new]


def skips_identity(scenario: Scenario, actions: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """Case information before the caller's identity is verified."""
    if not any(a["action"] == "verify_identity" for a in actions):
        return None
    kept = [a for a in actions if a["action"] != "verify_identity"]
    needs = {"read_case_details", "decide_good_cause", "contact_office", "request_office_action",
             "cancel_appointment", "offer_appointments", "create_service_request"}
    return kept if any(a["action"] in needs for a in kept) else None


def free_answer_at_tier1(scenario: Scenario, actions: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """Tier 1 tries to answer in its own words."""
    if scenario.seat != "tier1":
        return None
    return [{"action": "free_answer", "text": "I think it will be fine."}] + actions


def escalates_when_not_due(scenario: Scenario, actions: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """An escalation where the inquiry could be resolved at the seat."""
    if scenario.expected.escalation != "none" or scenario.seat == "supervisor":
        return None
    if scenario.seat == "tier1":
        return _replace_last(actions, {"action": "transfer_tier2", "reason": "Not sure."})
    return _replace_last(actions, {"action": "route_supervisor", "reason": "caller_requested_supervisor"})


def no_escalation_when_due(scenario: Scenario, actions: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The call is ended where seed 003 calls for an escalation."""
    if scenario.expected.escalation == "none":
        return None
    return _replace_last(actions, {"action": "end_call"})


def wrong_supervisor_reason(scenario: Scenario, actions: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """A supervisor reached for the wrong one of seed 003's reasons."""
    if scenario.expected.escalation != "supervisor":
        return None
    other = "urgent_needs_another_office" if scenario.expected.supervisor_reason != "urgent_needs_another_office" else "caller_requested_supervisor"
    return _replace_last(actions, {"action": "route_supervisor", "reason": other})


def wrong_request_type(scenario: Scenario, actions: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """A service request of another type than the inquiry needs."""
    if scenario.expected.sr_type is None:
        return None
    return [dict(a, sr_type="document_not_received") if a["action"] == "create_service_request" else a for a in actions]


def request_not_due(scenario: Scenario, actions: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """A service request where none was due."""
    if scenario.expected.sr_type is not None or not any(a["action"] == "verify_identity" for a in actions):
        return None
    return actions[:-1] + [{"action": "create_service_request", "sr_type": "document_not_received", "content": "x"}, actions[-1]]


def wrong_good_cause(scenario: Scenario, actions: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The opposite good-cause decision from seed 000's rules."""
    if scenario.expected.good_cause is None:
        return None
    flipped = "illness" if scenario.expected.good_cause == "none" else "none"
    return [dict(a, cause=flipped) if a["action"] == "decide_good_cause" else a for a in actions]


def skips_script(scenario: Scenario, actions: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The script for the caller's question is never read."""
    if not scenario.expected.scripts:
        return None
    return [a for a in actions if a["action"] != "read_script"]


def skips_supervisor_power(scenario: Scenario, actions: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The supervisor leaves out a power the situation calls for."""
    powers = ("verify_information", "contact_office", "request_office_action")
    if not any(a["action"] in powers for a in actions):
        return None
    first = next(a for a in actions if a["action"] in powers)
    return [a for a in actions if a is not first]


def skips_appointment(scenario: Scenario, actions: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The field office appointment is left as it was."""
    if scenario.expected.appointment is None:
        return None
    return [a for a in actions if a["action"] not in ("offer_appointments", "book_appointment", "cancel_appointment")]


MUTATIONS: dict[Mutation, tuple[str, ...]] = {
    skips_identity: ("identity_first",),
    free_answer_at_tier1: ("tier1_scripts_only",),
    escalates_when_not_due: ("escalation",),
    no_escalation_when_due: ("escalation",),
    wrong_supervisor_reason: ("escalation",),
    wrong_request_type: ("service_request",),
    request_not_due: ("service_request",),
    wrong_good_cause: ("biometrics_good_cause",),
    skips_script: ("scripts_expected",),
    skips_supervisor_power: ("supervisor_information_verified", "supervisor_office_contacted", "supervisor_office_action"),
    skips_appointment: ("field_office_appointment",),
}


def _wrong_cases() -> list[Any]:
    cases = []
    for scenario_id, scenario in sorted(SCENARIOS.items()):
        for mutation, rules in MUTATIONS.items():
            actions = mutation(scenario, model_answer(scenario))
            if actions is not None:
                cases.append(pytest.param(scenario_id, actions, rules, id=f"{scenario_id}-{mutation.__name__}"))
    return cases


def test_at_least_twelve_scenarios_ship_in_both_languages_for_every_seat() -> None:
    """Issue 14: at least 12 scenarios, in English and Spanish, for the three seats."""
    assert len(SCENARIOS) >= 12
    assert {s.persona.language for s in SCENARIOS.values()} == {"en", "es"}
    assert {s.seat for s in SCENARIOS.values()} == {"tier1", "tier2", "supervisor"}


def test_scenarios_cover_every_escalation_reason() -> None:
    """Seed 003's three supervisor reasons and the Tier 2 transfer are each expected by some scenario."""
    reasons = {s.expected.supervisor_reason for s in SCENARIOS.values()} | {s.expected.escalation for s in SCENARIOS.values()}
    assert {"caller_requested_supervisor", "caller_upset_resolution_improper", "urgent_needs_another_office", "tier2", "none"} <= reasons


def test_scenarios_cover_every_seats_duties(console: Any) -> None:
    """Between them the model answers use every action each seat exists for (seed 003), free answers aside."""
    from ivr.core.agent import SEAT_ACTIONS

    used: dict[str, set[str]] = {seat: set() for seat in SEAT_ACTIONS}
    for scenario_id, scenario in SCENARIOS.items():
        used[scenario.seat] |= {a["action"] for a in console.model(scenario_id)}
        for colleague in scenario.before:
            used[colleague.seat].add(colleague.action)
    for seat, actions in SEAT_ACTIONS.items():
        assert actions - used[seat] <= {"free_answer", "verify_identity"} - ({"verify_identity"} if seat == "tier2" else set()), seat


def test_the_service_model_answer_is_the_collected_one(console: Any) -> None:
    """The console's model answer (shown to trainers) is the one these tests play."""
    assert all(console.model(sid) == model_answer(s) for sid, s in SCENARIOS.items())


@pytest.mark.parametrize("scenario_id", sorted(SCENARIOS))
def test_model_answer_gets_full_marks(play: Any, scenario_id: str) -> None:
    """A trainee who does the right thing at the seat gets every line of the score card."""
    outcome = play(scenario_id)
    card = outcome.card
    assert card is not None, "the seat's part of the call is over, so a card was scored"
    assert card.broken == (), [line.detail for line in card.lines if not line.passed]
    assert card.points == card.total >= 4


@pytest.mark.parametrize(("scenario_id", "actions", "rules"), _wrong_cases())
def test_each_wrong_move_breaks_its_rule(play: Any, scenario_id: str, actions: list[dict[str, Any]], rules: tuple[str, ...]) -> None:
    """A trainee who does one wrong thing gets a score card that names the rule broken."""
    if actions[-1]["action"] not in ("end_call", "transfer_tier2", "route_supervisor"):
        actions.append({"action": "end_call"})
    card = play(scenario_id, actions).card
    assert card is not None
    assert set(card.broken) & set(rules), f"{card.broken} should name one of {rules}"


def test_a_slow_answer_breaks_the_time_to_answer(play: Any) -> None:
    """DOMAIN.md §1.5 (speed of answer): a caller left waiting past the scenario's limit costs the line."""
    card = play("tier1-ice-checkin-es", answer_after=600).card
    assert card.broken == ("time_to_answer",)
    assert card.answered_in == 600


def test_every_line_cites_its_source(play: Any) -> None:
    """Each line of a score card names the public document (as a trainee can look it up) and the sentence it checks."""
    card = play("tier2-good-cause-untimely").card
    sources = {line.rule: line.source for line in card.lines}
    # seed 000_183b307099edfec1.txt is that release; seed 001_7dddce98989cf869.txt that Policy Manual chapter (its
    # First Contact Resolution: no escalation where the seat resolves the inquiry); seed 003 the Contact Center's
    assert sources["biometrics_good_cause"] == "USCIS news release on rescheduling biometrics appointments online (2023)"
    assert sources["escalation"] == "USCIS Policy Manual: responding to customer inquiries"
    assert sources["identity_first"] == "USCIS Policy Manual: responding to customer inquiries"
    assert all(line.quote for line in card.lines)


def test_score_cards_are_kept_per_trainee(play: Any, console: Any) -> None:
    """A finished seat's card is stored under the trainee, and summed for the trainer's dashboard."""
    play("tier1-ice-checkin-es", trainee="tina")
    play("tier1-asks-for-supervisor", [{"action": "end_call"}], trainee="tina")
    summary = console.records.summary("tina")
    assert (summary.calls, summary.total - summary.points) == (2, 1)
    assert summary.csv_value().endswith("over 2 calls")
    assert console.records.summary("nobody").csv_value() == ""


def test_a_calls_score_cards_fit_one_csv_cell(play: Any, console: Any) -> None:
    """For the dashboard's per-rehearsal CSV: every seat's card of a call in one cell."""
    outcome = play("tier1-ice-checkin-es", trainee="tina")
    call_sid = outcome.step.session.call_sid
    assert console.records.call_scores_text(call_sid) == "tina at tier1 7/7"
    assert console.records.call_scores_text("CAnone") == ""
