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

The engine owns the step's frame: which flow, the session copy, fault
recovery, the `Step` it returns.  One step in progress is
`ivr.core.stepping.Run` (caller input, transitions, states entered); what it
says and listens for is `ivr.core.saying`; what is the same for every call in
a state is precomputed once per flow here, as `ivr.core.plans.StatePlan`s.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ivr.core.actions import CallAction, Say
from ivr.core.events import CallStarted, Event
from ivr.core.flow import KEYED_PURPOSES
from ivr.core.machine import CompiledFlow
from ivr.core.plans import StatePlan, plan_flow
from ivr.core.registry import Effect, Services, World
from ivr.core.session import Session, TierChange
from ivr.core.stepping import MAX_DIGITS, MAX_HOPS, MAX_SPEECH, EngineFault, Run
from ivr.core.understanding import Understanding

__all__ = ["MAX_DIGITS", "MAX_HOPS", "MAX_SPEECH", "Engine", "EngineFault", "Step"]

log = logging.getLogger(__name__)


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


@dataclass(frozen=True)
class _Planned:
    """A flow with its state plans and its global keys (key -> purpose), built with the engine."""

    compiled: CompiledFlow
    plans: dict[str, StatePlan]
    keys: dict[str, str]
    events: dict[str, Any] | None  # the machine's events, fired directly; None: the flow's own `fire` notes them


class Engine:
    """Steps calls through compiled flows.  Shared by all calls; holds no call state."""

    def __init__(self, flows: dict[str, CompiledFlow], services: Services, default_flow: str | None = None) -> None:
        if not flows:
            raise ValueError("an engine needs at least one flow")
        self.flows = flows
        self.services = services
        self.default_flow = default_flow or next(iter(flows))
        self._planned = {flow_id: _plan(compiled) for flow_id, compiled in flows.items()}

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
        planned = self._planned.get(session.flow_id)
        if planned is None or self.flows.get(session.flow_id) is not planned.compiled:
            planned = self._planned_for(session.flow_id)
        run = Run(planned.compiled, planned.plans, planned.keys, session.copy(), world, self.services, event, planned.events)
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
            run = Run(planned.compiled, planned.plans, planned.keys, session.copy(), world, self.services, event,
                      planned.events)
            run.recover(type(exc).__name__)
        after = run.session
        after.steps += 1
        heard = len(session.scripts_heard)
        effects, changes = run.ctx.effects, run.tier_changes  # most steps have neither
        return _step(
            after,
            tuple(run.actions),
            tuple(effects) if effects else (),
            tuple(run.entered),
            tuple(changes) if changes else (),
            run.fault,
            tuple(after.scripts_heard[heard:]) if len(after.scripts_heard) > heard else (),
            run.understood if run.understood is not None else run.ctx.understood,  # the menu's, else an action's
        )

    def _planned_for(self, flow_id: str) -> _Planned:
        """The session's flow (the default flow when it is not loaded), with its plans."""
        compiled = self.flows.get(flow_id)
        if compiled is None:
            flow_id = self.default_flow
            compiled = self.flows[flow_id]
        planned = self._planned.get(flow_id)
        if planned is None or planned.compiled is not compiled:  # `flows` changed since the engine was made
            planned = self._planned[flow_id] = _plan(compiled)
        return planned


def _step(
    session: Session,
    actions: tuple[CallAction, ...],
    effects: tuple[Effect, ...],
    entered: tuple[str, ...],
    tier_changes: tuple[TierChange, ...],
    fault: str | None,
    scripts: tuple[str, ...],
    understood: Understanding | None,
) -> Step:
    """`Step(...)`, made as the frozen dataclass's own `__init__` would make it, without its per-field setattr."""
    step = object.__new__(Step)
    fields = step.__dict__
    fields["session"] = session
    fields["actions"] = actions
    fields["effects"] = effects
    fields["entered"] = entered
    fields["tier_changes"] = tier_changes
    fields["fault"] = fault
    fields["scripts"] = scripts
    fields["understood"] = understood
    return step


def _plan(compiled: CompiledFlow) -> _Planned:
    keys = compiled.flow.keys
    by_key = {getattr(keys, purpose): purpose for purpose in reversed(KEYED_PURPOSES)}  # the first purpose wins
    # A flow that overrides `fire` (replay's coverage notes each transition) is fired through it.
    events = compiled.machine.events if type(compiled).fire is CompiledFlow.fire else None
    return _Planned(compiled, plan_flow(compiled), by_key, events)
