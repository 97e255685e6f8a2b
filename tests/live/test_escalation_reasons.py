"""Every tier change is explicit, carries a reason from seed 003's list, and hands over the call's context."""

from __future__ import annotations

import pytest

from ivr.core.flow import TIER_CHANGE_REASONS
from tests.live.test_tier1_wording_heard import wording_refs

ANA = ("WAC2690250102", "04121990")


def test_a_whole_call_climbs_ivr_tier1_tier2_supervisor_with_each_reason(tier1):
    """Seed 003: IVR, then Tier 1, then a Tier 2 officer, then a supervisor; X-IVR-Tier follows each move."""
    tiers = [tier1.call.turns[-1].tier]
    tiers.append(tier1.to_tier2().tier)
    tiers.append(tier1.verify(ANA).tier)
    tiers.append(tier1.press("8").tier)
    assert tiers == ["tier1", "tier2", "tier2", "supervisor"]
    assert tier1.reasons() == [
        ("ivr", "tier1", "caller_requested_live_assistance"),
        ("tier1", "tier2", "tier1_cannot_resolve"),
        ("tier2", "supervisor", "caller_requested_supervisor"),
    ]
    assert {reason for _, _, reason in tier1.reasons()} <= set(TIER_CHANGE_REASONS)


@pytest.mark.parametrize(
    "ask",
    [
        pytest.param(("say", "I want to speak to a supervisor"), id="saying-supervisor-at-the-topic"),
        pytest.param(("press", "7", "press", "8"), id="announced-key-after-an-answer"),
        pytest.param(("say", "what is my A number", "press", "8"), id="announced-key-after-a-refusal"),
        pytest.param(("say", "legal advice", "say", "manager"), id="saying-manager-in-a-menu"),
    ],
)
def test_tier1_callers_reach_a_supervisor_at_any_time(tier1, ask):
    """Seed 003: customers may, at any time, request to have the call directed to a supervisor."""
    for how, what in zip(ask[::2], ask[1::2]):
        turn = tier1.say(what) if how == "say" else tier1.press(what)
    assert (turn.tier, turn.state) == ("supervisor", "supervisor.menu")
    assert tier1.reasons()[-1] == ("tier1", "supervisor", "caller_requested_supervisor")
    assert "You asked to speak with a supervisor." in turn.text


@pytest.fixture
def officer(tier1):
    tier1.to_tier2()
    tier1.verify(ANA)
    return tier1


@pytest.mark.parametrize("by", [pytest.param(("press", "8"), id="key-8"), pytest.param(("say", "supervisor please"), id="speech")])
def test_tier2_callers_reach_a_supervisor_when_they_ask(officer, by):
    """Seed 003: a call is routed to a supervisor when the customer requests to speak to one."""
    turn = officer.press(by[1]) if by[0] == "press" else officer.say(by[1])
    assert turn.tier == "supervisor"
    assert officer.reasons()[-1] == ("tier2", "supervisor", "caller_requested_supervisor")


@pytest.mark.parametrize(
    "upset",
    [
        pytest.param(("press", "6"), id="announced-key"),
        pytest.param(("say", "this is unacceptable"), id="unacceptable"),
        pytest.param(("say", "that is wrong and I am upset"), id="upset"),
    ],
)
def test_an_upset_caller_who_rejects_the_resolution_reaches_a_supervisor(officer, upset):
    """Seed 003: the customer is unusually upset and believes the proposed resolution is improper."""
    turn = officer.press("1")  # case details: a resolution is proposed
    assert "For a resolution you believe is wrong, press 6." in turn.text
    turn = officer.press(upset[1]) if upset[0] == "press" else officer.say(upset[1])
    assert turn.tier == "supervisor"
    assert officer.reasons()[-1] == ("tier2", "supervisor", "caller_upset_resolution_improper")
    assert "I understand you believe the resolution you were offered is not right." in turn.text


@pytest.mark.parametrize("via", [pytest.param(("press", "7"), id="keys"), pytest.param(("say", "this is an emergency"), id="speech")])
def test_an_urgent_matter_for_another_office_reaches_a_supervisor(officer, via):
    """Seed 003: the matter requires urgent or expedited assistance by another office to resolve in time."""
    turn = officer.press(via[1]) if via[0] == "press" else officer.say(via[1])
    assert turn.state == "tier2.other_office"
    turn = officer.press("1")
    assert turn.tier == "supervisor"
    assert officer.reasons()[-1] == ("tier2", "supervisor", "urgent_needs_another_office")
    assert "I understand your matter is urgent and needs another USCIS office." in turn.text


def test_the_context_handed_to_the_next_tier_carries_the_call_so_far(tier1):
    """Seed 003 / DESIGN.md: each tier change hands over language, identity, path, data, scripts and requests."""
    tier1.press("7")
    tier1.press("2")
    tier1.press("1")
    tier1.verify(ANA)
    tier1.press("8")
    change = tier1.tier_changes()[-1]
    context = change["context"]
    assert (change["to"], context["language"], context["verified_receipt"]) == ("supervisor", "en", ANA[0])
    assert context["scripts_heard"] == ["processing-times@1", *wording_refs("tier1-identity", "tier1-requests")]
    assert context["service_requests"] == [tier1.effects("service_request_created")[0]["reference"]]
    assert context["path"][-3:] == ["tier1.more", "tier1.to_supervisor", "supervisor.transfer.requested"]
    assert "live_receipt" not in context["collected"] and "live_dob" not in context["collected"]  # issue 10.3
    assert context["identity_lock"] == ""


def test_going_back_to_the_menus_is_a_tier_change_too(tier1):
    """A call that leaves live assistance for the automated menus records it (returned_to_ivr)."""
    turn = tier1.press("#")
    assert (turn.tier, turn.state) == ("ivr", "main_menu")
    assert tier1.reasons()[-1] == ("tier1", "ivr", "returned_to_ivr")


def test_a_spanish_call_keeps_its_language_through_the_tiers(dial):
    """DOMAIN.md §1.1: services in English and Spanish; the language is handed to each tier."""
    live = dial("es")
    live.press("0")
    turn = live.say("necesito hablar con un supervisor")
    change = live.tier_changes()[-1]
    assert (change["to"], change["context"]["language"]) == ("supervisor", "es")
    assert "Usted pidió hablar con un supervisor." in turn.text


def test_a_caller_the_ivr_could_not_help_reaches_tier1_with_that_reason(dial):
    """Seed 003: the IVR could not resolve the call (attempts exhausted), so the caller takes live assistance."""
    live = dial()
    for _ in range(3):
        turn = live.say("blue elephants")
    assert turn.state == "attempts.offer_representative"
    turn = live.press("1")
    assert (turn.tier, turn.state) == ("tier1", "tier1.topic")
    assert live.reasons() == [("ivr", "tier1", "ivr_could_not_resolve")]


def test_the_representative_key_on_the_trouble_offer_is_still_a_request(dial):
    """Seed 003: pressing 0 is the caller selecting live assistance, wherever it is pressed."""
    live = dial()
    for _ in range(3):
        live.say("blue elephants")
    live.press("0")
    assert live.reasons() == [("ivr", "tier1", "caller_requested_live_assistance")]
