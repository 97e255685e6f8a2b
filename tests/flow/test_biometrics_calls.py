"""Biometrics appointments by phone, in whole calls (seed 000_183b307099edfec1.txt; DOMAIN.md §3)."""

import re

import pytest

RAFAEL = ("EAC2690150101", "1987-02-28")  # Dec 8 9:00 Eastern, Saint Albans, never rescheduled
ANA = ("WAC2690250102", "1990-04-12")  # Dec 14 13:30 Pacific, Los Angeles, rescheduled once
MEI_LIN = ("LIN2690350103", "1979-09-03")  # rescheduled twice
OLUWASEUN = ("SRC2690450104", "1993-06-17")  # today 15:00 Central (16:00 Eastern)
INGRID = ("MSC2690550105", "1968-12-01")  # Friday Nov 20: passed
LENA = ("SIM2790950109", "1984-03-09")  # I-800A adoption
DMITRI = ("IOE0990750107", "1958-05-22")  # no biometrics on file

RESCHEDULE = {"en": "reschedule", "es": "cambiar"}
BOOK = {"en": "book it", "es": "reservar"}
FIRST = {"en": "the first one", "es": "la primera"}
CONFIRMATION = re.compile(r"(?:confirmation number is|número de confirmación es) (\d \d \d, \d \d \d, \d \d \d \d)\.")


def reschedule_first_slot(call, case):
    call.main("2")
    call.verify(*case)
    call.choose("1", RESCHEDULE)
    call.choose("1", FIRST)
    return call.choose("1", BOOK)


def test_a_verified_caller_hears_the_date_time_and_place(caller):
    """Seed 000: the caller hears the appointment on file: date, time and support center."""
    caller.main("2")
    turn = caller.verify(*RAFAEL)
    expected = {
        "en": "Your biometrics appointment is on Tuesday, December 8, 2026, at 9:00 a.m. Eastern time, at the Saint Albans Application Support Center.",
        "es": "Su cita de servicios biométricos es el martes 8 de diciembre de 2026, a las 9:00 a. m., hora del Este, en el Centro de Apoyo de Solicitudes de Saint Albans.",
    }[caller.language]
    assert expected in turn.text
    assert turn.state == "biometrics.menu"


def test_the_appointment_is_said_in_its_own_time_zone(dial):
    """An appointment in Los Angeles is said in Pacific time."""
    call = dial()
    call.main("2")
    assert "Monday, December 14, 2026, at 1:30 p.m. Pacific time" in call.verify(*ANA).text


def test_offered_times_are_at_the_same_support_center_on_business_days(dial):
    """Seed 000 (rescheduling tool): new times at the same support center; none on a weekend or federal holiday."""
    call = dial()
    call.main("2")
    call.verify(*RAFAEL)
    turn = call.call.press("1")
    assert turn.state == "biometrics.slots"
    assert turn.text.startswith("These times are available at the Saint Albans Application Support Center.")
    offered = re.findall(r"For (\w+), (\w+ \d+, 2026), at [^,]+, press \d\.", turn.text)
    assert [day for day, _ in offered] == ["Wednesday", "Friday", "Monday"]
    assert "November 26, 2026" not in turn.text  # Thanksgiving


def test_a_rescheduled_appointment_gets_a_confirmation_number_read_digit_by_digit(caller):
    """Seed 000: the caller picks an offered time and hears a confirmation number, digit by digit, twice."""
    turn = reschedule_first_slot(caller, RAFAEL)
    numbers = CONFIRMATION.findall(turn.text)
    assert len(numbers) == 2 and numbers[0] == numbers[1]
    assert turn.state == "biometrics.after"


def test_the_new_appointment_and_count_persist_for_the_next_call(caller):
    """The new appointment and the incremented reschedule count live in the database: a new call hears them."""
    booked = reschedule_first_slot(caller, RAFAEL)
    assert {"en": "Wednesday, November 25, 2026, at 9:00 a.m.", "es": "miércoles 25 de noviembre de 2026, a las 9:00 a. m."}[
        caller.language
    ] in booked.text
    next_call = caller.again()
    next_call.main("2")
    heard = next_call.verify(*RAFAEL).text
    assert {"en": "is on Wednesday, November 25, 2026, at 9:00 a.m. Eastern time", "es": "es el miércoles 25 de noviembre de 2026"}[
        caller.language
    ] in heard
    assert next_call.runtime.calls.cases.get(RAFAEL[0]).biometrics.times_rescheduled == 0  # the file is untouched
    update = next(e for e in caller.effects() if e["kind"] == "case_updated")
    assert update["changes"]["biometrics"]["times_rescheduled"] == 1


def test_the_reschedule_is_recorded_with_its_confirmation_in_the_transcript(dial):
    """The transcript keeps the rescheduling (receipt, old and new time, confirmation)."""
    call = dial()
    turn = reschedule_first_slot(call, RAFAEL)
    recorded = next(e for e in call.effects() if e["kind"] == "biometrics_rescheduled")
    assert recorded["previous_appointment"] == "2026-12-08T09:00:00-05:00"
    assert recorded["appointment"] == "2026-11-25T09:00:00-05:00"
    assert " ".join(recorded["confirmation"]) in turn.text.replace(",", "")


def test_one_earlier_reschedule_still_allows_self_service(dial):
    """Seed 000: an appointment rescheduled once may be rescheduled again by self-service."""
    call = dial()
    assert reschedule_first_slot(call, ANA).state == "biometrics.after"


def test_the_second_reschedule_makes_the_next_one_a_representatives_matter(dial):
    """Seed 000: once rescheduled two times, the tool refuses; the count persisted from the previous call decides."""
    call = dial()
    reschedule_first_slot(call, ANA)
    next_call = call.again()
    next_call.main("2")
    next_call.verify(*ANA)
    turn = next_call.call.press("1")
    assert "already been rescheduled two or more times" in turn.text
    assert turn.tier == "tier1"


@pytest.mark.parametrize(
    ("case", "reason", "says"),
    [
        pytest.param(MEI_LIN, "rescheduled_twice", {"en": "already been rescheduled two or more times", "es": "ya se cambió dos o más veces"}, id="rescheduled-twice"),
        pytest.param(OLUWASEUN, "within_12_hours", {"en": "less than 12 hours away", "es": "Faltan menos de 12 horas"}, id="within-12-hours"),
        pytest.param(LENA, "adoption_form", {"en": "I-600, I-600A, I-800 or I-800A", "es": "I-600, I-600A, I-800 o I-800A"}, id="adoption-form"),
        pytest.param(INGRID, "passed", {"en": "untimely request: only the Contact Center takes it", "es": "solicitud tardía: solo el Centro de Contacto la recibe"}, id="passed-untimely"),
    ],
)
def test_a_refused_caller_hears_why_and_goes_to_a_representative_with_the_reason(caller, case, reason, says):
    """Seed 000: self-service refuses these; the caller hears why and a representative records a good cause."""
    caller.main("2")
    caller.verify(*case)
    turn = caller.choose("1", RESCHEDULE)
    assert says[caller.language] in turn.text
    assert turn.tier == "tier1"
    session = caller.session()
    assert session.vars["handoff_topic"] == "biometrics_reschedule"
    assert session.vars["handoff_reason"] == reason


@pytest.mark.parametrize(
    ("clock", "offered"),
    [
        pytest.param("2026-11-23T03:59:00-05:00", True, id="12h-and-a-minute-ahead"),
        pytest.param("2026-11-23T04:00:00-05:00", True, id="exactly-12h-ahead"),
        pytest.param("2026-11-23T04:01:00-05:00", False, id="a-minute-inside-12h"),
    ],
)
def test_the_12_hour_limit_at_its_edges(dial, clock, offered):
    """Seed 000: not within 12 hours of the appointment (16:00 Eastern); exactly 12 hours ahead is still allowed."""
    call = dial(CLOCK=clock)
    call.main("2")
    call.verify(*OLUWASEUN)
    turn = call.call.press("1")
    assert (turn.state == "biometrics.slots") is offered
    assert ("less than 12 hours away" in turn.text) is not offered


def test_a_refusal_outside_live_assistance_hours_gives_the_hours(dial):
    """A refused caller at 4 a.m. cannot reach a representative: they hear the hours and the main menu."""
    call = dial(CLOCK="2026-11-23T04:01:00-05:00")
    call.main("2")
    call.verify(*OLUWASEUN)
    turn = call.call.press("1")
    assert "Our representatives are not available now." in turn.text
    assert "Monday through Friday, 8 a.m. to 8 p.m. Eastern time" in turn.text
    assert turn.state == "main_menu"


def test_a_passed_appointment_is_said_as_past(dial):
    """Seed 000: an appointment whose time has come has passed."""
    call = dial()
    call.main("2")
    turn = call.verify(*INGRID)
    assert "Your biometrics appointment was on Friday, November 20, 2026" in turn.text
    assert "That time has passed." in turn.text


def test_a_case_without_an_appointment_is_told_none_is_scheduled(dial):
    """DOMAIN.md §1.3: the Contact Center reschedules but cannot schedule a first appointment."""
    call = dial()
    call.main("2")
    turn = call.verify(*DMITRI)
    assert "There is no biometrics appointment on file for this case." in turn.text
    assert turn.state == "main_menu"


def test_other_times_offer_three_later_ones(dial):
    """The caller who cannot make the first three times hears three later ones."""
    call = dial()
    call.main("2")
    call.verify(*RAFAEL)
    first = call.call.press("1")
    later = call.call.press("4")
    assert later.state == "biometrics.slots"
    assert "Monday, November 30, 2026" in first.text and "Monday, November 30, 2026" not in later.text
    assert "Tuesday, December 1, 2026" in later.text


def test_other_times_stop_after_nine(dial):
    """After two pages of later times, the option for other times is no longer offered."""
    call = dial()
    call.main("2")
    call.verify(*RAFAEL)
    call.call.press("1")
    call.call.press("4")
    third = call.call.press("4")
    assert "For other times, press 4." not in third.text
    assert "For keeping your current appointment, press 9." in third.text


def test_keeping_the_current_appointment_changes_nothing(dial):
    """A caller who keeps the appointment leaves it as it was."""
    call = dial()
    call.main("2")
    call.verify(*RAFAEL)
    call.call.press("1")
    assert "Your appointment has not changed." in call.call.press("9").text
    assert not call.effects()


def test_choosing_another_time_goes_back_to_the_offered_times(dial):
    """At the read-back of a chosen time, the caller may choose another."""
    call = dial()
    call.main("2")
    call.verify(*RAFAEL)
    call.call.press("1")
    call.call.press("2")
    assert call.call.press("2").state == "biometrics.slots"


def test_the_caller_hears_what_to_bring(dial):
    """DOMAIN.md §3: bring the notice and a photo ID."""
    call = dial()
    call.main("2")
    call.verify(*RAFAEL)
    assert "Bring your appointment notice and a valid photo identification" in call.call.press("3").text


def test_the_representative_is_handed_the_refusal_and_asks_for_a_good_cause(dial):
    """Seed 000: the representative who takes a refused request records a good cause from the six reasons."""
    from ivr.rules.biometrics import GOOD_CAUSES

    call = dial()
    call.main("2")
    call.verify(*MEI_LIN)
    turn = call.call.press("1")
    assert turn.tier == "tier1"
    for cause in GOOD_CAUSES:
        assert cause.en in turn.text
