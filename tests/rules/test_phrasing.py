"""Saying contact details and appointments aloud (DESIGN.md §3: numbers read digit by digit)."""

from datetime import datetime

import pytest

from ivr.rules.phrasing import read_phone, say_appointment, say_email


@pytest.mark.parametrize(
    ("phone", "language", "spoken"),
    [
        pytest.param("1-877-247-4645", "en", "1, 8 7 7, 2 4 7, 4 6 4 5", id="military-line"),
        pytest.param("833-383-1465", "es", "8 3 3, 3 8 3, 1 4 6 5", id="no-country-code"),
        pytest.param("+1 212 620 3418", "en", "plus 1, 2 1 2, 6 2 0, 3 4 1 8", id="plus-en"),
        pytest.param("+1-212-620-3418", "es", "más 1, 2 1 2, 6 2 0, 3 4 1 8", id="plus-es"),
        pytest.param("(202) 732-4646", "en", "2 0 2, 7 3 2, 4 6 4 6", id="parentheses"),
    ],
)
def test_a_phone_number_is_read_digit_by_digit_in_its_printed_groups(phone, language, spoken):
    """DESIGN.md §3: numbers are read digit by digit; the printed groups become pauses."""
    assert read_phone(phone, language) == spoken


def test_a_vanity_number_is_refused():
    """The directory writes digits; letters would be read as words."""
    with pytest.raises(ValueError, match="not a phone number"):
        read_phone("1-877-CIS-4MIL", "en")


@pytest.mark.parametrize(
    ("address", "language", "spoken"),
    [
        pytest.param("SCOPSSCATA@dhs.gov", "en", "S C O P S S C A T A at d h s dot gov", id="capitals-spelled"),
        pytest.param("SCOPSSCATA@dhs.gov", "es", "S C O P S S C A T A arroba d h s punto gov", id="spanish-punctuation"),
        pytest.param("csc-ncsc-followup@dhs.gov", "en", "c s c dash n c s c dash followup at d h s dot gov", id="dashes"),
        pytest.param("vsc.ncscfollowup@dhs.gov", "en", "v s c dot n c s c followup at d h s dot gov", id="run-together-word"),
        pytest.param("military.helpline@uscis.dhs.gov", "en", "military dot helpline at u s c i s dot d h s dot gov", id="words-said"),
        pytest.param("a_b2@x.org", "es", "a guion bajo b 2 arroba x punto org", id="underscore-and-digit"),
    ],
)
def test_an_e_mail_address_is_said_so_a_caller_can_write_it_down(address, language, spoken):
    """Seed 001's mailboxes: punctuation named, abbreviations spelled letter by letter."""
    assert say_email(address, language) == spoken


def test_a_string_without_one_at_sign_is_not_an_address():
    """An address has exactly one '@'."""
    with pytest.raises(ValueError, match="not an e-mail address"):
        say_email("dhs.gov", "en")


@pytest.mark.parametrize(
    ("moment", "language", "spoken"),
    [
        pytest.param("2026-12-08T09:00:00-05:00", "en", "Tuesday, December 8, 2026, at 9:00 a.m. Eastern time", id="eastern-en"),
        pytest.param("2026-12-08T09:00:00-05:00", "es", "martes 8 de diciembre de 2026, a las 9:00 a. m., hora del Este", id="eastern-es"),
        pytest.param("2026-12-14T13:30:00-08:00", "en", "Monday, December 14, 2026, at 1:30 p.m. Pacific time", id="pacific"),
        pytest.param("2026-11-24T23:30:00-06:00", "en", "Tuesday, November 24, 2026, at 11:30 p.m. Central time", id="weekday-of-local-date"),
    ],
)
def test_an_appointment_is_said_with_its_weekday_in_its_own_time_zone(moment, language, spoken):
    """The weekday and date are those of the appointment's own place, not of the caller or UTC."""
    assert say_appointment(datetime.fromisoformat(moment), language) == spoken


def test_an_unknown_language_is_refused():
    """Only English and Spanish are spoken (DOMAIN.md §1.1)."""
    with pytest.raises(ValueError, match="unknown language"):
        read_phone("1-800-375-5283", "fr")
