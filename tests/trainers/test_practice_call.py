"""Practice calls: the shell logic shared by the terminal rehearsal and the browser softphone."""

from __future__ import annotations

import datetime as dt

import pytest

from ivr import config as settings
from ivr.app import build_runtime
from ivr.store.base import WorldClock as CallClock  # a call's clock is a world clock kept in the store
from ivr.trainers.practice import PracticeCall
from ivr.trainers.rehearse import Input, parse_line

EASTERN = dt.timezone(dt.timedelta(hours=-5))


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1", Input("digits", "1")),
        ("0912345678#", Input("digits", "0912345678#")),
        (" 0 9 1-2 ", Input("digits", "0912")),
        ("*", Input("digits", "*")),
        ("english", Input("speech", "english")),
        ("IOE 0912345678", Input("speech", "IOE 0912345678")),
        ("/silence", Input("command", "/silence")),
        ("/QUIT", Input("command", "/hangup")),
        ("   ", Input("empty")),
    ],
    ids=["key", "keys-with-pound", "spaced-keys", "star", "phrase", "receipt-spoken", "command", "alias", "blank"],
)
def test_a_typed_line_is_keys_a_phrase_or_a_command(line: str, expected: Input) -> None:
    """Only 0-9 * # (spaces, dashes ignored) are keys; /words are commands; anything else is said."""
    assert parse_line(line) == expected


def test_a_call_clock_starts_at_the_chosen_instant_and_runs_with_real_time() -> None:
    """A practice call's time is the trainer's instant plus the real time elapsed, to the second."""
    real_start = dt.datetime(2030, 1, 1, 12, 0, 0, tzinfo=dt.timezone.utc)
    clock = CallClock(dt.datetime(2026, 11, 23, 19, 59, 58, tzinfo=EASTERN), real_start)

    later = clock.at(real_start + dt.timedelta(seconds=3, milliseconds=400))

    assert later == dt.datetime(2026, 11, 23, 20, 0, 1, tzinfo=EASTERN)


def test_each_practice_call_has_its_own_simulated_time(small_runtime) -> None:
    """Two calls started at different instants stamp their events with their own times, not the app's."""
    morning = PracticeCall(small_runtime.calls)
    night = PracticeCall(small_runtime.calls)

    first = morning.start(at=dt.datetime(2026, 11, 24, 9, 0, tzinfo=EASTERN))
    second = night.start(at=dt.datetime(2026, 11, 28, 23, 30, tzinfo=EASTERN))

    assert first.at.startswith("2026-11-24T09:00:00")
    assert second.at.startswith("2026-11-28T23:30:00")
    assert small_runtime.calls.now().isoformat() == "2026-11-23T10:00:00-05:00"


def test_a_practice_calls_time_advances_between_inputs(small_runtime, monkeypatch) -> None:
    """Five real seconds after the start, the call's next event is five simulated seconds later."""
    real = [dt.datetime(2030, 1, 1, 12, 0, 0, tzinfo=dt.timezone.utc)]
    monkeypatch.setattr(small_runtime.calls, "wall", lambda: real[0])
    call = PracticeCall(small_runtime.calls)
    call.start(at=dt.datetime(2026, 11, 23, 19, 59, 58, tzinfo=EASTERN))

    real[0] += dt.timedelta(seconds=5)
    turn = call.press("1")

    assert turn.at == "2026-11-23T20:00:03-05:00"


def test_a_call_without_its_own_time_uses_the_app_clock(small_runtime) -> None:
    """Without a chosen instant a practice call runs at the app's CLOCK, like a phone call."""
    call = PracticeCall(small_runtime.calls)

    assert call.start().at == "2026-11-23T10:00:00-05:00"


def test_choosing_a_language_presses_its_key_at_the_language_menu(small_runtime) -> None:
    """`start(language="es")` answers the language menu: the first turn ends at the Spanish main menu."""
    call = PracticeCall(small_runtime.calls)

    turn = call.start(language="es")

    assert (turn.state, turn.language) == ("main_menu", "es")
    assert list(dict.fromkeys(p.id for p in turn.prompts)) == ["language.prompt", "main_menu.prompt"]
    assert len(call.turns) == 1


def test_a_turn_says_what_the_call_listens_for(small_runtime) -> None:
    """A menu listens for one key or speech; a hang-up listens for nothing and ends the call."""
    call = PracticeCall(small_runtime.calls)
    menu = call.start(language="en")
    goodbye = call.press("9")

    assert menu.listening is not None and (menu.listening.input, menu.listening.num_digits) == ("dtmf speech", 1)
    assert goodbye.ended and goodbye.listening is None
    assert goodbye.text == "Goodbye."


def test_the_representative_key_moves_the_call_to_tier_1(small_runtime) -> None:
    """Seed 003_29c9fde61bf22c66.txt: a caller who asks for live assistance goes from the IVR to Tier 1."""
    call = PracticeCall(small_runtime.calls)
    call.start(language="en")

    turn = call.press("0")

    assert (turn.state, turn.tier) == ("tier1.greeting", "tier1")
    assert call.session is not None and call.session.tier_changes[0].reason == "caller_requested_live_assistance"


def test_a_queued_transfer_comes_back_to_the_simulated_agent(small_flow, tmp_path) -> None:
    """When Tier 1 is routed to a real queue, a practice call notes it and the flow's simulated agent answers."""
    config = settings.resolve({
        "FLOWS": [str(small_flow)],
        "DATABASE_URL": "sqlite://",
        "CLOCK": "2026-11-23T10:00:00-05:00",
        "TIER_ROUTING": {"tier1": {"kind": "queue", "target": "tier1"}},
    })
    runtime = build_runtime(config, tmp_path)
    call = PracticeCall(runtime.calls)
    call.start(language="en")

    turn = call.press("0")

    assert any(note.startswith("queued for tier1") for note in turn.notes)
    assert turn.state == "tier1.greeting" and turn.listening is not None
    runtime.store.close()
