"""The simulated case data (`CASES_FILE`): its format, its validation and the `CaseBook` it loads into.

The format is DESIGN.md §4::

    version: 1
    cases:
      - receipt_number: WAC2612345678      # required: 3 letters + 10 digits, no dashes
        form: I-765                        # required: I-765, I-130, N-400, I-800A ...
        status: Case Was Received          # required: read to verified callers
        date_of_birth: 1990-04-12          # required: YYYY-MM-DD, the identity check
        applicant_name: Ana Torres         # optional
        office: California Service Center  # optional: defaults from the receipt prefix
        biometrics:                        # optional
          appointment: 2026-11-30T09:00:00-08:00   # ISO 8601 with a UTC offset
          location: Los Angeles Application Support Center
          times_rescheduled: 0             # optional, default 0
        field_office_appointment:          # optional; all three keys required
          appointment: 2026-12-03T10:30:00-05:00
          office: Washington Field Office
          reason: ADIT stamp
        service_requests:                  # optional: requests already on file
          - reference: "2611010001"        # 10 digits, quoted
            type: outside_normal_processing_time   # one of SERVICE_REQUEST_TYPES
            created: 2026-11-01

Optional keys this module adds to DESIGN.md §4:

* on a case: `a_number` (A + 8 or 9 digits: `A012345678`), `phone` (E.164, quoted:
  `"+12025550143"`), `outside_us` (`true` when the applicant lives abroad: overseas guidance,
  default `false`), `country` (the country the applicant lives in, as the directory names it:
  an overseas office's mailbox for that country is given, seed 001), `representative` (the
  attorney or accredited representative with a Form G-28 on file: `{name: Ana Ruiz, kind:
  attorney}`, `kind` one of `REPRESENTATIVE_KINDS`; such a caller is verified by their name with
  the applicant's receipt number and date of birth, seed 000);
* on a service request: `emailed_service_center` (the date the caller e-mailed the service
  center about it, YYYY-MM-DD) and `status` (`open` or `closed`, default `open`).

Receipt numbers are stored upper-case; dashes and spaces are refused, so the file holds them
exactly as a caller keys them.  A prefix outside `PREFIX_OFFICES` needs an explicit `office`.
Unknown keys, duplicate receipt numbers and duplicate service-request references are errors;
every problem of the file is reported at once as `file:line: where: what`.

This module owns reading that file and the immutable values it yields.  It holds no business
rules (what a caller may do with a case is decided in `ivr.rules`) and never reads the clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ivr.definitions import yamlsource
from ivr.definitions.checks import Checker, join
from ivr.definitions.yamlsource import line_of, load_file
from ivr.rules.service_requests import SR_TYPES

DEMO_CASES_PATH = Path(__file__).resolve().parent.parent / "data" / "demo_cases.yaml"
"""The bundled demo data, used when no `CASES_FILE` is configured."""

DEMO_CLOCK = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
"""The instant (a Monday morning, Eastern) the demo data is written against: ages and deadlines are relative to it."""

FORMAT_VERSION = 1

PREFIX_OFFICES: Mapping[str, str] = {
    "EAC": "Vermont Service Center",
    "VSC": "Vermont Service Center",
    "WAC": "California Service Center",
    "CSC": "California Service Center",
    "LIN": "Nebraska Service Center",
    "NSC": "Nebraska Service Center",
    "SRC": "Texas Service Center",
    "TSC": "Texas Service Center",
    "MSC": "National Benefits Center",
    "NBC": "National Benefits Center",
    # ELIS is a case system, not an office (DOMAIN.md §2.1): an IOE case names the office
    # holding it; without one it is the National Benefits Center's.
    "IOE": "National Benefits Center",
    "YSC": "Potomac Service Center",
    "SIM": "National Benefits Center Adoptions Unit",
}
"""Receipt prefix -> the office that receipted the case (DOMAIN.md §2.1); `office` overrides it."""

SERVICE_REQUEST_TYPES = SR_TYPES
"""The `type` a case's service request may have: the service-request rules' own list."""
SERVICE_REQUEST_STATUSES = ("open", "closed")

TOP_KEYS = ("version", "cases")
CASE_KEYS = (
    "receipt_number",
    "form",
    "status",
    "date_of_birth",
    "applicant_name",
    "office",
    "biometrics",
    "field_office_appointment",
    "service_requests",
    "a_number",
    "phone",
    "outside_us",
    "country",
    "representative",
)
CASE_REQUIRED_KEYS = ("receipt_number", "form", "status", "date_of_birth")
BIOMETRICS_KEYS = ("appointment", "location", "times_rescheduled")
BIOMETRICS_REQUIRED_KEYS = ("appointment", "location")
FIELD_OFFICE_APPOINTMENT_KEYS = ("appointment", "office", "reason")
SERVICE_REQUEST_KEYS = ("reference", "type", "created", "emailed_service_center", "status")
SERVICE_REQUEST_REQUIRED_KEYS = ("reference", "type", "created")
REPRESENTATIVE_KEYS = ("name", "kind")
REPRESENTATIVE_KINDS = ("attorney", "accredited_representative")

_RECEIPT = re.compile(r"[A-Z]{3}[0-9]{10}")
_FORM = re.compile(r"[A-Z]{1,4}-[0-9]{1,4}[A-Z]{0,3}")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_REFERENCE = re.compile(r"[0-9]{10}")
_A_NUMBER = re.compile(r"A[0-9]{8,9}")
_E164 = re.compile(r"\+[1-9][0-9]{7,14}")

_T = TypeVar("_T")


# --- values -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Biometrics:
    """A biometric services (ASC) appointment on file."""

    appointment: dt.datetime
    location: str
    times_rescheduled: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "appointment": self.appointment.isoformat(),
            "location": self.location,
            "times_rescheduled": self.times_rescheduled,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Biometrics:
        return cls(
            appointment=dt.datetime.fromisoformat(data["appointment"]),
            location=data["location"],
            times_rescheduled=int(data.get("times_rescheduled", 0)),
        )


@dataclass(frozen=True)
class FieldOfficeAppointment:
    """An in-person (InfoPass) appointment at a field office."""

    appointment: dt.datetime
    office: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"appointment": self.appointment.isoformat(), "office": self.office, "reason": self.reason}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> FieldOfficeAppointment:
        return cls(
            appointment=dt.datetime.fromisoformat(data["appointment"]),
            office=data["office"],
            reason=data["reason"],
        )


@dataclass(frozen=True)
class ServiceRequestRecord:
    """A service request already on file for a case."""

    reference: str
    type: str
    created: dt.date
    emailed_service_center: dt.date | None = None
    status: str = "open"

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "reference": self.reference,
            "type": self.type,
            "created": self.created.isoformat(),
        }
        if self.emailed_service_center is not None:
            data["emailed_service_center"] = self.emailed_service_center.isoformat()
        data["status"] = self.status
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ServiceRequestRecord:
        emailed = data.get("emailed_service_center")
        return cls(
            reference=data["reference"],
            type=data["type"],
            created=dt.date.fromisoformat(data["created"]),
            emailed_service_center=dt.date.fromisoformat(emailed) if emailed else None,
            status=data.get("status", "open"),
        )


@dataclass(frozen=True)
class Representative:
    """The attorney or accredited representative with a Form G-28 on file for a case."""

    name: str
    kind: str  # one of REPRESENTATIVE_KINDS

    def to_dict(self) -> dict[str, str]:
        """The file's shape."""
        return {"name": self.name, "kind": self.kind}

    def describe(self) -> str:
        """For people taking the call: 'Ana Ruiz (attorney)'."""
        return f"{self.name} ({self.kind.replace('_', ' ')})"


@dataclass(frozen=True)
class Case:
    """One case of the simulated world, as the case-data file describes it."""

    receipt_number: str
    form: str
    status: str
    date_of_birth: dt.date
    applicant_name: str | None = None
    office: str | None = None
    biometrics: Biometrics | None = None
    field_office_appointment: FieldOfficeAppointment | None = None
    service_requests: tuple[ServiceRequestRecord, ...] = ()
    a_number: str | None = None
    phone: str | None = None
    outside_us: bool = False
    country: str | None = None
    """Where the applicant lives, when the data says (an overseas office's mailbox is chosen by it)."""
    representative: Representative | None = None
    """The attorney or accredited representative with a G-28 on file, if any."""

    @property
    def prefix(self) -> str:
        """The three letters of the receipt number (`WAC`)."""
        return self.receipt_number[:3]

    @property
    def digits(self) -> str:
        """The ten digits of the receipt number, as a caller keys them."""
        return self.receipt_number[3:]

    @property
    def office_name(self) -> str | None:
        """The office holding the case: `office` when named, else the one its prefix stands for."""
        return self.office if self.office is not None else PREFIX_OFFICES.get(self.prefix)

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-able dict in the file's own shape (optional keys left out when unset)."""
        data: dict[str, Any] = {
            "receipt_number": self.receipt_number,
            "form": self.form,
            "status": self.status,
            "date_of_birth": self.date_of_birth.isoformat(),
        }
        optional: dict[str, Any] = {
            "applicant_name": self.applicant_name,
            "office": self.office,
            "biometrics": self.biometrics.to_dict() if self.biometrics else None,
            "field_office_appointment": (
                self.field_office_appointment.to_dict() if self.field_office_appointment else None
            ),
            "service_requests": [sr.to_dict() for sr in self.service_requests] or None,
            "a_number": self.a_number,
            "phone": self.phone,
            "outside_us": True if self.outside_us else None,
            "country": self.country,
            "representative": self.representative.to_dict() if self.representative else None,
        }
        data.update((key, value) for key, value in optional.items() if value is not None)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Case:
        """The case `to_dict` gave (a transcript's snapshot); missing optional keys take their defaults."""
        biometrics = data.get("biometrics")
        appointment = data.get("field_office_appointment")
        representative = data.get("representative")
        return cls(
            receipt_number=data["receipt_number"],
            form=data["form"],
            status=data["status"],
            date_of_birth=dt.date.fromisoformat(data["date_of_birth"]),
            applicant_name=data.get("applicant_name"),
            office=data.get("office"),
            biometrics=Biometrics.from_dict(biometrics) if biometrics else None,
            field_office_appointment=FieldOfficeAppointment.from_dict(appointment) if appointment else None,
            service_requests=tuple(
                ServiceRequestRecord.from_dict(sr) for sr in data.get("service_requests") or ()
            ),
            a_number=data.get("a_number"),
            phone=data.get("phone"),
            outside_us=bool(data.get("outside_us", False)),
            country=data.get("country"),
            representative=Representative(representative["name"], representative["kind"]) if representative else None,
        )


@dataclass(frozen=True)
class CaseBook:
    """Every case of the simulated world, looked up by receipt, by keyed digits or by service request."""

    cases: tuple[Case, ...] = ()
    _by_receipt: Mapping[str, Case] = field(init=False, repr=False, compare=False)
    _by_digits: Mapping[str, tuple[Case, ...]] = field(init=False, repr=False, compare=False)
    _by_reference: Mapping[str, tuple[Case, ServiceRequestRecord]] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        by_receipt: dict[str, Case] = {}
        by_digits: dict[str, tuple[Case, ...]] = {}
        by_reference: dict[str, tuple[Case, ServiceRequestRecord]] = {}
        for case in self.cases:
            if case.receipt_number in by_receipt:
                raise ValueError(f"duplicate receipt number {case.receipt_number}")
            by_receipt[case.receipt_number] = case
            by_digits[case.digits] = (*by_digits.get(case.digits, ()), case)
            for record in case.service_requests:
                if record.reference in by_reference:
                    raise ValueError(f"duplicate service request reference {record.reference}")
                by_reference[record.reference] = (case, record)
        object.__setattr__(self, "_by_receipt", by_receipt)
        object.__setattr__(self, "_by_digits", by_digits)
        object.__setattr__(self, "_by_reference", by_reference)

    def get(self, receipt: str) -> Case | None:
        """The case with this receipt number; case, spaces and dashes do not matter."""
        return self._by_receipt.get(_compact(receipt).upper())

    def by_digits(self, ten_digits: str) -> list[Case]:
        """Every case whose receipt ends in these ten digits (several offices may share them), in file order."""
        return list(self._by_digits.get(_compact(ten_digits), ()))

    def find_service_request(self, reference: str) -> tuple[Case, ServiceRequestRecord] | None:
        """The case and service request with this reference number."""
        return self._by_reference.get(_compact(reference))

    def __iter__(self) -> Iterator[Case]:
        return iter(self.cases)

    def __len__(self) -> int:
        return len(self.cases)

    def to_dict(self) -> dict[str, Any]:
        """A plain, JSON-able dict in the file's own shape."""
        return {"version": FORMAT_VERSION, "cases": [case.to_dict() for case in self.cases]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> CaseBook:
        return cls(tuple(Case.from_dict(case) for case in data.get("cases") or ()))


def _compact(text: str) -> str:
    return "".join(text.split()).replace("-", "")


# --- loading -------------------------------------------------------------------------------------


def load_cases(path: Path | str) -> CaseBook:
    """Read and validate a case-data file; raise `DefinitionError` listing every problem in it."""
    data, shown = load_file(path)
    checker = Checker(shown)
    cases = _cases(checker, data)
    checker.raise_if_any()
    return CaseBook(tuple(cases))


def _cases(checker: Checker, data: Any) -> list[Case]:
    top = checker.mapping(data, "top level", line_of(data))
    if top is None:
        return []
    _check_version(checker, top)
    checker.keys(top, "", TOP_KEYS, required=TOP_KEYS)
    if "cases" not in top:
        return []
    return check_cases(checker, top["cases"], top.line_of("cases"))


def check_cases(checker: Checker, value: Any, line: int) -> list[Case]:
    """The `cases:` list of a case-data file (or of a test call's inline cases), every fault noted."""
    items = checker.sequence(value, "cases", line)
    if items is None:
        return []
    cases = [
        _case(checker, item, f"cases[{index}]", items.line_of(index)) for index, item in enumerate(items)
    ]
    _check_unique(checker, items)
    return [case for case in cases if case is not None]


def _check_version(checker: Checker, top: yamlsource.Mapping) -> None:
    """A file of another version is not read further: its other keys may mean something else."""
    if "version" not in top:
        return
    version = top["version"]
    if isinstance(version, bool) or version != FORMAT_VERSION:
        shown = str(version) if type(version) is int else f"'{version}'"
        checker.problem(
            top.line_of("version"), "version", f"unsupported version {shown} (allowed: {FORMAT_VERSION})"
        )
        checker.raise_if_any()


def _case(checker: Checker, item: Any, where: str, line: int) -> Case | None:
    case = checker.mapping(item, where, line)
    if case is None:
        return None
    before = len(checker.problems)
    checker.keys(case, where, CASE_KEYS, required=CASE_REQUIRED_KEYS)
    receipt = _receipt(checker, case, where)
    form = _form(checker, case, where)
    status = checker.text(case, "status", where)
    date_of_birth = _date(checker, case, "date_of_birth", where)
    applicant_name = _optional_text(checker, case, "applicant_name", where)
    office = _optional_text(checker, case, "office", where)
    biometrics = _nested(checker, case, "biometrics", where, _biometrics)
    appointment = _nested(checker, case, "field_office_appointment", where, _field_office_appointment)
    records = _service_requests(checker, case, where)
    a_number = _a_number(checker, case, where)
    phone = _phone(checker, case, where)
    outside_us = checker.boolean(case, "outside_us", where) if "outside_us" in case else False
    country = _optional_text(checker, case, "country", where)
    representative = _nested(checker, case, "representative", where, _representative)
    if len(checker.problems) > before or receipt is None or form is None or status is None:
        return None
    if date_of_birth is None or outside_us is None:
        return None
    return Case(
        receipt_number=receipt,
        form=form,
        status=status,
        date_of_birth=date_of_birth,
        applicant_name=applicant_name,
        office=office,
        biometrics=biometrics,
        field_office_appointment=appointment,
        service_requests=records,
        a_number=a_number,
        phone=phone,
        outside_us=outside_us,
        country=country,
        representative=representative,
    )


def _receipt(checker: Checker, case: yamlsource.Mapping, where: str) -> str | None:
    value = checker.text(case, "receipt_number", where)
    if value is None:
        return None
    line, here = case.line_of("receipt_number"), join(where, "receipt_number")
    if "-" in value or " " in value:
        compact = _compact(value).upper()
        example = compact if _RECEIPT.fullmatch(compact) else "WAC2612345678"
        checker.problem(
            line,
            here,
            f"'{value}' has dashes or spaces: write the receipt number without them, like {example}",
        )
        return None
    receipt = value.upper()
    if not _RECEIPT.fullmatch(receipt):
        checker.problem(
            line, here, f"'{value}' is not a receipt number (3 letters and 10 digits, like WAC2612345678)"
        )
        return None
    if receipt[:3] not in PREFIX_OFFICES and "office" not in case:
        checker.problem(
            line,
            here,
            f"unknown receipt prefix '{receipt[:3]}': name the case's office with 'office' "
            f"(known prefixes: {', '.join(PREFIX_OFFICES)})",
        )
        return None
    return receipt


def _form(checker: Checker, case: yamlsource.Mapping, where: str) -> str | None:
    value = checker.text(case, "form", where)
    if value is None:
        return None
    if not _FORM.fullmatch(value.upper()):
        checker.problem(
            case.line_of("form"),
            join(where, "form"),
            f"'{value}' is not a form number (like I-765, N-400 or I-800A)",
        )
        return None
    return value.upper()


def _date(checker: Checker, mapping: yamlsource.Mapping, key: str, where: str) -> dt.date | None:
    """A date written YYYY-MM-DD (Python also reads `19900412`; the file format does not)."""
    value = checker.text(mapping, key, where)
    if value is None:
        return None
    if _DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    checker.problem(mapping.line_of(key), join(where, key), f"'{value}' is not a date (YYYY-MM-DD)")
    return None


def _optional_text(checker: Checker, mapping: yamlsource.Mapping, key: str, where: str) -> str | None:
    """Text that may be left out, but not left empty."""
    return checker.text(mapping, key, where) if key in mapping else None


def _quoted(
    checker: Checker, mapping: yamlsource.Mapping, key: str, where: str, sign: str = ""
) -> str | None:
    """Text that YAML reads as a number unless quoted (`"2611010001"`, `"+12025550143"`)."""
    value = mapping.get(key)
    if isinstance(value, int) and not isinstance(value, bool):
        checker.problem(
            mapping.line_of(key),
            join(where, key),
            f'write it in quotes: "{sign}{value}" (unquoted, YAML reads it as a number)',
        )
        return None
    return checker.text(mapping, key, where)


def _a_number(checker: Checker, case: yamlsource.Mapping, where: str) -> str | None:
    if "a_number" not in case:
        return None
    value = checker.text(case, "a_number", where)
    if value is None:
        return None
    if not _A_NUMBER.fullmatch(value.upper()):
        checker.problem(
            case.line_of("a_number"),
            join(where, "a_number"),
            f"'{value}' is not an A-number (A and 8 or 9 digits, like A012345678)",
        )
        return None
    return value.upper()


def _phone(checker: Checker, case: yamlsource.Mapping, where: str) -> str | None:
    if "phone" not in case:
        return None
    value = _quoted(checker, case, "phone", where, sign="+")
    if value is not None and not _E164.fullmatch(value):
        checker.problem(
            case.line_of("phone"),
            join(where, "phone"),
            f"'{value}' is not an E.164 phone number (like +12025550143)",
        )
        return None
    return value


def _nested(
    checker: Checker,
    case: yamlsource.Mapping,
    key: str,
    where: str,
    parse: Callable[[Checker, yamlsource.Mapping, str], _T | None],
) -> _T | None:
    if key not in case:
        return None
    here = join(where, key)
    inner = checker.mapping(case[key], here, case.line_of(key))
    return parse(checker, inner, here) if inner is not None else None


def _representative(checker: Checker, mapping: yamlsource.Mapping, where: str) -> Representative | None:
    checker.keys(mapping, where, REPRESENTATIVE_KEYS, required=REPRESENTATIVE_KEYS)
    name = checker.text(mapping, "name", where)
    kind = checker.text(mapping, "kind", where)
    if kind is not None and kind not in REPRESENTATIVE_KINDS:
        checker.problem(
            mapping.line_of("kind"), join(where, "kind"),
            f"unknown kind {kind!r} (allowed: {', '.join(REPRESENTATIVE_KINDS)})",
        )
        return None
    if name is None or kind is None:
        return None
    return Representative(name, kind)


def _biometrics(checker: Checker, mapping: yamlsource.Mapping, where: str) -> Biometrics | None:
    checker.keys(mapping, where, BIOMETRICS_KEYS, required=BIOMETRICS_REQUIRED_KEYS)
    appointment = checker.instant(mapping, "appointment", where)
    location = checker.text(mapping, "location", where)
    times = checker.integer(mapping, "times_rescheduled", where) if "times_rescheduled" in mapping else 0
    if appointment is None or location is None or times is None:
        return None
    return Biometrics(appointment, location, times)


def _field_office_appointment(
    checker: Checker, mapping: yamlsource.Mapping, where: str
) -> FieldOfficeAppointment | None:
    checker.keys(mapping, where, FIELD_OFFICE_APPOINTMENT_KEYS, required=FIELD_OFFICE_APPOINTMENT_KEYS)
    appointment = checker.instant(mapping, "appointment", where)
    office = checker.text(mapping, "office", where)
    reason = checker.text(mapping, "reason", where)
    if appointment is None or office is None or reason is None:
        return None
    return FieldOfficeAppointment(appointment, office, reason)


def _service_requests(
    checker: Checker, case: yamlsource.Mapping, where: str
) -> tuple[ServiceRequestRecord, ...]:
    if "service_requests" not in case:
        return ()
    here = join(where, "service_requests")
    items = checker.sequence(case["service_requests"], here, case.line_of("service_requests"))
    records: list[ServiceRequestRecord] = []
    for index, item in enumerate(items or ()):
        record = _service_request(
            checker, item, f"{here}[{index}]", items.line_of(index) if items else case.line
        )
        if record is not None:
            records.append(record)
    return tuple(records)


def _service_request(checker: Checker, item: Any, where: str, line: int) -> ServiceRequestRecord | None:
    mapping = checker.mapping(item, where, line)
    if mapping is None:
        return None
    checker.keys(mapping, where, SERVICE_REQUEST_KEYS, required=SERVICE_REQUEST_REQUIRED_KEYS)
    reference = _reference(checker, mapping, where)
    kind = checker.choice(mapping, "type", where, SERVICE_REQUEST_TYPES)
    created = _date(checker, mapping, "created", where)
    emailed = (
        _date(checker, mapping, "emailed_service_center", where)
        if "emailed_service_center" in mapping
        else None
    )
    status = (
        checker.choice(mapping, "status", where, SERVICE_REQUEST_STATUSES) if "status" in mapping else "open"
    )
    if created is not None and emailed is not None and emailed < created:
        checker.problem(
            mapping.line_of("emailed_service_center"),
            join(where, "emailed_service_center"),
            f"{emailed.isoformat()} is before the request was created ({created.isoformat()})",
        )
        return None
    if reference is None or kind is None or created is None or status is None:
        return None
    if "emailed_service_center" in mapping and emailed is None:
        return None
    return ServiceRequestRecord(reference, kind, created, emailed, status)


def _reference(checker: Checker, mapping: yamlsource.Mapping, where: str) -> str | None:
    value = _quoted(checker, mapping, "reference", where)
    if value is None:
        return None
    if not _REFERENCE.fullmatch(value):
        checker.problem(
            mapping.line_of("reference"),
            join(where, "reference"),
            f"'{value}' is not a reference number (10 digits)",
        )
        return None
    return value


def _check_unique(checker: Checker, items: yamlsource.Sequence) -> None:
    """Receipt numbers and service-request references each name one thing in the whole file."""
    receipts: dict[str, int] = {}
    references: dict[str, int] = {}
    for index, item in enumerate(items):
        if not isinstance(item, yamlsource.Mapping):
            continue
        where = f"cases[{index}]"
        receipt = item.get("receipt_number")
        if isinstance(receipt, str):
            _note_once(
                checker,
                receipts,
                receipt.upper(),
                item.line_of("receipt_number"),
                join(where, "receipt_number"),
                "receipt number",
            )
        requests = item.get("service_requests")
        if not isinstance(requests, yamlsource.Sequence):
            continue
        for position, request in enumerate(requests):
            if isinstance(request, yamlsource.Mapping) and isinstance(request.get("reference"), str):
                _note_once(
                    checker,
                    references,
                    request["reference"],
                    request.line_of("reference"),
                    f"{join(where, 'service_requests')}[{position}].reference",
                    "service request reference",
                )


def _note_once(checker: Checker, seen: dict[str, int], value: str, line: int, where: str, what: str) -> None:
    if value in seen:
        checker.problem(line, where, f"duplicate {what} '{value}' (first used on line {seen[value]})")
    else:
        seen[value] = line
