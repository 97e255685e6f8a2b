"""Round 14 of issue 16 at the Tier 1 topic question: t16's and t17's confident wrong readings, by kind.

Besides the examples classifier (tests/understanding/test_script_examples.py), t16 and t17 (blind after round 13: 66/80,
3 confident wrong) read three questions wrong with rules: a status asked of a form named, read by the line as its
processing time; a notice never received, read by what the notice was about; an adoption's country, read as the
caller abroad.  The sentences are the round's own, never t16's or t17's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.definitions.scripts import ScriptSet
from ivr.definitions.topic_situations import status_meant

DAY = dt.date(2026, 12, 16)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


def test_a_status_asked_of_a_form_named_stays_the_status() -> None:
    """A form named and "if it's still pending" asked: the case status in so many words (scripts/case-status), which
    no line turns into the form's processing time."""
    said = normalize("our clinic filed an i one twenty nine for a new nurse last spring and i need to know if it's still pending")
    assert status_meant(said, "en", "case-status")
    assert status_meant(normalize("can you tell me if it got approved"), "en", None)


def test_a_notice_never_received_is_that_notice_whatever_it_was_about(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """A letter "we never got" about a rescheduled appointment asks for the letter (scripts/notice-not-received),
    not for a new appointment."""
    said = "i'm calling about a letter we never got it was about my biometrics being rescheduled"
    assert read_topic(flow, scripts, said, "en") == "notice-not-received"


def test_an_adoptions_country_is_the_childs_not_the_callers(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """Adopting a child from abroad names the child's country (scripts/hague-adoptions, DOMAIN.md: intercountry
    adoption); the caller is not calling from abroad."""
    said = "we were just matched with a baby girl in bulgaria through our agency what do we file"
    assert read_topic(flow, scripts, said, "en") == "hague-adoptions"
    assert read_topic(flow, scripts, "i live in bulgaria now and need to ask about my petition", "en") == "outside-us"
