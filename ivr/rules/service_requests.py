"""Service requests: their types, reference numbers, follow-up and routing.

Sources: seed 001_7dddce98989cf869.txt (the 15-day and 21-day follow-up rules,
service-center mailboxes, SCOPS), seed 003_29c9fde61bf22c66.txt (a request
goes to the office that holds the file; overseas files are referred to the
overseas office) and DOMAIN.md §5 (the self-service types).

Owns the rules only: what a caller should do next about a request, the
reference number of a new one, and which office it goes to.  Pure: dates
come in as arguments; the directory is passed in; nothing is stored here.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from ivr.rules.directory import Directory, Office, OfficeKind
from ivr.rules.receipts import normalize_receipt

SR_TYPES: tuple[str, ...] = (
    "outside_normal_processing_time",
    "notice_not_received",
    "card_not_received",
    "document_not_received",
    "typographic_error",
    "accommodation",
    "change_of_address",
    "expedite",
    "other",
)
"""Service request types, in DESIGN.md §4's order (the menu order)."""

SELF_SERVICE_TYPES: frozenset[str] = frozenset(
    {
        "change_of_address",
        "notice_not_received",
        "card_not_received",
        "document_not_received",
        "outside_normal_processing_time",
        "accommodation",
        "typographic_error",
    }
)
"""Types a caller may also submit online without calling (DOMAIN.md §5)."""

SR_TOPICS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "outside_normal_processing_time": MappingProxyType(
            {
                "en": "a case outside normal processing time",
                "es": "un caso fuera del tiempo normal de procesamiento",
            }
        ),
        "notice_not_received": MappingProxyType(
            {"en": "a notice you did not receive", "es": "un aviso que no recibió"}
        ),
        "card_not_received": MappingProxyType(
            {"en": "a card you did not receive", "es": "una tarjeta que no recibió"}
        ),
        "document_not_received": MappingProxyType(
            {"en": "another document you did not receive", "es": "otro documento que no recibió"}
        ),
        "typographic_error": MappingProxyType(
            {"en": "correcting a typographic error", "es": "la corrección de un error tipográfico"}
        ),
        "accommodation": MappingProxyType(
            {
                "en": "an accommodation for a disability at an appointment",
                "es": "una adaptación por discapacidad para una cita",
            }
        ),
        "change_of_address": MappingProxyType({"en": "a change of address", "es": "un cambio de dirección"}),
        "expedite": MappingProxyType(
            {"en": "a request to expedite your case", "es": "una solicitud para acelerar su caso"}
        ),
        "other": MappingProxyType({"en": "something else", "es": "otro asunto"}),
    }
)
"""Each type as a menu topic: 'For <topic>, press <key>.' / 'Para <tema>, oprima <tecla>.'"""

EMAIL_AFTER_DAYS = 15
"""Days after the request from which the caller may e-mail the service center (seed 001)."""

SCOPS_AFTER_DAYS = 21
"""Days after that e-mail from which, with no answer, the caller may contact SCOPS (seed 001)."""

FOUR_DIGIT_SEQUENCES = 9999
"""A day's first requests have 10-digit references; from the 10,000th they have 11 digits."""


class FollowUp(StrEnum):
    """What a caller should do next about an open service request (seed 001)."""

    WAIT = "wait"
    """Too early: the office has not had its 15 days, or the service center its 21 days since the e-mail."""
    EMAIL_SERVICE_CENTER = "email_service_center"
    """E-mail the service center's follow-up mailbox, quoting the reference number."""
    CONTACT_SCOPS = "contact_scops"
    """E-mail the Office of Service Center Operations (the directory's `scops_email`)."""
    NOT_APPLICABLE = "not_applicable"
    """The office has no follow-up mailbox (a field office, for instance): wait for it or ask for live assistance."""


@dataclass(frozen=True)
class Routing:
    """Where a service request about a case goes (seed 003)."""

    office: Office
    kind: OfficeKind
    overseas: bool
    """True: no request is made; the caller is given the overseas office's contact details instead."""
    follow_up_email: str | None


def topic(sr_type: str, language: str) -> str:
    """The menu topic of a type in a language; KeyError for an unknown type or language."""
    return SR_TOPICS[sr_type][language]


def follow_up(
    created: date,
    today: date,
    emailed_on: date | None = None,
    *,
    has_follow_up_email: bool = True,
) -> FollowUp:
    """What to do next about a request created on `created` (seed 001).

    Under 15 days: wait.  From day 15: e-mail the service center, or, when
    its office has no follow-up mailbox, NOT_APPLICABLE.  Once e-mailed: wait
    for the answer; from day 21 after the e-mail, contact SCOPS.  Seed 001
    words both rules alike ("has not received a response within N days"), so
    both open on day N.
    A `today` before `created` (clock and data disagree) is treated as day 0.
    """
    if (today - created).days < EMAIL_AFTER_DAYS:
        return FollowUp.WAIT
    if not has_follow_up_email:
        return FollowUp.NOT_APPLICABLE
    if emailed_on is None:
        return FollowUp.EMAIL_SERVICE_CENTER
    if (today - emailed_on).days >= SCOPS_AFTER_DAYS:
        return FollowUp.CONTACT_SCOPS
    return FollowUp.WAIT


def new_reference(day: date, sequence: int) -> str:
    """The day as YYMMDD and the day's sequence, e.g. '2611010001' (DESIGN.md §4).

    Ten digits for the day's first 9,999 requests (the sequence zero-padded to
    four digits); a busier day goes on with 11 digits ('26110110000'), so
    there is no daily cap and references stay unique and sorted within a day.
    """
    if sequence < 1:
        raise ValueError(f"sequence must be 1 or more, not {sequence}")
    return f"{day:%y%m%d}{sequence:04d}"


def route(receipt: str, case_office: str | None, directory: Directory) -> Routing | None:
    """The office a request about this case goes to, or None when neither the case nor the receipt names one.

    The office the case data names wins over the receipt prefix, because a
    case may be transferred and keep its prefix (seed 003: the request goes to
    the office that holds the file; DOMAIN.md §2.1).  A named office the
    directory does not know falls back to the prefix.
    """
    office = directory.office_named(case_office) if case_office else None
    if office is None:
        normalized = normalize_receipt(receipt)
        office = directory.office_for_prefix(normalized[:3]) if normalized else None
    if office is None:
        return None
    return Routing(
        office=office,
        kind=office.kind,
        overseas=office.overseas,
        follow_up_email=None if office.overseas else office.follow_up_email,
    )


CONFIDENTIAL_FORMS: frozenset[str] = frozenset({"I-360", "I-914", "I-918"})
"""Forms of VAWA self-petitioners (I-360), T (I-914) and U (I-918) applicants, whose records 8 U.S.C. 1367
protects; online change of address is not available to them (DOMAIN.md §1.3)."""

PHONE_SELF_SERVICE_REFUSALS = ("not_self_service", "confidential_change_of_address")


def phone_self_service_refusal(sr_type: str, form: str) -> str | None:
    """Why the IVR may not create this request itself (a representative takes it), or None when it may.

    `not_self_service`: the type is not one of the self-service categories of
    DOMAIN.md §5 (expedite, other).  `confidential_change_of_address`: a change
    of address on a VAWA, T or U case (DOMAIN.md §1.3).
    """
    if sr_type not in SR_TYPES:
        raise ValueError(f"unknown service request type {sr_type!r} (allowed: {', '.join(SR_TYPES)})")
    if sr_type not in SELF_SERVICE_TYPES:
        return "not_self_service"
    if sr_type == "change_of_address" and _form_key(form) in CONFIDENTIAL_FORMS:
        return "confidential_change_of_address"
    return None


def open_request_of_type(requests: Iterable[Any], sr_type: str) -> Any | None:
    """The open request of this type already on file (the newest), or None: a caller is not given a duplicate.

    `requests` are records with `type`, `status` and `created` (the case data's service requests).
    """
    same = [r for r in requests if r.type == sr_type and r.status == "open"]
    return max(same, key=lambda r: r.created) if same else None


def _form_key(form: str) -> str:
    return form.replace(" ", "").upper()
