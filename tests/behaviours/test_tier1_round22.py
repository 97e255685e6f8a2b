"""Round 22 of issue 16 at the Tier 1 topic question: t32 and t33's misreadings, by kind.

t32 and t33 (73/80 on main, 3 confident wrong) refused as a case detail an A-number the caller only held to be found
by, read a paper that never came as a card and a card not come beside what to bring to the biometrics as the card, and
left unread a case past the normal time (its "processing" unsaid), a fee asked whether it went up, a hurry asked as the
front of the line, and a fax asked beside a post office closed for a request for evidence.  Round 22 reads those by
kind (`tier1_scripts.number_told`; `topic_situations._STATUS_MEANT`, `_NOTICE_LOST`, `_PAST_POSTED_TIME`,
`_FORM_ASKED`, `_NOTICE_MISSED`, `_HURRY_ASKED`, `card_missed`, `_PRICE_ASKED`, `_OTHER_DAY`;
`script_reading._OUR_MATTERS`), and the same kinds t22-t31 and topics.yaml had left unread: a status asked as "where
it's at" or "is that normal", a notice said sent with nothing in the mailbox, a card mailed and nothing come or
nobody knowing where it went, a fee asked as "cuánto cobran", a weekday asked for the biometrics.  The sentences are
the round's own, never t32's or t33's words; every test fails on main.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from ivr.behaviours.tier1_scripts import answer_for
from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.definitions.scripts import ScriptSet

DAY = dt.date(2026, 12, 16)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


def test_an_a_number_held_to_be_found_by_is_no_case_detail_asked(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §1.3: Tier 1 refuses case details beyond the status; an A-number the caller only has, offered to be
    found by, asks none (scripts/case-status), while the A-number asked for is still refused."""
    said = "i lost all my papers in a fire and all i have is my a number can you tell me what's going on with my green card case"
    assert read_topic(flow, scripts, said, "en") == "case-status"
    said = "can you look up my case using my a number i misplaced the receipt and want to know if it got approved"
    assert read_topic(flow, scripts, said, "en") == "case-status"
    for asked in ("what is my a number", "i have my a number wrong on my card how do i fix it"):
        refusal, _ = answer_for(scripts, normalize(asked), "en", flow, "tier1.topic")
        assert refusal == "case_details", asked


def test_a_notice_lost_with_the_status_asked_is_the_case_status(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/notice-not-received is for a notice that never arrived: one the caller had and lost came, and the
    status asked beside it is the question (scripts/case-status); one that never came stays the notice."""
    said = "i lost my receipt notice can you tell me if my case was approved"
    assert read_topic(flow, scripts, said, "en") == "case-status"
    said = "i threw away the letter by mistake can you tell me if my husband's petition got approved"
    assert read_topic(flow, scripts, said, "en") == "case-status"
    said = "i never got my receipt notice can you tell me if my case was approved"
    assert read_topic(flow, scripts, said, "en") == "notice-not-received"


def test_a_status_asked_as_where_it_is_at_or_sitting_there_is_the_case_status(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/case-status: where a case stands now, asked as callers say it ("where it's at", "is it still just
    sitting there", "has it moved at all", "cómo va la ciudadanía"), the story around it its context."""
    for said, language in (
        ("i mailed the papers to renew my green card before christmas and haven't heard a thing can you tell me where "
         "it's at", "en"),
        ("i changed phones and can't log in anymore how else can i see where my case is at", "en"),
        ("i answered the evidence request back in march is my asylum case still just sitting there", "en"),
        ("i answered the evidence request in march can you check if my application has moved at all", "en"),
        ("oiga cómo va la ciudadanía de mi esposa la mandamos en enero", "es"),
    ):
        assert read_topic(flow, scripts, said, language) == "case-status", said


def test_a_status_message_asked_whether_it_is_normal_is_the_case_status(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/case-status: what the status shown online means, asked as "is that normal or should i be worried";
    the office named in the message is no notice missing (scripts/notice-not-received)."""
    said = "my case page says it got sent to another office is that normal or should i be worried"
    assert read_topic(flow, scripts, said, "en") == "case-status"
    said = "mi cuenta dice que mandaron mi caso a otra oficina es normal o debo preocuparme"
    assert read_topic(flow, scripts, said, "es") == "case-status"


def test_a_case_past_the_normal_time_its_processing_unsaid_is_processing_times(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/processing-times: whether a case is taking longer than it should; "the normal time" is the posted
    processing time.  A card that should have come by the normal time is the card's or nothing, no wait asked."""
    said = "my neighbor and i applied the same week and she got approved in may is mine past the normal time or not"
    assert read_topic(flow, scripts, said, "en") == "processing-times"
    said = "my green card is past the normal time it should have come in the mail"
    assert read_topic(flow, scripts, said, "en") != "processing-times"


def test_a_fee_asked_whether_it_went_up_or_changed_is_forms_and_fees(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/forms-and-fees: what a form costs; whether the fee went up or changed asks it, whatever sent the
    application back (no request followed up, no wait); another business's price going up is none of ours."""
    said = ("they returned my whole application because the check wasn't signed should i send the same amount again "
            "or did the fee go up")
    assert read_topic(flow, scripts, said, "en") == "forms-and-fees"
    assert read_topic(flow, scripts, "has the fee for the green card renewal changed this year", "en") == "forms-and-fees"
    assert read_topic(flow, scripts, "yeah i'm calling about my cable bill did the price go up again", "en") is None


def test_what_one_of_our_matters_costs_asked_in_spanish_is_forms_and_fees(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/forms-and-fees: "cuánto cobran" of the citizenship asks its fee; of a bus ticket, nothing of ours."""
    said = "cuánto me cobran por la ciudadanía si ya tengo más de sesenta y cinco años"
    assert read_topic(flow, scripts, said, "es") == "forms-and-fees"
    assert read_topic(flow, scripts, "cuánto cuesta el boleto de autobús a chicago", "es") is None


def test_a_paper_that_never_came_is_a_notice(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """scripts/notice-not-received: "el papel que dice que la recibieron" is the receipt notice, no card
    (scripts/card-not-received); a card that never came stays the card."""
    said = "mandé la renovación hace tres meses y nunca me llegó el papel que dice que la recibieron"
    assert read_topic(flow, scripts, said, "es") == "notice-not-received"
    assert read_topic(flow, scripts, "nunca me llegó la tarjeta de residente", "es") == "card-not-received"


def test_what_to_bring_asked_with_a_card_not_come_is_what_to_bring(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/biometrics-what-to-bring: what to bring asked in so many words; the card not come is why the caller
    asks (the identity they lack), not the question (scripts/card-not-received), which it stays alone."""
    said = "my work permit hasn't come yet and my license is expired so what else can i bring to my biometrics appointment"
    assert read_topic(flow, scripts, said, "en") == "biometrics-what-to-bring"
    assert read_topic(flow, scripts, "my green card never came can you check on it", "en") == "card-not-received"


def test_a_hurry_asked_as_the_front_of_the_line_is_the_expedite(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: an expedite request (scripts/expedite), asked as a place in the line ("push it to the front");
    an appointment moved to the front of a day is its rescheduling, no expedite."""
    said = "my boss is going to let me go next month can you push my work permit to the front"
    assert read_topic(flow, scripts, said, "en") == "expedite"
    said = "can you move my biometrics appointment to the front of the day"
    assert read_topic(flow, scripts, said, "en") != "expedite"


def test_a_request_for_evidence_named_is_ours_whatever_business_is_closed(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/fax: sending documents to USCIS by fax; a request for evidence named makes the question ours, the
    post office or the bank closed for a holiday being why the caller would fax it (no hours of ours asked)."""
    said = "the post office is closed for the holiday and my r f e is due can i just fax my papers over"
    assert read_topic(flow, scripts, said, "en") == "fax"
    said = "the bank is closed for the holiday so i can't get a money order can i fax my request for evidence answer in"
    assert read_topic(flow, scripts, said, "en") == "fax"


def test_a_notice_said_sent_with_nothing_in_the_mailbox_in_spanish_is_the_notice_not_received(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """DOMAIN.md §5: the notice-not-received request (scripts/notice-not-received): the website says the letter was
    sent ("me enviaron una carta": no letter the caller has), the mailbox empty."""
    said = "la página dice que me enviaron una carta de la entrevista pero en mi buzón no hay nada"
    assert read_topic(flow, scripts, said, "es") == "notice-not-received"


def test_a_card_mailed_or_to_be_and_nothing_come_is_the_card_not_received(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/card-not-received: a card mailed and never arrived, the place it went (a relative's, a church) its
    context; "donde recibo mi correo" receives the mail, no receipt notice named beside the card."""
    said = "la mica me la iban a mandar a la casa de mi tía y ella dice que nunca llegó nada"
    assert read_topic(flow, scripts, said, "es") == "card-not-received"
    said = "la tarjeta de trabajo me la iban a mandar a la tienda donde recibo mi correo y el dueño dice que nunca llegó nada"
    assert read_topic(flow, scripts, said, "es") == "card-not-received"


def test_a_card_mailed_that_nobody_can_find_is_the_card_not_received(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """scripts/card-not-received: a card mailed that nobody knows where it went ("nadie sabe dónde quedó") never
    arrived, whoever it was mailed to."""
    said = "they mailed my green card to my old job and the guy who took it quit and nobody knows where it went"
    assert read_topic(flow, scripts, said, "en") == "card-not-received"
    assert read_topic(flow, scripts, "me mandaron la mica a la casa vieja y nadie sabe donde quedo", "es") == \
        "card-not-received"


def test_a_weekday_asked_for_a_biometrics_appointment_is_its_rescheduling(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """Seed 000: a biometrics appointment rescheduled (scripts/biometrics-reschedule), another day asked by its name
    ("put mine to the friday", "pasar la mía al jueves"); an interview's day is not the biometrics'."""
    said = "i got my bio metrics set for wednesday and my daughter's is friday can you put mine to the friday too"
    assert read_topic(flow, scripts, said, "en") == "biometrics-reschedule"
    said = "a mi hija le dieron huellas el lunes y a mí el miércoles podemos pasar la mía al lunes para ir juntas"
    assert read_topic(flow, scripts, said, "es") == "biometrics-reschedule"
    assert read_topic(flow, scripts, "my interview is on monday can i move it to friday", "en") != "biometrics-reschedule"
