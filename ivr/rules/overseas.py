"""Callers outside the United States and the overseas offices with jurisdiction over them.

Seed 001_7dddce98989cf869.txt: customers located outside the United States
contact the overseas office with jurisdiction over their place of residence;
the Mexico City field office's jurisdiction includes Canada, which has its own
public mailbox.  Seed 003_29c9fde61bf22c66.txt: the toll-free Contact Center
serves customers within the United States; overseas cases are referred to the
overseas office with its contact information.

Owns two questions: is a caller ID outside the United States, and which
overseas office (and which of its mailboxes) serves a country.  Offices and
mailboxes are data (ivr/data/directory.yaml), passed in.  Pure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ivr.rules.directory import Directory, Mailbox, Office

NANP = "+1"
"""The North American Numbering Plan country code the US shares (with Canada and the Caribbean)."""

_E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")


@dataclass(frozen=True)
class Jurisdiction:
    """The overseas office serving a country and the mailboxes its residents write to."""

    office: Office
    mailboxes: tuple[Mailbox, ...]


def is_international_caller(caller: str | None) -> bool:
    """True when the caller ID is an E.164 number outside the North American Numbering Plan.

    A withheld number, a browser client ('client:…') or anything that is not
    E.164 counts as domestic: the IVR cannot tell, and the domestic path
    offers every option.  NANP numbers count as domestic too, because the
    country code does not separate the United States from Canada.
    """
    if caller is None:
        return False
    number = caller.strip()
    return bool(_E164.match(number)) and not number.startswith(NANP)


def jurisdiction(country: str, directory: Directory) -> Jurisdiction | None:
    """The overseas office with jurisdiction over `country`, or None when the directory has none.

    A country named by a mailbox's purpose ("inquiries from Canada") is
    served by that mailbox's office through that mailbox only (seed 001:
    Mexico City and Canada); an office's own country is served through its
    other mailboxes.  Country names compare without regard to case.
    """
    wanted = country.strip().casefold()
    for office in directory.offices:
        if not office.overseas:
            continue
        named = tuple(box for box in office.emails if _served_country(box) == wanted)
        if named:
            return Jurisdiction(office, named)
    for office in directory.offices:
        if office.overseas and office.country and office.country.casefold() == wanted:
            own = tuple(box for box in office.emails if _served_country(box) is None)
            return Jurisdiction(office, own)
    return None


def _served_country(mailbox: Mailbox) -> str | None:
    """The country a mailbox is set aside for ('inquiries from Canada' -> 'canada'), or None."""
    match = re.search(r"\bfrom ([A-Z][A-Za-z ]*[a-z])", mailbox.purpose.en)
    return match[1].casefold() if match else None
