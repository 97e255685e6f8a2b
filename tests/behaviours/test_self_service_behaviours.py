"""The self-service behaviours on their own: the identity gate and what actions leave for prompts."""

import datetime as dt

import pytest

from ivr.behaviours import case_status, field_office, special_lines
from ivr.core.registry import REGISTRY, Context, Services
from ivr.core.session import Session
from ivr.definitions.cases import DEMO_CASES_PATH, load_cases
from ivr.rules.directory import load_directory
from ivr.world import CaseWorld, MemoryTransaction

NOW = dt.datetime.fromisoformat("2026-11-23T10:00:00-05:00")


@pytest.fixture(scope="module")
def cases():
    return load_cases(DEMO_CASES_PATH)


@pytest.fixture
def ctx(cases):
    session = Session("CA1", "uscis_contact_center", "x", "verify.receipt", NOW.isoformat())
    return Context(session, CaseWorld(cases, MemoryTransaction()), NOW, Services(directory=load_directory()))


def run(ctx, action, **args):
    ctx.args = {key: str(value) for key, value in args.items()}
    return REGISTRY.actions[action].func(ctx).name


@pytest.mark.parametrize(
    ("value", "kind", "language", "expected"),
    [
        pytest.param("922", "digits", "en", "922", id="keys"),
        pytest.param("921", "digits", "en", None, id="one-is-no-letter-key"),
        pytest.param("92", "digits", "en", None, id="two-keys"),
        pytest.param("W A C", "speech", "en", "WAC", id="letters"),
        pytest.param("double u a c", "speech", "en", "WAC", id="letter-names"),
        pytest.param("e a ce", "speech", "es", "EAC", id="spanish-letter-names"),
        pytest.param("...", "speech", "en", None, id="nothing-said"),
    ],
)
def test_the_letters_validator_takes_letters_said_or_letter_keys(value, kind, language, expected):
    """Issue 10.2: the receipt's three letters, said or keyed on the phone's letter keys."""
    assert case_status.receipt_letters(value, kind, language) == expected


@pytest.mark.parametrize(
    ("answer", "receipt"),
    [
        pytest.param("WAC", "WAC2791051110", id="said"),
        pytest.param("322", "EAC2791051110", id="keyed"),
        pytest.param("LIN", "LIN2791051110", id="no-such-case-still-asks-the-birth-date"),
    ],
)
def test_the_letters_pick_the_case(ctx, answer, receipt):
    """DESIGN.md §3: keyed digits shared by two offices; the letters given decide (issue 10.2)."""
    ctx.session.vars["receipt"] = "2791051110"
    assert run(ctx, "look_up_receipt") == "ask_letters"
    ctx.session.vars["receipt_letters"] = answer
    assert run(ctx, "choose_by_letters") == "chosen"
    assert ctx.session.vars["verify_receipt"] == receipt


def test_an_unknown_purpose_is_a_flow_error(ctx):
    """Only the branches listed in PURPOSES may ask for verification."""
    with pytest.raises(ValueError, match="unknown verification purpose"):
        run(ctx, "begin_verification", purpose="billing")


def test_a_keyed_receipt_matching_one_case_goes_straight_to_the_birth_date(ctx):
    """DESIGN.md §3: keyed digits matching one case need no office question."""
    ctx.session.vars["receipt"] = "2690250102"
    assert run(ctx, "look_up_receipt") == "ask_birth_date"
    assert ctx.session.vars["verify_receipt"] == "WAC2690250102"


def test_an_unknown_receipt_also_goes_to_the_birth_date(ctx):
    """DOMAIN.md §1.3 (HIGH, confidentiality regimes that restrict disclosure): an unknown receipt is not told apart
    from a known one before the date of birth, so a caller cannot learn which receipts exist."""
    ctx.session.vars["receipt"] = "WAC2699999999"
    assert run(ctx, "look_up_receipt") == "ask_birth_date"
    ctx.session.vars["date_of_birth"] = "1990-04-12"
    assert run(ctx, "verify_identity") == "mismatch"
    assert ctx.session.verified_receipt is None


def test_the_third_failure_locks_and_prepares_the_hand_off(ctx):
    """Three failed verifications lock case information for the call."""
    for expected in ("mismatch", "mismatch", "locked"):
        ctx.session.vars.update(receipt="WAC2690250102", date_of_birth="2000-01-01")
        run(ctx, "look_up_receipt")
        assert run(ctx, "verify_identity") == expected
    assert run(ctx, "begin_verification", purpose="biometrics") == "locked"
    assert ctx.session.vars["handoff_topic"] == "verification_failed"


def test_a_verified_caller_is_not_asked_again(ctx):
    """begin_verification skips the questions for a caller verified earlier in the call."""
    ctx.session.verified_receipt = "WAC2690250102"
    assert run(ctx, "begin_verification", purpose="case_status") == "verified"
    assert run(ctx, "continue_after_verification") == "case_status"


@pytest.mark.parametrize(
    ("status", "language", "said"),
    [
        pytest.param("Case Was Approved", "es", "El caso fue aprobado", id="translated"),
        pytest.param("CASE WAS DENIED", "es", "El caso fue denegado", id="any-case"),
        pytest.param("Case Was Approved", "en", "Case Was Approved", id="english-as-written"),
        pytest.param("Some New Status", "es", "Some New Status", id="unknown-as-written"),
    ],
)
def test_case_status_titles_are_said_in_the_call_language(status, language, said):
    """DOMAIN.md §2.3: Case Status Online titles, in Spanish for Spanish callers."""
    assert case_status.status_in(status, language) == said


@pytest.mark.parametrize(
    ("name", "language", "said"),
    [
        pytest.param("Vermont Service Center", "en", "the Vermont Service Center", id="en"),
        pytest.param("Vermont Service Center", "es", "el Centro de Servicio de Vermont", id="es-masculine"),
        pytest.param("Houston Field Office", "es", "la Oficina Local de Houston", id="es-feminine"),
        pytest.param("Newark Asylum Office", "es", "la Oficina de Asilo de Newark", id="es-asylum-office"),
    ],
)
def test_an_office_is_named_with_its_article_in_the_call_language(ctx, name, language, said):
    """Office names come from the directory, in English or Spanish."""
    ctx.session.language = language
    assert case_status.the_office(ctx, name) == said


def test_every_directory_line_has_a_spoken_number_variable():
    """Each line the flows may name is available as a {line_<key>} prompt variable."""
    from ivr.rules.directory import REQUIRED_LINES

    assert {f"line_{key}" for key in REQUIRED_LINES} <= set(REGISTRY.variables)
    assert special_lines.military_line_email.__doc__


def test_a_field_office_request_needs_a_known_reason(ctx):
    """Reasons are the My Appointment categories (DOMAIN.md §4)."""
    ctx.session.verified_receipt = "EAC2690150101"
    with pytest.raises(ValueError, match="unknown field office reason"):
        run(ctx, "field_office_request", reason="sightseeing")
    assert set(field_office.REASONS) == {"adit_stamp", "emergency_advance_parole", "immigration_judge_grant", "other"}


def test_an_action_needing_a_verified_case_refuses_an_unverified_call(ctx):
    """DOMAIN.md §1.3 (HIGH, who may get case-specific information; the Privacy Act): case facts are never read
    for a call that is not verified."""
    with pytest.raises(LookupError):
        run(ctx, "biometrics_lookup")
