"""A Tier 2 officer decides a good cause Tier 1 could not, and the caller hears the decision.

Seed 000_183b307099edfec1.txt: good cause exists "when the reschedule request
provides sufficient reason for the benefit requestor's inability to appear on
the scheduled date"; its six reasons are "not limited to".  Tier 1 records the
six (`tier1_scripts.live_record_good_cause`); a caller whose reason is another
one reaches a USCIS officer (seed 003: Tier 2 is "staffed by USCIS officers"),
who decides it from `ivr.rules.biometrics.OFFICER_REASONS`.  Accepted: the
request goes to the office that has the case (seed 003) as a service request,
with a `good_cause_recorded` effect (`decided_by: tier2`).  Refused: nothing is
sent, a `good_cause_refused` effect is recorded and the caller is told why.

Session variables this module sets: gc_reason, gc_refusal, gc_next (and the request's
sr_office, sr_reference_readback when accepted).
"""

from __future__ import annotations

from ivr.behaviours.live_assistance import REQUEST_VARS, create_service_request, verified_case
from ivr.behaviours.tier1_scripts import BIOMETRICS_HANDOFF, GOOD_CAUSE_RECORDED
from ivr.core.registry import REGISTRY, Context, Effect, Outcome
from ivr.rules.biometrics import OFFICER_REASONS, is_untimely

GOOD_CAUSE_REFUSED = "good_cause_refused"

_NEXT = {
    # Seed 000: a timely request with good cause is rescheduled; an untimely one USCIS "may consider".
    "timely": {
        "en": "USCIS will send you a new appointment notice.",
        "es": "USCIS le enviará un nuevo aviso de cita.",
    },
    "late": {
        "en": "Because the appointment has passed, USCIS will decide whether to accept this late request, and will write to you.",
        "es": "Como la cita ya pasó, USCIS decidirá si acepta esta solicitud tardía, y le escribirá.",
    },
}

_REFUSAL = {
    "timely": {
        "en": "That reason is not good cause to reschedule, so your appointment stays as it is. Please attend it.",
        "es": "Esa razón no es una causa justificada para cambiar la cita, así que su cita sigue igual. Por favor, asista.",
    },
    "late": {
        "en": "That reason is not good cause, so this late request cannot be accepted.",
        "es": "Esa razón no es una causa justificada, así que esta solicitud tardía no se puede aceptar.",
    },
}


@REGISTRY.action(
    "live_decide_good_cause",
    outcomes=("accepted", "refused", "overseas", "no_office"),
    params=("reason",),
    sets=("gc_reason", "gc_refusal", "gc_next", *REQUEST_VARS),
    seats=("tier2",),
)
def live_decide_good_cause(ctx: Context) -> Outcome:
    """The officer's decision on a reason outside seed 000's six; an accepted one is sent to the office."""
    code = ctx.args.get("reason", "")
    reason = next((r for r in OFFICER_REASONS if r.code == code), None)
    case = verified_case(ctx)
    if reason is None or case is None or case.biometrics is None:
        raise LookupError(f"cannot decide reason {code!r} without a verified case with biometrics")
    vars_ = ctx.session.vars
    vars_.pop("live_task", None)
    appointment = case.biometrics.appointment
    late = is_untimely(appointment, ctx.now)
    vars_["gc_reason"] = reason.es if ctx.language == "es" else reason.en
    details = {"receipt": case.receipt_number, "cause": reason.code, "appointment": appointment.isoformat(),
               "untimely": late, "decided_by": "tier2", "tier": ctx.session.tier}
    if not reason.good_cause:
        vars_["gc_refusal"] = _REFUSAL["late" if late else "timely"][ctx.language]
        ctx.emit(Effect(GOOD_CAUSE_REFUSED, details))
        return Outcome("refused")
    request = create_service_request(
        ctx,
        case,
        "other",
        {"about": BIOMETRICS_HANDOFF, "good_cause": reason.code, "untimely": late, "appointment": appointment.isoformat(),
         "decided_by": "tier2"},
        check_open=False,
    )
    vars_.update(request.values)
    if request.outcome != "created":
        return Outcome(request.outcome)
    ctx.emit(Effect(GOOD_CAUSE_RECORDED, {**details, "reference": request.values["sr_reference"]}))
    vars_["gc_next"] = _NEXT["late" if late else "timely"][ctx.language]
    return Outcome("accepted")


@REGISTRY.guard("live_good_cause_for_officer")
def live_good_cause_for_officer(ctx: Context) -> bool:
    """A verified caller's biometrics request reached Tier 2 with a reason outside seed 000's list."""
    return ctx.session.vars.get("live_task") == "biometrics" and verified_case(ctx) is not None
