"""Tier 1 at the console verifies the caller's identity itself, before anything about the case, as the flow's Tier 1 does.

DOMAIN.md §1.3: case-specific information only for "applicant/petitioner; attorney/accredited representative
...; person/organization authorized by the applicant"; scripts/tier1-identity (the flow's Tier 1 verifies
before a request about a case); seed 003_29c9fde61bf22c66.txt: "CSRs provide basic case-specific and general
non-case-specific information to customers."
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ivr.console.service import ConsoleService

SCENARIO = "tier1-notice-not-received-unverified-es"  # the caller went to a representative without verifying
RECEIPT = "LIN2690350103"  # Mei-Lin Castellanos, born 1979-09-03 (ivr/data/demo_cases.yaml)


def _accepted(console: ConsoleService) -> str:
    call_sid = console.start_scenario(SCENARIO)
    console.act(call_sid, "tina", {"action": "accept", "seat": "tier1"})
    return call_sid


def test_tier1_verifies_a_caller_the_ivr_did_not_check(console: ConsoleService) -> None:
    """DOMAIN.md §1.3: Tier 1 checks the receipt number and date of birth the caller gives, and is told it matched."""
    call_sid = _accepted(console)
    model = console.model(SCENARIO)
    outcome = console.act(call_sid, "tina", model[0])
    assert model[0]["action"] == "verify_identity" and outcome.refused is None
    assert [say.prompt_id for say in outcome.step.says][0] == "agent.verified"
    assert outcome.step.session.verified_receipt == RECEIPT


def test_after_verifying_tier1_makes_the_request_about_the_case(console: ConsoleService) -> None:
    """Seed 003 ("the CSR may create a Service Request"): once verified, Tier 1's request reaches the office with the file."""
    call_sid = _accepted(console)
    console.act(call_sid, "tina", console.model(SCENARIO)[0])
    outcome = console.act(call_sid, "tina", {"action": "create_service_request", "sr_type": "notice_not_received", "content": "x"})
    assert outcome.refused is None
    assert any(say.prompt_id == "agent.sr.created" for say in outcome.step.says)


def test_a_wrong_date_of_birth_verifies_nobody_at_tier1(console: ConsoleService) -> None:
    """DOMAIN.md §1.3: a date of birth that does not match leaves the caller unverified, and the request is refused."""
    call_sid = _accepted(console)
    outcome = console.act(call_sid, "tina", {"action": "verify_identity", "receipt": RECEIPT, "date_of_birth": "1900-01-01"})
    assert [say.prompt_id for say in outcome.step.says][0] == "agent.not_verified"
    refused = console.act(call_sid, "tina", {"action": "create_service_request", "sr_type": "notice_not_received", "content": "x"})
    assert refused.refused == "a service request needs a caller whose identity is verified"


def test_the_simulated_caller_tells_tier1_who_they_are_when_the_ivr_did_not_check(console: ConsoleService) -> None:
    """DOMAIN.md §1.3: a caller who skipped the IVR's check gives the representative their receipt number."""
    call_sid = console.start_scenario(SCENARIO)
    outcome = console.act(call_sid, "tina", {"action": "accept", "seat": "tier1"})
    assert any(RECEIPT in said for said in outcome.caller_said)


def test_tier1_scored_for_the_case_before_identity_loses_identity_first(play: Callable[..., Any], console: ConsoleService) -> None:
    """DOMAIN.md §1.3: a Tier 1 trainee who tries the case before verifying loses `identity_first`, like an officer."""
    model = console.model(SCENARIO)
    verify, rest = model[0], model[1:]
    request = next(a for a in rest if a["action"] == "create_service_request")
    card = play(SCENARIO, [request, verify, *rest]).card
    assert card is not None and "identity_first" in card.broken


def test_tier1_who_verifies_first_gets_full_marks(play: Callable[..., Any]) -> None:
    """Seed 003 and DOMAIN.md §1.3: verify, read the script, make the request, end the call: every line holds."""
    card = play(SCENARIO).card
    assert card is not None and card.broken == () and "identity_first" in [line.rule for line in card.lines]
