"""Numbers, dates and times heard from callers and said back to them (DESIGN.md §3, DOMAIN.md §2.2)."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

from ivr.rules.spoken import (
    digits_from_speech,
    parse_a_number,
    parse_date_of_birth,
    read_digits,
    say_date,
    say_time,
)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("five five five zero one two three", "en", "5550123", id="english-words"),
        pytest.param("oh four one two", "en", "0412", id="english-oh"),
        pytest.param("double five one", "en", "551", id="english-double"),
        pytest.param("triple oh 7", "en", "0007", id="english-triple"),
        pytest.param("555 01 two three", "en", "5550123", id="numerals-and-words"),
        pytest.param("cinco cinco cero uno", "es", "5501", id="spanish-words"),
        pytest.param("cinco o seis", "es", "56", id="spanish-o-is-or-not-zero"),
        pytest.param("my number is nine one", "en", "91", id="other-words-ignored"),
        pytest.param("Dos, tres.", "es", "23", id="punctuation-and-case"),
    ],
)
def test_digits_from_speech_turns_digit_words_and_numerals_into_digits(text, language, expected):
    """DESIGN.md §3: digits may be spoken as words; 'oh' is zero in English, 'o' is 'or' in Spanish."""
    assert digits_from_speech(text, language) == expected


@pytest.mark.parametrize(
    ("digits", "expected"),
    [
        pytest.param("2611220001", "2 6 1, 1 2 2, 0 0 0 1", id="ten-digits-3-3-4"),
        pytest.param("234567890", "2 3 4, 5 6 7, 8 9 0", id="nine-digit-a-number-3-3-3"),
        pytest.param("04121990", "0 4 1 2, 1 9 9 0", id="eight-digits-4-4"),
        pytest.param("20500", "2 0 5 0 0", id="five-digits-one-group"),
        pytest.param("12345678901", "1 2 3, 4 5 6 7, 8 9 0 1", id="eleven-digits-3-4-4"),
        pytest.param("IOE0912345678", "I O E, 0 9 1, 2 3 4, 5 6 7 8", id="receipt-prefix-is-its-own-group"),
        pytest.param("261-122-0001", "2 6 1, 1 2 2, 0 0 0 1", id="separators-dropped"),
    ],
)
def test_read_digits_says_each_digit_with_a_pause_between_groups(digits, expected):
    """DESIGN.md §3: numbers and reference numbers are read back digit by digit."""
    assert read_digits(digits, "en") == expected


def test_read_digits_is_the_same_text_in_spanish():
    """DESIGN.md §3: numerals let each voice say the digits in its own language, so the text does not change."""
    assert read_digits("2611220001", "es") == read_digits("2611220001", "en")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("04121990", "en", id="keyed-mmddyyyy"),
        pytest.param("04121990#", "es", id="keyed-with-hash-in-spanish"),
        pytest.param("4/12/1990", "en", id="written-m-d-y"),
        pytest.param("April 12 1990", "en", id="english-numerals"),
        pytest.param("April 12th, 1990", "en", id="english-ordinal-numeral"),
        pytest.param("April twelfth nineteen ninety", "en", id="english-words"),
        pytest.param("april twelve nineteen ninety", "en", id="english-cardinal-day"),
        pytest.param("the twelfth of April, 1990", "en", id="english-day-first"),
        pytest.param("12 April 1990", "en", id="english-day-month-year-numerals"),
        pytest.param("12 de abril de 1990", "es", id="spanish-numerals"),
        pytest.param("doce de abril de mil novecientos noventa", "es", id="spanish-words"),
        pytest.param("el doce de abril del 1990", "es", id="spanish-el-and-del"),
    ],
)
def test_parse_date_of_birth_accepts_keyed_and_spoken_dates(text, language):
    """DESIGN.md §3: dates of birth are keyed as MMDDYYYY or spoken."""
    assert parse_date_of_birth(text, language) == date(1990, 4, 12)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        pytest.param("May fifth nineteen oh five", "en", date(1905, 5, 5), id="nineteen-oh-five"),
        pytest.param("January first nineteen hundred", "en", date(1900, 1, 1), id="nineteen-hundred"),
        pytest.param("March twenty first two thousand five", "en", date(2005, 3, 21), id="two-thousand-five"),
        pytest.param("March twenty-one twenty twenty", "en", date(2020, 3, 21), id="twenty-twenty"),
        pytest.param(
            "December thirty first two thousand and twelve", "en", date(2012, 12, 31), id="and-in-year"
        ),
        pytest.param("primero de enero de dos mil", "es", date(2000, 1, 1), id="primero-dos-mil"),
        pytest.param("treinta y uno de diciembre de 1999", "es", date(1999, 12, 31), id="treinta-y-uno"),
        pytest.param(
            "veintitrés de marzo de mil novecientos ochenta y dos",
            "es",
            date(1982, 3, 23),
            id="accents-and-y",
        ),
        pytest.param("1.º de mayo de 1990", "es", date(1990, 5, 1), id="spanish-ordinal-mark"),
        pytest.param("dieciséis de septiembre de dos mil veinte", "es", date(2020, 9, 16), id="dieciseis"),
    ],
)
def test_parse_date_of_birth_reads_spoken_years_and_days(text, language, expected):
    """DESIGN.md §3: spoken dates use the ways people say years and days in each language."""
    assert parse_date_of_birth(text, language) == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        pytest.param("02301990", "en", id="february-30"),
        pytest.param("13011990", "en", id="month-13"),
        pytest.param("0412199", "en", id="seven-digits"),
        pytest.param("April 31 1990", "en", id="april-31"),
        pytest.param("April 12 90", "en", id="two-digit-year"),
        pytest.param("April 12", "en", id="no-year"),
        pytest.param("next Tuesday", "en", id="no-month"),
        pytest.param("April May 12 1990", "en", id="two-months"),
        pytest.param("", "es", id="empty"),
        pytest.param("treinta y dos de enero de 1990", "es", id="day-32"),
        pytest.param("12 April 1990", "es", id="english-month-in-spanish"),
    ],
)
def test_parse_date_of_birth_refuses_what_is_not_a_valid_date(text, language):
    """DESIGN.md §3: a date that does not exist or cannot be read is refused, so the caller is asked again."""
    assert parse_date_of_birth(text, language) is None


@pytest.mark.parametrize(
    ("language", "expected"),
    [pytest.param("en", "April 12, 2026", id="en"), pytest.param("es", "12 de abril de 2026", id="es")],
)
def test_say_date_speaks_a_date_in_each_language(language, expected):
    """Callers hear dates in their own language's order."""
    assert say_date(date(2026, 4, 12), language) == expected


@pytest.mark.parametrize(
    ("moment", "language", "expected"),
    [
        pytest.param("2026-11-30T09:00:00-08:00", "en", "9:00 a.m. Pacific time", id="en-pacific"),
        pytest.param("2026-11-30T09:00:00-08:00", "es", "9:00 a. m., hora del Pacífico", id="es-pacific"),
        pytest.param("2026-11-30T15:30:00-05:00", "en", "3:30 p.m. Eastern time", id="afternoon"),
        pytest.param("2026-11-30T12:00:00-06:00", "en", "12:00 p.m. Central time", id="noon"),
        pytest.param("2026-11-30T00:05:00-05:00", "en", "12:05 a.m. Eastern time", id="just-after-midnight"),
        pytest.param(
            "2026-07-15T10:00:00-05:00", "en", "10:00 a.m. Central time", id="offset-resolved-in-summer"
        ),
    ],
)
def test_say_time_speaks_the_time_of_day_and_its_zone(moment, language, expected):
    """DESIGN.md §4: appointments carry an offset; the caller hears the local time and the zone's name."""
    assert say_time(datetime.fromisoformat(moment), language) == expected


def test_say_time_uses_the_zone_of_a_zoneinfo_instant():
    """An instant in a named zone is spoken in that zone, not converted elsewhere."""
    moment = datetime(2026, 11, 30, 9, 0, tzinfo=ZoneInfo("America/Chicago"))
    assert say_time(moment, "es") == "9:00 a. m., hora del Centro"


def test_say_time_refuses_a_naive_datetime():
    """Without a zone the caller could not be told which 9 a.m. is meant."""
    with pytest.raises(ValueError, match="no time zone"):
        say_time(datetime(2026, 11, 30, 9, 0), "en")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("A 234 567 890", "234567890", id="nine-digits-with-A"),
        pytest.param("A 12 345 678", "012345678", id="eight-digits-padded"),
        pytest.param("A-12345678", "012345678", id="dash"),
        pytest.param("a012345678", "012345678", id="lower-case-a-joined"),
        pytest.param("234567890", "234567890", id="without-A"),
        pytest.param("A two three four five six seven eight nine oh", "234567890", id="english-words"),
        pytest.param("A dos tres cuatro cinco seis siete ocho nueve cero", "234567890", id="spanish-words"),
    ],
)
def test_parse_a_number_gives_nine_digits_zero_padded(text, expected):
    """DOMAIN.md §2.2: an A-number is A + 8 or 9 digits; an 8-digit one is entered with a leading 0."""
    assert parse_a_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A 1234567", id="seven-digits"),
        pytest.param("A 1234567890", id="ten-digits"),
        pytest.param("A", id="letter-only"),
        pytest.param("B 234567890", id="other-letter"),
        pytest.param("A 234 567 89x", id="letter-among-digits"),
    ],
)
def test_parse_a_number_refuses_other_lengths_and_letters(text):
    """DOMAIN.md §2.2: only 8 or 9 digits after an optional A make an A-number."""
    assert parse_a_number(text) is None


@pytest.mark.parametrize("function", [digits_from_speech, read_digits, say_date, parse_date_of_birth])
def test_spoken_functions_refuse_an_unknown_language(function):
    """Only English and Spanish are offered (DOMAIN.md §1.1), so another language is a programming error."""
    argument = date(2026, 4, 12) if function is say_date else "1"
    with pytest.raises(ValueError, match="unknown language"):
        function(argument, "fr")
