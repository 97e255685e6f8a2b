"""Service requests: types, follow-up, reference numbers and routing (seeds 001 and 003, DOMAIN.md §5)."""

from datetime import date, timedelta

import pytest

from ivr.rules.directory import OfficeKind, load_directory
from ivr.rules.service_requests import (
    SELF_SERVICE_TYPES,
    SR_TOPICS,
    SR_TYPES,
    FollowUp,
    follow_up,
    new_reference,
    route,
    topic,
)

CREATED = date(2026, 11, 1)


@pytest.fixture(scope="module")
def directory():
    return load_directory()


def test_sr_types_are_the_nine_of_design_section_4_in_order():
    """DESIGN.md §4: the service request types the case data and the menus use."""
    assert SR_TYPES == (
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


def test_self_service_types_are_the_online_categories_of_domain_section_5():
    """DOMAIN.md §5: address change, notice/card/document not received, outside processing time, accommodation, typo."""
    assert SELF_SERVICE_TYPES == {
        "change_of_address",
        "notice_not_received",
        "card_not_received",
        "document_not_received",
        "outside_normal_processing_time",
        "accommodation",
        "typographic_error",
    }


def test_expedite_and_other_are_not_self_service():
    """DOMAIN.md §5: expedite requests are relayed by the Contact Center, not filed as an online category."""
    assert {"expedite", "other"}.isdisjoint(SELF_SERVICE_TYPES)


@pytest.mark.parametrize("sr_type", SR_TYPES)
def test_every_type_has_an_english_and_a_spanish_topic(sr_type):
    """DESIGN.md §3: every menu option is named in English and Spanish."""
    assert set(SR_TOPICS[sr_type]) == {"en", "es"} and topic(sr_type, "en") != topic(sr_type, "es")


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        pytest.param(0, FollowUp.WAIT, id="day-0-wait"),
        pytest.param(14, FollowUp.WAIT, id="day-14-wait"),
        pytest.param(15, FollowUp.EMAIL_SERVICE_CENTER, id="day-15-email"),
        pytest.param(60, FollowUp.EMAIL_SERVICE_CENTER, id="day-60-email"),
    ],
)
def test_a_request_may_be_followed_up_by_email_from_day_15(age, expected):
    """seed 001_7dddce98989cf869.txt: with no response within 15 days, the customer may e-mail the service center."""
    assert follow_up(CREATED, CREATED + timedelta(days=age)) is expected


@pytest.mark.parametrize(
    ("since_email", "expected"),
    [
        pytest.param(0, FollowUp.WAIT, id="email-day-0-wait"),
        pytest.param(20, FollowUp.WAIT, id="email-day-20-wait"),
        pytest.param(21, FollowUp.CONTACT_SCOPS, id="email-day-21-scops"),
    ],
)
def test_an_emailed_request_goes_to_scops_after_21_days_without_an_answer(since_email, expected):
    """seed 001_7dddce98989cf869.txt: with no response within 21 days of the e-mail, the customer may contact SCOPS."""
    emailed = CREATED + timedelta(days=15)
    assert follow_up(CREATED, emailed + timedelta(days=since_email), emailed) is expected


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        pytest.param(14, FollowUp.WAIT, id="day-14-still-wait"),
        pytest.param(15, FollowUp.NOT_APPLICABLE, id="day-15-no-mailbox"),
        pytest.param(60, FollowUp.NOT_APPLICABLE, id="day-60-no-mailbox"),
    ],
)
def test_an_office_without_a_follow_up_mailbox_has_no_email_step(age, expected):
    """seed 001_7dddce98989cf869.txt: only service centers have follow-up mailboxes; elsewhere wait or ask for live help."""
    assert follow_up(CREATED, CREATED + timedelta(days=age), has_follow_up_email=False) is expected


def test_a_today_before_the_request_was_created_is_read_as_day_zero():
    """When the clock and the data disagree the caller is told to wait rather than hearing an error."""
    assert follow_up(CREATED, CREATED - timedelta(days=3)) is FollowUp.WAIT


@pytest.mark.parametrize(
    ("day", "sequence", "expected"),
    [
        pytest.param(date(2026, 11, 1), 1, "2611010001", id="design-example"),
        pytest.param(date(2026, 11, 22), 1, "2611220001", id="brief-example"),
        pytest.param(date(2027, 1, 5), 42, "2701050042", id="zero-padded"),
        pytest.param(date(2026, 12, 31), 9999, "2612319999", id="last-sequence"),
    ],
)
def test_new_reference_is_yymmdd_and_a_four_digit_sequence(day, sequence, expected):
    """DESIGN.md §4: service request references look like '2611010001', ten digits."""
    assert new_reference(day, sequence) == expected


@pytest.mark.parametrize("sequence", [0, -1])
def test_new_reference_refuses_a_sequence_below_1(sequence):
    """Sequences start at 1: '2611010000' is never issued."""
    with pytest.raises(ValueError, match="sequence"):
        new_reference(date(2026, 11, 1), sequence)


@pytest.mark.parametrize(("sequence", "expected"), [(10000, "26110110000"), (123456, "261101123456")])
def test_new_reference_has_no_daily_cap(sequence, expected):
    """A busy day's 10,000th request gets an 11-digit reference instead of an apology (issue 11 point 4)."""
    assert new_reference(date(2026, 11, 1), sequence) == expected


def test_route_without_a_named_office_follows_the_receipt_prefix(directory):
    """DOMAIN.md §2.1 and seed 001_7dddce98989cf869.txt: a WAC case goes to California with its follow-up mailbox."""
    routing = route("WAC2612345678", None, directory)
    assert (routing.office.name.en, routing.kind, routing.overseas, routing.follow_up_email) == (
        "California Service Center",
        OfficeKind.SERVICE_CENTER,
        False,
        "csc-ncsc-followup@dhs.gov",
    )


def test_route_prefers_the_office_that_holds_the_file_over_the_prefix(directory):
    """seed 003_29c9fde61bf22c66.txt: a request goes to the office that has the file, even when transferred."""
    routing = route("WAC2691251112", "Houston Field Office", directory)
    assert (routing.office.name.en, routing.kind, routing.follow_up_email) == (
        "Houston Field Office",
        OfficeKind.FIELD_OFFICE,
        None,
    )


def test_route_to_an_overseas_office_is_marked_overseas_without_a_follow_up_mailbox(directory):
    """seed 003_29c9fde61bf22c66.txt: overseas files are referred to the overseas office, not sent a service request."""
    routing = route("IOE0912345678", "Mexico City Field Office", directory)
    assert (routing.office.name.en, routing.overseas, routing.follow_up_email) == (
        "Mexico City Field Office",
        True,
        None,
    )


def test_route_falls_back_to_the_prefix_when_the_named_office_is_unknown(directory):
    """DOMAIN.md §2.1: an office name the directory does not know does not lose the case; the prefix still routes it."""
    assert (
        route("LIN2612345678", "Atlantis Field Office", directory).office.name.en == "Nebraska Service Center"
    )


def test_route_accepts_the_receipt_in_any_written_form(directory):
    """DESIGN.md §3: a receipt with dashes and lower case routes like the compact form."""
    assert route("src-26-123-45678", None, directory).office.name.en == "Texas Service Center"


@pytest.mark.parametrize(
    "receipt",
    [pytest.param("ZAR2612345678", id="unknown-prefix"), pytest.param("not a receipt", id="not-a-receipt")],
)
def test_route_is_none_when_neither_office_nor_prefix_is_known(directory, receipt):
    """DOMAIN.md §2.1: with no known office the flow must offer live assistance instead of guessing an office."""
    assert route(receipt, None, directory) is None
