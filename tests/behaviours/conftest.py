"""Fixtures the Tier 1 topic question's tests share: the shipped flow compiled once, the scripts in force on the
test module's `DAY` (each round's tests read the scripts of its day) and on the day before it, and the check of a round's phrases-only
versions, and what Tier 1 reads for a question."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ivr.behaviours.tier1_scripts import answer_for
from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.definitions.scripts import SCRIPTS_ROOT, ScriptSet
from ivr.trainers.understand import compiled, scripts_on


@pytest.fixture(scope="module")
def flow() -> CompiledFlow:
    """The shipped USCIS flow, compiled as the app compiles it."""
    return compiled("uscis_contact_center")


@pytest.fixture(scope="module")
def scripts(request: pytest.FixtureRequest) -> ScriptSet:
    """The published response scripts in force on the test module's `DAY`."""
    return scripts_on(request.module.DAY)


@pytest.fixture(scope="module")
def scripts_before(request: pytest.FixtureRequest) -> ScriptSet:
    """The scripts in force the day before the test module's `DAY`: a round's rules tested without its phrases."""
    return scripts_on(request.module.DAY - dt.timedelta(days=1))


@pytest.fixture(scope="module")
def phrases_only_round(request: pytest.FixtureRequest, scripts: ScriptSet) -> Callable[[str], list[str]]:
    """Checks the versions a round published (their source line names the round's `note`): in force from the test
    module's `DAY`, each keeps every word read, the label, key, topics and next steps, and every phrase of the version
    in force the day before (seed 003: Tier 1 says the script USCIS provides).  Returns the ids of the scripts bumped."""
    before = scripts_on(request.module.DAY - dt.timedelta(days=1))

    def check(note: str) -> list[str]:
        bumped = []
        for script in scripts.scripts:
            source = (SCRIPTS_ROOT / script.id / f"v{script.version}.yaml").read_text(encoding="utf-8").splitlines()[0]
            if note not in source:
                continue
            bumped.append(script.id)
            earlier = before.by_id(script.id)
            assert earlier is not None and script.effective == request.module.DAY, script.ref
            assert earlier.version < script.version, script.ref
            assert (script.text, script.label, script.key, script.topics, script.may_follow) == (
                earlier.text, earlier.label, earlier.key, earlier.topics, earlier.may_follow,
            ), script.ref
            for language in ("en", "es"):
                assert set(earlier.phrases[language]) <= set(script.phrases[language]), script.ref
        return sorted(bumped)

    return check


@pytest.fixture(scope="session")
def read_topic() -> Callable[[CompiledFlow, ScriptSet, str, str], str | None]:
    """What Tier 1 reads at the topic question, as a call decides (`answer_for`): the script's id, or None when no
    script answers; a refusal fails the test (these questions are never refused)."""

    def read(flow: CompiledFlow, scripts: ScriptSet, said: str, language: str) -> str | None:
        refusal, script = answer_for(scripts, normalize(said), language, flow, "tier1.topic")
        assert refusal is None, refusal
        return script.id if script is not None else None

    return read
