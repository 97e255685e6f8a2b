"""Round 13 of issue 16 at the Tier 1 topic question: t14's and t15's misses, by kind, each shown by its family.

t14 and t15 (blind after round 12: 70/80, 1 confident wrong) missed questions that ask in so many words what a script
answers, where no script's words led: the case's status asked or a status message to explain, how to pay or which
form, what to bring to the biometrics, an address kept "up to date", and a lawyer the caller had.  Round 13 reads
those (`ivr.definitions.topic_situations`: `status_meant`, `fees_meant`, `bring_meant`; `tier1_scripts._OWN_LAWYER`).
The sentences are the round's own, never t14's or t15's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ivr.behaviours.tier1_scripts import refusal_in
from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.definitions.scripts import ScriptSet
from ivr.definitions.topic_situations import bring_meant, fees_meant, status_meant

DAY = dt.date(2026, 12, 16)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("i sent my daca renewal in august and haven't heard a thing is it approved yet or still pending", "en"),
        ("any movement on my mom's i one thirty we filed it in the spring", "en"),
        ("the website says my case was transferred to another office what does that even mean", "en"),
        ("oiga mandé lo del tps hace meses dónde puedo ver cómo va", "es"),
    ],
)
def test_a_status_asked_in_so_many_words_is_the_case_status(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """What a case status means and where to see it is the case status script's (scripts/case-status)."""
    assert read_topic(flow, scripts, said, language) == "case-status"


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("can i pay for the application with a money order or only a personal check", "en"),
        ("which form do i need to file to sponsor my brother", "en"),
        ("se puede pagar la solicitud con tarjeta de crédito o nomás con cheque", "es"),
    ],
)
def test_how_to_pay_or_which_form_is_forms_and_fees(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """How a fee is paid and which form to file are the forms and fees script's (DOMAIN.md: fees by check, money
    order or card; the form for each benefit)."""
    assert read_topic(flow, scripts, said, language) == "forms-and-fees"


def test_what_to_bring_to_the_biometrics_asked_in_so_many_words(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """"tengo que llevar ... a la cita de huellas" asks what to bring (scripts/biometrics-what-to-bring)."""
    said = "oiga para la cita de huellas tengo que llevar la carta original o una copia"
    assert read_topic(flow, scripts, said, "es") == "biometrics-what-to-bring"


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("i start a new job that week and they won't let me take off for the finger prints", "en"),
        ("my case status says approved and i'm so happy", "en"),
    ],
)
def test_what_is_not_asked_in_so_many_words_reads_none_of_them(said: str, language: str) -> None:
    """The other way: time off taken for the prints brings nothing, and a status told (not asked) asks nothing."""
    words = normalize(said)
    assert not bring_meant(words, language, None)
    assert not status_meant(words, language, None)
    assert not fees_meant(words, language, None)


def test_an_address_kept_up_to_date_is_a_change_of_address(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """"up to date" is no appointment's date: a caller who moves often and keeps the address current changes it
    (DOMAIN.md §5: AR-11)."""
    said = "i'm a seasonal worker and move every few months how do i keep my address up to date while my case is pending"
    assert read_topic(flow, scripts, said, "en") == "change-of-address"


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("el abogado que me llevaba el caso se jubiló y ya no sé cómo va mi solicitud", "es"),
        ("the lawyer who filed my petition retired and i don't know where my case stands", "en"),
    ],
)
def test_a_lawyer_the_caller_had_asks_no_legal_advice(said: str, language: str) -> None:
    """A lawyer the caller had, described, is a report (DOMAIN.md §1.3 refuses the advice, not the mention)."""
    assert refusal_in(normalize(said), language) is None
