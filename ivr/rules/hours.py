"""Opening hours, US federal holidays and the spoken names of time zones.

This module owns `Hours` (a weekly schedule in one IANA zone, optionally closed
on US federal holidays) and the answers built from it: is a line open at an
instant, when does it next open, and how to say its schedule in English or
Spanish.  It also names US time zones ("Eastern time", "hora del Este") for an
instant, because a schedule and a spoken time must name zones the same way.

Pure: every function takes the instant it reasons about; nothing here reads
the clock or a file.  The schedules themselves are data (ivr/data/directory.yaml).

Federal holidays are the eleven legal public holidays of 5 U.S.C. 6103 with
OPM's observance rule (Saturday -> the Friday before, Sunday -> the Monday
after), as the `holidays` package computes them (DOMAIN.md §7).  Its
"government" category also holds one-off executive-order closures (e.g.
Christmas Eve 2024); those are not in the statute, so they are left out.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from ivr.definitions.checks import LANGUAGES

WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
"""Weekday names as data files write them; index = `date.weekday()`."""

_DAY_NAMES = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}

# Zone -> (English, Spanish).  Several keys share a name (Phoenix keeps Mountain
# standard time all year).
_ZONE_NAMES: dict[str, tuple[str, str]] = {
    "America/New_York": ("Eastern time", "hora del Este"),
    "America/Chicago": ("Central time", "hora del Centro"),
    "America/Denver": ("Mountain time", "hora de la Montaña"),
    "America/Phoenix": ("Mountain time", "hora de la Montaña"),
    "America/Los_Angeles": ("Pacific time", "hora del Pacífico"),
    "America/Anchorage": ("Alaska time", "hora de Alaska"),
    "Pacific/Honolulu": ("Hawaii time", "hora de Hawái"),
    "America/Puerto_Rico": ("Atlantic time", "hora del Atlántico"),
    "Pacific/Guam": ("Chamorro time", "hora de Chamorro"),
    "US/Eastern": ("Eastern time", "hora del Este"),
    "US/Central": ("Central time", "hora del Centro"),
    "US/Mountain": ("Mountain time", "hora de la Montaña"),
    "US/Pacific": ("Pacific time", "hora del Pacífico"),
}

# When an instant carries only a UTC offset (case data writes
# 2026-11-30T09:00:00-08:00), the zone is the first of these whose offset at
# that instant matches.  Order settles the ties: -04:00 in July is Eastern
# daylight time before Atlantic; -07:00 in July is Pacific daylight time
# before Arizona.
_OFFSET_CANDIDATES = (
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Phoenix",
    "America/Anchorage",
    "Pacific/Honolulu",
    "America/Puerto_Rico",
    "Pacific/Guam",
)

_SEARCH_DAYS = 400  # longer than any run of closed days a weekly schedule can have


@dataclass(frozen=True)
class Hours:
    """A weekly schedule: open on `weekdays` (0 = Monday) from `opens` until just before `closes`."""

    weekdays: frozenset[int]
    opens: time
    closes: time
    zone: ZoneInfo
    federal_holidays: bool
    """True when the line is closed on US federal holidays (observed dates included)."""

    def __post_init__(self) -> None:
        if not self.weekdays or not self.weekdays <= frozenset(range(7)):
            raise ValueError(f"weekdays must be a non-empty set of 0..6, not {sorted(self.weekdays)}")
        if not self.opens < self.closes:
            raise ValueError(f"opens ({self.opens}) must be before closes ({self.closes})")


def is_federal_holiday(day: date) -> bool:
    """True on a US federal holiday or on the weekday it is observed (DOMAIN.md §7)."""
    return day in _federal_holidays(day.year)


@functools.cache
def _federal_holidays(year: int) -> frozenset[date]:
    # The package files an observed date under its own calendar year, so
    # 2021-12-31 (New Year's Day 2022 observed) is in the 2021 set.  Imported here: the
    # package's calendars cost ~10 ms at start-up and only a call's time rule needs them.
    import holidays

    return frozenset(holidays.country_holidays("US", years=year, observed=True))


def is_open(hours: Hours, now: datetime) -> bool:
    """True when `now` falls in the schedule: `opens` is open, `closes` is already closed."""
    local = _local(now, hours.zone)
    return _is_business_day(hours, local.date()) and hours.opens <= local.time() < hours.closes


def closed_for_holiday(hours: Hours, now: datetime) -> bool:
    """True when `now` is on a day the line would work but closes for a federal holiday (observed dates too).

    A caller on Friday, July 3, 2026 (Independence Day observed) hears why a weekday is closed.
    """
    day = _local(now, hours.zone).date()
    return hours.federal_holidays and day.weekday() in hours.weekdays and is_federal_holiday(day)


def next_opening(hours: Hours, now: datetime) -> datetime:
    """The first instant at or after `now` when the line is open, in the schedule's zone."""
    local = _local(now, hours.zone)
    today = local.date()
    for offset in range(_SEARCH_DAYS):
        day = today + timedelta(days=offset)
        if not _is_business_day(hours, day):
            continue
        if offset == 0:
            if local.time() < hours.opens:
                return datetime.combine(day, hours.opens, tzinfo=hours.zone)
            if local.time() < hours.closes:
                return local
            continue
        return datetime.combine(day, hours.opens, tzinfo=hours.zone)
    raise ValueError(f"{hours} never opens within {_SEARCH_DAYS} days of {now.isoformat()}")


def describe(hours: Hours, language: str) -> str:
    """The schedule as a caller hears it, e.g. 'Monday through Friday, 8 a.m. to 8 p.m. Eastern time, …'.

    A schedule of all seven days with no holiday closures is said as its times
    alone ('8 a.m. to 5 p.m. Eastern time'): a source that gives only times
    (seed 004) is not told as more than it says.
    """
    _check_language(language)
    days = _days_phrase(hours.weekdays, language)
    opens, closes = clock(hours.opens, language), clock(hours.closes, language)
    zone = _zone_key_name(hours.zone.key, language)
    if len(set(hours.weekdays)) == 7 and not hours.federal_holidays:
        return f"{opens} to {closes} {zone}" if language == "en" else f"de {opens} a {closes}, {zone}"
    if language == "en":
        text = f"{days}, {opens} to {closes} {zone}"
        return text + (", except federal holidays" if hours.federal_holidays else "")
    text = f"{days}, de {opens} a {closes}, {zone}"
    return text + (", excepto los días feriados federales" if hours.federal_holidays else "")


def clock(moment: time, language: str = "en") -> str:
    """A time of day as spoken in a schedule: '8 a.m.', '4:30 p.m.' (minutes only when not :00).

    Spanish: '8 a. m.', '4:30 p. m.' (Babel's CLDR data, as the RAE writes them).
    """
    if language == "es":
        from babel.dates import format_time  # Spanish only: not imported at start-up (about 5 ms)

        spoken = format_time(moment, "h:mm a" if moment.minute else "h a", locale="es")
        return spoken.replace("\u202f", " ").replace("\xa0", " ")
    hour = moment.hour % 12 or 12
    suffix = "a.m." if moment.hour < 12 else "p.m."
    if moment.minute:
        return f"{hour}:{moment.minute:02d} {suffix}"
    return f"{hour} {suffix}"


def local_zone(moment: datetime) -> tzinfo:
    """The zone `moment` is local to: its own ZoneInfo, else the US zone its UTC offset matches at that instant.

    An offset no US zone has at that instant stays a fixed offset.
    """
    zone = moment.tzinfo
    if zone is None:
        raise ValueError(f"{moment.isoformat()} has no time zone")
    if isinstance(zone, ZoneInfo):
        return zone
    offset = moment.utcoffset()
    for key in _OFFSET_CANDIDATES:
        candidate = ZoneInfo(key)
        if moment.astimezone(candidate).utcoffset() == offset:
            return candidate
    return zone


def zone_name(moment: datetime, language: str) -> str:
    """The spoken name of the zone `moment` is in: 'Pacific time' / 'hora del Pacífico'.

    A zone outside the US is named for its city ('Madrid time'); an offset no
    US zone has at that instant is read as an offset ('UTC-3').
    """
    _check_language(language)
    zone = local_zone(moment)
    if isinstance(zone, ZoneInfo):
        return _zone_key_name(zone.key, language)
    return _utc_offset_name(moment)


def _zone_key_name(key: str, language: str) -> str:
    if key in _ZONE_NAMES:
        english, spanish = _ZONE_NAMES[key]
        return english if language == "en" else spanish
    city = key.rsplit("/", 1)[-1].replace("_", " ")
    return f"{city} time" if language == "en" else f"hora de {city}"


def _utc_offset_name(moment: datetime) -> str:
    offset = moment.utcoffset() or timedelta(0)
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


def _days_phrase(weekdays: Iterable[int], language: str) -> str:
    days = sorted(weekdays)
    names = _DAY_NAMES[language]
    if len(days) == 7:
        return "every day" if language == "en" else "todos los días"
    if len(days) == 1:
        return f"{names[days[0]]}s" if language == "en" else f"los {names[days[0]]}"
    if days == list(range(days[0], days[-1] + 1)):
        first, last = names[days[0]], names[days[-1]]
        return f"{first} through {last}" if language == "en" else f"de {first} a {last}"
    listed = [names[d] for d in days]
    joiner = " and " if language == "en" else " y "
    return ", ".join(listed[:-1]) + joiner + listed[-1]


def _is_business_day(hours: Hours, day: date) -> bool:
    if day.weekday() not in hours.weekdays:
        return False
    return not (hours.federal_holidays and is_federal_holiday(day))


def _local(now: datetime, zone: ZoneInfo) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"{now.isoformat()} has no time zone; rules need an aware instant")
    return now.astimezone(zone)


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (allowed: {', '.join(LANGUAGES)})")
