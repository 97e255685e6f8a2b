"""Round 11 of the submenus (s10 and s11 spent as the development set, sub73): the kinds of sentence the two holdouts
read wrong, swept over the submenus × en/es where the kind is a global's, with guards the other way.  Sentences
written from the kinds, never s10's or s11's own (docs/understanding-log.md, "Round 11").
"""

from __future__ import annotations

import pytest

SUBMENUS = (
    "case_status.menu", "biometrics.menu", "biometrics.after", "field_office.menu", "field_office.reasons",
    "field_office.appointment_menu", "service_requests.menu", "service_requests.types", "service_requests.after",
    "special_lines.menu", "outside_us.menu", "other_agencies.menu",
)

SPLIT = {
    "en": (("ive been on hold for an hour get me a super visor", "supervisor"),
           ("over an hour on this line i want to talk to a super visor", "supervisor"),
           ("its been an hour just give me a repre sentative", "representative"),
           ("an hour of this machine i need an oper ator", "representative")),
    "es": (("llevo una hora esperando quiero un super visor", "supervisor"),
           ("ya es una hora en la línea páseme con un repre sentante", "representative")),
}
"""A person global's word split in two by the recogniser."""


@pytest.mark.parametrize("state", SUBMENUS)
@pytest.mark.parametrize("language, text, person", [(language, text, person) for language, pairs in SPLIT.items()
                                                    for text, person in pairs])
def test_a_split_supervisor_or_representative_is_the_person_in_every_submenu(model, state: str, language: str,  # type: ignore[no-untyped-def]
                                                                             text: str, person: str) -> None:
    """Issue 16: global intents (a representative, a supervisor) work "in every menu in both languages"."""
    menu = model(state, language)
    if person not in menu.names:
        pytest.skip(f"{state} offers no {person}")
    understood = menu.understand(text)
    assert (understood.outcome, understood.choice) == ("route", person)


def _start(uscis, state: str) -> str:  # type: ignore[no-untyped-def]
    """The menu's option to the main menu; a menu without one goes back a menu."""
    options = {option.key: option.goto for option in uscis.states[state].state.options}
    return next((key for key, goto in options.items() if goto == "main_menu"), "previous")


@pytest.mark.parametrize("state", SUBMENUS)
@pytest.mark.parametrize("text", ("take me back to the main men you", "go to the main men you please"))
def test_a_split_main_menu_is_the_main_menu_in_every_submenu(uscis, model, state: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: global intents (the main menu) work "in every menu in both languages"."""
    understood = model(state, "en").understand(text)
    assert (understood.outcome, understood.choice) == ("route", _start(uscis, state))


@pytest.mark.parametrize("text, language", [
    ("yes i have it the one that starts with w a c", "en"),
    ("mine starts with i o e i can read it now", "en"),
    ("sí lo tengo empieza con l i n", "es"),
])
def test_a_receipts_three_letters_said_is_having_the_receipt_number(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §2.2: a receipt number is three letters (EAC, WAC, LIN, IOE …) and ten digits; its letters said are
    the number given (option 1), not the A-number."""
    understood = model("verify.no_receipt", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "1")


@pytest.mark.parametrize("text, language", [
    ("i only have the number that starts with an a", "en"),
    ("el que empieza con a", "es"),
])
def test_the_number_that_starts_with_a_is_still_the_a_number(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: DOMAIN.md §2.2, the A-number with the date of birth instead (option 2)."""
    understood = model("verify.no_receipt", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "2")


REACHED = {
    "en": ("when is the best time to call to get a person", "is there anybody answering in the evenings",
           "are there agents on the weekends"),
    "es": ("cuál es la mejor hora para llamar", "hay alguien que conteste en la noche"),
}
"""When a person can be reached: the line's hours."""


@pytest.mark.parametrize("state", SUBMENUS)
@pytest.mark.parametrize("language, text", [(language, text) for language, texts in REACHED.items() for text in texts])
def test_when_someone_can_be_reached_is_the_hours_in_every_submenu(model, state: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: global intents (the hours) work "in every menu in both languages"; when a person answers is the
    hours the line keeps."""
    understood = model(state, language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "hours")


@pytest.mark.parametrize("text, language", [
    ("what time is my interview on friday", "en"),
    ("a qué hora es mi cita de mañana", "es"),
])
def test_an_appointments_time_is_not_the_hours(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: the time of the caller's appointment is no hours of the line (DESIGN.md: the hours global)."""
    understood = model("service_requests.menu", language).understand(text)
    assert understood.choice != "hours"


@pytest.mark.parametrize("text, language, option", [
    ("we are living in izabal right now", "en", "3"),
    ("estamos en alta verapaz", "es", "3"),
    ("im in saskatchewan for work", "en", "2"),
    ("vivo en nueva escocia", "es", "2"),
    ("we are staying near hyder abad", "en", "4"),
])
def test_a_countrys_division_or_a_split_city_is_its_country(model, text: str, language: str, option: str) -> None:  # type: ignore[no-untyped-def]
    """The outside-US menu's countries (Guatemala 3, Canada 2, India 4): a department, a province or a city said
    for where the caller is."""
    understood = model("outside_us.menu", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", option)


@pytest.mark.parametrize("text, language, option", [
    ("i made a request a while back did it go through", "en", "1"),
    ("is my request still pending or did they finish it", "en", "1"),
    ("what do i have to give when i call back to follow up", "en", "3"),
])
def test_service_requests_three_options_by_kind(model, text: str, language: str, option: str) -> None:  # type: ignore[no-untyped-def]
    """The service requests menu: a request made and whether it went through (1), following up and what to have
    when calling back (3)."""
    understood = model("service_requests.menu", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", option)
