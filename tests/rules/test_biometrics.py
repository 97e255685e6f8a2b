"""Rescheduling a biometrics appointment (seed 000_183b307099edfec1.txt, DOMAIN.md §3)."""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from ivr.rules.biometrics import (
    ADOPTION_FORMS,
    GOOD_CAUSES,
    Refusal,
    is_untimely,
    offer_slots,
    self_service_refusal,
)
from ivr.rules.hours import is_federal_holiday

NOW = datetime.fromisoformat("2026-11-23T10:00:00-05:00")  # a Monday, the demo clock
FAR = datetime.fromisoformat("2026-12-08T09:00:00-05:00")
MINUTE = timedelta(minutes=1)


def test_a_timely_appointment_may_be_rescheduled_by_self_service():
    """seed 000_183b307099edfec1.txt: an appointment more than 12 hours ahead, rescheduled less than twice, may be moved."""
    assert self_service_refusal(FAR, 1, "I-485", NOW) is None


@pytest.mark.parametrize(
    "appointment",
    [pytest.param(NOW, id="at-the-appointment-time"), pytest.param(NOW - MINUTE, id="a-minute-after")],
)
def test_an_appointment_that_has_come_is_refused_as_passed(appointment):
    """seed 000_183b307099edfec1.txt: the tool cannot reschedule an appointment that has already passed."""
    assert self_service_refusal(appointment, 0, "I-485", NOW) is Refusal.PASSED


@pytest.mark.parametrize(
    ("ahead", "expected"),
    [
        pytest.param(timedelta(hours=12) - MINUTE, Refusal.WITHIN_12_HOURS, id="11h59-refused"),
        pytest.param(timedelta(hours=12), None, id="exactly-12h-allowed"),
        pytest.param(timedelta(hours=12) + MINUTE, None, id="12h01-allowed"),
        pytest.param(MINUTE, Refusal.WITHIN_12_HOURS, id="one-minute-ahead-refused"),
    ],
)
def test_an_appointment_less_than_12_hours_ahead_is_refused(ahead, expected):
    """seed 000_183b307099edfec1.txt: the tool cannot reschedule an appointment that is within 12 hours."""
    assert self_service_refusal(NOW + ahead, 0, "I-485", NOW) is expected


def test_the_12_hours_are_counted_between_instants_not_wall_clocks():
    """seed 000_183b307099edfec1.txt: 21:59 Eastern to 09:58 Pacific next day is 14h59, so it is allowed."""
    now = datetime.fromisoformat("2026-11-23T21:59:00-05:00")
    appointment = datetime.fromisoformat("2026-11-24T09:58:00-08:00")
    assert self_service_refusal(appointment, 0, "I-485", now) is None


@pytest.mark.parametrize(
    ("times", "expected"),
    [
        pytest.param(0, None, id="never"),
        pytest.param(1, None, id="once"),
        pytest.param(2, Refusal.RESCHEDULED_TWICE, id="twice"),
        pytest.param(3, Refusal.RESCHEDULED_TWICE, id="three-times"),
    ],
)
def test_an_appointment_rescheduled_two_or_more_times_is_refused(times, expected):
    """seed 000_183b307099edfec1.txt: the tool cannot reschedule an appointment already rescheduled two or more times."""
    assert self_service_refusal(FAR, times, "I-485", NOW) is expected


@pytest.mark.parametrize("form", ["I-600", "I-600A", "I-800", "I-800A", "i800a", "I 600a"])
def test_an_adoption_form_is_refused(form):
    """DOMAIN.md §3: online rescheduling is not available for I-600, I-600A, I-800 and I-800A, however written."""
    assert self_service_refusal(FAR, 0, form, NOW) is Refusal.ADOPTION_FORM


def test_the_adoption_forms_are_the_four_of_domain_section_3():
    """DOMAIN.md §3: exactly the orphan and Hague adoption forms are excluded."""
    assert ADOPTION_FORMS == {"I-600", "I-600A", "I-800", "I-800A"}


@pytest.mark.parametrize(
    ("appointment", "times", "form", "expected"),
    [
        pytest.param(NOW - MINUTE, 2, "I-800A", Refusal.PASSED, id="passed-beats-all"),
        pytest.param(NOW + MINUTE, 2, "I-800A", Refusal.ADOPTION_FORM, id="adoption-beats-twice-and-12h"),
        pytest.param(NOW + MINUTE, 2, "I-485", Refusal.RESCHEDULED_TWICE, id="twice-beats-12h"),
    ],
)
def test_when_several_refusals_apply_the_most_lasting_one_wins(appointment, times, form, expected):
    """seed 000_183b307099edfec1.txt: passed first, then adoption form, then two reschedules, then the 12 hours."""
    assert self_service_refusal(appointment, times, form, NOW) is expected


def test_a_negative_reschedule_count_is_an_error():
    """A negative count can only come from broken data, so it is not read as 'never rescheduled'."""
    with pytest.raises(ValueError, match="negative"):
        self_service_refusal(FAR, -1, "I-485", NOW)


def test_self_service_refusal_refuses_naive_datetimes():
    """Without zones the 12-hour rule could be off by the caller's offset, so naive instants are errors."""
    with pytest.raises(ValueError, match="no time zone"):
        self_service_refusal(FAR.replace(tzinfo=None), 0, "I-485", NOW)


@pytest.mark.parametrize(
    ("appointment", "expected"),
    [
        pytest.param(NOW + MINUTE, False, id="before"),
        pytest.param(NOW, True, id="at"),
        pytest.param(NOW - MINUTE, True, id="after"),
    ],
)
def test_a_request_is_untimely_once_the_appointment_time_has_come(appointment, expected):
    """seed 000_183b307099edfec1.txt: a request is timely only before the appointment; later ones go to the Contact Center."""
    assert is_untimely(appointment, NOW) is expected


def test_good_causes_are_the_six_reasons_of_seed_000_in_order():
    """seed 000_183b307099edfec1.txt: illness, travel, life event, transportation, work or care, notice not received."""
    assert [cause.code for cause in GOOD_CAUSES] == [
        "illness",
        "travel",
        "life_event",
        "transportation",
        "work_or_care",
        "notice_not_received",
    ]


@pytest.mark.parametrize("cause", GOOD_CAUSES, ids=[cause.code for cause in GOOD_CAUSES])
def test_each_good_cause_unpacks_as_code_english_spanish(cause):
    """seed 000_183b307099edfec1.txt: each reason can be offered in English and Spanish."""
    code, english, spanish = cause
    assert code and english and spanish and english != spanish


def test_offer_slots_gives_three_slots_by_default():
    """DOMAIN.md §3: the caller picks a new time from a short list."""
    assert len(offer_slots(FAR, NOW)) == 3


def test_offer_slots_starts_two_business_days_after_now_and_skips_holidays():
    """DOMAIN.md §7: from Monday 2026-11-23 the first slot is Wednesday; Thanksgiving Thursday is skipped."""
    assert [slot.date() for slot in offer_slots(FAR, NOW)] == [
        date(2026, 11, 25),
        date(2026, 11, 27),
        date(2026, 11, 30),
    ]


def test_offer_slots_counts_business_days_over_a_weekend():
    """A call on Friday gets its first slot on Tuesday, two business days later."""
    friday = datetime.fromisoformat("2026-12-04T10:00:00-05:00")
    assert offer_slots(FAR + timedelta(days=30), friday)[0].date() == date(2026, 12, 8)


def test_offer_slots_are_on_weekdays_that_are_not_federal_holidays_between_8_and_4():
    """DOMAIN.md §3 and §7: support centers work weekdays 8 a.m.-4 p.m. local time, not on federal holidays."""
    slots = offer_slots(FAR, NOW, count=30)
    assert len(slots) == 30
    for slot in slots:
        assert slot.weekday() < 5 and not is_federal_holiday(slot.date())
        assert time(8) <= slot.time() < time(16)


def test_offer_slots_are_in_the_appointments_own_local_time():
    """An appointment in Los Angeles gets Pacific slots: 9:00 there, not 9:00 Eastern."""
    appointment = datetime.fromisoformat("2026-11-30T09:00:00-08:00")
    first = offer_slots(appointment, NOW)[0]
    assert (first.time(), first.utcoffset()) == (time(9), timedelta(hours=-8))


def test_offer_slots_keep_local_hours_across_a_dst_change():
    """An offset-only appointment before DST still gets 9:00 local after the change (UTC-7, not UTC-8)."""
    appointment = datetime.fromisoformat("2026-03-05T09:00:00-08:00")
    now = datetime.fromisoformat("2026-03-05T08:00:00-08:00")
    first = offer_slots(appointment, now)[0]
    assert (first.date(), first.time(), first.utcoffset()) == (date(2026, 3, 9), time(9), timedelta(hours=-7))


def test_offer_slots_never_offers_the_current_appointment():
    """Moving an appointment to the very slot it already has is no reschedule."""
    appointment = datetime.fromisoformat("2026-11-25T09:00:00-05:00")  # what would be the first slot
    slots = offer_slots(appointment, NOW, count=10)
    assert appointment not in slots
    assert slots[0].date() == date(2026, 11, 25)


def test_offer_slots_is_deterministic():
    """The same call offers the same slots, so a replayed call hears what the recorded call heard."""
    assert offer_slots(FAR, NOW) == offer_slots(FAR, NOW)


def test_offer_slots_alternates_morning_and_afternoon():
    """A caller who cannot come in the morning finds an afternoon time among the first offers."""
    hours = [slot.hour for slot in offer_slots(FAR, NOW)]
    assert min(hours) < 12 <= max(hours)
