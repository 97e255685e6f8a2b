"""Round 12 of the submenus (s12 and s13 as the development set): an appointment asked of the line in so many words is a
new one, and a home moved in so many words is the change of address.  Sentences written from the kinds, never s12's or
s13's own (docs/understanding-log.md, "Round 12 of the submenus").
"""

from __future__ import annotations

import pytest

from ivr.core.home_moves import home_moved


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "could you book me a visit at the local office the officer asked for my original passport"),
        ("en", "please schedule me for something next tuesday at the field office"),
        ("en", "sign me up for an in person appointment"),
        ("es", "agéndeme una cita en la oficina de houston por favor"),
        ("es", "me puede sacar una cita para la oficina local"),
    ],
)
def test_an_appointment_asked_of_the_line_is_a_new_appointment(model, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Seed 001: appointments at a field office are requested through the contact center; "book me one" asks for a new
    one (field_office.menu's 2), not about one already had (3), nor how they go (1)."""
    understood = model("field_office.menu", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "2")


@pytest.mark.parametrize(
    ("language", "text", "choice"),
    [
        ("en", "i already booked an appointment at the field office and need to check the time", "3"),
        ("es", "ya tengo una cita en la oficina local y quiero saber a qué hora es", "3"),
    ],
)
def test_an_appointment_already_had_stays_the_one_had(model, language: str, text: str, choice: str) -> None:  # type: ignore[no-untyped-def]
    """The other way: an appointment the caller already has is option 3, whatever else they say."""
    understood = model("field_office.menu", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", choice)


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "we closed on a house last month so the letters need to go to the new place"),
        ("en", "i'm no longer at the old apartment and my notices have to come to my sister's"),
        ("es", "ahora vivo con mi tía en otro barrio y las cartas me las tienen que mandar allá"),
        ("es", "compramos casa y ya no vivimos donde tienen registrado"),
    ],
)
def test_a_home_moved_in_so_many_words_is_the_change_of_address(model, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §5: a change of address is its own service request (service_requests.types's 7), whatever a letter or
    a notice named beside the move scores."""
    assert home_moved(text, language)
    understood = model("service_requests.types", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "7")


def test_a_place_lived_in_alone_is_no_change_of_address_elsewhere(model) -> None:  # type: ignore[no-untyped-def]
    """The other way: a menu with no change of address option (the case's status) takes no move for one of its options."""
    understood = model("case_status.menu", "es").understand("ahora vivimos en chicago")
    assert understood.outcome != "route" or understood.choice in ("representative", "supervisor")
