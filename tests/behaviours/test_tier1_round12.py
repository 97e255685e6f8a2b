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
from ivr.definitions.script_reading import businesses_named, never_came
from ivr.definitions.scripts import ScriptSet
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
