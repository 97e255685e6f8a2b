"""Score cards against the seeds: quotes are the documents' words, and a trainee is marked neither wrong for what a
seed allows (an expedite in an urgent matter, a skipped review of no officer's words, a request instead of a transfer)
nor right for what it does not."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from ivr.console.scoring import _QUOTES, SEED_DOCUMENTS

SEEDS = Path(__file__).resolve().parents[2] / "docs" / "seeds"


def _plain(text: str) -> str:
    return " ".join(text.replace("\u2019", "'").replace("\u201d", "").split())


@pytest.mark.parametrize("key", sorted(key for key, (source, _) in _QUOTES.items() if source in SEED_DOCUMENTS))
def test_a_quote_from_a_seed_document_is_that_documents_own_words(key: str) -> None:
    """Seeds 000, 001 and 003 are the documents a trainee is sent to: each part of a quote ('…' between parts) is
    in the seed word for word, so a score card never puts a gloss in the Policy Manual's mouth."""
    source, quote = _QUOTES[key]
    seed = _plain((SEEDS / SEED_DOCUMENTS[source]).read_text(encoding="utf-8"))
    for part in quote.split(" \u2026 "):
        assert _plain(part) in seed, f"{key}: {part!r} is not in {SEED_DOCUMENTS[source]}"


def _urgent_elsewhere(console: Any, seat_scenario: str) -> str:
    """The shipped urgent scenario on a case with no open expedite yet (the shipped case has one): its id."""
    scenario = replace(console.scenarios[seat_scenario], id=f"{seat_scenario}-elsewhere", case="EAC2690150101")
    console.scenarios[scenario.id] = scenario
    return scenario.id


@pytest.mark.parametrize("seat_scenario", ["tier2-urgent-other-office", "supervisor-contact-office-es"])
def test_an_expedite_request_in_an_urgent_matter_is_not_marked_undue(play: Any, console: Any, seat_scenario: str) -> None:
    """Seed 001: "Urgent situations that require accelerated processing should be expedited": a trainee who also
    takes an expedite request in seed 003's urgent matter ("urgent or expedited assistance by another office")
    keeps full marks."""
    scenario_id = _urgent_elsewhere(console, seat_scenario)
    actions = console.model(scenario_id)
    expedite = {"action": "create_service_request", "sr_type": "expedite", "content": "Work permit expires next week."}
    card = play(scenario_id, [*actions[:-1], expedite, actions[-1]]).card
    assert card.broken == (), [line.detail for line in card.lines if not line.passed]
    [line] = [line for line in card.lines if line.rule == "service_request"]
    assert line.detail == "an expedite request for an urgent matter"
    assert line.quote == "Urgent situations that require accelerated processing should be expedited."


def test_another_request_in_an_urgent_matter_is_still_undue(play: Any, console: Any) -> None:
    """Seed 003: a service request goes where it is needed; in an urgent matter that needs none, a typo correction
    is still one that was not due (only seed 001's expedite is allowed)."""
    scenario_id = _urgent_elsewhere(console, "tier2-urgent-other-office")
    actions = console.model(scenario_id)
    typo = {"action": "create_service_request", "sr_type": "typographic_error", "content": "x"}
    card = play(scenario_id, [*actions[:-1], typo, actions[-1]]).card
    assert card.broken == ("service_request",)


def test_a_supervisor_reached_from_tier1_is_not_asked_to_verify_an_officers_information(play: Any, console: Any) -> None:
    """Seed 003: "When appropriate for the situation, a supervisor may: Verify the information provided to the
    customer by the USCIS officer": a call routed straight from Tier 1 met no officer, so a supervisor who resolves
    the USCIS error without that review keeps full marks."""
    scenario = console.scenarios["supervisor-uscis-error"]
    assert [colleague.seat for colleague in scenario.before] == ["tier1"]
    actions = [a for a in console.model("supervisor-uscis-error") if a["action"] != "verify_information"]
    card = play("supervisor-uscis-error", actions).card
    assert card.broken == (), [line.detail for line in card.lines if not line.passed]


def test_a_tier1_request_to_the_office_is_as_right_as_the_transfer_the_scenario_names(play: Any, console: Any) -> None:
    """Seed 003: the CSR "may create a Service Request for the USCIS office that is processing the customer's case,
    escalate the call to a Tier 2 USCIS officer, or route the call to a supervisor, as appropriate": for an illness
    (seed 000's first good cause) the IVR's own Tier 1 sends a request, so a trainee who does is not marked down."""
    actions = [a for a in console.model("tier1-biometrics-within-12-hours") if a["action"] == "read_script"]
    request = {"action": "create_service_request", "sr_type": "other", "content": "Flu; appointment this afternoon."}
    card = play("tier1-biometrics-within-12-hours", [*actions, request, {"action": "end_call"}]).card
    assert card.broken == (), [line.detail for line in card.lines if not line.passed]


def test_a_resolution_neither_named_nor_allowed_is_still_wrong(play: Any, console: Any) -> None:
    """Seed 003: with the transfer and the request both right, ending the call with neither breaks the escalation."""
    actions = [a for a in console.model("tier1-biometrics-within-12-hours") if a["action"] == "read_script"]
    card = play("tier1-biometrics-within-12-hours", [*actions, {"action": "end_call"}]).card
    assert card.broken == ("escalation",)


def test_an_alternative_may_name_only_a_resolution(tmp_path: Any) -> None:
    """DESIGN.md (definitions are data): `or:` takes escalation, supervisor_reason and service_request only, and
    a mistake in it is reported at its line."""
    from ivr.console.scenarios import load_scenario
    from ivr.definitions.cases import DEMO_CASES_PATH, load_cases
    from ivr.errors import DefinitionError

    path = tmp_path / "alternative.yaml"
    path.write_text(
        "version: 1\ntitle: t\nseat: tier1\nclock: 2026-11-23T10:00:00-05:00\n"
        "persona: {language: en, goal: g, opening: o}\n"
        "expected:\n  escalation: tier2\n  or:\n    escalation: sideways\n    good_cause: illness\n"
    )
    with pytest.raises(DefinitionError) as caught:
        load_scenario(path, load_cases(DEMO_CASES_PATH), set())
    text = str(caught.value)
    assert "alternative.yaml:9: expected.or.escalation: unknown value 'sideways'" in text, text
    assert "alternative.yaml:10: expected.or.good_cause: unknown key 'good_cause'" in text, text


def test_a_supervisor_who_requests_action_on_a_uscis_error_that_was_not_made_loses_the_line(play: Any, console: Any) -> None:
    """Seed 003: a supervisor may "Request that the appropriate office take action ..., if the caller's issue resulted
    from a USCIS error": in the urgent Houston case (no USCIS error) that request is not full marks."""
    actions = console.model("supervisor-contact-office-es")
    card = play("supervisor-contact-office-es", [*actions[:-1], {"action": "request_office_action"}, actions[-1]]).card
    assert card.broken == ("supervisor_office_action",)
