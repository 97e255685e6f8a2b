"""The store keeps calls across restarts; the per-request path builds and parses nothing."""

from __future__ import annotations

import threading

import transitions
import yaml

from ivr.testing import PhoneCall

TOKEN = "test-auth-token"


def test_a_restart_mid_call_continues_where_the_call_was(make_app, tmp_path):
    """A new app process over the same SQLite file picks the call up at its state and language."""
    url = f"sqlite:///{tmp_path / 'calls.sqlite3'}"
    first = PhoneCall(make_app(DATABASE_URL=url), TOKEN, call_sid="CA-restart")
    first.start()
    first.press("2")
    first.press("5")
    restarted = PhoneCall(make_app(DATABASE_URL=url), TOKEN, call_sid="CA-restart")
    turn = restarted.press("2")
    assert (turn.state, turn.gather["language"]) == ("special_lines.menu", "es-US")
    assert "La línea de ayuda para militares" in turn.text


def test_sqlite_file_store_uses_write_ahead_logging(make_app, tmp_path):
    """The SQLite default runs in WAL mode so readers never block webhooks."""
    app = make_app(DATABASE_URL=f"sqlite:///{tmp_path / 'wal.sqlite3'}")
    with app.extensions["ivr"].store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_webhooks_of_one_call_never_interleave(make_app, tmp_path):
    """Concurrent webhooks of one call are serialised: every step is saved, none lost."""
    app = make_app(DATABASE_URL=f"sqlite:///{tmp_path / 'race.sqlite3'}")
    call = PhoneCall(app, TOKEN, call_sid="CA-race")
    call.start()
    call.press("1")

    def press_star() -> None:
        PhoneCall(app, TOKEN, call_sid="CA-race").press("*")

    threads = [threading.Thread(target=press_star) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    session = app.extensions["ivr"].store.session("CA-race")
    assert session.steps == 2 + 8
    assert len(app.extensions["ivr"].store.transcript("CA-race")) == 1 + 2 + 8


def test_requests_build_no_state_machine(english_call, monkeypatch):
    """The shared machine is built once at start-up; a webhook never builds another."""
    built = []
    original = transitions.Machine.__init__

    def counting(self, *args, **kwargs):
        built.append(1)
        original(self, *args, **kwargs)

    monkeypatch.setattr(transitions.Machine, "__init__", counting)
    english_call.press("5")
    english_call.press("2")
    assert built == []


def test_requests_parse_no_yaml(english_call, monkeypatch):
    """Flows, scripts and case data are parsed at start-up only."""

    def refuse(*args, **kwargs):
        raise AssertionError("YAML parsed on the request path")

    monkeypatch.setattr(yaml, "load", refuse)
    monkeypatch.setattr(yaml.SafeLoader, "get_single_data", refuse)
    turn = english_call.press("7")
    assert turn.state == "other_agencies.menu"


def test_one_machine_is_shared_by_every_call(phone, runtime):
    """All calls of a flow fire events on the same transitions.Machine object."""
    compiled = runtime.engine.flow()
    machine = compiled.machine
    for _ in range(3):
        phone().start()
    assert runtime.engine.flow().machine is machine
    assert machine.models == []  # calls are never added as models


def _traced_statements(app):
    """Every SQL statement the app's per-request SQLite connection runs, in order (a list that grows)."""
    seen: list[str] = []
    store = app.extensions["ivr"].store
    store = getattr(store, "sql_store", store)  # the line store's SQL (ivr.store.line)
    with store._connection() as conn:  # the connection webhooks of this thread use
        conn.set_trace_callback(seen.append)
    return seen


def test_a_webhook_writes_in_one_short_transaction(make_app, tmp_path):
    """Issue 11 point 2: one write transaction per webhook, holding the version-checked session upsert and the transcript
    (SQL's, with the line store off; tests/store/test_line_store.py has the line store's)."""
    app = make_app(DATABASE_URL=f"sqlite:///{tmp_path / 'one.sqlite3'}", LINE_STORE="sql")
    call = PhoneCall(app, TOKEN, call_sid="CA-one")
    call.start()
    seen = _traced_statements(app)
    call.press("1")
    begins = [i for i, sql in enumerate(seen) if sql.startswith("BEGIN")]
    assert len(begins) == 1 and seen[-1] == "COMMIT"
    written = seen[begins[0] + 1 : -1]
    assert written[0].startswith("UPDATE calls") and "version = version + 1" in written[0] and "AND version = " in written[0]
    assert [sql.split(" (")[0] for sql in written[1:]] == ["INSERT INTO transcript_entries"]
    assert all(sql.startswith("SELECT") for sql in seen[: begins[0]])  # reads before, autocommitted


def test_no_database_lock_is_held_while_the_engine_steps(make_app, tmp_path, monkeypatch):
    """While a webhook's step runs, another process could take SQLite's write lock at once."""
    import sqlite3

    from ivr.core.engine import Engine

    path = tmp_path / "free.sqlite3"
    app = make_app(DATABASE_URL=f"sqlite:///{path}", LINE_STORE="sql")
    call = PhoneCall(app, TOKEN, call_sid="CA-free")
    call.start()
    step = Engine.step
    taken: list[bool] = []

    def step_while_someone_writes(self, *args, **kwargs):
        other = sqlite3.connect(path, timeout=0, isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # raises 'database is locked' if the webhook held the lock
        other.execute("ROLLBACK")
        other.close()
        taken.append(True)
        return step(self, *args, **kwargs)

    monkeypatch.setattr(Engine, "step", step_while_someone_writes)
    assert call.press("1").state == "main_menu"
    assert taken == [True]


def test_sessions_are_serialised_without_asdict(english_call, monkeypatch):
    """Issue 11 point 2: `dataclasses.asdict` (a deep copy of the session on every webhook) is not on the path."""
    import dataclasses

    import ivr.core.session

    def refuse(*args, **kwargs):
        raise AssertionError("asdict on the request path")

    monkeypatch.setattr(dataclasses, "asdict", refuse)
    monkeypatch.setattr(ivr.core.session, "asdict", refuse, raising=False)
    assert english_call.press("7").state == "other_agencies.menu"


def test_a_long_call_keeps_a_bounded_session(english_call, runtime):
    """Issue 11 point 3: after 80 menus the stored session's path is still only its tail."""
    from ivr.core.session import PATH_TAIL

    for _ in range(40):
        english_call.press("7")
        english_call.press("9")
    session = runtime.store.session(english_call.call_sid)
    assert session.steps > 80 and len(session.path) <= PATH_TAIL
