"""Round 23 of issue 16 at the Tier 1 topic question: t34 and t35's misreadings, by kind.

t34 and t35 (68/80 on main, 7 confident wrong) read an expedite the status told denied as the expedite asked, a work
permit tracked to the postal service with the mailbox empty as the status, a card that never came beside a postal
inspector's letter as the notice, a service member wounded abroad as the caller abroad, a small claims court as the
immigration court, registering to vote as a fee, and a relative taken to a hospital appointment as a thing to bring to
the biometrics; and left unread a letter said to come in the mail with nothing since, mail wanted at a church
instead, what filing for a fiancé costs, which of two prices is right, and a hurry asked as "push it through".  Round
23 reads those by kind (`topic_situations._EXPEDITE_DECIDED`, `_STATUS_MEANT`, `_CARD_MAILED`, `_NOTHING_CAME`,
`_NOTICE_PROMISED`, `_NEVER_DID`, `_MAIL_ELSEWHERE`, `_FORM_ASKED`, `_PRICE_ASKED`, `_HURRY_ASKED`, `_TAKE_SOMEONE`;
`script_reading._OUR_MATTERS`, `_FILED_FOR`, `_EVENT`, `_THEIRS_ABROAD`, `_ERRAND_ELSEWHERE`; `own_words.OWN_WORDS`).
The sentences are the round's own, never t34's or t35's words; every test fails on main.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ivr.core.machine import CompiledFlow
from ivr.definitions.scripts import ScriptSet

DAY = dt.date(2026, 12, 16)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


def test_an_expedite_told_decided_with_the_case_asked_is_the_case_status(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/case-status: what a status message means; an expedite the status or a notice says was denied is a hurry
    answered, and what it means for the case is the question.  An expedite denied and asked again stays the
    expedite (DOMAIN.md §5)."""
    said = "the status online says expedite request denied does that mean my whole application is denied"
    assert read_topic(flow, scripts, said, "en") == "case-status"
    said = "i got a notice that my expedite was denied does that mean my case was denied too"
    assert read_topic(flow, scripts, said, "en") == "case-status"
    said = "my expedite request was denied can i ask for it again with more evidence"
    assert read_topic(flow, scripts, said, "en") == "expedite"


def test_a_hurry_asked_as_pushing_it_through_is_the_expedite(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: an expedite request (scripts/expedite), asked as "push it through"; a card got through the mail
    to a new address is no hurry."""
    said = "my mom is sick and my husband's petition has been pending two years can you push it through"
    assert read_topic(flow, scripts, said, "en") == "expedite"
    said = "my i seven fifty one is still pending and my card runs out soon can you push it through"
    assert read_topic(flow, scripts, said, "en") == "expedite"
    said = "i need to get my card through the mail to my new address"
    assert read_topic(flow, scripts, said, "en") != "expedite"


def test_an_event_abroad_beside_advance_parole_is_no_caller_abroad(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/outside-us is for a caller abroad: a tournament or a wedding held abroad is where the family goes, the
    advance parole still pending one of our matters, its hurry the expedite; a caller who lives abroad stays abroad."""
    said = ("my son has a chess championship in mexico next month and his advance parole is still pending can you "
            "push it through")
    assert read_topic(flow, scripts, said, "en") == "expedite"
    said = "my daughter has a wedding in guatemala and her advance parole is still pending can you push it through"
    assert read_topic(flow, scripts, said, "en") == "expedite"
    assert read_topic(flow, scripts, "i live in spain and need to renew my green card", "en") == "outside-us"


def test_a_service_member_named_or_wounded_abroad_is_the_military_help_line(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/military-help-line: members of the military, named as service members, whatever country they are in
    or where they served or were wounded (no caller abroad: scripts/outside-us)."""
    said = "i'm living in korea right now is there somebody for service members who can help with my citizenship"
    assert read_topic(flow, scripts, said, "en") == "military-help-line"
    said = "i got my citizenship mostly done then got injured in syria now i'm home who helps service members finish it"
    assert read_topic(flow, scripts, said, "en") == "military-help-line"
    assert read_topic(flow, scripts, "i served in iraq and want to naturalize", "en") == "military-help-line"


def test_a_card_tracked_to_the_postal_service_with_the_mailbox_empty_is_the_card_not_received(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/card-not-received: a work permit ("e a d") the account shows picked up by the mail carrier, the mailbox
    still empty: the card never came, the status and the postal service its context."""
    said = "my online account says my e a d was picked up by the mailman on tuesday and my mail box is still empty"
    assert read_topic(flow, scripts, said, "en") == "card-not-received"


def test_a_letter_said_to_come_in_the_mail_and_nothing_since_is_the_notice_not_received(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: the notice-not-received request; a letter the officer said would come in the mail, and "it's been
    six weeks and nothing"; how long it takes to come is the wait's question, no notice missing."""
    said = ("the lady at the field office told me a letter about my fingerprints would come in the mail and it's been "
            "five weeks and nothing")
    assert read_topic(flow, scripts, said, "en") == "notice-not-received"
    said = "the officer said a letter would come in the mail how long does that usually take"
    assert read_topic(flow, scripts, said, "en") != "notice-not-received"


def test_a_card_supposed_to_come_that_never_did_beside_a_letter_is_the_card(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/card-not-received: a card "supposed to come that week and it never did"; a letter someone else sent
    (the post office about mail theft) is its context, no notice missing.  A notice that never did stays the notice."""
    said = ("the post office sent a letter about a mail theft ring on our route and my green card was supposed to "
            "come that week and it never did")
    assert read_topic(flow, scripts, said, "en") == "card-not-received"
    said = "the receipt notice was supposed to come in march and it never did"
    assert read_topic(flow, scripts, said, "en") == "notice-not-received"


def test_the_callers_mail_wanted_elsewhere_instead_is_the_change_of_address(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: the change of address; the caller's immigration papers or letters wanted at another place
    instead (an office, a church), whatever made the home's mail unsafe."""
    said = "packages keep getting stolen from my porch so i want my immigration papers sent to my office instead"
    assert read_topic(flow, scripts, said, "en") == "change-of-address"
    said = "quiero que mis cartas de inmigración me las manden a la iglesia mejor"
    assert read_topic(flow, scripts, said, "es") == "change-of-address"


def test_what_filing_for_a_relative_costs_is_forms_and_fees(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/forms-and-fees: "how much is it to file" for a relative asks a fee of ours (a petition for a relative
    is one of our matters); another agency's renewal costs nothing of ours."""
    assert read_topic(flow, scripts, "how much is it to file for my wife", "en") == "forms-and-fees"
    assert read_topic(flow, scripts, "how much does it cost to renew my driver's license", "en") is None


def test_which_of_two_prices_is_right_is_forms_and_fees(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/forms-and-fees: two prices seen for one of our matters, which is right; of car insurance nothing of
    ours, and two receipt notices are no price."""
    said = "i found two different fees for the green card renewal online which is right"
    assert read_topic(flow, scripts, said, "en") == "forms-and-fees"
    said = "vi dos precios diferentes para la ciudadanía cuál es el correcto"
    assert read_topic(flow, scripts, said, "es") == "forms-and-fees"
    assert read_topic(flow, scripts, "two different prices for my car insurance which one is right", "en") is None
    assert read_topic(flow, scripts, "i have two receipt notices which one is right", "en") != "forms-and-fees"


def test_registering_to_vote_is_no_question_of_ours(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """Registering to vote is an election office's business, not USCIS's: no script answers it, whatever the
    citizenship named beside it."""
    said = "i got sworn in last week and i want to sign up to vote where do i go for that"
    assert read_topic(flow, scripts, said, "en") is None
    said = "i became a citizen in june what office do i call to register to vote"
    assert read_topic(flow, scripts, said, "en") is None


def test_another_courts_case_is_no_question_of_ours(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """scripts/immigration-court is for the immigration court (EOIR): a small claims or family court's case is no
    question of ours; the immigration court named beside one stays its script."""
    said = "my landlord is taking me to small claims court who do i call"
    assert read_topic(flow, scripts, said, "en") is None
    assert read_topic(flow, scripts, "i have a custody hearing in family court next week", "en") is None
    said = "i have immigration court and family court on the same day"
    assert read_topic(flow, scripts, said, "en") == "immigration-court"


def test_a_relative_taken_to_their_own_appointment_is_no_thing_to_bring(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """Seed 000: a biometrics appointment rescheduled (scripts/biometrics-reschedule) for a relative to take to the
    doctor or the hospital that day ("llevar a mi hijo a su terapia": a ride, no thing to bring); a relative brought
    to their own biometrics, or things brought for them, stay what to bring."""
    said = ("tengo una cita en el hospital el mismo día de mis huellas porque tengo que llevar a mi hijo a su terapia "
            "la puedo cambiar")
    assert read_topic(flow, scripts, said, "es") == "biometrics-reschedule"
    said = "me pusieron las huellas el mismo día que tengo que llevar a mi mamá a su cita del corazón puedo cambiarla"
    assert read_topic(flow, scripts, said, "es") == "biometrics-reschedule"
    said = "voy a llevar a mi mamá a su cita de las huellas y ella no tiene identificación qué hago"
    assert read_topic(flow, scripts, said, "es") == "biometrics-what-to-bring"
    assert read_topic(flow, scripts, "qué documentos le llevo a mi niña para sus huellas", "es") == \
        "biometrics-what-to-bring"
