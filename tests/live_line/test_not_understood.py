"""Not being understood ends too: a caller whose keys or words never fit is not offered help without end.

Issue 9 point 3 asks that every prompt have a last attempt and that no call go on
without end.  A caller who is never understood (a noisy line, another language, a
stuck key) used to reach the offer of help ("For a representative, press 1. For the
main menu, press 2."), fail it, and be offered it again, for good.  Now the second
limit reached with nothing chosen in between ends the trouble as silence does: a
transfer when live assistance is open, the hours and goodbye when it is closed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ivr.core.events import Speech
from tests.live_line.test_silence import MAX_SILENT_PROMPTS, routed_app  # noqa: F401: the fixture, simulated and people
from tests.live_line.walking import CLOSED, OPEN, every_state, silent_call

JUNK = "blah blah banana"  # words no menu or question of the flow understands


def junk(now: dt.datetime) -> Speech:
    return Speech(now, JUNK, 0.9)


def test_a_caller_never_understood_is_transferred_when_live_assistance_is_open(english_call):
    """Words nobody understands: the offer of help after three misses, then a representative after three more."""
    for _ in range(3):
        turn = english_call.say(JUNK)
    assert turn.state == "attempts.offer_representative"
    for _ in range(3):
        turn = english_call.say(JUNK)
    assert turn.tier == "tier1"


def test_wrong_keys_at_the_offer_of_help_lead_to_a_representative_not_the_offer_again(english_call):
    """A stuck or wrong key (5, which the offer does not have) cannot keep a caller at the offer of help."""
    for _ in range(3):
        english_call.say(JUNK)
    for _ in range(3):
        turn = english_call.press("5")
    assert turn.tier == "tier1" and turn.state != "attempts.offer_representative"


def test_a_caller_never_understood_out_of_hours_hears_the_hours_and_goodbye(make_app):
    """DOMAIN.md §1.1 (MED-HIGH): live assistance Monday-Friday 8-8 Eastern; closed, the first limit already says
    the hours and hangs up (nobody to transfer to)."""
    from ivr.testing import PhoneCall
    from tests.conftest import TOKEN

    call = PhoneCall(make_app(CLOCK="2026-11-23T21:00:00-05:00"), TOKEN)
    call.start()
    call.press("1")
    for _ in range(3):
        turn = call.say(JUNK)
    assert turn.hung_up and "Representatives are available" in turn.text


def test_choosing_something_between_two_limits_gets_the_offer_of_help_again(english_call):
    """A caller who takes the main menu from the offer of help, then is not understood again, is offered help again."""
    for _ in range(3):
        english_call.say(JUNK)
    english_call.press("2")
    for _ in range(3):
        turn = english_call.say(JUNK)
    assert turn.state == "attempts.offer_representative"


@pytest.mark.parametrize("now", [OPEN, CLOSED], ids=["open", "closed"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_state_met_with_words_nobody_understands_ends_within_a_bounded_number_of_prompts(
    routed_app, language, now
):
    """Property: from every state, only words nobody understands, the call hangs up or is handed to people."""
    runtime = routed_app.extensions["ivr"]
    calls = [silent_call(runtime.engine, runtime.cases, flow_id, state, language, now, reply=junk)
             for flow_id, state in every_state(runtime.engine)]
    endless = sorted({(call.start, call.last_state) for call in calls if call.ending == "endless"})
    assert endless == []
    longest = max(calls, key=lambda call: call.prompts)
    assert longest.prompts <= MAX_SILENT_PROMPTS, longest
