"""SMS confirmations through twilio's REST Client, tested through its `http_client` extension point."""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest
import requests
from twilio.http import HttpClient
from twilio.http.response import Response

from ivr.core.registry import Effect
from ivr.notify import Sms, SmsNotifier, messages_for

CREDENTIALS = {"TWILIO_ACCOUNT_SID": "AC" + "1" * 32, "TWILIO_AUTH_TOKEN": "secret", "TWILIO_FROM_NUMBER": "+18005550100"}
REQUEST = Effect(
    "service_request_created",
    {"reference": "2611230001", "type": "card_not_received", "office": "California Service Center", "receipt": "WAC2690250102"},
)
CALLBACK = Effect("callback_requested", {"service_item": "26327001", "tier": "tier2", "number": "+12025550143"})


class RecordingHttpClient(HttpClient):
    """Answers every REST call like Twilio's Messages API would, and keeps what was sent; no network."""

    def __init__(self, status: int = 201) -> None:
        super().__init__(logger=None, is_async=False)
        self.status = status
        self.requests: list[dict[str, object]] = []

    def request(self, method, uri, params=None, data=None, headers=None, auth=None, timeout=None, allow_redirects=False):
        self.requests.append({"method": method, "uri": uri, "data": dict(data or {})})
        body = {"sid": f"SM{len(self.requests):032d}", "status": "queued"} if self.status < 400 else {"code": 21211, "message": "bad"}
        return Response(self.status, json.dumps(body))


def _step(effects, caller="+12025550143", language="en"):
    return SimpleNamespace(effects=tuple(effects), session=SimpleNamespace(caller=caller, language=language, call_sid="CA" + "9" * 32))


@pytest.mark.parametrize(
    ("language", "body"),
    [
        ("en", "USCIS Contact Center (simulated): your service request 2611230001 about a card you did not receive was sent to the California Service Center."),
        # three segments in UCS-2, two in GSM-7 with á, í, ó, ú written without the accent (ivr.notify.fitted)
        ("es", "Centro de Contacto de USCIS (simulado): su solicitud de servicio 2611230001 sobre una tarjeta que no recibio se envio a la oficina que tiene su caso (California Service Center)."),
    ],
)
def test_a_service_request_is_confirmed_by_text_in_the_callers_language(language, body):
    """DOMAIN.md §1.1: the automated system can send information by text; the reference goes to the caller."""
    assert messages_for([REQUEST], "+12025550143", language) == [Sms("+12025550143", body)]


def test_a_call_back_is_confirmed_with_its_service_item_number():
    """DOMAIN.md §1.3: callers in the call-back queue get a text with the service item number."""
    [sms] = messages_for([CALLBACK], "+12025550143", "en")
    assert "Service item number: 26327001." in sms.body


@pytest.mark.parametrize("caller", [None, "anonymous", "client:softphone", "+266696687"])
def test_no_text_goes_to_a_caller_without_a_phone_number(caller):
    """A withheld number or a browser client cannot receive a text."""
    assert messages_for([REQUEST], caller, "en") == []


def test_effects_that_promise_nothing_send_nothing():
    """Only service requests and call-backs are confirmed by text."""
    assert messages_for([Effect("office_contacted", {"office": "x"})], "+12025550143", "en") == []


@pytest.mark.parametrize("missing", sorted(CREDENTIALS))
def test_no_notifier_without_all_credentials(missing):
    """SMS is optional: without the account SID, token and sending number, nothing is sent."""
    config = {key: value for key, value in CREDENTIALS.items() if key != missing}
    assert SmsNotifier.from_config(config) is None


def test_the_notifier_sends_through_the_messages_api():
    """With credentials, each confirmation is one Messages API request from the configured number."""
    http = RecordingHttpClient()
    notifier = SmsNotifier.from_config(CREDENTIALS, http_client=http)
    sent = notifier.notify(_step([REQUEST, CALLBACK]))
    assert len(sent) == 2 and all(sid.startswith("SM") for sid in sent)
    first = http.requests[0]
    assert first["method"] == "POST"
    assert first["uri"].endswith(f"/Accounts/{CREDENTIALS['TWILIO_ACCOUNT_SID']}/Messages.json")
    assert (first["data"]["To"], first["data"]["From"]) == ("+12025550143", "+18005550100")
    assert "2611230001" in first["data"]["Body"]


def test_a_failed_send_is_logged_not_raised(caplog):
    """A text that Twilio refuses does not break the call."""
    notifier = SmsNotifier.from_config(CREDENTIALS, http_client=RecordingHttpClient(status=400))
    assert notifier.notify(_step([REQUEST])) == []
    assert "not sent" in caplog.text


def test_a_whole_call_gives_the_effects_a_notifier_confirms(dial):
    """The step that creates a request carries the effect a shell hands to the notifier after commit."""
    live = dial()
    live.press("0")
    live.press("7")
    live.press("2")
    live.press("1")
    live.verify(("WAC2690250102", "04121990"))
    effects = [Effect(e.pop("kind"), e) for e in live.effects()]
    http = RecordingHttpClient()
    SmsNotifier.from_config(CREDENTIALS, http_client=http).notify(_step(effects, caller=live.call.caller))
    assert http.requests[0]["data"]["Body"].startswith("USCIS Contact Center (simulated): your service request 2611230001")


def test_a_phone_call_that_creates_a_request_is_texted_after_commit(dial):
    """The app's call service sends the confirmation itself once the step is saved (phone calls only)."""
    live = dial()
    http = RecordingHttpClient()
    live.call.client.application.extensions["ivr"].calls.notifier = SmsNotifier.from_config(CREDENTIALS, http_client=http)
    live.press("0")
    live.press("7")
    live.press("2")
    live.press("1")
    live.verify(("WAC2690250102", "04121990"))
    assert [r["data"]["To"] for r in http.requests] == [live.call.caller]


def test_the_app_builds_a_notifier_only_with_every_credential(make_app):
    """TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER together turn SMS confirmations on."""
    assert make_app().extensions["ivr"].calls.notifier is None
    configured = make_app(TWILIO_ACCOUNT_SID="AC" + "1" * 32, TWILIO_FROM_NUMBER="+15005550006")
    assert configured.extensions["ivr"].calls.notifier is not None


class UnreachableHttpClient(HttpClient):
    """Fails every REST call the way twilio's own requests-based client does when the network is down."""

    def __init__(self) -> None:
        super().__init__(logger=None, is_async=False)
        self.attempts = 0

    def request(self, method, uri, params=None, data=None, headers=None, auth=None, timeout=None, allow_redirects=False):
        self.attempts += 1
        raise requests.exceptions.ConnectionError("api.twilio.com: Name or service not known")


def test_an_unreachable_messages_api_is_logged_not_raised(caplog):
    """A text that cannot even reach Twilio (network down, DNS, TLS) is logged by kind and the call goes on."""
    http = UnreachableHttpClient()
    notifier = SmsNotifier.from_config(CREDENTIALS, http_client=http)
    assert notifier.notify(_step([REQUEST])) == [] and http.attempts == 1
    assert "not sent: ConnectionError" in caplog.text


def test_a_caller_hears_the_reference_number_when_the_text_cannot_be_sent(dial):
    """The request the call created is read back to the caller even when its confirmation text fails to send."""
    live = dial()
    live.call.client.application.extensions["ivr"].calls.notifier = SmsNotifier.from_config(
        CREDENTIALS, http_client=UnreachableHttpClient()
    )
    live.press("0")
    live.press("7")
    live.press("2")
    live.press("1")
    turn = live.verify(("WAC2690250102", "04121990"))
    assert "Your reference number is 2 6 1, 1 2 3, 0 0 0 1." in turn.text and not turn.hung_up


def test_the_messages_api_cannot_hold_a_webhook_past_twilios_wait():
    """Twilio gives a webhook 15 s before it plays the fallback: a hung Messages API is given up well before that."""
    notifier = SmsNotifier.from_config(CREDENTIALS)
    timeout = notifier.client.http_client.timeout
    assert timeout is not None and 0 < timeout <= 5
