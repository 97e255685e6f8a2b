"""Round 14 of the submenus (s16 and s17 as the development set): a holiday asked is the hours, the menu's items asked
after a distraction, one step back in Spanish, an agent asked to confirm a thing, a limit on appointments, where a
service center is, how long the fingerprint visit lasts, an interpreter at the office, a consulate's ID card.
Sentences written from the kinds, never s16's or s17's own (docs/understanding-log.md, "Round 14 of the submenus").
"""

from __future__ import annotations

import pytest

OWN_OPTIONS = ("1", "2", "3", "4", "5", "6", "7", "8", "9")


@pytest.mark.parametrize(
    ("state", "language", "text"),
    [
        ("biometrics.after", "en", "are the agents working on memorial day"),
        ("field_office.reasons", "es", "oiga y en los días festivos hay alguien que conteste"),
    ],
)
def test_a_holiday_asked_is_the_hours(model, state: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §1.1: live assistance is Monday to Friday, excluding federal holidays; whether anyone answers on a
    holiday is the hours, not a request for a person."""
    understood = model(state, language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "hours")


@pytest.mark.parametrize(
    ("state", "text"),
    [
        ("field_office.reasons", "perdón me distrajo mi hija qué motivos me dijo"),
        ("other_agencies.menu", "se me fue la señal y no oí nada de las agencias"),
    ],
)
def test_the_items_asked_again_after_a_distraction_are_the_menu_again(model, state: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 16, global intents in every menu: a caller who missed the options asks for the menu again (repeat), not
    for a person."""
    understood = model(state, "es").understand(text)
    assert (understood.outcome, understood.choice) == ("route", "repeat")


def test_one_back_in_spanish_is_the_previous_menu(model) -> None:  # type: ignore[no-untyped-def]
    """Issue 16, global intents in every menu: "regréseme una para atrás" is the menu before, whatever option word the
    caller names of where they meant to go."""
    understood = model("service_requests.menu", "es").understand(
        "ay le piqué mal yo quería lo de las citas devuélvame una para atrás")
    assert (understood.outcome, understood.choice) == ("route", "previous")


@pytest.mark.parametrize(
    ("state", "text"),
    [
        ("service_requests.after", "antes de colgar quisiera que alguien me revise que mi dirección quedó bien escrita"),
    ],
)
def test_an_agent_asked_to_confirm_a_thing_is_a_person(model, state: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §1.3 (live assistance): a caller who wants an agent to confirm or check something asks for a person,
    whatever "before hanging up" scores for ending the call."""
    understood = model(state, "es").understand(text)
    assert (understood.outcome, understood.choice) == ("route", "representative")


def test_a_limit_on_appointments_is_how_appointments_go(model) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §4: field office visits are by appointment only; how many one may ask for, and how that side works,
    is field_office.menu's 1 (how appointments work), not an appointment already had (3)."""
    understood = model("field_office.menu", "en").understand(
        "is there a cap on how many appointments i can book at the office")
    assert (understood.outcome, understood.choice) == ("route", "1")


def test_where_a_service_center_is_is_no_status_option(model) -> None:  # type: ignore[no-untyped-def]
    """Seed 001 (case status): the line reads a case's status; where a service center is located is no option of the
    case status menu (the caller hears the menu again)."""
    understood = model("case_status.menu", "en").understand(
        "the status says it was transferred to the nebraska service center where is that located")
    assert understood.outcome != "route" or understood.choice not in OWN_OPTIONS


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("es", "cuánto rato me tienen adentro en lo de las huellas es que me tengo que ir a trabajar"),
        ("en", "how long does the fingerprint thing last i only have my lunch break"),
    ],
)
def test_how_long_the_fingerprint_visit_lasts_is_no_cancel(model, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §3: cancelling or rescheduling biometrics is for good cause; how long the visit lasts is neither
    (no option of biometrics.menu)."""
    understood = model("biometrics.menu", language).understand(text)
    assert understood.outcome != "route" or understood.choice not in OWN_OPTIONS


def test_an_interpreter_at_the_office_is_no_request_for_a_person(model) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §1.3: a person is asked for in so many words; whether someone at the office speaks Spanish, or one
    brings a translator, is a question of the visit no option answers, not a transfer."""
    understood = model("field_office.appointment_menu", "es").understand(
        "allá en la oficina alguien habla español o me llevo a mi hija de traductora")
    assert understood.outcome != "route" or understood.choice not in ("representative", "supervisor", *OWN_OPTIONS)


def test_a_consular_id_card_is_no_appointment_of_ours(model) -> None:  # type: ignore[no-untyped-def]
    """Guard (passes before and after): seed 001, a consulate's ID card (the matrícula consular) is another
    government's; no biometrics option takes it, whatever the round's examples of the visit's length teach."""
    understood = model("biometrics.menu", "es").understand("en ese centro de huellas me pueden sacar la matrícula consular")
    assert understood.outcome != "route" or understood.choice not in OWN_OPTIONS
