"""Calls from abroad and other agencies' questions, in whole calls (seeds 001-004; DOMAIN.md §6)."""

import pytest


def test_ice_check_ins_go_to_the_ice_appointment_scheduler(caller):
    """Seeds 002 and 004: ICE Appointment Scheduler, Subject ID on Form I-385 and birth place, confirmation."""
    caller.main("7")
    turn = caller.choose("1", {"en": "ICE check in", "es": "reportarse con ICE"})
    expected = {
        "en": [
            "ICE Appointment Scheduler",
            "in English or Spanish",
            "the Subject ID number printed on your Form I-385 and your place of birth",
            "it is not rescheduled until ICE confirms it",
            "call 8 3 3, 3 8 3, 1 4 6 5, 8 a.m. to 5 p.m. Eastern time.",
        ],
        "es": [
            "Programador de Citas de ICE",
            "en inglés o en español",
            "el número de identificación del sujeto impreso en su Formulario I-385 y su lugar de nacimiento",
            "la cita no queda cambiada hasta que ICE confirme el cambio",
            "llame al 8 3 3, 3 8 3, 1 4 6 5, de 8 a. m. a 5 p. m., hora del Este.",
        ],
    }[caller.language]
    for part in expected:
        assert part in turn.text


@pytest.mark.parametrize(
    ("key", "said", "number"),
    [
        pytest.param("2", {"en": "immigration court", "es": "corte de inmigración"}, "1, 8 0 0, 8 9 8, 7 1 8 0", id="eoir"),
        pytest.param("3", {"en": "I-94", "es": "frontera"}, "1, 8 7 7, 2 2 7, 5 5 1 1", id="cbp"),
        pytest.param("4", {"en": "visa", "es": "visa"}, "6 0 3, 3 3 4, 0 7 0 0", id="nvc"),
        pytest.param("5", {"en": "social security", "es": "seguro social"}, "1, 8 0 0, 7 7 2, 1 2 1 3", id="ssa"),
    ],
)
def test_other_agencies_are_given_with_their_numbers(caller, key, said, number):
    """Seed 001: inquiries for another agency are redirected with its contact information (DOMAIN.md §6.3)."""
    caller.main("7")
    turn = caller.choose(key, said)
    assert number in turn.text
    assert turn.state == "other_agencies.menu"


def test_callers_abroad_are_told_to_contact_the_office_with_jurisdiction(caller):
    """Seeds 001 and 003: customers outside the United States contact the overseas office with jurisdiction."""
    turn = caller.main("6")
    expected = {
        "en": "If you live outside the United States, please contact the USCIS international office with jurisdiction over your place of residence.",
        "es": "Si vive fuera de los Estados Unidos, comuníquese con la oficina internacional de USCIS que tiene jurisdicción sobre su lugar de residencia.",
    }[caller.language]
    assert expected in turn.text
    assert turn.state == "outside_us.menu"


@pytest.mark.parametrize(
    ("key", "said", "office", "address"),
    [
        pytest.param(
            "1",
            {"en": "Mexico", "es": "México"},
            {"en": "The Mexico City Field Office has jurisdiction over Mexico.",
             "es": "La Oficina Local de la Ciudad de México tiene jurisdicción sobre México."},
            "uscis.gov",
            id="mexico",
        ),
        pytest.param(
            "2",
            {"en": "Canada", "es": "Canadá"},
            {"en": "The Mexico City Field Office has jurisdiction over Canada.",
             "es": "La Oficina Local de la Ciudad de México tiene jurisdicción sobre Canadá."},
            "U S C I S",
            id="canada",
        ),
        pytest.param(
            "4",
            {"en": "India", "es": "la India"},
            {"en": "The New Delhi Field Office has jurisdiction over India.",
             "es": "La Oficina Local de Nueva Delhi tiene jurisdicción sobre la India."},
            "uscis.gov",
            id="india",
        ),
    ],
)
def test_the_overseas_office_for_a_country_is_named_with_its_address(caller, key, said, office, address):
    """Seed 001: the office with jurisdiction and its mailbox (only Canada's is in the seeds), else the offices page."""
    caller.main("6")
    turn = caller.choose(key, said)
    assert office[caller.language] in turn.text
    assert address in turn.text


def test_canada_gets_its_own_mailbox(dial):
    """Seed 001: the public inquiry mailbox for customers in Canada is USCIS.Canada@dhs.gov."""
    call = dial()
    call.main("6")
    turn = call.call.press("2")
    assert "U S C I S dot Canada at d h s dot gov" in turn.text
    assert "mexicocity" not in turn.text


def test_another_country_is_pointed_to_the_international_offices_page_and_line(dial):
    """DOMAIN.md §1.1: callers outside the U.S. can reach the Contact Center at +1 212-620-3418."""
    call = dial()
    call.main("6")
    turn = call.call.press("6")
    assert "International Immigration Offices page" in turn.text
    assert "plus 1, 2 1 2, 6 2 0, 3 4 1 8" in turn.text
