"""Time-of-day behaviours: is live assistance open, and how to say its hours.

Seed 003_29c9fde61bf22c66.txt: the IVR answers 24 hours a day, 7 days a week;
live assistance is available at published times (DOMAIN.md §1.1: Monday to
Friday, 8 a.m. to 8 p.m. Eastern, except federal holidays), which live in
`ivr/data/directory.yaml`.
"""

from __future__ import annotations

from ivr.core.registry import REGISTRY, Context
from ivr.rules import hours as rules


@REGISTRY.guard("live_assistance_open")
def live_assistance_open(ctx: Context) -> bool:
    """Representatives are answering now (weekday hours, not a federal holiday)."""
    return rules.is_open(ctx.services.directory.live_assistance, ctx.now)


@REGISTRY.variable("live_assistance_hours")
def live_assistance_hours(ctx: Context) -> str:
    """The live-assistance hours, spoken in the call's language."""
    return rules.describe(ctx.services.directory.live_assistance, ctx.language)
