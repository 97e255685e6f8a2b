"""One practice call: the shell logic the terminal rehearsal and the browser softphone share.

`PracticeCall` drives a call through `CallService.handle` exactly as the
Twilio webhooks do (same engine, same store, same transcript), with the
call's own simulated clock, and turns each `Step` into a `Turn` a person can
read: the prompts, the state and tier, whether the call still listens.

Where a phone call would leave the flow (a queue, a dial to a person, a
redirect) it does what Twilio would eventually do: note it and come back to
the flow with a `Resume`, so the simulated agent of the flow answers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ivr.calls import CallService
from ivr.core.actions import Dial, Enqueue, Gather, HangUpCall, Redirect, Say
from ivr.core.engine import Step
from ivr.core.events import CallStarted, Digits, Event, HangUp, NoInput, Resume, Speech
from ivr.core.flow import Flow
from ivr.core.registry import CASE_UPDATED, SERVICE_REQUEST_CREATED, Effect
from ivr.core.session import Session
from ivr.definitions.cases import Case
from ivr.rules.service_requests import topic as service_request_topic
from ivr.store.base import LIVE
from ivr.trainers.understand import is_topic_question, understood_line

if TYPE_CHECKING:
    from ivr.definitions.scripts import ScriptSet

MAX_INPUT = 400
MAX_RESUMES = 3  # queue-then-resume rounds one caller input may cause
CONSOLE_LISTEN_SECONDS = 60  # while a trainee at the console has the call, the caller may speak at any time

SUPERVISOR_PHRASE = {"en": "I want to speak to a supervisor", "es": "quiero hablar con un supervisor"}
UPSET_PHRASE = {
    "en": "this is wrong, I'm very upset, this resolution is not right",
    "es": "esto está mal, estoy muy molesto, esta solución no es correcta",
}


@dataclass(frozen=True)
class Prompt:
    """Something the caller heard."""

    id: str
    text: str
    language: str


@dataclass(frozen=True)
class Listening:
    """What the call waits for (a `<Gather>`): keys, speech, how many digits, the finishing key."""

    input: str
    num_digits: int | None
    finish_on_key: str | None
    timeout: int


@dataclass(frozen=True)
class Turn:
    """The call's answer to one caller input."""

    input: str
    prompts: tuple[Prompt, ...]
    state: str
    tier: str
    language: str
    ended: bool
    listening: Listening | None
    entered: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    at: str = ""
    effects: tuple[str, ...] = ()  # what the call changed in the world, in words
    understood: str = ""  # what the caller's words were understood as, with scores (speech only)
    understanding: dict[str, Any] | None = None  # the same as data: outcome, choice, score, alternatives

    @property
    def text(self) -> str:
        return " ".join(prompt.text for prompt in self.prompts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "prompts": [{"id": p.id, "text": p.text, "language": p.language} for p in self.prompts],
            "state": self.state,
            "tier": self.tier,
            "language": self.language,
            "ended": self.ended,
            "listening": self.listening.input if self.listening else None,
            "gather": (
                {"input": self.listening.input, "num_digits": self.listening.num_digits,
                 "finish_on_key": self.listening.finish_on_key, "timeout": self.listening.timeout}
                if self.listening else None
            ),
            "entered": list(self.entered),
            "notes": list(self.notes),
            "at": self.at,
            "effects": list(self.effects),
            "understood": self.understood,
            "understanding": self.understanding,
        }


@dataclass
class PracticeCall:
    """A rehearsal call over a `CallService`; `channel` is "rehearsal" or "softphone"."""

    calls: CallService
    channel: str = "rehearsal"
    caller: str | None = None
    flow_id: str | None = None
    call_sid: str = field(default_factory=lambda: "RH" + secrets.token_hex(16))
    console: tuple[str, ...] = ()  # tiers this rehearsal sends to the agent console
    world: str = LIVE  # the world whose case data the call reads and changes (a rehearsal's own)
    session: Session | None = None
    turns: list[Turn] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)  # the effects as they happened (the store keeps them tokenised)
    reader: str = "en"  # the language the person rehearsing reads notes in (the call has its own)

    @property
    def flow(self) -> Flow:
        return self.calls.engine.flow(self.session.flow_id if self.session else self.flow_id).flow

    @property
    def ended(self) -> bool:
        return self.session is not None and self.session.ended

    def start(self, at: dt.datetime | None = None, language: str | None = None) -> Turn:
        """Ring the flow (at simulated instant `at`); with `language`, choose it at the language menu."""
        if at is not None:
            self.calls.simulate_clock(self.call_sid, at)
        turn = self._send(CallStarted(self.now(), caller=self.caller, console=self.console), "call started")
        key = self.language_key(language) if language else None
        if key is None:
            return turn
        chosen = self.press(key)
        merged = dataclasses.replace(
            chosen,
            input=f"call started; chose {language} ({key})",
            prompts=turn.prompts + chosen.prompts,
            entered=turn.entered + chosen.entered,
            notes=turn.notes + chosen.notes,
            effects=turn.effects + chosen.effects,
        )
        self.turns[-2:] = [merged]
        return merged

    def language_key(self, language: str) -> str | None:
        """The key of the start menu's option that chooses `language`, if the flow opens with one."""
        start = self.flow.states[self.flow.start]
        return next((option.key for option in start.options if option.language == language), None)

    def press(self, digits: str) -> Turn:
        return self._send(Digits(self.now(), digits[:MAX_INPUT]), digits[:MAX_INPUT])

    def say(self, text: str) -> Turn:
        text = text.strip()[:MAX_INPUT]
        return self._send(Speech(self.now(), text, 0.9), f'"{text}"')

    def silence(self) -> Turn:
        return self._send(NoInput(self.now()), "(silence)")

    def ask_supervisor(self) -> Turn:
        return self.say(SUPERVISOR_PHRASE.get(self._language, SUPERVISOR_PHRASE["en"]))

    def sound_upset(self) -> Turn:
        return self.say(UPSET_PHRASE.get(self._language, UPSET_PHRASE["en"]))

    def hang_up(self) -> Turn:
        if self.ended:
            assert self.session is not None
            return Turn("(hang up)", (), self.session.state, self.session.tier, self.session.language, True, None)
        return self._send(HangUp(self.now()), "(hang up)")

    def now(self) -> dt.datetime:
        """The instant of the call's next event: its own simulated clock (kept in the store), else the app's."""
        return self.calls.now(self.call_sid)

    @property
    def _language(self) -> str:
        return self.session.language if self.session else "en"

    def _send(self, event: Event, described: str) -> Turn:
        before = (self.session.state, self.session.language) if self.session else (self.flow.start, "en")
        step = self.calls.handle(self.call_sid, event, channel=self.channel, flow_id=self.flow_id, world=self.world)
        understood = step.understood
        prompts: list[Prompt] = []
        notes: list[str] = []
        entered: list[str] = []
        effects: list[str] = []
        for _ in range(MAX_RESUMES + 1):
            prompts += [Prompt(a.prompt_id, a.text, a.language) for a in step.actions if isinstance(a, Say)]
            entered += step.entered
            effects += [_effect_text(effect) for effect in step.effects]
            self.changes += [{"kind": effect.kind, **dict(effect.data)} for effect in step.effects]
            notes += [note for note in (_note(action, self.reader) for action in step.actions) if note]
            if not any(isinstance(a, (Enqueue, Dial, Redirect)) for a in step.actions) or step.session.ended:
                break
            if any(isinstance(a, Enqueue) and a.console for a in step.actions):
                # a trainee at the agent console answers: the call waits for them, not the flow
                break
            step = self.calls.handle(self.call_sid, Resume(self.now()), channel=self.channel, world=self.world)
        self.session = step.session
        turn = Turn(
            described,
            tuple(prompts),
            step.session.state,
            step.session.tier,
            step.session.language,
            step.session.ended or any(isinstance(a, HangUpCall) for a in step.actions),
            _listening(step),
            tuple(entered),
            tuple(notes),
            event.now.isoformat(),
            tuple(effects),
            understood_line(
                self.flow, before[0].removesuffix(".confirm"), before[1], understood, self.reader, self._scripts(event, before[0])
            ) if understood else "",
            understood.to_data() if understood else None,
        )
        self.turns.append(turn)
        return turn

    def _scripts(self, event: Event, state: str) -> ScriptSet | None:
        """The Tier 1 scripts in force when `event` was answered at the topic question (as the call read them, pins
        included), so the trainer's line names a script by its label; None elsewhere."""
        if not is_topic_question(self.calls.engine.flow(self.session.flow_id if self.session else self.flow_id), state):
            return None
        services = self.calls.engine.services
        scripts: ScriptSet = services.scripts.in_force(event.now, services.settings.get("SCRIPT_PINS") or None)
        return scripts


def _listening(step: Step) -> Listening | None:
    gather = next((a for a in step.actions if isinstance(a, Gather)), None)
    if gather is None and not step.session.ended and any(isinstance(a, Enqueue) and a.console for a in step.actions):
        return Listening("dtmf speech", None, None, CONSOLE_LISTEN_SECONDS)  # the caller talks to the console's trainee
    if gather is None or step.session.ended:
        return None
    return Listening(gather.input, gather.num_digits, gather.finish_on_key, gather.timeout)


def _effect_text(effect: Effect) -> str:
    data = effect.data
    if effect.kind == CASE_UPDATED:
        changed = ", ".join(sorted(dict(data.get("changes") or {})))
        return f"case {data.get('receipt')} updated ({changed})"
    if effect.kind == SERVICE_REQUEST_CREATED:
        return f"service request {data.get('reference')} created ({str(data.get('type', '')).replace('_', ' ')})"
    about = data.get("receipt") or data.get("reference")
    return effect.kind.replace("_", " ") + (f" ({about})" if about else "")


_NOTES = {
    "en": {"console": "waiting for the {tier} seat at the agent console",
           "queued": "queued for {tier} ({where}): on a phone a person would answer; the simulated {tier} takes over",
           "dialled": "dialled {tier} ({where}): on a phone a person would answer; the simulated {tier} takes over"},
    "es": {"console": "esperando el puesto de {tier} en la consola de agentes",
           "queued": "en la fila de {tier} ({where}): en un teléfono respondería una persona; aquí responde el {tier} simulado",
           "dialled": "marcado a {tier} ({where}): en un teléfono respondería una persona; aquí responde el {tier} simulado"},
}
_TIER_WORDS = {"es": {"tier1": "Nivel 1", "tier2": "Nivel 2", "supervisor": "supervisor"}}


def _note(action: Any, reader: str = "en") -> str | None:
    """What the rehearsal notes about a hand-over, in the reader's language."""
    words = _NOTES.get(reader, _NOTES["en"])
    tier = _TIER_WORDS.get(reader, {}).get(getattr(action, "tier", ""), getattr(action, "tier", ""))
    if isinstance(action, Enqueue) and action.console:
        return words["console"].format(tier=tier)
    if isinstance(action, Enqueue):
        return words["queued"].format(tier=tier, where=action.queue)
    if isinstance(action, Dial):
        return words["dialled"].format(tier=tier, where=action.target)
    return None


_CASE_CARD = {  # what the card says in each reader's language; the case's own data stays as the case file has it
    "en": {"who": "the applicant", "office": "unknown office",
           "case": "You are calling about {who}'s case {receipt} ({form}, {office}).",
           "keys": "  Date of birth {born} (keyed {born_keys}); receipt keyed as {digits}#.",
           "status": "  Status on file: {status}.",
           "biometrics": "  Biometrics: {when} at {where} (rescheduled {times} times).",
           "field_office": "  Field office appointment: {when} at {where} ({reason}).",
           "request": "  Service request {reference}: {topic}, {created}, {status}."},
    "es": {"who": "la persona solicitante", "office": "oficina desconocida",
           "case": "Llama por el caso {receipt} de {who} ({form}, {office}).",
           "keys": "  Fecha de nacimiento {born} (se marca {born_keys}); el recibo se marca {digits}#.",
           "status": "  Estado en el expediente: {status}.",
           "biometrics": "  Cita de servicios biométricos: {when} en {where} (cambiada {times} veces).",
           "field_office": "  Cita en la oficina local: {when} en {where} ({reason}).",
           "request": "  Solicitud de servicio {reference}: {topic}, {created}, {status}."},
}


def case_card(case: Case, language: str = "en") -> list[str]:
    """What the trainee playing the caller knows about their own case, in the trainee's language
    (English or Spanish); the case's own data (status titles, places, reasons) as the case file has it."""
    words = _CASE_CARD["es" if language == "es" else "en"]
    lines = [
        words["case"].format(who=case.applicant_name or words["who"], receipt=case.receipt_number, form=case.form,
                             office=case.office_name or words["office"]),
        words["keys"].format(born=case.date_of_birth.isoformat(), born_keys=case.date_of_birth.strftime("%m%d%Y"),
                             digits=case.digits),
        words["status"].format(status=case.status),
    ]
    if case.biometrics is not None:
        b = case.biometrics
        lines.append(words["biometrics"].format(when=b.appointment.isoformat(), where=b.location, times=b.times_rescheduled))
    if case.field_office_appointment is not None:
        f = case.field_office_appointment
        lines.append(words["field_office"].format(when=f.appointment.isoformat(), where=f.office, reason=f.reason))
    for record in case.service_requests:
        lines.append(words["request"].format(reference=record.reference, topic=_request_topic(record.type, language),
                                             created=record.created.isoformat(), status=record.status))
    return lines


def _request_topic(sr_type: str, language: str) -> str:
    """A request's type as the menus name it, in the reader's language (`ivr.rules.service_requests.topic`)."""
    try:
        return service_request_topic(sr_type, "es" if language == "es" else "en")
    except KeyError:  # a type the menus do not offer (a case file may hold any)
        return sr_type.replace("_", " ")
