"""Agent actions are events of the engine: seats may do only what seed 003 gives them, and console calls replay."""

from __future__ import annotations

from typing import Any

import pytest

from ivr.console.service import ConsoleService
from ivr.core import agent
from ivr.core.agent_step import AGENT_REFUSED
from ivr.qa import transcript as transcripts
from ivr.qa.replay import Replayer


@pytest.fixture
def tier1_call(console: ConsoleService) -> str:
    """A scenario call answered at the Tier 1 seat by 'tina'."""
    call_sid = console.start_scenario("tier1-notice-not-received")
    console.act(call_sid, "tina", {"action": "accept", "seat": "tier1"})
    return call_sid


def test_a_scenario_call_waits_in_the_queue_of_its_seat(console: ConsoleService) -> None:
    """Issue 14: a call that reaches a tier routed to the console waits until a trainee in that seat accepts it."""
    call_sid = console.start_scenario("tier1-notice-not-received")
    assert [w.call_sid for w in console.waiting("tier1")] == [call_sid]
    assert console.waiting("tier2") == []
    console.act(call_sid, "tina", {"action": "accept", "seat": "tier1"})
    assert console.waiting("tier1") == []


def test_a_call_waits_for_its_own_seat_only(console: ConsoleService) -> None:
    """A trainee at the Tier 2 seat cannot take a call waiting for Tier 1."""
    call_sid = console.start_scenario("tier1-notice-not-received")
    outcome = console.act(call_sid, "tom", {"action": "accept", "seat": "tier2"})
    assert outcome.refused == "the call waits for a Tier 1 representative, not a Tier 2 officer"


def test_tier1_has_no_free_answer(console: ConsoleService, tier1_call: str) -> None:
    """Seed 003: Tier 1 is limited to the response scripts, so a free answer is refused and the caller hears nothing."""
    outcome = console.act(tier1_call, "tina", {"action": "free_answer", "text": "Don't worry about it."})
    assert outcome.refused == (
        "a Tier 1 representative may not say a free answer (a Tier 1 representative may verify identity, read a script, "
        "create a service request, transfer to Tier 2, route to a supervisor or end the call)"
    )
    assert outcome.step.says == ()


def test_tier1_reads_only_scripts_in_force(console: ConsoleService, tier1_call: str) -> None:
    """Seed 003: a script that is not in force on the call's date cannot be read."""
    outcome = console.act(tier1_call, "tina", {"action": "read_script", "ref": "biometrics-reschedule@9"})
    assert outcome.refused is not None and outcome.refused.startswith("script biometrics-reschedule@9 is not in force")


def test_reading_a_script_speaks_it_in_the_callers_language_and_records_it(console: ConsoleService) -> None:
    """DESIGN.md: versioned scripts; the call records what it heard (id@version), in the caller's language."""
    call_sid = console.start_scenario("tier1-ice-checkin-es")
    console.act(call_sid, "tina", {"action": "accept", "seat": "tier1"})
    outcome = console.act(call_sid, "tina", {"action": "read_script", "ref": "ice-checkin@1"})
    [say] = outcome.step.says
    assert (say.prompt_id, say.language) == ("script:ice-checkin@1", "es")
    assert outcome.step.session.scripts_heard == ["ice-checkin@1"]
    assert outcome.caller_said == ("Muchas gracias, voy a llamar a ICE.",)


def test_only_the_agent_who_accepted_acts(console: ConsoleService, tier1_call: str) -> None:
    """Another trainee cannot act on a call someone else accepted."""
    outcome = console.act(tier1_call, "tom", {"action": "end_call"})
    assert outcome.refused == "the call is with tina, not tom"


def test_a_refused_action_changes_nothing_but_is_recorded(console: ConsoleService, tier1_call: str) -> None:
    """A refused action leaves the call as it was and an `agent_refused` entry for scoring."""
    before = console.calls.store.session(tier1_call)
    console.act(tier1_call, "tina", {"action": "read_case_details"})
    after = console.calls.store.session(tier1_call)
    assert (after.vars, after.console, after.state) == (before.vars, before.console, before.state)
    last = console.calls.store.transcript(tier1_call)[-1]
    assert last["effects"][0]["kind"] == AGENT_REFUSED


def test_a_free_answer_is_recorded_as_such(console: ConsoleService) -> None:
    """Issue 14: a Tier 2 officer's own words are said and recorded as a free answer, not a script."""
    call_sid = console.start_scenario("tier2-typo-on-card")
    console.act(call_sid, "tom", {"action": "accept", "seat": "tier2"})
    outcome = console.act(call_sid, "tom", {"action": "free_answer", "text": "Let me look at that for you."})
    assert [(s.prompt_id, s.text) for s in outcome.step.says] == [("agent.free_answer", "Let me look at that for you.")]
    assert [e.kind for e in outcome.step.effects] == ["agent_free_answer"]


def test_the_transfer_reason_reaches_the_next_seat(console: ConsoleService) -> None:
    """The hand-off shows seed 003's reason and the colleague's note."""
    call_sid = console.start_scenario("tier2-good-cause-untimely")
    panel = console.handoff(call_sid)
    assert panel["reason"] == "Tier 1 was unable to completely resolve the inquiry"
    assert panel["note"].startswith("Appointment already passed")
    assert panel["scripts_heard"] == [{"ref": "biometrics-reschedule@1", "label": "rescheduling a biometrics appointment"}]


def test_the_handoff_shows_identity_path_and_what_was_entered(console: ConsoleService) -> None:
    """Issue 14: language, identity verified, the path in plain words, what the caller entered (no date of birth)."""
    call_sid = console.start_scenario("tier1-processing-times-es")
    panel = console.handoff(call_sid)
    assert (panel["language"], panel["verified"], panel["receipt"], panel["locked"]) == ("Spanish", True, "WAC2690250102", False)
    assert "the caller asked for live assistance from within the IVR" in panel["path"]
    assert {"kind": "keys", "value": "(date of birth, hidden)", "where": "verify.birth_date"} in panel["entered"]
    assert not any("04121990" in item["value"] for item in panel["entered"])


def test_a_console_call_replays_like_any_other(console: ConsoleService) -> None:
    """DESIGN.md: an agent's action is an event of the core, so a console call's transcript replays step for step."""
    call_sid = console.start_scenario("tier2-field-office-book-es")
    console.act(call_sid, "tom", {"action": "accept", "seat": "tier2"})
    for action in console.model("tier2-field-office-book-es"):
        console.act(call_sid, "tom", action)
    [recorded] = transcripts.from_entries(console.calls.store.transcript(call_sid))
    assert any(step.input.kind == "agent" for step in recorded.steps)
    result = Replayer({"DATABASE_URL": "sqlite://"}).replay_transcript(recorded)
    assert result.passed, result.diff


def test_an_agent_action_round_trips_through_its_transcript_form() -> None:
    """Agent events are data: `to_json` and `from_json` give the same event back."""
    import datetime as dt

    now = dt.datetime(2026, 11, 23, 15, tzinfo=dt.timezone.utc)
    action = agent.BookAppointment(now, "tom", choice=2)
    assert agent.from_json(now, action.to_json()) == action
    with pytest.raises(ValueError, match="unknown agent action 'shout'"):
        agent.from_data(now, {"action": "shout"})


def test_the_caller_hanging_up_ends_the_seat_and_scores_it(console: ConsoleService, tier1_call: str) -> None:
    """A caller who hangs up on a connected seat ends it; the card can then be scored."""
    from ivr.core.events import HangUp

    console.calls.handle(tier1_call, HangUp(console.calls.now(tier1_call)), channel="console")
    assert console.calls.store.session(tier1_call).console["status"] == "done"
    card = console.finish(tier1_call, "tina", "tier1")
    assert "escalation" not in card.broken and "scripts_expected" in card.broken


def test_a_redacted_console_transcript_hides_identity_and_still_replays(console: ConsoleService) -> None:
    """The receipt and date of birth an officer typed are redacted in exports, and the call replays the same way."""
    from ivr.qa.redact import Redactor, collect_validators

    call_sid = console.start_scenario("tier2-typo-on-card")
    console.act(call_sid, "tom", {"action": "accept", "seat": "tier2"})
    for action in console.model("tier2-typo-on-card"):
        console.act(call_sid, "tom", action)
    [recorded] = transcripts.from_entries(console.calls.store.transcript(call_sid))
    flows = {fid: compiled.flow for fid, compiled in console.calls.engine.flows.items()}
    redacted = Redactor(collect_validators(flows)).redact(recorded)
    text = transcripts.dumps(redacted)
    assert "2001-11-30" not in text and "2790850108" not in text
    assert Replayer({"DATABASE_URL": "sqlite://"}).replay_transcript(redacted).passed


def test_an_officer_cannot_verify_past_the_shared_lock(console: ConsoleService) -> None:
    """The console's identity check is the shared verification service: three failures lock the call for every tier."""
    call_sid = console.start_scenario("tier2-typo-on-card")
    console.act(call_sid, "tom", {"action": "accept", "seat": "tier2"})
    for _ in range(3):
        console.act(call_sid, "tom", {"action": "verify_identity", "receipt": "YSC2790850108", "date_of_birth": "1999-01-01"})
    outcome = console.act(call_sid, "tom", {"action": "verify_identity", "receipt": "YSC2790850108", "date_of_birth": "2001-11-30"})
    assert [say.prompt_id for say in outcome.step.says] == ["agent.identity_locked"]
    assert outcome.step.session.verified_receipt is None
    panel = console.handoff(call_sid)
    assert panel["locked"] and panel["lock"] == "too many failed identity checks on this call"


def test_words_said_to_an_agent_are_on_the_timeline_not_in_what_was_entered(console: ConsoleService) -> None:
    """The hand-off's 'caller entered' is what the IVR collected; talk with people is the call's timeline."""
    call_sid = console.start_scenario("tier2-good-cause-untimely")
    entered = console.handoff(call_sid)["entered"]
    assert all(item["kind"] == "keys" for item in entered)
    assert any(line["who"] == "caller" and "hospital" in line["text"] for line in console.timeline(call_sid))


def test_another_app_server_keeps_a_scenario_calls_simulated_time(console: ConsoleService, wall: Any) -> None:
    """A scenario call's clock is in the store: a process that did not start the call stamps actions in its time."""
    call_sid = console.start_scenario("tier1-ice-checkin-es")
    wall.advance(30)
    # another gunicorn worker holds no clock in memory: CallService keeps every call's clock in the store
    outcome = console.act(call_sid, "tina", {"action": "accept", "seat": "tier1"})
    assert outcome.step.session.console["accepted_at"] == "2026-11-23T10:00:30-05:00"
