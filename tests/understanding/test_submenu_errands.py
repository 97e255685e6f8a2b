"""Another line's question asked in passing inside a submenu is not one of its options (issue 16: a submenu's options
are its own; the main menu's lines are where other questions go; the s5 round, sub69).

Holdout s5 (spent as the development set) found a case-status question asked "de paso" at the biometrics menu taken
for cancelling the appointment, sure of it, by the classifier alone: the main menu's keywords sent it to the case
status line at 0.88, under `SURE_AT`.  A route the submenu's classifier alone chose is now not understood when the
main menu's keywords send the words to another line at `ELSEWHERE_AT` (0.8) or more.  The family is the kind, written
for the round (never s5's own): a question for the case status line said in passing ("de paso", "y ya que estoy",
"by the way", "while i have you"), and the guard the other way: the menu's own errand said in passing stays its own.
"""

from __future__ import annotations

import pytest

IN_PASSING = {
    "en": ("oh and by the way did my case get approved yet",
           "while i have you can you tell me if they approved my case",
           "also while im here is my case approved or not"),
    "es": ("y de paso dígame si ya aprobaron mi caso",
           "y ya que estoy me puede decir si ya me aprobaron el caso",
           "oiga y de paso quiero saber si ya aprobaron mi caso"),
}
"""A case status question said in passing (seed: the case status line is the main menu's option 1)."""
STATES = ("biometrics.menu", "field_office.appointment_menu", "service_requests.menu")
KNOWN_MISSES = {
    ("en", "oh and by the way did my case get approved yet", "field_office.appointment_menu"),
    ("en", "also while im here is my case approved or not", "field_office.appointment_menu"),
}
"""The main menu's keywords send these to case status at 0.63-0.65 only, under `ELSEWHERE_AT`: left (strict).  At
`service_requests.menu` the first is none since round 11's examples of a case's status asked there (sub73)."""


def _cells() -> list[object]:
    return [pytest.param(language, text, state, marks=pytest.mark.xfail(strict=True, reason="known miss"))
            if (language, text, state) in KNOWN_MISSES else pytest.param(language, text, state)
            for language, texts in IN_PASSING.items() for text in texts for state in STATES]


@pytest.mark.parametrize("language, text, state", _cells())
def test_a_case_status_question_in_passing_is_none_of_a_submenus_options(model, state: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: another line's question is not routed to one of this menu's own options (it is heard again, or a
    global)."""
    understood = model(state, language).understand(text)
    own = model(state, language).own
    assert not (understood.outcome == "route" and understood.choice in own)


OWN_IN_PASSING = {
    "en": ("oh and by the way i need to cancel my fingerprint appointment",
           "while i have you can i move my biometrics to another day"),
    "es": ("y de paso quiero cancelar la cita de huellas",
           "y ya que estoy quiero cambiar la fecha de mi cita de huellas"),
}


@pytest.mark.parametrize("language, text, choice", [
    ("en", OWN_IN_PASSING["en"][0], "4"), ("en", OWN_IN_PASSING["en"][1], "1"),
    ("es", OWN_IN_PASSING["es"][0], "4"),
    pytest.param("es", OWN_IN_PASSING["es"][1], "1", marks=pytest.mark.xfail(
        strict=True, reason="known miss on main too: the classifier hears the appointment again (2) at 1.00")),
])
def test_the_menus_own_errand_in_passing_stays_its_own(model, language: str, text: str, choice: str) -> None:  # type: ignore[no-untyped-def]
    """Guard, DOMAIN.md (a biometrics appointment is rescheduled, 1, or cancelled, 4, at the line's menu): "by the
    way" or "de paso" said of the menu's own errand does not send it away."""
    understood = model("biometrics.menu", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", choice)
