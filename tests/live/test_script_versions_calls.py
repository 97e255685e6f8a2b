"""The script a caller hears switches on its new version's effective date, and the call records which it heard."""

from __future__ import annotations

import datetime as dt

import pytest

from ivr.behaviours.tier1_scripts import live_tier1_answer
from ivr.core.registry import Context
from ivr.core.session import Session
from ivr.definitions.scripts import load_scripts
from ivr.world import CaseWorld, MemoryTransaction

LIBRARY = load_scripts()
V1 = LIBRARY.get("biometrics-reschedule@1")
V2 = LIBRARY.get("biometrics-reschedule@2")


def _hear_biometrics_reschedule(dial, language="en", **settings):
    live = dial(language, **settings)
    live.press("0")
    return live, live.press("2")


@pytest.mark.parametrize(
    ("clock", "script"),
    [
        pytest.param("2026-11-30T10:00:00-05:00", V1, id="the-day-before-v2"),
        pytest.param("2026-12-01T10:00:00-05:00", V2, id="v2s-effective-day"),
    ],
)
def test_the_version_heard_is_the_one_in_force_on_the_call_date(dial, clock, script):
    """DESIGN.md: a new version is heard from its effective date on; the call records the id@version."""
    live, turn = _hear_biometrics_reschedule(dial, CLOCK=clock)
    assert turn.says[0] == script.text["en"]
    assert live.scripts_heard() == [script.ref]


@pytest.mark.parametrize(
    ("instant", "ref"),
    [
        pytest.param("2026-12-01T00:30:00-05:00", "biometrics-reschedule@2", id="just-after-midnight-eastern"),
        pytest.param("2026-12-01T04:30:00+00:00", "biometrics-reschedule@1", id="december-in-utc-still-november-eastern"),
    ],
)
def test_the_call_date_is_the_contact_centers_eastern_date(runtime, instant, ref):
    """DESIGN.md: effective dates are America/New_York calendar dates, whatever the instant's offset."""
    session = Session("CA-date", "uscis_contact_center", "x", "tier1.answer", instant, tier="tier1")
    session.vars["live_topic"] = "key:2"
    ctx = Context(session, CaseWorld(runtime.cases, MemoryTransaction()), dt.datetime.fromisoformat(instant), runtime.engine.services)
    assert live_tier1_answer(ctx).name == "answered"
    assert session.scripts_heard == [ref]


@pytest.mark.parametrize(("clock", "ref"), [("2026-11-30T10:00:00-05:00", "biometrics-reschedule@1"), ("2026-12-01T10:00:00-05:00", "biometrics-reschedule@2")])
def test_the_transcript_step_lists_the_version_heard(dial, clock, ref):
    """DESIGN.md: a call records what it heard; the step that said the script names its id@version."""
    live, _ = _hear_biometrics_reschedule(dial, CLOCK=clock)
    [step] = [entry for entry in live.transcript() if entry.get("scripts")]
    assert step["scripts"] == [ref]
    assert step["prompts"][0] == {"id": "tier1.answered.prompt", "language": "en", "text": LIBRARY.get(ref).text["en"]}


def test_a_pin_in_the_configuration_keeps_the_old_version(dial):
    """DESIGN.md: SCRIPT_PINS pins a version whatever the date."""
    live, turn = _hear_biometrics_reschedule(dial, CLOCK="2026-12-01T10:00:00-05:00", SCRIPT_PINS={"biometrics-reschedule": 1})
    assert turn.says[0] == V1.text["en"]
    assert live.scripts_heard() == ["biometrics-reschedule@1"]


def test_spanish_callers_hear_the_same_version_in_spanish(dial):
    """DOMAIN.md §1.1: the Spanish text of the version in force."""
    live, turn = _hear_biometrics_reschedule(dial, "es", CLOCK="2026-12-01T10:00:00-05:00")
    assert turn.says[0] == V2.text["es"]
    assert live.scripts_heard() == ["biometrics-reschedule@2"]


def test_a_script_heard_twice_is_recorded_once(tier1):
    """The call's record lists each id@version it heard once, in the order first heard."""
    tier1.press("7")
    tier1.press("1")
    tier1.press("1")
    tier1.press("8")
    tier1.press("1")
    tier1.press("1")
    tier1.press("7")
    assert tier1.session().scripts_heard == ["processing-times@1", "forms-and-fees@1"]
