"""The engine: `Engine.step(session, event, world) -> Step(session, actions, …)`.

This is the functional core every shell drives: the Twilio webhooks, the
terminal rehearsal, the browser softphone and transcript replay.  It takes a
caller event and the call's session, fires at most a few transitions on the
flow's shared machine, and returns the new session and the actions to
perform (say, gather, enqueue, dial, hang up).

It must never import Flask, Twilio, SQLAlchemy or anything that does I/O,
and never read a clock: time comes in with each event, the outside world
through the `World` port.  It never raises for caller input: junk gets the
no-match handling, an internal fault gets an apology and the last menu.
"""

from __future__ import annotations

import logging
import re
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ivr.core import agent_step
from ivr.core.actions import CallAction, Dial, Enqueue, Gather, HangUpCall, Say
from ivr.core.agent import AgentAction
from ivr.core.events import UNSURE, CallStarted, Digits, Event, HangUp, NoInput, Resume, Speech
from ivr.core.flow import GLOBAL_PURPOSES, IMPLICIT_TIER_CHANGE, State, Text
from ivr.core.machine import (
    COLLECTED_UNSURE,
    CONFIRM_SUFFIX,
    INTENT_TRIGGER,
    CallModel,
    CompiledFlow,
    CompiledState,
    escalation_trigger,
    option_sentence,
)
from ivr.core.matching import normalize
from ivr.core.registry import Context, Effect, Services, World
from ivr.core.session import Session, TierChange
from ivr.core.understanding import INTERRUPT_AT, SURE_AT, Understanding
from ivr.routing import (
    CALLBACK_REQUESTED,
    SERVICE_ITEM_SEQUENCE,
    callable_number,
    contact_center_day,
    request_callback,
    route_for,
)

log = logging.getLogger(__name__)

MAX_HOPS = 60  # transitions one step may take before the engine calls it a loop
MAX_DIGITS = 32
MAX_SPEECH = 400
LOW_CONFIDENCE = UNSURE  # a spoken identifier heard with less (Twilio's Confidence, 0 to 1) is always read back
_KEYS = re.compile(r"[^0-9*#]")
_YES = {"en": ("yes", "yeah", "correct", "right", "yep", "si"), "es": ("si", "correcto", "claro", "exacto")}
_NO = {"en": ("no", "nope", "wrong", "incorrect"), "es": ("no", "incorrecto", "equivocado")}
_CLARIFY = Text("clarify", "Is this about {first}, or {second}?", "¿Se trata de {first}, o de {second}?")
"""The clarifying question when a flow's `messages:` has no `clarify`."""
_GLOBAL_TOPICS = {
    "representative": Text("representative", "speaking with a representative", "hablar con un representante"),
    "repeat": Text("repeat", "hearing this again", "escuchar esto otra vez"),
    "previous": Text("previous", "going back to the previous menu", "regresar al menú anterior"),
    "supervisor": Text("supervisor", "speaking with a supervisor", "hablar con un supervisor"),
}


class EngineFault(Exception):
    """Something inside the engine went wrong (a loop, an action that misbehaved)."""


@dataclass(frozen=True)
class Step:
    """What one step produced.  Unpacks as `(session, actions)`."""

    session: Session
    actions: tuple[CallAction, ...]
    effects: tuple[Effect, ...] = ()
    entered: tuple[str, ...] = ()
    tier_changes: tuple[TierChange, ...] = ()
    fault: str | None = None
    scripts: tuple[str, ...] = ()  # script refs (id@version) first heard in this step
    understood: Understanding | None = None  # how the caller's words were understood (speech only)

    def __iter__(self) -> Iterator[Any]:
        yield self.session
        yield self.actions

    @property
    def says(self) -> tuple[Say, ...]:
        return tuple(action for action in self.actions if isinstance(action, Say))


class Engine:
    """Steps calls through compiled flows.  Shared by all calls; holds no call state."""

    def __init__(self, flows: dict[str, CompiledFlow], services: Services, default_flow: str | None = None) -> None:
        if not flows:
            raise ValueError("an engine needs at least one flow")
        self.flows = flows
        self.services = services
        self.default_flow = default_flow or next(iter(flows))

    def flow(self, flow_id: str | None = None) -> CompiledFlow:
        return self.flows[flow_id or self.default_flow]

    def new_session(self, call_sid: str, event: CallStarted, flow_id: str | None = None, language: str = "en") -> Session:
        compiled = self.flow(flow_id)
        return Session(
            call_sid=call_sid,
            flow_id=compiled.flow.id,
            flow_version=compiled.flow.content_hash,
            state=compiled.flow.start,
            started_at=event.now.isoformat(),
            language=language,
            caller=event.caller,
            console={"routes": list(event.console)} if event.console else {},
        )

    def step(self, session: Session, event: Event, world: World) -> Step:
        """Advance one call by one caller event."""
        compiled = self.flows.get(session.flow_id) or self.flow()
        run = _Run(compiled, session.copy(), world, self.services, event)
        try:
            run.handle(event)
        except Exception as exc:  # noqa: BLE001: the caller must always hear something sensible
            log.error(
                "engine fault in flow %s state %s: %s\n%s",
                session.flow_id,
                session.state,
                type(exc).__name__,
                "".join(traceback.format_tb(exc.__traceback__)),
            )
            run = _Run(compiled, session.copy(), world, self.services, event)
            run.recover(type(exc).__name__)
        run.session.steps += 1
        return Step(
            run.session,
            tuple(run.actions),
            tuple(run.ctx.effects),
            tuple(run.entered),
            tuple(run.tier_changes),
            run.fault,
            tuple(run.session.scripts_heard[len(session.scripts_heard) :]),
            run.understood,
        )


@dataclass
class _Run:
    """One step in progress: the mutable scratch space of `Engine.step`."""

    compiled: CompiledFlow
    session: Session
    world: World
    services: Services
    event: Event
    actions: list[CallAction] = field(default_factory=list)
    entered: list[str] = field(default_factory=list)
    tier_changes: list[TierChange] = field(default_factory=list)
    fault: str | None = None
    hops: int = 0
    understood: Understanding | None = None

    def __post_init__(self) -> None:
        self.ctx = Context(self.session, self.world, self.event.now, self.services)
        self.model = CallModel(self.session.state)

    # --- entry points --------------------------------------------------------------

    def handle(self, event: Event) -> None:
        if isinstance(event, AgentAction):
            agent_step.handle(self, event)
            return
        if agent_step.holds(self.session) and isinstance(event, (Digits, Speech, NoInput, Resume)):
            if agent_step.caller_input(self, event):
                return
        clarify, self.session.clarify = self.session.clarify, []
        if self.session.ended and not isinstance(event, HangUp):
            self._say(self.compiled.flow.message("apology"))
            self.actions.append(HangUpCall())
            return
        match event:
            case CallStarted():
                self._enter(self.session.state)
            case HangUp():
                self.session.ended = True
                agent_step.hang_up(self.session, event.now.isoformat())
            case Resume():
                self._present(again=True)
            case NoInput():
                self._failed("no_input")
            case Digits(digits=digits):
                self.session.silent_escalations = 0
                self._digits(digits)
            case Speech(text=text, confidence=confidence):
                self.session.silent_escalations = 0
                self._speech(text, confidence, clarify)

    def recover(self, reason: str) -> None:
        """After an internal fault: apologise and put the caller back on the last menu."""
        self.fault = reason
        self._say(self.compiled.flow.message("apology"))
        target = next(
            (name for name in reversed(self.session.menu_stack) if name in self.compiled.states),
            self.compiled.flow.start,
        )
        self.session.menu_stack = [n for n in self.session.menu_stack if n != target]
        self._set_state(target)
        self._enter(target)

    # --- input -----------------------------------------------------------------------

    @property
    def _current(self) -> tuple[CompiledState, bool]:
        name = self.session.state
        confirming = name.endswith(CONFIRM_SUFFIX)
        base = name[: -len(CONFIRM_SUFFIX)] if confirming else name
        return self.compiled.states[base], confirming

    def _digits(self, raw: str) -> None:
        digits = _KEYS.sub("", raw)[:MAX_DIGITS]
        state, confirming = self._current
        if not state.state.waits_for_caller:
            self._present(again=True)
            return
        if not digits:
            self._failed("no_match")
            return
        keys = self.compiled.flow.keys
        purpose = keys.purpose_of_key(digits) if len(digits) == 1 else None
        if purpose and not (state.state.kind == "menu" and state.state.option(digits)):
            self._global(purpose)
        elif confirming:
            self._confirm_answer(digits == "1", digits == "2")
        elif state.state.kind == "menu":
            self._select(state, digits[0] if len(digits) == 1 else "")
        else:
            self._collect(state, digits.rstrip("#*") if state.state.finish_on_key else digits, "digits")

    def _speech(self, raw: str, confidence: float | None, clarify: list[str]) -> None:
        text = raw[:MAX_SPEECH]
        state, confirming = self._current
        if not state.state.waits_for_caller:
            self._present(again=True)
            return
        if not normalize(text):
            self._failed("no_match")
            return
        language = self.session.language
        model = state.understanding[language]
        menu = state.state.kind == "menu" and not confirming
        if clarify and menu:
            answer = model.understand(text, confidence, among=clarify)
            if answer.choice is not None:
                self.understood = answer
                self._choose(state, answer.choice)
                return
        understood = model.understand(text, confidence)
        if menu:
            self.understood = understood
            if understood.choice is not None:
                self._choose(state, understood.choice)
            elif understood.outcome == "ask":
                self._ask(state, understood.asked)
            else:
                self._failed("no_match")
        elif understood.choice is not None and not (not confirming and self._identifier_answer(state, text)) and (
            understood.score >= SURE_AT or (not confirming and understood.score >= INTERRUPT_AT and not self._valid(state, text))
        ):
            self.understood = understood  # a collect's own answers are not "understood": only a global intent is
            self._choose(state, understood.choice)  # a receipt number that mentions "receipt" stays a receipt number
        elif confirming:
            said = set(normalize(text).split())
            self._confirm_answer(bool(said & set(_YES[language])), bool(said & set(_NO[language])))
        elif state.state.kind == "collect":
            unsure = confidence is not None and confidence < LOW_CONFIDENCE
            self._collect(state, text, "speech", unsure)
        else:
            self._failed("no_match")

    def _choose(self, state: CompiledState, choice: str) -> None:
        """Act on an understood choice: a menu option, a global key's purpose or a global intent."""
        if state.state.option(choice) is not None:
            self._select(state, choice)
        elif choice in GLOBAL_PURPOSES:
            self._global(choice)
        else:
            self._fire(INTENT_TRIGGER.format(name=choice))

    def _ask(self, state: CompiledState, choices: tuple[str, ...]) -> None:
        """Two options are about equally likely: ask which one (it counts as an attempt, so it cannot loop)."""
        self.session.no_match += 1
        if self.session.no_match >= state.state.max_attempts:
            self._last_attempt("no_match")
            return
        language = self.session.language
        first, second = (self._choice_topic(state, choice) for choice in choices)
        question = self.compiled.flow.messages.get("clarify", _CLARIFY).in_(language)
        keys = [option_sentence(o, language) for c in choices if (o := state.state.option(c)) is not None and "{" not in o.topic.in_(language)]
        text = " ".join([question.replace("{first}", first).replace("{second}", second), *keys])
        self._say_text(self._fill(text), f"{state.state.name}.clarify")
        self.session.clarify = list(choices)
        self._gather(state)

    def _choice_topic(self, state: CompiledState, choice: str) -> str:
        language = self.session.language
        option = state.state.option(choice)
        if option is not None:
            return option.topic.in_(language)
        intent = self.compiled.flow.intents.get(choice)
        return (intent.topic if intent is not None else _GLOBAL_TOPICS[choice]).in_(language)

    def _global(self, purpose: str) -> None:
        if purpose == "repeat":
            self._present(again=False)
        elif purpose == "previous":
            stack = self.session.menu_stack
            if len(stack) >= 2 and self.session.state == stack[-1]:
                stack.pop()
            target = stack.pop() if stack else self.compiled.flow.start
            self._set_state(target)
            self._enter(target)
        elif purpose == "supervisor" and self.compiled.flow.escalates("supervisor"):
            self._escalate("supervisor")
        else:
            self._escalate("representative")

    def _select(self, state: CompiledState, key: str) -> None:
        option = state.state.option(key)
        if option is None or not self.compiled.fire(self.model, f"select_{key}", self.ctx):
            self._failed("no_match")
            return
        if option.language:
            self.session.language = option.language
        self._after_transition()

    def _collect(self, state: CompiledState, value: str, kind: str, unsure: bool = False) -> None:
        spec = self.compiled.registry.validators[state.state.validator or ""]
        normalized = spec.func(value, kind, self.session.language)
        if normalized is None:
            self._failed("no_match")
            return
        assert state.state.into is not None
        self.session.vars[state.state.into] = normalized
        self.session.vars[f"{state.state.into}_readback"] = spec.readback(normalized, self.session.language)
        # An identifier the recogniser was unsure of is read back before it is used, never used straight away.
        self._fire(COLLECTED_UNSURE if unsure and state.identifier else "collected")

    def _identifier_answer(self, state: CompiledState, text: str) -> bool:
        """The words are an answer an identifier question takes ("I don't have a receipt number" is one
        of the receipt question's): the question keeps them, to read them back, instead of a global intent."""
        spec = self.compiled.registry.validators.get(state.state.validator or "")
        return spec is not None and spec.identifier and spec.func(text, "speech", self.session.language) is not None

    def _valid(self, state: CompiledState, text: str) -> bool:
        spec = self.compiled.registry.validators[state.state.validator or ""]
        return spec.func(text, "speech", self.session.language) is not None

    def _confirm_answer(self, yes: bool, no: bool) -> None:
        if yes and not no:
            self._fire("confirmed")
        elif no and not yes:
            self._fire("rejected")
        else:
            self._failed("no_match")

    def _failed(self, kind: str) -> None:
        """No input or no match: count it, reprompt, or escalate at the maximum."""
        state, _ = self._current
        if not state.state.waits_for_caller:
            self._present(again=True)
            return
        count = getattr(self.session, kind) + 1
        setattr(self.session, kind, count)
        if count >= state.state.max_attempts:
            self._last_attempt(kind)
            return
        message: Text | None = getattr(state.state, kind) or self.compiled.flow.messages.get(kind)
        if message is not None:
            self._say(message)
        self._present(again=True)

    def _last_attempt(self, kind: str) -> None:
        """Attempts used up.  In silence, the second time running, the flow's silence ending takes over.

        The first limit reached leads to `escalation.max_attempts` (which offers help); a caller who
        stays silent through that too reaches `escalation.silence` (a transfer, or the hours and
        goodbye), so a call nobody speaks on always ends.
        """
        silent = kind == "no_input"
        repeated = silent and self.session.silent_escalations >= 1
        if silent:
            self.session.silent_escalations += 1
        self._escalate("silence" if repeated and self.compiled.flow.escalates("silence") else "max_attempts")

    def _escalate(self, kind: str) -> None:
        """Fire the flow's escalation for the tier the call is in (its `ivr` target when the tier has none)."""
        by_tier = escalation_trigger(kind, self.session.tier)
        self._fire(by_tier if by_tier in self.compiled.machine.events else escalation_trigger(kind))

    # --- transitions ------------------------------------------------------------------

    def _fire(self, trigger: str) -> None:
        if not self.compiled.fire(self.model, trigger, self.ctx):
            raise EngineFault(f"no transition '{trigger}' from '{self.model.state}'")
        self._after_transition()

    def _after_transition(self) -> None:
        self.hops += 1
        if self.hops > MAX_HOPS:
            raise EngineFault(f"more than {MAX_HOPS} transitions in one step")
        self.session.state = self.model.state
        self._enter(self.model.state)

    def _set_state(self, name: str) -> None:
        self.session.state = name
        self.model.state = name

    def _enter(self, name: str) -> None:
        self.session.no_input = 0
        self.session.no_match = 0
        self.session.path.append(name)
        self.entered.append(name)
        if name.endswith(CONFIRM_SUFFIX):
            self._present(again=False)
            return
        compiled = self.compiled.states[name]
        state = compiled.state
        if state.kind != "transfer" and state.tier != self.session.tier:
            self._change_tier(state.tier, "returned_to_ivr" if state.tier == "ivr" else IMPLICIT_TIER_CHANGE, name)
        if state.kind == "menu":
            stack = self.session.menu_stack
            if name in stack:
                del stack[stack.index(name) + 1 :]
            else:
                stack.append(name)
            self._present(again=False)
        elif state.kind == "collect":
            self._present(again=False)
        elif state.kind == "message":
            self._say_prompt(state, compiled)
            self._fire("next")
        elif state.kind == "branch":
            self._say_prompt(state, compiled)
            self._fire("next")
        elif state.kind == "action":
            self._say_prompt(state, compiled)
            self._run_action(state)
        elif state.kind == "transfer":
            self._transfer(state, compiled)
        elif state.kind == "hangup":
            self._say_prompt(state, compiled)
            self.actions.append(HangUpCall())
            self.session.ended = True

    def _run_action(self, state: State) -> None:
        spec = self.compiled.registry.actions[state.run or ""]
        self.ctx.args = state.args
        outcome = spec.func(self.ctx)
        self.ctx.args = {}
        if outcome.name not in spec.outcomes:
            raise EngineFault(f"action '{spec.name}' returned undeclared outcome '{outcome.name}'")
        self._fire(f"outcome_{outcome.name}")

    def _transfer(self, state: State, compiled: CompiledState) -> None:
        assert state.to is not None and state.reason is not None
        self._say_prompt(state, compiled)
        self._change_tier(state.to, state.reason, state.name)
        route = route_for(self.services.routing, self.session.console, state.to)
        if route is None:
            self._fire("next")
            return
        if route.kind == "callback":
            self._callback(state.to, route.target)
            self._fire("next")
            return
        context = self.tier_changes[-1].context
        flat = {key: str(value) for key, value in context.items() if isinstance(value, (str, int))}
        if route.kind == "dial":
            self.actions.append(Dial(route.target, state.to, flat))
        elif route.kind == "console":
            agent_step.enqueue(self, state.to, route.target, flat)
        else:
            self.actions.append(Enqueue(route.target, state.to, flat))
        self.session.state = state.goto or state.name
        self.model.state = self.session.state

    def _callback(self, tier: str, queue: str) -> None:
        """A tier answered by a call-back queue (DOMAIN.md §1.3): record the caller, give a service item."""
        now = self.event.now
        number = callable_number(self.session.caller)
        day = contact_center_day(now)
        sequence = self.world.next_sequence(SERVICE_ITEM_SEQUENCE, day) if number else None
        callback = request_callback(tier, queue, self.session.caller, now, sequence)
        if callback.possible:
            self.ctx.emit(Effect(CALLBACK_REQUESTED, callback.effect_data()))
            self.session.vars["service_item"] = callback.service_item
        self._say_text(callback.message(self.session.language), f"{tier}.callback")

    def _change_tier(self, tier: str, reason: str, state: str) -> None:
        session = self.session
        change = TierChange(
            from_tier=session.tier,
            to_tier=tier,
            reason=reason,
            at=self.event.now.isoformat(),
            state=state,
            context={
                "language": session.language,
                "verified_receipt": session.verified_receipt,
                # why the call may verify nobody (ivr.behaviours.verification): people taking it must know
                "identity_lock": str(session.vars.get("identity_lock") or ""),
                "path": list(session.path[-30:]),
                "collected": sorted(k for k in session.vars if not k.endswith("_readback")),
                "scripts_heard": list(session.scripts_heard),
                "service_requests": list(session.service_requests),
            },
        )
        representative = session.vars.get("verified_as_representative")
        if representative and session.verified_receipt:
            # the caller is the applicant's attorney or accredited representative: people taking the call must know
            change.context["representative"] = str(representative)
        session.tier = tier
        session.tier_changes.append(change)
        self.tier_changes.append(change)

    # --- output ------------------------------------------------------------------

    def _present(self, again: bool) -> None:
        """Say the current waiting state's prompt (the short one on repeats) and gather."""
        compiled, confirming = self._current
        state = compiled.state
        language = self.session.language
        if confirming:
            assert state.into is not None
            value = self.session.vars.get(f"{state.into}_readback", "")
            confirm = self.compiled.flow.message("confirm")
            self._say_text(confirm.in_(language).replace("{value}", str(value)), f"{state.name}.confirm")
            self.actions.append(Gather("dtmf speech", language, state.timeout, num_digits=1, hints=_confirm_hints(language)))
            return
        if not state.waits_for_caller:
            self._say_prompt(state, compiled)
            return
        prompt_id = f"{state.name}.{'reprompt' if again and state.reprompt else 'prompt'}"
        if compiled.parts:  # a bilingual menu: each language in its own Say
            for part, part_language in compiled.reparts if again else compiled.parts:
                self._say_text(self._fill(part), prompt_id, part_language)
        else:
            text = (compiled.reprompt if again else compiled.prompt)[language]
            if compiled.dynamic_options:
                text = self._dynamic_menu(compiled, again)
            self._say_text(self._fill(text), prompt_id)
        self._gather(compiled)

    def _gather(self, compiled: CompiledState) -> None:
        state, language = compiled.state, self.session.language
        if state.kind == "menu":
            self.actions.append(Gather(state.input, language, state.timeout, num_digits=1, finish_on_key="", hints=compiled.hints[language]))
        else:
            self.actions.append(
                Gather(
                    state.input,
                    language,
                    state.timeout,
                    num_digits=state.num_digits,
                    finish_on_key=state.finish_on_key,
                    hints=compiled.hints[language] + self.compiled.registry.validators[state.validator or ""].hints.get(language, ()),
                    identifier=compiled.identifier,
                )
            )

    def _dynamic_menu(self, compiled: CompiledState, again: bool) -> str:
        state, language = compiled.state, self.session.language
        guards = self.compiled.registry.guards
        visible = []
        for option in state.options:
            if option.when:
                negate = option.when.startswith("not ")
                held = guards[option.when[4:] if negate else option.when].func(self.ctx)
                if held == negate:
                    continue
            visible.append(option)
        intro_text = state.reprompt if again and state.reprompt else (None if again else state.prompt)
        parts = [intro_text.in_(language) if intro_text else ""]
        parts += [option_sentence(option, language) for option in visible]
        if state.announce_keys and not again:
            parts.append(self.compiled.flow.message("global_keys").in_(language))
        return " ".join(part for part in parts if part)

    def _say_prompt(self, state: State, compiled: CompiledState) -> None:
        if state.prompt is not None:
            self._say_text(self._fill(compiled.prompt[self.session.language]), state.prompt.id)

    def _say(self, text: Text) -> None:
        self._say_text(self._fill(text.in_(self.session.language)), text.id)

    def _say_text(self, text: str, prompt_id: str, language: str | None = None) -> None:
        if text:
            self.actions.append(Say(text, language or self.session.language, prompt_id))

    def _fill(self, text: str) -> str:
        if "{" not in text:
            return text
        return text.format_map(_Vars(self.session.vars, self.ctx, self.compiled.registry.variables))


class _Vars(dict[str, Any]):
    """Template values: the call's collected values, then computed variables.

    A missing one is logged (by name only, never its value) and left empty.
    """

    def __init__(self, values: dict[str, Any], ctx: Context, computed: dict[str, Any]) -> None:
        super().__init__(values)
        self.ctx = ctx
        self.computed = computed

    def __missing__(self, key: str) -> str:
        compute = self.computed.get(key)
        if compute is not None:
            return str(compute(self.ctx))
        log.warning("prompt variable %r is not set in state %s", key, self.ctx.session.state)
        return ""


def _confirm_hints(language: str) -> tuple[str, ...]:
    return _YES[language][:3] + _NO[language][:2]
