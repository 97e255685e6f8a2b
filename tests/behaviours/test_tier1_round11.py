"""Round 11 of issue 16 at the Tier 1 topic question: t10's and t11's misses, by kind, each shown by its family.

t10 and t11 (tests/understanding/topics.yaml, 'holdout t10 (spent)', 'holdout t11 (spent)') missed 13 of 80, 3 of them
a confident wrong script, all the calls from abroad for a relative abroad: a wife stuck abroad whose petition is to be
sped up, a stepson abroad and the form to bring him.  Round 11 reads a relative's country or city as theirs
(`script_reading.theirs_abroad`), a "green cart" as the green card it is (`script_reading.misheard`), and adds
phrases-only versions of 6 scripts in force from 2026-12-16 (mail to a temporary place, an oath for someone who cannot
leave home).  What Tier 1 says stays the script USCIS provides (seed 003_29c9fde61bf22c66.txt).  The sentences are
round 11's own ('tier1 families 11'), never t10's or t11's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ivr.core.machine import CompiledFlow
from ivr.definitions.script_reading import misheard, theirs_abroad
from ivr.definitions.scripts import ScriptSet

DAY = dt.date(2026, 12, 16)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


# --- 1. a relative abroad is not the caller abroad --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("my son is stuck in haiti and his petition has been pending two years can you speed it up", "en", "expedite"),
        ("my stepdaughter is still in honduras which form do i file for her and how much is it", "en",
         "forms-and-fees"),
        ("mi esposa se quedó en honduras y está enferma se puede apurar su petición", "es", "expedite"),
    ],
)
def test_a_relative_abroad_is_context_of_what_the_caller_asks(
    flow: CompiledFlow, scripts_before: ScriptSet, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """The calls from abroad are for a caller who is abroad (scripts/outside-us: "callers living outside the United
    States"); someone of the family abroad is the context of the question: the petition sped up, the form to bring
    them."""
    assert read_topic(flow, scripts_before, said, language) == script_id


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("i'm stuck in peru and my green card expired what do i do", "en"),
        ("my wife and i are stuck in mexico and our papers expired", "en"),
        ("estoy en colombia y se me venció la residencia qué hago", "es"),
    ],
)
def test_the_caller_abroad_still_reads_the_calls_from_abroad(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """The other way: the caller said abroad, alone or with a relative, is still a call from abroad."""
    assert read_topic(flow, scripts, said, language) == "outside-us"


@pytest.mark.parametrize(
    ("said", "language", "read"),
    [
        ("my wife is stuck back in kenya and", "en", "my wife is stuck back there and"),
        ("a son who's still in el salvador what", "en", "a son who's still there what"),
        ("mi hijo se quedó en guatemala y", "es", "mi hijo se quedó allá y"),
        ("my daughter's n six hundred is in review", "en", "my daughter's n six hundred is in review"),
        ("my wife and i are in mexico", "en", "my wife and i are in mexico"),
    ],
)
def test_theirs_abroad_rewrites_only_a_relatives_place_abroad(said: str, language: str, read: str) -> None:
    assert theirs_abroad(said, language) == read


# --- 2. a green cart is a card ----------------------------------------------------------------------------------------


def test_a_green_cart_that_never_came_is_a_card_not_received(
    flow: CompiledFlow, scripts_before: ScriptSet, read_topic: Reader
) -> None:
    """A recogniser's "green cart" is the green card (DOMAIN.md §5: the service request for a card not received)."""
    assert read_topic(flow, scripts_before, "my green cart never showed up in the mail", "en") == "card-not-received"


def test_misheard_puts_right_only_the_cart() -> None:
    assert misheard("my green carts never came", "en") == "my green cards never came"
    assert misheard("a shopping cart", "en") == "a shopping cart"


# --- 3. the phrases of round 11 ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("can my letters go to my brother's address in care of him for a while", "en", "change-of-address"),
        ("estamos en un hotel por unas semanas y necesito que las cartas de mi caso lleguen aquí", "es",
         "change-of-address"),
        ("my mother can't leave her bed and her oath ceremony is next month what can we do", "en", "accommodations"),
    ],
)
def test_round_11s_kinds_read_their_script_with_its_phrases(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """Mail to a temporary place is a change of address (DOMAIN.md §5, AR-11); an oath for someone who cannot leave
    home is an accommodation (DOMAIN.md §4)."""
    assert read_topic(flow, scripts, said, language) == script_id
