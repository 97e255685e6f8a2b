"""Fixtures for the trainers' tools: a small flow, a CLI runner, softphone apps."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask

from ivr import config as settings
from ivr.app import Runtime, build_runtime
from ivr.web.testing import signed_in_client

DATA = Path(__file__).parent / "data"
SMALL_FLOW = DATA / "rehearsal_flow.yaml"


@pytest.fixture
def small_flow() -> Path:
    """A six-state flow: language and main menus, a message, a transfer to Tier 1, goodbye."""
    return SMALL_FLOW


@pytest.fixture
def small_runtime(tmp_path: Path) -> Iterator[Runtime]:
    """A runtime over the small flow, an in-memory store and the demo clock."""
    runtime = build_runtime(
        settings.resolve({"FLOWS": [str(SMALL_FLOW)], "DATABASE_URL": "sqlite://", "CLOCK": "2026-11-23T10:00:00-05:00"}),
        tmp_path,
    )
    yield runtime
    runtime.store.close()


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def softphone_app(web_app: Flask) -> Flask:
    """The app with the softphone on, its instance folder (coverage) in a temporary folder."""
    return web_app


@pytest.fixture
def softphone(softphone_app: Flask) -> Any:
    """A test client signed in as a trainee, sending the CSRF token with every POST."""
    return signed_in_client(softphone_app, "trainee", "trainee")
