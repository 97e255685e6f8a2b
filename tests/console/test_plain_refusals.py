"""A refused console action says the rule in plain words: never a seed file or project document the trainee cannot open."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ivr.console.service import ConsoleService
from ivr.core.agent import ACTIONS, SEAT_ACTIONS

CITATION = re.compile(r"(?i)\bseed\b|\b[\w/.-]+\.(?:py|md|txt|ya?ml)\b|§|\bissue \d+")
SEAT_SCENARIOS = {"tier1": "tier1-notice-not-received", "tier2": "tier2-good-cause-untimely", "supervisor": "supervisor-uscis-error"}
SEAT_WORDS = {"tier1": "a Tier 1 representative", "tier2": "a Tier 2 officer", "supervisor": "a supervisor"}
ARGUMENTS: dict[str, dict[str, Any]] = {
    "read_script": {"ref": "case-status@1"}, "transfer_tier2": {"reason": "needs an officer"},
    "route_supervisor": {"reason": "caller_requested_supervisor"}, "free_answer": {"text": "Let me see."},
    "decide_good_cause": {"cause": "illness"}, "book_appointment": {"choice": 1},
    "verify_identity": {"receipt": "MSC2690550105", "date_of_birth": "1968-12-01"},
}


def _answered(console: ConsoleService, seat: str) -> str:
    call_sid = console.start_scenario(SEAT_SCENARIOS[seat])
    console.act(call_sid, "tina", {"action": "accept", "seat": seat})
    return call_sid


@pytest.mark.parametrize("seat", sorted(SEAT_SCENARIOS))
def test_an_action_a_seat_may_not_take_is_refused_in_plain_words(console: ConsoleService, seat: str) -> None:
    """Seed 003_29c9fde61bf22c66.txt fixes what each seat may do; the trainee reads "a Tier 1 representative may
    not …" and what the seat may do instead, with no file name."""
    forbidden = [name for name in ACTIONS if name != "accept" and name not in SEAT_ACTIONS[seat]]
    assert forbidden
    call_sid = _answered(console, seat)
    for name in forbidden:
        refused = console.act(call_sid, "tina", {"action": name, **ARGUMENTS.get(name, {})}).refused
        assert refused is not None and refused.startswith(f"{SEAT_WORDS[seat]} may not {ACTIONS[name].label}"), refused
        assert not CITATION.search(refused), refused


def test_an_unknown_good_cause_is_refused_with_the_good_causes_listed(console: ConsoleService) -> None:
    """Seed 000_183b307099edfec1.txt's good causes are named in words, not as "one of seed 000's good causes"."""
    call_sid = _answered(console, "tier2")
    console.act(call_sid, "tina", ARGUMENTS["verify_identity"] | {"action": "verify_identity"})

    refused = console.act(call_sid, "tina", {"action": "decide_good_cause", "cause": "bad_weather"}).refused

    assert refused is not None and refused.startswith("'bad_weather' is not a good cause to reschedule a biometrics appointment")
    assert "previously planned travel (travel)" in refused
    assert not CITATION.search(refused), refused


def test_an_unknown_supervisor_reason_is_refused_with_the_reasons_in_words(console: ConsoleService) -> None:
    """Seed 003_29c9fde61bf22c66.txt's three reasons for a supervisor are said in words, then as the form's values."""
    call_sid = _answered(console, "tier1")

    refused = console.act(call_sid, "tina", {"action": "route_supervisor", "reason": "bored"}).refused

    assert refused is not None and refused.startswith("a call goes to a supervisor only when the caller asks for one")
    assert not CITATION.search(refused), refused
