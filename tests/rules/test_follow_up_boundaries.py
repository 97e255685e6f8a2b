"""One wording, one boundary: seed 001's two follow-up rules, at N-1, N and N+1 days.

Seed 001_7dddce98989cf869.txt: "If the customer has not received a response within 15 days of the
call to the USCIS Contact Center, then the customer may submit an inquiry to the service center"
and "If the customer has not received a response within 21 days of the email to the service
center, the customer may contact the USCIS Headquarters Office of Service Center Operations."
Both say "within N days", so both open on the same day count: day N after the event.
"""

import datetime as dt

import pytest

from ivr.rules.service_requests import EMAIL_AFTER_DAYS, SCOPS_AFTER_DAYS, FollowUp, follow_up

CREATED = dt.date(2026, 10, 1)


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        pytest.param(EMAIL_AFTER_DAYS - 1, FollowUp.WAIT, id="day-14-wait"),
        pytest.param(EMAIL_AFTER_DAYS, FollowUp.EMAIL_SERVICE_CENTER, id="day-15-email"),
        pytest.param(EMAIL_AFTER_DAYS + 1, FollowUp.EMAIL_SERVICE_CENTER, id="day-16-email"),
    ],
)
def test_the_service_center_may_be_e_mailed_from_day_15(days, expected):
    """Seed 001: "within 15 days of the call" - from day 15 the caller may e-mail the service center."""
    assert follow_up(CREATED, CREATED + dt.timedelta(days=days)) is expected


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        pytest.param(SCOPS_AFTER_DAYS - 1, FollowUp.WAIT, id="day-20-wait"),
        pytest.param(SCOPS_AFTER_DAYS, FollowUp.CONTACT_SCOPS, id="day-21-scops"),
        pytest.param(SCOPS_AFTER_DAYS + 1, FollowUp.CONTACT_SCOPS, id="day-22-scops"),
    ],
)
def test_scops_may_be_contacted_from_day_21_after_the_e_mail(days, expected):
    """Seed 001: "within 21 days of the email" - from day 21 after it the caller may write to SCOPS."""
    emailed = CREATED + dt.timedelta(days=EMAIL_AFTER_DAYS)
    assert follow_up(CREATED, emailed + dt.timedelta(days=days), emailed) is expected


def test_both_rules_count_days_the_same_way():
    """Seed 001 words both rules alike ("within N days"), so day N opens each one."""
    emailed = CREATED + dt.timedelta(days=EMAIL_AFTER_DAYS)
    opens_email = min(d for d in range(40) if follow_up(CREATED, CREATED + dt.timedelta(days=d)) is not FollowUp.WAIT)
    opens_scops = min(
        d for d in range(40) if follow_up(CREATED, emailed + dt.timedelta(days=d), emailed) is FollowUp.CONTACT_SCOPS
    )
    assert (opens_email, opens_scops) == (EMAIL_AFTER_DAYS, SCOPS_AFTER_DAYS)


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        pytest.param(10, FollowUp.WAIT, id="day-10-wait-for-the-e-mail-not-for-day-15"),
        pytest.param(20, FollowUp.WAIT, id="day-20-wait-not-e-mail-again"),
        pytest.param(5 + SCOPS_AFTER_DAYS, FollowUp.CONTACT_SCOPS, id="day-26-scops"),
    ],
)
def test_an_e_mail_sent_before_day_15_starts_the_21_days(days, expected):
    """Seed 001 is silent on an e-mail sent before day 15 ("within 21 days of the email to the service center");
    counting from it gets the caller to SCOPS soonest, and at worst SCOPS asks for the e-mail the strict reading
    would have had them send anyway (docs/rules.md, rule 51)."""
    early = CREATED + dt.timedelta(days=5)
    assert follow_up(CREATED, CREATED + dt.timedelta(days=days), early) is expected
