"""Rescheduling a biometric services appointment (seed 000_183b307099edfec1.txt; DOMAIN.md §3).

Owns the rules: when a caller may reschedule by phone self-service and why
not, the good causes a request may give, which new times to offer, the
confirmation number of a new appointment, and whether a request is untimely.
Pure: every function takes `now`; nothing reads the clock, a file or the
store.  All instants must carry a time zone.

Self-service follows the online tool's limits in seed 000: not for an
appointment that has passed, is within 12 hours, or was already rescheduled
two or more times, and not for the adoption forms I-600, I-600A, I-800 and
I-800A (DOMAIN.md §3).  A refused caller is not turned away: the Contact
Center's live assistance may still take the request, and only it takes
untimely ones (seed 000).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import NamedTuple

from ivr.rules.hours import is_federal_holiday, local_zone

ADOPTION_FORMS = frozenset({"I-600", "I-600A", "I-800", "I-800A"})
"""Forms the online rescheduling tool does not serve (DOMAIN.md §3)."""

SELF_SERVICE_NOTICE = timedelta(hours=12)
"""An appointment less than this far ahead cannot be rescheduled by self-service (seed 000)."""

MAX_SELF_SERVICE_RESCHEDULES = 2
"""An appointment already rescheduled this many times or more cannot be rescheduled by self-service (seed 000)."""

LEAD_BUSINESS_DAYS = 2
"""Offered slots start at least this many business days after the call, so a new notice can reach the caller."""

# Application Support Center slots (simulated: the sources give no ASC hours).  Hourly
# starts from 8 a.m.; the last starts at 3 p.m. so it ends by 4 p.m.  Offers alternate
# morning and afternoon so that a caller who cannot make one can take the other.
SLOT_TIMES = (time(9), time(13), time(10), time(14), time(8), time(15), time(11), time(12))

_SEARCH_DAYS = 366

CONFIRMATION_SEQUENCE = "confirmation"
"""The store's counter confirmation numbers are drawn from: one count for every booking (biometrics and
field office appointments), never restarted (`ivr.store.base.UNDATED_SEQUENCES`)."""
CONFIRMATION_NUMBERS = 9 * 10**9
"""How many distinct confirmation numbers there are: every ten-digit number from 1000000000, each given once."""
_FIRST = 10**9
_HALF = 10**5
_ROUND_KEYS = ("confirmation-1", "confirmation-2", "confirmation-3", "confirmation-4")


class Refusal(StrEnum):
    """Why phone self-service cannot reschedule an appointment (seed 000)."""

    PASSED = "passed"
    WITHIN_12_HOURS = "within_12_hours"
    RESCHEDULED_TWICE = "rescheduled_twice"
    ADOPTION_FORM = "adoption_form"


class GoodCause(NamedTuple):
    """A reason that is good cause to reschedule; unpacks as (code, en, es)."""

    code: str
    en: str
    es: str


GOOD_CAUSES: tuple[GoodCause, ...] = (
    GoodCause(
        "illness",
        "illness, a medical appointment, or hospitalization",
        "enfermedad, una cita médica u hospitalización",
    ),
    GoodCause("travel", "previously planned travel", "un viaje planificado con anterioridad"),
    GoodCause(
        "life_event",
        "a significant life event, such as a wedding, funeral, or graduation ceremony",
        "un acontecimiento importante, como una boda, un funeral o una ceremonia de graduación",
    ),
    GoodCause(
        "transportation",
        "being unable to get transportation to the appointment",
        "no poder conseguir transporte al lugar de la cita",
    ),
    GoodCause(
        "work_or_care",
        "being unable to get leave from work or from caregiver responsibilities",
        "no poder obtener permiso en el trabajo o dejar sus responsabilidades de cuidado",
    ),
    GoodCause(
        "notice_not_received",
        "an appointment notice that arrived late or never arrived",
        "un aviso de cita que llegó tarde o que no llegó",
    ),
)


class OfficerReason(NamedTuple):
    """A reason outside GOOD_CAUSES that a Tier 2 officer decides; unpacks as (code, en, es, good_cause)."""

    code: str
    en: str
    es: str
    good_cause: bool


OFFICER_REASONS: tuple[OfficerReason, ...] = (
    # Seed 000: good cause is "sufficient reason for the benefit requestor's inability to appear on
    # the scheduled date", and the six GOOD_CAUSES are "not limited to".  These are the simulator's
    # training examples for the officer's decision: the first four keep a person from appearing,
    # the last two do not.
    OfficerReason("court_or_jury_duty", "a court date or jury duty", "una fecha en la corte o el servicio como jurado", True),
    OfficerReason("military_orders", "military orders or a deployment", "órdenes militares o un despliegue", True),
    OfficerReason("disaster_or_weather", "a natural disaster or severe weather", "un desastre natural o un mal tiempo grave", True),
    OfficerReason(
        "family_emergency",
        "a family emergency, such as a relative's serious illness or death",
        "una emergencia familiar, como la enfermedad grave o la muerte de un familiar",
        True,
    ),
    OfficerReason("preference", "preferring another date or time", "preferir otra fecha u hora", False),
    OfficerReason("forgot", "having forgotten the appointment", "haber olvidado la cita", False),
)
"""What a Tier 2 officer decides for a reason outside seed 000's list (issue 12: Tier 2 decides)."""
"""The six good causes of seed 000, in its order."""


def self_service_refusal(
    appointment: datetime, times_rescheduled: int, form: str, now: datetime
) -> Refusal | None:
    """Why self-service may not reschedule this appointment, or None when it may (seed 000).

    When several apply, the one that decides what the caller must do next wins:
    PASSED (only an untimely request to live assistance is left), then
    ADOPTION_FORM and RESCHEDULED_TWICE (true of the case whatever the time, so
    calling back later will not help), then WITHIN_12_HOURS (the only one that
    depends on how soon the appointment is).  Exactly 12 hours ahead is not
    "within 12 hours": the refusal starts when less than 12 hours remain.
    """
    _require_aware(appointment, now)
    if times_rescheduled < 0:
        raise ValueError(f"times_rescheduled cannot be negative ({times_rescheduled})")
    if is_untimely(appointment, now):
        return Refusal.PASSED
    if normalize_form(form) in ADOPTION_FORMS:
        return Refusal.ADOPTION_FORM
    if times_rescheduled >= MAX_SELF_SERVICE_RESCHEDULES:
        return Refusal.RESCHEDULED_TWICE
    if appointment - now < SELF_SERVICE_NOTICE:
        return Refusal.WITHIN_12_HOURS
    return None


def is_untimely(appointment: datetime, now: datetime) -> bool:
    """True once the appointment's time has come: a request is timely only before it (seed 000; DOMAIN.md §3)."""
    _require_aware(appointment, now)
    return now >= appointment


def normalize_form(form: str) -> str:
    """A form number as USCIS writes it: 'i800a', 'I 800A' -> 'I-800A'."""
    compact = re.sub(r"[\s\-]", "", form).upper()
    match = re.fullmatch(r"([A-Z]+)(\d+)([A-Z]*)", compact)
    return f"{match[1]}-{match[2]}{match[3]}" if match else form.strip().upper()


def offer_slots(appointment: datetime, now: datetime, count: int = 3) -> list[datetime]:
    """`count` new times at the same support center, earliest first.

    One slot per business day (weekdays that are not federal holidays), from
    the second business day after `now`, at the SLOT_TIMES in turn, in the
    appointment's own local time (DST-correct even when the appointment
    carries only a UTC offset).  The current appointment is never offered.
    The location does not change, so only times are returned.
    """
    _require_aware(appointment, now)
    zone = local_zone(appointment)
    day = _add_business_days(now.astimezone(zone).date(), LEAD_BUSINESS_DAYS)
    slots: list[datetime] = []
    turn = 0
    for _ in range(_SEARCH_DAYS):
        if len(slots) >= count:
            break
        if _is_business_day(day):
            slot = _at(day, SLOT_TIMES[turn % len(SLOT_TIMES)], zone)
            if slot == appointment:
                turn += 1
                slot = _at(day, SLOT_TIMES[turn % len(SLOT_TIMES)], zone)
            slots.append(slot)
            turn += 1
        day += timedelta(days=1)
    return slots


def confirmation_number(sequence: int) -> str:
    """The 10-digit confirmation number of the `sequence`-th booking (`CONFIRMATION_SEQUENCE`).

    Unique by construction: a keyed permutation of the nine billion ten-digit numbers that
    do not start with 0 (a spreadsheet keeps all ten digits) takes count n to one number
    and no other (`_permute`), so two bookings get the same number only after nine billion
    of them (nearly 500,000 years at 50,000 a day).  The counter is the store's race-free
    one and never restarts (`ivr.store.base.UNDATED_SEQUENCES`); biometrics and Tier 2's
    field office appointments draw from it alike, so no two bookings of either kind share a
    number.  Consecutive counts look unrelated (1, 2, 3 give '9475271352', '1970615915',
    '1914805747'), so a number tells a caller nothing about how many others booked.

    A replayed call is handed the counts its recording drew, so it reads out the same
    number.  It is not derived from the receipt number (issue 10.3): a confirmation says
    nothing about whose case it is.
    """
    if sequence < 1:
        raise ValueError(f"sequence must be positive, not {sequence}")
    return str(_FIRST + _permute((sequence - 1) % CONFIRMATION_NUMBERS))


def _permute(value: int) -> int:
    """A bijection of 0 … CONFIRMATION_NUMBERS - 1: the Feistel permutation of 0 … 10**10 - 1, walked on
    while it lands outside the range (cycle walking: each value's cycle returns to the range, so the
    walk ends, and two values never meet on it)."""
    value = _feistel(value)
    while value >= CONFIRMATION_NUMBERS:
        value = _feistel(value)
    return value


def _feistel(value: int) -> int:
    """A bijection of 0 … 10**10 - 1: each round adds a keyed hash of one half to the other, mod 10**5."""
    left, right = divmod(value, _HALF)
    for round_key in _ROUND_KEYS:
        digest = hashlib.sha256(f"{round_key}|{right}".encode()).digest()
        left, right = right, (left + int.from_bytes(digest[:8], "big")) % _HALF
    return left * _HALF + right


def _add_business_days(start: date, count: int) -> date:
    day = start
    while count > 0:
        day += timedelta(days=1)
        if _is_business_day(day):
            count -= 1
    return day


def _is_business_day(day: date) -> bool:
    return day.weekday() < 5 and not is_federal_holiday(day)


def _at(day: date, clock: time, zone: tzinfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone)


def _require_aware(*moments: datetime) -> None:
    for moment in moments:
        if moment.tzinfo is None or moment.utcoffset() is None:
            raise ValueError(f"{moment.isoformat()} has no time zone; rules need aware instants")
