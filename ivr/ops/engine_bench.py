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

import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from ivr.core.events import Event
from ivr.core.machine import CallModel
from ivr.core.registry import Context
from ivr.core.session import Session
from ivr.qa.transcript import CallerInput

STARTUPS: dict[str, str] = {
    # a fresh interpreter each time, as gunicorn's workers and a shell's `ivr` command start
    "create_app": "from ivr import create_app; create_app({{'DATABASE_URL': 'sqlite:///{folder}/startup.sqlite3'}})",
    "validate": "import sys; from ivr.cli import main; sys.argv = ['ivr', 'validate']; main()",
}


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


@dataclass(frozen=True)
class StartupTiming:
    name: str
    runs: int
    wall_s: float  # median wall time of a fresh interpreter doing it (interpreter start included)
    cpu_s: float  # median CPU time of the same runs
    bare_s: float  # median wall time of a fresh interpreter doing nothing: the part that is Python's own

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "runs": self.runs, "wall_s": round(self.wall_s, 3), "cpu_s": round(self.cpu_s, 3),
                "python_s": round(self.bare_s, 3)}


def time_startup(name: str, runs: int = 5, cwd: str | None = None) -> StartupTiming:
    """`create_app()` or `ivr validate` of the shipped tree, each in a fresh interpreter, `runs` times (median).

    The modules' bytecode is compiled once first (into a cache folder of the run's own, even when
    PYTHONDONTWRITEBYTECODE is set): an installed package, and any start after the first, has it.
    """
    with tempfile.TemporaryDirectory(prefix="ivr-startup-") as folder:
        code = STARTUPS[name].format(folder=folder)
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = os.path.join(folder, "bytecode")
        _run_python(code, cwd, env)  # compiles and caches the bytecode: not timed
        walls, cpus, bares = [], [], []
        for _ in range(runs):
            bares.append(_run_python("pass", cwd, env)[0])
            wall, cpu = _run_python(code, cwd, env)
            walls.append(wall)
            cpus.append(cpu)
    return StartupTiming(name, runs, statistics.median(walls), statistics.median(cpus), statistics.median(bares))


def _run_python(code: str, cwd: str | None, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU seconds of `python -c code` (CPU: the child's user and system time)."""
    before = os.times()
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", code], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)
    wall = time.perf_counter() - started
    after = os.times()
    if done.returncode != 0:
        raise RuntimeError(f"start-up run failed: {(done.stderr or done.stdout).strip()[-300:]}")
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)
