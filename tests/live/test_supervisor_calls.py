"""The simulated supervisor does what seed 003 says a supervisor may do."""

from __future__ import annotations

import pytest

from tests.live.test_tier1_wording_heard import wording_refs

ANA = ("WAC2690250102", "04121990")  # California Service Center
HOANG = ("WAC2691251112", "10141982")  # transferred: the Houston Field Office holds the file
SANTIAGO = ("IOE0991351113", "08191971")  # lives outside the United States


@pytest.fixture
def supervisor(tier1):
    """A caller who heard the processing-times script, made a request at Tier 1, then asked for a supervisor."""

    def reach(person=ANA):
        tier1.press("7")
        tier1.press("2")
        tier1.press("1")
        tier1.verify(person)
        turn = tier1.press("8")
        assert (turn.tier, turn.state) == ("supervisor", "supervisor.menu")
        return tier1

    return reach


def test_the_supervisor_knows_why_the_call_came(supervisor):
    """Seed 003: the supervisor receives the call with its context (here: the caller asked)."""
    live = supervisor()
    assert "This is a supervisor. You asked to speak with a supervisor. I have the notes from your call." in live.call.turns[-1].text


def test_the_supervisor_verifies_what_the_caller_was_told(supervisor):
    """Seed 003: a supervisor may verify the information provided to the customer."""
    live = supervisor()
    turn = live.press("1")
    reference = live.effects("service_request_created")[0]["reference"]
    assert turn.says[0] == (
        "You were given our information about processing times. "
        "Service request 2 6 1, 1 2 3, 0 0 0 1 was made for you. "
        "I checked it against USCIS information, and it is accurate."
    )
    [verified] = live.effects("information_verified")
    heard = ["processing-times@1", *wording_refs("tier1-identity", "tier1-requests")]  # the answer, then Tier 1's words
    assert (verified["scripts"], verified["service_requests"]) == (heard, [reference])


@pytest.mark.parametrize(
    ("person", "office"),
    [pytest.param(ANA, "California Service Center", id="service-center"), pytest.param(HOANG, "Houston Field Office", id="field-office")],
)
def test_the_supervisor_contacts_the_office_that_has_the_file(supervisor, person, office):
    """Seed 003: a supervisor may directly contact the appropriate USCIS office through its point of contact."""
    live = supervisor(person)
    turn = live.press("2")
    [contacted] = live.effects("office_contacted")
    assert (contacted["office"], contacted["receipt"], contacted["reason"]) == (office, person[0], "caller_requested_supervisor")
    assert f"I contacted the {office} through its point of contact about your case." in turn.text


def test_the_supervisor_creates_a_service_request(supervisor):
    """Seed 003: a supervisor may create a service request if the Contact Center cannot resolve the issue."""
    live = supervisor()
    live.press("3")
    turn = live.press("4")
    requests = live.effects("service_request_created")
    assert [(r["type"], r["tier"]) for r in requests] == [
        ("outside_normal_processing_time", "tier1"),
        ("document_not_received", "supervisor"),
    ]
    assert "Your reference number is 2 6 1, 1 2 3, 0 0 0 2." in turn.text


def test_the_supervisor_asks_the_office_to_act_on_a_uscis_error(supervisor):
    """Seed 003: request that the office act to alleviate unnecessary waits caused by a USCIS error."""
    live = supervisor()
    turn = live.press("4")
    expedite = live.effects("service_request_created")[-1]
    [action] = live.effects("office_action_requested")
    assert (expedite["type"], expedite["reason"], expedite["office"]) == ("expedite", "uscis_error", "California Service Center")
    assert (action["reference"], action["reason"]) == (expedite["reference"], "uscis_error")
    assert "I have asked the California Service Center to act on your case because of a USCIS error" in turn.text


def test_an_overseas_file_is_referred_not_contacted(supervisor):
    """Seed 003: an overseas file is referred to the overseas office with its contact information."""
    live = supervisor(SANTIAGO)
    turn = live.press("2")
    assert "contact the USCIS international office with jurisdiction" in turn.text
    assert live.effects("office_contacted") == []


def test_an_unverified_caller_is_offered_verification_not_the_case(tier1):
    """The supervisor contacts offices and makes requests only about a verified caller's case."""
    turn = tier1.say("supervisor")
    assert "For contacting the office that has your case" not in turn.text
    assert "For verifying your identity so I can look at your case, press 5." in turn.text
    tier1.press("5")
    turn = tier1.verify(ANA)
    assert "For contacting the office that has your case, press 2." in turn.text


def test_the_supervisor_ends_the_call(supervisor):
    """A supervisor's call ends in the supervisor tier, not back in the IVR."""
    live = supervisor()
    turn = live.press("9")
    assert turn.hung_up and turn.tier == "supervisor"
