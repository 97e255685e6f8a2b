"""The live line: a trainee's actions reach a real call through Twilio's REST API (its `http_client` mocked)."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from twilio.http import HttpClient
from twilio.http.response import Response

from ivr.console.service import build_console
from tests.conftest import TOKEN

ACCOUNT = "AC" + "1" * 32
CONSOLE_TIER1 = {"tier1": {"kind": "console", "target": "tier1"}}


class RecordingHttpClient(HttpClient):
    """Answers REST calls like Twilio's Calls API and keeps them; no network."""

    def __init__(self) -> None:
        super().__init__(logger=None, is_async=False)
        self.requests: list[dict[str, Any]] = []

    def request(self, method, uri, params=None, data=None, headers=None, auth=None, timeout=None, allow_redirects=False):  # noqa: ANN001, ANN201
        self.requests.append({"method": method, "uri": uri, "data": dict(data or {})})
        return Response(200, json.dumps({"sid": uri.rsplit("/", 1)[-1].removesuffix(".json"), "status": "in-progress"}))


@pytest.fixture
def live(make_app: Any, phone: Any) -> Any:
    """A live line whose Tier 1 is the console, a Spanish caller waiting in the queue, and the REST boundary recorded."""
    app = make_app(TIER_ROUTING=CONSOLE_TIER1, TWILIO_ACCOUNT_SID=ACCOUNT)
    from ivr.testing import PhoneCall

    call = PhoneCall(app, TOKEN)
    call.start()
    call.press("2")
    queued = call.press("0")
    http = RecordingHttpClient()
    console = build_console(app.extensions["ivr"], http_client=http)
    return call, queued, console, http


def test_the_caller_waits_in_enqueue_for_the_console(live: Any) -> None:
    """Issue 14: with TIER_ROUTING sending Tier 1 to the console on a real number, the caller waits in <Enqueue>."""
    call, queued, console, _ = live
    enqueue = queued.element().find("Enqueue")
    assert enqueue is not None and enqueue.text == "tier1"
    assert enqueue.get("waitUrl") == "/voice/queue/wait"
    assert [w.call_sid for w in console.waiting("tier1")] == [call.call_sid]


def test_a_script_read_at_the_console_updates_the_live_call_in_the_callers_language(live: Any) -> None:
    """Issue 14: the call update carries the script's text in the caller's language, then the caller waits again."""
    call, _, console, http = live
    console.act(call.call_sid, "tina", {"action": "accept", "seat": "tier1"})
    console.act(call.call_sid, "tina", {"action": "read_script", "ref": "case-status@1"})
    update = http.requests[-1]
    assert update["method"] == "POST"
    assert update["uri"] == f"https://api.twilio.com/2010-04-01/Accounts/{ACCOUNT}/Calls/{call.call_sid}.json"
    twiml = ET.fromstring(update["data"]["Twiml"])
    says = [(say.get("language"), say.text) for say in twiml.findall("Say")]
    script = console.calls.engine.services.scripts.get("case-status@1").text["es"]
    assert says == [("es-US", script)]
    assert [child.tag for child in twiml] == ["Say", "Enqueue"]
    assert twiml.find("Enqueue").text == "tier1"


def test_ending_the_call_at_the_console_hangs_up_the_live_call(live: Any) -> None:
    """The goodbye reaches the caller and the call is hung up."""
    call, _, console, http = live
    console.act(call.call_sid, "tina", {"action": "accept", "seat": "tier1"})
    console.act(call.call_sid, "tina", {"action": "end_call"})
    twiml = ET.fromstring(http.requests[-1]["data"]["Twiml"])
    assert [child.tag for child in twiml] == ["Say", "Hangup"]
    assert twiml.find("Say").text == "Gracias por llamar al Centro de Contacto de USCIS. Adiós."


def test_a_refused_action_sends_nothing_to_the_live_call(live: Any) -> None:
    """Nothing the seat may not do reaches the caller."""
    call, _, console, http = live
    console.act(call.call_sid, "tina", {"action": "accept", "seat": "tier1"})
    sent = len(http.requests)
    console.act(call.call_sid, "tina", {"action": "free_answer", "text": "hi"})
    assert len(http.requests) == sent


def test_a_waiting_caller_can_choose_a_call_back_instead(live: Any) -> None:
    """DOMAIN.md §1.3: pressing the queue's call-back key leaves the console's queue and records a call-back."""
    call, _, console, _ = live
    left = call.post("/voice/queue/wait", Digits="1")
    assert [child.tag for child in left.element()][-1] == "Leave"
    assert "Your service item number is" in " ".join(left.says) or "Su número de servicio" in " ".join(left.says)
    assert console.waiting("tier1") == []
    assert console.calls.store.session(call.call_sid).console["status"] == "left"
