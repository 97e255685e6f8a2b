"""Service requests by phone: the status of one on file, follow-up guidance, and new ones.

Seed 001_7dddce98989cf869.txt: a caller whose request is under 15 days old
waits; from day 15 they may e-mail the service center where the case is
pending, quoting the reference number; with no answer 21 days after that
e-mail, the Office of Service Center Operations (SCOPS).  Seed 003: a request
is routed to the office that holds the file; overseas files are referred to
the overseas office.  DOMAIN.md §5: only the self-service categories are
created here; expedites and anything else go to a representative
(`handoff_topic = "service_request"`, `handoff_reason` = the type).  The rules
are `ivr.rules.service_requests`; a request's status is told only to the
verified caller of its own case.

Session variables this module sets:
  sr_topic, sr_created, sr_office, sr_email, sr_email_from, sr_emailed, sr_scops_from,
  sr_overseas_contact
  sr_reference_readback (a created request's reference, digit by digit), sr_type,
  sr_reference (also the open request already on file, for its follow-up)
"""

from __future__ import annotations

import datetime as dt
import functools
from zoneinfo import ZoneInfo

from ivr.behaviours.case_status import the_office, verified_case
from ivr.behaviours.filing import file_service_request
from ivr.behaviours.request_details import details_of
from ivr.core.registry import REGISTRY, Context, Outcome
from ivr.rules import service_requests as rules
from ivr.rules.directory import Office
from ivr.rules.overseas import jurisdiction
from ivr.rules.phrasing import say_email
from ivr.rules.spoken import read_digits, say_date

HANDOFF_TOPIC = "service_request"
_EASTERN = ZoneInfo("America/New_York")


@REGISTRY.variable("scops_email")
def scops_email(ctx: Context) -> str:
    """The Office of Service Center Operations' address, spelled out (seed 001)."""
    return say_email(ctx.services.directory.scops_email, ctx.language)


STATUS_OUTCOMES = (
    "not_found",
    "closed",
    "wait",
    "email_service_center",
    "wait_after_email",
    "contact_scops",
    "no_mailbox",
)


@REGISTRY.action(
    "service_request_status",
    outcomes=STATUS_OUTCOMES,
    sets=("sr_topic", "sr_created", "sr_office", "sr_email_from", "sr_email", "sr_emailed", "sr_scops_from"),
)
def service_request_status(ctx: Context) -> Outcome:
    """The request with the reference given, if it is the verified case's, and what to do next (seed 001)."""
    case = verified_case(ctx)
    reference = str(ctx.session.vars.get("sr_reference", ""))
    found = ctx.world.service_request(reference)
    record = found[1] if found is not None and found[0].receipt_number == case.receipt_number else None
    if record is None:
        return Outcome("not_found")
    say = functools.partial(_say_date, ctx)
    ctx.session.vars["sr_topic"] = rules.topic(record.type, ctx.language)
    ctx.session.vars["sr_created"] = say(record.created)
    if record.status != "open":
        return Outcome("closed")
    routing = rules.route(case.receipt_number, case.office, ctx.services.directory)
    mailbox = routing.follow_up_email if routing is not None else None
    office = routing.office.name.en if routing is not None else case.office_name or ""
    ctx.session.vars["sr_office"] = the_office(ctx, office)
    ctx.session.vars["sr_email_from"] = say(record.created, rules.EMAIL_AFTER_DAYS)
    if mailbox is not None:
        ctx.session.vars["sr_email"] = say_email(mailbox, ctx.language)
    emailed = record.emailed_service_center
    if emailed is not None:
        ctx.session.vars["sr_emailed"] = say(emailed)
        ctx.session.vars["sr_scops_from"] = say(emailed, rules.SCOPS_AFTER_DAYS)
    step = rules.follow_up(record.created, _today(ctx), emailed, has_follow_up_email=mailbox is not None)
    if step is rules.FollowUp.WAIT:
        return Outcome("wait_after_email" if emailed is not None else "wait")
    if step is rules.FollowUp.NOT_APPLICABLE:
        return Outcome("no_mailbox")
    return Outcome(step.value)


@REGISTRY.action(
    "service_request_choose",
    outcomes=("chosen", "live_assistance"),
    params=("type",),
    sets=("sr_type", "sr_topic", "handoff_topic", "handoff_reason", "handoff_detail"),
)
def service_request_choose(ctx: Context) -> Outcome:
    """Remember the type chosen; expedites and other requests go to a representative (DOMAIN.md §5)."""
    sr_type = ctx.args.get("type", "other")
    case = verified_case(ctx)
    ctx.session.vars["sr_type"] = sr_type
    ctx.session.vars["sr_topic"] = rules.topic(sr_type, ctx.language)
    refusal = rules.phone_self_service_refusal(sr_type, case.form)
    if refusal is not None:
        _hand_off(ctx, sr_type, refusal)
        return Outcome("live_assistance")
    return Outcome("chosen")


@REGISTRY.action(
    "service_request_create",
    outcomes=("created", "exists", "exists_follow_up", "live_assistance", "overseas"),
    sets=(
        "sr_reference", "sr_reference_readback", "sr_created", "sr_office", "sr_overseas_contact", "sr_email_from",
        "handoff_topic", "handoff_reason", "handoff_detail",
    ),
)
def service_request_create(ctx: Context) -> Outcome:
    """Create the chosen request, routed to the office holding the file (seed 003); give its reference.

    An open request of the same type is not duplicated: the caller hears its reference and, once
    its 15 days are over (seed 001), goes on to what to do next (`exists_follow_up`).
    """
    case = verified_case(ctx)
    sr_type = str(ctx.session.vars.get("sr_type", "other"))
    language = ctx.language
    refusal = rules.phone_self_service_refusal(sr_type, case.form)
    if refusal is not None:
        _hand_off(ctx, sr_type, refusal)
        return Outcome("live_assistance")
    existing = rules.open_request_of_type(ctx.world.service_requests(case, sr_type), sr_type)
    if existing is not None:
        ctx.session.vars["sr_reference"] = existing.reference
        ctx.session.vars["sr_reference_readback"] = read_digits(existing.reference, language)
        ctx.session.vars["sr_created"] = say_date(existing.created, language)
        # Seed 001: once its 15 days are over, the next step is to follow it up, not to wait or repeat it.
        waiting = rules.follow_up(existing.created, _today(ctx)) is rules.FollowUp.WAIT
        return Outcome("exists" if waiting else "exists_follow_up")
    routing = rules.route(case.receipt_number, case.office, ctx.services.directory)
    if routing is None:
        _hand_off(ctx, sr_type, "no_office")
        return Outcome("live_assistance")
    ctx.session.vars["sr_office"] = the_office(ctx, routing.office.name.en)
    if routing.overseas:
        ctx.session.vars["sr_overseas_contact"] = overseas_contact(ctx, routing.office, case.country)
        return Outcome("overseas")
    today = _today(ctx)
    reference = file_service_request(ctx, case, sr_type, routing.office.name.en, today, channel="ivr", extra=details_of(ctx))
    ctx.session.vars["sr_reference_readback"] = read_digits(reference, language)
    ctx.session.vars["sr_created"] = _say_date(ctx, today)
    ctx.session.vars["sr_email_from"] = _say_date(ctx, today, rules.EMAIL_AFTER_DAYS)
    return Outcome("created")


def overseas_contact(ctx: Context, office: Office, country: str | None) -> str:
    """How to write to an overseas office: its mailbox for the caller's country, else the offices page.

    Seed 001: the only public mailbox the seeds give is USCIS.Canada@dhs.gov, for
    customers in Canada; every other office's addresses are on the International
    Immigration Offices page, so a caller is sent there rather than told an address.
    """
    found = jurisdiction(country, ctx.services.directory) if country else None
    boxes = found.mailboxes if found is not None and found.office == office else ()
    if boxes:
        spoken = " ".join(say_email(box.address, ctx.language) for box in boxes)
        return OVERSEAS_WRITE[ctx.language].format(address=spoken)
    return OVERSEAS_PAGE[ctx.language]


OVERSEAS_WRITE = {"en": "Please write to it at {address}.", "es": "Escríbale a {address}."}
OVERSEAS_PAGE = {
    "en": "Its contact details are on the International Immigration Offices page on uscis.gov.",
    "es": "Sus datos de contacto están en la página de Oficinas Internacionales de Inmigración en uscis.gov.",
}


def _hand_off(ctx: Context, sr_type: str, why: str) -> None:
    ctx.session.vars["handoff_topic"] = HANDOFF_TOPIC
    ctx.session.vars["handoff_reason"] = sr_type
    ctx.session.vars["handoff_detail"] = why


def _say_date(ctx: Context, day: dt.date, days_later: int = 0) -> str:
    return say_date(day + dt.timedelta(days=days_later), ctx.language)


def _today(ctx: Context) -> dt.date:
    """The Contact Center's calendar day (Eastern): service request ages and references count in it."""
    directory = ctx.services.directory
    zone = directory.live_assistance.zone if directory is not None else _EASTERN
    return ctx.now.astimezone(zone).date()
