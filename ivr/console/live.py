"""The live line: a trainee's action reaches a real phone call through Twilio's REST API.

With `TIER_ROUTING` sending a tier to the console on a real number, the
caller waits in `<Enqueue>`; each agent step is then pushed to the call by
updating it with new TwiML (`client.calls(sid).update(twiml=…)`): what the
agent made the call say, then back into the queue while the console still
holds the call, or the flow's own TwiML once the call has moved on (a
simulated tier, the goodbye).  Like `ivr.notify`, only this module talks to
the REST API, and tests mock the library's `http_client` only.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from twilio.base.exceptions import TwilioException
from twilio.rest import Client

from ivr.adapters.twiml import Urls, Voices, render
from ivr.core.actions import CallAction, Enqueue, Gather
from ivr.core.agent_step import holds
from ivr.core.engine import Step

log = logging.getLogger(__name__)


def live_twiml(step: Step, urls: Urls = Urls(), voices: Voices = Voices()) -> str:
    """The TwiML a live call is updated with after an agent's step."""
    session = step.session
    actions: list[CallAction] = list(step.actions)
    if holds(session) and not session.ended:
        # The caller hears the agent, then waits on the line again (no Gather: the queue holds them).
        actions = [a for a in actions if not isinstance(a, (Gather, Enqueue))]
        console = session.console
        actions.append(Enqueue(str(console.get("queue") or console.get("tier")), str(console.get("tier")), console=True))
    return render(actions, urls, voices)


class LiveLine:
    """Pushes agent steps to live calls through twilio's REST Client."""

    def __init__(self, client: Client, urls: Urls = Urls(), voices: Voices = Voices()) -> None:
        self.client = client
        self.urls = urls
        self.voices = voices

    @classmethod
    def from_config(cls, config: Mapping[str, Any], urls: Urls = Urls(), voices: Voices = Voices(), http_client: Any = None) -> LiveLine | None:
        """A live line when the account SID and auth token are configured; else None."""
        sid = config.get("TWILIO_ACCOUNT_SID")
        token = config.get("TWILIO_AUTH_TOKEN")
        if not (sid and token):
            return None
        return cls(Client(str(sid), str(token), http_client=http_client), urls, voices)

    def push(self, step: Step) -> bool:
        """Update the live call with the step's TwiML; False (logged) when Twilio refused."""
        if not step.actions:
            return False
        call_sid = step.session.call_sid
        try:
            self.client.calls(call_sid).update(twiml=live_twiml(step, self.urls, self.voices))
        except TwilioException as exc:
            log.warning("live call %s not updated: %s", call_sid[:12], type(exc).__name__)
            return False
        return True
