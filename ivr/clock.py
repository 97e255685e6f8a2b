"""The clock: real time, or a frozen simulated instant (`CLOCK`).

Every time rule (hours, holidays, the 12-hour reschedule limit, service
request ages) reads "now" from the event the shell builds with this clock,
never from `datetime.now()` directly, so trainers and tests can run a call
at any date and time of the simulated calendar, `SIMULATED_YEARS`: the rules
count days, weeks and years from "now" and convert it between time zones, which
Python's calendar (years 1 to 9999) cannot do at its very ends, so an instant
outside those years is refused where it is given (`CLOCK`, `--at`, the
softphone's date, a scenario's or test call's clock), never met mid-call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ivr.errors import ConfigError


@dataclass(frozen=True)
class Clock:
    """`now()` is the frozen instant when one is set, else the real time in UTC."""

    frozen: dt.datetime | None = None

    def now(self) -> dt.datetime:
        return self.frozen if self.frozen is not None else dt.datetime.now(dt.timezone.utc)

    @classmethod
    def parse(cls, value: str | None) -> Clock:
        """A clock from a `CLOCK` setting: empty for real time, else ISO 8601 with a UTC offset."""
        if not value:
            return cls()
        return cls(parse_instant(value, "CLOCK"))


SIMULATED_YEARS = range(1900, 3000)
"""The years a simulated "now" may fall in: far from both ends of Python's calendar (1 to 9999)."""


def out_of_range(instant: dt.datetime) -> str | None:
    """Why `instant` cannot be a simulated "now" (None when it can)."""
    if instant.year in SIMULATED_YEARS:
        return None
    return f"is outside the simulated calendar (years {SIMULATED_YEARS.start} to {SIMULATED_YEARS.stop - 1})"


def check_instant(instant: dt.datetime, value: str, name: str = "time") -> dt.datetime:
    """`instant` (given as `value`), or a `ConfigError` naming `name` when it is outside `SIMULATED_YEARS`."""
    problem = out_of_range(instant)
    if problem is not None:
        raise ConfigError(f"{name}: '{value}' {problem}")
    return instant


def parse_instant(value: str, name: str = "time") -> dt.datetime:
    """An ISO 8601 instant that must carry a UTC offset (`2026-11-23T10:00:00-05:00`), in `SIMULATED_YEARS`."""
    try:
        instant = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(f"{name}: '{value}' is not an ISO 8601 date and time (e.g. 2026-11-23T10:00:00-05:00)") from None
    if instant.tzinfo is None:
        raise ConfigError(f"{name}: '{value}' has no UTC offset (e.g. 2026-11-23T10:00:00-05:00)")
    return check_instant(instant, value, name)
