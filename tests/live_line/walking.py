"""Walking every state of the shipped flows through the engine, as the phone would meet them.

`every_state(engine)` names each place a call can be: every state of every
flow, plus the read-back (`.confirm`) states the machine adds.  `enter` puts a
fresh call there (a `CallStarted` on a session placed in that state enters it,
running its actions and messages as the flow would) and `silent_call` then
answers nothing but silence until the call ends or leaves for people.
`twiml` renders a step with the phone adapter's own renderer.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass

from ivr.adapters.twiml import Urls, Voices, render
from ivr.core.actions import Dial, Enqueue, Gather
from ivr.core.engine import Engine, Step
from ivr.core.events import CallStarted, Event, NoInput
from ivr.definitions.cases import CaseBook
from ivr.world import CaseWorld, MemoryTransaction

OPEN = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))  # Monday 10:00 Eastern
CLOSED = dt.datetime(2026, 11, 23, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))  # Monday 21:00 Eastern
SILENCE_LIMIT = 40  # no-input events before a walk gives up and calls the call endless


def every_state(engine: Engine) -> list[tuple[str, str]]:
    """(flow id, state) for every state a call can be in, read-back states included."""
    return [(flow_id, name) for flow_id, compiled in engine.flows.items() for name in compiled.machine.states]


def enter(engine: Engine, cases: CaseBook, flow_id: str, state: str, language: str, now: dt.datetime) -> tuple[Step, CaseWorld]:
    """A new call of `flow_id` in `language`, entering `state` as if a transition had led there."""
    session = engine.new_session(f"CA-walk-{state}-{language}", CallStarted(now), flow_id, language=language)
    session.state = state
    world = CaseWorld(cases, MemoryTransaction())
    return engine.step(session, CallStarted(now), world), world


@dataclass(frozen=True)
class SilentCall:
    """How a call met with silence only went: the prompts it heard (each Gather is one) and how it ended."""

    start: str
    prompts: int
    ending: str  # "hung up", "to people" or "endless"
    last_state: str
    path: tuple[str, ...]


def silent_call(
    engine: Engine, cases: CaseBook, flow_id: str, state: str, language: str, now: dt.datetime,
    reply: Callable[[dt.datetime], Event] = NoInput,
) -> SilentCall:
    """Enter `state`, then answer every prompt with silence (or `reply`, e.g. words nobody understands)
    until the call ends or is handed to people."""
    step, world = enter(engine, cases, flow_id, state, language, now)
    prompts = 0
    for _ in range(SILENCE_LIMIT):
        prompts += sum(isinstance(action, Gather) for action in step.actions)
        if step.session.ended:
            return SilentCall(state, prompts, "hung up", step.session.state, tuple(step.session.path))
        if any(isinstance(action, (Enqueue, Dial)) for action in step.actions):
            return SilentCall(state, prompts, "to people", step.session.state, tuple(step.session.path))
        step = engine.step(step.session, reply(now), world)
    return SilentCall(state, prompts, "endless", step.session.state, tuple(step.session.path))


def twiml(step: Step) -> ET.Element:
    """The step as the phone adapter renders it, parsed."""
    return ET.fromstring(render(step.actions, Urls(), Voices()))
