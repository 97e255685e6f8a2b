"""Time-of-day behaviours: is live assistance open, and how to say its hours.

Seed 003_29c9fde61bf22c66.txt: the IVR answers 24 hours a day, 7 days a week;
live assistance is available at published times (DOMAIN.md §1.1: Monday to
Friday, 8 a.m. to 8 p.m. Eastern, except federal holidays), which live in
`ivr/data/directory.yaml`.  When representatives are not answering, the
caller also hears when they next are, and why on a weekday federal holiday
(an observed Friday or Monday is not obviously a holiday to a caller).
"""

from __future__ import annotations

from ivr.core.registry import REGISTRY, Context
from ivr.rules import hours as rules
from ivr.rules.phrasing import say_appointment

_HOLIDAY = {"en": "Today is a federal holiday.", "es": "Hoy es un día feriado federal."}
_REOPENS = {
    "en": "Representatives will be available again on {when}.",
    "es": "Los representantes estarán disponibles de nuevo el {when}.",
}


@REGISTRY.guard("live_assistance_open")
def live_assistance_open(ctx: Context) -> bool:
    """Representatives are answering now (weekday hours, not a federal holiday)."""
    return rules.is_open(ctx.services.directory.live_assistance, ctx.now)


@REGISTRY.variable("live_assistance_hours")
def live_assistance_hours(ctx: Context) -> str:
    """The live-assistance hours, spoken in the call's language."""
    return rules.describe(ctx.services.directory.live_assistance, ctx.language)


@REGISTRY.variable("live_assistance_reopens")
def live_assistance_reopens(ctx: Context) -> str:
    """When representatives are closed: why, on a weekday federal holiday, and when they next answer; else nothing."""
    hours, now, language = ctx.services.directory.live_assistance, ctx.now, ctx.language
    if rules.is_open(hours, now):
        return ""
    sentences = [_HOLIDAY[language]] if rules.closed_for_holiday(hours, now) else []
    try:
        sentences.append(_REOPENS[language].format(when=say_appointment(rules.next_opening(hours, now), language)))
    except ValueError:  # a schedule that never opens within the search: say the schedule alone
        pass
    return " ".join(sentences)
