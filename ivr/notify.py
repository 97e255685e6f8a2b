"""Optional SMS confirmations of what a call promised, through twilio's REST `Client`.

DOMAIN.md §1.1: the Contact Center's automated system can send information by
text; DOMAIN.md §1.3: callers get text alerts about call-backs.  When the
account SID, auth token and a sending number are configured
(`TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`, `TWILIO_FROM_NUMBER`), a caller
whose call created a service request or a call-back gets its number by SMS;
an officer's call-back (Tier 2 or a supervisor) also says when and from which
number it comes, as the caller heard.  Every text is in the words of the
call's flow (its `messages:` `service_request_sms`, `callback_sms_tier1`:
`SMS_MESSAGES`, and `callback_sms`: `ivr.routing.officer_callback_sms`), or
the shipped flow's for a flow without them or one the notifier was not given.
Every text is at most two segments (`segments`, `fitted`; the flow loader
holds the flow's texts to it).

A shell calls `SmsNotifier.notify(step)` after the step's transaction has
committed: a message is never sent for a change that was rolled back, and a
failed send (refused by Twilio, or Twilio unreachable) is logged, never raised:
the call goes on and the caller hears what the step says.  The REST client waits
at most `SEND_TIMEOUT` seconds for Twilio, well inside the 15 s Twilio gives the
webhook that is sending.  `messages_for` is
pure, so what would be sent is testable without twilio; tests hand the
notifier twilio's `http_client` extension point, never the network.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ivr.core.flow import Text
from ivr.core.registry import SERVICE_REQUEST_CREATED, Effect
from ivr.routing import CALLBACK_REQUESTED, OFFICER_TIERS, callable_number, line_words, officer_callback_sms, shipped_messages
from ivr.rules.service_requests import SR_TYPES, topic

if TYPE_CHECKING:  # the REST client costs ~40 ms to import: only a configured notifier loads it
    from twilio.rest import Client

log = logging.getLogger(__name__)

SEND_TIMEOUT = 4.0  # seconds per REST request; Twilio plays the fallback after a webhook's 15 s

SMS_MESSAGES: Mapping[str, tuple[str, ...]] = {
    "service_request_sms": ("reference", "topic", "office"),
    "callback_sms_tier1": ("item",),
}
"""The flow's texts (its `messages:`) besides an officer's call-back (`callback_sms`), each with the only
placeholders it is filled with: a new service request (its reference number, its topic as the menu names it,
the office it was sent to) and a representative's call-back (the service item number).  Optional: a flow
without one sends the shipped flow's (`ivr.routing.line_words`)."""
SMS_NEEDS: Mapping[str, tuple[str, ...]] = {"service_request_sms": ("reference",), "callback_sms_tier1": ("item",)}
"""The placeholders a text may not leave out: the number the caller quotes when they call about it."""
_SMS_OF = {SERVICE_REQUEST_CREATED: "service_request_sms", CALLBACK_REQUESTED: "callback_sms_tier1"}


MAX_SEGMENTS = 2
"""A confirmation is at most this many SMS segments (one or two: short to read, and billed per segment)."""
GSM_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
"""The GSM 03.38 default alphabet: one 7-bit septet each."""
GSM_EXTENDED = frozenset("^{}\\[~]|€\f")
"""The GSM 03.38 extension table: two septets each (an escape, then the character)."""
_GSM_FOLD = str.maketrans("áíóúÁÍÓÚ", "aiouAIOU")
"""Spanish letters outside the GSM alphabet, written as texting in Spanish commonly writes them."""


def segments(body: str) -> int:
    """How many SMS segments `body` takes: GSM-7 (160 septets, or 153 per part when concatenated) when every
    character is in the GSM alphabet, else UCS-2 (70 code units, or 67 per part)."""
    if all(ch in GSM_BASIC or ch in GSM_EXTENDED for ch in body):
        units, single, part = sum(2 if ch in GSM_EXTENDED else 1 for ch in body), 160, 153
    else:
        units, single, part = len(body.encode("utf-16-le")) // 2, 70, 67
    return 1 if units <= single else -(-units // part)


def fitted(body: str) -> str:
    """`body`, or when it would take more than `MAX_SEGMENTS` as written, with the accented vowels the GSM
    alphabet lacks (á í ó ú) written without the accent, so it is sent in GSM-7: a Spanish text with them
    is UCS-2, at 67 characters a part, where the same words in GSM-7 take 153."""
    if segments(body) <= MAX_SEGMENTS:
        return body
    return body.translate(_GSM_FOLD)


@dataclass(frozen=True)
class Sms:
    """One text message to send."""

    to: str
    body: str


def messages_for(
    effects: Iterable[Effect], caller: str | None, language: str, messages: Mapping[str, Text] | None = None
) -> list[Sms]:
    """The texts a step's effects call for, to the caller's own number (none when it cannot take one), in the
    words of `messages` (the call's flow's; the shipped flow's when not given, or for a text it lacks)."""
    number = callable_number(caller)
    if number is None:
        return []
    lang = "es" if language == "es" else "en"
    result: list[Sms] = []
    for effect in effects:
        if effect.kind == CALLBACK_REQUESTED and effect.data.get("tier") in OFFICER_TIERS and effect.data.get("service_item"):
            # what the caller heard: when an officer calls back and from which number (`Callback.message`)
            words = messages if messages and "callback_sms" in messages else shipped_messages()
            body = officer_callback_sms(str(effect.data["tier"]), str(effect.data["service_item"]), lang, words)
        elif effect.kind in _SMS_OF:
            body = line_words(messages or {}, _SMS_OF[effect.kind]).in_(lang).format(**sms_values(effect.data, lang))
        else:
            continue
        result.append(Sms(number, fitted(body)))
    return result


def sms_values(data: Mapping[str, Any], language: str) -> dict[str, str]:
    """What a text's placeholders (`SMS_MESSAGES`) are filled with from its effect's data."""
    sr_type = str(data.get("type", ""))
    return {
        "reference": str(data.get("reference") or ""),
        "topic": topic(sr_type, language) if sr_type in SR_TYPES else sr_type,
        "office": str(data.get("office") or ""),
        "item": str(data.get("service_item") or ""),
    }


class SmsNotifier:
    """Sends `messages_for` a step through twilio's REST Client."""

    def __init__(self, client: Client, from_number: str, messages: Mapping[str, Mapping[str, Text]] | None = None) -> None:
        self.client = client
        self.from_number = from_number
        self.messages = messages or {}  # flow id -> that flow's messages (its call-back words)

    @classmethod
    def from_config(
        cls, config: Mapping[str, Any], http_client: Any = None, messages: Mapping[str, Mapping[str, Text]] | None = None
    ) -> SmsNotifier | None:
        """A notifier when the account SID, auth token and sending number are configured; else None.
        `messages`: each flow's messages by flow id, so a text says what the caller's flow said."""
        sid = config.get("TWILIO_ACCOUNT_SID")
        token = config.get("TWILIO_AUTH_TOKEN")
        from_number = config.get("TWILIO_FROM_NUMBER")
        if not (sid and token and from_number):
            return None
        from twilio.http.http_client import TwilioHttpClient
        from twilio.rest import Client

        http = http_client if http_client is not None else TwilioHttpClient(timeout=SEND_TIMEOUT)
        return cls(Client(str(sid), str(token), http_client=http), str(from_number), messages)

    def notify(self, step: Any) -> list[str]:
        """Send the texts for one committed step (`ivr.core.engine.Step`); the SIDs of those sent."""
        session = step.session
        sent: list[str] = []
        flow_messages = self.messages.get(getattr(session, "flow_id", ""))  # a step of a flow it was not given: None
        for sms in messages_for(step.effects, session.caller, session.language, flow_messages):
            try:
                message = self.client.messages.create(to=sms.to, from_=self.from_number, body=sms.body)
            except Exception as exc:  # noqa: BLE001: refused (TwilioException) or unreachable (requests' errors)
                log.warning("SMS to the caller of %s not sent: %s", session.call_sid[:12], type(exc).__name__)
                continue
            sent.append(str(message.sid))
        return sent
