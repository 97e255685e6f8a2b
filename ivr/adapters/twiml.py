"""Rendering engine actions as TwiML, through the twilio library's `VoiceResponse`.

The only module that imports `twilio.twiml`.  Prompts said before a
`Gather` are nested inside it so callers can barge in; a `Redirect` after the
`Gather` brings a silent caller back as no-input.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from twilio.twiml.voice_response import Gather as TwimlGather
from twilio.twiml.voice_response import VoiceResponse

from ivr.core.actions import CallAction, Dial, Enqueue, Gather, HangUpCall, Redirect, Say

LOCALES = {"en": "en-US", "es": "es-US"}
# Identifiers (receipt numbers, dates, reference numbers) are read out slowly, letter by letter and digit by
# digit: Twilio's phone-call model with `enhanced` (which only that model takes), and a fixed pause of 3 s
# after speech so a caller who breathes between digit groups is not cut off ("auto" ends at the first pause).
IDENTIFIER_SPEECH = {"speech_model": "phone_call", "enhanced": True, "speech_timeout": "3"}


@dataclass(frozen=True)
class Urls:
    """Where Twilio should post back (relative URLs are fine)."""

    gather: str = "/voice/gather"
    silence: str = "/voice/gather?silence=1"
    queue_wait: str = "/voice/queue/wait"
    queue_done: str = "/voice/queue/done"
    resume: str = "/voice/resume"

    @classmethod
    def under(cls, prefix: str) -> Urls:
        """Every URL below a path prefix (`/ivr` when Twilio calls `https://host/ivr/voice`)."""
        prefix = prefix.rstrip("/")
        defaults = cls()
        return cls(**{name: prefix + getattr(defaults, name) for name in cls.__dataclass_fields__})


@dataclass(frozen=True)
class Voices:
    en: str = "Polly.Joanna"
    es: str = "Polly.Lupe"

    def for_(self, language: str) -> str:
        return self.es if language == "es" else self.en


def render(actions: Sequence[CallAction], urls: Urls = Urls(), voices: Voices = Voices()) -> str:
    """The TwiML document for one step's actions.

    Most steps repeat (a menu is said the same way to every caller), so the
    document is memoised on the actions themselves; steps carrying unhashable
    context (a dial's parameters) are rendered afresh.
    """
    said = tuple(actions)
    known = _by_identity.get((*map(id, said), id(urls), id(voices)))
    if known is not None and known[1] is urls and known[2] is voices and _same_objects(known[0], said):
        return known[3]
    key = (said, urls, voices)
    try:
        body = _render_cached(key)
    except TypeError:
        return _render(actions, urls, voices)
    if len(_by_identity) >= IDENTITY_CACHE:
        _by_identity.clear()
    _by_identity[(*map(id, said), id(urls), id(voices))] = (said, urls, voices, body)
    return body


IDENTITY_CACHE = 2048
_by_identity: dict[tuple[int, ...], tuple[tuple[CallAction, ...], Urls, Voices, str]] = {}
"""Documents by the identity of their actions: a state's planned `Say`s and `Gather` are the same objects for
every call in it, so most steps find their document here without hashing and comparing the actions' texts
(which `_render_cached`'s key costs: 5-7 µs a step).  An entry holds its actions, so their ids stay theirs;
the actions are frozen, so the same objects always render the same document."""


def _same_objects(kept: tuple[CallAction, ...], said: tuple[CallAction, ...]) -> bool:
    return len(kept) == len(said) and all(a is b for a, b in zip(kept, said))


@functools.lru_cache(maxsize=2048)
def _render_cached(key: tuple[tuple[CallAction, ...], Urls, Voices]) -> str:
    return _render(*key)


def _render(actions: Sequence[CallAction], urls: Urls, voices: Voices) -> str:
    response = VoiceResponse()
    pending: list[Say] = []
    for action in actions:
        if isinstance(action, Say):
            pending.append(action)
            continue
        if isinstance(action, Gather):
            gather = _gather(action, urls)
            for say in pending:
                gather.say(say.text, language=LOCALES.get(say.language, "en-US"), voice=voices.for_(say.language))
            pending = []
            response.append(gather)
            response.redirect(urls.silence, method="POST")
            continue
        _flush(response, pending, voices)
        pending = []
        if isinstance(action, Enqueue):
            response.enqueue(action.queue, wait_url=urls.queue_wait, wait_url_method="POST", action=urls.queue_done, method="POST")
        elif isinstance(action, Dial):
            dial = response.dial(action=urls.resume, method="POST")
            if action.target.startswith("client:"):
                client = dial.client()
                client.identity(action.target.removeprefix("client:"))
                for key, value in sorted(action.context.items()):
                    client.parameter(name=key, value=value)
            else:
                dial.number(action.target)
        elif isinstance(action, Redirect):
            response.redirect(urls.resume, method="POST")
        elif isinstance(action, HangUpCall):
            response.hangup()
    _flush(response, pending, voices)
    return str(response)


def render_says(texts: Sequence[tuple[str, str]], hang_up: bool = False, voices: Voices = Voices()) -> str:
    """A TwiML document that only speaks (for answers outside a call's flow)."""
    response = VoiceResponse()
    for text, language in texts:
        response.say(text, language=LOCALES.get(language, "en-US"), voice=voices.for_(language))
    if hang_up:
        response.hangup()
    return str(response)


def render_queue_wait(
    text: str, language: str, urls: Urls = Urls(), voices: Voices = Voices(), pause: int = 20
) -> str:
    """A queue's wait TwiML: `text` (position, call-back key) inside a one-key Gather, then a pause.

    Twilio runs the wait URL again when the document ends; the Gather posts a key back to the wait URL.
    """
    response = VoiceResponse()
    gather = TwimlGather(input="dtmf", num_digits=1, action=urls.queue_wait, method="POST", timeout=3)
    gather.say(text, language=LOCALES.get(language, "en-US"), voice=voices.for_(language))
    response.append(gather)
    response.pause(length=pause)
    return str(response)


def render_leave(says: Sequence[Say], voices: Voices = Voices()) -> str:
    """Say `says` and leave the queue (`<Leave>`); Twilio then posts the action URL (QueueResult=leave)."""
    response = VoiceResponse()
    _flush(response, list(says), voices)
    response.leave()
    return str(response)


def _gather(action: Gather, urls: Urls) -> TwimlGather:
    options: dict[str, object] = {
        "input": action.input,
        "action": urls.gather,
        "method": "POST",
        "timeout": action.timeout,
        "language": LOCALES.get(action.language, "en-US"),
    }
    if "speech" in action.input:
        options["speech_timeout"] = "auto"
        if action.identifier:
            options.update(IDENTIFIER_SPEECH)
        if action.hints:
            options["hints"] = ", ".join(hint.replace(",", " ") for hint in action.hints)
    if action.num_digits:
        options["num_digits"] = action.num_digits
    if action.finish_on_key is not None:
        options["finish_on_key"] = action.finish_on_key
    return TwimlGather(**options)


def _flush(response: VoiceResponse, says: list[Say], voices: Voices) -> None:
    for say in says:
        response.say(say.text, language=LOCALES.get(say.language, "en-US"), voice=voices.for_(say.language))
