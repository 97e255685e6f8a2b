"""The simulated Tier 2 supervisor: what the seed says a supervisor may do, and nothing more.

Seed 003_29c9fde61bf22c66.txt: calls are routed to a supervisor when the
caller asks, is unusually upset and believes the proposed resolution is
improper, or the matter needs urgent help from another office.  A supervisor
may verify the information the caller was given, contact the appropriate
USCIS office through its point of contact, create a service request, and
request that the office act to spare the caller further waits caused by a
USCIS error.

Owns `{live_supervisor_context}` (why the call came, from the tier change's
reason: the context handed over), and the actions `live_supervisor_review`,
`live_contact_office` and `live_request_office_action`.  The offices are
contacted only through effects kept in the call's record.
"""

from __future__ import annotations

from ivr.behaviours.live_assistance import (
    REQUEST_VARS,
    OUTSIDE_US_SCRIPT,
    create_service_request,
    say_script,
    the_office,
    verified_case,
)
from ivr.core.registry import REGISTRY, Context, Effect, Outcome
from ivr.rules import service_requests as sr_rules
from ivr.rules.spoken import read_digits

INFORMATION_VERIFIED = "information_verified"
OFFICE_CONTACTED = "office_contacted"
OFFICE_ACTION_REQUESTED = "office_action_requested"

_WHY = {
    "caller_requested_supervisor": {
        "en": "You asked to speak with a supervisor.",
        "es": "Usted pidió hablar con un supervisor.",
    },
    "caller_upset_resolution_improper": {
        "en": "I understand you believe the resolution you were offered is not right.",
        "es": "Entiendo que usted cree que la solución que le ofrecieron no es correcta.",
    },
    "urgent_needs_another_office": {
        "en": "I understand your matter is urgent and needs another USCIS office.",
        "es": "Entiendo que su asunto es urgente y necesita otra oficina de USCIS.",
    },
}
_NOTES = {"en": "I have the notes from your call.", "es": "Tengo las notas de su llamada."}
_REVIEW = {
    "scripts": {
        "en": "You were given our information about {topics}.",
        "es": "Se le dio nuestra información sobre {topics}.",
    },
    "request": {
        "en": "Service request {reference} was made for you.",
        "es": "Se hizo para usted la solicitud de servicio {reference}.",
    },
    "nothing": {
        "en": "I see nothing you were told in this call that needs correcting.",
        "es": "No veo nada de lo que se le dijo en esta llamada que deba corregirse.",
    },
    "checked": {
        "en": "I checked it against USCIS information, and it is accurate.",
        "es": "Lo revisé con la información de USCIS, y es correcto.",
    },
}
_AND = {"en": " and ", "es": " y "}


def _arrival_reason(ctx: Context) -> str | None:
    for change in reversed(ctx.session.tier_changes):
        if change.to_tier == "supervisor":
            return change.reason
    return None


@REGISTRY.variable("live_supervisor_context")
def live_supervisor_context(ctx: Context) -> str:
    """Why the call reached a supervisor, from the reason of the tier change that brought it."""
    language = "es" if ctx.language == "es" else "en"
    why = _WHY.get(_arrival_reason(ctx) or "", _WHY["caller_requested_supervisor"])[language]
    return f"{why} {_NOTES[language]}"


@REGISTRY.action("live_supervisor_review", outcomes=("reviewed",), sets=("review_text",), seats=("supervisor",))
def live_supervisor_review(ctx: Context) -> Outcome:
    """Verify the information given to the caller: the scripts heard and the requests made in this call."""
    language = ctx.language
    library = ctx.services.scripts
    # the information given: informational scripts (a wording script heard, Tier 1's identity check, is no information)
    wordings = set(library.wording_refs())
    topics = [library.get(ref).label[language] for ref in ctx.session.scripts_heard if ref not in wordings]
    parts: list[str] = []
    if topics:
        joined = ", ".join(topics[:-1]) + _AND[language] + topics[-1] if len(topics) > 1 else topics[0]
        parts.append(_REVIEW["scripts"][language].format(topics=joined))
    parts += [
        _REVIEW["request"][language].format(reference=read_digits(reference, language))
        for reference in ctx.session.service_requests
    ]
    parts.append(_REVIEW["checked" if parts else "nothing"][language])
    ctx.session.vars["review_text"] = " ".join(parts)
    ctx.emit(
        Effect(
            INFORMATION_VERIFIED,
            {
                "scripts": list(ctx.session.scripts_heard),
                "service_requests": list(ctx.session.service_requests),
                "tier": ctx.session.tier,
            },
        )
    )
    return Outcome("reviewed")


@REGISTRY.action(
    "live_contact_office",
    outcomes=("contacted", "overseas", "no_office"),
    sets=("script_text", "contact_office", "live_resolution"),
    seats=("supervisor",),
)
def live_contact_office(ctx: Context) -> Outcome:
    """Contact the office that has the case through its designated point of contact (simulated)."""
    case = verified_case(ctx)
    if case is None:
        raise LookupError("contacting an office needs a verified caller")
    routing = sr_rules.route(case.receipt_number, case.office, ctx.services.directory)
    if case.outside_us or (routing is not None and routing.overseas):
        ctx.session.vars.update(say_script(ctx, OUTSIDE_US_SCRIPT))
        return Outcome("overseas")
    if routing is None:
        return Outcome("no_office")
    ctx.emit(
        Effect(
            OFFICE_CONTACTED,
            {
                "receipt": case.receipt_number,
                "office": routing.office.name.en,
                "reason": _arrival_reason(ctx),
                "tier": ctx.session.tier,
            },
        )
    )
    ctx.session.vars["contact_office"] = the_office(routing.office, ctx.language)
    ctx.session.vars["live_resolution"] = "office_contacted"
    return Outcome("contacted")


@REGISTRY.action(
    "live_request_office_action",
    outcomes=("requested", "overseas", "no_office"),
    sets=REQUEST_VARS,
    seats=("supervisor",),
)
def live_request_office_action(ctx: Context) -> Outcome:
    """Ask the office to act on a USCIS error that caused the wait: an expedite request (DOMAIN.md §5)."""
    case = verified_case(ctx)
    if case is None:
        raise LookupError("requesting office action needs a verified caller")
    request = create_service_request(ctx, case, "expedite", {"reason": "uscis_error"}, check_open=False)
    ctx.session.vars.update(request.values)
    if request.outcome != "created":
        return Outcome(request.outcome)
    ctx.emit(
        Effect(
            OFFICE_ACTION_REQUESTED,
            {
                "receipt": case.receipt_number,
                "reference": request.values["sr_reference"],
                "reason": "uscis_error",
                "tier": ctx.session.tier,
            },
        )
    )
    return Outcome("requested")
