"""Replay at scale (issue 11, point 6): what a run of thousands of files saves, without changing any result or line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ivr.cli import main
from ivr.errors import _display_path, display_path
from ivr.qa import replay
from ivr.qa.replay import replay_paths

CALLS = Path(__file__).resolve().parents[1] / "calls"


@pytest.fixture
def many_calls(tmp_path: Path) -> list[Path]:
    """Thirty copies of one short passing test call, in one folder."""
    folder = tmp_path / "calls"
    folder.mkdir()
    paths = []
    for index in range(30):
        paths.append(folder / f"{index:02d}.call.yaml")
        shutil.copy(CALLS / "hours.call.yaml", paths[-1])
    return paths


@pytest.mark.skipif("fork" not in __import__("multiprocessing").get_all_start_methods(), reason="processes are not forked here")
def test_forked_workers_replay_with_the_replayer_built_first(many_calls: list[Path], tmp_path: Path, monkeypatch) -> None:
    """On several processes the flows are compiled once, before the workers fork, not again in each worker."""
    built_in = tmp_path / "built-in.txt"
    original = replay.Replayer.__init__

    def noting(self, *args, **kwargs):
        with built_in.open("a") as notes:
            notes.write(f"{os.getpid()}\n")
        original(self, *args, **kwargs)

    monkeypatch.setattr(replay.Replayer, "__init__", noting)
    results = replay_paths(many_calls, jobs=2)
    assert [r.passed for r in results] == [True] * len(many_calls)
    assert built_in.read_text().split() == [str(os.getpid())]


def test_results_carry_coverage_only_when_asked(many_calls: list[Path]) -> None:
    """Without coverage, results leave out the states and transitions (what workers send back shrinks)."""
    plain = replay_paths(many_calls[:3], jobs=2, coverage=False)
    covered = replay_paths(many_calls[:3], jobs=2)
    assert [(r.path, r.passed, r.steps) for r in plain] == [(r.path, r.passed, r.steps) for r in covered]
    assert all(r.states == () and r.transitions == () for r in plain)
    assert all(r.states and r.transitions for r in covered)


def test_lines_under_the_progress_bar_are_written_in_batches(many_calls: list[Path], monkeypatch) -> None:
    """Every file's line is printed once and in order, but the bar is not cleared and redrawn for each line."""
    import tqdm

    writes = []
    original = tqdm.tqdm.write
    monkeypatch.setattr(tqdm.tqdm, "write", classmethod(lambda cls, text, *a, **k: (writes.append(text), original(text, *a, **k))))
    result = CliRunner().invoke(main, ["replay", "--progress", str(many_calls[0].parent)])
    passes = [line for line in result.stdout.splitlines() if line.startswith("PASS ")]
    assert passes == [f"PASS {path}" for path in many_calls]
    assert 1 <= len(writes) < len(many_calls)


@pytest.mark.parametrize(
    "given",
    ["calls/a.call.yaml", "./calls/a.call.yaml", "{cwd}/calls/a.call.yaml", "../{name}/calls/a.call.yaml",
     "{cwd}", "{cwd}/", ".", "calls", "calls/", "a.call.yaml", "/etc/hosts", "calls/..", "link.call.yaml"],
)
def test_a_file_is_shown_as_its_fully_resolved_path_would_be(given: str, tmp_path: Path, monkeypatch) -> None:
    """Resolving a file's folder once for all its files shows each path as resolving the whole path would."""
    (tmp_path / "calls").mkdir()
    (tmp_path / "calls" / "a.call.yaml").write_text("")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "b.call.yaml").write_text("")
    (tmp_path / "link.call.yaml").symlink_to(tmp_path / "elsewhere" / "b.call.yaml")
    monkeypatch.chdir(tmp_path)
    path = given.format(cwd=tmp_path, name=tmp_path.name)
    assert display_path(path) == _display_path(str(tmp_path), path)


@pytest.mark.parametrize("enabled", [True, False])
def test_a_run_leaves_the_garbage_collector_as_it_found_it(many_calls: list[Path], enabled: bool) -> None:
    """Automatic collections are off during a run (`_collector_off`) and back as they were after it."""
    import gc

    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        seen: list[bool] = []
        results = replay_paths(many_calls[:3], on_result=lambda result: seen.append(gc.isenabled()))
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
    assert [r.passed for r in results] == [True] * 3 and seen == [False] * 3


def test_a_run_collects_garbage_every_so_many_files(many_calls: list[Path], monkeypatch) -> None:
    """With automatic collections off, a process collects its young generations after every `COLLECT_EVERY` files:
    memory stays bounded, and what a long run keeps (its results) is not scanned again and again."""
    import gc

    monkeypatch.setattr(replay, "COLLECT_EVERY", 4)
    monkeypatch.setattr(replay, "_replayed", [0])
    full: list[int] = []

    def noted(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            full.append(info["generation"])

    gc.callbacks.append(noted)
    try:
        replay_paths(many_calls[:13])  # the first file, then 12 in the loop: collections after the 4th, 8th and 12th
    finally:
        gc.callbacks.remove(noted)
    assert full == [1, 1, 1]


def test_the_state_machines_debug_lines_cost_nothing_during_a_run_they_would_not_be_logged_in(
    many_calls: list[Path],
) -> None:
    """`transitions` logs several debug and info lines a step that its logger drops: during a run they go
    nowhere without a call into `logging` (`_quiet_machine_log`), and its logger is back after the run."""
    import transitions.core as machines

    real = machines._LOGGER
    seen: list[object] = []
    results = replay_paths(many_calls[:3], on_result=lambda result: seen.append(machines._LOGGER))
    assert [r.passed for r in results] == [True] * 3
    assert all(isinstance(logger, replay._QuietLog) for logger in seen)
    quiet: Any = seen[0]
    assert quiet.debug("%s", "anything") == "" and quiet.info("x", exc_info=True) == ""
    assert quiet.warning == real.warning  # what it would log goes to the logger
    assert machines._LOGGER is real


def test_the_state_machines_lines_are_logged_during_a_run_when_their_logger_is_turned_on(
    many_calls: list[Path], caplog: pytest.LogCaptureFixture
) -> None:
    """Someone who turns `transitions`' logging on still gets its lines from a replay."""
    import logging

    with caplog.at_level(logging.DEBUG, logger="transitions.core"):
        results = replay_paths(many_calls[:1])
    assert results[0].passed
    levels = {record.levelno for record in caplog.records if record.name == "transitions.core"}
    assert {logging.DEBUG, logging.INFO} <= levels


def test_a_timed_result_is_the_result_with_its_seconds() -> None:
    """The time a file took is added to its result as `dataclasses.replace` would add it, every other field kept."""
    import dataclasses

    result = replay.ReplayResult("calls/a.call.yaml", False, "call", "A call", 3, "a diff", "flow", ("main",),
                                 (("main", "select_1", "hours"),))
    assert replay._timed(result, 0.25) == dataclasses.replace(result, seconds=0.25)
    assert result.seconds == 0.0  # the result itself is left as it was


def test_the_replay_store_gives_every_step_the_call_and_lets_its_errors_through() -> None:
    """`CallService` opens the one-call store once a step: it gets the call's own transaction each time, and
    an error inside the block reaches the replay (the block commits nothing and hides nothing)."""
    from ivr.world import MemoryTransaction

    tx = MemoryTransaction()
    store = replay._OneCallStore(tx)
    for _ in range(2):
        with store.call("CAtest-a") as held:
            assert held is tx
    with pytest.raises(KeyError), store.call("CAtest-a"):
        raise KeyError("in the step")


def test_a_test_call_named_without_a_folder_finds_its_cases_file(tmp_path: Path, monkeypatch) -> None:
    """`cases_file` is relative to the call's own folder, also when the call is named from inside it (no folder part)."""
    from ivr.definitions.cases import DEMO_CASES_PATH
    from ivr.qa.testcall import load_call

    shutil.copy(DEMO_CASES_PATH, tmp_path / "cases.yaml")
    text = (CALLS / "hours.call.yaml").read_text(encoding="utf-8")
    (tmp_path / "here.call.yaml").write_text(text.replace("steps:", "cases_file: cases.yaml\nsteps:", 1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    call = load_call("here.call.yaml")
    assert call.cases_file == (tmp_path / "cases.yaml").resolve()
    assert replay.Replayer().replay_path("here.call.yaml").passed


@pytest.mark.parametrize("count", [0, 1, 5, 100, 50_000])
def test_files_are_dealt_in_order_in_batches_that_shrink_towards_the_end(count: int) -> None:
    """Every file once, in order; no batch over `BATCH_MOST`; the last ones single files, so the workers finish together."""
    paths = [f"{index:06d}.call.yaml" for index in range(count)]
    batches = list(replay.dealt(paths, 2))
    assert [path for batch in batches for path in batch] == paths
    sizes = [len(batch) for batch in batches]
    assert all(0 < size <= replay.BATCH_MOST for size in sizes)
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[-1:] == ([1] if count else [])


def test_a_large_run_is_dealt_in_few_batches() -> None:
    """50,000 files make about 150 batches (each a message each way and a wake-up of the parent), not 780 of 64."""
    assert len(list(replay.dealt([str(index) for index in range(50_000)], 2))) < 200


def test_a_frozen_dataclass_made_without_its_init_is_the_one_its_init_makes() -> None:
    """`made` gives the very object `cls(**fields)` gives: equal, same hash and text, still frozen."""
    import dataclasses

    from ivr.qa.transcript import CallerInput, made

    fast = made(CallerInput, {"kind": "say", "value": "english", "confidence": 0.5})
    slow = CallerInput("say", "english", 0.5)
    assert fast == slow and hash(fast) == hash(slow) and repr(fast) == repr(slow)
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.kind = "press"  # type: ignore[misc]


def _every_field_set(thing: object) -> bool:
    import dataclasses

    return set(vars(thing)) == {f.name for f in dataclasses.fields(thing)}  # type: ignore[arg-type]


def test_every_step_read_from_the_shipped_test_calls_and_transcripts_has_every_field() -> None:
    """What `made` builds while reading a file (steps, expectations, inputs, observations) has each of its
    dataclass's fields, defaults included, as its own `__init__` would have set them."""
    from ivr.qa.testcall import load_call
    from ivr.qa.transcript import load_transcript

    root = Path(__file__).resolve().parents[1]
    calls = [load_call(path) for path in sorted((root / "calls").glob("*.call.yaml"))]
    transcripts = [load_transcript(path) for path in sorted((root / "transcripts").glob("*.transcript.yaml"))]
    steps = [step for call in calls for step in call.steps] + [step for t in transcripts for step in t.steps]
    assert calls and transcripts and steps
    expectations = [step.expect for call in calls for step in call.steps if step.expect]
    observations = [step.observed for t in transcripts for step in t.steps]
    heard = [h for seen in observations for h in seen.heard]
    parts = [*steps, *(step.input for step in steps), *expectations, *observations, *heard]
    assert all(_every_field_set(part) for part in parts)
