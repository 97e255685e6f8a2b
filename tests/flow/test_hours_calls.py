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
