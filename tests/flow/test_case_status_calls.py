"""Case status and the identity check in front of it, in whole calls (DESIGN.md §3; DOMAIN.md §2)."""

import pytest

ANA = ("WAC2690250102", "1990-04-12")  # California Service Center, I-765, "Case Was Received"
HOANG = ("WAC2691251112", "1982-10-14")  # WAC prefix, but the case names the Houston Field Office
RAFAEL = ("EAC2690150101", "1987-02-28")  # Vermont, by prefix
SHARED_DIGITS = "2791051110"  # EAC2791051110 (Vermont, born 1975-07-04) and WAC2791051110 (California, 1996-01-25)


def test_a_verified_caller_hears_the_form_the_office_and_the_status(caller):
    """DESIGN.md §3: after the receipt number and the date of birth on file, the status from the case data."""
    caller.main("1")
    turn = caller.verify(*ANA)
    expected = {
        "en": "Your Form I-765 case is with the California Service Center. Its current status is: Case Was Received.",
        "es": "Su caso del Formulario I-765 lo tiene el Centro de Servicio de California. Su estado actual es: Se recibió el caso.",
    }[caller.language]
    assert expected in turn.text
    assert turn.state == "case_status.menu"


def test_verification_sets_the_verified_receipt_live_assistance_relies_on(caller):
    """The session names the verified receipt; the receipt and date of birth the caller gave are not kept."""
    caller.main("1")
    caller.verify(*ANA)
    session = caller.session()
    assert session.verified_receipt == "WAC2690250102"
    assert not {"receipt", "date_of_birth", "receipt_readback", "date_of_birth_readback"} & set(session.vars)


def test_the_office_named_by_the_case_wins_over_the_receipt_prefix(dial):
    """DOMAIN.md §2.1: a transferred case keeps its prefix; the office comes from the case when it names one."""
    call = dial()
    call.main("1")
    turn = call.verify(*HOANG)
    assert "is with the Houston Field Office" in turn.text
    assert "Case Was Transferred And A New Office Has Jurisdiction" in turn.text


def test_the_office_comes_from_the_receipt_prefix_when_the_case_names_none(dial):
    """DOMAIN.md §2.1: EAC is the Vermont Service Center."""
    call = dial()
    call.main("1")
    assert "is with the Vermont Service Center" in call.verify(*RAFAEL).text


@pytest.mark.parametrize(
    "said",
    [
        pytest.param("W A C 2 6 9 0 2 5 0 1 0 2", id="letters-and-digits"),
        pytest.param("wac-269-025-0102", id="dashes-lower-case"),
        pytest.param("double u a c two six nine oh two five oh one oh two", id="letter-names-and-oh"),
    ],
)
def test_a_receipt_is_accepted_however_it_is_spoken(dial, said):
    """DESIGN.md §3: spoken receipts in any spacing, dashes or case, digits as words."""
    call = dial()
    call.main("1")
    call.call.say(said)
    call.yes()
    assert "Case Was Received" in call.birth_date(ANA[1]).text


def test_a_spoken_receipt_is_read_back_letter_by_letter_and_digit_by_digit(dial):
    """DESIGN.md §3: numbers are read back digit by digit."""
    call = dial(by="speech")
    call.main("1")
    turn = call.call.say("W A C 2 6 9 0 2 5 0 1 0 2")
    assert "I heard W A C, 2 6 9, 0 2 5, 0 1 0 2." in turn.text


def test_a_rejected_read_back_asks_for_the_receipt_again(dial):
    """The caller who says no to the read-back gives the receipt again."""
    call = dial()
    call.main("1")
    call.call.press(ANA[0][3:] + "#")
    assert call.call.press("2").state == "verify.receipt"


@pytest.mark.parametrize(("answer", "kind"), [("I think so", "say"), ("5", "press")])
def test_an_unclear_answer_to_a_read_back_is_not_called_a_bad_receipt_number(dial, answer, kind):
    """At "If that is correct, press 1 or say yes", an answer that is neither yes nor no hears the general
    "Sorry, I didn't get that.", never "that is not a receipt number" about the receipt just read back."""
    call = dial()
    call.main("1")
    call.call.press(ANA[0][3:] + "#")
    turn = getattr(call.call, kind)(answer)
    assert turn.state == "verify.receipt.confirm"
    assert turn.says[0] == "Sorry, I didn't get that." and "not a receipt number" not in turn.text
    assert turn.says[-1].startswith("I heard 2 6 9, 0 2 5, 0 1 0 2. If that is correct, press 1 or say yes.")


def test_keyed_digits_shared_by_two_offices_ask_for_the_letters_and_name_no_case(caller):
    """DESIGN.md §3 and issue 10.2: keyed digits matching cases at several offices ask for the receipt's
    three letters; no office and no case is named before the date of birth."""
    caller.main("1")
    caller.call.press(SHARED_DIGITS + "#")
    turn = caller.yes()
    assert turn.state == "verify.letters"
    expected = {
        "en": "I also need the three letters at the start of your receipt number.",
        "es": "también necesito las tres letras del comienzo de su número de recibo.",
    }[caller.language]
    assert expected in turn.text
    for disclosed in ("Vermont", "California", "EAC", "WAC", "E A C", "press 1", "oprima 1"):
        assert disclosed not in turn.text


@pytest.mark.parametrize(
    ("answer", "date", "status"),
    [
        pytest.param("322", "1975-07-04", "Case Was Received and A Receipt Notice Was Sent", id="keys-E-A-C"),
        pytest.param("922", "1996-01-25", "Interview Was Scheduled", id="keys-W-A-C"),
        pytest.param("~W A C", "1996-01-25", "Interview Was Scheduled", id="says-W-A-C"),
        pytest.param("~double u a c", "1996-01-25", "Interview Was Scheduled", id="says-letter-names"),
        pytest.param("~E A C", "1975-07-04", "Case Was Received and A Receipt Notice Was Sent", id="says-E-A-C"),
    ],
)
def test_the_letters_given_decide_which_case_is_verified(dial, answer, date, status):
    """Issue 10.2: the letters are said, or keyed one letter key each (W A C is 9 2 2)."""
    call = dial()
    call.main("1")
    call.call.press(SHARED_DIGITS + "#")
    call.yes()
    turn = call.call.say(answer[1:]) if answer.startswith("~") else call.call.press(answer)
    assert turn.state == "verify.birth_date"
    assert status in call.birth_date(date).text


@pytest.mark.parametrize("answer", ["~L I N", "546"], ids=["said", "keyed"])
def test_letters_of_no_matching_case_fail_like_a_wrong_date_of_birth(dial, answer):
    """Letters that match none of the cases are not told apart: the date of birth is asked, then it fails."""
    call = dial()
    call.main("1")
    call.call.press(SHARED_DIGITS + "#")
    call.yes()
    turn = call.call.say(answer[1:]) if answer.startswith("~") else call.call.press(answer)
    assert turn.state == "verify.birth_date"
    turn = call.birth_date("1996-01-25")
    assert "do not match our records" in turn.text


def test_an_unknown_receipt_and_a_wrong_birth_date_sound_the_same(dial):
    """Nothing case-specific before verification: a wrong date of birth does not reveal that the receipt exists."""
    known = dial()
    known.main("1")
    known.receipt(ANA[0])
    wrong_date = known.birth_date("1990-04-13")
    unknown = dial()
    unknown.main("1")
    unknown.receipt("WAC2699999999")
    no_case = unknown.birth_date("1990-04-12")
    assert wrong_date.text == no_case.text
    assert wrong_date.text.startswith("The receipt number and date of birth you gave do not match our records.")


def test_three_failed_verifications_lock_case_information_and_offer_a_representative(caller):
    """Three failed verifications: no case information at all, and a representative is offered."""
    caller.main("1")
    for _ in range(3):
        turn = caller.verify(ANA[0], "2000-01-01")
    assert turn.state == "verify.locked"
    expected = {
        "en": ("I can't give you case information on this call.", "e-Request at uscis.gov",
               "For speaking with a representative, press 1."),
        "es": ("No puedo darle información sobre casos en esta llamada.", "e-Request en uscis.gov",
               "Para hablar con un representante, oprima 1."),
    }[caller.language]
    assert all(part in turn.text for part in expected)
    assert caller.choose("1", {"en": "representative", "es": "representante"}).tier == "tier1"


def test_after_three_failures_no_branch_asks_for_a_receipt_again(dial):
    """Three failed verifications lock case information for the rest of the call, in every branch."""
    call = dial()
    call.main("1")
    for _ in range(3):
        call.verify(ANA[0], "2000-01-01")
    call.call.press("9")
    assert call.main("2").state == "verify.locked"
    call.call.press("9")
    assert call.main("1").state == "verify.locked"


def test_nothing_case_specific_is_said_before_verification(dial):
    """Until verified, the caller hears no status, name, form, office or appointment of the case."""
    call = dial()
    call.main("2")
    for _ in range(3):
        call.verify(RAFAEL[0], "1987-02-27")
    heard = call.heard
    for secret in ("Fingerprint Fee", "Rafael", "I-765", "Vermont", "Saint Albans", "December"):
        assert secret not in heard


def test_a_second_branch_does_not_ask_a_verified_caller_again(dial):
    """A caller verified once on the call goes straight to the next case-specific answer."""
    call = dial()
    call.main("1")
    call.verify(*RAFAEL)
    call.call.press("9")
    turn = call.main("2")
    assert "Your biometrics appointment is on Tuesday, December 8, 2026" in turn.text


def test_another_case_is_verified_afresh(dial):
    """A caller asking about another case gives its receipt and date of birth."""
    call = dial()
    call.main("1")
    call.verify(*RAFAEL)
    assert call.call.press("2").state == "verify.receipt"
    assert "Case Was Received." in call.verify(*ANA).text
    assert call.session().verified_receipt == "WAC2690250102"


def test_the_status_can_be_heard_again(dial):
    """Option 1 after the status reads it again."""
    call = dial()
    call.main("1")
    call.verify(*ANA)
    assert "Its current status is: Case Was Received." in call.call.press("1").text
