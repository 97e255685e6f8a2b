"""Start-up (issue 11, point 7): what creating the app loads, and how `ivr bench` times it (never how fast)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from ivr.ops import engine_bench

ROOT = Path(__file__).resolve().parents[2]
NOT_AT_CREATION = (
    "twilio.rest",  # SMS confirmations: only a configured notifier sends them
    "pygal", "ivr.web", "ivr.console", "ivr.trainers", "ivr.ops",  # the web rooms and the other commands
    "ivr.qa.replay", "tqdm", "multiprocessing",  # replay
    "holidays",  # the federal calendar: loaded by the first time rule that needs it
    "babel.dates",  # Spanish dates and times: loaded by the first that is said
    "sqlalchemy.orm", "psycopg",  # the store talks SQL Core, and SQLite here
)


def test_creating_the_app_leaves_what_serving_does_not_need_unimported(tmp_path: Path) -> None:
    """`create_app()` (no web rooms) imports none of the web rooms, the other commands or their heavy libraries."""
    code = (
        "import sys; from ivr import create_app; "
        f"create_app({{'DATABASE_URL': 'sqlite:///{tmp_path}/app.sqlite3'}}); "
        f"print(' '.join(m for m in {NOT_AT_CREATION!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


def test_startup_is_timed_in_a_fresh_interpreter() -> None:
    """Each run starts a new interpreter (as a gunicorn worker or a shell command does), beside a bare one."""
    timing = engine_bench.time_startup("create_app", runs=1)
    assert (timing.name, timing.runs) == ("create_app", 1)
    assert timing.wall_s > 0 and timing.cpu_s > 0 and timing.bare_s > 0
    assert set(timing.to_dict()) == {"name", "runs", "wall_s", "cpu_s", "python_s", "exit_s"}


def test_an_app_is_timed_until_it_is_built_and_its_exit_apart() -> None:
    """`create_app()`'s start ends when the child says the app is built; the interpreter's exit after it is its own number."""
    timing = engine_bench.time_startup("create_app", runs=1)
    assert timing.exit_s > 0


def test_a_command_is_timed_to_its_end() -> None:
    """`ivr validate` has no moment of readiness before its end: its whole run is its start-up, nothing apart."""
    timing = engine_bench.time_startup("validate", runs=1)
    assert timing.wall_s > timing.bare_s and timing.exit_s == 0


def test_a_failing_start_is_an_error_with_what_the_child_said(tmp_path: Path, monkeypatch: Any) -> None:
    """A start that fails is not timed: the error carries the end of the child's standard error."""
    monkeypatch.setitem(engine_bench.STARTUPS, "broken", "import sys; sys.exit('no flows here')")
    with pytest.raises(RuntimeError, match="no flows here"):
        engine_bench.time_startup("broken", runs=1)


def test_validating_the_shipped_tree_loads_the_script_library_once_per_kind(monkeypatch: Any) -> None:
    """`ivr validate` checks every scenario against one load of the shipped scripts, not one load per scenario file."""
    from ivr.trainers import validate as validating

    loads: list[tuple[Any, ...]] = []
    real = validating.load_scripts

    def counted(*args: Any, **kwargs: Any) -> Any:
        loads.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(validating, "load_scripts", counted)
    report = validating.validate()
    assert report.ok, report.problems
    assert sum(line.count("scenario for the") for line in report.checked) > 1
    assert len(loads) == 2  # the library with its drafts (the scripts check), and as published (the scenarios)


def test_reopening_a_prepared_sqlite_database_does_not_import_sqlalchemy(tmp_path: Path) -> None:
    """A second `create_app()` on the same SQLite file serves without importing SQLAlchemy: the schema is already there."""
    url = f"sqlite:///{tmp_path}/app.sqlite3"
    code = (
        "import sys; from ivr import create_app; "
        f"create_app({{'DATABASE_URL': {url!r}}}); print('sqlalchemy' in sys.modules)"
    )
    runs = [subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
            for _ in range(2)]
    assert [run.returncode for run in runs] == [0, 0], runs[-1].stderr
    assert [run.stdout.split() for run in runs] == [["True"], ["False"]]  # the first start made the tables


def test_a_database_without_this_schemas_mark_is_prepared_again(tmp_path: Path) -> None:
    """A SQLite file marked by another schema (or none) gets its missing tables made again, and this schema's mark."""
    import sqlite3

    from ivr.store.sql import SqlStore

    path = tmp_path / "app.sqlite3"
    SqlStore(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as conn:
        marked = conn.execute("PRAGMA user_version").fetchone()[0]
        conn.execute("DROP TABLE world_clocks")
        conn.execute("PRAGMA user_version = 7")
    store = SqlStore(f"sqlite:///{path}")
    assert store.world_clock("rehearsal") is None  # the table is back
    store.close()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == marked != 0


NOT_FOR_VALIDATE = (
    "flask", "sqlalchemy", "twilio",  # serving and storing calls
    "ivr.trainers.commands", "ivr.trainers.graph", "ivr.qa.replay", "ivr.qa.commands",  # the other commands
    "ivr.ops", "ivr.web", "ivr.app",
)


def test_validating_imports_only_what_it_checks_with(tmp_path: Path) -> None:
    """`ivr validate` loads the definitions' loaders, not the other commands' modules nor the app's libraries."""
    code = (
        "import sys; from ivr.cli import main\n"
        "try:\n    main(['validate'])\nexcept SystemExit as done:\n    assert done.code == 0, done.code\n"
        f"print('loaded:', *(m for m in {NOT_FOR_VALIDATE!r} if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1].split() == ["loaded:"]


def test_the_instance_folder_found_without_flask_is_flasks() -> None:
    """`ivr validate` keeps its checks where `create_app()` keeps its caches, found without importing Flask."""
    from flask import Flask

    from ivr.config import instance_folder

    assert str(instance_folder()) == Flask("ivr", instance_relative_config=True).instance_path


def test_the_collector_is_on_again_after_a_start_and_nothing_is_left_frozen() -> None:
    """Holding the collector off while the app is built changes nothing after it: the collector runs, nothing is frozen."""
    import gc

    from ivr.collector import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        made = [[] for _ in range(1000)]
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert any(kept is made for kept in gc.get_objects(generation=2))  # handed to the oldest generation, unsearched


def test_garbage_made_during_a_start_is_still_freed() -> None:
    """A cycle dropped while the collector was held off is freed by a later full pass: a start leaks nothing."""
    import gc
    import weakref

    from ivr.collector import collector_paused

    class Node:
        other: Any = None

    with collector_paused():
        first, second = Node(), Node()
        first.other, second.other = second, first
        gone = weakref.ref(first)
        del first, second
    gc.collect()
    assert gone() is None


def test_a_start_unfreezes_nothing_a_caller_froze() -> None:
    """Under a caller that froze its own objects (gc.freeze), a start leaves them frozen."""
    import gc

    from ivr.collector import collector_paused

    frozen_before = gc.get_freeze_count()
    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with collector_paused():
            pass
        assert gc.get_freeze_count() == frozen > 0 and gc.isenabled()
    finally:
        if frozen_before == 0:  # what this test froze, not what the test process had frozen before it
            gc.unfreeze()


def test_a_start_inside_a_start_turns_the_collector_on_only_at_the_outer_end() -> None:
    """Importing the app inside `create_app()`'s pause (or the other way round) keeps the collector off until both end."""
    import gc

    from ivr.collector import collector_paused

    with collector_paused():
        with collector_paused():
            pass
        assert not gc.isenabled()
    assert gc.isenabled()


@pytest.mark.parametrize(("argv", "uncollected"), [(["validate"], True), (["flows", "list"], False)])
def test_only_commands_that_close_their_files_skip_the_collectors_last_passes(argv: list[str], uncollected: bool) -> None:
    """`ivr validate` ends without the collector's search for cycles (what it built is frozen at exit); a command
    that is not known to close every file it writes keeps it, so a file left in a cycle is still flushed."""
    code = (
        "import atexit, gc, sys\n"
        "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count() > 0))  # runs after the command's own\n"
        "from ivr.cli import main\n"
        f"main({argv!r})\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == f"frozen at exit: {uncollected}"


def test_validate_is_timed_cold_with_nothing_it_kept(tmp_path: Path, monkeypatch: Any) -> None:
    """`validate_cold` runs after what `ivr validate` kept from its last check is removed (as after an edit: every file
    read and checked); the app's compiled flows, which validate does not read, stay."""
    import ivr.config
    from ivr.definitions import flow_cache

    monkeypatch.setattr(ivr.config, "instance_folder", lambda: tmp_path)
    names = [flow_cache.CHECKED_FLOW_NAME.format("uscis_contact_center"), flow_cache.DRAFTS_CACHE_NAME,
             flow_cache.SCRIPTS_CACHE_NAME, flow_cache.CACHE_NAME]
    for name in names:
        (tmp_path / name).write_bytes(b"kept")
    engine_bench.BEFORE_EACH["validate_cold"]()
    assert sorted(path.name for path in tmp_path.iterdir()) == [flow_cache.CACHE_NAME]
    assert engine_bench.STARTUPS["validate_cold"] == engine_bench.STARTUPS["validate"]
