"""A supervisor at any time (issue 9, point 7).

Seed 003_29c9fde61bf22c66.txt: "Customers may, at any time, request to have a call
directed to a supervisor."  Saying "supervisor" works in every menu and question,
in both languages, routed by the rules of live assistance: in its hours through
the ladder (IVR -> Tier 1 for live assistance -> supervisor as requested), out of
them the hours and what is left.
"""

from __future__ import annotations

import pytest

from ivr.testing import PhoneCall
from tests.live_line.conftest import CLOSED, TOKEN

SAID = {"en": "I want to speak to a supervisor", "es": "quiero hablar con un supervisor"}
LADDER = [("ivr", "tier1", "caller_requested_live_assistance"), ("tier1", "supervisor", "caller_requested_supervisor")]


def reasons(call: PhoneCall) -> list[tuple[str, str, str]]:
    runtime = call.client.application.extensions["ivr"]
    return [(c["from"], c["to"], c["reason"]) for entry in runtime.store.transcript(call.call_sid)
            for c in entry.get("tier_changes", []) if c["reason"] != "continued"]


@pytest.fixture(params=["en", "es"])
def caller(request, phone):
    """A caller at the main menu, in English or in Spanish."""
    call = phone()
    call.start()
    call.press("1" if request.param == "en" else "2")
    call.language = request.param
    return call


def test_saying_supervisor_at_the_main_menu_reaches_a_supervisor(caller):
    """Main menu, in hours: the supervisor answers, reached through Tier 1 with the seed's reasons."""
    turn = caller.say(SAID[caller.language])
    assert (turn.state, turn.tier) == ("supervisor.menu", "supervisor")
    assert reasons(caller) == LADDER


def test_saying_supervisor_in_a_self_service_question_reaches_a_supervisor(caller):
    """The case-status receipt question (a self-service branch): "supervisor" is a request, not a receipt number."""
    assert caller.press("1").state == "verify.receipt"
    turn = caller.say("supervisor")
    assert (turn.state, turn.tier) == ("supervisor.menu", "supervisor")
    assert reasons(caller) == LADDER


def test_saying_supervisor_in_a_self_service_menu_reaches_a_supervisor(caller):
    """The special-lines menu: the supervisor phrase is honoured there too."""
    caller.press("5")
    turn = caller.say(SAID[caller.language])
    assert (turn.state, turn.tier) == ("supervisor.menu", "supervisor")


def test_saying_supervisor_at_tier1_reaches_a_supervisor(caller):
    """At Tier 1's topic question: straight to the supervisor, Tier 1 recording why."""
    assert caller.press("0").state == "tier1.topic"
    turn = caller.say("supervisor")
    assert (turn.state, turn.tier) == ("supervisor.menu", "supervisor")
    assert reasons(caller) == LADDER


def test_tier1_offers_the_supervisor_by_key_as_well_as_by_voice(caller):
    """Tier 1's topic question names a key for the supervisor (0), and the key works; its 1-9 stay the scripts'."""
    turn = caller.press("0")
    assert ("say supervisor or press 0." if caller.language == "en" else "diga supervisor u oprima 0.") in turn.text
    turn = caller.press("0")
    assert (turn.state, turn.tier) == ("supervisor.menu", "supervisor")
    assert reasons(caller) == LADDER


def test_at_tier2_the_supervisor_is_asked_for_from_tier2(phone):
    """From a Tier 2 officer, the supervisor phrase records the move from Tier 2 (the ladder's next rung)."""
    call = phone()
    call.start()
    call.press("1")
    call.press("0")
    call.say("what are the details of my case")  # Tier 1 may not say: an officer is offered
    assert call.press("1").tier == "tier2"
    turn = call.say("supervisor")
    assert (turn.state, turn.tier) == ("supervisor.menu", "supervisor")
    assert reasons(call)[-1] == ("tier2", "supervisor", "caller_requested_supervisor")


def test_saying_supervisor_to_a_supervisor_keeps_the_call_there(caller):
    """Already with the supervisor: asking again presents the supervisor's menu, no new transfer."""
    caller.say("supervisor")
    before = reasons(caller)
    turn = caller.say("supervisor")
    assert (turn.state, turn.tier) == ("supervisor.menu", "supervisor") and reasons(caller) == before


@pytest.mark.parametrize("language, hours", [("en", "Our supervisors, like our representatives, are available"),
                                             ("es", "Nuestros supervisores, como nuestros representantes, están disponibles")])
def test_out_of_hours_a_supervisor_request_gives_the_hours_and_the_automated_services(make_app, language, hours):
    """Out of hours nobody is transferred: the hours, then the main menu's self-service (DOMAIN.md §1.1)."""
    call = PhoneCall(make_app(CLOCK=CLOSED), TOKEN)
    call.start()
    call.press("1" if language == "en" else "2")
    turn = call.say(SAID[language])
    assert (turn.state, turn.tier) == ("main_menu", "ivr")
    assert turn.says[0].startswith(hours) and reasons(call) == []


def test_with_tier1_as_people_a_supervisor_request_joins_their_queue(make_app):
    """Tier 1 are people (TIER_ROUTING queue): the request is handed to them, who route supervisors."""
    call = PhoneCall(make_app(TIER_ROUTING={"tier1": {"kind": "queue", "target": "tier1"}}), TOKEN)
    call.start()
    call.press("1")
    turn = call.say("supervisor")
    assert "Enqueue" in turn.verbs and turn.tier == "tier1"
    assert reasons(call) == [LADDER[0]]
