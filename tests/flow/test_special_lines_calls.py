"""USCIS special lines in whole calls (seed 001_7dddce98989cf869.txt, Telephonic Inquiries)."""

import pytest

MILITARY_EMAIL = {
    "en": "This simulator uses an example address: military dot helpline at example dot org",
    "es": "Este simulador usa una dirección de ejemplo: military punto helpline arroba example punto org",
}


@pytest.mark.parametrize(
    ("key", "said", "number"),
    [
        pytest.param("1", {"en": "TDD", "es": "TDD"}, "1, 8 0 0, 7 6 7, 1 8 3 3", id="tdd"),
        pytest.param("2", {"en": "military", "es": "militares"}, "1, 8 7 7, 2 4 7, 4 6 4 5", id="military"),
        pytest.param("3", {"en": "premium processing", "es": "procesamiento prioritario"}, "1, 8 6 6, 3 1 5, 5 7 1 8", id="premium-processing"),
        pytest.param("4", {"en": "Hague adoptions", "es": "adopciones"}, "1, 8 7 7, 4 2 4, 8 3 7 4", id="hague-adoptions"),
    ],
)
def test_each_special_line_is_read_digit_by_digit(caller, key, said, number):
    """Seed 001: the TDD, Military Help Line, Premium Processing and Hague Adoptions numbers, digit by digit."""
    caller.main("5")
    turn = caller.choose(key, said)
    assert number in turn.text
    assert turn.state == "special_lines.menu"


@pytest.mark.parametrize(
    ("clock", "open_"),
    [
        pytest.param("2026-11-23T09:00:00-05:00", True, id="monday-8am-central"),
        pytest.param("2026-11-23T08:59:00-05:00", False, id="monday-7:59am-central"),
        pytest.param("2026-11-23T17:29:00-05:00", True, id="monday-4:29pm-central"),
        pytest.param("2026-11-23T17:30:00-05:00", False, id="monday-4:30pm-central"),
        pytest.param("2026-11-26T12:00:00-05:00", False, id="thanksgiving"),
        pytest.param("2026-07-03T12:00:00-04:00", False, id="independence-day-observed-friday"),
        pytest.param("2026-11-28T12:00:00-05:00", False, id="saturday"),
    ],
)
def test_the_military_line_gives_an_e_mail_address_after_hours(dial, clock, open_):
    """Seed 001: Monday-Friday 8 a.m. to 4:30 p.m. Central except federal holidays; after hours, an e-mail address."""
    call = dial(CLOCK=clock)
    call.main("5")
    turn = call.call.press("2")
    assert "It is answered Monday through Friday, 8 a.m. to 4:30 p.m. Central time, except federal holidays" in turn.text
    assert (MILITARY_EMAIL["en"] in turn.text) is not open_


def test_the_military_line_after_hours_in_spanish(dial):
    """Seed 001: the after-hours e-mail address is given in Spanish too."""
    call = dial(language="es", CLOCK="2026-11-23T20:00:00-05:00")
    call.main("5")
    turn = call.call.press("2")
    assert "así que ahora está cerrada" in turn.text
    assert MILITARY_EMAIL["es"] in turn.text


def test_the_special_lines_menu_returns_to_the_main_menu(dial):
    """Option 9 of a submenu is the main menu."""
    call = dial()
    call.main("5")
    assert call.call.press("9").state == "main_menu"
