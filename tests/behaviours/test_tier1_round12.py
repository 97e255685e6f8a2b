"""Round 12 of issue 16 at the Tier 1 topic question: the confident wrong readings of topics.yaml, by kind.

topics.yaml (the development corpus, scripts of 2026-12-16) had 20 confident wrong readings at the start of round 12.
Four kinds are put right here, each shown by its family (round 12's own sentences, never the corpus's words):

1. a boss mentioned is no supervisor asked for ("i'm the h r manager and ..."; seed 003_29c9fde61bf22c66.txt lets a
   caller *request* a supervisor at any time: a mention requests nothing);
2. a lawyer mentioned is no legal advice asked (one the caller lacks, what a lawyer said), nor is the A-number written
   on a cheque a case detail asked (DOMAIN.md §1.3 refuses the advice and the details, not their mention);
3. a script read by the scripts' keywords alone is not read for another business its label and phrases never name
   ("what time does the dmv open" is no question of the contact center's hours);
4. of a card and a notice both named, the one said never to have come is the thing missing (DOMAIN.md §5: the service
   requests for a card not received and for a notice not received are different requests).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ivr.behaviours.live_assistance import asks_for_supervisor
from ivr.behaviours.tier1_scripts import refusal_in
from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.core.wording import tokens
from ivr.definitions.script_reading import businesses_named, errand_elsewhere, spoken_forms
from ivr.definitions.topic_situations import (
    appointment_moved,
    field_office_named,
    hurry_asked,
    moved_home,
    never_came,
    notice_came,
    notice_promised,
    past_posted_time,
    request_followed,
    taken_there,
)
from ivr.definitions.scripts import ScriptSet
from ivr.rules.uscis_forms import form_question
from ivr.testing import PhoneCall

DAY = dt.date(2026, 12, 16)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


# --- 1. a boss mentioned is no supervisor asked for ----------------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "i'm the office manager at a clinic and we want to sponsor a nurse which form is it",
        "my manager told me to call you about my work permit",
        "my supervisor at work needs proof that my card is being renewed",
        "she's a store manager and her green card expires next month",
        "soy gerente de un restaurante y quiero saber cómo pedir un permiso para un empleado",
        "mi jefe me pidió una carta que diga que mi caso está pendiente",
        "el gerente de recursos humanos dice que necesito el recibo",
    ],
)
def test_a_boss_mentioned_is_no_supervisor_asked_for(said: str) -> None:
    """A supervisor is sent on request (seed 003: "request to have a call directed to a supervisor"): the caller's own
    boss, their job title or a relative's asks for no one."""
    assert not asks_for_supervisor(said)


@pytest.mark.parametrize(
    "said",
    [
        "i want to talk to your manager",
        "supervisor please",
        "can i speak with a supervisor i'm a little upset",
        "i'm asking for a supervisor",
        "get me the manager",
        "quiero hablar con su jefe",
        "páseme con la supervisora por favor",
        "quiero hablar con el gerente",
    ],
)
def test_a_supervisor_asked_for_is_still_sent(said: str) -> None:
    """The other way: asking for a supervisor, a manager or "your boss" in so many words still asks (seed 003)."""
    assert asks_for_supervisor(said)


def test_the_hr_manager_who_asks_about_premium_processing_hears_its_script(english_call: PhoneCall) -> None:
    """An employer's H.R. manager asking how to pay for premium processing is read its script (Form I-907), not sent
    to a supervisor: "h r manager" says who is calling (it was put through to a supervisor before round 12)."""
    english_call.press("0")
    turn = english_call.say(
        "hi i'm the h r manager here and we'd like to pay the premium processing fee on a worker's petition"
    )
    assert turn.state == "tier1.resolved"
    assert "Premium processing is requested with Form I-907" in turn.text


# --- 2. a lawyer mentioned is no legal advice asked ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("i don't have a lawyer yet and my court date is next week can it be moved", "en"),
        ("the lawyer said my biometrics appointment letter should have come by now", "en"),
        ("we came without a lawyer can we still ask for premium processing", "en"),
        ("todavía no tengo abogado y mi audiencia con el juez es el mes que viene", "es"),
        ("el abogado me dijo que llamara para saber cuánto cuesta la forma", "es"),
        ("que es eso del permiso de viaje que me comentó el abogado", "es"),
    ],
)
def test_a_lawyer_mentioned_asks_no_legal_advice(said: str, language: str) -> None:
    """DOMAIN.md §1.3 refuses legal advice: a lawyer the caller lacks or quotes asks for none."""
    assert refusal_in(normalize(said), language) is None


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("do i need a lawyer for my case", "en"),
        ("should i hire an attorney", "en"),
        ("necesito un abogado para mi caso", "es"),
        ("me recomienda un abogado", "es"),
    ],
)
def test_asking_for_a_lawyer_is_still_legal_advice(said: str, language: str) -> None:
    """The other way: whether or whom to hire is legal advice, refused (DOMAIN.md §1.3)."""
    assert refusal_in(normalize(said), language) == "legal_advice"


@pytest.mark.parametrize(
    ("said", "language", "refused"),
    [
        ("do i have to write my a number on the money order", "en", None),
        ("should i put my a number on the back of the check", "en", None),
        ("tengo que escribir mi número a en el cheque", "es", None),
        ("what is my a number", "en", "case_details"),
        ("cuál es mi número a", "es", "case_details"),
    ],
)
def test_an_a_number_written_on_a_payment_asks_no_case_detail(said: str, language: str, refused: str | None) -> None:
    """Writing one's A-number on a cheque is how to pay; asking what it is stays a case detail (DOMAIN.md §1.3)."""
    assert refusal_in(normalize(said), language) == refused


# --- 3. a business the script never names ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("what time does the pharmacy close tonight", "en"),
        ("what are the hours of the dmv on saturday", "en"),
        ("a qué hora abre el banco", "es"),
    ],
)
def test_another_business_the_script_never_names_is_not_read(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """The contact center's hours script names no pharmacy, DMV or bank: another business's hours are not ours."""
    assert read_topic(flow, scripts, said, language) is None


def test_a_business_the_script_names_is_still_read(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """The other way: the fee script's phrases name a credit card: a fee question naming one is read."""
    said = "can i pay the filing fee with a credit card"
    assert businesses_named(normalize(said), "en") == frozenset({"credit"})
    assert read_topic(flow, scripts, said, "en") == "forms-and-fees"


def test_a_business_is_not_counted_when_the_question_is_about_our_case() -> None:
    """"my case" makes the question ours (`concepts.about_ours`): the business is context."""
    assert businesses_named(normalize("the bank needs a letter about my case"), "en") == frozenset()


# --- 4. of a card and a notice, the one that never came -------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("the approval letter came last month but my new card still hasn't arrived", "en", "card-not-received"),
        ("they approved my work permit card but the approval notice never came", "en", "notice-not-received"),
        ("me llegó la carta de aprobación pero la tarjeta nunca me llegó", "es", "card-not-received"),
        ("ya tengo la tarjeta pero nunca me llegó el aviso de aprobación", "es", "notice-not-received"),
    ],
)
def test_of_a_card_and_a_notice_the_one_that_never_came_is_missing(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """A card not received and a notice not received are different requests (DOMAIN.md §5): the thing said never to
    have come is the one asked about, the other one named is context."""
    assert read_topic(flow, scripts, said, language) == script_id


@pytest.mark.parametrize(
    ("said", "language", "read"),
    [
        ("i got the notice but the card never came", "en", "i got the but the card never came"),
        ("i haven t received the card or the notice", "en", "i haven t received the card or the notice"),
        ("the letter that renews my card never came", "en", "the letter that renews my never came"),
        ("nunca me llego la tarjeta pero el aviso si", "es", "nunca me llego la tarjeta pero el si"),
        ("my green card never came", "en", "my green card never came"),
    ],
)
def test_never_came_drops_only_the_thing_that_came(said: str, language: str, read: str) -> None:
    """Both missing, or only one thing named: the words stay as said; a thing's relative clause names its head."""
    assert never_came(said, language) == read


# --- 5. a home moved, the case beside it context ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("we just bought a house across town and our asylum case is still open", "en"),
        ("i'm no longer living at the old apartment and my work permit renewal is pending", "en"),
        ("can i get my immigration letters sent to my sister's place for the summer", "en"),
        ("we're relocating to arizona in march and my green card application is still pending", "en"),
        ("compramos casa el mes pasado y ya no vivimos en la dirección que tienen", "es"),
        ("quiero que las cartas de mi caso me lleguen a la casa de mi hermana", "es"),
        ("me fui a vivir con mi hija y tengo la ciudadanía pendiente", "es"),
    ],
)
def test_a_home_moved_with_a_case_pending_is_a_change_of_address(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """A move or mail wanted at another place, with a case pending beside it, is the change of address (DOMAIN.md §5:
    AR-11 within 10 days of a move, and the pending cases' addresses changed too); the case named is its context."""
    assert read_topic(flow, scripts, said, language) == "change-of-address"


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("we moved last year and now i want to check the status of my case", "en", "case-status"),
        ("we moved in june and my new green card never came", "en", "card-not-received"),
        ("can my biometrics appointment be moved to another day", "en", "biometrics-reschedule"),
    ],
)
def test_a_move_beside_another_question_leaves_it_its_script(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """The other way: a status asked in so many words, a card that never came (DOMAIN.md §5: its own request), an
    appointment moved (no home) keep their scripts."""
    assert read_topic(flow, scripts, said, language) == script_id


def test_an_address_to_send_a_form_to_is_no_move() -> None:
    """"address" alone moves nothing: where to mail a form is not the caller's move."""
    assert not moved_home(normalize("what's the mailing address for sending the i one thirty"), "en", None)


# --- 6. a case past the posted processing time -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("my n four hundred has been pending fourteen months and the website says it should take eight", "en"),
        ("the site says most of these are done in six months and mine has been sitting for ten", "en"),
        ("my case is way past the normal processing time what can i do", "en"),
        ("ya se pasó el tiempo que dice la página y mi caso sigue igual", "es"),
        ("mi caso ya está fuera del tiempo normal de procesamiento", "es"),
    ],
)
def test_a_case_past_the_posted_processing_time_is_the_processing_times_script(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """A case pending past the time USCIS posts is the processing-times script, whose service request is for a case
    outside normal processing times (DOMAIN.md §5), not the case's status."""
    assert read_topic(flow, scripts, said, language) == "processing-times"


def test_a_status_asked_without_the_posted_time_stays_the_status(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """The other way: a pending case asked about with no posted time compared is still the case's status."""
    assert not past_posted_time(normalize("my n four hundred has been pending fourteen months"), "en", None)
    assert read_topic(flow, scripts, "what's the status of my n four hundred it's been pending a while", "en") == \
        "case-status"


# --- 7. another business's errand ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("i want to send money to my dad in guatemala how much do you charge", "en"),
        ("quiero enviar dinero a mis papás en el salvador cuánto me cobran", "es"),
        ("necesito cambiar la cita que tengo con el dentista", "es"),
        ("can i move my appointment with the doctor to friday", "en"),
    ],
)
def test_another_businesss_errand_reads_no_script(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """Money sent to family and a doctor's appointment are other businesses' errands: no script of ours answers them
    (scripts/outside-us is for callers abroad, the biometrics scripts for our appointments)."""
    assert read_topic(flow, scripts, said, language) is None


def test_a_doctors_appointment_beside_ours_is_context(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """The other way: a doctor's appointment on the day of the biometrics is why the caller reschedules them."""
    assert not errand_elsewhere(normalize("i have an appointment with the doctor the day of my biometrics"), "en")
    said = "i have an appointment with the doctor the same day as my biometrics can i change it"
    assert read_topic(flow, scripts, said, "en") == "biometrics-reschedule"


# --- 8. a hurry asked of a case -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("my daughter is sick and her green card application has been pending a year can you guys speed it up", "en"),
        ("i lose my job next month if my work permit isn't approved quick", "en"),
        ("is there any way to bump my petition up to the front of the line it's been pending forever", "en"),
        ("me van a correr del trabajo si no me sale el permiso de trabajo cómo le hago para que lo apuren", "es"),
    ],
)
def test_a_hurry_asked_of_a_case_is_the_expedite(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """A case, a card or a wait the caller asks to have hurried is an expedite request (DOMAIN.md §5), the case named
    its context."""
    assert read_topic(flow, scripts, said, language) == "expedite"


@pytest.mark.parametrize(
    ("said", "script_id"),  # the script read, if any
    [
        ("my old green card expired last week and the new one never came", "card-not-received"),
        ("can i get an earlier biometrics appointment sooner than the one they gave me", "biometrics-reschedule"),
    ],
)
def test_a_deadline_or_an_appointment_sooner_is_no_expedite(
    flow: CompiledFlow, scripts: ScriptSet, said: str, script_id: str, read_topic: Reader
) -> None:
    """The other way: a deadline said is no hurry asked, and an appointment wanted sooner no expedite."""
    assert not hurry_asked(normalize(said), "en", None)
    assert read_topic(flow, scripts, said, "en") in (script_id, None)


# --- 9. a request one of ours opened, asked after --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("the man i talked to last month put in a request about my wrong birth date and i've heard nothing", "en"),
        ("i'm following up on the ticket you guys opened when my card came with my name wrong", "en"),
        ("la muchacha que me atendió abrió una queja porque mi tarjeta salió mal y no me han dicho nada", "es"),
        ("quiero saber qué pasó con la solicitud que me abrieron la semana pasada", "es"),
    ],
)
def test_a_request_one_of_ours_opened_is_the_service_request_follow_up(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """A service request a representative opened, asked after, is its follow-up (DOMAIN.md §5: the office answers a
    service request within 15 days), not the case's status."""
    assert read_topic(flow, scripts, said, language) == "service-request-follow-up"


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("quería saber si ya aprobaron la petición que metió mi esposo por mí", "es"),
        ("my husband filed a petition for me and i want to know if it was approved", "en"),
    ],
)
def test_a_petition_a_relative_filed_is_no_service_request(said: str, language: str) -> None:
    """The other way: a petition or application a relative filed is the case itself, not a request of ours."""
    assert not request_followed(normalize(said), language, None)


# --- 10. an appointment moved is no home moved -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("i have two biometrics appointments a week apart can i move one so both are on the same day", "en"),
        ("can my interview be moved to the afternoon", "en"),
        ("quiero mover mi cita de huellas para otro día", "es"),
    ],
)
def test_an_appointment_moved_reads_no_change_of_address(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """"move" of an appointment or a day is no change of address (DOMAIN.md §5: AR-11 is for where the caller lives)."""
    assert appointment_moved(normalize(said), language)
    assert read_topic(flow, scripts, said, language) != "change-of-address"


def test_someone_who_moved_away_is_a_home_moved_whatever_else_is_named() -> None:
    """The other way: "i moved back in june ... my interview is coming up" moved a home, beside an appointment."""
    assert not appointment_moved(normalize("i moved back in june and my green card interview is coming up"), "en")


# --- 11. a person taken to an appointment; an A-number written on a payment ----------------------------------------


def test_a_person_taken_to_the_appointment_is_no_thing_to_bring(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """"no tengo quién me lleve a la cita" is a ride missing: the caller moves the appointment, not asks what to bring
    (llevar a person is taking them)."""
    said = "mi mamá no tiene quién la lleve a su cita de huellas ese día se la pueden cambiar para otra fecha"
    assert taken_there(normalize(said), "es").count("lleve") == 0
    assert read_topic(flow, scripts, said, "es") == "biometrics-reschedule"


def test_things_to_bring_are_still_brought(flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader) -> None:
    """The other way: "qué tengo que llevar a la cita de huellas" asks what to bring."""
    assert taken_there("que tengo que llevar a la cita de huellas", "es") == "que tengo que llevar a la cita de huellas"
    assert read_topic(flow, scripts, "qué tengo que llevar a la cita de huellas", "es") == "biometrics-what-to-bring"


def test_an_a_number_written_on_a_payment_reads_no_case_status(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """Writing one's A-number on a cheque asks how to pay: neither a case detail refused (DOMAIN.md §1.3) nor the case's
    status read for "my a number"."""
    assert read_topic(flow, scripts, "do i have to write my a number on the money order for the fee", "en") in (
        "forms-and-fees", None)


# --- 12. a form's question: "check" the verb, "where ... is at" --------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "script_id"),
    [
        ("i need to check where my wife's i one thirty petition is at", "case-status"),
        ("can you check if my i seven sixty five was approved", "case-status"),
        ("can i pay the i ninety with a personal check", "forms-and-fees"),
        ("who do i make the check out to for the n four hundred", "forms-and-fees"),
    ],
)
def test_a_forms_question_reads_check_the_verb_apart_from_the_cheque(said: str, script_id: str) -> None:
    """"check where ... is at" asks a status (the case's status script); a cheque pays a fee (forms and fees)."""
    words = normalize(said)
    spoken = spoken_forms(words, "en")
    assert form_question(spoken, tokens(spoken, "en"), "en") == script_id


# --- 13. a long story's clause, a notice that came, what to bring to the field office --------------------------------


def test_a_clause_is_not_read_for_a_business_its_script_never_names(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """A clause of a long question reads a script only if the script names the other business the caller names: a
    Medicare card that never came is the SSA's, no card or notice of ours."""
    said = "my grandma's medicare card never came in the mail who should i call about it"
    assert read_topic(flow, scripts, said, "en") is None


def test_a_place_where_the_caller_is_is_no_business_asked(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """"i'm at the public library" says where the caller faxes from: the fax script still answers."""
    assert businesses_named(normalize("i'm at the public library can i fax you my documents from here"), "en") == \
        frozenset()


@pytest.mark.parametrize(
    ("said", "language", "came"),
    [
        ("me llegó la carta de la cita de huellas pero ese día no puedo ir", "es", True),
        ("i got the appointment letter but i can't make it that day", "en", True),
        ("me llegó la carta de la tarjeta pero el aviso nunca me llegó", "es", False),
        ("the notice never came", "en", False),
    ],
)
def test_a_notice_said_to_have_come_is_not_missing(said: str, language: str, came: bool) -> None:
    """A notice the caller says came is not a notice not received (DOMAIN.md §5: that request is for a notice that
    never came), unless something is said not to have come."""
    assert notice_came(normalize(said), language) is came


@pytest.mark.parametrize(
    ("said", "language", "named"),
    [
        ("what documents do i bring to my appointment at the field office", "en", True),
        ("qué documentos llevo a la cita en la oficina local", "es", True),
        ("what do i bring to my fingerprint appointment at the local office", "en", False),
    ],
)
def test_what_to_bring_to_the_field_office_is_its_own_script(said: str, language: str, named: bool) -> None:
    """What to bring to a field office appointment is in the field office appointment's script (DOMAIN.md §4), not the
    biometrics'; a biometrics appointment named keeps the biometrics' script."""
    assert field_office_named(normalize(said), language) is named


# --- 14. a notice promised by mail that never came ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("the lady at the field office said they would mail me a new interview appointment and nothing ever came", "en"),
        ("they told me they'd send my husband and me the appointment letter weeks ago and we never got it", "en"),
        ("en la oficina me dijeron que me mandarían la cita por correo y nunca me llegó nada", "es"),
    ],
)
def test_a_notice_promised_by_mail_that_never_came_is_a_notice_not_received(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """An appointment notice or letter that was to be mailed and never came is a notice not received (DOMAIN.md §5),
    not the case's status."""
    assert read_topic(flow, scripts, said, language) == "notice-not-received"


def test_a_card_promised_by_mail_is_the_cards() -> None:
    """The other way: a card named is the card's own request (DOMAIN.md §5)."""
    assert not notice_promised(normalize("they said they'd mail my green card and it never came"), "en", None)
