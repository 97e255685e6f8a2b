"""Round 16 of issue 16 at the Tier 1 topic question: t22's and t23's confident wrong readings, by kind.

t22 and t23 (blind after round 15: 63/80, 7 confident wrong) read another institution's card as ours, a status asked
of a card's renewal or a certificate's replacement as the card or the fee, and how to send the payment as a request
to follow up.  Round 16 reads those (`script_reading._OTHER_AGENCY_DOCUMENT`, `topic_situations.status_meant`,
`_PAYING`), and another business told as the context of our appointment or case no longer stops the rules' reading
either (`script_reading.ours_named`, as round 15 did for the examples classifier).  The sentences are the round's
own, never t22's or t23's words.
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


def test_another_institutions_card_that_never_came_is_none_of_ours(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """A school's report card that never came is no card of ours (scripts/card-not-received is ours only)."""
    assert read_topic(flow, scripts, "my son's report card never came in the mail can you check", "en") is None


def test_how_to_send_the_payment_is_forms_and_fees(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """Whether the check is taped or stapled to the form: how to pay (scripts/forms-and-fees), not a status."""
    said = "uh do i tape the check to the application or just leave it loose in the envelope"
    assert read_topic(flow, scripts, said, "en") == "forms-and-fees"


def test_a_status_asked_of_a_cards_renewal_is_the_status(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """"Quiero ver si sigue pendiente o ya salió" of a green card's renewal asks its status (scripts/case-status): no
    card is said missing."""
    said = "oiga ya hace mucho que no sé nada de la renovación de mi green card nomás quiero ver si sigue pendiente o ya salió"
    assert read_topic(flow, scripts, said, "es") == "case-status"


def test_a_status_asked_of_a_replacement_filed_overrules_its_fee() -> None:
    """"Wants to know if anything's happened with it" of papers sent: the status, over the fee the words name, when
    no fee or form is asked about; a card said missing keeps the card."""
    said = normalize("my aunt mailed the papers to replace her citizenship certificate and wants to know if anything's happened with it")
    assert status_meant(said, "en", "forms-and-fees")
    assert not status_meant(normalize("my card never came is it still pending"), "en", "card-not-received")
