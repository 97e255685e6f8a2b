"""Driving whole calls through the real Twilio webhooks, for tests and QA scripts.

`PhoneCall` posts signed requests (twilio's `RequestValidator` computes the
signature, as Twilio does) to a Flask app and parses each TwiML answer into a
`Turn`: what the caller heard, what the app listens for, the state and tier
headers.  Nothing is mocked between the request and the engine.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from typing import Any

from flask import Flask
from twilio.request_validator import RequestValidator

_sids = itertools.count(1)


@dataclass(frozen=True)
class Turn:
    """One TwiML answer, parsed."""

    status: int
    state: str
    tier: str
    says: tuple[str, ...]
    gather: dict[str, str] | None
    verbs: tuple[str, ...]
    xml: str
    languages: tuple[str, ...] = field(default=())

    @property
    def text(self) -> str:
        """Everything said in this turn, as one string."""
        return " ".join(self.says)

    @property
    def hung_up(self) -> bool:
        return "Hangup" in self.verbs

    def element(self) -> ET.Element:
        return ET.fromstring(self.xml)


def parse_turn(status: int, body: str, headers: Any) -> Turn:
    root = ET.fromstring(body)
    if root.tag != "Response":
        raise AssertionError(f"not TwiML: root is <{root.tag}>")
    says: list[str] = []
    languages: list[str] = []
    gather: dict[str, str] | None = None
    for element in root.iter():
        if element.tag == "Say":
            says.append(element.text or "")
            languages.append(element.get("language", ""))
        if element.tag == "Gather":
            gather = dict(element.attrib)
    verbs = tuple(child.tag for child in root)
    return Turn(
        status,
        headers.get("X-IVR-State", ""),
        headers.get("X-IVR-Tier", ""),
        tuple(says),
        gather,
        verbs,
        body,
        tuple(languages),
    )


class PhoneCall:
    """A simulated phone call against the app's webhooks, signed like Twilio signs them."""

    def __init__(self, app: Flask, token: str, caller: str = "+12025550143", call_sid: str | None = None,
                 base_url: str = "http://localhost") -> None:
        self.client = app.test_client()
        self.validator = RequestValidator(token)
        self.caller = caller
        self.call_sid = call_sid or f"CA{next(_sids):032d}"
        self.base_url = base_url.rstrip("/")
        self.turns: list[Turn] = []

    def post(self, path: str, **params: str) -> Turn:
        params = {"CallSid": self.call_sid, "AccountSid": "AC" + "0" * 32, **params}
        signature = self.validator.compute_signature(self.base_url + path, params)
        response = self.client.post(path, data=params, headers={"X-Twilio-Signature": signature})
        turn = parse_turn(response.status_code, response.get_data(as_text=True), response.headers)
        self.turns.append(turn)
        return turn

    def start(self) -> Turn:
        return self.post("/voice", From=self.caller, To="+18003755283", CallStatus="ringing", Direction="inbound")

    def press(self, digits: str) -> Turn:
        return self.post("/voice/gather", Digits=digits)

    def say(self, text: str, confidence: str = "0.92") -> Turn:
        return self.post("/voice/gather", SpeechResult=text, Confidence=confidence)

    def silence(self) -> Turn:
        return self.post("/voice/gather?silence=1")

    def hang_up(self) -> Turn:
        return self.post("/voice/status", CallStatus="completed", CallDuration="42")

    @property
    def last(self) -> Turn:
        return self.turns[-1]
