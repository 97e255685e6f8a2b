"""One step in progress: a caller's event turned into transitions, and the states they enter.

`Run` is the mutable scratch space of `Engine.step`: the session copy it
changes, the actions it collects, the states it enters.  It reads the caller's
keys and words (a menu's option, a global key or request, a collected value, a
read-back's yes or no), counts failed attempts, fires triggers on the flow's
shared machine and enters the states they lead to (tiers, transfers, the
action a state runs).  What is said and listened for is `ivr.core.saying`'s.

Everything that is the same for every call comes from the state's
`StatePlan` (`ivr.core.plans`).  No I/O here: the world comes in through
`Context`, time with the event.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from types import MappingProxyType

from ivr.core import agent_step, saying
from ivr.core.actions import CallAction, Dial, Enqueue, HangUpCall
from ivr.core.agent import AgentAction
from ivr.core.events import UNSURE, CallStarted, Digits, Event, HangUp, NoInput, Resume, Speech
from ivr.core.flow import GLOBAL_PURPOSES, IMPLICIT_TIER_CHANGE, Text
from ivr.core.machine import COLLECTED_UNSURE, INTENT_TRIGGER, CallModel, CompiledFlow, CompiledState, escalation_trigger
from ivr.core.matching import normalize
from ivr.core.options import key_said
from ivr.core.plans import NO, YES, StatePlan, plan_of
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

MAX_HOPS = 60  # transitions one step may take before the engine calls it a loop
MAX_DIGITS = 32
MAX_LIMITS = 3  # attempt limits a call may reach before the flow's silence ending takes over
MAX_SPEECH = 400
LOW_CONFIDENCE = UNSURE  # a spoken identifier heard with less (Twilio's Confidence, 0 to 1) is always read back
_KEYS = re.compile(r"[^0-9*#]")
_CALLER_INPUT = (Digits, Speech, NoInput, Resume)
_NO_ARGS: Mapping[str, str] = MappingProxyType({})  # an action's args outside the action: none, and read-only


class EngineFault(Exception):
    """Something inside the engine went wrong (a loop, an action that misbehaved)."""


class Run(CallModel):
    """One step in progress over a copy of the call's session.

    It is also the model `transitions` moves (a `CallModel`): its `state` is the machine's side of
    the session's, set before a trigger and read after it."""

    __slots__ = (
        "compiled", "plans", "keys", "session", "world", "services", "event", "actions", "entered", "tier_changes",
        "fault", "hops", "understood", "ctx", "events",
    )

    def __init__(
        self,
        compiled: CompiledFlow,
        plans: dict[str, StatePlan],
        keys: dict[str, str],
        session: Session,
        world: World,
        services: Services,
        event: Event,
        events: dict[str, Any] | None = None,
    ) -> None:
        self.compiled = compiled
        self.events = events  # the machine's events when fired directly (else through `compiled.fire`)
        self.plans = plans
        self.keys = keys  # the flow's global keys: key -> purpose
        self.session = session
        self.world = world
        self.services = services
        self.event = event
        self.actions: list[CallAction] = []
        self.entered: list[str] = []
        self.tier_changes: list[TierChange] = []
        self.fault: str | None = None
        self.hops = 0
        self.understood: Understanding | None = None
        self.ctx = Context(session, world, event.now, services, _NO_ARGS, None, compiled.flow.messages, compiled)
        self.state = session.state

    # --- entry points --------------------------------------------------------------

    def handle(self, event: Event) -> None:
        session = self.session
        if isinstance(event, AgentAction):
            agent_step.handle(self, event)
            return
        if session.console and agent_step.holds(session) and isinstance(event, _CALLER_INPUT):
            if agent_step.caller_input(self, event):
                return
        clarify = session.clarify
        if clarify:
            session.clarify = []
        if session.ended and not isinstance(event, HangUp):
            saying.say(self, self.compiled.flow.message("apology"))
            self.actions.append(HangUpCall())
            return
        kind = type(event)
        if kind is Digits or kind is Speech:
            trouble = session.silent_escalations
            if kind is Digits:
                self._digits(event.digits)  # type: ignore[union-attr]
            else:
                self._speech(event.text, event.confidence, clarify)  # type: ignore[union-attr]
            if self.entered and session.silent_escalations == trouble:
                session.silent_escalations = 0  # the caller got somewhere: a later limit offers help again
        elif kind is NoInput:
            self._failed("no_input")
        elif kind is CallStarted:
            self._enter(session.state)
        elif kind is HangUp:
            session.ended = True
            agent_step.hang_up(session, event.now.isoformat())
        elif kind is Resume:
            saying.present(self, again=True)

    def recover(self, reason: str) -> None:
        """After an internal fault: apologise and put the caller back on the last menu."""
        self.fault = reason
        saying.say(self, self.compiled.flow.message("apology"))
        target = next(
            (name for name in reversed(self.session.menu_stack) if name in self.compiled.states),
            self.compiled.flow.start,
        )
        self.session.menu_stack = [n for n in self.session.menu_stack if n != target]
        self._set_state(target)
        self._enter(target)

    # --- input -----------------------------------------------------------------------

    @property
    def current(self) -> StatePlan:
        """The plan of the state the call is in."""
        name = self.session.state
        plan = self.plans.get(name)
        return plan if plan is not None else plan_of(self.compiled, name)

    def _digits(self, raw: str) -> None:
        digits = raw[:MAX_DIGITS] if raw.isascii() and raw.isdigit() else _KEYS.sub("", raw)[:MAX_DIGITS]
        plan = self.plans.get(self.session.state) or self.current  # `current`, inline: most steps are keys
        if not plan.waits:
            saying.present(self, again=True)
            return
        if not digits:
            self._failed("no_match")
            return
        purpose = self.keys.get(digits) if len(digits) == 1 else None
        menu = plan.kind == "menu"
        if purpose and not (menu and digits in plan.options):
            self._global(purpose)
        elif plan.confirming:
            self._confirm_answer(digits == "1", digits == "2")
        elif menu:
            self._select(plan, digits if len(digits) == 1 else "")
        else:
            self._collect(plan, digits.rstrip("#*") if plan.state.finish_on_key else digits, "digits")

    def _speech(self, raw: str, confidence: float | None, clarify: list[str]) -> None:
        text = raw[:MAX_SPEECH]
        plan = self.current
        if not plan.waits:
            saying.present(self, again=True)
            return
        words = normalize(text)
        if not words:
            self._failed("no_match")
            return
        if plan.kind == "menu" or plan.confirming or plan.state.num_digits == 1:  # menus, read-backs, key choices
            key = key_said(words)  # "one" after "press 1" is the key, not "one more time"
            if key is not None:
                self._digits(key)
                return
        language = self.session.language
        model = plan.compiled.understanding[language]
        confirming = plan.confirming
        menu = plan.kind == "menu" and not confirming
        if clarify and menu:
            answer = model.understand(text, confidence, among=clarify)
            if answer.choice is not None:
                self.understood = answer
                self._choose(plan, answer.choice)
                return
        understood = model.understand(text, confidence)
        if menu:
            self.understood = understood
            if understood.choice is not None:
                self._choose(plan, understood.choice)
            elif understood.outcome == "ask":
                self._ask(plan, understood.asked)
            else:
                self._failed("no_match")
        elif understood.choice is not None and not (not confirming and self._identifier_answer(plan, text)) and (
            understood.score >= SURE_AT or (not confirming and understood.score >= INTERRUPT_AT and not self._valid(plan, text))
        ):
            self.understood = understood  # a collect's own answers are not "understood": only a global intent is
            self._choose(plan, understood.choice)  # a receipt number that mentions "receipt" stays a receipt number
        elif confirming:
            said = set(words.split())
            self._confirm_answer(bool(said & set(YES[language])), bool(said & set(NO[language])))
        elif plan.kind == "collect":
            unsure = confidence is not None and confidence < LOW_CONFIDENCE
            self._collect(plan, text, "speech", unsure)
        else:
            self._failed("no_match")

    def _choose(self, plan: StatePlan, choice: str) -> None:
        """Act on an understood choice: a menu option, a global key's purpose or a global intent."""
        if choice in plan.options:
            self._select(plan, choice)
        elif choice in GLOBAL_PURPOSES:
            self._global(choice)
        else:
            self._fire(INTENT_TRIGGER.format(name=choice))

    def _ask(self, plan: StatePlan, choices: tuple[str, ...]) -> None:
        """Two options are about equally likely: ask which one (it counts as an attempt, so it cannot loop)."""
        self.session.no_match += 1
        if self.session.no_match >= plan.state.max_attempts:
            self._last_attempt("no_match")
            return
        saying.clarify(self, plan, choices)
        self.session.clarify = list(choices)
        saying.gather(self, plan)

    def _global(self, purpose: str) -> None:
        if purpose == "repeat":
            saying.present(self, again=False)
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

    def _select(self, plan: StatePlan, key: str) -> None:
        selected = plan.options.get(key)
        if selected is None or not self._trigger(selected[1]):
            self._failed("no_match")
            return
        if selected[0].language:
            self.session.language = selected[0].language
        self._after_transition()

    def _collect(self, plan: StatePlan, value: str, kind: str, unsure: bool = False) -> None:
        state = plan.state
        spec = plan.validator or self.compiled.registry.validators[state.validator or ""]
        language = self.session.language
        normalized = spec.func(value, kind, language)
        if normalized is None:
            self._failed("no_match")
            return
        assert state.into is not None
        variables = self.session.vars
        variables[state.into] = normalized
        variables[plan.readback] = spec.readback(normalized, language)
        # An identifier the recogniser was unsure of is read back before it is used, never used straight away.
        self._fire(COLLECTED_UNSURE if unsure and plan.compiled.identifier else "collected")

    def _identifier_answer(self, plan: StatePlan, text: str) -> bool:
        """The words are an answer an identifier question takes ("I don't have a receipt number" is one
        of the receipt question's): the question keeps them, to read them back, instead of a global intent."""
        spec = self.compiled.registry.validators.get(plan.state.validator or "")
        return spec is not None and spec.identifier and spec.func(text, "speech", self.session.language) is not None

    def _valid(self, plan: StatePlan, text: str) -> bool:
        spec = self.compiled.registry.validators[plan.state.validator or ""]
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
        plan = self.current
        if not plan.waits:
            saying.present(self, again=True)
            return
        count = getattr(self.session, kind) + 1
        setattr(self.session, kind, count)
        if count >= plan.state.max_attempts:
            self._last_attempt(kind)
            return
        # A read-back asks yes or no: its question's own message ("that is not a receipt number") is not for it.
        own: Text | None = None if plan.confirming else getattr(plan.state, kind)
        message = own or self.compiled.flow.messages.get(kind)
        if message is not None:
            saying.say(self, message)
        saying.present(self, again=True)

    def _last_attempt(self, kind: str) -> None:
        """Attempts used up (`kind`: no_input or no_match).  The second time running, the flow's silence
        ending takes over.

        The first limit reached leads to `escalation.max_attempts` (which offers help); a caller who is
        silent or not understood through that too, choosing nothing in between, reaches
        `escalation.silence` (a transfer, or the hours and goodbye), and so does the call's third limit
        whatever came between (words a free-text question takes, such as Tier 1's topic, are no way out):
        a call nobody speaks on, or whose keys and words never fit, always ends.
        """
        session = self.session
        repeated = session.silent_escalations >= 1 or session.limits_reached >= MAX_LIMITS - 1
        session.silent_escalations += 1
        session.limits_reached += 1
        self._escalate("silence" if repeated and self.compiled.flow.escalates("silence") else "max_attempts")

    def _escalate(self, kind: str) -> None:
        """Fire the flow's escalation for the tier the call is in (its `ivr` target when the tier has none)."""
        by_tier = escalation_trigger(kind, self.session.tier)
        self._fire(by_tier if by_tier in self.compiled.machine.events else escalation_trigger(kind))

    # --- transitions ------------------------------------------------------------------

    def _trigger(self, trigger: str) -> bool:
        """Fire one trigger on the flow's shared machine; True when a transition happened."""
        events = self.events
        if events is None:
            return self.compiled.fire(self, trigger, self.ctx)
        event = events.get(trigger)
        return event is not None and bool(event.trigger(self, ctx=self.ctx))

    def _fire(self, trigger: str) -> None:
        events = self.events  # `_trigger`, inline: every transition of a step but a menu's option passes here
        if events is None:
            fired = self.compiled.fire(self, trigger, self.ctx)
        else:
            event = events.get(trigger)
            fired = event is not None and event.trigger(self, ctx=self.ctx)
        if not fired:
            raise EngineFault(f"no transition '{trigger}' from '{self.state}'")
        self.hops += 1  # `_after_transition`, inline: every transition of a step passes here
        if self.hops > MAX_HOPS:
            raise EngineFault(f"more than {MAX_HOPS} transitions in one step")
        name = self.session.state = self.state
        self._enter(name)

    def _after_transition(self) -> None:
        self.hops += 1
        if self.hops > MAX_HOPS:
            raise EngineFault(f"more than {MAX_HOPS} transitions in one step")
        name = self.session.state = self.state
        self._enter(name)

    def _set_state(self, name: str) -> None:
        self.session.state = name
        self.state = name

    def _enter(self, name: str) -> None:
        """Enter `name`, and the states after it that the call passes through (actions, messages, branches)
        in this same frame: each fires its trigger and the loop enters where it led (no call per hop)."""
        session = self.session
        plans = self.plans
        ctx = self.ctx
        events = self.events  # fired directly (None: through `compiled.fire`)
        path, entered = session.path, self.entered  # neither is replaced during a step
        while True:
            session.no_input = session.no_match = 0
            path.append(name)
            entered.append(name)
            plan = plans.get(name)
            if plan is None:
                plan = plan_of(self.compiled, name)
            if plan.confirming:
                saying.present(self, False, plan)
                return
            kind = plan.kind
            tier = plan.tier
            if tier != session.tier and kind != "transfer":
                self._change_tier(tier, "returned_to_ivr" if tier == "ivr" else IMPLICIT_TIER_CHANGE, name)
            if not plan.passes:  # a state the call stops at
                break
            lines = plan.prompt[session.language]
            if lines:
                if plan.ready:
                    self.actions.extend(lines)  # type: ignore[arg-type]  # `ready`: Say and Gather only
                else:
                    saying.speak(self, lines)
            if kind == "action":
                # The state's action runs here (most steps run one), with the state's args; its outcome is fired.
                spec = plan.action or self.compiled.registry.actions[plan.state.run or ""]
                ctx.args = plan.args
                outcome = spec.func(ctx).name
                ctx.args = _NO_ARGS
                if outcome not in spec.outcomes:
                    raise EngineFault(f"action '{spec.name}' returned undeclared outcome '{outcome}'")
                trigger = plan.outcomes.get(outcome) or f"outcome_{outcome}"
            else:
                trigger = "next"
            # `_fire` without its `_enter`: the loop enters the next state
            if events is None:
                fired = self.compiled.fire(self, trigger, ctx)
            else:
                event = events.get(trigger)
                fired = event is not None and event.trigger(self, ctx=ctx)
            if not fired:
                raise EngineFault(f"no transition '{trigger}' from '{self.state}'")
            self.hops += 1
            if self.hops > MAX_HOPS:
                raise EngineFault(f"more than {MAX_HOPS} transitions in one step")
            name = session.state = self.state
        if kind == "menu":
            stack = session.menu_stack
            if name in stack:
                del stack[stack.index(name) + 1 :]
            else:
                stack.append(name)
            saying.present(self, False, plan)
        elif kind == "collect":
            saying.present(self, False, plan)
        elif kind == "transfer":
            self._transfer(plan)
        elif kind == "hangup":
            saying.say_prompt(self, plan)
            self.actions.append(HangUpCall())
            session.ended = True

    def _transfer(self, plan: StatePlan) -> None:
        state = plan.state
        assert state.to is not None and state.reason is not None
        saying.say_prompt(self, plan)
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
        self.state = self.session.state

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
        saying.say_text(self, callback.message(self.session.language, self.compiled.flow.messages), f"{tier}.callback")

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

    # --- for agent_step ----------------------------------------------------------------

    def _fill(self, text: str) -> str:
        return saying.fill(self, text)


__all__ = ["MAX_DIGITS", "MAX_HOPS", "MAX_SPEECH", "CompiledState", "EngineFault", "Run"]
