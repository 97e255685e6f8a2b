"""The call-back words are the flow's data (`messages:` callback, callback_unavailable, callback_time_frame,
callback_sms): a flow author changes them in the flow, and a call and its SMS say the new words.

DOMAIN.md §1.3: "Callers who need to speak with Tier 2 are placed into a call-back queue"; Tier 1 gives a
"service item number" used to verify the officer (the words that say it are the flow's).  What the shipped
flow says, byte for byte, is held by tests/live/test_callback_time_frame.py and tests/live/test_callback_sms.py;
what the loader refuses in these words, by the golden files tests/data/flows/broken/callback_*.yaml.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ivr.errors import ConfigError
from tests.live.test_sms import CREDENTIALS, RecordingHttpClient

TIER2_CALLBACK = {"tier2": {"kind": "callback", "target": "tier2-callbacks"}}
SHIPPED_PROMISE = '    en: "{who} will call you back at {number}. Your service item number is {item}. Again, {item}.'
NEW_PROMISE = '    en: "{who} will phone you at {number}. Write down your service item number: {item}. Again, {item}.'
SHIPPED_SMS = '    en: "USCIS Contact Center (simulated): {who} will call you back. Service item number: {item}.'
NEW_SMS = '    en: "USCIS Contact Center (simulated): {who} will phone you. Your service item: {item}.'



def _tier2_callback(dial, flow: Path, **settings):
    live = dial(FLOWS=[str(flow)], TIER_ROUTING=TIER2_CALLBACK, **settings)
    live.press("0")
    live.say("what are the details of my case")
    return live, live.press("1")


def test_a_flow_whose_call_back_words_are_changed_is_heard_with_its_words(dial, edited_flow):
    """A flow author rewords `messages.callback`: a caller put in Tier 2's call-back queue hears the new words,
    filled with the caller's number and the service item number digit by digit."""
    flow = edited_flow((SHIPPED_PROMISE, NEW_PROMISE))
    _, turn = _tier2_callback(dial, flow)
    assert "A USCIS officer will phone you at 2 0 2, 5 5 5, 0 1 4 3. Write down your service item number: 1 0 4 0, 0 0 0 0." in turn.text
    assert "will call you back at" not in turn.text


def test_a_flow_whose_sms_words_are_changed_texts_its_words(dial, edited_flow):
    """A flow author rewords `messages.callback_sms`: the app's notifier texts the caller the new words
    (twilio's REST client, only its http_client a stand-in)."""
    flow = edited_flow((SHIPPED_SMS, NEW_SMS))
    http = RecordingHttpClient()
    sms = {key: CREDENTIALS[key] for key in ("TWILIO_ACCOUNT_SID", "TWILIO_FROM_NUMBER")}  # the test app's token signs
    live = dial(FLOWS=[str(flow)], TIER_ROUTING=TIER2_CALLBACK, **sms)
    live.runtime.calls.notifier.client.http_client = http  # the notifier the app built, without the network
    live.press("0")
    live.say("what are the details of my case")
    live.press("1")
    [request] = http.requests
    assert request["data"]["Body"].startswith(
        "USCIS Contact Center (simulated): a USCIS officer will phone you. Your service item: 10400000. Urgent:"
    )


def test_an_app_refuses_a_call_back_route_for_a_flow_without_call_back_words(make_app) -> None:
    """A tier routed to call-backs says the flow's call-back words: a flow without them is a one-line
    configuration error at start-up, never a caller's dead end."""
    rehearsal = Path(__file__).resolve().parents[1] / "trainers" / "data" / "rehearsal_flow.yaml"
    with pytest.raises(ConfigError, match=r"^TIER_ROUTING\.tier2: a call-back route, but flow '\w+' has no call-back words"):
        make_app(FLOWS=[str(rehearsal)], TIER_ROUTING=TIER2_CALLBACK)
