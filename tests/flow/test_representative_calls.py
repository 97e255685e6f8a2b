"""Issue 12 point 12: an attorney or accredited representative calls for the applicant.

Seed 000_183b307099edfec1.txt: the rescheduling tool is for "benefit requestors, and their
attorneys and accredited representatives", and "Benefit requestors and accredited
representatives will still have the option to call the USCIS Contact Center to reschedule an
appointment".  DOMAIN.md: an attorney/accredited representative gets case information with a
G-28 on file.  The demo case TSC2790050126 has attorney Grace Okafor on file.
"""

import pytest

KOFI = ("TSC2790050126", "1992-08-18")
REPRESENTS = {"en": "I am the applicant's attorney", "es": "soy el abogado del solicitante"}
LIVE = {"tier1": {"kind": "dial", "target": "client:representative"}}
CASE_FACTS = ("Request for Evidence", "solicitud de evidencia", "Kofi", "Dallas", "I-485", "diciembre", "December")


def as_representative(call, name="Grace Okafor", receipt=KOFI[0], born=KOFI[1]):
    """At the receipt question: say you represent the applicant, confirm, give your name and the applicant's identifiers."""
    call.call.say(REPRESENTS[call.language])
    turn = call.yes()
    assert turn.state == "verify.representative_name"
    call.call.say(f"my name is {name}" if call.language == "en" else f"me llamo {name}")
    call.yes()
    call.receipt(receipt)
    return call.birth_date(born)


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_attorney_on_file_hears_the_case_status(dial, language):
    """Seed 000 / DOMAIN.md: an attorney with a G-28 on file gets the applicant's case status."""
    call = dial(language, "speech")
    call.main("1")
    turn = as_representative(call)
    said = {"en": ("verified as the applicant's representative", "Request for Evidence Was Sent"),
            "es": ("como representante del solicitante quedó verificada", "Se envió una solicitud de evidencia")}
    assert said[language][0] in turn.text
    assert said[language][1] in turn.text
    assert call.session().vars["verified_as_representative"] == "Grace Okafor (attorney)"


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_attorney_on_file_reschedules_the_applicants_biometrics(dial, language):
    """Seed 000: "Benefit requestors and accredited representatives will still have the option to call the USCIS Contact Center to reschedule an appointment"."""
    call = dial(language, "keys", CLOCK="2026-11-23T10:00:00-05:00")
    call.main("2")
    call.by = "speech"
    as_representative(call)
    call.by = "keys"
    call.call.press("1")  # reschedule
    call.call.press("1")  # the first time offered
    call.call.press("1")  # that is right
    assert [e["kind"] for e in call.effects() if e["kind"] == "biometrics_rescheduled"] == ["biometrics_rescheduled"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_name_without_a_g28_on_file_is_refused_and_hears_nothing_about_the_case(dial, language):
    """DOMAIN.md: case information goes to an attorney or accredited representative with a G-28 on file; anyone else learns nothing."""
    call = dial(language, "speech")
    call.main("1")
    turn = as_representative(call, name="John Smith")
    assert turn.state == "verify.receipt"
    assert "G-28" in turn.text
    heard = " ".join(t.text for t in call.turns[-1:])
    assert not [fact for fact in CASE_FACTS if fact in heard]
    assert call.session().verified_receipt is None


def test_a_refusal_says_the_same_words_for_a_wrong_name_and_a_wrong_date_of_birth(dial):
    """Nothing is given away: a right receipt and birth date with the wrong name sounds like any miss."""
    wrong_name, wrong_date = dial("en", "speech"), dial("en", "speech")
    for call in (wrong_name, wrong_date):
        call.main("1")
    by_name = as_representative(wrong_name, name="John Smith")
    by_date = as_representative(wrong_date, born="1990-01-01")
    assert by_name.text == by_date.text


def test_a_representatives_failures_count_in_the_identity_ledger(dial):
    """docs/privacy.md: one ledger for every check; three failures on a call lock it, representative or not."""
    call = dial("en", "speech")
    call.main("1")
    as_representative(call, name="John Smith")
    as_representative(call, name="Jane Roe")
    assert call.session().vars["verification_failures"] == 2
    call.receipt(KOFI[0])
    turn = call.birth_date("1990-01-01")  # a wrong date of birth as the applicant: the third failure
    assert turn.state == "verify.locked"


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_caller_without_the_receipt_can_key_that_they_represent_the_applicant(dial, language):
    """The no-receipt menu offers the representative's check on a key too (seed 000 names attorneys and accredited representatives)."""
    call = dial(language, "keys")
    call.main("1")
    call.call.say({"en": "I don't have a receipt number", "es": "no tengo número de recibo"}[language])
    call.call.press("1")  # that is right
    turn = call.call.press("4")
    assert turn.state == "verify.representative_name"
    assert "G-28" in turn.text


def test_asking_for_a_representative_is_not_saying_you_are_one(dial):
    """"Representative" alone at the receipt question asks for an agent; it is not a claim to represent the applicant."""
    call = dial("en", "speech")
    call.main("1")
    turn = call.call.say("I represent the applicant")
    assert "calling as the applicant's attorney or accredited representative" in turn.text
    other = dial("en", "speech")
    other.main("1")
    turn = other.call.say("representative")
    assert turn.tier == "tier1"


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_hand_off_names_the_representative(dial, language):
    """People taking the call are told who is calling: 'representative: Grace Okafor (attorney)'."""
    call = dial(language, "speech", TIER_ROUTING=LIVE)
    call.main("1")
    as_representative(call)
    call.call.say({"en": "representative", "es": "representante"}[language])
    changes = [c for entry in call.runtime.store.transcript(call.call.call_sid) for c in entry.get("tier_changes", [])]
    assert changes and changes[-1]["context"]["representative"] == "Grace Okafor (attorney)"


def test_the_applicant_verified_themselves_hands_off_no_representative(dial):
    """Only a caller verified as a representative is named as one."""
    call = dial("en", "keys", TIER_ROUTING=LIVE)
    call.main("1")
    call.verify(*KOFI)
    call.call.say("representative")
    changes = [c for entry in call.runtime.store.transcript(call.call.call_sid) for c in entry.get("tier_changes", [])]
    assert changes and "representative" not in changes[-1]["context"]


def test_the_consoles_hand_off_panel_names_the_representative():
    """The console's hand-off panel says who is calling: 'representative: Grace Okafor (attorney)' (only while verified)."""
    from ivr.console.handoff import handoff
    from ivr.core.session import Session

    session = Session("CA1", "uscis_contact_center", "1", "tier1.topic", "2026-11-23T10:00:00-05:00")
    session.vars["verified_as_representative"] = "Grace Okafor (attorney)"
    assert handoff(session, [], None, None, {})["representative"] == ""
    session.verified_receipt = KOFI[0]
    assert handoff(session, [], None, None, {})["representative"] == "Grace Okafor (attorney)"
