"""Opening hours: live assistance, the Military Help Line, federal holidays, DST and spoken schedules."""

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from ivr.rules.directory import load_directory
from ivr.rules.hours import Hours, closed_for_holiday, describe, is_federal_holiday, is_open, next_opening, zone_name

EASTERN = ZoneInfo("America/New_York")
CENTRAL = ZoneInfo("America/Chicago")
UTC = ZoneInfo("UTC")


@pytest.fixture(scope="module")
def live() -> Hours:
    return load_directory().live_assistance


@pytest.fixture(scope="module")
def military() -> Hours:
    hours = load_directory().line("military").hours
    assert hours is not None
    return hours


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        pytest.param("2026-11-23T07:59:00-05:00", False, id="07:59-closed"),
        pytest.param("2026-11-23T08:00:00-05:00", True, id="08:00-open"),
        pytest.param("2026-11-23T19:59:00-05:00", True, id="19:59-open"),
        pytest.param("2026-11-23T19:59:59-05:00", True, id="19:59:59-open"),
        pytest.param("2026-11-23T20:00:00-05:00", False, id="20:00-closed"),
        pytest.param("2026-11-28T12:00:00-05:00", False, id="saturday-closed"),
        pytest.param("2026-11-29T12:00:00-05:00", False, id="sunday-closed"),
    ],
)
def test_live_assistance_is_open_monday_to_friday_8_to_8_eastern(live, moment, expected):
    """DOMAIN.md §1.1: live assistance runs Monday-Friday from 8:00 up to, not including, 20:00 Eastern."""
    assert is_open(live, at(moment)) is expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        pytest.param("2026-11-23T16:59:00-08:00", True, id="16:59-pacific-is-19:59-eastern"),
        pytest.param("2026-11-23T17:00:00-08:00", False, id="17:00-pacific-is-20:00-eastern"),
        pytest.param("2026-11-24T00:59:00+00:00", True, id="00:59-utc-next-day-is-19:59-eastern"),
    ],
)
def test_live_assistance_hours_are_eastern_whatever_zone_the_instant_is_written_in(live, moment, expected):
    """DOMAIN.md §1.1: the 8-to-8 window is Eastern time, so a Pacific caller at 5 p.m. finds it closed."""
    assert is_open(live, at(moment)) is expected


@pytest.mark.parametrize(
    "day",
    [
        pytest.param("2026-07-03", id="independence-day-observed-friday"),
        pytest.param("2027-06-18", id="juneteenth-observed-friday"),
        pytest.param("2021-12-31", id="new-year-2022-observed-in-2021"),
        pytest.param("2026-11-26", id="thanksgiving"),
        pytest.param("2027-07-05", id="independence-day-observed-monday"),
    ],
)
def test_live_assistance_is_closed_on_an_observed_federal_holiday(live, day):
    """DOMAIN.md §1.1 and §7: live assistance is closed all day on a federal holiday's observed weekday."""
    assert not is_open(live, datetime.combine(date.fromisoformat(day), time(12), tzinfo=EASTERN))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        pytest.param("2026-07-03T12:00:00-04:00", True, id="independence-day-observed-friday"),
        pytest.param("2026-07-03T22:00:00-04:00", True, id="the-holiday-evening-too"),
        pytest.param("2026-07-04T12:00:00-04:00", False, id="the-saturday-itself-is-no-working-day"),
        pytest.param("2026-07-02T23:30:00-07:00", True, id="pacific-thursday-night-is-eastern-friday"),
        pytest.param("2026-11-27T12:00:00-05:00", False, id="day-after-thanksgiving"),
    ],
)
def test_closed_for_holiday_is_a_working_weekday_closed_for_a_federal_holiday(live, moment, expected):
    """DOMAIN.md §1.1 and §7: a weekday is closed for a holiday when it is the holiday's observed day, in Eastern time."""
    assert closed_for_holiday(live, at(moment)) is expected


def test_live_assistance_opens_again_the_weekday_after_a_holiday(live):
    """DOMAIN.md §7: only the observed day closes; Monday 2026-07-06 after the observed Friday is open."""
    assert is_open(live, at("2026-07-06T08:00:00-04:00"))


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        pytest.param("2026-03-06T12:00:00+00:00", False, id="friday-before-spring-forward-07:00-EST"),
        pytest.param("2026-03-09T12:00:00+00:00", True, id="monday-after-spring-forward-08:00-EDT"),
        pytest.param("2026-10-30T12:00:00+00:00", True, id="friday-before-fall-back-08:00-EDT"),
        pytest.param("2026-11-02T12:00:00+00:00", False, id="monday-after-fall-back-07:00-EST"),
        pytest.param("2026-11-03T00:59:00+00:00", True, id="monday-after-fall-back-19:59-EST"),
    ],
)
def test_live_assistance_follows_daylight_saving_time(live, moment, expected):
    """DOMAIN.md §7: the window is 8-to-8 on the Eastern wall clock, so the same UTC time flips across DST."""
    assert is_open(live, at(moment)) is expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        pytest.param("2026-11-23T07:59:00-06:00", False, id="07:59-CST-closed"),
        pytest.param("2026-11-23T08:00:00-06:00", True, id="08:00-CST-open"),
        pytest.param("2026-11-23T16:29:00-06:00", True, id="16:29-CST-open"),
        pytest.param("2026-11-23T16:30:00-06:00", False, id="16:30-CST-closed"),
        pytest.param("2026-07-15T16:29:00-05:00", True, id="16:29-CDT-open"),
        pytest.param("2026-07-15T16:30:00-05:00", False, id="16:30-CDT-closed"),
        pytest.param("2026-07-03T10:00:00-05:00", False, id="observed-holiday-closed"),
    ],
)
def test_military_help_line_is_open_8_to_4_30_central_except_federal_holidays(military, moment, expected):
    """seed 001_7dddce98989cf869.txt: the Military Help Line answers Mon-Fri 8 a.m.-4:30 p.m. Central, not on holidays."""
    assert is_open(military, at(moment)) is expected


def test_is_open_refuses_a_naive_datetime(live):
    """A wall-clock time without a zone cannot be placed in the schedule, so it is an error, not a guess."""
    with pytest.raises(ValueError, match="no time zone"):
        is_open(live, datetime(2026, 11, 23, 12, 0))


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        pytest.param("2026-07-03", True, id="2026-independence-day-observed"),
        pytest.param("2026-07-04", True, id="2026-independence-day-itself"),
        pytest.param("2027-06-18", True, id="2027-juneteenth-observed"),
        pytest.param("2021-06-18", True, id="2021-first-juneteenth-observed"),
        pytest.param("2020-06-19", False, id="2020-juneteenth-before-the-law"),
        pytest.param("2021-12-31", True, id="2021-12-31-new-year-2022-observed"),
        pytest.param("2022-06-20", True, id="2022-juneteenth-observed-monday"),
        pytest.param("2028-11-10", True, id="2028-veterans-day-observed-friday"),
        pytest.param("2024-12-24", False, id="christmas-eve-executive-order-is-not-statutory"),
        pytest.param("2026-11-27", False, id="day-after-thanksgiving"),
    ],
)
def test_is_federal_holiday_uses_the_statutory_holidays_with_observed_dates(day, expected):
    """DOMAIN.md §7: 5 U.S.C. 6103 holidays; Saturday is observed Friday, Sunday Monday; one-off closures are not."""
    assert is_federal_holiday(date.fromisoformat(day)) is expected


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        pytest.param("2026-11-23T06:30:00-05:00", "2026-11-23T08:00:00-05:00", id="early-morning-same-day"),
        pytest.param("2026-11-27T20:00:00-05:00", "2026-11-30T08:00:00-05:00", id="friday-evening-to-monday"),
        pytest.param(
            "2026-07-02T20:30:00-04:00", "2026-07-06T08:00:00-04:00", id="over-observed-holiday-weekend"
        ),
        pytest.param(
            "2026-03-07T12:00:00-05:00", "2026-03-09T08:00:00-04:00", id="saturday-before-spring-forward"
        ),
        pytest.param(
            "2021-12-30T21:00:00-05:00", "2022-01-03T08:00:00-05:00", id="over-new-year-observed-in-december"
        ),
    ],
)
def test_next_opening_is_the_next_8_a_m_eastern_on_a_working_day(live, moment, expected):
    """DOMAIN.md §1.1 and §7: a closed line next opens at 8:00 Eastern on the next weekday that is not a holiday."""
    opening = next_opening(live, at(moment))
    assert opening == at(expected)
    assert opening.utcoffset() == at(expected).utcoffset()


def test_next_opening_while_open_is_now(live):
    """A line that is open now needs no wait: the next opening is the instant asked about."""
    now = at("2026-11-23T10:15:00-05:00")
    assert next_opening(live, now) == now


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        pytest.param(
            "en", "Monday through Friday, 8 a.m. to 8 p.m. Eastern time, except federal holidays", id="en"
        ),
        pytest.param(
            "es",
            "de lunes a viernes, de 8 a. m. a 8 p. m., hora del Este, excepto los días feriados federales",
            id="es",
        ),
    ],
)
def test_describe_says_the_live_assistance_hours(live, language, expected):
    """DOMAIN.md §1.1: callers hear the live-assistance hours in their language."""
    assert describe(live, language) == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        pytest.param(
            "en", "Monday through Friday, 8 a.m. to 4:30 p.m. Central time, except federal holidays", id="en"
        ),
        pytest.param(
            "es",
            "de lunes a viernes, de 8 a. m. a 4:30 p. m., hora del Centro, excepto los días feriados federales",
            id="es",
        ),
    ],
)
def test_describe_says_the_military_help_line_hours(military, language, expected):
    """seed 001_7dddce98989cf869.txt: the Military Help Line's hours include the half hour and the Central zone."""
    assert describe(military, language) == expected


@pytest.mark.parametrize(
    ("weekdays", "holidays", "expected"),
    [
        pytest.param(range(7), False, "9 a.m. to 5 p.m. Eastern time", id="every-day-no-holidays-times-only"),
        pytest.param(
            [5], True, "Saturdays, 9 a.m. to 5 p.m. Eastern time, except federal holidays", id="one-day"
        ),
        pytest.param(
            [0, 2, 4], False, "Monday, Wednesday and Friday, 9 a.m. to 5 p.m. Eastern time", id="gaps"
        ),
    ],
)
def test_describe_names_other_day_patterns(weekdays, holidays, expected):
    """Schedules other than Monday-Friday are still spoken as a sentence, not as a list of numbers."""
    hours = Hours(frozenset(weekdays), time(9), time(17), EASTERN, federal_holidays=holidays)
    assert describe(hours, "en") == expected


@pytest.mark.parametrize(
    ("moment", "language", "expected"),
    [
        pytest.param("2026-11-30T09:00:00-08:00", "en", "Pacific time", id="minus-8-in-november-is-pacific"),
        pytest.param(
            "2026-07-30T09:00:00-07:00", "en", "Pacific time", id="minus-7-in-july-is-pacific-daylight"
        ),
        pytest.param("2026-01-15T09:00:00-07:00", "en", "Mountain time", id="minus-7-in-january-is-mountain"),
        pytest.param("2026-07-15T09:00:00-05:00", "es", "hora del Centro", id="minus-5-in-july-is-central"),
        pytest.param("2026-01-15T09:00:00-05:00", "es", "hora del Este", id="minus-5-in-january-is-eastern"),
        pytest.param("2026-01-15T09:00:00-03:00", "en", "UTC-3", id="offset-no-us-zone-has"),
    ],
)
def test_zone_name_finds_the_us_zone_of_a_utc_offset_at_that_instant(moment, language, expected):
    """Case data writes offsets (DESIGN.md §4); the caller hears the zone that has that offset on that date."""
    assert zone_name(at(moment), language) == expected


def test_zone_name_of_a_zone_outside_the_us_is_its_city():
    """An overseas instant is named for its zone's city rather than mislabelled with a US zone."""
    moment = datetime(2026, 11, 23, 9, tzinfo=ZoneInfo("America/Bogota"))
    assert zone_name(moment, "en") == "Bogota time"


def test_hours_refuse_a_closing_time_not_after_the_opening_time():
    """A schedule that closes before it opens is a mistake caught when the value is built."""
    with pytest.raises(ValueError, match="before closes"):
        Hours(frozenset({0}), time(20), time(8), EASTERN, federal_holidays=True)
