"""The contact directory: offices, phone lines, mailboxes and live-assistance hours.

Everything a caller may be told that can change (numbers, addresses, hours,
office names) lives in ivr/data/directory.yaml.  This module owns its format:
it loads and validates the file (unknown keys and bad values are reported as
`file:line: where: what`, every problem of the file at once) into frozen
values, and answers lookups on them.  The bundled file is read once per
process; rule functions receive a `Directory` as an argument and never load
it themselves.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping as MappingABC
from dataclasses import dataclass, field
from datetime import time
from enum import StrEnum
from pathlib import Path
from types import MappingProxyType
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ivr.definitions.checks import Checker, join
from ivr.definitions.yamlsource import Mapping, line_of, load_file
from ivr.rules.hours import WEEKDAY_NAMES, Hours

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "directory.yaml"

FORMAT_VERSION = 1

TOP_KEYS = ("version", "live_assistance", "scops_email", "lines", "offices")
HOURS_KEYS = ("days", "opens", "closes", "zone", "holidays")
LINE_KEYS = ("name", "phone", "hours", "example_after_hours_email")
OFFICE_KEYS = ("name", "kind", "prefixes", "aliases", "follow_up_email", "phone", "country", "emails")
MAILBOX_KEYS = ("address", "for")

HOLIDAY_POLICIES = ("us_federal", "none")
"""`us_federal`: closed on 5 U.S.C. 6103 holidays and their observed dates; `none`: open on them."""

REQUIRED_LINES = (
    "contact_center",
    "tdd",
    "military",
    "premium_processing",
    "hague_adoptions",
    "international",
    "ice_vesl",
    "eoir",
    "cbp",
    "nvc",
    "ssa",
)
"""Lines the flows name; a directory without one of them is an error."""

_CLOCK = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
_PHONE = re.compile(r"^\+?[0-9][0-9-]{5,}[0-9]$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$")
_PREFIX = re.compile(r"^[A-Z]{3}$")
_LINE_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


class OfficeKind(StrEnum):
    """What sort of office holds a case file."""

    SERVICE_CENTER = "service_center"
    BENEFITS_CENTER = "benefits_center"
    FIELD_OFFICE = "field_office"
    ASYLUM_OFFICE = "asylum_office"
    OVERSEAS = "overseas"


@dataclass(frozen=True)
class Bilingual:
    """One text in English and Spanish."""

    en: str
    es: str

    def text(self, language: str) -> str:
        if language == "en":
            return self.en
        if language == "es":
            return self.es
        raise ValueError(f"unknown language {language!r} (allowed: en, es)")


@dataclass(frozen=True)
class Mailbox:
    """A public e-mail address of an office and what it is for."""

    address: str
    purpose: Bilingual


@dataclass(frozen=True)
class Office:
    """An office that may hold a case file."""

    name: Bilingual
    kind: OfficeKind
    prefixes: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    follow_up_email: str | None = None
    """The service-center mailbox for service requests older than 15 days (seed 001)."""
    phone: str | None = None
    country: str | None = None
    emails: tuple[Mailbox, ...] = ()

    @property
    def overseas(self) -> bool:
        return self.kind is OfficeKind.OVERSEAS


@dataclass(frozen=True)
class Line:
    """A phone line a caller may be given: the Contact Center's own or another agency's."""

    key: str
    name: Bilingual
    phone: str
    hours: Hours | None = None
    """None: no published schedule (automated lines answer around the clock)."""
    after_hours_email: str | None = None
    """An example address (`example_after_hours_email`): the seeds say one is given but not which."""


@dataclass(frozen=True)
class Directory:
    """The whole contact directory, with lookups."""

    live_assistance: Hours
    scops_email: str
    lines: tuple[Line, ...]
    offices: tuple[Office, ...]
    _by_prefix: MappingABC[str, Office] = field(init=False, repr=False, compare=False)
    _by_name: MappingABC[str, Office] = field(init=False, repr=False, compare=False)
    _by_line: MappingABC[str, Line] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_prefix = {prefix: office for office in self.offices for prefix in office.prefixes}
        by_name: dict[str, Office] = {}
        for office in self.offices:
            for name in (office.name.en, office.name.es, *office.aliases):
                by_name.setdefault(_name_key(name), office)
        object.__setattr__(self, "_by_prefix", MappingProxyType(by_prefix))
        object.__setattr__(self, "_by_name", MappingProxyType(by_name))
        object.__setattr__(self, "_by_line", MappingProxyType({line.key: line for line in self.lines}))

    def office_for_prefix(self, prefix: str) -> Office | None:
        """The office a receipt prefix stands for (DOMAIN.md §2.1), or None for an unknown prefix."""
        return self._by_prefix.get(prefix.strip().upper())

    def office_named(self, name: str) -> Office | None:
        """The office with this English or Spanish name or alias (case and spacing ignored)."""
        return self._by_name.get(_name_key(name))

    def line(self, name: str) -> Line:
        """The line with this key (`military`, `eoir`, …); KeyError names the known keys."""
        try:
            return self._by_line[name]
        except KeyError:
            raise KeyError(f"unknown line {name!r} (known: {', '.join(self._by_line)})") from None


def load_directory(path: Path | str | None = None) -> Directory:
    """The directory in `path`, or the bundled one (read once per process) when no path is given."""
    if path is None:
        return _bundled_directory()
    return _load(Path(path))


@functools.cache
def _bundled_directory() -> Directory:
    return _load(DEFAULT_PATH)


def _load(path: Path) -> Directory:
    data, shown = load_file(path)
    checker = Checker(shown)
    directory = _read_directory(checker, data)
    checker.raise_if_any()
    assert directory is not None  # no problems means every part was read
    return directory


# --- reading ------------------------------------------------------------------------------


def _name_key(name: str) -> str:
    return " ".join(name.casefold().split())


def _read_directory(checker: Checker, data: Any) -> Directory | None:
    top = checker.mapping(data, "top level", 1)
    if top is None:
        return None
    checker.keys(top, "", TOP_KEYS, required=TOP_KEYS)
    if "version" in top:
        version = checker.integer(top, "version", "")
        if version is not None and version != FORMAT_VERSION:
            checker.problem(top.line_of("version"), "version", f"unsupported version {version} (allowed: 1)")
    live = _read_hours(checker, top, "live_assistance", "") if "live_assistance" in top else None
    scops = _email(checker, top, "scops_email", "") if "scops_email" in top else None
    lines = _read_lines(checker, top) if "lines" in top else None
    offices = _read_offices(checker, top) if "offices" in top else None
    if checker.problems or live is None or scops is None or lines is None or offices is None:
        return None
    return Directory(live_assistance=live, scops_email=scops, lines=lines, offices=offices)


def _read_hours(checker: Checker, parent: Mapping, key: str, where: str) -> Hours | None:
    where = join(where, key)
    hours = checker.mapping(parent[key], where, parent.line_of(key))
    if hours is None:
        return None
    checker.keys(hours, where, HOURS_KEYS, required=HOURS_KEYS)
    days = _read_days(checker, hours, where) if "days" in hours else None
    opens = _read_clock(checker, hours, "opens", where)
    closes = _read_clock(checker, hours, "closes", where)
    zone = _read_zone(checker, hours, where)
    policy = checker.choice(hours, "holidays", where, HOLIDAY_POLICIES) if "holidays" in hours else None
    if opens is not None and closes is not None and not opens < closes:
        checker.problem(
            hours.line_of("closes"), join(where, "closes"), f"must be later than opens ({opens:%H:%M})"
        )
        return None
    if days is None or opens is None or closes is None or zone is None or policy is None:
        return None
    return Hours(days, opens, closes, zone, federal_holidays=policy == "us_federal")


def _read_days(checker: Checker, hours: Mapping, where: str) -> frozenset[int] | None:
    where = join(where, "days")
    days = checker.sequence(hours["days"], where, hours.line_of("days"))
    if days is None:
        return None
    if not days:
        checker.problem(days.line, where, "must name at least one day")
        return None
    found: set[int] = set()
    ok = True
    for index, day in enumerate(days):
        text = str(day).strip().lower() if isinstance(day, str) else None
        if text not in WEEKDAY_NAMES:
            checker.problem(
                days.line_of(index),
                f"{where}[{index}]",
                f"unknown day {day!r} (allowed: {', '.join(WEEKDAY_NAMES)})",
            )
            ok = False
        elif WEEKDAY_NAMES.index(text) in found:
            checker.problem(days.line_of(index), f"{where}[{index}]", f"'{text}' is listed twice")
            ok = False
        else:
            found.add(WEEKDAY_NAMES.index(text))
    return frozenset(found) if ok else None


def _read_clock(checker: Checker, hours: Mapping, key: str, where: str) -> time | None:
    if key not in hours:
        return None
    text = checker.text(hours, key, where)
    if text is None:
        return None
    match = _CLOCK.match(text)
    if match is None:
        checker.problem(
            hours.line_of(key), join(where, key), f"'{text}' is not a time of day (HH:MM, 24-hour)"
        )
        return None
    return time(int(match[1]), int(match[2]))


def _read_zone(checker: Checker, hours: Mapping, where: str) -> ZoneInfo | None:
    if "zone" not in hours:
        return None
    text = checker.text(hours, "zone", where)
    if text is None:
        return None
    try:
        return ZoneInfo(text)
    except (ZoneInfoNotFoundError, ValueError):
        checker.problem(
            hours.line_of("zone"),
            join(where, "zone"),
            f"unknown time zone '{text}' (an IANA name, e.g. America/New_York)",
        )
        return None


def _read_lines(checker: Checker, top: Mapping) -> tuple[Line, ...] | None:
    lines = checker.mapping(top["lines"], "lines", top.line_of("lines"))
    if lines is None:
        return None
    result: list[Line] = []
    ok = True
    for key, value in lines.items():
        where = join("lines", key)
        if not _LINE_NAME.match(key):
            checker.problem(lines.line_of(key), where, "a line name is lower-case letters, digits and '_'")
            ok = False
            continue
        line = _read_line(checker, key, value, where, lines.line_of(key))
        if line is None:
            ok = False
        else:
            result.append(line)
    for required in REQUIRED_LINES:
        if required not in lines:
            checker.problem(top.line_of("lines"), "lines", f"missing required line '{required}'")
            ok = False
    return tuple(result) if ok else None


def _read_line(checker: Checker, key: str, value: Any, where: str, line: int) -> Line | None:
    mapping = checker.mapping(value, where, line)
    if mapping is None:
        return None
    checker.keys(mapping, where, LINE_KEYS, required=("name", "phone"))
    before = len(checker.problems)
    name = _bilingual(checker, mapping, "name", where)
    phone = _phone(checker, mapping, "phone", where)
    hours = _read_hours(checker, mapping, "hours", where) if "hours" in mapping else None
    key_ = "example_after_hours_email"
    email = _email(checker, mapping, key_, where) if key_ in mapping else None
    if len(checker.problems) > before or name is None or phone is None:
        return None
    return Line(key=key, name=name, phone=phone, hours=hours, after_hours_email=email)


def _read_offices(checker: Checker, top: Mapping) -> tuple[Office, ...] | None:
    offices = checker.sequence(top["offices"], "offices", top.line_of("offices"))
    if offices is None:
        return None
    result: list[Office] = []
    prefix_lines: dict[str, tuple[str, int]] = {}
    name_lines: dict[str, int] = {}
    ok = True
    for index, value in enumerate(offices):
        where = f"offices[{index}]"
        office = _read_office(checker, value, where, offices.line_of(index))
        if office is None:
            ok = False
            continue
        mapping: Mapping = value
        for prefix in office.prefixes:
            if prefix in prefix_lines:
                owner, first = prefix_lines[prefix]
                checker.problem(
                    mapping.line_of("prefixes"),
                    join(where, "prefixes"),
                    f"prefix {prefix} already belongs to {owner} (line {first})",
                )
                ok = False
            prefix_lines.setdefault(prefix, (office.name.en, mapping.line_of("prefixes")))
        for name in (office.name.en, office.name.es, *office.aliases):
            key = _name_key(name)
            if key in name_lines and name_lines[key] != mapping.line:
                checker.problem(
                    mapping.line,
                    where,
                    f"name '{name}' is already used by another office (line {name_lines[key]})",
                )
                ok = False
            name_lines.setdefault(key, mapping.line)
        result.append(office)
    return tuple(result) if ok else None


def _read_office(checker: Checker, value: Any, where: str, line: int) -> Office | None:
    mapping = checker.mapping(value, where, line)
    if mapping is None:
        return None
    checker.keys(mapping, where, OFFICE_KEYS, required=("name", "kind"))
    before = len(checker.problems)
    name = _bilingual(checker, mapping, "name", where)
    kind = (
        checker.choice(mapping, "kind", where, [k.value for k in OfficeKind]) if "kind" in mapping else None
    )
    prefixes = _read_prefixes(checker, mapping, where) if "prefixes" in mapping else ()
    aliases = _read_aliases(checker, mapping, where) if "aliases" in mapping else ()
    follow_up = _email(checker, mapping, "follow_up_email", where) if "follow_up_email" in mapping else None
    phone = _phone(checker, mapping, "phone", where) if "phone" in mapping else None
    country = checker.text(mapping, "country", where) if "country" in mapping else None
    emails = _read_mailboxes(checker, mapping, where) if "emails" in mapping else ()
    if kind == OfficeKind.OVERSEAS and prefixes:
        checker.problem(
            mapping.line_of("prefixes"),
            join(where, "prefixes"),
            "an overseas office takes no receipt prefixes",
        )
    if len(checker.problems) > before or name is None or kind is None:
        return None
    return Office(
        name=name,
        kind=OfficeKind(kind),
        prefixes=prefixes,
        aliases=aliases,
        follow_up_email=follow_up,
        phone=phone,
        country=country,
        emails=emails,
    )


def _read_prefixes(checker: Checker, mapping: Mapping, where: str) -> tuple[str, ...]:
    where = join(where, "prefixes")
    items = checker.sequence(mapping["prefixes"], where, mapping.line_of("prefixes"))
    if items is None:
        return ()
    result: list[str] = []
    for index, item in enumerate(items):
        if not isinstance(item, str) or not _PREFIX.match(item):
            checker.problem(
                items.line_of(index),
                f"{where}[{index}]",
                f"{item!r} is not a receipt prefix (three capital letters)",
            )
        else:
            result.append(str(item))
    return tuple(result)


def _read_aliases(checker: Checker, mapping: Mapping, where: str) -> tuple[str, ...]:
    where = join(where, "aliases")
    items = checker.sequence(mapping["aliases"], where, mapping.line_of("aliases"))
    if items is None:
        return ()
    result: list[str] = []
    for index, item in enumerate(items):
        if not isinstance(item, str) or not item.strip():
            checker.problem(items.line_of(index), f"{where}[{index}]", "an alias is a non-empty text")
        else:
            result.append(str(item).strip())
    return tuple(result)


def _read_mailboxes(checker: Checker, mapping: Mapping, where: str) -> tuple[Mailbox, ...]:
    where = join(where, "emails")
    items = checker.sequence(mapping["emails"], where, mapping.line_of("emails"))
    if items is None:
        return ()
    result: list[Mailbox] = []
    for index, item in enumerate(items):
        item_where = f"{where}[{index}]"
        box = checker.mapping(item, item_where, items.line_of(index))
        if box is None:
            continue
        checker.keys(box, item_where, MAILBOX_KEYS, required=MAILBOX_KEYS)
        address = _email(checker, box, "address", item_where) if "address" in box else None
        purpose = _bilingual(checker, box, "for", item_where) if "for" in box else None
        if address is not None and purpose is not None:
            result.append(Mailbox(address, purpose))
    return tuple(result)


def _bilingual(checker: Checker, mapping: Mapping, key: str, where: str) -> Bilingual | None:
    if key not in mapping:
        return None  # `keys` already reported a missing required key
    texts = checker.bilingual(mapping, key, where)
    return Bilingual(en=texts["en"], es=texts["es"]) if texts else None


def _phone(checker: Checker, mapping: Mapping, key: str, where: str) -> str | None:
    if key not in mapping:
        return None
    text = checker.text(mapping, key, where)
    if text is not None and not _PHONE.match(text):
        checker.problem(
            line_of(mapping[key], mapping.line_of(key)),
            join(where, key),
            f"'{text}' is not a phone number (digits and dashes, e.g. 1-800-375-5283)",
        )
        return None
    return text


def _email(checker: Checker, mapping: Mapping, key: str, where: str) -> str | None:
    text = checker.text(mapping, key, where)
    if text is not None and not _EMAIL.match(text):
        checker.problem(mapping.line_of(key), join(where, key), f"'{text}' is not an e-mail address")
        return None
    return text
