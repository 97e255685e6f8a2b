"""The contact directory: what the bundled data says, the lookups, and the errors of a broken file."""

from datetime import time
from zoneinfo import ZoneInfo

import pytest

from ivr.errors import DefinitionError
from ivr.rules.directory import (
    DEFAULT_PATH,
    REQUIRED_LINES,
    Bilingual,
    OfficeKind,
    load_directory,
)


@pytest.fixture(scope="module")
def directory():
    return load_directory()


def test_the_bundled_directory_loads_from_its_default_path():
    """The shipped data file passes its own validation (the corpus check for directory.yaml)."""
    assert load_directory(DEFAULT_PATH).lines


def test_the_bundled_directory_is_read_once_per_process():
    """Calls without a path share one loaded directory instead of re-reading the file."""
    assert load_directory() is load_directory()


@pytest.mark.parametrize(
    ("prefix", "office"),
    [
        ("EAC", "Vermont Service Center"),
        ("VSC", "Vermont Service Center"),
        ("WAC", "California Service Center"),
        ("CSC", "California Service Center"),
        ("LIN", "Nebraska Service Center"),
        ("NSC", "Nebraska Service Center"),
        ("SRC", "Texas Service Center"),
        ("TSC", "Texas Service Center"),
        ("MSC", "National Benefits Center"),
        ("NBC", "National Benefits Center"),
        ("IOE", "National Benefits Center"),
        ("YSC", "Potomac Service Center"),
        ("SIM", "National Benefits Center Adoptions Unit"),
    ],
)
def test_office_for_prefix_maps_each_receipt_prefix_to_its_office(directory, prefix, office):
    """DOMAIN.md §2.1: a receipt's three-letter prefix names the office that receipted the case."""
    assert directory.office_for_prefix(prefix).name.en == office


def test_office_for_prefix_ignores_case(directory):
    """DOMAIN.md §2.1: 'wac' is the same prefix as 'WAC'."""
    assert directory.office_for_prefix("wac") is directory.office_for_prefix("WAC")


def test_office_for_prefix_of_an_unknown_prefix_is_none(directory):
    """DOMAIN.md §2.1: asylum prefixes such as ZAR are not offices this directory routes to."""
    assert directory.office_for_prefix("ZAR") is None


@pytest.mark.parametrize(
    ("office", "email"),
    [
        ("California Service Center", "csc-ncsc-followup@dhs.gov"),
        ("Vermont Service Center", "vsc.ncscfollowup@dhs.gov"),
        ("Nebraska Service Center", "ncscfollowup.nsc@dhs.gov"),
        ("Texas Service Center", "tsc.ncscfollowup@dhs.gov"),
    ],
)
def test_service_centers_have_the_follow_up_mailboxes_of_seed_001(directory, office, email):
    """seed 001_7dddce98989cf869.txt: each of these service centers has a follow-up e-mail address."""
    assert directory.office_named(office).follow_up_email == email


@pytest.mark.parametrize(
    "office",
    [
        "Potomac Service Center",
        "National Benefits Center",
        "Washington Field Office",
        "Mexico City Field Office",
    ],
)
def test_offices_seed_001_gives_no_mailbox_have_no_follow_up_email(directory, office):
    """seed 001_7dddce98989cf869.txt lists four service-center mailboxes only; no other office gets one invented."""
    assert directory.office_named(office).follow_up_email is None


def test_scops_mailbox_is_the_one_in_seed_001(directory):
    """seed 001_7dddce98989cf869.txt: the Office of Service Center Operations is reached at SCOPSSCATA@dhs.gov."""
    assert directory.scops_email == "SCOPSSCATA@dhs.gov"


@pytest.mark.parametrize(
    ("line", "phone"),
    [
        pytest.param("contact_center", "1-800-375-5283", id="contact-center-seed-001"),
        pytest.param("tdd", "1-800-767-1833", id="tdd-seed-001"),
        pytest.param("military", "1-877-247-4645", id="military-seed-001"),
        pytest.param("premium_processing", "1-866-315-5718", id="premium-processing-seed-001"),
        pytest.param("hague_adoptions", "1-877-424-8374", id="hague-adoptions-seed-001"),
        pytest.param("international", "+1-212-620-3418", id="international-domain-1.1"),
        pytest.param("ice_vesl", "833-383-1465", id="ice-vesl-seed-004"),
        pytest.param("eoir", "1-800-898-7180", id="eoir-domain-6.3"),
        pytest.param("cbp", "1-877-227-5511", id="cbp-domain-6.3"),
        pytest.param("nvc", "603-334-0700", id="nvc-domain-6.3"),
        pytest.param("ssa", "1-800-772-1213", id="ssa-domain-6.3"),
    ],
)
def test_lines_have_the_numbers_of_the_sources(directory, line, phone):
    """seed 001_7dddce98989cf869.txt, seed 004_b48bef7290687739.txt and DOMAIN.md §1.1/§6: each line's number."""
    assert directory.line(line).phone == phone


def test_every_required_line_is_in_the_bundled_directory(directory):
    """The flows name these lines, so the data must define each of them."""
    assert {line.key for line in directory.lines} >= set(REQUIRED_LINES)


def test_military_help_line_hours_are_8_to_4_30_central_on_weekdays_except_holidays(directory):
    """seed 001_7dddce98989cf869.txt: Monday-Friday 8 a.m.-4:30 p.m. (CST), excluding federal holidays."""
    hours = directory.line("military").hours
    assert (hours.weekdays, hours.opens, hours.closes, hours.zone, hours.federal_holidays) == (
        frozenset(range(5)),
        time(8),
        time(16, 30),
        ZoneInfo("America/Chicago"),
        True,
    )


def test_military_help_line_gives_after_hours_callers_an_email_address(directory):
    """seed 001_7dddce98989cf869.txt: after-hours callers receive an e-mail address (simulated: the seed gives none)."""
    assert directory.line("military").after_hours_email.endswith("@example.org")


def test_ice_technical_support_hours_are_8_to_5_eastern(directory):
    """seed 004_b48bef7290687739.txt: ICE scheduler technical support is available 8 a.m. to 5 p.m. Eastern."""
    hours = directory.line("ice_vesl").hours
    assert (hours.opens, hours.closes, hours.zone) == (time(8), time(17), ZoneInfo("America/New_York"))


def test_live_assistance_hours_are_8_to_8_eastern_on_weekdays_except_holidays(directory):
    """DOMAIN.md §1.1: live assistance Monday-Friday, 8 a.m.-8 p.m. Eastern, except federal holidays."""
    hours = directory.live_assistance
    assert (hours.weekdays, hours.opens, hours.closes, hours.zone, hours.federal_holidays) == (
        frozenset(range(5)),
        time(8),
        time(20),
        ZoneInfo("America/New_York"),
        True,
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        pytest.param("California Service Center", "California Service Center", id="english"),
        pytest.param("Centro de Servicio de California", "California Service Center", id="spanish"),
        pytest.param("  california   SERVICE center ", "California Service Center", id="case-and-spacing"),
        pytest.param("Oficina de Asilo de Arlington", "Arlington Asylum Office", id="asylum-office"),
        pytest.param("Houston Field Office", "Houston Field Office", id="field-office"),
    ],
)
def test_office_named_finds_an_office_by_any_of_its_names(directory, name, expected):
    """Case data may name the office holding the file in either language or by a known alias."""
    assert directory.office_named(name).name.en == expected


def test_no_office_is_the_elis_case_system(directory):
    """DOMAIN.md §2.1: "ELIS is a case system, not an office ... route by the case's own office, never 'to ELIS'"."""
    names = [name for office in directory.offices for name in (office.name.en, office.name.es, *office.aliases)]
    assert not [name for name in names if "ELIS" in name or "Electronic Immigration" in name]


def test_asylum_offices_are_service_request_destinations(directory):
    """Seed 001: the SRMT transfers requests to the "service center, domestic USCIS field office, or USCIS asylum office"."""
    asylum = [office.name.en for office in directory.offices if office.kind is OfficeKind.ASYLUM_OFFICE]
    assert len(asylum) == 8 and "Arlington Asylum Office" in asylum


SEED_ADDRESSES = {
    # seed 001: the four service-center mailboxes, SCOPS (footnote 10) and the Canada inquiry mailbox
    "csc-ncsc-followup@dhs.gov", "vsc.ncscfollowup@dhs.gov", "ncscfollowup.nsc@dhs.gov",
    "tsc.ncscfollowup@dhs.gov", "SCOPSSCATA@dhs.gov", "USCIS.Canada@dhs.gov",
}


def test_every_address_callers_hear_as_real_comes_from_seed_001(directory):
    """Issue 12: nothing not in the seeds is said as real; the one other address is an example.org example."""
    real = {directory.scops_email} | {o.follow_up_email for o in directory.offices if o.follow_up_email}
    real |= {box.address for office in directory.offices for box in office.emails}
    assert real <= SEED_ADDRESSES
    examples = {line.after_hours_email for line in directory.lines if line.after_hours_email}
    assert all(address.endswith("@example.org") for address in examples)


def test_office_named_of_an_unknown_name_is_none(directory):
    """A name the directory does not know is not matched to some nearby office."""
    assert directory.office_named("Atlantis Field Office") is None


def test_mexico_city_office_is_overseas_and_takes_inquiries_from_canada(directory):
    """seed 001_7dddce98989cf869.txt: USCIS.Canada@dhs.gov is monitored by the Mexico City office, whose jurisdiction includes Canada."""
    office = directory.office_named("Mexico City Field Office")
    assert office.overseas
    assert "USCIS.Canada@dhs.gov" in [mailbox.address for mailbox in office.emails]


@pytest.mark.parametrize(
    ("office", "kind"),
    [
        ("Vermont Service Center", OfficeKind.SERVICE_CENTER),
        ("National Benefits Center", OfficeKind.BENEFITS_CENTER),
        ("Newark Asylum Office", OfficeKind.ASYLUM_OFFICE),
        ("Washington Field Office", OfficeKind.FIELD_OFFICE),
        ("New Delhi Field Office", OfficeKind.OVERSEAS),
    ],
)
def test_offices_have_the_kind_that_tells_domestic_from_overseas(directory, office, kind):
    """seed 003_29c9fde61bf22c66.txt: domestic files get a service request, overseas files a referral, so kind matters."""
    found = directory.office_named(office)
    assert (found.kind, found.overseas) == (kind, kind is OfficeKind.OVERSEAS)


def test_line_of_an_unknown_name_raises_key_error_naming_the_known_lines(directory):
    """A flow naming a line that does not exist fails loudly with the names it could have used."""
    with pytest.raises(KeyError, match="known: contact_center"):
        directory.line("hotline")


def test_bilingual_text_refuses_an_unknown_language():
    """Only English and Spanish are offered (DOMAIN.md §1.1), so another language is a programming error."""
    with pytest.raises(ValueError, match="unknown language"):
        Bilingual(en="a", es="b").text("fr")


# --- a broken directory file ---------------------------------------------------------------

VALID = """\
version: 1
live_assistance: {days: [monday, friday], opens: "08:00", closes: "20:00", zone: America/New_York, holidays: us_federal}
scops_email: SCOPSSCATA@dhs.gov
lines:
  contact_center: {name: {en: Contact Center, es: Centro de Contacto}, phone: 1-800-375-5283}
  tdd: {name: {en: TDD, es: TDD}, phone: 1-800-767-1833}
  military: {name: {en: Military, es: Militar}, phone: 1-877-247-4645}
  premium_processing: {name: {en: Premium, es: Prioritaria}, phone: 1-866-315-5718}
  hague_adoptions: {name: {en: Hague, es: La Haya}, phone: 1-877-424-8374}
  international: {name: {en: International, es: Internacional}, phone: 212-620-3418}
  ice_vesl: {name: {en: VESL, es: VESL}, phone: 833-383-1465}
  eoir: {name: {en: EOIR, es: EOIR}, phone: 1-800-898-7180}
  cbp: {name: {en: CBP, es: CBP}, phone: 1-877-227-5511}
  nvc: {name: {en: NVC, es: NVC}, phone: 603-334-0700}
  ssa: {name: {en: SSA, es: SSA}, phone: 1-800-772-1213}
offices:
  - {name: {en: Vermont Service Center, es: Centro de Servicio de Vermont}, kind: service_center, prefixes: [EAC]}
  - {name: {en: Nairobi Field Office, es: Oficina de Nairobi}, kind: overseas}
"""


def write(tmp_path, text):
    path = tmp_path / "directory.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(tmp_path, text):
    with pytest.raises(DefinitionError) as caught:
        load_directory(write(tmp_path, text))
    return [(p.line, p.where, p.what) for p in caught.value.problems]


def test_the_minimal_valid_directory_loads(tmp_path):
    """The broken-file cases below each change one thing in a file that is otherwise valid."""
    assert load_directory(write(tmp_path, VALID)).office_for_prefix("EAC").name.en == "Vermont Service Center"


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        pytest.param(
            "version: 1\n",
            "version: 1\nphone_book: {}\n",
            (
                2,
                "phone_book",
                "unknown key 'phone_book' (allowed: version, live_assistance, scops_email, lines, offices)",
            ),
            id="unknown-top-key",
        ),
        pytest.param(
            "version: 1", "version: 2", (1, "version", "unsupported version 2 (allowed: 1)"), id="version"
        ),
        pytest.param(
            'opens: "08:00"',
            "opens: 8am",
            (2, "live_assistance.opens", "'8am' is not a time of day (HH:MM, 24-hour)"),
            id="bad-time",
        ),
        pytest.param(
            'closes: "20:00"',
            'closes: "07:00"',
            (2, "live_assistance.closes", "must be later than opens (08:00)"),
            id="closes-before-opens",
        ),
        pytest.param(
            "zone: America/New_York",
            "zone: Eastern",
            (2, "live_assistance.zone", "unknown time zone 'Eastern' (an IANA name, e.g. America/New_York)"),
            id="unknown-zone",
        ),
        pytest.param(
            "holidays: us_federal",
            "holidays: yes",
            (2, "live_assistance.holidays", "unknown value 'yes' (allowed: us_federal, none)"),
            id="unknown-holiday-policy",
        ),
        pytest.param(
            "days: [monday, friday]",
            "days: [monday, fryday]",
            (
                2,
                "live_assistance.days[1]",
                "unknown day 'fryday' (allowed: monday, tuesday, wednesday, thursday, friday, saturday, sunday)",
            ),
            id="unknown-day",
        ),
        pytest.param(
            "scops_email: SCOPSSCATA@dhs.gov",
            "scops_email: SCOPSSCATA",
            (3, "scops_email", "'SCOPSSCATA' is not an e-mail address"),
            id="bad-email",
        ),
        pytest.param(
            "phone: 1-800-767-1833",
            "phone: TTY",
            (6, "lines.tdd.phone", "'TTY' is not a phone number (digits and dashes, e.g. 1-800-375-5283)"),
            id="bad-phone",
        ),
        pytest.param(
            "  ssa: {name: {en: SSA, es: SSA}, phone: 1-800-772-1213}\n",
            "",
            (4, "lines", "missing required line 'ssa'"),
            id="missing-required-line",
        ),
        pytest.param(
            "tdd: {name: {en: TDD, es: TDD}, phone: 1-800-767-1833}",
            "tdd: {name: {en: TDD}, phone: 1-800-767-1833}",
            (6, "lines.tdd.name", "missing the Spanish text ('es')"),
            id="missing-spanish-name",
        ),
        pytest.param(
            "kind: overseas",
            "kind: embassy",
            (
                18,
                "offices[1].kind",
                "unknown value 'embassy' (allowed: service_center, benefits_center, field_office, asylum_office, overseas)",
            ),
            id="unknown-office-kind",
        ),
        pytest.param(
            "kind: overseas",
            "kind: overseas, prefixes: [EAC]",
            (18, "offices[1].prefixes", "an overseas office takes no receipt prefixes"),
            id="overseas-with-prefix",
        ),
        pytest.param(
            "prefixes: [EAC]",
            "prefixes: [EA1]",
            (17, "offices[0].prefixes[0]", "'EA1' is not a receipt prefix (three capital letters)"),
            id="bad-prefix",
        ),
    ],
)
def test_a_broken_directory_reports_file_line_where_and_what(tmp_path, old, new, expected):
    """A data-file mistake is reported at its line with its location and what is allowed, not as a traceback."""
    assert old in VALID
    assert expected in problems_of(tmp_path, VALID.replace(old, new, 1))


def test_a_prefix_given_to_two_offices_names_the_first_owner(tmp_path):
    """Two offices cannot both own a prefix; the error says which office already has it."""
    text = VALID + "  - {name: {en: Other Center, es: Otro Centro}, kind: service_center, prefixes: [EAC]}\n"
    assert (
        19,
        "offices[2].prefixes",
        "prefix EAC already belongs to Vermont Service Center (line 17)",
    ) in problems_of(tmp_path, text)


def test_a_broken_directory_reports_every_problem_at_once(tmp_path):
    """Every fault of the file comes in one error, so an author fixes them all in one pass."""
    text = VALID.replace("version: 1", "version: 2").replace("zone: America/New_York", "zone: Mars/Olympus")
    lines = [line for line, _, _ in problems_of(tmp_path, text)]
    assert lines == [1, 2]


def test_a_broken_directory_error_reads_file_colon_line(tmp_path):
    """The message a person sees is 'path:line: where: what'."""
    path = write(tmp_path, VALID.replace("version: 1", "version: 2"))
    with pytest.raises(DefinitionError) as caught:
        load_directory(path)
    assert str(caught.value) == f"{path}:1: version: unsupported version 2 (allowed: 1)"
