"""Filing a service request: the one way any tier records one (seed 001, SRMT; seed 003).

Self-service and every live tier decide *whether* to file and what to say;
this module owns *how*: a fresh reference number of the day, the record
`World`s persist, and the call's list of requests it made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ivr.core.registry import SERVICE_REQUEST_CREATED, Context, Effect
from ivr.definitions.cases import Case
from ivr.rules import service_requests as rules

SERVICE_REQUEST_SEQUENCE = "service_request"


def new_reference(ctx: Context, day: dt.date) -> str:
    """The day's next reference number that no request in the world already has (case data included)."""
    while True:
        reference = rules.new_reference(day, ctx.world.next_sequence(SERVICE_REQUEST_SEQUENCE, day))
        if ctx.world.service_request(reference) is None:
            return reference


def file_service_request(
    ctx: Context, case: Case, sr_type: str, office: str, day: dt.date, channel: str, extra: Mapping[str, Any] | None = None
) -> str:
    """Record a new open request about `case` for `office`; return its reference."""
    reference = new_reference(ctx, day)
    record: dict[str, Any] = {
        "reference": reference,
        "receipt": case.receipt_number,
        "type": sr_type,
        "created": day.isoformat(),
        "status": "open",
        "office": office,
        "channel": channel,
        "tier": ctx.session.tier,
        **(extra or {}),
    }
    ctx.emit(Effect(SERVICE_REQUEST_CREATED, record))
    ctx.session.service_requests.append(reference)
    return reference
