"""In-process timings for `ivr bench`: the engine step against the `transitions` triggers it fires.

A real call (the bench call: 10 inputs of a case-status call) is stepped
through the engine once with a traced flow, noting each step's session, event
and the (source, trigger) pairs the shared machine fired.  Then the same steps
are timed through `Engine.step`, and the same triggers are timed fired
directly on the shared machine with the same context (guards included): the
floor any engine built on `transitions` pays.  The ratio is the engine's cost
per step over that floor.

Both sides are timed the same way: CPU time of this process (other work on a
shared machine does not count against either), the best of several runs.  The
timed engine is the one a webhook uses: built over the flows as compiled, not
the traced copies replay keeps for coverage (those only record the pairs).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ivr.core.events import Event
from ivr.core.machine import CallModel
from ivr.core.registry import Context
from ivr.core.session import Session
from ivr.qa.transcript import CallerInput


@dataclass(frozen=True)
class EngineTiming:
    steps: int  # engine steps in one pass of the call
    triggers: int  # transitions fired by those steps
    step_us: float  # one pass of the call through Engine.step, µs
    trigger_us: float  # the same triggers fired on the shared machine, µs

    @property
    def ratio(self) -> float:
        return self.step_us / self.trigger_us if self.trigger_us else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"steps": self.steps, "triggers": self.triggers, "call_us": round(self.step_us, 1),
                "triggers_us": round(self.trigger_us, 1), "ratio": round(self.ratio, 2)}


def best_of(func: Callable[[], object], repeat: int, number: int) -> float:
    """The fastest of `repeat` runs of `number` calls, in µs of CPU time per call."""
    func()
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for _ in range(number):
            func()
        best = min(best, (time.process_time() - started) / number)
    return best * 1e6


def time_engine(inputs: Sequence[CallerInput], repeat: int = 5, number: int = 200) -> EngineTiming:
    """Time `inputs` as one call through the engine and through the bare triggers it fires."""
    from ivr.definitions.cases import DEMO_CASES_PATH, DEMO_CLOCK, load_cases
    from ivr.core.engine import Engine
    from ivr.qa.replay import Replayer
    from ivr.world import CaseWorld, MemoryTransaction

    replayer = Replayer()
    traced = replayer.engine({})
    compiled = replayer.flows[replayer.default_flow]
    engine = Engine({flow_id: flow.untraced() for flow_id, flow in replayer.flows.items()}, traced.services, traced.default_flow)
    cases = load_cases(DEMO_CASES_PATH)
    world = CaseWorld(cases, MemoryTransaction())
    now = DEMO_CLOCK
    recorded: list[tuple[Session, Event, list[tuple[str, str]]]] = []
    session: Session | None = None
    for given in inputs:
        event = given.event(now)
        if session is None:
            session = engine.new_session("CAbench", event)  # type: ignore[arg-type]
        compiled.fired.clear()
        step = traced.step(session, event, world)
        recorded.append((session, event, [(source, trigger) for source, trigger, _ in compiled.fired]))
        session = step.session
    compiled.fired.clear()

    def call() -> None:
        for before, event, _ in recorded:
            engine.step(before, event, world)

    contexts = [(Context(before.copy(), world, now, engine.services), fired) for before, _, fired in recorded]
    machine_events = compiled.machine.events
    model = CallModel("")

    def triggers() -> None:
        for ctx, fired in contexts:
            for source, trigger in fired:
                model.state = source
                machine_events[trigger].trigger(model, ctx=ctx)

    count = sum(len(fired) for _, _, fired in recorded)
    return EngineTiming(len(recorded), count, best_of(call, repeat, number), best_of(triggers, repeat, number))
