"""Several processes opening a new database at once all start (gunicorn workers booting together).

Found while measuring: `gunicorn -w 4 app:app` on a fresh SQLite file halted with "Worker failed
to boot" — the workers raced to create the tables and all but one met "database is locked".
"""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, inspect

from ivr.store.schema import metadata
from ivr.store.sql import SqlStore

PROCESSES = 6


def _open(url: str, barrier: Any, results: Any) -> None:
    barrier.wait(timeout=30)
    try:
        SqlStore(url).close()
        results.put("ok")
    except Exception as error:  # noqa: BLE001 - the test reports what went wrong
        results.put(f"{type(error).__name__}: {error}"[:300])


def _race(url: str) -> list[str]:
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(PROCESSES), context.Queue()
    workers = [context.Process(target=_open, args=(url, barrier, results)) for _ in range(PROCESSES)]
    for worker in workers:
        worker.start()
    outcomes = [results.get(timeout=60) for _ in workers]
    for worker in workers:
        worker.join(timeout=30)
    return outcomes


@pytest.mark.parametrize("round_", range(3))
def test_processes_opening_a_new_sqlite_file_together_all_start(tmp_path: Path, round_: int) -> None:
    """Six processes open one new SQLite file at the same instant: every one starts, the schema is whole."""
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    assert _race(url) == ["ok"] * PROCESSES
    assert set(metadata.tables) <= set(inspect(create_engine(url)).get_table_names())


@pytest.mark.postgres
def test_processes_opening_an_empty_postgresql_database_together_all_start(postgres_server_url: str) -> None:
    """Six processes meet a PostgreSQL database without tables: every one starts, the schema is whole."""
    engine = create_engine(postgres_server_url)
    metadata.drop_all(engine)
    try:
        assert _race(postgres_server_url) == ["ok"] * PROCESSES
        assert set(metadata.tables) <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
