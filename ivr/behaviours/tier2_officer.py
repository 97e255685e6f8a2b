"""The simulated Tier 2 USCIS officer: verified case details, field office appointments, requests.

Seed 003_29c9fde61bf22c66.txt: Tier 2 is "staffed by USCIS officers with
access to applicable USCIS systems".  DOMAIN.md §1.3: officers can review the
case in USCIS systems, ask that notices be re-issued and give the information
of an in-office appointment; they cannot review already-issued RFEs, issue
notices themselves, transfer calls to local offices, or give legal advice
(those refusals are flow prompts).  DOMAIN.md §4: appointments at field
offices "may only be scheduled by Tier 2".

Owns `live_case_details` (the case as USCIS systems have it, with its service
requests and their status), the appointment actions, and the service request
type question (`live_sr_type` validator, `{live_sr_type_menu}`).
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from ivr.behaviours.live_assistance import (
    OUTSIDE_US_SCRIPT,
    SUPERVISOR,
    asks_for_supervisor,
    say_script,
    the_office,
    verified_case,
)
from ivr.behaviours.case_status import status_in
from ivr.core.machine import OPTION_SENTENCE
from ivr.core.matching import PhraseIndex
from ivr.core.registry import CASE_UPDATED, REGISTRY, Context, Effect, Outcome
from ivr.definitions.cases import Case, ServiceRequestRecord
from ivr.routing import CONTACT_CENTER_ZONE, contact_center_day
from ivr.rules import service_requests as sr_rules
from ivr.rules.biometrics import CONFIRMATION_SEQUENCE, confirmation_number, offer_slots
from ivr.rules.directory import Office, OfficeKind
from ivr.rules.hours import local_zone
from ivr.rules.spoken import digits_from_speech, read_digits, say_date, say_time

SLOTS_OFFERED = 3
DEFAULT_REASON = "in-person services"

# SIMULATED: the directory gives no time zones; these are the cities' zones.
_OFFICE_ZONES = {
    "Chicago Field Office": "America/Chicago",
    "Houston Field Office": "America/Chicago",
    "Los Angeles Field Office": "America/Los_Angeles",
}

_TEXT = {
    "details": {
        "en": "Your {form} case is with {office}. Its status is: {status}.",
        "es": "Su caso del Formulario {form} lo tiene {office}. Su estado es: {status}.",
    },
    "biometrics": {
        "en": "Your biometrics appointment is on {when}, at the {where}.",
        "es": "Su cita de servicios biométricos es el {when}, en {where}.",
    },
    "field_office": {
        "en": "Your appointment at {office} is on {when}, for {reason}.",
        "es": "Su cita en {office} es el {when}, para {reason}.",
    },
    "request": {
        "en": "Service request {reference}, about {topic}, made on {created}, is {status}.",
        "es": "La solicitud de servicio {reference}, sobre {topic}, hecha el {created}, está {status}.",
    },
    "no_requests": {
        "en": "There are no service requests on your case.",
        "es": "Su caso no tiene solicitudes de servicio.",
    },
    "slot": {"en": "For {when}, press {key}.", "es": "Para el {when}, oprima {key}."},
    "current": {
        "en": "You already have an appointment on {when}; a new one replaces it.",
        "es": "Ya tiene una cita el {when}; una nueva la reemplaza.",
    },
}
_STATUS = {"open": {"en": "open", "es": "abierta"}, "closed": {"en": "closed", "es": "cerrada"}}

_SR_PHRASES = {
    "en": {
        "outside_normal_processing_time": (
            "processing time", "taking too long", "delayed", "outside normal processing",
        ),
        "notice_not_received": ("notice", "receipt notice", "did not receive my notice"),
        "card_not_received": ("card", "green card", "never got my card"),
        "document_not_received": ("document", "certificate", "travel document"),
        "typographic_error": (
            "typo", "typographic error", "mistake on my card", "wrong name", "wrong date of birth",
        ),
        "accommodation": ("accommodation", "disability", "wheelchair", "sign language"),
        "change_of_address": ("change of address", "new address", "i moved"),
        "expedite": ("expedite", "speed up", "faster"),
        "other": ("something else", "other"),
    },
    "es": {
        "outside_normal_processing_time": ("tiempo de tramitacion", "tarda demasiado", "atrasado"),
        "notice_not_received": ("aviso", "aviso de recibo", "no recibi mi aviso"),
        "card_not_received": ("tarjeta", "tarjeta verde", "no recibi mi tarjeta"),
        "document_not_received": ("documento", "certificado", "documento de viaje"),
        "typographic_error": ("error tipografico", "error en mi tarjeta", "nombre equivocado"),
        "accommodation": ("adaptacion", "discapacidad", "silla de ruedas"),
        "change_of_address": ("cambio de direccion", "nueva direccion", "me mude"),
        "expedite": ("acelerar", "mas rapido", "expeditar"),
        "other": ("otro asunto", "otra cosa"),
    },
}
_SR_INDEX = {
    language: PhraseIndex.build(
        (sr_type, (sr_rules.topic(sr_type, language), *phrases)) for sr_type, phrases in table.items()
    )
    for language, table in _SR_PHRASES.items()
}


# --- case details ----------------------------------------------------------------------------


def _office_name(ctx: Context, name: str | None) -> str:
    if not name:
        return ""
    office = ctx.services.directory.office_named(name)
    return the_office(office, ctx.language) if office is not None else name


def _when(moment: dt.datetime, language: str) -> str:
    local = moment.astimezone(local_zone(moment))
    return f"{say_date(local.date(), language)}, {say_time(moment, language)}"


@REGISTRY.action("live_case_details", outcomes=("shown",), sets=("case_details", "live_resolution"), seats=("tier2",))
def live_case_details(ctx: Context) -> Outcome:
    """Read the verified case as USCIS systems have it: form, office, status, appointments, requests."""
    case = verified_case(ctx)
    if case is None:
        raise LookupError("case details need a verified caller")
    language = ctx.language
    parts = [
        _TEXT["details"][language].format(
            form=case.form,
            office=_office_name(ctx, case.office_name),
            status=status_in(case.status, language),
        )
    ]
    if case.biometrics is not None:
        parts.append(
            _TEXT["biometrics"][language].format(
                when=_when(case.biometrics.appointment, language), where=case.biometrics.location
            )
        )
    if case.field_office_appointment is not None:
        appointment = case.field_office_appointment
        parts.append(
            _TEXT["field_office"][language].format(
                office=_office_name(ctx, appointment.office),
                when=_when(appointment.appointment, language),
                reason=appointment.reason,
            )
        )
    parts.extend(_request_sentences(ctx.world.service_requests(case, limit=REQUESTS_READ), language))
    ctx.session.vars["case_details"] = " ".join(parts)
    ctx.session.vars["live_resolution"] = "case_details"
    return Outcome("shown")


REQUESTS_READ = 10
"""The officer reads the case's newest requests, at most this many."""


def _request_sentences(ordered: list[ServiceRequestRecord], language: str) -> list[str]:
    """Each service request read (newest first) and its status (their status heard in later calls)."""
    if not ordered:
        return [_TEXT["no_requests"][language]]
    return [
        _TEXT["request"][language].format(
            reference=read_digits(sr.reference, language),
            topic=sr_rules.topic(sr.type, language) if sr.type in sr_rules.SR_TYPES else sr.type,
            created=say_date(sr.created, language),
            status=_STATUS.get(sr.status, _STATUS["open"])[language],
        )
        for sr in ordered
    ]


# --- field office appointments (DOMAIN.md §4) --------------------------------------------------


def _field_offices(ctx: Context) -> list[Office]:
    return [office for office in ctx.services.directory.offices if office.kind is OfficeKind.FIELD_OFFICE]


@REGISTRY.variable("live_field_office_menu")
def live_field_office_menu(ctx: Context) -> str:
    """The domestic field offices, one 'For <office>, press <key>.' each."""
    sentence = OPTION_SENTENCE[ctx.language]
    return " ".join(
        sentence.format(topic=the_office(office, ctx.language), key=index)
        for index, office in enumerate(_field_offices(ctx), start=1)
    )


@REGISTRY.action("live_choose_field_office", outcomes=("chosen", "invalid"), sets=("appt_office_key",), seats=("tier2",))
def live_choose_field_office(ctx: Context) -> Outcome:
    """Take the field office the caller chose by number (`live_choice`)."""
    offices = _field_offices(ctx)
    choice = str(ctx.session.vars.get("live_choice", ""))
    if not choice.isdigit() or not 1 <= int(choice) <= len(offices):
        return Outcome("invalid")
    ctx.session.vars["appt_office_key"] = offices[int(choice) - 1].name.en
    return Outcome("chosen")


def _office_for(ctx: Context, case: Case) -> Office | None:
    directory = ctx.services.directory
    chosen = ctx.session.vars.get("appt_office_key")
    if chosen:
        return directory.office_named(str(chosen))  # type: ignore[no-any-return]
    if case.field_office_appointment is not None:
        office = directory.office_named(case.field_office_appointment.office)
        if office is not None:
            return office  # type: ignore[no-any-return]
    office = directory.office_named(case.office) if case.office else None
    return office if office is not None and office.kind is OfficeKind.FIELD_OFFICE else None


@REGISTRY.action(
    "live_appointment_options",
    outcomes=("ready", "choose_office", "overseas"),
    sets=("script_text", "appt_office_key", "appt_office", "appt_slots", "appt_slots_menu", "appt_current"),
    seats=("tier2",),
)
def live_appointment_options(ctx: Context) -> Outcome:
    """Offer three times at the field office for the case (asking which office when the case names none)."""
    case = verified_case(ctx)
    if case is None:
        raise LookupError("appointments need a verified caller")
    if case.outside_us:
        ctx.session.vars.update(say_script(ctx, OUTSIDE_US_SCRIPT))
        return Outcome("overseas")
    office = _office_for(ctx, case)
    if office is None:
        return Outcome("choose_office")
    language = ctx.language
    zone = ZoneInfo(_OFFICE_ZONES.get(office.name.en, str(CONTACT_CENTER_ZONE)))
    current = case.field_office_appointment
    reference = current.appointment if current is not None else ctx.now.astimezone(zone)
    slots = offer_slots(reference.astimezone(zone), ctx.now, SLOTS_OFFERED)
    vars_ = ctx.session.vars
    vars_["appt_office_key"] = office.name.en
    vars_["appt_office"] = the_office(office, language)
    vars_["appt_slots"] = ",".join(slot.isoformat() for slot in slots)
    vars_["appt_slots_menu"] = " ".join(
        _TEXT["slot"][language].format(when=_when(slot, language), key=index)
        for index, slot in enumerate(slots, 1)
    )
    vars_["appt_current"] = (
        _TEXT["current"][language].format(when=_when(current.appointment, language))
        if current is not None
        else ""
    )
    return Outcome("ready")


@REGISTRY.action(
    "live_book_appointment",
    outcomes=("booked", "invalid"),
    sets=("appt_spoken", "appt_confirmation_readback", "live_resolution"),
    seats=("tier2",),
)
def live_book_appointment(ctx: Context) -> Outcome:
    """Book the time the caller chose (`live_choice`) and give a confirmation number, digit by digit."""
    case = verified_case(ctx)
    vars_ = ctx.session.vars
    slots = [dt.datetime.fromisoformat(s) for s in str(vars_.get("appt_slots", "")).split(",") if s]
    choice = str(vars_.get("live_choice", ""))
    if case is None or not choice.isdigit() or not 1 <= int(choice) <= len(slots):
        return Outcome("invalid")
    slot = slots[int(choice) - 1]
    office = str(vars_["appt_office_key"])
    current = case.field_office_appointment
    reason = current.reason if current is not None else DEFAULT_REASON
    confirmation = confirmation_number(ctx.world.next_sequence(CONFIRMATION_SEQUENCE, contact_center_day(ctx.now)))
    ctx.emit(
        Effect(
            CASE_UPDATED,
            {
                "receipt": case.receipt_number,
                "changes": {
                    "field_office_appointment": {
                        "appointment": slot.isoformat(),
                        "office": office,
                        "reason": reason,
                    }
                },
                "confirmation": confirmation,
                "tier": ctx.session.tier,
            },
        )
    )
    vars_["appt_spoken"] = _when(slot, ctx.language)
    vars_["appt_confirmation_readback"] = read_digits(confirmation, ctx.language)
    vars_["live_resolution"] = "appointment"
    for key in ("appt_office_key", "appt_slots"):
        vars_.pop(key, None)
    return Outcome("booked")


# --- the type of a service request ------------------------------------------------------------


def _read_sr_type(value: str, language: str) -> str:
    return sr_rules.topic(value, language) if value in sr_rules.SR_TYPES else value


@REGISTRY.validator("live_sr_type", readback=_read_sr_type)
def live_sr_type(value: str, kind: str, language: str) -> str | None:
    """A service request type chosen by key (DESIGN.md's order) or by saying it; or 'supervisor'."""
    if kind == "speech":
        if asks_for_supervisor(value):
            return SUPERVISOR
        said = _SR_INDEX["es" if language == "es" else "en"].match(value)
        if said is not None:
            return said
        value = digits_from_speech(value, language)
    if len(value) == 1 and value in "123456789":
        return sr_rules.SR_TYPES[int(value) - 1]
    return None


@REGISTRY.variable("live_sr_type_menu")
def live_sr_type_menu(ctx: Context) -> str:
    """Every service request type, 'For <topic>, press <key>.', in DESIGN.md's order."""
    sentence = OPTION_SENTENCE[ctx.language]
    return " ".join(
        sentence.format(topic=sr_rules.topic(sr_type, ctx.language), key=index)
        for index, sr_type in enumerate(sr_rules.SR_TYPES, start=1)
    )
