"""Tier 2: a simulated USCIS officer with the case in USCIS systems (seed 003; DOMAIN.md §1.3, §4, §5)."""

from __future__ import annotations

import pytest

ANA = ("WAC2690250102", "04121990")  # California Service Center, biometrics Dec 14 1:30 p.m. Pacific
DMITRI = ("IOE0990750107", "05221958")  # field office appointment Dec 3 10:30, Washington Field Office
SANTIAGO = ("IOE0991351113", "08191971")  # lives outside the United States
BOGDAN = ("WAC2691751117", "02111966")  # a closed request from August and an open one from October


@pytest.fixture
def officer(tier1):
    """An English caller verified by the Tier 2 officer, at the officer's menu."""

    def at_menu(person=ANA):
        tier1.to_tier2()
        turn = tier1.verify(person)
        assert (turn.state, turn.tier) == ("tier2.menu", "tier2")
        return tier1

    return at_menu


def test_the_officer_checks_identity_before_the_case(tier1):
    """DOMAIN.md §1.3: case-specific information goes only to the applicant; Tier 2 verifies who is calling."""
    turn = tier1.to_tier2()
    assert "Before I look at your case, I need to verify your identity." in turn.text
    turn = tier1.verify(ANA)
    assert tier1.session().verified_receipt == ANA[0]
    assert "How can I help you with your case?" in turn.text


def test_a_caller_verified_earlier_is_not_asked_again(tier1):
    """Seed 003: the verified identity is part of the context handed to Tier 2."""
    tier1.press("7")
    tier1.press("2")
    tier1.press("1")
    tier1.verify(ANA)
    tier1.press("1")  # another question
    tier1.say("what are the details of my case")
    turn = tier1.press("1")
    assert turn.state == "tier2.menu"
    assert "I have your case W A C, 2 6 9, 0 2 5, 0 1 0 2 in front of me." in turn.text


def test_the_officer_reads_the_case_details(officer):
    """DOMAIN.md §1.3: Tier 2 reviews the case in USCIS systems: office, status, appointments, requests."""
    live = officer()
    turn = live.press("1")
    assert turn.says[0] == (
        "Your I-765 case is with the California Service Center. Its status is: Case Was Received. "
        "Your biometrics appointment is on December 14, 2026, 1:30 p.m. Pacific time, at the Los Angeles "
        "Application Support Center. There are no service requests on your case."
    )


def test_service_requests_and_their_status_are_read_newest_first(officer):
    """Seed 001: a caller hears the requests on file with their status (open or closed)."""
    live = officer(BOGDAN)
    turn = live.press("1")
    newer = "Service request 2 6 1, 0 1 6, 0 0 1 7, about a notice you did not receive, made on October 16, 2026, is open."
    older = "Service request 2 6 0, 8 2 0, 0 0 1 7, about correcting a typographic error, made on August 20, 2026, is closed."
    assert newer in turn.text and older in turn.text
    assert turn.text.index(newer) < turn.text.index(older)


def test_a_request_made_today_is_heard_with_its_status_in_a_later_call(officer):
    """Service requests are saved: their status is heard in later calls."""
    live = officer()
    live.press("3")
    live.press("3")
    reference = live.effects("service_request_created")[0]["reference"]
    later = live.again()
    later.press("0")
    later.to_tier2()
    later.verify(ANA)
    turn = later.press("1")
    assert reference == "2611230001"
    assert "Service request 2 6 1, 1 2 3, 0 0 0 1, about a card you did not receive, made on November 23, 2026, is open." in turn.text


@pytest.mark.parametrize(
    ("answer", "sr_type"),
    [
        pytest.param(("press", "1"), "outside_normal_processing_time", id="key-1"),
        pytest.param(("press", "8"), "expedite", id="key-8-expedite"),
        pytest.param(("say", "my green card never arrived"), "card_not_received", id="speech-card"),
        pytest.param(("say", "there is a typo on my card, the wrong date of birth"), "typographic_error", id="speech-typo"),
    ],
)
def test_the_officer_makes_a_service_request_of_any_type(officer, answer, sr_type):
    """DESIGN.md §4: a type from the list, routed to the office that holds the file (seed 003)."""
    live = officer()
    live.press("3")
    turn = live.press(answer[1]) if answer[0] == "press" else live.say(answer[1])
    [request] = live.effects("service_request_created")
    assert (request["type"], request["office"], request["tier"]) == (sr_type, "California Service Center", "tier2")
    assert "It was sent to the California Service Center, which has your case." in turn.text


def test_a_supervisor_can_be_asked_for_at_the_type_question(officer):
    """Seed 003: at any time, even while the officer asks what the request is about."""
    live = officer()
    live.press("3")
    turn = live.say("I want a supervisor")
    assert turn.tier == "supervisor"
    assert live.effects("service_request_created") == []


def test_an_overseas_file_gets_the_overseas_office(officer):
    """Seed 003: for an overseas file the caller is referred to the overseas office, no request is made."""
    live = officer(SANTIAGO)
    turn = live.press("2")
    assert "contact the USCIS international office with jurisdiction over your place of residence" in turn.text
    assert live.effects() == []


def test_the_officer_books_a_field_office_appointment(officer):
    """DOMAIN.md §4: in-person appointments are scheduled only by Tier 2, with a confirmation number."""
    live = officer(DMITRI)
    turn = live.press("2")
    assert "You already have an appointment on December 3, 2026, 10:30 a.m. Eastern time" in turn.text
    assert "For November 25, 2026, 9:00 a.m. Eastern time, press 1." in turn.text
    turn = live.press("1")
    [update] = live.effects("case_updated")
    assert update["changes"]["field_office_appointment"] == {
        "appointment": "2026-11-25T09:00:00-05:00",
        "office": "Washington Field Office",
        "reason": "ADIT stamp",
    }
    readback = " ".join(update["confirmation"][:3]) + ", " + " ".join(update["confirmation"][3:6])
    assert f"Your confirmation number is {readback}" in turn.text


def test_a_booked_appointment_is_on_the_case_in_a_later_call(officer):
    """What a call changed persists: the next officer sees the new appointment."""
    live = officer(DMITRI)
    live.press("2")
    live.press("2")
    later = live.again()
    later.press("0")
    later.to_tier2()
    later.verify(DMITRI)
    turn = later.press("1")
    assert "Your appointment at the Washington Field Office is on November 27, 2026, 1:00 p.m. Eastern time, for ADIT stamp." in turn.text


def test_a_case_without_a_field_office_asks_which_office(officer):
    """DOMAIN.md §4: the caller chooses the field office; times are said in its own time zone."""
    live = officer()
    turn = live.press("2")
    assert "For the Houston Field Office, press 4." in turn.text
    turn = live.press("4")
    assert "I can offer these times at the Houston Field Office." in turn.text
    assert "9:00 a.m. Central time" in turn.text


def test_an_offered_time_must_be_one_of_those_offered(officer):
    """A key that names no offered time asks again; nothing is booked."""
    live = officer(DMITRI)
    live.press("2")
    turn = live.press("7")
    assert turn.state == "tier2.appt.choose"
    assert live.effects("case_updated") == []
