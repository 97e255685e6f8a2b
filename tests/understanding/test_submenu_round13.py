"""Round 13 of the submenus (s14 and s15 as the development set, s12 and s13 moved into the corpus): a decision asked
of a case is the status line's question, someone asked to sort a thing out is a person, the hours asked with the day
first, a move that names a day, how the visits go, an apostille, a request made asked where it stands, questions
before verification, a relative dying abroad, a birth date stated against the real one, and the globals in more words (the menu again, back to pick another, a receipt number gone, a visit scratched).
Sentences written from the kinds, never s12's to s15's own (docs/understanding-log.md, "Round 13 of the submenus").
"""

from __future__ import annotations

import pytest

OWN_OPTIONS = ("1", "2", "3", "4", "5", "6", "7", "8", "9")


@pytest.mark.parametrize(
    ("state", "language", "text"),
    [
        ("field_office.reasons", "en", "before we go on could you check whether my work permit renewal was approved"),
        ("field_office.appointment_menu", "es", "de una vez dígame si ya aprobaron la residencia de mi esposo"),
    ],
)
def test_a_decision_asked_in_another_lines_submenu_is_not_its_option(model, state: str, language: str,  # type: ignore[no-untyped-def]
                                                                     text: str) -> None:
    """Seed 001 and the main menu's option 1: whether a case was approved is the case status line's question; at a
    field office menu no option of its own takes it (the caller hears the menu again and can go back)."""
    understood = model(state, language).understand(text)
    assert understood.outcome != "route" or understood.choice not in OWN_OPTIONS


def test_a_decision_asked_of_the_menus_own_thing_stays_its_option(model) -> None:  # type: ignore[no-untyped-def]
    """Guard (passes before and after): DOMAIN.md §5, a service request's status is the service requests menu's 1,
    whatever decision is asked of it."""
    understood = model("service_requests.menu", "es").understand("quiero saber si ya resolvieron la solicitud que puse")
    assert (understood.outcome, understood.choice) == ("route", "1")


@pytest.mark.parametrize(
    ("state", "language", "text"),
    [
        ("field_office.appointment_menu", "en",
         "the notice says ten but the office opens at eleven could somebody sort that out"),
        ("biometrics.menu", "en", "my letter has two different dates on it can someone straighten this out"),
        ("field_office.appointment_menu", "es",
         "la carta dice una hora y el edificio abre más tarde puede alguien arreglarlo"),
    ],
)
def test_someone_asked_to_sort_it_out_is_a_person(model, state: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §1.3 (live assistance): a caller asking someone to sort out what went wrong asks for a person, whatever
    an office's opening time said beside it scores for the hours."""
    understood = model(state, language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "representative")


@pytest.mark.parametrize(
    ("state", "language", "text"),
    [
        ("biometrics.after", "es", "y los sábados hay alguien contestando por si se me pierde la carta"),
        ("service_requests.after", "en", "on saturdays are there agents on the phones or just the machine"),
    ],
)
def test_the_day_said_first_with_someone_on_the_phone_is_the_hours(model, state: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §1.1: live assistance is Monday to Friday; whether anyone answers on a weekend day is the hours, the
    day said before the person."""
    understood = model(state, language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "hours")


def test_an_appointment_slid_past_a_day_is_a_reschedule_not_the_hours(model) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §3: a significant life event (a wedding, a funeral) is good cause to reschedule biometrics; the day it
    falls on is no question of the line's hours (biometrics.menu's 1)."""
    understood = model("biometrics.menu", "en").understand(
        "there is a funeral out of state on sunday can you shift it to the following week")
    assert (understood.outcome, understood.choice) == ("route", "1")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "do we get to choose the location or is it assigned to us"),
        ("es", "puedo escoger a qué oficina voy o me la asignan"),
    ],
)
def test_how_the_visits_work_and_which_office_is_how_appointments_go(model, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §4: field office visits are by appointment only, requested through the contact center; how they work,
    which office, is field_office.menu's 1, not an appointment the caller already has (3)."""
    understood = model("field_office.menu", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "1")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "i need an apostille on my divorce papers can i get that done at the field office"),
        ("es", "en la oficina me pueden apostillar el acta de matrimonio"),
    ],
)
def test_an_apostille_is_no_appointment_of_ours(model, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Seed 001: an inquiry within another agency's jurisdiction (a state's or a country's apostille) is redirected;
    no field office option takes it."""
    understood = model("field_office.menu", language).understand(text)
    assert understood.outcome != "route" or understood.choice not in OWN_OPTIONS


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "your office emailed me that the request arrived so where does it stand now"),
        ("en", "the agent last month opened a request on my behalf how is it coming along"),
    ],
)
def test_a_request_made_asked_where_it_stands_is_its_status(model, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §5: a service request already created, asked after, is the status of that request
    (service_requests.menu's 1), not a new one (2) nor how to follow up (3)."""
    understood = model("service_requests.menu", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "1")


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("en", "my receipt notice shows the fee taken twice can i get a refund for one of them"),
        ("es", "en el aviso de recibo me cobraron dos veces como me regresan el dinero"),
    ],
)
def test_a_question_before_verification_is_no_identifier(model, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §2.1: the receipt-number menu asks how the caller will be identified; a question of a double charge,
    the receipt notice named as where it shows, is none of its options (not having the receipt number)."""
    understood = model("verify.no_receipt", language).understand(text)
    assert understood.outcome != "route"


def test_a_relative_dying_abroad_is_emergency_travel(model) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §4: an emergency advance parole is its own field office reason (field_office.reasons's 2), not the
    stamp that proves residence (1), though a pending green card is said beside it."""
    understood = model("field_office.reasons", "en").understand(
        "my aunt is in a coma in ghana and my green card is still being processed so i cant fly without some paper")
    assert (understood.outcome, understood.choice) == ("route", "2")


def test_a_birth_date_stated_against_the_real_one_is_a_typo(model) -> None:  # type: ignore[no-untyped-def]
    """DOMAIN.md §5: a correction of a typographic error is its own service request (service_requests.types's 5), not
    a document that never came (4)."""
    understood = model("service_requests.types", "en").understand(
        "my sons naturalization certificate has his birth year as two thousand nine but he was born in two thousand ten")
    assert (understood.outcome, understood.choice) == ("route", "5")


@pytest.mark.parametrize(
    ("state", "language", "text"),
    [
        ("biometrics.menu", "en", "run through them again please my kids were yelling"),
        ("field_office.reasons", "en", "the dog started barking after the stamp one what were the others"),
        ("field_office.reasons", "es", "perdón se me fue la señal cuáles eran los motivos"),
    ],
)
def test_the_options_asked_again_in_other_words_are_repeat(model, state: str, language: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: the globals work in every menu in callers' own words; the menu's items asked again are repeat."""
    understood = model(state, language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "repeat")


@pytest.mark.parametrize(
    ("state", "text"),
    [
        ("other_agencies.menu", "hmm not one of those i want to go back and choose another"),
        ("outside_us.menu", "ugh i hit the wrong one by accident im in texas take me back"),
    ],
)
def test_back_to_pick_something_else_is_previous(model, state: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Issue 16: the previous menu asked in the caller's words (going back to pick another, a wrong pick)."""
    understood = model(state, "en").understand(text)
    assert (understood.outcome, understood.choice) == ("route", "previous")


@pytest.mark.parametrize(
    ("state", "language", "text"),
    [
        ("service_requests.menu", "en", "heads up my receipt number ended up in the trash with the junk mail"),
        ("service_requests.types", "en", "my re ceipt number got thrown out with the old mail"),
        ("biometrics.menu", "es", "el número de recibo lo tenía en una libreta y ya la tiré"),
    ],
)
def test_a_receipt_number_gone_in_other_words_is_the_no_receipt_global(model, state: str, language: str,  # type: ignore[no-untyped-def]
                                                                        text: str) -> None:
    """DOMAIN.md §2.1-2.2: without the receipt number the caller is identified otherwise; a number gone or not to be
    found, whatever the reason, is the no_receipt_number global."""
    understood = model(state, language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", "no_receipt_number")


def test_a_visit_scratched_is_cancelled(model) -> None:  # type: ignore[no-untyped-def]
    """Seed 001: customers may cancel field office appointments; "scratch the visit" cancels
    (field_office.appointment_menu's 1)."""
    understood = model("field_office.appointment_menu", "en").understand(
        "something came up at work so just scrap the appointment")
    assert (understood.outcome, understood.choice) == ("route", "1")
