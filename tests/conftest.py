"""Fixtures that build on each other: settings -> app -> client -> phone calls.

Every app here runs the real flows, real case data and a real (in-memory)
SQLite store at the demo instant, Monday 2026-11-23 10:00 Eastern, unless a
test asks for another clock with `make_app`.
"""

from __future__ import annotations

import functools
import logging
import os
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

import ivr.app
from ivr import create_app
from ivr.app import Runtime
from ivr.testing import PhoneCall

TOKEN = "test-auth-token"
DEMO_CLOCK = "2026-11-23T10:00:00-05:00"  # a Monday morning: live assistance is open
ROOT = Path(__file__).resolve().parents[1]
POSTGRES_URL = os.environ.get("IVR_TEST_POSTGRES_URL", "postgresql+psycopg://ivr:ivr@127.0.0.1:5432/postgres")
"""The PostgreSQL server the tests make their databases on (a throw-away cluster under `.ci/run`)."""


@pytest.fixture
def settings() -> dict[str, Any]:
    """The configuration every test app starts from."""
    # Tests of the flows read the stored transcript in the clear (as a local demo may, KEEP_IDENTIFIERS);
    # the default, tokenised at rest, is what tests/qa/test_stored_transcripts.py and the privacy tests run.
    return {"TWILIO_AUTH_TOKEN": TOKEN, "DATABASE_URL": "sqlite://", "CLOCK": DEMO_CLOCK, "KEEP_IDENTIFIERS": True}


@pytest.fixture
def make_app(settings: dict[str, Any]) -> Iterator[Callable[..., Flask]]:
    """Build apps with settings overridden per test (e.g. another CLOCK)."""
    apps: list[Flask] = []

    def make(**overrides: Any) -> Flask:
        app = create_app({**settings, **overrides})
        app.config["TESTING"] = True
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["ivr"].store.close()


@pytest.fixture
def app(make_app: Callable[..., Flask]) -> Flask:
    return make_app()


@pytest.fixture
def runtime(app: Flask) -> Runtime:
    return app.extensions["ivr"]  # type: ignore[no-any-return]


@pytest.fixture
def client(app: Flask) -> Any:
    return app.test_client()


@pytest.fixture
def phone(app: Flask) -> Callable[..., PhoneCall]:
    """Start simulated phone calls against the app: `call = phone(); call.start(); call.press("1")`."""

    def new_call(**kwargs: Any) -> PhoneCall:
        return PhoneCall(app, TOKEN, **kwargs)

    return new_call


@pytest.fixture
def english_call(phone: Callable[..., PhoneCall]) -> PhoneCall:
    """A call that has chosen English and hears the main menu."""
    call = phone()
    call.start()
    call.press("1")
    return call


@pytest.fixture
def spanish_call(phone: Callable[..., PhoneCall]) -> PhoneCall:
    """A call that has chosen Spanish and hears the main menu."""
    call = phone()
    call.start()
    call.press("2")
    return call


@pytest.fixture(scope="session")
def definitions_loaded_once() -> Iterator[None]:
    """Parse flows, scripts and case files once per session (they are immutable values).

    Folders whose tests build many apps from the shipped definitions opt in from their
    conftest; tests that edit definition files in place must not.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ivr.app, "load_cases", _cached(ivr.app.load_cases))
        # flows and scripts: once per set of files, whatever instance folder each app keeps its caches in
        patch.setattr(ivr.app, "cached_flows", _cached(ivr.app.cached_flows, ignored=2))
        patch.setattr(ivr.app, "cached_scripts", _cached(ivr.app.cached_scripts, ignored=2))
        yield


def _cached(load: Callable[..., Any], ignored: int | None = None) -> Callable[..., Any]:
    """`load` memoised on its arguments (but the positional one at index `ignored`)."""
    memo: dict[str, Any] = {}

    @functools.wraps(load)
    def cached(*args: Any, **kwargs: Any) -> Any:
        key = repr(([a for i, a in enumerate(args) if i != ignored], sorted(kwargs.items())))
        if key not in memo:
            memo[key] = load(*args, **kwargs)
        return memo[key]

    return cached


@pytest.fixture
def every_prompt_variable_is_set(caplog: pytest.LogCaptureFixture) -> Iterator[None]:
    """No prompt of a whole call may name a variable nobody set (it would be read as silence)."""
    with caplog.at_level(logging.WARNING, logger="ivr.core.engine"):
        yield
    missing = [r.getMessage() for r in caplog.records if r.name == "ivr.core.engine" and "is not set" in r.getMessage()]
    assert not missing, missing


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Debian chromium for a module's browser tests.

    Module-scoped, not session-scoped: Playwright's sync API keeps an asyncio loop running in
    the thread while it is open, which would break later tests that call `asyncio.run()`.
    """
    from ivr.web.testing import chromium

    with chromium() as launched:
        yield launched


@pytest.fixture
def web_app(make_app: Callable[..., Flask], tmp_path: Path) -> Flask:
    """The app with the web rooms on and a Twilio token configured (a live line: every room asks for sign-in),
    its instance folder in tmp."""
    app = make_app(SOFTPHONE=True, SECRET_KEY="web-test-secret")
    app.instance_path = str(tmp_path / "instance")
    return app


@pytest.fixture(scope="module")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[..., str]]:
    """Serve the app over loopback for a module's browser tests: `serve(name, users, **config)` is its URL.

    Each app has its own SQLite file in a fresh folder named `name`, a live line (a Twilio token), the
    softphone on and its own session key; `config` adds to that or overrides it.  `users` are the accounts
    signed in with `TEST_PASSWORD`, as `(username, role)` or `(username, role, {display_name, language})`.
    Every server is stopped, and its store closed, when the module ends.
    """
    from ivr.web.testing import LiveServer, add_user

    started: list[LiveServer] = []

    def start(name: str, users: Iterable[tuple[Any, ...]], **config: Any) -> str:
        folder = tmp_path_factory.mktemp(name)
        app = create_app({
            "TWILIO_AUTH_TOKEN": "browser-test",
            "DATABASE_URL": f"sqlite:///{folder / 'ivr.sqlite3'}",
            "SOFTPHONE": True,
            "SECRET_KEY": f"{name}-test",
            **config,
        })
        app.instance_path = str(folder)
        for username, role, *details in users:
            add_user(app, username, role, **(details[0] if details else {}))
        started.append(LiveServer(app))
        return started[-1].url

    yield start
    for live in started:
        live.stop()
        live.app.extensions["ivr"].store.close()


@contextmanager
def postgres_database(prefix: str) -> Iterator[str]:
    """A fresh, uniquely named database on the PostgreSQL server, dropped when the block ends.

    Outside CI a machine without a reachable server skips the test; under CI that is a failure.
    """
    psycopg = pytest.importorskip("psycopg")
    from sqlalchemy.engine import make_url

    try:
        admin = psycopg.connect(make_url(POSTGRES_URL).set(drivername="postgresql").render_as_string(hide_password=False),
                                autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL at {POSTGRES_URL} is unreachable under CI: {exc}")
        pytest.skip(f"no PostgreSQL server at {POSTGRES_URL}")
    name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """A test marked `pure_python` replaces the understanding's own functions (`monkeypatch`), which only the pure
    Python lets it do: with the compiled modules in use (`ivr.core.native`), it runs in a child pytest with
    `IVR_NATIVE=0`, and passes or fails as it does there."""
    from ivr.core import native

    if pyfuncitem.get_closest_marker("pure_python") is None or not native.compiled():
        return None
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:xdist", pyfuncitem.nodeid],
        cwd=pyfuncitem.config.rootpath, capture_output=True, text=True,
        env={**{name: value for name, value in os.environ.items() if name != "PYTEST_ADDOPTS"}, native.DISABLE: "0"},
        timeout=900,
    )
    if done.returncode != 0 or " passed" not in done.stdout:
        pytest.fail(f"in pure Python ({native.DISABLE}=0):\n{done.stdout[-4000:]}{done.stderr[-2000:]}", pytrace=False)
    return True
