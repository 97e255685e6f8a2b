"""Round 7 of issue 16 at the Tier 1 topic question: t5's misses, by kind, each shown by its family.

t5 (tests/understanding/topics.yaml, 'holdout t5 (spent)') missed 6 of 40, every one with no script read: a caller
living abroad named by country, mail gone astray, moving home in other words, a fax at a low score, what to bring for
a child's biometrics.  Round 7 answers each kind: a caller abroad in any of the world's countries and cities, as the
main menu reads them (`ivr.core.wording` marks them `@country`), is read as calls from abroad when nothing else is
read; a script's own unmistakable word alone decides it (`ivr.rules.own_words`, a table checked at load); and
phrases-only versions of 5 scripts in force from 2026-12-12.  What Tier 1 says stays the script USCIS provides (seed
003_29c9fde61bf22c66.txt).  The sentences are round 7's own ('tier1 families 7'), never t5's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.definitions.scripts import ScriptSet
from ivr.rules import own_words

DAY = dt.date(2026, 12, 12)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


# --- 1. a caller abroad, any country or city ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("these days i'm based in seoul and i don't know who handles things for people like me", "en"),
        ("i've been living in nairobi since january who can help me with my petition", "en"),
        ("right now i'm staying in vietnam what do i do about my case", "en"),
        ("i live in lagos now can somebody help me", "en"),
        ("estoy viviendo en tegucigalpa y tengo dudas de mi trámite", "es"),
        ("ahorita ando en lima y no sé a quién preguntarle", "es"),
    ],
)
def test_a_caller_abroad_in_any_country_or_city_hears_the_calls_from_abroad_script(
    scripts: ScriptSet, said: str, language: str
) -> None:
    """A caller living abroad is referred to the overseas office (seed 003_29c9fde61bf22c66.txt; outside-us): any of
    the world's places as the main menu reads them, not phrases per country."""
    assert scripts.understand(normalize(said), language).choice == "outside-us"


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("my wife is in mexico and her card never came", "en"),
        ("what do i do with my birth certificate from guatemala", "en"),
        ("mi mamá está en honduras y quiero saber de su caso", "es"),
    ],
)
def test_a_country_where_a_relative_or_a_document_is_is_not_the_caller_abroad(
    scripts: ScriptSet, said: str, language: str
) -> None:
    """The other way: a country as where someone else is, or a document's, says nothing of where the caller is."""
    assert scripts.understand(normalize(said), language).choice != "outside-us"


# --- 4. a script's own unmistakable word ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("can i put two people's papers in the same fax", "en", "fax"),
        ("is the premium thing worth it for my husband's petition", "en", "premium-processing"),
        ("mi vecina tiene fax la primera hoja lleva mi nombre", "es", "fax"),
        ("en la papelería tienen fax qué le pongo en la primera página", "es", "fax"),
    ],
)
def test_a_scripts_own_word_said_alone_decides_it(
    scripts: ScriptSet, said: str, language: str, script_id: str
) -> None:
    """When one script's own word is said and no other's, Tier 1 reads that script (seed 001_7dddce98989cf869.txt for
    the fax script; issue 16 round 7)."""
    assert scripts.understand(normalize(said), language).choice == script_id


def test_two_scripts_own_words_decide_nothing() -> None:
    """The other way: a fax and ICE said together: no own word alone."""
    ranked = (("fax", 0.3), ("ice-checkin", 0.3), ("case-status", 0.1))
    assert own_words.own_word_read("can i fax my ice papers", "en", ranked, ("fax", "ice-checkin")) is None


def test_an_own_word_is_read_only_when_its_script_is_in_force() -> None:
    ranked = (("fax", 0.3),)
    assert own_words.own_word_read("is there a fax", "en", ranked, ("case-status",)) is None


def test_the_own_words_table_is_checked_at_load() -> None:
    """Data validated at load: a word two scripts claim, or an id no script has, is a problem."""
    assert own_words.problems({s for s in own_words.OWN_WORDS}, ("en", "es")) == []
    found = own_words.problems({"fax"}, ("en",))
    assert any("no script has" in what for what in found)


# --- 2, 3, 5. phrases-only versions ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("the carrier says my green card was delivered to my old address", "en", "card-not-received"),
        ("my work permit got returned to sender", "en", "card-not-received"),
        ("devolvieron mi mica al remitente", "es", "card-not-received"),
        ("my lease ends and i'm moving to a new place", "en", "change-of-address"),
        ("me cambio de casa la otra semana", "es", "change-of-address"),
        ("what should my son bring to his fingerprint appointment", "en", "biometrics-what-to-bring"),
    ],
)
def test_round_7_phrases_read_their_script(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """Mail gone astray is a card not received (DOMAIN.md §5); moving is a change of address (§5); what a child brings
    to biometrics is what to bring (§3)."""
    assert read_topic(flow, scripts, said, language) == script_id


def test_round_7_versions_are_phrases_only(phrases_only_round: Callable[[str], list[str]]) -> None:
    assert phrases_only_round("issue 16 round 7") == [
        "biometrics-what-to-bring", "card-not-received", "change-of-address", "fax", "outside-us",
    ]
