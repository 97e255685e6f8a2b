"""An appointment moved is rescheduled, not cancelled, at the menus that offer cancelling it (seed 001: "Customers may
cancel or reschedule field office appointments"; DOMAIN.md: a biometrics appointment is rescheduled or cancelled at
the line's menu; the s4 round, sub68).

Holdout s4 (spent as the development set) found a biometrics appointment the caller asked to move because of a trip
taken for cancelling it, sure of it.  The family here is the kind of sentence, written for the round (never s4's
own): verbs of moving, postponing, pushing back or another day against verbs of ending, at biometrics.menu (1
reschedules, 4 cancels) and field_office.appointment_menu (1 cancels; it has no option to move).
"""

from __future__ import annotations

import pytest

from ivr.core.appointment_moves import moved

MOVING = {
    "en": ("can i move my fingerprint appointment to another day",
           "i need to push it back a couple of weeks",
           "i'll be out of town for work that week can we move it",
           "is it possible to change the date of my biometrics",
           "could you move it to sometime next month",
           "we're travelling that week so i'd like to postpone it",
           "i want to move the appointment because i'm going on a trip",
           "push my appointment back please my flight leaves that morning"),
    "es": ("quiero mover mi cita de huellas para otro día",
           "se puede pasar la cita para otro día",
           "voy a estar fuera me la puede cambiar de fecha",
           "necesito cambiar la fecha de la cita",
           "la puedo mover para la otra semana",
           "me voy de viaje esa semana quiero posponer la cita",
           "ando de viaje se podrá recorrer la cita unos días",
           "voy a salir del país ese mes me la pueden aplazar"),
}
ENDING = {
    "en": ("i want to get rid of the appointment",
           "i'm not going to that appointment anymore just cancel it",
           "i don't need it anymore please call it off",
           "we're moving back home so cancel the appointment"),
    "es": ("ya no voy a ir a la cita",
           "quiero cancelar la cita",
           "ya no la necesito bórrela",
           "me voy a ir de viaje para siempre cancele la cita"),
}


@pytest.mark.parametrize("language, text", [(language, text) for language, texts in MOVING.items() for text in texts])
def test_moving_a_biometrics_appointment_is_rescheduling_it(model, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Seed 001 / DOMAIN.md: rescheduling (option 1) is not cancelling (option 4)."""
    understood = model("biometrics.menu", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "1")


@pytest.mark.parametrize("language, text", [(language, text) for language, texts in MOVING.items() for text in texts])
def test_moving_a_field_office_appointment_is_not_cancelling_it(model, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Seed 001: "cancel or reschedule": the appointment menu's option 1 cancels, which a move is not."""
    understood = model("field_office.appointment_menu", language).understand(text)
    assert understood.choice != "1"


@pytest.mark.parametrize("state, choice", [("biometrics.menu", "4"), ("field_office.appointment_menu", "1")])
@pytest.mark.parametrize("language, text", [(language, text) for language, texts in ENDING.items() for text in texts])
def test_ending_an_appointment_is_cancelling_it(model, state: str, choice: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: a verb of ending is cancelling, a move of house or a trip said with it ("moving back home so cancel")."""
    understood = model(state, language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", choice)


@pytest.mark.parametrize("text, language", [
    ("we moved to texas last year", "en"), ("nos mudamos a otro estado", "es"),
    ("cancel it i'll pick another day myself later", "en"),
])
def test_a_move_of_house_or_a_cancel_is_no_appointment_moved(text: str, language: str) -> None:
    """Guard: moving house is no appointment moved; a verb of ending wins over another day."""
    assert not moved(text, language)
