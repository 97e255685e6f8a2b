"""Round 18 of issue 16 at the Tier 1 topic question: t26's and t27's confident wrong readings, by kind.

t26 and t27 (blind after round 17: 70/80, 7 confident wrong) read a road test at the DMV as the biometrics, a boss at
work who will not let the caller go as a supervisor asked for, and a lawyer who never answers as legal advice asked.
Round 18 reads those (`script_reading._OTHER_AGENCY_DOCUMENT` and `_SPLITS`: "d m v"; `live_assistance._SOMEONE_ELSES`;
`tier1_scripts._OWN_LAWYER`).  The sentences are the round's own, never t26's or t27's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ivr.core.machine import CompiledFlow
from ivr.definitions.scripts import ScriptSet

DAY = dt.date(2026, 12, 16)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


def test_a_road_test_at_the_dmv_is_no_appointment_of_ours(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """The state's road test (the recogniser's "d m v") is another agency's: no script of ours moves it."""
    assert read_topic(flow, scripts, "can i push my road test at the d m v back a week", "en") is None


def test_a_boss_at_work_who_will_not_let_the_caller_go_asks_for_no_supervisor(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """Seed 003 lets a caller ask for a supervisor; "la supervisora no me deja faltar" is the caller's boss at work,
    told as the reason to move the biometrics (scripts/biometrics-reschedule)."""
    from ivr.behaviours.live_assistance import asks_for_supervisor

    said = "oiga me pusieron la cita de huellas el mismo día que tengo que trabajar y la supervisora no me deja faltar"
    assert not asks_for_supervisor(said)
    assert read_topic(flow, scripts, said, "es") == "biometrics-reschedule"


def test_a_lawyer_who_never_calls_back_asks_no_legal_advice(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §1.3 refuses legal advice, not a lawyer mentioned: the status asked is read (scripts/case-status)."""
    said = "so my green card case is pending and the firm's lawyer never calls me back is it approved yet"
    assert read_topic(flow, scripts, said, "en") == "case-status"
