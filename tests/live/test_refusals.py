"""What each tier may not say or do (DOMAIN.md §1.3; seed 003)."""

from __future__ import annotations

import datetime as dt

import pytest

from ivr.definitions.scripts import load_scripts

ANA = ("WAC2690250102", "04121990")  # biometrics Dec 14 at Los Angeles; A-number A099900102
REFUSALS = next(w.ref for w in load_scripts().in_force(dt.date(2026, 11, 23)).wordings if w.id == "tier1-refusals")
"""The wording script Tier 1's refusals are said in: the only script such a call hears (no informational one)."""


# --- Tier 1 -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "asked",
    [
        pytest.param("when is my biometrics appointment", id="appointment-time"),
        pytest.param("what are the details of my case", id="case-details"),
        pytest.param("what is my A number", id="a-number"),
        pytest.param("why is my case taking so long to be decided", id="why-my-case"),
    ],
)
def test_tier1_gives_no_case_detail_beyond_the_status(tier1, asked):
    """DOMAIN.md §1.3: Tier 1 cannot answer case-specific questions beyond Case Status Online."""
    turn = tier1.say(asked)
    assert turn.state == "tier1.refuse.case_details"
    assert "I cannot give other details of your case" in turn.text
    assert "For a USCIS officer, press 1." in turn.text
    assert tier1.scripts_heard() == [REFUSALS]  # the refusal's words, no informational script


def test_tier1_refuses_details_even_to_a_verified_caller(tier1):
    """DOMAIN.md §1.3: verified or not, Tier 1 does not read appointments or other details of a case."""
    tier1.press("7")
    tier1.press("2")
    tier1.press("1")
    tier1.verify(ANA)
    tier1.press("1")
    turn = tier1.say("when is my biometrics appointment")
    assert turn.state == "tier1.refuse.case_details"
    heard = " ".join(t.text for t in tier1.call.turns)
    assert "December 14" not in heard and "A 0 9 9" not in heard


@pytest.mark.parametrize("language,asked", [("en", "I need legal advice about my visa"), ("es", "necesito consejo legal")])
def test_tier1_gives_no_legal_advice(dial, language, asked):
    """DOMAIN.md §1.3: Tier 1 cannot give legal advice."""
    live = dial(language)
    live.press("0")
    turn = live.say(asked)
    assert turn.state == "tier1.refuse.legal_advice"
    assert ("I cannot give legal advice" if language == "en" else "no puedo dar asesoría legal") in turn.text


def test_tier1_does_not_transfer_to_a_local_office(tier1):
    """DOMAIN.md §1.3: Tier 1 cannot transfer calls to local offices or service centers."""
    turn = tier1.say("please transfer me to the local office")
    assert turn.state == "tier1.refuse.local_office"
    assert "I cannot transfer your call to a local office or a service center." in turn.text
    assert tier1.tier_changes()[-1]["to"] == "tier1"


def test_tier1_does_not_improvise_without_a_script(tier1):
    """Seed 003: with no script for the question, Tier 1 says so and offers what it can."""
    turn = tier1.say("can you recommend a good restaurant nearby")
    assert turn.state == "tier1.unknown"
    assert turn.says[0].startswith("I'm sorry, I don't have information about that.")
    assert tier1.scripts_heard() == [REFUSALS]  # the refusal's words, no informational script


def test_tier1_says_only_the_script_after_a_topic(tier1):
    """Seed 003: between the topic and the question whether it helped, Tier 1 says the script and nothing else."""
    script = load_scripts().in_force(dt.date(2026, 11, 23)).by_key("5")
    turn = tier1.press("5")
    assert turn.says == (
        script.text["en"],
        "Did that answer your question? For yes, press 1. For no, press 2. For a supervisor, press 8.",
    )


# --- Tier 2 ---------------------------------------------------------------------------------------


@pytest.fixture
def officer(tier1):
    """A verified caller at the Tier 2 officer's menu."""
    tier1.to_tier2()
    turn = tier1.verify(ANA)
    assert turn.state == "tier2.menu"
    return tier1


def test_tier2_discusses_no_case_before_identity_is_verified(tier1):
    """DOMAIN.md §1.3: case information only for the applicant; the officer verifies identity first."""
    turn = tier1.to_tier2()
    assert turn.state == "tier2.verify.receipt"
    tier1.press(ANA[0][-10:] + "#")
    tier1.press("1")
    turn = tier1.press("01011990")
    assert turn.state == "tier2.verify.failed"
    assert "I cannot discuss a case with you" in turn.text
    assert "Case Was Received" not in turn.text
    assert tier1.session().verified_receipt is None


def test_tier2_gives_no_legal_advice(officer):
    """DOMAIN.md §1.3: Tier 2 officers cannot give legal advice."""
    turn = officer.say("I have a legal question")
    assert "I'm sorry, I cannot give legal advice." in turn.text
    assert turn.state == "tier2.menu"


def test_tier2_cannot_issue_a_notice_or_review_an_rfe(officer):
    """DOMAIN.md §1.3: officers ask for notices to be re-issued; they cannot issue them or review an issued RFE."""
    turn = officer.say("I want you to review my request for evidence")
    assert turn.state == "tier2.notices"
    assert "I cannot issue a notice myself, and I cannot review a Request for Evidence that was already sent." in turn.text
    turn = officer.press("1")
    [request] = officer.effects("service_request_created")
    assert (request["type"], request["tier"]) == ("notice_not_received", "tier2")


def test_tier2_does_not_transfer_to_a_local_office(officer):
    """DOMAIN.md §1.3: officers cannot transfer calls to local offices; seed 003: a supervisor contacts them."""
    turn = officer.say("I need to talk to my local office")
    assert turn.state == "tier2.other_office"
    assert "I cannot transfer your call to a local office or a service center." in turn.text
    assert not [c for c in officer.tier_changes() if c["to"] not in ("tier1", "tier2")]


def test_a_disagreement_needs_a_proposed_resolution_first(officer):
    """Seed 003: the 'upset' escalation is about a proposed resolution; before one, the option is not offered."""
    turn = officer.say("this is unacceptable")
    assert turn.state == "tier2.menu"
    assert "For a resolution you believe is wrong" not in turn.text
    assert officer.tier_changes()[-1]["to"] == "tier2"
