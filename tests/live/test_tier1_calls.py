"""Tier 1: the simulated representative answers only from the scripts in force (seed 003)."""

from __future__ import annotations

import datetime as dt

import pytest

from ivr.core.options import say_option
from ivr.definitions.flows import load_flows
from ivr.definitions.scripts import load_scripts
from ivr.rules.biometrics import GOOD_CAUSES

ANA = ("WAC2690250102", "04121990")  # California Service Center
HOANG = ("WAC2691251112", "10141982")  # transferred: the Houston Field Office holds the file
INGRID = ("MSC2690550105", "12011968")  # National Benefits Center; biometrics passed (Nov 20)
MEI_LIN = ("LIN2690350103", "09031979")  # Nebraska Service Center; biometrics rescheduled twice
SANTIAGO = ("IOE0991351113", "08191971")  # lives outside the United States
PRIYA = ("YSC2790850108", "11302001")  # an open card-not-received request, 5 days old

DEMO_DAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def scripts():
    return load_scripts().in_force(DEMO_DAY)


def test_the_representative_key_reaches_tier1_with_the_seed_reason(dial):
    """Seed 003: callers request live assistance by selecting that option from within the IVR."""
    live = dial()
    turn = live.press("0")
    assert (turn.tier, turn.state) == ("tier1", "tier1.topic")
    assert live.reasons() == [("ivr", "tier1", "caller_requested_live_assistance")]


@pytest.mark.parametrize("language", ["en", "es"])
def test_tier1_offers_the_keyed_scripts_in_force(dial, scripts, language):
    """Seed 003: Tier 1's topics are the scripts USCIS provides, 'For <label>, press <key>.' in the caller's language."""
    turn = dial(language).press("0")
    for key, label in scripts.menu(language):
        assert say_option(label, key, language) in turn.text


@pytest.mark.parametrize(
    ("language", "answer", "script_id"),
    [
        pytest.param("en", "7", "processing-times", id="key"),
        pytest.param("en", "my case is taking too long", "processing-times", id="speech"),
        pytest.param("en", "how much does it cost to file", "forms-and-fees", id="speech-unkeyed-words"),
        pytest.param("en", "what do I bring to my fingerprint appointment", "biometrics-what-to-bring", id="speech-unkeyed-script"),
        pytest.param("es", "2", "biometrics-reschedule", id="spanish-key"),
        pytest.param("es", "quiero cambiar mi dirección", "change-of-address", id="spanish-speech"),
    ],
)
def test_the_answer_is_the_script_text_word_for_word(dial, scripts, language, answer, script_id):
    """Seed 003: Tier 1's information is limited in verbiage and format by the response scripts."""
    live = dial(language)
    live.press("0")
    turn = live.press(answer) if answer.isdigit() else live.say(answer)
    assert turn.says[0] == scripts.by_id(script_id).text[language]
    assert turn.state == "tier1.resolved"


def test_the_call_record_names_the_script_version_heard(tier1):
    """DESIGN.md: a call records the id@version of each script it heard."""
    tier1.press("7")
    assert tier1.scripts_heard() == ["processing-times@1"]
    assert tier1.session().scripts_heard == ["processing-times@1"]


@pytest.mark.parametrize(
    ("key", "request_offered", "officer_offered"),
    [
        pytest.param("7", True, True, id="processing-times"),
        pytest.param("8", False, True, id="forms-and-fees"),
        pytest.param("9", False, False, id="ice-checkin-another-agency"),
    ],
)
def test_an_unresolved_question_gets_what_the_script_allows(tier1, key, request_offered, officer_offered):
    """Seed 003: when unable to resolve the inquiry, Tier 1 may create a service request or escalate to Tier 2."""
    tier1.press(key)
    turn = tier1.press("2")
    assert turn.state == "tier1.unresolved"
    assert ("For a service request to the office that has your case, press 1." in turn.text) is request_offered
    assert ("For a USCIS officer, press 2." in turn.text) is officer_offered
    assert "For a supervisor, press 8." in turn.text


@pytest.mark.parametrize(
    ("person", "office"),
    [
        pytest.param(ANA, "California Service Center", id="receipt-prefix"),
        pytest.param(HOANG, "Houston Field Office", id="transferred-case"),
        pytest.param(INGRID, "National Benefits Center", id="benefits-center"),
    ],
)
def test_a_tier1_service_request_goes_to_the_office_that_has_the_file(tier1, person, office):
    """Seed 003: a service request is routed to the office that holds the case file (case data before prefix)."""
    tier1.press("7")
    tier1.press("2")
    tier1.press("1")
    turn = tier1.verify(person)
    [created] = tier1.effects("service_request_created")
    assert (created["type"], created["office"], created["tier"], created["receipt"]) == (
        "outside_normal_processing_time",
        office,
        "tier1",
        person[0],
    )
    assert f"It was sent to the {office}, which has your case." in turn.text
    assert tier1.session().service_requests == [created["reference"]]


def test_the_reference_is_read_back_digit_by_digit(tier1):
    """DESIGN.md §3: reference numbers are read back digit by digit."""
    tier1.press("7")
    tier1.press("2")
    tier1.press("1")
    turn = tier1.verify(ANA)
    assert tier1.effects("service_request_created")[0]["reference"] == "2611230001"
    assert "Your reference number is 2 6 1, 1 2 3, 0 0 0 1. Again, 2 6 1, 1 2 3, 0 0 0 1." in turn.text


def test_a_file_held_overseas_gets_the_overseas_office_not_a_request(tier1, scripts):
    """Seed 003: inquiries needing an overseas office are referred to it with its contact information."""
    tier1.press("7")
    tier1.press("2")
    tier1.press("1")
    turn = tier1.verify(SANTIAGO)
    assert scripts.by_id("outside-us").text["en"] in turn.text
    assert tier1.effects("service_request_created") == []
    assert "outside-us@1" in tier1.scripts_heard()


def test_an_open_request_of_the_same_type_is_read_back_not_duplicated(tier1):
    """Seed 001: an office has 15 days to answer; a 5-day-old open request is not made again."""
    tier1.press("6")
    tier1.press("2")
    tier1.press("1")
    turn = tier1.verify(PRIYA)
    assert "You already have an open service request about a card you did not receive" in turn.text
    assert "2 6 1, 1 1 8, 0 0 0 8" in turn.text
    assert tier1.effects("service_request_created") == []


def test_a_spanish_caller_gets_the_request_in_spanish(dial):
    """DOMAIN.md §1.1: every Contact Center service is offered in English and Spanish."""
    live = dial("es")
    live.press("0")
    live.press("7")
    live.press("2")
    live.press("1")
    turn = live.verify(ANA)
    assert "La recibió el Centro de Servicio de California, que tiene su caso." in turn.text
    assert "Su número de referencia es 2 6 1, 1 2 3, 0 0 0 1." in turn.text


def test_a_verified_caller_hears_the_status_and_no_other_case_detail(tier1):
    """DOMAIN.md §1.3: Tier 1 gives case-specific information only as far as Case Status Online."""
    tier1.press("7")
    tier1.press("2")
    tier1.press("1")
    tier1.verify(ANA)
    tier1.press("1")
    turn = tier1.press("1")
    assert "The status of your case is: Case Was Received." in turn.text
    assert "December" not in turn.text and "Los Angeles" not in turn.text


def test_an_unverified_caller_hears_no_status(tier1):
    """DOMAIN.md §1.3: case-specific information goes only to a caller whose identity was checked."""
    turn = tier1.press("1")
    assert "The status of your case is" not in turn.text


def test_an_answered_question_ends_politely(tier1):
    """A caller whose question the script answered can end the call from Tier 1."""
    tier1.press("8")
    tier1.press("1")
    turn = tier1.press("9")
    assert turn.hung_up and turn.tier == "tier1"


# --- biometrics handed over by self-service (seed 000) ------------------------------------------


def _refused_biometrics(dial, person, **settings):
    """Main menu 2, verify, ask to reschedule: self-service refuses and hands the call to Tier 1."""
    live = dial(**settings)
    live.press("2")
    live.verify(person)
    return live, live.press("1")


def test_a_refused_reschedule_skips_the_topic_question(dial):
    """Seed 000: a caller self-service cannot help is asked by Tier 1 why they cannot attend."""
    live, turn = _refused_biometrics(dial, MEI_LIN)
    assert (turn.state, turn.tier) == ("tier1.bio.cause", "tier1")
    assert "Which reason best describes why you cannot attend?" in turn.text
    assert "How can I help you?" not in turn.text


@pytest.mark.parametrize("key,cause", [(str(i), cause.code) for i, cause in enumerate(GOOD_CAUSES, 1)], ids=[c.code for c in GOOD_CAUSES])
def test_each_good_cause_is_recorded_with_a_request_to_the_office(dial, key, cause):
    """Seed 000: good cause (six listed reasons) is recorded and the request sent to the office that has the case."""
    live, _ = _refused_biometrics(dial, MEI_LIN)
    turn = live.press(key)
    [recorded] = live.effects("good_cause_recorded")
    [request] = live.effects("service_request_created")
    assert (recorded["cause"], recorded["untimely"], recorded["reference"]) == (cause, False, request["reference"])
    assert (request["office"], request["about"], request["good_cause"]) == ("Nebraska Service Center", "biometrics_reschedule", cause)
    assert "USCIS will decide whether your reason is good cause and will write to you." in turn.text
    assert "new appointment notice" not in turn.text  # issue 12 point 8: no script promises one


def test_a_passed_appointment_is_taken_as_an_untimely_request(dial):
    """Seed 000: untimely requests are accepted only through the Contact Center, and USCIS decides."""
    live, turn = _refused_biometrics(dial, INGRID)
    assert "Your appointment has already passed, so this is a late request." in turn.text
    turn = live.say("I was in the hospital")
    [recorded] = live.effects("good_cause_recorded")
    assert (recorded["cause"], recorded["untimely"]) == ("illness", True)
    assert live.effects("service_request_created")[0]["office"] == "National Benefits Center"
    assert "USCIS will decide whether to accept this late request" in turn.text


def test_a_reason_outside_the_list_goes_to_an_officer(dial):
    """Seed 003: what Tier 1 cannot resolve (a reason outside seed 000's list) goes to Tier 2."""
    live, _ = _refused_biometrics(dial, MEI_LIN)
    turn = live.press("7")
    assert turn.tier == "tier2"
    assert live.reasons()[-1] == ("tier1", "tier2", "tier1_cannot_resolve")
    assert live.effects("good_cause_recorded") == []


def test_the_good_cause_menu_is_seed_000s_list_in_order():
    """Seed 000: the flow's good-cause options are exactly GOOD_CAUSES, in both languages."""
    state = load_flows()["uscis_contact_center"].states["tier1.bio.cause"]
    topics = [(option.topic.en, option.topic.es) for option in state.options[: len(GOOD_CAUSES)]]
    assert topics == [(cause.en, f"por {cause.es}") for cause in GOOD_CAUSES]  # "Si es por …, oprima N."


# --- hours (seed 003: live assistance at published times) ---------------------------------------


@pytest.mark.parametrize(
    "clock",
    [
        pytest.param("2026-11-23T20:00:00-05:00", id="monday-8pm"),
        pytest.param("2026-11-21T10:00:00-05:00", id="saturday"),
        pytest.param("2026-11-26T10:00:00-05:00", id="thanksgiving"),
    ],
)
def test_outside_live_assistance_hours_nobody_is_transferred(dial, clock):
    """DOMAIN.md §1.1: live assistance Monday to Friday, 8 a.m. to 8 p.m. Eastern, except federal holidays."""
    live = dial(CLOCK=clock)
    turn = live.press("0")
    assert turn.tier == "ivr"
    assert "Our representatives are not available now." in turn.text
    assert "Monday through Friday, 8 a.m. to 8 p.m. Eastern time, except federal holidays" in turn.text
    assert live.tier_changes() == []


@pytest.mark.parametrize(
    ("language", "asked", "says"),
    [
        pytest.param("en", "what is your fax number", "USCIS does not publish general fax numbers.", id="en"),
        pytest.param("es", "cuál es su número de fax", "USCIS no publica números de fax generales.", id="es"),
    ],
)
def test_a_caller_asking_for_a_fax_number_hears_there_is_none(dial, language, asked, says):
    """Seed 001: "USCIS does not provide general delivery facsimile numbers" - a Tier 1 script says so."""
    live = dial(language)
    live.press("0")
    turn = live.say(asked)
    assert says in turn.says[0]
