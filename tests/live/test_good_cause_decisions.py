"""Tier 2 decides a good cause Tier 1 could not (issue 12 point 9).

Seed 000_183b307099edfec1.txt: good cause exists "when the reschedule request provides sufficient
reason for the benefit requestor's inability to appear on the scheduled date. Sufficient reasons
may include, but are not limited to" the six it lists.  Seed 003_29c9fde61bf22c66.txt: Tier 2 is
"staffed by USCIS officers".  A reason outside the six is the officer's to decide, and the caller
hears the decision.
"""

MEI_LIN = ("LIN2690350103", "09031979")  # biometrics rescheduled twice (Dec 2)
INGRID = ("MSC2690550105", "12011968")  # biometrics passed (Nov 20)


def _to_officer(dial, case):
    live = dial()
    live.press("2")
    live.press(case[0][3:] + "#")
    live.press("1")
    live.press(case[1])
    live.press("1")  # reschedule: refused, a representative takes it
    return live, live.press("7")  # another reason: Tier 1 passes the call to an officer


def test_the_officer_asks_about_a_reason_outside_the_list(dial):
    """Seed 000: the listed reasons are "not limited to" six; an officer decides the others."""
    live, turn = _to_officer(dial, MEI_LIN)
    assert (turn.tier, turn.state) == ("tier2", "tier2.bio.review")
    assert "I decide whether it is good cause" in turn.text


def test_an_accepted_reason_is_recorded_as_good_cause_and_sent_to_the_office(dial):
    """Seed 000: good cause is a reason for the "inability to appear on the scheduled date" - jury duty is one."""
    live, _ = _to_officer(dial, MEI_LIN)
    turn = live.press("1")
    [recorded] = live.effects("good_cause_recorded")
    assert (recorded["cause"], recorded["decided_by"]) == ("court_or_jury_duty", "tier2")
    assert "That is good cause." in turn.text
    assert "Nebraska Service Center" in turn.text


def test_a_refused_reason_is_told_and_nothing_is_sent(dial):
    """Seed 000: a preference for another date is no inability to appear; the caller hears it is not good cause."""
    live, _ = _to_officer(dial, MEI_LIN)
    turn = live.press("5")
    assert live.effects("good_cause_recorded") == []
    assert live.effects("service_request_created") == []
    assert "That reason is not good cause" in turn.text
    assert turn.state == "tier2.menu"


def test_a_refused_late_request_is_told_uscis_cannot_accept_it(dial):
    """Seed 000: USCIS "may consider an untimely request"; for a reason that is not good cause, it does not."""
    live, _ = _to_officer(dial, INGRID)
    turn = live.press("6")
    assert "That reason is not good cause, so this late request cannot be accepted." in turn.text


def test_an_accepted_timely_request_is_promised_a_new_notice(dial):
    """Seed 000: a timely request with good cause is rescheduled, so the caller is told a new notice will come."""
    live, _ = _to_officer(dial, MEI_LIN)
    turn = live.press("1")
    assert "USCIS will send you a new appointment notice." in turn.text


def test_an_accepted_late_request_is_not_promised_a_new_notice(dial):
    """Seed 000: USCIS "may consider an untimely request": the officer sends it but promises no new appointment."""
    live, _ = _to_officer(dial, INGRID)
    turn = live.press("1")
    assert live.effects("good_cause_recorded")[0]["untimely"] is True
    assert "new appointment notice" not in turn.text
    assert "USCIS will decide whether to accept this late request" in turn.text


def test_the_decision_is_said_in_spanish(dial):
    """DOMAIN.md §1.1 (MED): "All USCIS Contact Center services are offered in English and Spanish": the officer's
    decision in the caller's language."""
    live = dial("es")
    live.press("2")
    live.press(MEI_LIN[0][3:] + "#")
    live.press("1")
    live.press(MEI_LIN[1])
    live.press("1")
    live.press("7")
    turn = live.press("1")
    assert "Esa es una causa justificada." in turn.text
