"""Optional SMS confirmations of what a call promised, through twilio's REST `Client`.

DOMAIN.md §1.1: the Contact Center's automated system can send information by
text; DOMAIN.md §1.3: callers get text alerts about call-backs.  When the
account SID, auth token and a sending number are configured
(`TWILIO_ACCOUNT_SID`, `TWILIO_AUTH_TOKEN`, `TWILIO_FROM_NUMBER`), a caller
whose call created a service request or a call-back gets its number by SMS.

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

from ivr.core.registry import SERVICE_REQUEST_CREATED, Effect
from ivr.routing import CALLBACK_REQUESTED, callable_number
from ivr.rules.service_requests import SR_TYPES, topic

if TYPE_CHECKING:  # the REST client costs ~40 ms to import: only a configured notifier loads it
    from twilio.rest import Client

log = logging.getLogger(__name__)

SEND_TIMEOUT = 4.0  # seconds per REST request; Twilio plays the fallback after a webhook's 15 s

_TEXTS = {
    SERVICE_REQUEST_CREATED: {
        "en": "USCIS Contact Center (simulated): your service request {reference} about {topic} "
        "was sent to the {office}.",
        "es": "Centro de Contacto de USCIS (simulado): su solicitud de servicio {reference} sobre {topic} "
        "se envió a la oficina que tiene su caso ({office}).",
    },
    CALLBACK_REQUESTED: {
        "en": "USCIS Contact Center (simulated): we will call you back. "
        "Your service item number is {service_item}.",
        "es": "Centro de Contacto de USCIS (simulado): le devolveremos la llamada. "
        "Su número de servicio es {service_item}.",
    },
}


@dataclass(frozen=True)
class Sms:
    """One text message to send."""

    to: str
    body: str


def messages_for(effects: Iterable[Effect], caller: str | None, language: str) -> list[Sms]:
    """The texts a step's effects call for, to the caller's own number (none when it cannot take one)."""
    number = callable_number(caller)
    if number is None:
        return []
    lang = "es" if language == "es" else "en"
    messages: list[Sms] = []
    for effect in effects:
        template = _TEXTS.get(effect.kind)
        if template is None:
            continue
        messages.append(Sms(number, template[lang].format(**_values(effect.data, lang))))
    return messages


def _values(data: Mapping[str, Any], language: str) -> dict[str, str]:
    values = {key: str(value) for key, value in data.items() if value is not None}
    sr_type = str(data.get("type", ""))
    values["topic"] = topic(sr_type, language) if sr_type in SR_TYPES else sr_type
    values.setdefault("office", "")
    values.setdefault("reference", "")
    values.setdefault("service_item", "")
    return values


class SmsNotifier:
    """Sends `messages_for` a step through twilio's REST Client."""

    def __init__(self, client: Client, from_number: str) -> None:
        self.client = client
        self.from_number = from_number

    @classmethod
    def from_config(cls, config: Mapping[str, Any], http_client: Any = None) -> SmsNotifier | None:
        """A notifier when the account SID, auth token and sending number are configured; else None."""
        sid = config.get("TWILIO_ACCOUNT_SID")
        token = config.get("TWILIO_AUTH_TOKEN")
        from_number = config.get("TWILIO_FROM_NUMBER")
        if not (sid and token and from_number):
            return None
        from twilio.http.http_client import TwilioHttpClient
        from twilio.rest import Client

        http = http_client if http_client is not None else TwilioHttpClient(timeout=SEND_TIMEOUT)
        return cls(Client(str(sid), str(token), http_client=http), str(from_number))

    def notify(self, step: Any) -> list[str]:
        """Send the texts for one committed step (`ivr.core.engine.Step`); the SIDs of those sent."""
        session = step.session
        sent: list[str] = []
        for sms in messages_for(step.effects, session.caller, session.language):
            try:
                message = self.client.messages.create(to=sms.to, from_=self.from_number, body=sms.body)
            except Exception as exc:  # noqa: BLE001: refused (TwilioException) or unreachable (requests' errors)
                log.warning("SMS to the caller of %s not sent: %s", session.call_sid[:12], type(exc).__name__)
                continue
            sent.append(str(message.sid))
        return sent
