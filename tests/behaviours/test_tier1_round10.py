"""Round 10 of issue 16 at the Tier 1 topic question: t8's and t9's misses, by kind, each shown by its family.

t8 and t9 (tests/understanding/topics.yaml, 'holdout t8 (spent)', 'holdout t9 (spent)') missed 11 of 80, 5 of them a
confident wrong script: a letter or "something" mailed about a green card read as the card not received; how long a
form is taking read as the form's fee; a request an agent put in read as the case's status; a trucker away on the
appointment's day read as what to bring.  Round 10 reads what was mailed about a card as that notice
(`script_reading.mailed_about`) and adds phrases-only versions of 5 scripts in force from 2026-12-15.  What Tier 1
says stays the script USCIS provides (seed 003_29c9fde61bf22c66.txt).  The sentences are round 10's own ('tier1
families 10'), never t8's or t9's words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from ivr.core.machine import CompiledFlow
from ivr.definitions.scripts import ScriptSet

DAY = dt.date(2026, 12, 15)
Reader = Callable[[CompiledFlow, ScriptSet, str, str], "str | None"]  # the `read_topic` fixture


# --- 1. what did not come is the thing named as mailed ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("the website says they sent me a letter about my green card renewal and it never got here", "en"),
        ("they mailed a notice about my card appointment last week and i still haven't gotten it", "en"),
        ("nunca me llegó la carta sobre mi tarjeta de residencia", "es"),
    ],
)
def test_a_letter_mailed_about_a_card_that_never_came_is_a_notice_not_received(
    flow: CompiledFlow, scripts_before: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """A letter, a notice or "something" mailed about a card that never came is a notice not received, not the card
    (DOMAIN.md §5: the service request for a notice not received; issue 16 round 10)."""
    assert read_topic(flow, scripts_before, said, language) == "notice-not-received"


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("my green card was mailed three weeks ago and it never came", "en"),
        ("uscis says they mailed my new card but my mailbox is empty", "en"),
        ("me mandaron la tarjeta nueva hace un mes y no ha llegado", "es"),
    ],
)
def test_the_card_itself_mailed_and_not_come_stays_a_card_not_received(
    flow: CompiledFlow, scripts_before: ScriptSet, said: str, language: str, read_topic: Reader
) -> None:
    """The other way: the card itself mailed and not come is the card not received (DOMAIN.md §5)."""
    assert read_topic(flow, scripts_before, said, language) == "card-not-received"


@pytest.mark.parametrize(
    ("said", "language", "read"),
    [
        ("they mailed me something last week about my green card interview", "en",
         "they mailed me something last week about my notice interview"),
        ("nunca llego el recibo de la renovacion de la mica", "es", "nunca llego el recibo de la renovacion de la aviso"),
        ("my renewed card was mailed but never came", "en", "my renewed card was mailed but never came"),
        ("where is my green card", "en", "where is my green card"),
    ],
)
def test_mailed_about_reads_only_a_card_that_a_letter_was_about(said: str, language: str, read: str) -> None:
    """The card a letter or notice was about becomes that notice; a card named otherwise is left as said."""
    from ivr.definitions.script_reading import mailed_about

    assert mailed_about(said, language) == read


# --- 2. the phrases of round 10: the kinds t8 and t9 missed ----------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        # how long X is taking, whatever document or form is named
        ("how long is a certificate of citizenship taking right now", "en", "processing-times"),
        ("how long are the n five sixty fives for a lost citizenship certificate taking", "en", "processing-times"),
        # a request an agent put in
        ("the lady on the phone put in a request for me two weeks ago can i check on it", "en",
         "service-request-follow-up"),
        # away on the appointment's day
        ("i'm on a job in alaska the day of my biometrics can that wait till i get home", "en",
         "biometrics-reschedule"),
        # a need because of a condition, at an interview
        ("i get panic attacks and might need a break during my interview can i ask for that", "en", "accommodations"),
        ("tengo ataques de pánico y voy a necesitar descansos en la entrevista", "es", "accommodations"),
    ],
)
def test_round_10s_kinds_read_their_script_with_its_phrases(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """How long a document is taking is its processing time; a request an agent put in is followed up as a service
    request; away on the appointment's day is a reschedule (good cause: seed 000_183b307099edfec1.txt); a need at an
    interview because of a condition is an accommodation (DOMAIN.md §5)."""
    assert read_topic(flow, scripts, said, language) == script_id


@pytest.mark.parametrize(
    ("said", "language", "script_id"),
    [
        ("what should i bring to my support center appointment for my prints", "en", "biometrics-what-to-bring"),
        ("how much is the fee for the n six hundred", "en", "forms-and-fees"),
    ],
)
def test_round_10s_neighbours_keep_their_script(
    flow: CompiledFlow, scripts: ScriptSet, said: str, language: str, script_id: str, read_topic: Reader
) -> None:
    """The other way: what to bring to the support center and a form's fee stay theirs."""
    assert read_topic(flow, scripts, said, language) == script_id


def test_round_10_versions_are_phrases_only(phrases_only_round: Callable[[str], list[str]]) -> None:
    """Round 10's versions keep every word read, the label, key, topics and next steps (seed 003)."""
    assert phrases_only_round("issue 16 round 10") == [
        "accommodations", "biometrics-reschedule", "change-of-address", "processing-times", "service-request-follow-up",
    ]
