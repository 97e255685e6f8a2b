"""Silence ends (issue 9, point 3): every prompt has a last attempt, and a call nobody speaks on always ends.

The property walks every state of every shipped flow (read-backs included), in
both languages, with live assistance open and closed, with the simulated agents
and with every tier routed to people, answering nothing but silence.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from ivr import create_app
from tests.live_line.conftest import TOKEN
from tests.live_line.walking import CLOSED, OPEN, every_state, silent_call

MAX_SILENT_PROMPTS = 12  # the bound the property holds every silent call to
PEOPLE = {"tier1": {"kind": "queue", "target": "tier1"}, "tier2": {"kind": "queue", "target": "tier2"},
          "supervisor": {"kind": "dial", "target": "client:supervisor"}}


@pytest.fixture(scope="module", params=["simulated agents", "people"])
def routed_app(request: pytest.FixtureRequest, _definitions_loaded_once: None) -> Iterator[Flask]:
    """An app whose tiers are the simulated agents, or people (queues and a dial)."""
    settings = {"TWILIO_AUTH_TOKEN": TOKEN, "DATABASE_URL": "sqlite://"}
    if request.param == "people":
        settings["TIER_ROUTING"] = PEOPLE
    app = create_app(settings)
    yield app
    app.extensions["ivr"].store.close()


@pytest.mark.parametrize("now", [OPEN, CLOSED], ids=["open", "closed"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_state_met_with_silence_ends_within_a_bounded_number_of_prompts(routed_app, language, now):
    """Property: from every state, silence only, the call hangs up or is handed to people within 12 prompts."""
    runtime = routed_app.extensions["ivr"]
    calls = [silent_call(runtime.engine, runtime.cases, flow_id, state, language, now)
             for flow_id, state in every_state(runtime.engine)]
    endless = [(call.start, call.last_state) for call in calls if call.ending == "endless"]
    assert endless == []
    longest = max(calls, key=lambda call: call.prompts)
    assert longest.prompts <= MAX_SILENT_PROMPTS, longest
    assert {call.ending for call in calls} <= {"hung up", "to people"}


def test_the_longest_silent_call_is_nine_prompts_from_the_greeting(make_app):
    """The longest silent call (reported in the closing note): the greeting, the offer of help, then Tier 1's question."""
    runtime = make_app().extensions["ivr"]
    calls = [silent_call(runtime.engine, runtime.cases, flow_id, state, "en", OPEN) for flow_id, state in every_state(runtime.engine)]
    longest = max(calls, key=lambda call: call.prompts)
    assert (longest.prompts, longest.ending) == (9, "hung up")
    assert [call.start for call in calls if call.prompts == 9][:1] == ["language"]


def test_silence_at_the_offer_of_a_representative_transfers_when_live_assistance_is_open(phone):
    """The reported loop: silent at "For a representative, press 1. For the main menu, press 2." the call now goes to Tier 1."""
    call = phone()
    call.start()
    call.press("1")
    for _ in range(3):
        turn = call.silence()
    assert turn.state == "attempts.offer_representative"
    for _ in range(3):
        turn = call.silence()
    assert (turn.state, turn.tier) == ("tier1.topic", "tier1")
    assert "Please hold while I connect you with a representative." in turn.text


def test_silence_out_of_hours_says_the_hours_and_goodbye(make_app):
    """DOMAIN.md §1.1 (MED-HIGH): out of live-assistance hours (Monday-Friday 8-8 Eastern) a silent caller hears
    the hours and goodbye, and the call hangs up."""
    from ivr.testing import PhoneCall

    call = PhoneCall(make_app(CLOCK="2026-11-23T21:00:00-05:00"), TOKEN)
    call.start()
    call.press("1")
    for _ in range(3):
        turn = call.silence()
    assert turn.hung_up and turn.state == "attempts.closed_goodbye"
    assert "Representatives are available" in turn.text and turn.text.endswith("Goodbye.")


def test_a_caller_silent_with_tier1_too_is_said_goodbye(phone):
    """Silent through the IVR's offer and then at Tier 1's question, the call ends politely (it never loops back)."""
    call = phone()
    call.start()
    call.press("1")
    for _ in range(6):
        call.silence()
    assert call.last.state == "tier1.topic"
    for _ in range(3):
        turn = call.silence()
    assert turn.hung_up and turn.state == "attempts.silent_goodbye"
    assert turn.says[-1].startswith("I'm sorry, I cannot hear you.")


def test_speaking_resets_the_silence_count(phone):
    """A caller who answers between silences gets the offer of help again, not the silence ending."""
    call = phone()
    call.start()
    call.press("1")
    for _ in range(3):
        call.silence()
    assert call.last.state == "attempts.offer_representative"
    call.press("2")  # back to the main menu
    for _ in range(3):
        turn = call.silence()
    assert turn.state == "attempts.offer_representative"
