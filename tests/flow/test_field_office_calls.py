"""Field office (InfoPass) appointments in whole calls (seed 001_7dddce98989cf869.txt; DOMAIN.md §4)."""

import pytest

DMITRI = ("IOE0990750107", "1958-05-22")  # Washington Field Office, Dec 3 10:30 Eastern, ADIT stamp
RAFAEL = ("EAC2690150101", "1987-02-28")  # no field office appointment
SANTIAGO = ("IOE0991351113", "1971-08-19")  # lives abroad (outside_us: true)
LONDON = "+442079460113"

HOW = {"en": "how does it work", "es": "cómo funcionan"}
REQUEST = {"en": "make an appointment", "es": "pedir una cita"}
MINE = {"en": "when is my appointment", "es": "mi cita"}
EMERGENCY = {"en": "emergency travel", "es": "emergencia"}


def test_the_caller_hears_how_appointments_work_now(caller):
    """DOMAIN.md §4: no walk-ins and no self-scheduling; a representative takes the request, an officer schedules."""
    caller.main("3")
    turn = caller.choose("1", HOW)
    expected = {
        "en": "USCIS field offices see customers by appointment only, and walk-ins are not accepted.",
        "es": "Las oficinas locales de USCIS atienden solo con cita, y no se aceptan visitas sin cita.",
    }[caller.language]
    assert expected in turn.text
    assert turn.state == "field_office.menu"


def test_the_appointment_on_file_is_read_back(caller):
    """Seed 001: the caller hears the existing appointment: office, date, time and reason."""
    caller.main("3")
    caller.choose("3", MINE)
    turn = caller.verify(*DMITRI)
    expected = {
        "en": "You have an appointment at the Washington Field Office on Thursday, December 3, 2026, at 10:30 a.m. Eastern time, for: ADIT stamp.",
        "es": "Tiene una cita en la Oficina Local de Washington el jueves 3 de diciembre de 2026, a las 10:30 a. m., hora del Este, por este motivo: ADIT stamp.",
    }[caller.language]
    assert expected in turn.text


def test_a_case_without_an_appointment_hears_that_none_is_on_file(dial):
    """No appointment on file is said plainly, after verification."""
    call = dial()
    call.main("3")
    call.call.press("3")
    assert "There is no field office appointment on file for this case." in call.verify(*RAFAEL).text


def test_a_request_with_its_reason_goes_to_a_representative(caller):
    """DOMAIN.md §4: requests are made with Tier 1 (with a reason) and scheduled by a USCIS officer."""
    caller.main("3")
    caller.choose("2", REQUEST)
    assert caller.verify(*RAFAEL).state == "field_office.reasons"
    turn = caller.choose("2", EMERGENCY)
    expected = {
        "en": "I noted that you need an appointment for an emergency travel document.",
        "es": "Anoté que necesita una cita para un documento de viaje de emergencia.",
    }[caller.language]
    assert expected in turn.text
    assert turn.tier == "tier1"
    session = caller.session()
    assert (session.vars["handoff_topic"], session.vars["handoff_reason"]) == ("field_office_appointment", "emergency_advance_parole")


def test_the_request_is_recorded_in_the_transcript(dial):
    """The request and its reason stay in the call's record even if no representative is free."""
    call = dial(CLOCK="2026-11-23T21:00:00-05:00")
    call.main("3")
    call.call.press("2")
    call.verify(*RAFAEL)
    turn = call.call.press("1")
    assert "Our representatives are not available now." in turn.text
    recorded = [e for e in call.effects() if e["kind"] == "field_office_appointment_requested"]
    assert [(e["receipt"], e["reason"]) for e in recorded] == [(RAFAEL[0], "adit_stamp")]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_caller_from_abroad_gets_international_office_guidance_instead(dial, language):
    """Seed 001: customers residing overseas contact the international office with jurisdiction, not InfoPass."""
    call = dial(language=language, caller_id=LONDON)
    call.main("3")
    turn = call.call.press("1")  # "Do you live outside the United States?" - yes
    expected = {
        "en": "If you live outside the United States, appointments are made with the USCIS international office that has jurisdiction over your place of residence",
        "es": "Si vive fuera de los Estados Unidos, las citas se hacen con la oficina internacional de USCIS que tiene jurisdicción sobre su lugar de residencia",
    }[language]
    assert expected in turn.text
    assert turn.state == "outside_us.menu"


def test_a_case_whose_applicant_lives_abroad_gets_international_guidance_instead(dial):
    """Seed 001: the case says the applicant lives abroad: no request, the international office instead."""
    call = dial()
    call.main("3")
    call.call.press("2")
    turn = call.verify(*SANTIAGO)
    assert "appointments are made with the USCIS international office" in turn.text
    assert turn.state == "outside_us.menu"
    assert "handoff_topic" not in call.session().vars
