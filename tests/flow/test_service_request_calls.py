"""Service requests in whole calls (seeds 001_7dddce98989cf869.txt and 003_29c9fde61bf22c66.txt; DOMAIN.md §5)."""

from pathlib import Path

import pytest

MARISOL = ("EAC2691451114", "1989-03-15", "2611090014")  # 14 days old
TARIQ = ("LIN2691551115", "1998-12-24", "2611080015")  # 15 days old, Nebraska
YESENIA = ("SRC2691651116", "1985-05-05", "2610240016")  # e-mailed the service center 20 days ago
BOGDAN = ("WAC2691751117", "1966-02-11", "2610160017")  # e-mailed 22 days ago; "2608200017" is closed
PRIYA = ("YSC2790850108", "2001-11-30", "2611180008")  # card not received, 5 days old
RAFAEL = ("EAC2690150101", "1987-02-28")
NOOR = ("EAC2691951119", "1994-04-30")  # I-918 (U visa)
OFFICES = str(Path(__file__).parent / "data" / "service_request_offices.yaml")
REFERENCE_TAKEN = str(Path(__file__).parent / "data" / "reference_taken.yaml")

STATUS = {"en": "status of my request", "es": "estado de mi solicitud"}
NEW = {"en": "new request", "es": "nueva solicitud"}
CREATE = {"en": "yes", "es": "sí"}


def ask_status(call, case, reference):
    call.main("4")
    call.choose("1", STATUS)
    call.verify(case[0], case[1])
    call.digits(reference)
    return call.yes()


@pytest.mark.parametrize(
    ("case", "says"),
    [
        pytest.param(MARISOL, "Please allow 15 days for an answer. If you have no answer by November 24, 2026", id="14-days-wait"),
        pytest.param(TARIQ, "you may e-mail the Nebraska Service Center at n c s c followup dot n s c at d h s dot gov", id="15-days-email"),
        pytest.param(YESENIA, "please allow 21 days for its answer. If you have no answer by November 24, 2026", id="20-days-after-email-wait"),
        pytest.param(BOGDAN, "21 days ago or more, so you may now write to the USCIS Headquarters Office of Service Center Operations at S C O P S S C A T A at d h s dot gov", id="22-days-after-email-scops"),
    ],
)
def test_follow_up_guidance_depends_on_the_requests_age(dial, case, says):
    """Seed 001: under 15 days wait; from 15 e-mail the service center; 21 days after that e-mail, SCOPS."""
    call = dial()
    assert says in ask_status(call, case, case[2]).text


def test_the_service_center_e_mail_quotes_the_reference_number(dial):
    """Seed 001: any e-mail to a service center must include the service request reference number."""
    call = dial()
    turn = ask_status(call, TARIQ, TARIQ[2])
    assert "Include your service request reference number, 2 6 1, 1 0 8, 0 0 1 5." in turn.text


def test_the_status_is_told_in_both_languages_by_keys_and_speech(caller):
    """Seed 001: the status of a request on file, by reference number, after verification."""
    turn = ask_status(caller, TARIQ, TARIQ[2])
    expected = {
        "en": "Your service request about a notice you did not receive, made on November 8, 2026, is open.",
        "es": "Su solicitud de servicio sobre un aviso que no recibió, hecha el 8 de noviembre de 2026, está abierta.",
    }[caller.language]
    assert expected in turn.text
    assert turn.state == "service_requests.menu"


def test_a_reference_number_is_read_back_digit_by_digit_before_the_lookup(dial):
    """DESIGN.md §3: reference numbers are read back digit by digit."""
    call = dial()
    call.main("4")
    call.call.press("1")
    call.verify(TARIQ[0], TARIQ[1])
    assert "I heard 2 6 1, 1 0 8, 0 0 1 5." in call.digits(TARIQ[2]).text


def test_a_closed_request_is_said_closed(dial):
    """A request marked closed gets no follow-up guidance."""
    call = dial()
    assert "made on August 20, 2026, is closed." in ask_status(call, BOGDAN, "2608200017").text


def test_a_request_of_another_case_is_not_found(dial):
    """A request's status is told only to the verified caller of its own case."""
    call = dial()
    turn = ask_status(call, MARISOL, TARIQ[2])
    assert "I could not find a service request with that reference number for this case." in turn.text
    assert "notice" not in turn.text


def test_an_office_without_a_follow_up_mailbox_answers_directly(dial):
    """Seed 001 lists service-center mailboxes only: a field office's request has no e-mail step."""
    call = dial(CASES_FILE=OFFICES)
    turn = ask_status(call, ("WAC2699951201", "1980-01-15"), "2611030201")
    assert "is open with the Houston Field Office, which answers service requests directly." in turn.text


def test_the_follow_up_rules_are_told_without_verification(caller):
    """Seed 001: the general 15-day and 21-day rules and the SCOPS address need no case."""
    caller.main("4")
    turn = caller.choose("3", {"en": "follow up", "es": "seguimiento"})
    expected = {
        "en": "Please allow 15 days from the day you made a service request for an answer.",
        "es": "Espere 15 días desde el día en que hizo su solicitud de servicio para recibir una respuesta.",
    }[caller.language]
    assert expected in turn.text
    assert {"en": "S C O P S S C A T A at d h s dot gov", "es": "S C O P S S C A T A arroba d h s punto gov"}[caller.language] in turn.text


def test_a_self_service_request_is_created_with_a_reference_read_digit_by_digit(caller):
    """DOMAIN.md §5: self-service types are created here; the reference is read back digit by digit."""
    caller.main("4")
    caller.choose("2", NEW)
    caller.verify(*RAFAEL)
    caller.choose("2", {"en": "notice", "es": "aviso"})
    turn = caller.choose("1", CREATE)
    expected = {
        "en": "Your service request about a notice you did not receive was created today and sent to the Vermont Service Center. Your reference number is 2 6 1, 1 2 3, 0 0 0 1.",
        "es": "Su solicitud de servicio sobre un aviso que no recibió se creó hoy y la recibe el Centro de Servicio de Vermont. Su número de referencia es 2 6 1, 1 2 3, 0 0 0 1.",
    }[caller.language]
    assert expected in turn.text
    assert caller.session().service_requests == ["2611230001"]


def test_a_created_request_persists_and_routes_to_the_office_with_the_file(dial):
    """Seed 003: the request goes to the office that holds the file; a new call can ask for its status."""
    call = dial(CASES_FILE=OFFICES)
    call.main("4")
    call.call.press("2")
    call.verify("WAC2699951201", "1980-01-15")
    call.call.press("3")
    call.call.press("1")
    created = next(e for e in call.effects() if e["kind"] == "service_request_created")
    assert created == {
        "kind": "service_request_created",
        "reference": "2611230001",
        "receipt": "WAC2699951201",
        "type": "card_not_received",
        "created": "2026-11-23",
        "status": "open",
        "office": "Houston Field Office",
        "channel": "ivr",
        "tier": "ivr",
    }
    later = call.again()
    assert "a card you did not receive, made on November 23, 2026, is open" in ask_status(later, ("WAC2699951201", "1980-01-15"), "2611230001").text


def test_an_open_request_of_the_same_type_is_not_duplicated(dial):
    """A caller with an open request of that type hears its reference instead of getting a second one."""
    call = dial()
    call.main("4")
    call.call.press("2")
    call.verify(*PRIYA[:2])
    call.call.press("3")
    turn = call.call.press("1")
    assert "You already have an open service request about a card you did not receive, made on November 18, 2026." in turn.text
    assert "2 6 1, 1 1 8, 0 0 0 8" in turn.text
    assert not call.effects()


def test_an_open_request_past_its_15_days_is_not_duplicated_and_the_caller_hears_the_e_mail_step(dial):
    """Seed 001: "If the customer has not received a response within 15 days of the call ..., then the customer may
    submit an inquiry to the service center where the case is pending": a caller asking again on day 15 hears that step."""
    call = dial()
    call.main("4")
    call.call.press("2")
    call.verify(*TARIQ[:2])
    call.call.press("2")
    turn = call.call.press("1")
    assert "You already have an open service request about a notice you did not receive" in turn.text
    assert "2 6 1, 1 0 8, 0 0 1 5" in turn.text
    assert "you may e-mail the Nebraska Service Center at n c s c followup dot n s c at d h s dot gov" in turn.text
    assert not call.effects()


@pytest.mark.parametrize(
    ("key", "reason"),
    [pytest.param("8", "expedite", id="expedite"), pytest.param("9", "other", id="something-else")],
)
def test_requests_that_are_not_self_service_go_to_a_representative(dial, key, reason):
    """DOMAIN.md §5: only the self-service categories are created here; the rest comes with live assistance."""
    call = dial()
    call.main("4")
    call.call.press("2")
    call.verify(*RAFAEL)
    turn = call.call.press(key)
    assert "A representative must take this request." in turn.text
    assert turn.tier == "tier1"
    assert (call.session().vars["handoff_topic"], call.session().vars["handoff_reason"]) == ("service_request", reason)


def test_a_change_of_address_on_a_u_visa_case_goes_to_a_representative(dial):
    """DOMAIN.md §1.3: online change of address is not available to VAWA, T or U filers."""
    call = dial()
    call.main("4")
    call.call.press("2")
    call.verify(*NOOR)
    turn = call.call.press("7")
    assert "A representative must take this request." in turn.text
    assert not call.effects()


def test_a_case_held_overseas_is_referred_to_that_office(dial):
    """Seed 003: a case held by an overseas office is referred to it with its contact information."""
    call = dial(CASES_FILE=OFFICES)
    call.main("4")
    call.call.press("2")
    call.verify("IOE0999951202", "1975-06-30")
    call.call.press("2")
    turn = call.call.press("1")
    assert "Your case is with the Mexico City Field Office, an office outside the United States" in turn.text
    assert "Its contact details are on the International Immigration Offices page on uscis.gov." in turn.text
    assert not call.effects()


def test_a_new_reference_never_repeats_one_already_on_file(dial):
    """A reference names one request: a number the case data already uses is skipped."""
    call = dial(CASES_FILE=REFERENCE_TAKEN)
    call.main("4")
    call.call.press("2")
    call.verify("EAC2699951203", "1991-02-03")
    call.call.press("3")
    turn = call.call.press("1")
    assert "Your reference number is 2 6 1, 1 2 3, 0 0 0 2." in turn.text
