"""Issue 12's wrong behaviours, each reproduced by the keys a caller presses after choosing a language.

Every test cites the seed or DOMAIN.md sentence the behaviour must follow.
"""

from pathlib import Path

import pytest

OFFICES = str(Path(__file__).parent / "data" / "service_request_offices.yaml")
LEILANI = ("IOE0992051120", "2000-07-21")  # IOE, no office named
DMITRI = ("IOE0990750107", "1958-05-22")  # IOE, field office appointment at the Washington Field Office
MEI_LIN = ("LIN2690350103", "1979-09-03")  # biometrics rescheduled twice
INGRID = ("MSC2690550105", "1968-12-01")  # biometrics passed (untimely)


def test_the_international_line_is_read_with_its_country_code(dial):
    """DOMAIN.md §1.1: "Outside the U.S.: (+1) 212-620-3418" - the +1 is part of the number."""
    call = dial()
    call.main("6")
    turn = call.call.press("6")
    assert "plus 1, 2 1 2, 6 2 0, 3 4 1 8" in turn.text
    assert "plus 2 1 2" not in turn.text


def test_the_international_line_is_read_with_its_country_code_in_spanish(dial):
    """DOMAIN.md §1.1: (+1) 212-620-3418, read in Spanish as "más 1, 2 1 2…"."""
    call = dial("es")
    call.main("6")
    turn = call.call.press("6")
    assert "más 1, 2 1 2, 6 2 0, 3 4 1 8" in turn.text


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_ioe_case_without_an_office_is_not_with_elis(dial, language):
    """DOMAIN.md §2.1: "ELIS is a case system, not an office ... route by the case's own office, never 'to ELIS'"."""
    call = dial(language)
    call.main("1")
    turn = call.verify(*LEILANI)
    assert "ELIS" not in turn.text and "Electronic Immigration System" not in turn.text
    assert {"en": "National Benefits Center", "es": "Centro Nacional de Beneficios"}[language] in turn.text


def test_an_ioe_service_request_goes_to_the_office_that_holds_the_case(dial):
    """Seed 003: "The Service Request is automatically routed to the USCIS office that can best provide a resolution"."""
    call = dial()
    call.main("4")
    call.call.press("2")
    call.verify(*DMITRI)
    call.call.press("2")
    turn = call.call.press("1")
    assert "ELIS" not in turn.text
    assert "Washington Field Office" in turn.text


def test_the_military_line_after_hours_address_is_said_to_be_an_example(dial):
    """Seed 001: after-hours callers "receive an email address" - the seed does not give it, so it is an example."""
    call = dial(CLOCK="2026-11-23T20:00:00-05:00")
    call.main("5")
    turn = call.call.press("2")
    assert "closed now" in turn.text
    assert "This simulator uses an example address" in turn.text


def test_the_ice_support_hours_are_only_what_seed_004_says(dial):
    """Seed 004: "Technical support is available 8 a.m. to 5 p.m. EDT" - no weekdays or holidays are given."""
    call = dial()
    call.main("7")
    turn = call.call.press("1")
    assert "Monday through Friday" not in turn.text
    assert "holidays" not in turn.text
    assert "8 a.m." in turn.text and "5 p.m." in turn.text


def test_a_mexico_city_case_is_not_given_the_canada_mailbox(dial):
    """Seed 001: USCIS.Canada@dhs.gov is the inquiry mailbox "for USCIS customers in Canada", not for every country."""
    call = dial(CASES_FILE=OFFICES)
    call.main("4")
    call.call.press("2")
    call.verify("IOE0999951202", "1975-06-30")
    call.call.press("2")
    turn = call.call.press("1")
    assert "Mexico City Field Office" in turn.text
    assert "Canada" not in turn.text
    assert "mexicocity" not in turn.text
    assert "International Immigration Offices page" in turn.text


def test_a_passed_appointment_asks_why_the_caller_could_not_attend(dial):
    """Seed 000: an untimely request is about an appointment that "has already passed": the caller could not attend."""
    call = dial()
    call.main("2")
    call.verify(*INGRID)
    turn = call.call.press("1")
    assert "why you could not attend" in turn.text
    assert "cannot attend" not in turn.text
