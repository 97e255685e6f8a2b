"""The v57-v58 round's mechanisms, on family sentences written for them (never the holdouts' own sentences).

Issue 16: "A matcher that generalises" over callers' own words, in both languages.  The spent holdouts v57-v58 missed
custom t-shirts (read as customs), a passport not stamped at entry (read as a field office's stamp), a SENTRI card to
renew (read as a green card renewal), a new work permit with a name printed wrong that the DMV refused (held back as
another business) and a spoken language's interpreter at an interview (read as a disability accommodation):
docs/understanding-log.md, "The v57-v58 round".
"""

from __future__ import annotations

import pytest

from ivr.core.concepts import about_ours, reading


def _route(model, text: str, language: str = "en", state: str = "main_menu") -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    understood = model(state, language).understand(text)
    return understood.outcome, understood.choice


def test_custom_made_is_no_customs() -> None:
    """"custom" (made to order) is not "customs" (CBP) though Snowball stems both to "custom" (`lexicon.UNSTEMMED`)."""
    assert "#border" not in reading("do you guys make custom business cards with our logo", "en")[0]


def test_custom_made_goods_are_not_routed(model) -> None:  # type: ignore[no-untyped-def]
    """Out of scope (issue 16: "Out-of-scope sentences ... must not be routed"), not other agencies."""
    assert _route(model, "where can i get custom made curtains for the living room") == ("not_understood", None)


def test_customs_at_the_airport_stays_the_border(model) -> None:  # type: ignore[no-untyped-def]
    """Guard: "customs" is still CBP's (DOMAIN.md: other agencies)."""
    text = "customs at the airport took my green card and gave me a paper"
    assert "#border" in reading(text, "en")[0]
    assert _route(model, text) == ("route", "7")


@pytest.mark.parametrize(("text", "language"), [
    ("the officer at the airport forgot to stamp my passport and now i need proof of my entry", "en"),
    ("cuando llegué al aeropuerto no me sellaron el pasaporte y necesito una prueba de mi entrada", "es"),
])
def test_a_stamp_beside_the_proof_of_an_entry_is_the_borders(text: str, language: str) -> None:
    """The proof of an entry is CBP's record (`concepts._ENTRY_PROOF`), and the passport stamp said beside it the one
    put at the border: its words say nothing of a field office's stamp (`concepts._ENTRY_STAMP`, unsaid)."""
    named, unsaid = reading(text, language)
    assert "#border" in named and unsaid & {"stamp", "passport", "sell", "pasaport"}


def test_a_passport_not_stamped_at_entry_goes_to_other_agencies(model) -> None:  # type: ignore[no-untyped-def]
    """CBP's record of entry (the I-94) is another agency's (DOMAIN.md: other agencies), not a field office stamp."""
    text = "the officer at the airport forgot to stamp my passport and now i need proof of my entry"
    assert _route(model, text) == ("route", "7")


@pytest.mark.parametrize(("text", "language"), [
    ("i need a stamp in my passport as proof of my residence until my card comes", "en"),
    ("necesito que me sellen el pasaporte porque mi tarjeta no ha llegado", "es"),
])
def test_a_stamp_as_proof_of_residence_stays_the_field_office(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: the ADIT stamp (I-551 proof of residence) is a field office appointment (DOMAIN.md)."""
    assert _route(model, text, language) == ("route", "3")


def test_a_trusted_traveler_card_renewed_is_no_green_card() -> None:
    """"renew my nexus card": CBP's trusted-traveler card (`concepts._BORDER_CARDS`), no green card renewed."""
    named = reading("how do i renew my nexus card i drive to canada for work", "en")[0]
    assert "#border" in named and "#green_card" not in named


def test_a_trusted_traveler_card_expiring_is_no_hurry() -> None:
    """"my sentri pass expires": the card's expiry is CBP's, no expedite asked (`concepts._EXPIRY`)."""
    named = reading("my sentri pass expires next month how do i renew it", "en")[0]
    assert "#border" in named and "#hurry" not in named


@pytest.mark.parametrize(("text", "language"), [
    ("my sentri pass expires next month how do i renew it", "en"),
    ("how do i renew my nexus card i drive to canada for work", "en"),
    ("se me venció la sentri y quiero saber dónde la renuevo", "es"),
])
def test_a_trusted_traveler_card_goes_to_other_agencies(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """SENTRI, NEXUS and Global Entry are CBP's programmes (DOMAIN.md: other agencies)."""
    assert _route(model, text, language) == ("route", "7")


def test_a_green_card_renewed_stays_a_green_card() -> None:
    """Guard: with no trusted-traveler card named, a renewal is the green card's."""
    assert "#green_card" in reading("i need to renew my green card before my trip", "en")[0]


@pytest.mark.parametrize(("text", "language"), [
    ("my new work permit spells my last name wrong and the dmv will not give me a license", "en"),
    ("mi nueva tarjeta de trabajo trae mal mi apellido y en el banco no me la aceptan", "es"),
])
def test_a_possessive_with_which_one_is_still_ours(text: str, language: str) -> None:
    """"my new work permit", "mi nueva tarjeta": the caller's own card (`concepts._WHICH_ONE` in `OURS_SAID`)."""
    assert about_ours(text, language)


def test_another_new_thing_is_not_ours() -> None:
    """Guard: "my new car" names nothing of ours."""
    assert not about_ours("my new car got towed and the dmv has it", "en")


def test_a_name_printed_wrong_on_a_new_card_refused_at_the_bank_is_a_service_request(model) -> None:  # type: ignore[no-untyped-def]
    """A typographic error on a card is a service request (DOMAIN.md: "correction of a typographic error"); the bank
    that refused the card is context."""
    text = "mi nueva tarjeta de trabajo trae mal mi apellido y en el banco no me la aceptan"
    assert _route(model, text, "es") == ("route", "4")


def test_an_interpreter_for_a_language_spoken_is_no_accommodation() -> None:
    """DOMAIN.md: accommodations are for disabilities; for another language "we would ask the caller to provide an
    interpreter" (`concepts._SPOKEN`)."""
    text = "mi esposo nada más habla portugués y su entrevista es en la oficina de uscis el lunes le ponen intérprete ahí"
    assert "#accommodation" not in reading(text, "es")[0]


@pytest.mark.parametrize(("text", "language"), [
    ("my grandma only speaks hmong does the uscis office give her an interpreter for her interview or do we bring one",
     "en"),
    ("mi esposo nada más habla portugués y su entrevista es en la oficina de uscis el lunes le ponen intérprete ahí",
     "es"),
])
def test_a_spoken_languages_interpreter_at_the_interview_goes_to_the_field_office(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Whether the office provides an interpreter at an interview is the interview's question (field office
    appointments), as the corpus has it ("can i bring my own interpreter or do y'all provide one")."""
    assert _route(model, text, language) == ("route", "3")


@pytest.mark.parametrize(("text", "language"), [
    ("my husband can not speak since his stroke and needs an interpreter at his interview", "en"),
    ("mi suegro no habla desde su derrame y va a necesitar intérprete en la entrevista", "es"),
])
def test_an_interpreter_for_one_who_cannot_speak_stays_an_accommodation(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: speech lost is a disability: its interpreter is an accommodation asked (service requests)."""
    assert "#accommodation" in reading(text, language)[0]
    assert _route(model, text, language) == ("route", "4")
