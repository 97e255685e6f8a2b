"""Field office (InfoPass) appointments: requests and the appointment on file.

Seed 001_7dddce98989cf869.txt and DOMAIN.md §4: USCIS no longer lets callers
self-schedule field office appointments; a request is taken with its reason
by a representative (Tier 1) and scheduled by a USCIS officer, and callers
who live outside the United States are referred to the international office
with jurisdiction over their place of residence instead.  A request made here
is recorded in the transcript (`field_office_appointment_requested`) and
handed to a representative with `handoff_topic = "field_office_appointment"`
and `handoff_reason` = the reason code.

Session variables this module sets:
  fo_request_reason                        the reason the caller gave, spoken
  fo_when, fo_office, fo_reason            the appointment on file
"""

from __future__ import annotations

from ivr.behaviours.case_status import the_office, verified_case
from ivr.core.registry import CASE_UPDATED, REGISTRY, Context, Effect, Outcome
from ivr.rules.overseas import is_international_caller
from ivr.rules.phrasing import say_appointment

HANDOFF_TOPIC = "field_office_appointment"

REASONS: dict[str, dict[str, str]] = {
    "adit_stamp": {
        "en": "a temporary stamp as evidence of permanent residence",
        "es": "un sello temporal como prueba de residencia permanente",
    },
    "emergency_advance_parole": {
        "en": "an emergency travel document",
        "es": "un documento de viaje de emergencia",
    },
    "immigration_judge_grant": {
        "en": "documents after an immigration judge's grant",
        "es": "documentos después de una decisión favorable de un juez de inmigración",
    },
    "other": {"en": "another reason", "es": "otro motivo"},
}
"""The My Appointment request categories (DOMAIN.md §4), as a caller hears them."""


@REGISTRY.guard("caller_outside_us")
def caller_outside_us(ctx: Context) -> bool:
    """The caller ID is a number outside the United States (seeds 001 and 003)."""
    return is_international_caller(ctx.session.caller)


@REGISTRY.action("field_office_eligibility", outcomes=("domestic", "abroad"))
def field_office_eligibility(ctx: Context) -> Outcome:
    """Callers whose case says they live abroad get international office guidance instead (seed 001)."""
    return Outcome("abroad" if verified_case(ctx).outside_us else "domestic")


@REGISTRY.action(
    "field_office_request",
    outcomes=("requested",),
    params=("reason",),
    sets=("fo_request_reason", "handoff_topic", "handoff_reason"),
)
def field_office_request(ctx: Context) -> Outcome:
    """Record the request and its reason, and prepare the hand-off to a representative."""
    reason = ctx.args.get("reason", "other")
    if reason not in REASONS:
        raise ValueError(f"unknown field office reason {reason!r} (allowed: {', '.join(REASONS)})")
    case = verified_case(ctx)
    ctx.emit(
        Effect(
            "field_office_appointment_requested",
            {
                "receipt": case.receipt_number,
                "reason": reason,
                "requested": ctx.now.isoformat(),
                "channel": "ivr",
            },
        )
    )
    ctx.session.vars["fo_request_reason"] = REASONS[reason][ctx.language]
    ctx.session.vars["handoff_topic"] = HANDOFF_TOPIC
    ctx.session.vars["handoff_reason"] = reason
    return Outcome("requested")


@REGISTRY.action(
    "field_office_lookup",
    outcomes=("upcoming", "passed", "none"),
    sets=("fo_when", "fo_office", "fo_reason"),
)
def field_office_lookup(ctx: Context) -> Outcome:
    """Read the verified case's field office appointment into the prompt variables."""
    appointment = verified_case(ctx).field_office_appointment
    if appointment is None:
        return Outcome("none")
    ctx.session.vars["fo_when"] = say_appointment(appointment.appointment, ctx.language)
    ctx.session.vars["fo_office"] = the_office(ctx, appointment.office)
    ctx.session.vars["fo_reason"] = appointment.reason
    return Outcome("passed" if appointment.appointment <= ctx.now else "upcoming")


FIELD_OFFICE_APPOINTMENT_CANCELLED = "field_office_appointment_cancelled"


@REGISTRY.action("field_office_cancel", outcomes=("cancelled", "none"))
def field_office_cancel(ctx: Context) -> Outcome:
    """Cancel the verified case's coming field office appointment (seed 001: "cancel or reschedule appointments")."""
    case = verified_case(ctx)
    appointment = case.field_office_appointment
    if appointment is None or appointment.appointment <= ctx.now:
        return Outcome("none")
    ctx.emit(Effect(CASE_UPDATED, {"receipt": case.receipt_number, "changes": {"field_office_appointment": None}}))
    ctx.emit(
        Effect(
            FIELD_OFFICE_APPOINTMENT_CANCELLED,
            {
                "receipt": case.receipt_number,
                "appointment": appointment.appointment.isoformat(),
                "office": appointment.office,
                "channel": "ivr",
            },
        )
    )
    return Outcome("cancelled")
