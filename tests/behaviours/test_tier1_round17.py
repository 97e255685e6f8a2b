"""Round 17 of issue 16 at the Tier 1 topic question: how long a case takes, asked in so many words (t24/t25).

t24 and t25 (blind after round 16: 71/80) read "how long does the i ninety take ... to fix a typo on the card" as the
card, and left "how many more weeks till it gets approved" unread.  Round 17 reads how long a case takes as the
processing times (`topic_situations.duration_asked`), over a card, a status or a form its words name, never how long
an appointment itself lasts.  The sentences are the round's own, never t24's or t25's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.definitions.scripts import ScriptSet
from ivr.definitions.topic_situations import duration_asked

DAY = dt.date(2026, 12, 16)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


def test_how_many_more_weeks_till_approved_is_the_processing_times(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """How long a case takes after a step (DOMAIN.md: the Check Case Processing Times page): scripts/processing-times."""
    said = "so once you do the fingerprints for a work permit how many more weeks until it gets approved usually"
    assert read_topic(flow, scripts, said, "en") == "processing-times"


def test_how_long_a_form_takes_overrules_the_card_its_words_name() -> None:
    said = normalize("how long does the i ninety usually take when all you need is the wrong birthday fixed on the card")
    assert duration_asked(said, "en", "card-not-received") and duration_asked(said, "en", "processing-times")


def test_how_long_an_appointment_lasts_is_no_processing_time() -> None:
    """An interview's or appointment's own length is not a case's processing time."""
    assert not duration_asked(normalize("how long does the interview at the field office usually take"), "en", None)
    assert not duration_asked(normalize("how long is the bio metrics appointment going to take"), "en", None)
