"""Round 6 of issue 16 at the Tier 1 topic question: t4's misses, by kind, each shown by its family.

t4 (tests/understanding/topics.yaml, 'holdout t4 (spent)') missed 8 of 40, every one with no script read: a form said
as words ("what stage is my n six hundred in" scored 0.00: neither "stage" nor "n600" is a word of any script's),
fees and paying in callers' words, postponing a biometrics appointment and what to bring named by a document, a
notice that never came read against a card, a fax that keeps failing.  Round 6 answers each kind: a table of USCIS
forms and the script a question about one belongs to by its verb (`ivr.rules.uscis_forms`), read before the script
whose phrases own the form's number; a lone candidate named against its own kind's runner-up measures its margin from
the third (`ivr.definitions.script_reading`); phrases-only versions of 5 scripts in force from 2026-12-11.  What Tier
1 says stays the script USCIS provides (seed 003_29c9fde61bf22c66.txt).  The sentences are round 6's own ('tier1
families 6' and others), never t4's words; each behaviour test fails on main (checked: main reads none, or another
script), the 'other way' guards pass there too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.definitions.scripts import ScriptSet

DAY = dt.date(2026, 12, 11)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


# --- 1. a form said as words, by its question's verb ---------------------------------------------------------------


def test_a_stage_asked_of_a_form_said_as_words_is_the_cases_status(scripts: ScriptSet) -> None:
    """The defect: a whole question scored 0.00, since neither "stage" nor "n600" is a word of any script's phrases.
    A status or stage asked about a form is the case's status (DOMAIN.md §1.3: Tier 1 gives the status Case Status
    Online shows)."""
    understood = scripts.understand(normalize("what stage is my n six hundred in"), "en")
    assert (understood.choice, understood.by) == ("case-status", "form")


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("en qué etapa está la ene seiscientos de mi hijo", "es", "case-status"),
        ("how long is the n five sixty five taking these days", "en", "processing-times"),
        ("what's the fee for an i seven fifty one", "en", "forms-and-fees"),
        ("cuánto sale la ene cuatrocientos", "es", "forms-and-fees"),
    ],
)
def test_a_question_about_a_form_goes_to_the_script_of_its_verb(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """Any USCIS form named by number, as a recogniser writes it: a status asked -> the case's status, how long ->
    processing times, a cost -> forms and fees (issue 16 round 6; DOMAIN.md §1.3)."""
    assert read_topic(flow, scripts, said, language) == script_id


def test_the_verb_decides_over_the_script_whose_phrases_name_the_form(
    flow: CompiledFlow, scripts: ScriptSet, read_topic: Reader
) -> None:
    """The I-485 is named only by forms and fees' phrases (its mailing address), but a step asked of it is its
    status: main read forms and fees, confidently wrong."""
    assert read_topic(flow, scripts, "which step is my wife's i four eighty five at", "en") == "case-status"


def test_forms_are_read_by_their_number_as_a_recogniser_writes_it() -> None:
    from ivr.core.wording import tokens
    from ivr.definitions.script_reading import spoken_forms
    from ivr.rules.uscis_forms import forms_in

    said = spoken_forms(normalize("the eye seven sixty five and the n four hundred"), "en")
    assert forms_in(tokens(said, "en")) == ("i765", "n400")


def test_a_question_of_two_kinds_about_a_form_reads_no_kind() -> None:
    """The other way: a cost and a wait asked together is no one script's question; Tier 1 does not guess."""
    from ivr.rules.uscis_forms import form_question

    said = "what is the fee for the i90 and how long does it take"
    assert form_question(said, tuple(said.split()), "en") is None


def test_a_stage_asked_of_no_form_is_not_a_form_question() -> None:
    """The other way: without a form of the table, the verb alone reads nothing."""
    from ivr.rules.uscis_forms import form_question

    said = "what stage is my tax refund in"
    assert form_question(said, tuple(said.split()), "en") is None


# --- 2. to 4. callers' words for paying, postponing, what to bring, a notice, a fax ------------------------------


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("can we pay for all three of our applications with one money order", "en", "forms-and-fees"),
        ("a nombre de quién pongo el giro para la ciudadanía", "es", "forms-and-fees"),
        ("puedo mandar un solo cheque por las solicitudes de mis tres hijos", "es", "forms-and-fees"),
        ("my doctor says the baby comes that week can i postpone my fingerprint appointment", "en",
         "biometrics-reschedule"),
        ("necesito aplazar mi cita biométrica porque me operan esa semana", "es", "biometrics-reschedule"),
        ("your fax line keeps giving me a busy signal is that the correct number", "en", "fax"),
    ],
)
def test_callers_words_read_their_scripts(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """Paying for a family in one payment, whom to make a money order out to, replacing a lost certificate (forms
    and fees, DOMAIN.md §1.3); postponing biometrics (seed 000_183b307099edfec1.txt); a fax that fails (seed
    001_7dddce98989cf869.txt): the scripts' phrases carry callers' words (2026-12-11 versions)."""
    assert read_topic(flow, scripts, said, language) == script_id


def test_a_notice_that_never_came_is_read_against_a_card() -> None:
    """A notice named, the card's script its runner-up of a kind (their labels share "receive"), the third far
    below: the notice is a lone candidate, its margin measured from the third script, not from the card's (DOMAIN.md
    §5: a service request for a notice not received).  Main measured it from the card's, 0.17 < `LONE_MARGIN`, and
    read nothing."""
    from ivr.core.wording import content
    from ivr.definitions.script_reading import decide

    labels = {
        "notice-not-received": frozenset(content("a notice you did not receive", "en")),
        "card-not-received": frozenset(content("a card you did not receive", "en")),
        "immigration-court": frozenset(content("immigration court", "en")),
    }
    said = frozenset(content("the account says a notice went out but nothing ever came", "en"))
    vocabulary = {"notice-not-received": frozenset({"notic", "account", "receiv"})}
    ranked = (("notice-not-received", 0.59), ("card-not-received", 0.42), ("immigration-court", 0.30))
    understood = decide(ranked, tuple(sorted(said)), labels, said, vocabulary)
    assert (understood.choice, understood.by) == ("notice-not-received", "lone")


def test_a_lone_candidate_still_leads_an_unnamed_runner_up_by_the_margin() -> None:
    """The other way: the caller naming neither's own word, the margin is from the runner-up, as before."""
    from ivr.core.wording import content
    from ivr.definitions.script_reading import decide

    labels = {
        "notice-not-received": frozenset(content("a notice you did not receive", "en")),
        "card-not-received": frozenset(content("a card you did not receive", "en")),
    }
    said = frozenset(content("the account says something went out but nothing ever came", "en"))
    vocabulary = {"notice-not-received": frozenset({"account", "receiv"})}
    ranked = (("notice-not-received", 0.59), ("card-not-received", 0.42), ("immigration-court", 0.30))
    assert decide(ranked, tuple(sorted(said)), labels, said, vocabulary).choice is None


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("my account shows my card was mailed but nothing came", "en"),
        ("en mi cuenta dice que mandaron mi tarjeta pero no me ha llegado", "es"),
    ],
)
def test_a_card_that_never_came_is_still_the_card(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """The other way: a card named is the card's script, not the notice's."""
    assert read_topic(flow, scripts, said, language) == "card-not-received"


# --- the versions ----------------------------------------------------------------------------------------------------

ROUND_SIX_NOTE = "issue 16 round 6"


def test_round_six_versions_change_phrases_only(phrases_only_round: Callable[[str], list[str]]) -> None:
    """Seed 003: Tier 1 says the script USCIS provides; round 6's versions (effective 2026-12-11) keep every word
    read, the label, key, topics and next steps, and every phrase of the version in force the day before."""
    assert phrases_only_round(ROUND_SIX_NOTE) == [
        "biometrics-reschedule", "biometrics-what-to-bring", "fax", "forms-and-fees", "notice-not-received",
    ]
