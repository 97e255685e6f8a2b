"""Fixtures the Tier 1 topic question's tests share: the shipped flow compiled once, the scripts in force on the
test module's `DAY` (each round's tests read the scripts of its day)."""

from __future__ import annotations

import pytest

from ivr.core.machine import CompiledFlow
from ivr.definitions.scripts import ScriptSet
from ivr.trainers.understand import compiled, scripts_on


@pytest.fixture(scope="module")
def flow() -> CompiledFlow:
    """The shipped USCIS flow, compiled as the app compiles it."""
    return compiled("uscis_contact_center")


@pytest.fixture(scope="module")
def scripts(request: pytest.FixtureRequest) -> ScriptSet:
    """The published response scripts in force on the test module's `DAY`."""
    return scripts_on(request.module.DAY)
