"""At the console, Tier 1's identity check says only what the approved script tier1-identity says, and records it.

Seed 003_29c9fde61bf22c66.txt: "Information provided by Tier 1 will be limited in verbiage and format by
informational response scripts that are created and provided by USCIS."  The flow's Tier 1 says the
tier1-identity script's wording when it checks a caller; a trainee in the Tier 1 seat does too, from the
version in force at the call's date, and the call records `id@version` as for any script heard.
Tier 2 and supervisors are not limited to scripts (seed 003) and keep their own words.
"""

from __future__ import annotations

import pytest

from ivr.console.service import ConsoleService
from ivr.core.registry import REGISTRY, Context
from ivr.world import CaseWorld, MemoryTransaction

ENGLISH = ("tier1-notice-not-received", "EAC2690150101")
SPANISH = ("tier1-notice-not-received-unverified-es", "LIN2690350103")


def _verify(console: ConsoleService, scenario_id: str, receipt: str, right: bool) -> tuple[str, list[str], str]:
    """A Tier 1 trainee checks the caller's identity: (the words said, the scripts the step heard, the call's language)."""
    call_sid = console.start_scenario(scenario_id)
    console.act(call_sid, "tina", {"action": "accept", "seat": "tier1"})
    case = console.calls.cases.get(receipt)
    assert case is not None
    born = case.date_of_birth.isoformat() if right else "1900-01-01"
    outcome = console.act(call_sid, "tina", {"action": "verify_identity", "receipt": receipt, "date_of_birth": born})
    assert outcome.refused is None
    said = " ".join(say.text for say in outcome.step.says if say.prompt_id.startswith("agent."))
    return said, list(outcome.step.scripts), outcome.step.session.language


def _in_force(console: ConsoleService, scenario_id: str) -> tuple[str, dict[str, dict[str, str]]]:
    """The tier1-identity version in force at the scenario's date, and its sentences."""
    scenario = console.scenarios[scenario_id]
    scripts = console.calls.engine.services.scripts.in_force(scenario.clock)
    [wording] = [w for w in scripts.wordings if w.id == "tier1-identity"]
    return wording.ref, wording.says


@pytest.mark.parametrize("scenario_id,receipt", [ENGLISH, SPANISH], ids=["en", "es"])
def test_a_caller_tier1_verifies_hears_the_scripts_sentence(console: ConsoleService, scenario_id: str, receipt: str) -> None:
    """Seed 003: the confirmation that the identity matched is the tier1-identity script's 'verified' wording."""
    said, heard, language = _verify(console, scenario_id, receipt, right=True)
    ref, says = _in_force(console, scenario_id)
    assert said == says["verified"][language]
    assert ref in heard


@pytest.mark.parametrize("scenario_id,receipt", [ENGLISH, SPANISH], ids=["en", "es"])
def test_a_caller_tier1_cannot_verify_hears_the_scripts_not_found(console: ConsoleService, scenario_id: str, receipt: str) -> None:
    """Seed 003: a receipt number and date of birth that do not match get the script's 'not_found' wording."""
    said, heard, language = _verify(console, scenario_id, receipt, right=False)
    ref, says = _in_force(console, scenario_id)
    assert said == says["not_found"][language]
    assert ref in heard


def test_a_locked_call_at_tier1_hears_the_scripts_lock_wording(console: ConsoleService) -> None:
    """Seed 003 and the shared lock: after three failures Tier 1 says the script's 'locked_call' wording."""
    scenario_id, receipt = SPANISH
    call_sid = console.start_scenario(scenario_id)
    console.act(call_sid, "tina", {"action": "accept", "seat": "tier1"})
    for _ in range(3):
        console.act(call_sid, "tina", {"action": "verify_identity", "receipt": receipt, "date_of_birth": "1900-01-01"})
    outcome = console.act(call_sid, "tina", {"action": "verify_identity", "receipt": receipt, "date_of_birth": "1979-09-03"})
    _, says = _in_force(console, scenario_id)
    assert [say.text for say in outcome.step.says][0] == says["locked_call"]["es"]
    assert outcome.step.session.verified_receipt is None


def test_the_script_heard_at_verification_is_on_the_calls_record(console: ConsoleService) -> None:
    """The call's record names the tier1-identity version heard once, like any script Tier 1 read."""
    scenario_id, receipt = SPANISH
    call_sid = console.start_scenario(scenario_id)
    console.act(call_sid, "tina", {"action": "accept", "seat": "tier1"})
    console.act(call_sid, "tina", {"action": "verify_identity", "receipt": receipt, "date_of_birth": "1900-01-01"})
    outcome = console.act(call_sid, "tina", {"action": "verify_identity", "receipt": receipt, "date_of_birth": "1979-09-03"})
    ref, _ = _in_force(console, scenario_id)
    assert outcome.step.session.scripts_heard.count(ref) == 1
    assert ref in [row["ref"] for row in console.handoff(call_sid)["scripts_heard"]]


def test_an_officer_keeps_their_own_words_when_verifying(console: ConsoleService) -> None:
    """Seed 003: Tier 2 is not limited to scripts, so an officer's confirmation records no script."""
    call_sid = console.start_scenario("tier2-typo-on-card")
    console.act(call_sid, "tom", {"action": "accept", "seat": "tier2"})
    outcome = console.act(call_sid, "tom", {"action": "verify_identity", "receipt": "YSC2790850108", "date_of_birth": "2001-11-30"})
    assert [say.prompt_id for say in outcome.step.says][0] == "agent.verified"
    assert not any(ref.startswith("tier1-identity@") for ref in outcome.step.session.scripts_heard)


def test_a_supervisor_reviewing_the_call_names_the_information_not_the_identity_check(console: ConsoleService) -> None:
    """Seed 003 (a supervisor verifies the information given): the identity script heard is no information, and no fault."""
    scenario_id, receipt = SPANISH
    call_sid = console.start_scenario(scenario_id)
    console.act(call_sid, "tina", {"action": "accept", "seat": "tier1"})
    verified = console.act(call_sid, "tina", {"action": "verify_identity", "receipt": receipt, "date_of_birth": "1979-09-03"})
    session = verified.step.session.copy()
    session.scripts_heard.append("notice-not-received@1")
    world = CaseWorld(console.calls.cases, MemoryTransaction())
    ctx = Context(session, world, console.scenarios[scenario_id].clock, console.calls.engine.services)
    assert REGISTRY.actions["live_supervisor_review"].func(ctx).name == "reviewed"
    assert session.vars["review_text"].startswith("Se le dio nuestra información sobre ")
    assert "identidad" not in session.vars["review_text"]
