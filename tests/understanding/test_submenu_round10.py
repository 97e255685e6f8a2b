"""Round 10 of the submenus (s8 and s9 spent as the development set, sub72): the kinds of sentence the two holdouts
found unread or read wrong, swept over the submenus × en/es where the kind is a global's, with guards the other way.
Sentences written from the kinds, never s8's or s9's own (docs/understanding-log.md, "Round 10").
"""

from __future__ import annotations

import pytest

from ivr.core.not_ours import language_line

SUBMENUS = (
    "case_status.menu", "biometrics.menu", "biometrics.after", "field_office.menu", "field_office.reasons",
    "field_office.appointment_menu", "service_requests.menu", "service_requests.types", "service_requests.after",
    "special_lines.menu", "outside_us.menu", "other_agencies.menu",
)


def _start(uscis, state: str) -> str:  # type: ignore[no-untyped-def]
    """The menu's option to the main menu; a menu without one goes back a menu."""
    options = {option.key: option.goto for option in uscis.states[state].state.options}
    return next((key for key, goto in options.items() if goto == "main_menu"), "previous")


LIST_AGAIN = {
    "en": ("sorry could you start the list over for me",
           "go over the list one more time please",
           "what were those two things you said",
           "can you repeat the whole list"),
    "es": ("repítame la lista por favor",
           "me vuelve a leer la lista",
           "cuáles eran esas cosas que dijo"),
}
"""The menu asked again as a list, or as the things just said."""
MAIN_ONE = ("lléveme al principal por favor", "mejor regréseme al principal", "ya no quiero esto páseme al principal")
"""The main menu called "el principal"."""
SOMEONE = {
    "en": ("i don't know what a service request even is just connect me to someone",
           "not sure what case status is just transfer me to someone",
           "no idea what biometrics means put me through to somebody"),
    "es": ("ni idea de qué sea solicitud de servicio mejor conécteme con alguien",
           "no sé qué es eso de estado del caso mejor comuníqueme con alguien",
           "ni entiendo qué es lo de las huellas páseme con alguien"),
}
"""Put through to someone, no one named, after not knowing what the menu means."""


@pytest.mark.parametrize("state", SUBMENUS)
@pytest.mark.parametrize("language, text", [(language, text) for language, texts in LIST_AGAIN.items() for text in texts])
def test_the_list_asked_again_is_the_menu_again_in_every_submenu(model, state: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: global intents (repeat) work "in every menu in both languages"."""
    understood = model(state, language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "repeat")


@pytest.mark.parametrize("state", SUBMENUS)
@pytest.mark.parametrize("text", MAIN_ONE)
def test_el_principal_is_the_main_menu_in_every_submenu(uscis, model, state: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: global intents (the main menu) work "in every menu in both languages"."""
    understood = model(state, "es").understand(text)
    assert (understood.outcome, understood.choice) == ("route", _start(uscis, state))


@pytest.mark.parametrize("state", SUBMENUS)
@pytest.mark.parametrize("language, text", [(language, text) for language, texts in SOMEONE.items() for text in texts])
def test_put_through_to_someone_is_a_representative_in_every_submenu(model, state: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: global intents (a representative) work "in every menu in both languages", whatever option word the
    caller says first."""
    understood = model(state, language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "representative")


@pytest.mark.parametrize("text, language", [
    ("transfer me to someone who handles address changes", "en"),
    ("comuníqueme con alguien de la oficina de pasaportes", "es"),
])
def test_someone_who_does_a_thing_is_not_put_through_to_someone(text: str, language: str) -> None:
    """Guard: someone named by an errand is that errand, not the representative global by itself."""
    from ivr.core.concepts import put_through_to_someone

    assert not put_through_to_someone(text, language)


@pytest.mark.parametrize("text, language", [
    ("no wait i do have the receipt number", "en"),
    ("oh no hold on i found my receipt number", "en"),
    ("no espere sí tengo el número de recibo", "es"),
    ("no no ya lo encontré el número de recibo aquí está", "es"),
])
def test_a_no_that_takes_back_is_no_missing_receipt_number(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md: the no_receipt_number global is for a caller who lacks the number; "no wait, I have it" gives it."""
    understood = model("verify.no_receipt", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "1")


@pytest.mark.parametrize("text, language", [
    ("no i don't have the receipt number", "en"),
    ("no tengo el número de recibo", "es"),
])
def test_a_no_of_not_having_is_still_no_receipt_number(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: DOMAIN.md's no_receipt_number global for a caller who lacks the number."""
    understood = model("verify.no_receipt", language).understand(text)
    assert understood.choice != "1"


TOLD_ANOTHER_WAY = {
    "en": ("can you email me the address of the office", "could i get those updates by text instead"),
    "es": ("me lo pueden mandar por mensaje de texto", "me avisan por whatsapp mejor"),
}
"""Being told another way than the line's voice."""
LANGUAGE_LINE = {
    "en": ("is there a line in vietnamese", "do you have a number for french speakers i mean a line in french"),
    "es": ("tienen una línea en francés", "hay alguna opción en portugués"),
}
"""A line in a language the contact center does not answer in."""


@pytest.mark.parametrize("state", SUBMENUS)
@pytest.mark.parametrize("language, text", [(language, text)
                                            for by in (TOLD_ANOTHER_WAY, LANGUAGE_LINE)
                                            for language, texts in by.items() for text in texts])
def test_told_another_way_or_a_language_line_is_no_option_of_a_submenu(model, state: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md: the contact center answers by phone in English and Spanish; a text message, an email or a line in
    another language is none of a submenu's options."""
    menu = model(state, language)
    assert menu.understand(text).choice not in menu.own


@pytest.mark.parametrize("text, language", [
    ("is there somebody who speaks nepali", "en"),
    ("do you have a tigrinya line", "en"),
    ("i need an interpreter for khmer", "en"),
    ("hay alguien que hable bengalí", "es"),
    ("tienen una línea en amárico", "es"),
])
def test_a_line_in_any_language_the_cldr_names_is_a_language_line(text: str, language: str) -> None:
    """Any language the CLDR names, not a short list (before: a list of forty-odd names missed these)."""
    assert language_line(text, language)


@pytest.mark.parametrize("text, language", [
    ("is there someone in charge of my case", "en"),
    ("do you have a spanish line", "en"),
    ("quiero cambiar la cita en la oficina", "es"),
    ("me da el número de recibo otra vez", "es"),
])
def test_a_person_or_a_line_with_no_other_language_named_is_no_language_line(text: str, language: str) -> None:
    """The words around a language, without one the line does not speak, are no language line."""
    assert not language_line(text, language)


@pytest.mark.parametrize("text, language", [
    ("at that appointment can they also get me my social security card", "en"),
    ("can i renew my passport at the appointment", "en"),
    ("en la cita me pueden sacar la tarjeta del seguro social", "es"),
    ("me renuevan el pasaporte en esa cita", "es"),
])
def test_another_agencys_papers_at_our_appointment_is_no_appointment_option(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Seed 001: inquiries outside USCIS jurisdiction (Social Security's card, the State Department's passport) are
    redirected, not booked as our appointment."""
    menu = model("field_office.appointment_menu", language)
    assert menu.understand(text).choice not in menu.appointments


@pytest.mark.parametrize("text, language", [
    ("que tiene que llevar a la cita si no tiene pasaporte", "es"),
    ("do i bring my passport to the appointment", "en"),
])
def test_a_passport_brought_to_our_appointment_is_not_another_agencys_papers(text: str, language: str) -> None:
    """Guard: a passport brought as identification is our appointment's business."""
    from ivr.core.not_ours import service_elsewhere

    assert not service_elsewhere(text, language)


@pytest.mark.parametrize("text, language", [
    ("is one week too soon to call back about my request", "en"),
    ("how soon is too soon to follow up on a request", "en"),
    ("it's been ten days is that too early to call about what i put in", "en"),
    ("es muy pronto para volver a llamar si la mandé hace una semana", "es"),
])
def test_too_soon_to_follow_up_is_when_and_how_to_follow_up(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """The service requests menu's option 3 (when and how to follow up on a request), the s8 round."""
    understood = model("service_requests.menu", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "3")
