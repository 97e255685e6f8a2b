"""Replaying transcripts and test calls against the current flows and scripts.

A replay is hermetic: the world is the case data the file carries (a
transcript's snapshot, a test call's cases), held in a `MemoryTransaction`;
time is the recorded (or written) instant of each step; sequence numbers are
the recorded ones.  Each input goes through the same `CallService.handle` a
phone call goes through, so a replayed call takes exactly the path a phone
call would take today.

`Replayer` compiles the flows once and replays any number of files with
them.  A transcript passes when every step says the same prompts (ids and
texts), reaches the same state and tier, and changes the same things; a test
call passes when every expectation holds.  The first divergence becomes a
readable diff (`ReplayResult.diff`).  `replay_paths` runs many files, on
several processes if asked.

The replayer also notes the states entered and the machine transitions fired,
for `ivr.qa.coverage`.
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
import json
import logging
import os
import time
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from ivr import config as configuration
from ivr.calls import CallService
from ivr.clock import Clock
from ivr.core.engine import Engine
from ivr.core.machine import CallModel, CompiledFlow, compile_flow
from ivr.core.registry import Context, Services, builtin_registry
from ivr.core.session import Session
from ivr.definitions.cases import DEMO_CASES_PATH, CaseBook, load_cases
from ivr.definitions.flow_cache import cached_flows, cached_scripts
from ivr.definitions.flows import load_flows
from ivr.errors import DefinitionError, IVRError, display_path
from ivr.qa import testcall, transcript
from ivr.qa.testcall import ScriptedCall
from ivr.qa.transcript import CallerInput, Observation, Transcript
from ivr.routing import TierRouting
from ivr.store.base import LIVE, CallRecord, CallTransaction, Store
from ivr.world import MemoryTransaction

FILE_SUFFIXES = (testcall.SUFFIX, transcript.SUFFIX)
_DEFAULTS = json.dumps([{}, {}])  # the engine key of a call with no script pins and no tier routing
_CONTEXT_PATH = 6  # states of the path so far shown above a divergence


# --- results -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReplayResult:
    """How one file replayed: passed, or the first divergence as a diff."""

    path: str
    passed: bool
    kind: str  # "call" or "transcript"
    name: str = ""
    steps: int = 0  # steps replayed
    diff: str = ""  # the first divergence (or why the file could not be read)
    flow_id: str = ""
    states: tuple[str, ...] = ()  # states entered, for coverage
    transitions: tuple[tuple[str, str, str], ...] = ()  # (source, trigger, dest) fired
    seconds: float = 0.0


# --- the replayer --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _TracedFlow(CompiledFlow):
    """A compiled flow that notes every transition it fires (for coverage); same machine, same prompts."""

    fired: list[tuple[str, str, str]] = field(default_factory=list)

    def fire(self, model: CallModel, trigger: str, ctx: Context) -> bool:
        source = model.state
        if super().fire(model, trigger, ctx):
            self.fired.append((source, trigger, model.state))
            return True
        return False

    def untraced(self) -> CompiledFlow:
        """The same compiled flow without the notes (what a webhook's engine steps through)."""
        return CompiledFlow(**{f.name: getattr(self, f.name) for f in fields(CompiledFlow)})


class Replayer:
    """Replays transcripts and test calls; flows are compiled once, for every file."""

    def __init__(self, config: Mapping[str, Any] | None = None, cache_folder: Path | str | None = None) -> None:
        """Flows and scripts as `config` (else the environment) names them.

        The flows and scripts the app itself would load (those `config` does not name) come from the
        app's caches (`ivr.definitions.flow_cache`) in `cache_folder`, by default the instance folder
        (`ivr.config.instance_folder`): compiling the flows is most of building a replayer, before any
        file replays, and the cache holds whatever folder the replay runs from.  Flows or scripts that
        `config` names (drafts, a test's) are read and compiled afresh: they never push the app's out."""
        overrides = {key: value for key, value in (config or {}).items() if key in configuration.SETTINGS}
        settings = configuration.resolve(overrides)
        registry = builtin_registry()
        folder = configuration.instance_folder() if cache_folder is None else Path(cache_folder)
        if "FLOWS" in overrides:
            compiled = {flow_id: compile_flow(flow, registry) for flow_id, flow in load_flows(settings.get("FLOWS"), registry).items()}
        else:
            compiled = cached_flows(settings.get("FLOWS"), registry, folder)
        self.flows: dict[str, _TracedFlow] = {flow_id: _traced(flow) for flow_id, flow in compiled.items()}
        default = settings.get("DEFAULT_FLOW")
        self.default_flow = default if default in self.flows else next(iter(self.flows))
        self.settings = settings
        self.directory = _directory()
        self.scripts = _scripts(settings.get("SCRIPTS_DIR"), None if "SCRIPTS_DIR" in overrides else folder)
        self._engines: dict[str, Engine] = {}
        self._cases: dict[Path, CaseBook] = {}
        self.coverage = True  # results list the states and transitions each call went through
        self._plain: dict[str, CompiledFlow] | None = None  # the flows untraced, for runs without coverage

    # --- files ---------------------------------------------------------------------------------

    def replay_path(self, path: Path | str) -> ReplayResult:
        """Load and replay one `*.call.yaml` or `*.transcript.yaml` file; a file that cannot be read fails."""
        kind = "call" if str(path).endswith(testcall.SUFFIX) else "transcript"
        started = time.perf_counter()
        try:
            if kind == "call":
                flows = {flow_id: traced.flow for flow_id, traced in self.flows.items()}
                call = testcall.load_call(path, flows, self.default_flow, self.scripts)  # its names held against `flows`
                result = self._replay_call(call, names_checked=True)
            else:
                result = self.replay_transcript(transcript.load_transcript(path, self.flows))
        except DefinitionError as error:
            return ReplayResult(display_path(path), False, kind, diff=str(error), seconds=time.perf_counter() - started)
        except IVRError as error:
            shown = display_path(path)
            return ReplayResult(shown, False, kind, diff=f"{shown}: {error}", seconds=time.perf_counter() - started)
        except Exception:  # noqa: BLE001 - one odd file must not stop a run of thousands; keep the traceback
            shown = display_path(path)
            diff = f"{shown}: replay failed unexpectedly\n{traceback.format_exc()}"
            return ReplayResult(shown, False, kind, diff=diff, seconds=time.perf_counter() - started)
        # The result names the file as its loader showed it (`display_path`, worked out once per file).
        return _timed(result, time.perf_counter() - started)

    # --- transcripts ---------------------------------------------------------------------------

    def replay_transcript(self, recorded: Transcript) -> ReplayResult:
        """Replay a recorded call; it passes when every step produces what it produced then."""
        name = f"call {recorded.call_sid}"
        flow_id = recorded.flow_id or self.default_flow
        if flow_id not in self.flows:
            return self._missing_flow(recorded.path, "transcript", name, flow_id)
        cases = CaseBook.from_dict({"cases": recorded.cases})
        run = self._run(flow_id, cases, recorded.settings, recorded.caller, recorded.call_sid, recorded.sequences)
        done = 0
        for index, step in enumerate(recorded.steps):
            now = run.send((step.at, step.input), step.cases)
            done += 1
            if now is None or now.comparable() != step.observed.comparable():
                diff = self._transcript_diff(recorded, index, now)
                return self._result(recorded.path, False, "transcript", name, done, diff, flow_id, run)
        return self._result(recorded.path, True, "transcript", name, done, "", flow_id, run)

    def rerecord(self, recorded: Transcript) -> Transcript:
        """The same call (inputs, times, world) as the current flows and scripts play it now.

        Used to accept a reviewed change (`ivr replay --accept`) and by the export, to
        recompute what a redacted call says (numbers derived from an identifier change with it).
        """
        flow_id = recorded.flow_id or self.default_flow
        if flow_id not in self.flows:
            raise IVRError(f"flow '{flow_id}' is not loaded (loaded: {', '.join(sorted(self.flows))})")
        cases = CaseBook.from_dict({"cases": recorded.cases})
        run = self._run(flow_id, cases, recorded.settings, recorded.caller, recorded.call_sid, recorded.sequences)
        steps = []
        state = self.flows[flow_id].flow.start
        for step in recorded.steps:
            seen = run.send((step.at, step.input), step.cases)
            if seen is not None:
                steps.append(replace(step, state_before=state, observed=seen))
                state = seen.state
        current = self.flows[flow_id].flow
        return replace(recorded, flow_id=current.id, flow_version=current.content_hash, steps=tuple(steps))

    def _transcript_diff(self, recorded: Transcript, index: int, now: Observation | None) -> str:
        step = recorded.steps[index]
        where = f"{recorded.path}:{step.line}" if recorded.path and step.line else recorded.path or f"call {recorded.call_sid}"
        current = self.flows[recorded.flow_id or self.default_flow].flow
        head = [
            f"step {index + 1} of {len(recorded.steps)} ({where}): the caller {step.input.describe()} "
            f"in {step.state_before or '?'} at {step.at.isoformat()}",
        ]
        path = [name for earlier in recorded.steps[:index] for name in earlier.observed.entered][-_CONTEXT_PATH:]
        if path:
            head.append(f"path so far: {' > '.join(path)}")
        then_lines = step.observed.lines()
        now_lines = now.lines() if now is not None else ["(nothing: the call was not running)"]
        head += [
            f"--- heard then (flow {recorded.flow_id}@{recorded.flow_version or '?'})",
            f"+++ heard now (flow {current.id}@{current.content_hash})",
        ]
        return "\n".join(head + line_diff(then_lines, now_lines))

    # --- test calls ----------------------------------------------------------------------------

    def replay_call(self, call: ScriptedCall) -> ReplayResult:
        """Run a hand-written test call; it passes when every expectation holds."""
        return self._replay_call(call, names_checked=False)

    def _replay_call(self, call: ScriptedCall, names_checked: bool) -> ReplayResult:
        """`replay_call`; `names_checked`: the call was loaded against these flows (`load_call` given them
        held its state and prompt names against its flow), so they are not held against it again."""
        flow_id = call.flow_id or self.default_flow
        if flow_id not in self.flows:
            return self._missing_flow(call.path, "call", call.name, flow_id)
        if not names_checked:
            problems = testcall.check_names(call, self.flows[flow_id].flow)
            if problems:
                raise DefinitionError(problems)
        cases = call.cases if call.cases is not None else self._case_book(call.cases_file or DEMO_CASES_PATH)
        run = self._run(flow_id, cases, call.settings, call.caller, _call_sid(call.path), ())
        now_at = call.clock
        done = 0
        path: list[str] = []
        state = self.flows[flow_id].flow.start
        for step in call.steps:
            now_at = step.at or now_at
            entry = run.entry((now_at, step.input))
            done += 1
            if step.expect is None and (entry is None or not entry.get("fault")):
                if entry is not None:  # nothing to check: where the call went is all this step needs
                    path += entry.get("entered", ())
                    state = str(entry["state"])
                continue
            seen = Observation.from_entry(entry) if entry is not None else Observation((), state, "?", "?")
            failures = step.expect.failures(seen) if step.expect is not None else []
            if seen.fault:
                failures.append(("no fault", f"the engine recovered from a fault: {seen.fault}"))
            if failures:
                diff = _call_diff(call, step, done, state, now_at, path, failures, seen)
                return self._result(call.path, False, "call", call.name, done, diff, flow_id, run)
            path += seen.entered
            state = seen.state
        return self._result(call.path, True, "call", call.name, done, "", flow_id, run)

    def case_book(self, path: Path | str | None) -> CaseBook:
        """The case data of a test call's `cases_file` (the demo data when None), loaded once per file."""
        return self._case_book(Path(path) if path is not None else DEMO_CASES_PATH)

    def start_run(
        self,
        flow_id: str,
        cases: CaseBook,
        settings: Mapping[str, Any],
        caller: str | None,
        call_sid: str,
        sequences: Iterable[tuple[str, int]],
    ) -> _Run:
        """A call ready to be fed inputs one at a time with `send` (the impact report plays calls so)."""
        if flow_id not in self.flows:
            raise IVRError(f"flow '{flow_id}' is not loaded (loaded: {', '.join(sorted(self.flows))})")
        return self._run(flow_id, cases, settings, caller, call_sid, sequences)

    def _case_book(self, path: Path) -> CaseBook:
        book = self._cases.get(path)  # most calls share a few case files: resolve each name once
        if book is None:
            key = Path(path).resolve()
            book = self._cases.get(key) or load_cases(key)
            self._cases[key] = self._cases[path] = book
        return book

    # --- running -------------------------------------------------------------------------------

    def engine(self, settings: Mapping[str, Any]) -> Engine:
        """The engine for a call's path-changing settings (script pins, tier routing), built once per combination.

        Without coverage it steps through the flows as compiled, as a webhook does (the traced
        copies only note the transitions coverage needs)."""
        pins = dict(settings.get("SCRIPT_PINS") or {})
        routing = dict(settings.get("TIER_ROUTING") or {})
        key = _DEFAULTS if not pins and not routing else json.dumps([pins, routing], sort_keys=True)
        key += "" if self.coverage else " untraced"
        engine = self._engines.get(key)
        if engine is None:
            services = Services(
                directory=self.directory,
                scripts=self.scripts,
                routing=TierRouting.from_config(routing),
                settings={**self.settings, "SCRIPT_PINS": pins, "TIER_ROUTING": routing},
            )
            flows: dict[str, CompiledFlow] = dict(self.flows) if self.coverage else self._untraced()
            engine = Engine(flows, services, self.default_flow)
            self._engines[key] = engine
        return engine

    def _untraced(self) -> dict[str, CompiledFlow]:
        if self._plain is None:
            self._plain = {flow_id: traced.untraced() for flow_id, traced in self.flows.items()}
        return self._plain

    def _run(
        self,
        flow_id: str,
        cases: CaseBook,
        settings: Mapping[str, Any],
        caller: str | None,
        call_sid: str,
        sequences: Iterable[tuple[str, int]],
    ) -> _Run:
        for flow in self.flows.values():
            flow.fired.clear()
        return _Run(self.engine(settings), cases, flow_id, caller, call_sid, list(sequences))

    def _result(
        self, path: str, passed: bool, kind: str, name: str, steps: int, diff: str, flow_id: str, run: _Run
    ) -> ReplayResult:
        if not self.coverage:
            return ReplayResult(path, passed, kind, name, steps, diff, flow_id)
        flow = self.flows[flow_id]
        states = {flow.flow.start, *run.entered}
        return ReplayResult(
            path, passed, kind, name, steps, diff, flow_id, tuple(sorted(states)), tuple(sorted(set(flow.fired)))
        )

    def _missing_flow(self, path: str, kind: str, name: str, flow_id: str) -> ReplayResult:
        known = ", ".join(sorted(self.flows))
        return ReplayResult(path, False, kind, name, diff=f"{path}: flow '{flow_id}' is not loaded (loaded: {known})")


class _Run:
    """One call replaying: a call service over an in-memory world, fed one input at a time."""

    def __init__(
        self, engine: Engine, cases: CaseBook, flow_id: str, caller: str | None, call_sid: str, sequences: list[tuple[str, int]]
    ) -> None:
        self.tx = MemoryTransaction()
        self.tx.preset_sequences = sequences
        self.service = CallService(engine, _OneCallStore(self.tx), cases, Clock())
        self.flow_id = flow_id
        self.caller = caller
        self.call_sid = call_sid or "CAreplay"
        self.entered: list[str] = []

    def send(self, item: tuple[dt.datetime, CallerInput], read: Iterable[Mapping[str, Any]] = ()) -> Observation | None:
        """Apply one input at its instant; what the step produced (None when the call was not running).

        `read` is what the recorded step read of cases that another call had changed (a transcript
        step's `cases`): the step, and those after it, read the cases so."""
        entry = self.entry(item, read)
        return Observation.from_entry(entry) if entry is not None else None

    def entry(self, item: tuple[dt.datetime, CallerInput], read: Iterable[Mapping[str, Any]] = ()) -> Mapping[str, Any] | None:
        """`send`, giving the step as the store wrote it (its `step` entry) rather than its `Observation`.

        A test call's step with nothing to check needs only where the call went: its `Observation`
        (the prompts, actions and effects as replay compares them) is not made for it."""
        if read:
            self._read(read)
        at, caller_input = item
        count = len(self.tx.transcript)
        self.service.handle(self.call_sid, caller_input.event(at, self.caller), "replay", self.flow_id)
        entries = [entry for entry in self.tx.transcript[count:] if entry.get("type") == "step"]
        if not entries:
            return None
        entry = entries[-1]
        self.entered += entry.get("entered", ())
        return entry

    def _read(self, read: Iterable[Mapping[str, Any]]) -> None:
        """The cases as the step read them: the recorded fields replace what the call's own changes made."""
        snapshots = {case.receipt_number: case.to_dict() for case in self.service.cases}
        for partial in read:
            receipt = str(partial.get("receipt_number"))
            if receipt not in snapshots:
                raise IVRError(f"a step read case '{receipt[:40]}', which is not one of the transcript's cases")
            snapshots[receipt] = transcript.merge_read(snapshots[receipt], partial)
            own = self.tx.changes.get(receipt)
            if own:
                self.tx.changes[receipt] = {key: value for key, value in own.items() if key not in partial}
        self.service.cases = CaseBook.from_dict({"cases": list(snapshots.values())})


class _OneCallStore(Store):
    """A `Store` over one in-memory call: what `CallService` needs to replay a call without a database."""

    def __init__(self, tx: MemoryTransaction) -> None:
        self.tx = tx
        self._held = _Held(tx)

    def call(self, call_sid: str, world: str = LIVE) -> AbstractContextManager[CallTransaction]:
        return self._held  # the same block every step: nothing to commit, nothing to undo

    def transcript(self, call_sid: str) -> list[dict[str, Any]]:
        return list(self.tx.transcript)

    def calls(self, limit: int = 100, channel: str | None = None) -> list[CallRecord]:
        return []

    def iter_calls(self) -> Iterator[CallRecord]:
        return iter(())

    def session(self, call_sid: str) -> Session | None:
        return self.tx.session

    def close(self) -> None:
        pass


class _Held(AbstractContextManager[CallTransaction]):
    """`with store.call(...) as tx` over the one in-memory call: `tx` itself, with nothing to do on leaving.

    A plain object rather than a `contextmanager` generator: a replay enters one per step, and
    a generator and its wrapper were made and thrown away each time."""

    __slots__ = ("tx",)

    def __init__(self, tx: CallTransaction) -> None:
        self.tx = tx

    def __enter__(self) -> CallTransaction:
        return self.tx

    def __exit__(self, *exc: object) -> None:
        return None


# --- many files ----------------------------------------------------------------------------------


def find_files(paths: Iterable[Path | str]) -> list[Path]:
    """The test calls and transcripts among `paths` (folders searched recursively), sorted, without repeats."""
    return [Path(name) for name in file_names(paths)]


def file_names(paths: Iterable[Path | str]) -> list[str]:
    """`find_files`, as the paths' text (`str` of each `Path`), without making a `Path` per file.

    What `ivr replay` lists: a day's 50,000 files are listed before any worker starts, and a
    `Path` per file (made, hashed against repeats, sorted by its parts) took 0.4 s of that."""
    found: dict[str, None] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for candidate in _files_below(str(path)):
                found.setdefault(candidate, None)
        elif path.is_file():
            found.setdefault(str(path), None)
        else:
            raise FileNotFoundError(str(path))
    return list(found)


def _files_below(folder: str) -> list[str]:
    """The test calls and transcripts in `folder` (a `Path`'s text) and its subfolders (not through links
    to folders, as `Path.rglob`), in `Path` order, each written as its `Path` would write it.

    `os.scandir` knows each entry's kind without a `stat`.  Names hold no separator, so a name
    joined to its folder's text is already that `Path`'s text (as `.` and `/` are written, too),
    and the texts sort in `Path.parts` order once each separator sorts before every character."""
    found: list[str] = []
    folders = [folder]
    while folders:
        current = folders.pop()
        prefix = "" if current == "." else current if current.endswith(os.sep) else current + os.sep
        with os.scandir(current) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):
                    folders.append(prefix + entry.name)
                elif entry.name.endswith(FILE_SUFFIXES) and entry.is_file():
                    found.append(prefix + entry.name)
    found.sort(key=_by_parts)
    return found


def _by_parts(text: str) -> str:
    """A path's text, its separators made the lowest character: its order is the order of its parts."""
    return text.replace(os.sep, "\x00")


def replay_paths(
    paths: Sequence[Path | str],
    config: Mapping[str, Any] | None = None,
    jobs: int = 1,
    on_result: Callable[[ReplayResult], None] | None = None,
    coverage: bool = True,
) -> list[ReplayResult]:
    """Replay every file (on `jobs` processes; 0 is every core), in order; `on_result` sees each as it finishes.

    Without `coverage`, results leave out the states and transitions each call went through
    (what `ivr.qa.coverage` needs), so a large run's workers send back less.

    On several processes the first file is replayed here, before the workers start: where
    processes fork, they inherit this replayer with its flows compiled and everything a
    call first loads (holiday calendars, number wording) loaded, instead of each building
    its own.
    """
    with _collector_off(), _quiet_machine_log():
        return _replay_paths(paths, config, jobs, on_result, coverage)


def _replay_paths(
    paths: Sequence[Path | str],
    config: Mapping[str, Any] | None,
    jobs: int,
    on_result: Callable[[ReplayResult], None] | None,
    coverage: bool,
) -> list[ReplayResult]:
    """`replay_paths`, with the garbage collector as `_collector_off` leaves it."""
    workers = (os.cpu_count() or 1) if jobs == 0 else max(1, jobs)
    workers = min(workers, len(paths)) or 1
    results: list[ReplayResult] = []
    replayer = Replayer(config)  # here first: broken flows are one error, not one per worker
    replayer.coverage = coverage

    def done(result: ReplayResult) -> None:
        results.append(result)
        if on_result:
            on_result(result)

    if not paths:
        return results
    done(replayer.replay_path(paths[0]))
    with _frozen_heap():
        if workers == 1:
            for path in paths[1:]:
                done(_collecting(replayer.replay_path(path)))
            return results
        import multiprocessing

        rest = [str(p) for p in paths[1:]]
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() and os.name != "nt" else "spawn"
        context = multiprocessing.get_context(method)
        global _worker
        _worker = replayer  # a forked worker starts with it (a spawned one builds its own)
        try:
            initargs = (dict(config or {}), method == "fork", coverage)
            with context.Pool(workers, initializer=_start_worker, initargs=initargs) as pool:
                for batch in pool.imap(_replay_batch_in_worker, dealt(rest, workers)):
                    for result in batch:
                        done(_collecting(result))
        finally:
            _worker = None
    return results


BATCH_MOST = 512
"""The most files dealt to a worker at once (`dealt`)."""


def dealt(paths: list[str], workers: int) -> Iterator[list[str]]:
    """`paths` in the batches the workers take, in order: large while many files remain, smaller towards the end.

    Each batch is one message to a worker and one back, and wakes the parent once: batches of 64
    cost the parent about 35 µs of CPU a file on a loaded machine, taken from the workers on a
    2-core one; batches of up to `BATCH_MOST` cost a third of that.  A quarter of what remains
    for each worker, at most: the last batches are small, so the workers finish together."""
    start = 0
    while start < len(paths):
        size = max(1, min(BATCH_MOST, (len(paths) - start) // (workers * 4)))
        yield paths[start:start + size]
        start += size


COLLECT_EVERY = 1000
"""Files replayed by a process between two garbage collections while a run's automatic collections are off (`_collector_off`)."""


@contextmanager
def _collector_off() -> Iterator[None]:
    """No automatic garbage collection during a run (forked workers inherit that).

    Building the replayer (compiling the flows) made collection passes over an ever larger heap
    that found almost nothing: without them it takes 0.29 s instead of 0.36 s, before any worker
    can start, and leaves a few hundred objects of garbage.  A replayed call leaves almost no
    reference cycles either (a run of 10,000 files peaks at the same memory with or without the
    collector), so the files are collected only every `COLLECT_EVERY` (`_collecting`): memory
    stays bounded should some file make cycles after all."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@contextmanager
def _quiet_machine_log() -> Iterator[None]:
    """For the run, `transitions`' debug and info calls cost nothing while its logger would drop them.

    The state machines log several debug and info lines per trigger (about sixteen calls a step,
    two Python calls each), which its logger drops unless someone has turned them on: 2% of a
    replay's instructions.  While it drops them (not enabled for INFO, so not for DEBUG either),
    the library's logger is swapped for `_QuietLog` until the run ends (forked workers inherit
    it); a logger turned on for them is left alone and logs as ever."""
    import transitions.core as machines

    real = machines._LOGGER
    if real.isEnabledFor(logging.INFO) or isinstance(real, _QuietLog):
        yield
        return
    machines._LOGGER = _QuietLog(real)  # type: ignore[assignment]
    try:
        yield
    finally:
        machines._LOGGER = real


class _QuietLog:
    """A logger that drops debug and info records without a call into `logging` and passes anything
    else (warnings, errors) to the real one.  `"".format` is made in C, takes any arguments and
    keeps none of them."""

    debug = info = "".format

    def __init__(self, logger: logging.Logger) -> None:
        self.logger = logger

    def __getattr__(self, name: str) -> Any:
        return getattr(self.logger, name)


@contextmanager
def _frozen_heap() -> Iterator[None]:
    """The objects made so far (flows, machines, models: everything a call only reads) are left out of
    garbage collection while the files replay: collections then scan what the calls make, not the
    whole replayer again and again (about a twentieth of a large run), and forked workers share them."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


_replayed = [0]  # files replayed by this process since its last collection (`_collecting`)


def _collecting(result: ReplayResult) -> ReplayResult:
    """`result`, after a garbage collection if this process has replayed `COLLECT_EVERY` files since the last.

    Of the young generations only: what they scan is what the last files made, and what survives
    moves on to the oldest generation, never scanned again during the run.  A full collection
    each time would scan every result kept so far (tens of thousands in the parent) again and
    again: over 50,000 files the parent spent 2.0 s of CPU so, 1.9 s with this."""
    _replayed[0] += 1
    if _replayed[0] >= COLLECT_EVERY:
        _replayed[0] = 0
        gc.collect(1)
    return result


_worker: Replayer | str | None = None


def _start_worker(config: dict[str, Any], inherited: bool, coverage: bool) -> None:
    """Build the worker's replayer unless it was inherited; a failure is kept (and reported per file):
    a failing initializer would be retried forever."""
    global _worker
    if not (inherited and isinstance(_worker, Replayer)):
        gc.disable()  # as a forked worker inherits it (`_collector_off`): `_collecting` collects every `COLLECT_EVERY` files
        try:
            _worker = Replayer(config)
        except Exception as error:  # noqa: BLE001
            _worker = f"{type(error).__name__}: {error}"
        gc.freeze()  # what the worker's calls only read (see `_frozen_heap`)
    if isinstance(_worker, Replayer):
        _worker.coverage = coverage


def _replay_batch_in_worker(paths: list[str]) -> list[ReplayResult]:
    return [_replay_in_worker(path) for path in paths]


def _replay_in_worker(path: str) -> ReplayResult:
    if not isinstance(_worker, Replayer):
        return ReplayResult(display_path(path), False, "call" if path.endswith(testcall.SUFFIX) else "transcript",
                            diff=f"the replay worker could not start: {_worker}")
    return _collecting(_worker.replay_path(path))


# --- diffs ---------------------------------------------------------------------------------------


def line_diff(then: list[str], now: list[str]) -> list[str]:
    """`then` against `now` as `- `/`+ `/`  ` lines; a changed prompt also gets the words that changed."""
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(a=then, b=now, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal":
            lines += [f"  {line}" for line in then[a0:a1]]
            continue
        old, new = then[a0:a1], now[b0:b1]
        if tag == "replace" and len(old) == len(new):
            for before, after in zip(old, new):
                lines += [f"- {before}", f"+ {after}"]
                words = _word_change(before, after)
                if words:
                    lines.append(f"    {words}")
            continue
        lines += [f"- {line}" for line in old]
        lines += [f"+ {line}" for line in new]
    return lines


def _word_change(before: str, after: str) -> str:
    """What changed between two lines of the same prompt, in words: `words: "x y" -> "z"; added "w"`."""
    if not (before.startswith("say ") and after.startswith("say ")) or before.split(":")[0] != after.split(":")[0]:
        return ""
    a, b = before.split(": ", 1)[1].split(), after.split(": ", 1)[1].split()
    changes = []
    for tag, a0, a1, b0, b1 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        old, new = " ".join(a[a0:a1]).strip('"'), " ".join(b[b0:b1]).strip('"')
        if tag == "insert":
            changes.append(f"added {_quote(new)}")
        elif tag == "delete":
            changes.append(f"removed {_quote(old)}")
        elif tag == "replace":
            changes.append(f"{_quote(old)} -> {_quote(new)}")
    if not changes:
        return ""
    return "words: " + "; ".join(changes[:4]) + (" …" if len(changes) > 4 else "")


def _call_diff(
    call: ScriptedCall,
    step: testcall.CallStep,
    number: int,
    state: str,
    at: dt.datetime,
    path: list[str],
    failures: list[tuple[str, str]],
    seen: Observation,
) -> str:
    lines = [
        f"step {number} of {len(call.steps)} ({call.path}:{step.line}): "
        f"the caller {step.input.describe()} in {state} at {at.isoformat()}",
    ]
    if path:
        lines.append(f"path so far: {' > '.join(path[-_CONTEXT_PATH:])}")
    for expected, instead in failures:
        lines += [f"- expected {expected}", f"+ now      {instead}"]
    lines.append("  heard now:")
    lines += [f"    {text}" for text in seen.lines()]
    return "\n".join(lines)


# --- helpers -------------------------------------------------------------------------------------


def _traced(compiled: CompiledFlow) -> _TracedFlow:
    return _TracedFlow(**{f.name: getattr(compiled, f.name) for f in fields(compiled)})


def _timed(result: ReplayResult, seconds: float) -> ReplayResult:
    """`replace(result, seconds=seconds)`, made without `replace`'s look at every field (once per file)."""
    timed = object.__new__(ReplayResult)
    fields = timed.__dict__
    fields.update(result.__dict__)
    fields["seconds"] = seconds
    return timed


def _call_sid(path: str) -> str:
    return "CAtest-" + os.path.basename(path).removesuffix(testcall.SUFFIX)[:40]  # `Path(path).name`, without a Path


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _directory() -> Any:
    from ivr.rules.directory import load_directory

    return load_directory()


def _scripts(root: str | None, cache_folder: Path | None) -> Any:
    """The published scripts under `root` (else the shipped ones); from the app's cache in `cache_folder` when given."""
    from ivr.definitions.scripts import SCRIPTS_ROOT, load_scripts

    if cache_folder is None:
        return load_scripts(root or SCRIPTS_ROOT)
    return cached_scripts(root or SCRIPTS_ROOT, False, cache_folder)
