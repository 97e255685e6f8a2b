"""Round 21 of issue 16 at the Tier 1 topic question: t30 and t31's confident wrong readings, by kind.

t30 and t31 (69/80 on main, 6 confident wrong) read a stimulus check that never came as the card, a toll disputed as
the biometrics rescheduling, an ICE check-in said as "eyes check ins" as the card, a request one of ours opened to
correct an A-number as a case detail refused and one said to be on its way as the case's status, and a payment that
bounced as the case's status; and left unread a notice come for one relative and not another, a notice said to have
gone out with nothing in the mailbox, and another day asked for a biometrics appointment.  Round 21 reads those by
kind (`script_reading._OTHER_AGENCY_DOCUMENT`, `_ERRAND_ELSEWHERE`, `_MISHEARD`; `topic_situations._REQUEST_OPENED`,
`_PAYING`, `_NOT_MINE`, `_NOTICE_MISSED`, `other_day_asked`; `tier1_scripts.request_about_detail`).  The sentences
are the round's own, never t30's or t31's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ivr.core.machine import CompiledFlow
from ivr.definitions.scripts import ScriptSet

DAY = dt.date(2026, 12, 16)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


def test_a_stimulus_payment_or_benefit_check_that_never_came_is_another_agencys(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """Seed 001 redirects other agencies' inquiries: a thing that never came is ours only when it is one of our cards
    or notices (scripts/card-not-received, scripts/notice-not-received); a tax refund or an unemployment check is the
    IRS's or the SSA's, which no script of ours answers."""
    assert read_topic(flow, scripts, "hi my stimulus payment never showed up can you see where it is", "en") is None
    assert read_topic(flow, scripts, "my social security check never came this month can you look it up", "en") is None


def test_a_toll_or_traffic_ticket_disputed_is_another_business(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """Seed 003: Tier 1 reads only USCIS's scripts; a toll bill or a parking ticket disputed is a toll road's or a
    city's errand, no biometrics appointment moved (scripts/biometrics-reschedule), though "that day" is said."""
    said = "i got charged a toll on the highway for a day i was home sick how do i dispute that"
    assert read_topic(flow, scripts, said, "en") is None
    assert read_topic(flow, scripts, "me llegó una multa de tránsito de un día que ni estaba en la ciudad", "es") is None


def test_eyes_before_a_check_in_is_ice_misheard(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """scripts/ice-checkin: ICE check-ins are Immigration and Customs Enforcement's, which its script redirects; the
    recogniser writes "ICE" as "eyes" ("my eyes check in"), and a green card named beside it is context, no card
    missing (scripts/card-not-received)."""
    said = "now that my green card came through do i keep doing my eyes check in every few months"
    assert read_topic(flow, scripts, said, "en") == "ice-checkin"


def test_a_request_to_correct_an_a_number_asked_after_is_the_follow_up(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: a service request answered within 15 days (scripts/service-request-follow-up); the A-number told
    wrong is what the request was about, no case detail asked of Tier 1 (a refusal fails `read_topic`)."""
    said = "a lady there opened a request in march since my approval notice had my a number wrong did it get fixed"
    assert read_topic(flow, scripts, said, "en") == "service-request-follow-up"


def test_a_request_said_to_be_on_its_way_asked_after_is_the_follow_up(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: a service request answered within 15 days (scripts/service-request-follow-up), not the case's
    status (scripts/case-status): the representative said she was submitting one, and nothing came of it."""
    said = ("they cancelled my oath ceremony and the lady said she was submitting a request so they'd reschedule me "
            "and my case still shows nothing what happened")
    assert read_topic(flow, scripts, said, "en") == "service-request-follow-up"


def test_a_payment_that_bounced_to_pay_again_is_forms_and_fees(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/forms-and-fees: how to pay a fee; an application returned because its payment bounced asks how to pay
    again, not the case's status (scripts/case-status) nor a request followed up (scripts/service-request-follow-up)."""
    said = "my case got rejected and returned because the check bounced how do i pay it again"
    assert read_topic(flow, scripts, said, "en") == "forms-and-fees"


def test_one_relatives_notice_come_and_anothers_not_is_the_notice_not_received(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: the notice-not-received request is for a notice that never came (scripts/notice-not-received);
    a wife's notice come is context when the son's never did."""
    said = "my wife's receipt notice showed up but my son's never did and it's been two months"
    assert read_topic(flow, scripts, said, "en") == "notice-not-received"


def test_a_notice_said_sent_with_nothing_in_the_mailbox_is_the_notice_not_received(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: the notice-not-received request (scripts/notice-not-received): the website says the notice was
    mailed, the caller has nothing."""
    said = "the case page says the approval notice went out in may but there's nothing in my mailbox"
    assert read_topic(flow, scripts, said, "en") == "notice-not-received"


def test_another_day_asked_for_the_biometrics_is_its_rescheduling(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """Seed 000: a biometrics appointment rescheduled (scripts/biometrics-reschedule): a holy day or a shift on the
    appointment's day, and another day asked in so many words."""
    said = "my finger prints are set for yom kippur and i'll be at synagogue all day could i get another day"
    assert read_topic(flow, scripts, said, "en") == "biometrics-reschedule"
