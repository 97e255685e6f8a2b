"""A global's words said of what is not the line's, in every submenu of a line (`ivr/core/not_ours.py`; the s6 round,
sub70).

Holdout s6 (spent as the development set) found another agency's office asked to be put through to taken for the
representative global, and a program's opening date for the hours global, both sure of it.  The families here are
the kinds (never s6's own sentences), swept over the twelve submenus × en/es, with guards the other way: a person of
ours put through to, and the line's own hours.
"""

from __future__ import annotations

import pytest

from ivr.core.not_ours import appointment_abroad, program_opening, put_through_elsewhere

SUBMENUS = (
    "case_status.menu", "biometrics.menu", "biometrics.after", "field_office.menu", "field_office.reasons",
    "field_office.appointment_menu", "service_requests.menu", "service_requests.types", "service_requests.after",
    "special_lines.menu", "outside_us.menu", "other_agencies.menu",
)
PERSONS = frozenset({"representative", "supervisor"})

ELSEWHERE = {
    "en": ("could you transfer me over to the irs",
           "please connect me with the passport people at the state department",
           "just put me through to the dmv"),
    "es": ("transfiérame al consulado por favor",
           "me comunica con la oficina del seguro social"),
}
OPENING = {
    "en": ("when does the daca program start taking new applications",
           "do you know what day the h one b registration opens this year",
           "when does the diversity lottery open"),
    "es": ("sabe cuándo abren las inscripciones del programa",
           "cuándo empiezan a recibir solicitudes para el registro"),
}


@pytest.mark.parametrize("state", SUBMENUS)
@pytest.mark.parametrize("language, text", [(language, text) for language, texts in ELSEWHERE.items() for text in texts])
def test_another_agencys_office_put_through_to_is_no_person_of_ours(model, state: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Seed 001: inquiries outside USCIS jurisdiction are redirected with the right agency's contact information,
    not put through to a representative."""
    understood = model(state, language).understand(text)
    assert understood.choice not in PERSONS


@pytest.mark.parametrize("state", SUBMENUS)
@pytest.mark.parametrize("language, text", [(language, text) for language, texts in OPENING.items() for text in texts])
def test_a_program_opening_is_no_hours_of_the_line(model, state: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md: the hours global tells when the line and live assistance are open, not a program's dates."""
    understood = model(state, language).understand(text)
    assert understood.choice != "hours"


@pytest.mark.parametrize("text, language", [
    ("transfer me to a representative please", "en"), ("connect me with an agent", "en"),
    ("comuníqueme con un representante", "es"),
])
def test_a_person_of_ours_put_through_to_is_not_elsewhere(text: str, language: str) -> None:
    """Guard: a person asked for is still the representative global's."""
    assert not put_through_elsewhere(text, language)


@pytest.mark.parametrize("text, language", [
    ("what time do you open tomorrow", "en"), ("when does the line open in the morning", "en"),
    ("a qué hora abren mañana", "es"),
])
def test_the_lines_own_opening_is_no_program(text: str, language: str) -> None:
    """Guard: the line's own hours are still the hours global's."""
    assert not program_opening(text, language)


APPOINTMENT_MENUS = ("biometrics.menu", "field_office.menu", "field_office.appointment_menu")
"""The menus of an appointment: its cancelling, moving, booking, or how one goes."""
ABROAD = {
    "en": ("do you guys schedule the visa interview at the embassy",
           "i need to move my consulate appointment in monterrey",
           "can you cancel the appointment the state department gave my husband",
           "what should i take to my interview at the consulate"),
    "es": ("ustedes me pueden dar cita en la embajada",
           "necesito cambiar la cita del consulado de mi esposo",
           "quiero cancelar mi entrevista consular"),
}
"""An appointment at a consulate, an embassy or the State Department (the s7 round, sub71)."""


@pytest.mark.parametrize("state", APPOINTMENT_MENUS)
@pytest.mark.parametrize("language, text", [(language, text) for language, texts in ABROAD.items() for text in texts])
def test_an_appointment_at_a_consulate_or_embassy_is_no_appointment_of_ours(  # type: ignore[no-untyped-def]
    uscis, model, state: str, language: str, text: str,
) -> None:
    """Seed 001: inquiries outside USCIS jurisdiction are redirected with the right agency's contact information (a
    visa interview at a consulate is the Department of State's: DOMAIN.md, other agencies), not one of this menu's
    appointment options."""
    options = {option.key: option.goto for option in uscis.states[state].state.options}
    understood = model(state, language).understand(text)
    assert understood.choice not in {key for key, goto in options.items() if goto != "main_menu"}


@pytest.mark.parametrize("text, language", [
    ("i need to reschedule my appointment at the field office", "en"),
    ("the consulate told me to call you about my case", "en"),
    ("tengo una cita en la oficina local y no puedo ir", "es"),
])
def test_our_own_appointments_are_not_abroad(text: str, language: str) -> None:
    """Guard: a field office or biometrics appointment, or a consulate named without an appointment, is not abroad."""
    assert not appointment_abroad(text, language)
