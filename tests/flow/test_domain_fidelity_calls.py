"""Issue 12's wrong behaviours, each reproduced by the keys a caller presses after choosing a language.

Every test cites the seed or DOMAIN.md sentence the behaviour must follow.
"""

from pathlib import Path

import pytest

OFFICES = str(Path(__file__).parent / "data" / "service_request_offices.yaml")
LEILANI = ("IOE0992051120", "2000-07-21")  # IOE, no office named
DMITRI = ("IOE0990750107", "1958-05-22")  # IOE, field office appointment at the Washington Field Office
MEI_LIN = ("LIN2690350103", "1979-09-03")  # biometrics rescheduled twice
INGRID = ("MSC2690550105", "1968-12-01")  # biometrics passed (untimely)


def test_the_international_line_is_read_with_its_country_code(dial):
    """DOMAIN.md §1.1: "Outside the U.S.: (+1) 212-620-3418" - the +1 is part of the number."""
    call = dial()
    call.main("6")
    turn = call.call.press("6")
    assert "plus 1, 2 1 2, 6 2 0, 3 4 1 8" in turn.text
    assert "plus 2 1 2" not in turn.text


def test_the_international_line_is_read_with_its_country_code_in_spanish(dial):
    """DOMAIN.md §1.1: (+1) 212-620-3418, read in Spanish as "más 1, 2 1 2…"."""
    call = dial("es")
    call.main("6")
    turn = call.call.press("6")
    assert "más 1, 2 1 2, 6 2 0, 3 4 1 8" in turn.text


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_ioe_case_without_an_office_is_not_with_elis(dial, language):
    """DOMAIN.md §2.1: "ELIS is a case system, not an office ... route by the case's own office, never 'to ELIS'"."""
    call = dial(language)
    call.main("1")
    turn = call.verify(*LEILANI)
    assert "ELIS" not in turn.text and "Electronic Immigration System" not in turn.text
    assert {"en": "National Benefits Center", "es": "Centro Nacional de Beneficios"}[language] in turn.text


def test_an_ioe_service_request_goes_to_the_office_that_holds_the_case(dial):
    """Seed 003: "The Service Request is automatically routed to the USCIS office that can best provide a resolution"."""
    call = dial()
    call.main("4")
    call.call.press("2")
    call.verify(*DMITRI)
    call.call.press("2")
    turn = call.call.press("1")
    assert "ELIS" not in turn.text
    assert "Washington Field Office" in turn.text


def test_the_military_line_after_hours_address_is_said_to_be_an_example(dial):
    """Seed 001: after-hours callers "receive an email address" - the seed does not give it, so it is an example."""
    call = dial(CLOCK="2026-11-23T20:00:00-05:00")
    call.main("5")
    turn = call.call.press("2")
    assert "closed now" in turn.text
    assert "This simulator uses an example address" in turn.text


def test_the_ice_support_hours_are_only_what_seed_004_says(dial):
    """Seed 004: "Technical support is available 8 a.m. to 5 p.m. EDT" - no weekdays or holidays are given."""
    call = dial()
    call.main("7")
    turn = call.call.press("1")
    assert "Monday through Friday" not in turn.text
    assert "holidays" not in turn.text
    assert "8 a.m." in turn.text and "5 p.m." in turn.text


def test_a_mexico_city_case_is_not_given_the_canada_mailbox(dial):
    """Seed 001: USCIS.Canada@dhs.gov is the inquiry mailbox "for USCIS customers in Canada", not for every country."""
    call = dial(CASES_FILE=OFFICES)
    call.main("4")
    call.call.press("2")
    call.verify("IOE0999951202", "1975-06-30")
    call.call.press("2")
    turn = call.call.press("1")
    assert "Mexico City Field Office" in turn.text
    assert "Canada" not in turn.text
    assert "mexicocity" not in turn.text
    assert "International Immigration Offices page" in turn.text


def test_a_passed_appointment_asks_why_the_caller_could_not_attend(dial):
    """Seed 000: an untimely request is about an appointment that "has already passed": the caller could not attend."""
    call = dial()
    call.main("2")
    call.verify(*INGRID)
    turn = call.call.press("1")
    assert "why you could not attend" in turn.text
    assert "cannot attend" not in turn.text


RAFAEL = ("EAC2690150101", "1987-02-28")  # biometrics far ahead, never rescheduled


@pytest.mark.parametrize(
    ("language", "parts"),
    [
        pytest.param("en", [
            "ICE check-ins are mandatory unless ICE has confirmed a cancellation or a reschedule",
            "Bring your immigration papers, identification and any address updates",
            "Keep a record of your appointment confirmation",
            "ICE Field Office Locator",
        ], id="en"),
        pytest.param("es", [
            "Las citas para reportarse con ICE son obligatorias, salvo que ICE haya confirmado su cancelación o su cambio",
            "Lleve sus documentos de inmigración, una identificación y cualquier cambio de dirección",
            "Guarde la confirmación de su cita",
            "Localizador de Oficinas de ICE",
        ], id="es"),
    ],
)
def test_ice_check_ins_are_mandatory_and_the_caller_hears_what_to_bring(dial, language, parts):
    """Seed 002: "ICE check-ins are mandatory unless you have received official confirmation of a cancellation or reschedule"."""
    call = dial(language)
    call.main("7")
    turn = call.call.press("1")
    for part in parts:
        assert part in turn.text


def test_the_biometrics_branch_mentions_the_online_tool(dial):
    """Seed 000: "USCIS strongly encourages users to use the new tool to save time"."""
    call = dial()
    call.main("2")
    turn = call.verify(*RAFAEL)
    assert "USCIS online account" in turn.text


ABROAD = "+34915550125"  # Wanjiru Kamau-Lindgren's phone in Spain; her case is at the California Service Center


def test_a_caller_id_abroad_is_asked_where_the_caller_lives(dial):
    """Seed 001: the rule is where customers *reside* ("Customers residing overseas"), which a caller ID does not tell."""
    call = dial(caller_id=ABROAD)
    turn = call.main("3")
    assert turn.state == "field_office.abroad_check"
    assert "Do you live outside the United States?" in turn.text


def test_a_caller_abroad_who_lives_in_the_united_states_gets_the_field_office_menu(dial):
    """Seed 001: domestic customers use the field office appointments; travelling abroad does not change that."""
    call = dial(caller_id=ABROAD)
    call.main("3")
    turn = call.call.press("2")
    assert turn.state == "field_office.menu"


def test_a_caller_who_lives_abroad_gets_the_international_office_guidance(dial):
    """Seed 001: "Customers residing overseas should review the International Immigration Offices overview page"."""
    call = dial(caller_id=ABROAD)
    call.main("3")
    turn = call.call.press("1")
    assert "appointments are made with the USCIS international office" in turn.text


def test_a_spanish_caller_abroad_is_asked_in_spanish(dial):
    """Issue 12: "Si es así, oprima 1. Si no, oprima 2." for a yes-or-no question."""
    call = dial("es", caller_id=ABROAD)
    turn = call.main("3")
    assert "¿Vive usted fuera de los Estados Unidos? Si es así, oprima 1. Si no, oprima 2." in turn.text


RAVI = ("NBC2790650106", "1977-11-02")  # I-485 at the National Benefits Center
AIYANA = ("NSC2790050124", "1999-02-14")  # I-765 at the Nebraska Service Center


def _new_request(call, case, key):
    call.main("4")
    call.call.press("2")
    call.verify(*case)
    call.call.press(key)
    return call.call.press("1")  # create this service request


@pytest.mark.parametrize(
    ("key", "case", "asked", "said", "stored"),
    [
        pytest.param("7", AIYANA, "Please say your new address", "221 Maple Street, Lincoln, Nebraska 68508", "new_address", id="change-of-address"),
        pytest.param("6", AIYANA, "Please say what accommodation you need", "a wheelchair accessible entrance", "accommodation", id="accommodation"),
        pytest.param("5", AIYANA, "Please say what is wrong, and what it should say", "my name is spelled Redcloud, it should be Red Cloud", "correction", id="typographic-error"),
    ],
)
def test_a_service_request_takes_its_content_reads_it_back_and_stores_it(dial, key, case, asked, said, stored):
    """Seed 003: the request goes "to the USCIS office that can best provide a resolution" - with what it is about."""
    call = dial()
    turn = _new_request(call, case, key)
    assert asked in turn.text
    turn = call.call.say(said)
    assert f"I heard {said}." in turn.text  # read back before filing
    turn = call.call.press("1")
    [request] = [e for e in call.effects() if e["kind"] == "service_request_created"]
    assert request[stored] == said
    assert request["office"] == "Nebraska Service Center"
    assert "Your reference number is" in turn.text


NOOR = ("EAC2691951119", "1994-04-30")  # I-918 (U visa)


def test_a_u_visa_change_of_address_is_taken_by_tier1_as_its_script_says_with_the_new_address(dial):
    """DOMAIN.md §1.3: online change of address is not available to U filers; the change-of-address script takes it on the call."""
    call = dial()
    call.main("4")
    call.call.press("2")
    call.verify(*NOOR)
    turn = call.call.press("7")
    assert turn.tier == "tier1"
    assert "A USCIS officer must take" not in turn.text
    assert "Please say your new address" in turn.text
    call.call.say("17 Elm Road, Burlington, Vermont 05401")
    turn = call.call.press("1")
    [request] = [e for e in call.effects() if e["kind"] == "service_request_created"]
    assert (request["type"], request["new_address"]) == ("change_of_address", "17 Elm Road, Burlington, Vermont 05401")
    assert "Vermont Service Center" in turn.text


def _existing_appointment(call):
    call.main("3")
    call.call.press("3")  # an appointment you already have
    return call.verify(*DMITRI)


def test_a_field_office_appointment_can_be_cancelled(dial):
    """Seed 001: "Customers and their representatives may also use InfoPass to cancel or reschedule appointments"."""
    call = dial()
    turn = _existing_appointment(call)
    assert "cancelling this appointment" in turn.text
    turn = call.call.press("1")
    assert "Do you want to cancel your appointment" in turn.text
    turn = call.call.press("1")
    assert "Your appointment at the Washington Field Office on Thursday, December 3, 2026" in turn.text
    assert "is cancelled" in turn.text
    assert [e["kind"] for e in call.effects() if e["kind"] == "field_office_appointment_cancelled"] == [
        "field_office_appointment_cancelled"
    ]
    again = call.again()
    turn = _existing_appointment(again)
    assert "There is no field office appointment on file for this case." in turn.text


def test_keeping_the_field_office_appointment_changes_nothing(dial):
    """Cancelling is asked once more: "no" keeps the appointment."""
    call = dial()
    _existing_appointment(call)
    call.call.press("1")
    turn = call.call.press("2")
    assert "Your appointment has not changed." in turn.text
    assert not [e for e in call.effects() if e["kind"] == "field_office_appointment_cancelled"]


def test_a_caller_who_wants_to_cancel_biometrics_hears_what_the_seeds_allow(dial):
    """Seed 000 lets a biometrics appointment be rescheduled, for good cause; it provides no cancelling."""
    call = dial()
    call.main("2")
    call.verify(*RAFAEL)
    turn = call.call.say("cancel my appointment")
    assert "cannot be cancelled" in turn.text
    assert "reschedule" in turn.text


def test_a_caller_without_a_receipt_number_hears_the_alternatives(dial):
    """Issue 12 point 11: "I don't have a receipt number" is an answer, not "that is not a receipt number" again."""
    call = dial()
    call.main("1")
    turn = call.call.say("I don't have a receipt number")
    assert "that is not a receipt number" not in turn.text
    assert "I heard that you do not have a receipt number." in turn.text
    turn = call.call.press("1")
    assert turn.state == "verify.no_receipt"
    assert "receipt notice" in turn.text
    assert "A-number" in turn.text


def test_an_a_number_and_date_of_birth_verify_a_caller_without_a_receipt(dial):
    """DOMAIN.md §2.2: the A-number identifies a person (not every noncitizen has one); with the date of birth it verifies."""
    call = dial()
    call.main("1")
    call.call.say("I don't have a receipt number")
    call.call.press("1")  # that is right
    call.call.press("2")  # my A-number instead
    call.call.press("099900107")
    call.call.press("1")  # the read-back is right
    turn = call.call.press("05221958")
    assert "Its current status is: Case Is Being Actively Reviewed." in turn.text


def test_a_wrong_date_with_an_a_number_sounds_like_any_mismatch(dial):
    """The same words whether the A-number is unknown or the date of birth is wrong (nothing is given away)."""
    call = dial()
    call.main("1")
    call.call.say("I do not have it")
    call.call.press("1")
    call.call.press("2")
    call.call.press("099900107")
    call.call.press("1")
    turn = call.call.press("01011990")
    assert "do not match our records" in turn.text


def test_a_spanish_caller_without_a_receipt_number_is_understood(dial):
    """The same alternatives in Spanish."""
    call = dial("es")
    call.main("1")
    call.call.say("no tengo número de recibo")
    turn = call.call.press("1")
    assert turn.state == "verify.no_receipt"
    assert "aviso de recibo" in turn.text


TOMASZ = ("VSC2790050123", "1983-10-27")  # I-140 at the Vermont Service Center: the expedite caller


@pytest.mark.parametrize(
    ("language", "key", "criterion", "heard", "evidence"),
    [
        pytest.param("en", "3", "nonprofit_cultural_social", "I heard a nonprofit organization whose request furthers the cultural and social interests of the United States.", "a letter from the museum board", id="en"),
        pytest.param("es", "1", "severe_financial_loss", "Escuché una pérdida económica grave para una empresa o persona.", "una carta de mi empleador", id="es"),
    ],
)
def test_an_expedite_names_its_published_criterion_and_evidence_and_goes_to_the_office_with_the_file(dial, language, key, criterion, heard, evidence):
    """DOMAIN.md §5 (1 USCIS-PM A.5): severe financial loss, urgent humanitarian reasons, a nonprofit furthering U.S. cultural or social interests, U.S. government interests, clear USCIS error; seed 003: routed "to the USCIS office that can best provide a resolution"."""
    call = dial(language)
    call.main("4")
    call.call.press("2")
    call.verify(*TOMASZ)
    turn = call.call.press("8")  # a request to expedite: Tier 1 takes it
    assert (turn.tier, turn.state) == ("tier1", "tier1.sr.expedite_criterion")
    assert {"en": "For U.S. government interests, press 4.", "es": "Si es por un error claro de USCIS, oprima 5."}[language] in turn.text
    assert heard in call.call.press(key).text  # read back
    call.call.press("1")
    assert evidence in call.call.say(evidence).text  # read back
    turn = call.call.press("1")
    [request] = [e for e in call.effects() if e["kind"] == "service_request_created"]
    assert (request["type"], request["expedite_criterion"], request["expedite_evidence"]) == ("expedite", criterion, evidence)
    assert request["office"] == "Vermont Service Center"
    assert turn.state.startswith("tier1.")


def test_an_expedite_criterion_can_be_said(dial):
    """DOMAIN.md §5: "emergencies and urgent humanitarian reasons" is a criterion a caller may simply name."""
    call = dial()
    call.main("4")
    call.call.press("2")
    call.verify(*TOMASZ)
    call.call.press("8")
    assert "I heard an emergency or urgent humanitarian reasons." in call.call.say("it is a medical emergency").text


def test_a_keyed_answer_that_is_no_criterion_asks_again(dial):
    """A key outside 1-5 is not a criterion: the caller is asked again, nothing is filed."""
    call = dial()
    call.main("4")
    call.call.press("2")
    call.verify(*TOMASZ)
    call.call.press("8")
    turn = call.call.press("7")
    assert "please choose one of these" in turn.text
    assert not [e for e in call.effects() if e["kind"] == "service_request_created"]
