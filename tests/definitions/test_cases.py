"""The case-data file (DESIGN.md §4): loading, the bundled demo world, lookups and round trips."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from ivr.definitions.cases import (
    BIOMETRICS_KEYS,
    CASE_KEYS,
    DEMO_CASES_PATH,
    DEMO_CLOCK,
    FIELD_OFFICE_APPOINTMENT_KEYS,
    PREFIX_OFFICES,
    SERVICE_REQUEST_KEYS,
    TOP_KEYS,
    Biometrics,
    Case,
    CaseBook,
    FieldOfficeAppointment,
    Representative,
    ServiceRequestRecord,
    load_cases,
)
from ivr.errors import DefinitionError

REPO_ROOT = Path(__file__).resolve().parents[2]
BROKEN_DIR = Path("tests/data/cases/broken")
BROKEN_FILES = sorted((REPO_ROOT / BROKEN_DIR).glob("*.yaml"))
EXPECT = "# expect: "

DEMO_DAY = DEMO_CLOCK.date()
TWELVE_HOURS = dt.timedelta(hours=12)
ADOPTION_FORMS = {"I-600", "I-600A", "I-800", "I-800A"}
STATUS_TITLES = (  # DOMAIN.md §2.3
    "Case Was Received",
    "Case Was Received and A Receipt Notice Was Sent",
    "Fingerprint Fee Was Received",
    "Case Is Being Actively Reviewed",
    "Request for Initial Evidence Was Sent",
    "Request for Evidence Was Sent",
    "Response To USCIS' Request For Evidence Was Received",
    "Interview Was Scheduled",
    "Case Was Transferred",
    "Case Was Approved",
    "Card Is Being Produced",
    "Card Was Mailed To Me",
    "Card Was Delivered To Me By The Post Office",
    "Case Was Denied",
    "Case Rejected Because It Was Improperly Filed",
)

FULL_CASE = Case(
    receipt_number="WAC2690250102",
    form="I-765",
    status="Case Was Received",
    date_of_birth=dt.date(1990, 4, 12),
    applicant_name="Ana Torres",
    office="Houston Field Office",
    biometrics=Biometrics(
        dt.datetime.fromisoformat("2026-11-30T09:00:00-08:00"), "Los Angeles Application Support Center", 1
    ),
    field_office_appointment=FieldOfficeAppointment(
        dt.datetime.fromisoformat("2026-12-03T10:30:00-05:00"), "Washington Field Office", "ADIT stamp"
    ),
    service_requests=(
        ServiceRequestRecord("2610240016", "outside_normal_processing_time", dt.date(2026, 10, 24)),
        ServiceRequestRecord(
            "2608200017", "typographic_error", dt.date(2026, 8, 20), dt.date(2026, 9, 8), "closed"
        ),
    ),
    a_number="A099900102",
    phone="+12135550102",
    outside_us=True,
    country="Canada",
    representative=Representative("Grace Okafor", "attorney"),
)

MINIMAL_CASE = """\
version: 1
cases:
  - receipt_number: {receipt}
    form: I-765
    status: Case Was Received
    date_of_birth: 1990-04-12
"""


@pytest.fixture(scope="module")
def demo() -> CaseBook:
    return load_cases(DEMO_CASES_PATH)


def write_cases(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "cases.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def days_before_demo_day(day: dt.date) -> int:
    return (DEMO_DAY - day).days


def service_requests(book: CaseBook) -> list[ServiceRequestRecord]:
    return [record for case in book for record in case.service_requests]


# --- the demo world -----------------------------------------------------------------------------


def test_demo_file_loads_about_twenty_five_cases(demo: CaseBook) -> None:
    """The bundled demo data passes validation and holds about twenty-five cases."""
    assert 20 <= len(demo) <= 32


def test_demo_clock_is_a_monday_morning_eastern() -> None:
    """The demo data is written against Monday 2026-11-23, 10:00 Eastern."""
    assert DEMO_CLOCK.isoformat() == "2026-11-23T10:00:00-05:00"
    assert DEMO_CLOCK.weekday() == 0


@pytest.mark.parametrize("prefix", sorted(PREFIX_OFFICES))
def test_demo_has_a_case_for_every_receipt_prefix(demo: CaseBook, prefix: str) -> None:
    """DOMAIN.md §2.1: every receipt prefix the IVR knows (SIM for adoptions included) has a demo case."""
    assert any(case.prefix == prefix for case in demo)


def test_demo_sim_case_is_an_adoption_form(demo: CaseBook) -> None:
    """DOMAIN.md §2.1 and §6.1: SIM receipts are NBC adoption cases (I-600/I-600A/I-800/I-800A)."""
    assert {case.form for case in demo if case.prefix == "SIM"} <= ADOPTION_FORMS


BIOMETRICS_BRANCHES: dict[str, Callable[[Biometrics], bool]] = {
    "rescheduled-twice": lambda b: b.times_rescheduled == 2 and b.appointment > DEMO_CLOCK,
    "rescheduled-once": lambda b: b.times_rescheduled == 1 and b.appointment - DEMO_CLOCK > TWELVE_HOURS,
    "free-to-reschedule": lambda b: b.times_rescheduled == 0 and b.appointment - DEMO_CLOCK > TWELVE_HOURS,
    "within-12-hours": lambda b: dt.timedelta(0) < b.appointment - DEMO_CLOCK <= TWELVE_HOURS,
    "already-passed": lambda b: b.appointment < DEMO_CLOCK,
}


@pytest.mark.parametrize("branch", BIOMETRICS_BRANCHES.values(), ids=BIOMETRICS_BRANCHES.keys())
def test_demo_has_a_biometrics_appointment_for_each_reschedule_branch(
    demo: CaseBook, branch: Callable[[Biometrics], bool]
) -> None:
    """Seed 000_183b307099edfec1.txt: the demo has appointments rescheduled 0, 1 and 2 times, within 12 hours and passed."""
    assert any(case.biometrics is not None and branch(case.biometrics) for case in demo)


def test_demo_has_an_adoption_case_with_biometrics(demo: CaseBook) -> None:
    """DOMAIN.md §3: an adoption form (not in the online rescheduling tool) has a biometrics appointment."""
    assert any(case.form in ADOPTION_FORMS and case.biometrics is not None for case in demo)


def test_demo_has_an_upcoming_field_office_appointment(demo: CaseBook) -> None:
    """DOMAIN.md §4: one case already holds a field office (InfoPass) appointment after the demo clock."""
    appointments = [case.field_office_appointment for case in demo if case.field_office_appointment]
    assert any(appointment.appointment > DEMO_CLOCK for appointment in appointments)


@pytest.mark.parametrize("age", [5, 14, 15, 30], ids=lambda age: f"{age}-days-old")
def test_demo_has_an_open_service_request_of_each_age(demo: CaseBook, age: int) -> None:
    """Seed 001_7dddce98989cf869.txt: open requests sit on both sides of the 15-day rule for e-mailing a service center."""
    assert any(
        record.status == "open" and days_before_demo_day(record.created) == age
        for record in service_requests(demo)
    )


@pytest.mark.parametrize("age", [20, 22], ids=lambda age: f"emailed-{age}-days-ago")
def test_demo_has_a_service_request_emailed_to_the_service_center(demo: CaseBook, age: int) -> None:
    """Seed 001_7dddce98989cf869.txt: e-mails to a service center sit on both sides of the 21-day rule."""
    assert any(
        record.emailed_service_center is not None
        and days_before_demo_day(record.emailed_service_center) == age
        for record in service_requests(demo)
    )


def test_demo_thirty_day_request_was_emailed_twenty_days_ago(demo: CaseBook) -> None:
    """Seed 001_7dddce98989cf869.txt: the 30-day-old request's service-center e-mail is 20 days old (one day short of 21)."""
    assert any(
        days_before_demo_day(record.created) == 30
        and record.emailed_service_center is not None
        and days_before_demo_day(record.emailed_service_center) == 20
        for record in service_requests(demo)
    )


def test_demo_has_two_cases_sharing_ten_digits_at_different_offices(demo: CaseBook) -> None:
    """DESIGN.md §3: keyed entry is ambiguous when the ten digits match cases at several offices."""
    shared = [case.digits for case in demo if len(demo.by_digits(case.digits)) > 1]
    assert shared
    assert len({case.prefix for case in demo.by_digits(shared[0])}) > 1


def test_demo_has_a_transferred_case(demo: CaseBook) -> None:
    """DOMAIN.md §2.1: a case can be transferred and keep its prefix, so its office differs from the prefix's."""
    assert any(case.office is not None and case.office != PREFIX_OFFICES.get(case.prefix) for case in demo)


def test_demo_has_an_applicant_living_abroad(demo: CaseBook) -> None:
    """Seed 003_29c9fde61bf22c66.txt: a caller living abroad is referred to the overseas office."""
    assert any(case.outside_us for case in demo)


def test_demo_statuses_are_case_status_online_titles(demo: CaseBook) -> None:
    """DOMAIN.md §2.3: every demo status is a Case Status Online title."""
    assert [case.status for case in demo if not case.status.startswith(STATUS_TITLES)] == []


def test_demo_statuses_are_varied(demo: CaseBook) -> None:
    """DOMAIN.md §2.3: the demo reads back at least ten different statuses."""
    assert len({case.status for case in demo}) >= 10


def test_demo_dates_of_birth_are_all_different(demo: CaseBook) -> None:
    """No two demo callers share a date of birth, so an identity check cannot pass by accident."""
    births = [case.date_of_birth for case in demo]
    assert len(set(births)) == len(births)


# --- lookups --------------------------------------------------------------------------------------


def test_get_ignores_case_spaces_and_dashes(demo: CaseBook) -> None:
    """DOMAIN.md §2.1: a receipt number is found however it is spaced, dashed or cased."""
    assert demo.get("wac-26-902-50102") == demo.get("WAC2690250102") is not None


def test_get_returns_none_for_an_unknown_receipt(demo: CaseBook) -> None:
    """An unknown receipt number finds no case."""
    assert demo.get("WAC0000000000") is None


def test_by_digits_returns_every_office_in_file_order(demo: CaseBook) -> None:
    """DESIGN.md §3: ten keyed digits shared by two offices give both cases, as the file lists them."""
    assert [case.receipt_number for case in demo.by_digits("2791051110")] == [
        "EAC2791051110",
        "WAC2791051110",
    ]


def test_by_digits_returns_one_case_for_unique_digits(demo: CaseBook) -> None:
    """Ten digits that only one office uses give that one case."""
    assert [case.receipt_number for case in demo.by_digits("2690250102")] == ["WAC2690250102"]


def test_by_digits_returns_nothing_for_unknown_digits(demo: CaseBook) -> None:
    """Digits no case ends in give an empty list."""
    assert demo.by_digits("0000000000") == []


def test_find_service_request_returns_its_case(demo: CaseBook) -> None:
    """A service-request reference leads to the request and the case it belongs to."""
    found = demo.find_service_request("2610240016")
    assert found is not None
    case, record = found
    assert (case.receipt_number, record.reference) == ("SRC2691651116", "2610240016")


def test_find_service_request_returns_none_for_an_unknown_reference(demo: CaseBook) -> None:
    """An unknown reference finds nothing."""
    assert demo.find_service_request("9999999999") is None


@pytest.mark.parametrize(
    ("receipt", "office"),
    [("EAC2690150101", "Vermont Service Center"), ("WAC2691251112", "Houston Field Office")],
    ids=["from-prefix", "named-office-wins"],
)
def test_office_name_defaults_from_the_prefix(demo: CaseBook, receipt: str, office: str) -> None:
    """DOMAIN.md §2.1: a case's office is the one named in the file, else the one its prefix stands for."""
    case = demo.get(receipt)
    assert case is not None and case.office_name == office


def test_case_book_refuses_duplicate_receipt_numbers() -> None:
    """A book built by hand still holds each receipt number once."""
    with pytest.raises(ValueError, match="duplicate receipt number WAC2690250102"):
        CaseBook((FULL_CASE, FULL_CASE))


# --- round trips -----------------------------------------------------------------------------------


def test_case_round_trips_through_a_plain_dict() -> None:
    """A case with every field set survives to_dict/from_dict unchanged."""
    assert Case.from_dict(FULL_CASE.to_dict()) == FULL_CASE


def test_case_to_dict_uses_exactly_the_file_keys() -> None:
    """A snapshot uses the file's own keys, so the allowed-key constants and snapshots cannot drift apart."""
    data = FULL_CASE.to_dict()
    assert tuple(data) == CASE_KEYS
    assert tuple(data["biometrics"]) == BIOMETRICS_KEYS
    assert tuple(data["field_office_appointment"]) == FIELD_OFFICE_APPOINTMENT_KEYS
    assert tuple(data["service_requests"][1]) == SERVICE_REQUEST_KEYS


def test_case_book_round_trips_through_json(demo: CaseBook) -> None:
    """The demo book survives to_dict, JSON text and from_dict unchanged."""
    assert CaseBook.from_dict(json.loads(json.dumps(demo.to_dict()))) == demo


def test_case_book_dict_written_as_yaml_loads_back(demo: CaseBook, tmp_path: Path) -> None:
    """A book's to_dict, written out as YAML, is a valid case-data file holding the same cases."""
    data = demo.to_dict()
    assert tuple(data) == TOP_KEYS
    path = write_cases(tmp_path, yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert load_cases(path) == demo


# --- loading rules not covered by the golden files -----------------------------------------------


def test_lower_case_receipt_is_stored_upper_case(tmp_path: Path) -> None:
    """DOMAIN.md §2.1: a receipt number written in lower case is stored as the caller keys it, upper case."""
    book = load_cases(write_cases(tmp_path, MINIMAL_CASE.format(receipt="wac2690250102")))
    assert [case.receipt_number for case in book] == ["WAC2690250102"]


def test_unknown_prefix_is_accepted_when_the_office_is_named(tmp_path: Path) -> None:
    """A receipt prefix outside the known list loads when the file names the case's office."""
    text = MINIMAL_CASE.format(receipt="ZLA2690250102") + "    office: Los Angeles Asylum Office\n"
    book = load_cases(write_cases(tmp_path, text))
    assert [case.office_name for case in book] == ["Los Angeles Asylum Office"]


def test_optional_keys_take_their_defaults(tmp_path: Path) -> None:
    """Left out, times_rescheduled is 0, a request is open with no e-mail, and the applicant lives in the U.S."""
    text = MINIMAL_CASE.format(receipt="WAC2690250102") + (
        "    biometrics:\n"
        "      appointment: 2026-12-14T13:30:00-08:00\n"
        "      location: Los Angeles Application Support Center\n"
        "    service_requests:\n"
        '      - reference: "2611010001"\n'
        "        type: other\n"
        "        created: 2026-11-01\n"
    )
    (case,) = load_cases(write_cases(tmp_path, text))
    assert case.biometrics is not None and case.biometrics.times_rescheduled == 0
    assert case.service_requests == (
        ServiceRequestRecord("2611010001", "other", dt.date(2026, 11, 1), None, "open"),
    )
    assert (case.outside_us, case.a_number, case.phone, case.office) == (False, None, None, None)


def test_an_empty_case_list_loads(tmp_path: Path) -> None:
    """A file with no cases is a valid, empty world."""
    assert len(load_cases(write_cases(tmp_path, "version: 1\ncases: []\n"))) == 0


def test_a_missing_file_is_a_definition_error(tmp_path: Path) -> None:
    """A CASES_FILE that does not exist is reported as a definition error, not a traceback."""
    with pytest.raises(DefinitionError, match="file not found"):
        load_cases(tmp_path / "nowhere.yaml")


# --- golden broken files ---------------------------------------------------------------------------


def expected_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line[len(EXPECT) :] for line in lines if line.startswith(EXPECT)]


def test_golden_corpus_has_one_file_per_fault() -> None:
    """The broken-file corpus exists and every file states what it expects."""
    assert len(BROKEN_FILES) >= 10
    assert [path.name for path in BROKEN_FILES if not expected_lines(path)] == []


@pytest.mark.parametrize("path", BROKEN_FILES, ids=lambda path: path.name)
def test_broken_file_reports_exactly_its_expected_errors(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each broken file fails with exactly the `file:line: where: what` lines its header comment lists."""
    monkeypatch.chdir(REPO_ROOT)
    with pytest.raises(DefinitionError) as raised:
        load_cases(BROKEN_DIR / path.name)
    assert str(raised.value).splitlines() == expected_lines(path)
