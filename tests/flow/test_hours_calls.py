"""Hours in whole calls: the IVR answers 24/7, representatives keep published hours (seed 003; DOMAIN.md §1.1, §7)."""

import pytest

HOURS = {
    "en": "Monday through Friday, 8 a.m. to 8 p.m. Eastern time, except federal holidays",
    "es": "de lunes a viernes, de 8 a. m. a 8 p. m., hora del Este, excepto los días feriados federales",
}


@pytest.mark.parametrize(
    ("clock", "tier"),
    [
        pytest.param("2026-11-23T08:00:00-05:00", "tier1", id="monday-8:00-opens"),
        pytest.param("2026-11-23T07:59:00-05:00", "ivr", id="monday-7:59"),
        pytest.param("2026-11-23T19:59:00-05:00", "tier1", id="monday-19:59"),
        pytest.param("2026-11-23T20:00:00-05:00", "ivr", id="monday-20:00-closed"),
        pytest.param("2026-11-26T12:00:00-05:00", "ivr", id="thanksgiving"),
        pytest.param("2026-07-03T12:00:00-04:00", "ivr", id="independence-day-observed-friday"),
        pytest.param("2026-07-06T12:00:00-04:00", "tier1", id="monday-after-observed-holiday"),
        pytest.param("2026-11-28T12:00:00-05:00", "ivr", id="saturday"),
        pytest.param("2026-11-23T17:00:00-08:00", "ivr", id="pacific-17:00-is-eastern-20:00"),
    ],
)
def test_a_representative_is_reached_only_in_live_assistance_hours(dial, clock, tier):
    """DOMAIN.md §1.1 and §7: Monday-Friday 8 a.m.-8 p.m. Eastern, except federal holidays and their observed days."""
    call = dial(CLOCK=clock)
    assert call.call.press("0").tier == tier


def test_outside_hours_a_representative_request_hears_the_hours_and_self_service(dial):
    """Outside live-assistance hours a request for a representative hears the hours and the self-service options."""
    for language in ("en", "es"):
        call = dial(language=language, CLOCK="2026-11-23T20:00:00-05:00")
        turn = call.call.say({"en": "representative", "es": "representante"}[language])
        assert HOURS[language] in turn.text
        assert {"en": "For your case status, press 1.", "es": "Para el estado de su caso, oprima 1."}[language] in turn.text
        assert turn.state == "main_menu"


@pytest.mark.parametrize("clock", ["2026-11-29T03:00:00-05:00", "2026-11-26T23:30:00-05:00"], ids=["sunday-3am", "thanksgiving-night"])
def test_the_ivr_answers_at_any_hour(dial, clock):
    """Seed 003: the IVR is available 24 hours a day, 7 days a week, self-service included."""
    call = dial(CLOCK=clock)
    call.main("1")
    assert "Case Was Received." in call.verify("WAC2690250102", "1990-04-12").text


def test_the_hours_option_says_both_schedules(caller):
    """Seed 003 and DOMAIN.md §1.1: 24/7 automated line, representatives' published hours."""
    turn = caller.main("8")
    assert {"en": "available 24 hours a day, 7 days a week", "es": "las 24 horas del día, los 7 días de la semana"}[caller.language] in turn.text
    assert HOURS[caller.language] in turn.text


REOPENS = {
    "en": "Representatives will be available again on Monday, July 6, 2026, at 8:00 a.m. Eastern time.",
    "es": "Los representantes estarán disponibles de nuevo el lunes 6 de julio de 2026, a las 8:00 a. m., hora del Este.",
}
HOLIDAY = {"en": "Today is a federal holiday.", "es": "Hoy es un día feriado federal."}


@pytest.mark.parametrize("language", ["en", "es"])
def test_on_a_holiday_observed_on_a_friday_the_caller_hears_why_and_when_representatives_return(dial, language):
    """DOMAIN.md §1.1 and §7 (Saturday holidays are observed the Friday before): on Friday, July 3, 2026, at noon,
    a caller asking for a representative hears that today is a federal holiday and when representatives return."""
    call = dial(language=language, CLOCK="2026-07-03T12:00:00-04:00")
    turn = call.call.press("0")
    assert turn.tier == "ivr"
    assert HOLIDAY[language] in turn.text
    assert REOPENS[language] in turn.text


def test_after_hours_the_caller_hears_when_representatives_return(dial):
    """DOMAIN.md §1.1: at 8 p.m. Eastern on a Friday, representatives return Monday at 8 a.m.; it is no holiday."""
    call = dial(CLOCK="2026-11-27T20:00:00-05:00")
    turn = call.call.press("0")
    assert "Representatives will be available again on Monday, November 30, 2026, at 8:00 a.m. Eastern time." in turn.text
    assert HOLIDAY["en"] not in turn.text


def test_the_hours_option_on_a_holiday_says_representatives_are_closed_today(dial):
    """DOMAIN.md §7: the hours answer on an observed federal holiday (Monday, July 5, 2027) says today is one."""
    call = dial(CLOCK="2027-07-05T10:00:00-04:00")
    turn = call.main("8")
    assert HOLIDAY["en"] in turn.text
    assert "Representatives will be available again on Tuesday, July 6, 2027, at 8:00 a.m. Eastern time." in turn.text


def test_the_hours_option_while_representatives_answer_adds_nothing(dial):
    """DOMAIN.md §1.1: in live-assistance hours the hours answer gives the schedule and no reopening time."""
    call = dial(CLOCK="2026-11-23T10:00:00-05:00")
    turn = call.main("8")
    assert "available again" not in turn.text
