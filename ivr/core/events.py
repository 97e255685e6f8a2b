"""Caller events: the closed vocabulary of what can happen on a call.

Each is a small frozen dataclass, like h11's events.  Every event carries
`now`, the instant the shell observed it (the real or the simulated clock), so
the engine never reads a clock itself.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ivr.core.agent import AgentAction


@dataclass(frozen=True)
class CallStarted:
    """A new call reached the flow."""

    now: dt.datetime
    caller: str | None = None
    console: tuple[str, ...] = ()  # tiers this call (a rehearsal) sends to the agent console


@dataclass(frozen=True)
class Digits:
    """The caller pressed keys (DTMF), e.g. `"1"` or `"0912345678#"`."""

    now: dt.datetime
    digits: str


@dataclass(frozen=True)
class Speech:
    """The caller said something; `text` is the recogniser's transcript."""

    now: dt.datetime
    text: str
    confidence: float | None = None


@dataclass(frozen=True)
class NoInput:
    """The caller said and pressed nothing before the prompt timed out."""

    now: dt.datetime


@dataclass(frozen=True)
class HangUp:
    """The caller hung up (or the call ended)."""

    now: dt.datetime


@dataclass(frozen=True)
class Resume:
    """The call comes back to the flow (after a queue or a dial ends): say where it is."""

    now: dt.datetime


Event = CallStarted | Digits | Speech | NoInput | HangUp | Resume | AgentAction
"""Caller events, and an agent's actions at the console (`ivr.core.agent`)."""


UNSURE = 0.5
"""Below this recogniser confidence an identifier is read back before use (the engine's LOW_CONFIDENCE)."""


def describe(event: Event) -> dict[str, str]:
    """A transcript-friendly description of an event (kind and the caller's input)."""
    match event:
        case CallStarted():
            return {"kind": "call_started"}
        case Digits(digits=digits):
            return {"kind": "digits", "value": digits}
        case Speech(text=text, confidence=confidence):
            if confidence is not None and confidence < UNSURE:  # it changes the path: replay needs it
                return {"kind": "speech", "value": text, "confidence": f"{confidence:.2f}"}
            return {"kind": "speech", "value": text}
        case NoInput():
            return {"kind": "no_input"}
        case HangUp():
            return {"kind": "hang_up"}
        case Resume():
            return {"kind": "resume"}
        case AgentAction():
            return {"kind": "agent", "value": event.to_json()}
    raise TypeError(f"not an event: {event!r}")
