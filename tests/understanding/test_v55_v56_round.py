"""The v55-v56 round's mechanisms, on family sentences written for them (never the holdouts' own sentences).

Issue 16: "A matcher that generalises" over callers' own words, in both languages.  The spent holdouts v55-v56 missed
a biometrics appointment to move to a holiday break (read as a change of address and a rest asked), an accommodation
asked for and not answered (read as the case's status), a vet's office (read as ours), a caller abroad running the
family's store and a card refused at the bank (held back as another business), and a case-status e-mail whose link
does not open (read as mail missing): docs/understanding-log.md, "The v55-v56 round".
"""

from __future__ import annotations

import pytest

from ivr.core.concepts import STATUS, about_ours, at_work, reading


def _route(model, text: str, language: str = "en", state: str = "main_menu") -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    understood = model(state, language).understand(text)
    return understood.outcome, understood.choice


@pytest.mark.parametrize("text", [
    "my boss is sending me on a work trip the day of my fingerprint appointment can i move it",
    "my job is sending me out of state so can i move my fingerprint appointment",
])
def test_a_thing_moved_is_no_change_of_address(text: str) -> None:
    """"can i move it", "i move my appointment": a date moved, no home moved (`concepts._thing_moved`)."""
    assert "#address" not in reading(text, "en")[0]


def test_moving_home_stays_a_change_of_address(model) -> None:  # type: ignore[no-untyped-def]
    """Guard: "i moved last week" with nothing moved after it is a change of address (DOMAIN.md: service requests)."""
    assert "#address" in reading("i moved last week how do i change my address", "en")[0]
    assert _route(model, "i moved last week how do i change my address") == ("route", "4")


def test_a_holiday_break_is_no_rest_asked() -> None:
    """"spring break", "winter break": a time off, not a break asked at an appointment (`concepts._HOLIDAYS`)."""
    assert "#accommodation" not in reading("my fingerprint appointment falls during finals can i push it to winter "
                                           "break", "en")[0]


def test_breaks_asked_at_an_interview_stay_a_need() -> None:
    """Guard: breaks asked during an interview are an accommodation (`#accommodation`)."""
    assert "#accommodation" in reading("my mom has a bad back and needs to take breaks during her interview", "en")[0]


def test_biometrics_moved_to_a_holiday_break_goes_to_biometrics(model) -> None:  # type: ignore[no-untyped-def]
    """A biometrics appointment to move is the biometrics line (DOMAIN.md §4, seed 001), not service requests."""
    assert _route(model, "can my daughter do her biometrics over spring break") == ("route", "2")


@pytest.mark.parametrize(("text", "language"), [
    ("i requested a wheelchair for my biometrics appointment weeks ago and nobody told me if it was approved", "en"),
    ("solicité un intérprete de señas para la entrevista hace un mes y no sé si ya lo aprobaron", "es"),
])
def test_a_need_asked_for_and_not_answered_is_no_case_status(text: str, language: str) -> None:
    """A need asked for (`concepts._NEED_ASKED`) with a decision or a wait and no case named: the request's
    decision, no status of the case."""
    named = reading(text, language)[0]
    assert "#accommodation" in named and STATUS.isdisjoint(named)


def test_a_need_asked_for_and_not_answered_goes_to_service_requests(model) -> None:  # type: ignore[no-untyped-def]
    """An accommodation already asked for is a service request (DOMAIN.md: service requests), not case status."""
    text = "solicité un intérprete de señas para la entrevista hace un mes y no sé si ya lo aprobaron"
    assert _route(model, text, "es") == ("route", "4")


@pytest.mark.parametrize(("text", "language"), [
    ("i use a wheelchair and i want to know if my case was approved", "en"),
    ("pedí una silla de ruedas para la entrevista y quiero saber si ya aprobaron mi caso", "es"),
])
def test_a_need_beside_the_case_asked_keeps_the_status(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: with the case named, the decision asked is the case's (case status)."""
    assert _route(model, text, language) == ("route", "1")


@pytest.mark.parametrize(("text", "language"), [
    ("hello is this the vet office my puppy swallowed a sock", "en"),
    ("hi is this the pharmacy office i need a refill", "en"),
    ("es la oficina de la veterinaria mi gato se comió un hilo", "es"),
])
def test_a_vets_or_pharmacys_office_is_another_place(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Somebody else's office (`concepts._BUSINESS_OFFICES`) is another place, not ours, and not routed (issue 16:
    "Out-of-scope sentences must not be routed")."""
    named = reading(text, language)[0]
    assert "#office_place" not in named and "#other_place" in named
    assert _route(model, text, language)[0] != "route"


def test_our_office_stays_ours(model) -> None:  # type: ignore[no-untyped-def]
    """Guard: "the uscis office" is the field office (DOMAIN.md §4)."""
    assert _route(model, "is this the uscis office i need to reschedule my interview") == ("route", "3")


def test_a_link_that_does_not_open_is_no_mail_missing() -> None:
    """"me llegó un correo … pero no me abre la página": the mail came (`concepts._negated`), nothing missing."""
    text = "oiga me llegó un mensaje al correo que mi caso fue actualizado y no me abre la página qué pasó con mi permiso"
    assert "#not_arrived" not in reading(text, "es")[0]


def test_a_mail_that_never_came_stays_missing() -> None:
    """Guard: "nunca me llegó el correo" is a mail missing (`#not_arrived`)."""
    assert "#not_arrived" in reading("nunca me llegó el correo de mi caso", "es")[0]


def test_a_case_update_mail_whose_link_fails_goes_to_case_status(model) -> None:  # type: ignore[no-untyped-def]
    """What happened with the case, asked after an update e-mail: case status (DOMAIN.md: case status)."""
    text = "oiga me llegó un mensaje al correo que mi caso fue actualizado y no me abre la página qué pasó con mi permiso"
    assert _route(model, text, "es") == ("route", "1")


@pytest.mark.parametrize(("text", "language", "work"), [
    ("i've been over in el salvador managing my brother's restaurant", "en", "restaur"),
    ("estoy en honduras atendiendo el restaurante de mi hermano", "es", "restaur"),
])
def test_the_business_the_caller_runs_is_read(text: str, language: str, work: str) -> None:
    """The business where the caller works or that they run (`concepts.at_work`), in each language."""
    assert work in at_work(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("where do i get fingerprints for my job at the daycare", "en"),
    ("dónde me toman las huellas para el trabajo en la guardería", "es"),
])
def test_work_said_as_a_noun_is_no_workplace(text: str, language: str) -> None:
    """Guard: "for my job at the daycare", "para el trabajo en la guardería": no verb of working, nothing read."""
    assert not at_work(text, language)


@pytest.mark.parametrize(("text", "language"), [
    ("i've been over in el salvador managing my brother's restaurant and want to know how long a resident can stay "
     "outside the country", "en"),
    ("estoy en honduras atendiendo el restaurante de mi hermano y quiero saber cuánto tiempo puede estar fuera un "
     "residente", "es"),
])
def test_running_a_business_abroad_goes_to_the_line_abroad(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Time abroad asked by a caller running a business there: calls from outside the U.S. (DOMAIN.md §4)."""
    assert _route(model, text, language) == ("route", "6")


def test_the_green_card_with_an_article_is_the_callers() -> None:
    """"la tarjeta verde" a shop will not accept is the caller's card (`concepts._A_CARD`)."""
    assert about_ours("en la tienda no me aceptan la tarjeta verde vencida", "es")


def test_a_card_refused_at_a_shop_goes_to_the_field_office(model) -> None:  # type: ignore[no-untyped-def]
    """An appointment at the field office for proof of status (DOMAIN.md §4), not held back by the shop."""
    text = "en la tienda no me aceptan la tarjeta verde vencida y necesito cita en la oficina para que me den un sello"
    assert _route(model, text, "es") == ("route", "3")
