"""Round 15 of issue 16 at the Tier 1 topic question: t18's to t21's confident wrong readings, by kind.

t18 to t21 (blind after round 14: 137/160, 9 confident wrong) read rules wrong where a story named a thing: another
agency's document to replace, a card that never came after a fee or a status, the change of address the caller is
making, "which form is ... and how much", and the recogniser's "feel office".  Round 15 reads those
(`ivr.definitions.topic_situations`: `card_missed`, `address_named`, `_FORM_ASKED`; `script_reading`:
`_OTHER_AGENCY_DOCUMENT`, `_SPLITS`).  The sentences are the round's own, never t18's to t21's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ivr.core.machine import CompiledFlow
from ivr.definitions.scripts import ScriptSet

DAY = dt.date(2026, 12, 16)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("my social security card got lost when we moved last month and i need a new one", "en"),
        ("how do i get a certified copy of my daughter's birth certificate from the state", "en"),
        ("oiga cómo saco otra vez el acta de nacimiento de mi niño que se me perdió cuando nos cambiamos de casa", "es"),
    ],
)
def test_another_agencys_document_to_replace_is_no_script_of_ours(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """A Social Security card or a birth certificate is another agency's (DOMAIN.md §1.3: Tier 1 reads only its own
    scripts): no script is read, however "lost" and "move" lean."""
    assert read_topic(flow, scripts, said, language) is None


@pytest.mark.parametrize(
    "said",
    [
        "do i need to fax the translation of my birth certificate or mail it",
        "do i send my birth certificate with the i one thirty or bring it later",
    ],
)
def test_another_agencys_document_as_our_evidence_stays_ours(
    flow: CompiledFlow, scripts: ScriptSet, said: str, read_topic: Reader
) -> None:
    """A birth certificate faxed or sent with one of our forms is evidence for our case: not another agency's
    question (no `not_ours`)."""
    from ivr.definitions.script_reading import another_agencys
    from ivr.core.matching import normalize

    assert not another_agencys(normalize(said), "en")


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("we paid the uscis fee before we landed and it's been five months and still no green card", "en"),
        ("my asylum was granted and then my green card got approved but the card never made it to me", "en"),
    ],
)
def test_a_card_that_never_came_after_a_fee_or_a_status_is_the_card(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """A card said not to have come, a fee paid or an approval told as its context: scripts/card-not-received."""
    assert read_topic(flow, scripts, said, language) == "card-not-received"


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("i'm doing my change of a dress online and it keeps asking for a number i don't have", "en"),
    ],
)
def test_the_change_of_address_the_caller_is_making_is_the_change_of_address(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """The change of address named as what the caller is doing (DOMAIN.md: AR-11 online), over a status its receipt
    number brings to mind."""
    assert read_topic(flow, scripts, said, language) == "change-of-address"


def test_which_form_is_it_and_how_much_is_forms_and_fees(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """Which form a benefit is filed on and its fee, asked in so many words: scripts/forms-and-fees, whatever approval
    is told beside it (`fees_meant`)."""
    from ivr.core.matching import normalize
    from ivr.definitions.topic_situations import fees_meant

    said = "which form is the one for my wife's green card once my i one thirty is approved and how much does it cost"
    assert fees_meant(normalize(said), "en", None)
    assert read_topic(flow, scripts, said, "en") == "forms-and-fees"


def test_the_feel_office_is_the_field_office(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """The recogniser's "feel office" is the field office (scripts/field-office-appointment), not a biometrics
    appointment."""
    said = "my feel office appointment was yesterday but the office was closed for a power outage"
    assert read_topic(flow, scripts, said, "en") == "field-office-appointment"


@pytest.mark.parametrize(
    "said",
    [
        "so i got my green card when i was a little kid and the photo looks nothing like me anymore and the airline "
        "keeps giving me a hard time",
        "i got my green card back when i was eight and now the picture doesn't look like me at all",
    ],
)
def test_a_card_got_long_ago_is_no_card_not_received(
    flow: CompiledFlow, scripts: ScriptSet, said: str, read_topic: Reader
) -> None:
    """A card the caller got years ago and whose photo no longer looks like them: no card is missing
    (scripts/card-not-received is not read), whichever reader leans to it."""
    assert read_topic(flow, scripts, said, "en") != "card-not-received"


def test_a_business_told_as_context_of_our_appointment_leaves_the_examples_reading(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """Another business named beside one of our appointments (`script_reading.ours_named`) is its context: the examples
    classifier may read the question (scripts/biometrics-reschedule), as it may not "what time does the bank open"."""
    said = "my fingerprint appointment is the same morning my church is doing our food drive and i'm running it can i get another day"
    assert read_topic(flow, scripts, said, "en") == "biometrics-reschedule"
    assert read_topic(flow, scripts, "what time does the bank open on saturday", "en") is None


def test_what_to_send_in_to_get_a_new_card_is_forms_and_fees(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """"What do i send in to get a new one": which form to file for a new card (scripts/forms-and-fees), not a card
    that never came."""
    said = "what do i send in to get a new one my green card photo is from when i was a kid"
    assert read_topic(flow, scripts, said, "en") == "forms-and-fees"
