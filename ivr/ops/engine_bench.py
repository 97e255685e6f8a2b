"""In-process timings for `ivr bench`: the engine step against the `transitions` triggers it fires.

A real call (the bench call: 10 inputs of a case-status call) is stepped
through the engine once with a traced flow, noting each step's session, event
and the (source, trigger) pairs the shared machine fired.  Then the same steps
are timed through `Engine.step`, and the same triggers are timed fired
directly on the shared machine with the same context (guards included): the
floor any engine built on `transitions` pays.  The ratio is the engine's cost
per step over that floor.

Both sides are timed the same way: CPU time of this process (other work on a
shared machine does not count against either), the best of several runs, the
two sides' runs taking turns (a change in the machine's load falls on both).  The
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

READY = "ivr-startup-ready"
"""What the `create_app` child prints once the app is built: a server's worker is ready to serve then."""

STARTUPS: dict[str, str] = {
    # a fresh interpreter each time, as gunicorn's workers and a shell's `ivr` command start
    "create_app": "from ivr import create_app; create_app({{'DATABASE_URL': 'sqlite:///{folder}/startup.sqlite3'}}); "
                  f"print({READY!r}, flush=True)",
    "validate": "import sys; from ivr.cli import main; sys.argv = ['ivr', 'validate']; main()",
    # the same command with nothing kept from an earlier check (`forget_checked` before each run), as after an edit
    "validate_cold": "import sys; from ivr.cli import main; sys.argv = ['ivr', 'validate']; main()",
}


def forget_checked() -> None:
    """Remove what `ivr validate` keeps in the instance folder (`ivr.definitions.checked`): its next run
    reads and checks every file, as after an edit, and keeps the result again."""
    from ivr.config import instance_folder
    from ivr.definitions import flow_cache

    folder = instance_folder()
    kept = [*folder.glob(flow_cache.CHECKED_FLOW_NAME.format("*")),
            folder / flow_cache.DRAFTS_CACHE_NAME, folder / flow_cache.SCRIPTS_CACHE_NAME]
    for path in kept:
        path.unlink(missing_ok=True)


BEFORE_EACH: dict[str, Callable[[], None]] = {"validate_cold": forget_checked}
"""What is done, untimed, before each timed run of a start-up (`time_startup`)."""


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
    return best_of_each([func], repeat, number)[0]


def best_of_each(funcs: Sequence[Callable[[], object]], repeat: int, number: int) -> list[float]:
    """For each of `funcs`, the fastest of `repeat` runs of `number` calls, in µs of CPU time per call.

    The runs take turns (a run of each function per round), so a change in the machine's load
    while they are timed falls on all of them alike rather than on whichever was timed then."""
    for func in funcs:
        func()
    best = [float("inf")] * len(funcs)
    for _ in range(repeat):
        for index, func in enumerate(funcs):
            started = time.process_time()
            for _ in range(number):
                func()
            best[index] = min(best[index], (time.process_time() - started) / number)
    return [value * 1e6 for value in best]


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
    step_us, trigger_us = best_of_each([call, triggers], repeat, number)
    return EngineTiming(len(recorded), count, step_us, trigger_us)


@dataclass(frozen=True)
class StartupTiming:
    name: str
    runs: int
    wall_s: float  # median wall time of a fresh interpreter until it is done (the app built; validate's exit)
    cpu_s: float  # median CPU time of the whole runs
    bare_s: float  # median wall time of a fresh interpreter doing nothing: the part that is Python's own
    exit_s: float = 0.0  # median wall time from the app built to its interpreter's exit (create_app only)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "runs": self.runs, "wall_s": round(self.wall_s, 3), "cpu_s": round(self.cpu_s, 3),
                "python_s": round(self.bare_s, 3), "exit_s": round(self.exit_s, 3)}


def time_startup(name: str, runs: int = 5, cwd: str | None = None) -> StartupTiming:
    """`create_app()` or `ivr validate` of the shipped tree, each in a fresh interpreter, `runs` times (median).

    `create_app()` is timed from the interpreter's start until the app is built (the child says so on
    its standard output): a server's worker serves from then on, and the interpreter's own exit
    afterwards (freeing everything built, 30-100 ms here) is reported apart.  `ivr validate` is timed
    until its process ends: its user waits for that; `validate` with what it kept from its last check of
    the unchanged tree (the untimed first run keeps it), `validate_cold` with nothing kept (removed
    before each run, untimed: every file read and checked, as after an edit).  The modules' bytecode is compiled once first
    (into a cache folder of the run's own, even when PYTHONDONTWRITEBYTECODE is set): an installed
    package, and any start after the first, has it.
    """
    with tempfile.TemporaryDirectory(prefix="ivr-startup-") as folder:
        code = STARTUPS[name].format(folder=folder)
        env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
        env["PYTHONPYCACHEPREFIX"] = os.path.join(folder, "bytecode")
        _run_python(code, cwd, env)  # compiles and caches the bytecode: not timed
        walls, exits, cpus, bares = [], [], [], []
        before = BEFORE_EACH.get(name)
        for _ in range(runs):
            bares.append(_run_python("pass", cwd, env)[0])
            if before is not None:
                before()
            ready, ended, cpu = _run_python(code, cwd, env)
            walls.append(ready)
            exits.append(ended - ready)
            cpus.append(cpu)
    return StartupTiming(name, runs, statistics.median(walls), statistics.median(cpus), statistics.median(bares),
                         statistics.median(exits))


def _run_python(code: str, cwd: str | None, env: dict[str, str] | None = None) -> tuple[float, float, float]:
    """Wall seconds of `python -c code` until it printed `READY` (else until it ended) and until it ended,
    and its CPU seconds (the child's user and system time)."""
    before = os.times()
    started = time.perf_counter()
    with tempfile.TemporaryFile(mode="w+") as stderr, subprocess.Popen(
        [sys.executable, "-c", code], cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=stderr, text=True
    ) as child:
        assert child.stdout is not None
        ready = None
        for line in child.stdout:  # read as it comes: the moment of `READY`, and no full pipe
            if ready is None and line.strip() == READY:
                ready = time.perf_counter() - started
        returncode = child.wait(timeout=120)
        stderr.seek(0)
        errors = stderr.read()
    ended = time.perf_counter() - started
    after = os.times()
    if returncode != 0:
        raise RuntimeError(f"start-up run failed: {errors.strip()[-300:]}")
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return (ended if ready is None else ready), ended, cpu
