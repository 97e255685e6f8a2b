"""Live assistance shared by every tier: routing guards, identity, service requests, call-backs.

Seed 003_29c9fde61bf22c66.txt: inquiries that need the office that has the
case file "require the creation of a Service Request", which is "routed to
the USCIS office that can best provide a resolution"; overseas files are
referred to the overseas office instead.  Tier 1 (`tier1_scripts`), Tier 2
(`tier2_officer`) and the supervisor (`supervisor`) all create requests
through `create_service_request` here, so a request looks the same
whichever tier made it.

Owns the guards that say whether a tier is answered by people
(`TIER_ROUTING`), whether the caller is verified, the `live_verify_caller`
action (receipt number and date of birth), the `live_create_service_request`
and `live_request_callback` actions, and the validators of free answers
(`live_choice`).  The world changes only through effects.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from ivr.behaviours.filing import file_service_request
from ivr.behaviours.request_details import request_extra
from ivr.behaviours.verification import VERIFICATION_VARS, call_lock, verify_in
from ivr.core.matching import PhraseIndex, normalize
from ivr.core.registry import REGISTRY, Context, Effect, Outcome
from ivr.definitions.cases import Case
from ivr.routing import (
    CALLBACK_REQUESTED,
    ROUTABLE_TIERS,
    SERVICE_ITEM_SEQUENCE,
    callable_number,
    contact_center_day,
    request_callback,
    route_for,
)
from ivr.rules import service_requests as sr_rules
from ivr.rules.directory import Office
from ivr.rules.spoken import digits_from_speech, read_digits, say_date

SUPERVISOR = "supervisor"
"""What the free-answer validators return when the caller asks for a supervisor."""
OUTSIDE_US_SCRIPT = "outside-us"
"""The script read to a caller whose case file is held overseas (seed 003)."""

_SUPERVISOR_PHRASES = PhraseIndex.build(
    [(SUPERVISOR, ("supervisor", "supervisora", "manager", "your boss", "gerente", "jefe", "jefa"))]
)

_SOMEONE_ELSES = re.compile(
    r"\b(?:"
    # the caller's (or a relative's) own boss: "my manager told me to call", "mi jefe necesita una carta"
    r"(?:my|our|his|her|their|mi|mis|nuestro|nuestra|nuestros|nuestras) (?:\w+ )?"
    r"|(?:i m|i am|im|he s|she s|he is|she is|as) (?:the (?:\w+ ){0,2}?|an? (?:\w+ )?)"
    r"|soy (?:el |la |un |una )?(?:\w+ )?"
    # a job title: "the h r manager", "an office manager", "el gerente de recursos humanos"
    r"|(?:h r|hr|office|case|store|project|account|general|restaurant|property|plant|floor|shift|district|branch"
    r"|site|program|operations|hiring|payroll|warehouse|sales) "
    r")(?:manager|managers|supervisor|supervisors|supervisora|boss|jefe|jefes|jefa|jefas|gerente|gerentes)\b"
    r"|\b(?:gerente|gerentes|jefe|jefa|supervisor|supervisora) de (?:recursos humanos|personal|la tienda|la empresa"
    r"|la compania|mi trabajo|la obra|obra|cocina|turno)\b"
    # a boss at work who will not let the caller go: "el supervisor no me da permiso", "the supervisor won't let me"
    r"|\b(?:el|la|the) (?:supervisor|supervisora|jefe|jefa|boss|manager) (?:no me (?:da|dio|quiere dar|deja)|won t let me"
    r"|will not let me|doesn t let me|does not let me|wouldn t let me|didn t let me)\b"
)
"""A boss who is not the line's (normalised words): the caller's own or a relative's ("my manager told me to call",
"mi jefe necesita una carta"), the caller's or someone's job ("i'm the h r manager", "soy gerente de una tienda"), a
job title ("the office manager", "el gerente de recursos humanos"), a boss at work who will not let the caller go
("el supervisor no me da permiso"; round 18).  Mentioned, not asked for: the rest of the words
decide (issue 16, round 12: "i'm the h r manager and we want to pay for premium processing" asked no supervisor)."""


def asks_for_supervisor(utterance: str) -> bool:
    """Seed 003: 'Customers may, at any time, request to have a call directed to a supervisor.'"""
    said = normalize(utterance)
    return _SUPERVISOR_PHRASES.match(_SOMEONE_ELSES.sub(" ", said)) is not None


# --- who answers -------------------------------------------------------------------------------


def _routed(ctx: Context, tier: str) -> bool:
    return route_for(ctx.services.routing, ctx.session.console, tier) is not None


@REGISTRY.guard("live_tier1_by_people")
def live_tier1_by_people(ctx: Context) -> bool:
    """Tier 1 is answered by people (TIER_ROUTING), not the simulated representative."""
    return _routed(ctx, "tier1")


@REGISTRY.guard("live_tier2_by_people")
def live_tier2_by_people(ctx: Context) -> bool:
    """Tier 2 is answered by people (TIER_ROUTING), not the simulated officer."""
    return _routed(ctx, "tier2")


@REGISTRY.guard("live_supervisor_by_people")
def live_supervisor_by_people(ctx: Context) -> bool:
    """Supervisors are people (TIER_ROUTING), not the simulated supervisor."""
    return _routed(ctx, "supervisor")


IVR_TROUBLE_STATE = "attempts.offer_representative"
"""The main flow's offer of a representative after the IVR's attempts ran out."""


@REGISTRY.guard("live_after_ivr_trouble")
def live_after_ivr_trouble(ctx: Context) -> bool:
    """The caller took the representative offered when the IVR could not help (attempts exhausted)."""
    path = ctx.session.path
    return len(path) >= 2 and path[-2] == IVR_TROUBLE_STATE


# --- identity ---------------------------------------------------------------------------------


@REGISTRY.guard("live_caller_verified")
def live_caller_verified(ctx: Context) -> bool:
    """The caller proved who they are (receipt number and date of birth) earlier in the call."""
    return ctx.session.verified_receipt is not None


def verified_case(ctx: Context) -> Case | None:
    """The verified caller's case, as the world has it now (case data plus what calls changed)."""
    receipt = ctx.session.verified_receipt
    return ctx.world.case(receipt) if receipt else None


@REGISTRY.variable("live_case_receipt")
def live_case_receipt(ctx: Context) -> str:
    """The verified receipt number, read letter by letter and digit by digit."""
    receipt = ctx.session.verified_receipt or ""
    return read_digits(receipt, ctx.language) if receipt else ""


@REGISTRY.action(
    "live_verify_caller",
    outcomes=("verified", "not_verified", "locked"),
    sets=VERIFICATION_VARS,
)
def live_verify_caller(ctx: Context) -> Outcome:
    """Check the collected receipt number (`live_receipt`) and date of birth (`live_dob`) through the
    verification service: the same ledger as the IVR's check, so a call or receipt locked there stays locked."""
    vars_ = ctx.session.vars
    receipt = str(vars_.pop("live_receipt", ""))  # neither is kept once checked
    born = str(vars_.pop("live_dob", ""))
    for name in ("live_receipt_readback", "live_dob_readback"):
        vars_.pop(name, None)
    result = verify_in(ctx, receipt, born)
    return Outcome({"verified": "verified", "mismatch": "not_verified"}.get(result.outcome, "locked"))


@REGISTRY.guard("live_identity_locked")
def live_identity_locked(ctx: Context) -> bool:
    """The call may no longer verify anybody (too many failed checks on it, for the receipt or from the number)."""
    return call_lock(ctx.session) is not None


# --- service requests ------------------------------------------------------------------------


REQUEST_VARS = (
    "script_text", "sr_topic", "sr_office", "sr_reference", "sr_reference_readback", "sr_created_spoken", "live_resolution"
)
"""The session variables `create_service_request` may set (an action that files a request declares them)."""


@dataclass(frozen=True)
class Request:
    """What became of a request for a service request: its outcome name and the values prompts say."""

    outcome: str  # created | already_open | overseas | no_office
    values: dict[str, str]


def create_service_request(
    ctx: Context, case: Case, sr_type: str, extra: dict[str, Any] | None = None, *, check_open: bool = True
) -> Request:
    """Create a service request about `case`, routed to the office that holds the file (seed 003).

    An overseas file gets the overseas script instead (no request); an open
    request of the same type younger than the 15 days an office has to answer
    (seed 001) is read back rather than duplicated, unless `check_open` is false
    (a request about one particular thing, such as one appointment).
    """
    if sr_type not in sr_rules.SR_TYPES:
        raise ValueError(f"unknown service request type {sr_type!r}")
    language = ctx.language
    directory = ctx.services.directory
    routing = sr_rules.route(case.receipt_number, case.office, directory)
    if case.outside_us or (routing is not None and routing.overseas):
        return Request("overseas", say_script(ctx, OUTSIDE_US_SCRIPT))
    if routing is None:
        return Request("no_office", {})
    today = contact_center_day(ctx.now)
    topic = sr_rules.topic(sr_type, language)
    since = today - dt.timedelta(days=sr_rules.EMAIL_AFTER_DAYS - 1)
    for existing in ctx.world.service_requests(case, sr_type, since) if check_open else ():
        age = (today - existing.created).days
        if existing.status == "open" and 0 <= age < sr_rules.EMAIL_AFTER_DAYS:
            return Request(
                "already_open",
                {
                    "sr_topic": topic,
                    "sr_reference": existing.reference,
                    "sr_reference_readback": read_digits(existing.reference, language),
                    "sr_created_spoken": say_date(existing.created, language),
                },
            )
    reference = file_service_request(ctx, case, sr_type, routing.office.name.en, today, "live_assistance", extra)
    office = the_office(routing.office, language)
    ctx.session.vars["live_resolution"] = "service_request"
    return Request(
        "created",
        {
            "sr_topic": topic,
            "sr_office": office,
            "sr_reference": reference,
            "sr_reference_readback": read_digits(reference, language),
        },
    )


def the_office(office: Office, language: str) -> str:
    """An office's name with its article: 'the Vermont Service Center', 'el Centro…', 'la Oficina…'."""
    name = office.name.text(language)
    if language != "es":
        return f"the {name}"
    feminine = name.split(" ", 1)[0].casefold() in ("oficina", "unidad")
    return f"{'la' if feminine else 'el'} {name}"


def say_script(ctx: Context, script_id: str) -> dict[str, str]:
    """The text of the script `script_id` in force, recorded as heard (`id@version`)."""
    script = scripts_in_force(ctx).by_id(script_id)
    if script is None:
        raise LookupError(f"no script '{script_id}' is in force")
    hear(ctx, script)
    return {"script_text": script.text[ctx.language]}


def scripts_in_force(ctx: Context) -> Any:
    """The Tier 1 scripts in force on the call's date (America/New_York), or as pinned by SCRIPT_PINS."""
    pins = ctx.services.settings.get("SCRIPT_PINS") or None
    return ctx.services.scripts.in_force(ctx.now, pins)


def hear(ctx: Context, script: Any) -> None:
    """Note that the caller heard `script` (its `id@version` goes into the call's record once)."""
    if script.ref not in ctx.session.scripts_heard:
        ctx.session.scripts_heard.append(script.ref)


@REGISTRY.action(
    "live_create_service_request",
    outcomes=("created", "already_open", "overseas", "no_office"),
    params=("type",),
    sets=REQUEST_VARS,
)
def live_create_service_request(ctx: Context) -> Outcome:
    """Create a service request of type `live_sr_type` (or the `type` argument) about the verified case."""
    case = verified_case(ctx)
    if case is None:
        raise LookupError("a service request needs a verified caller")
    sr_type = str(ctx.args.get("type") or ctx.session.vars.get("live_sr_type") or "other")
    request = create_service_request(ctx, case, sr_type, request_extra(ctx, sr_type) or None)
    ctx.session.vars.update(request.values)
    return Outcome(request.outcome)


# --- free answers ----------------------------------------------------------------------------


@REGISTRY.validator("live_choice", readback=lambda value, language: value)
def live_choice(value: str, kind: str, language: str) -> str | None:
    """A numbered choice (one key, or a number said), or 'supervisor' when the caller asks for one."""
    if kind == "speech" and asks_for_supervisor(value):
        return SUPERVISOR
    digits = value if kind == "digits" else digits_from_speech(value, language)
    return digits if len(digits) == 1 and digits in "123456789" else None


@REGISTRY.guard("live_choice_is_supervisor")
def live_choice_is_supervisor(ctx: Context) -> bool:
    """The caller answered the last numbered choice (`live_choice`) by asking for a supervisor."""
    return ctx.session.vars.get("live_choice") == SUPERVISOR


@REGISTRY.guard("live_sr_type_is_supervisor")
def live_sr_type_is_supervisor(ctx: Context) -> bool:
    """The caller answered the service request type question (`live_sr_type`) by asking for a supervisor."""
    return ctx.session.vars.get("live_sr_type") == SUPERVISOR


# --- after people: call-backs ------------------------------------------------------------------


@REGISTRY.guard("live_callback_available")
def live_callback_available(ctx: Context) -> bool:
    """A call-back can still be offered: none was promised in this call yet."""
    return "service_item" not in ctx.session.vars


def _last_live_tier(ctx: Context) -> str:
    for change in reversed(ctx.session.tier_changes):
        if change.to_tier in ROUTABLE_TIERS:
            return change.to_tier
    return "tier1"


@REGISTRY.action(
    "live_request_callback",
    outcomes=("recorded", "unavailable"),
    sets=("callback_message", "service_item"),
)
def live_request_callback(ctx: Context) -> Outcome:
    """Record a call-back from the tier the caller was waiting for, with a service item number."""
    tier = _last_live_tier(ctx)
    routing = ctx.services.routing
    route = routing.route(tier) if routing is not None else None
    queue = route.target if route is not None else tier
    number = callable_number(ctx.session.caller)
    sequence = ctx.world.next_sequence(SERVICE_ITEM_SEQUENCE, contact_center_day(ctx.now)) if number else None
    callback = request_callback(tier, queue, ctx.session.caller, ctx.now, sequence)
    ctx.session.vars["callback_message"] = callback.message(ctx.language, ctx.messages)  # the flow's words
    if not callback.possible:
        return Outcome("unavailable")
    ctx.emit(Effect(CALLBACK_REQUESTED, callback.effect_data()))
    ctx.session.vars["service_item"] = callback.service_item
    return Outcome("recorded")


@REGISTRY.guard("live_resolution_proposed")
def live_resolution_proposed(ctx: Context) -> bool:
    """A tier proposed a resolution in this call (case details, a request made, an appointment booked)."""
    return "live_resolution" in ctx.session.vars
