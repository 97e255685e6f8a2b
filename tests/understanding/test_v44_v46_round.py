"""The v44-v46 round's mechanism, on family sentences written for it (never the holdout's own sentences).

Issue 16: "Global intents from anywhere … representative, supervisor … work in every menu in both languages, with the
same scoring".  The spent holdout v45 lost a representative asked for by name to the words after it ("… please, i
already tried the website …": the examples' classifier overruled the keywords' weak route): docs/understanding-log.md,
"The v44-v46 round".
"""

from __future__ import annotations

import pytest

from ivr.core.concepts import person_asked


def _route(model, text: str, language: str = "en", state: str = "main_menu") -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    understood = model(state, language).understand(text)
    return understood.outcome, understood.choice


@pytest.mark.parametrize(("text", "language"), [
    ("agent please i've been waiting eight months on my work permit and nobody tells me anything", "en"),
    ("i want to talk to a person my case has been pending for over a year", "en"),
    ("can you transfer me to a live representative my card never came in the mail", "en"),
    ("representante por favor ya revisé en línea y no dice nada de mi caso", "es"),
    ("quiero hablar con un agente porque mi caso lleva un año pendiente", "es"),
])
def test_a_representative_asked_for_by_name_is_reached_whatever_else_is_said(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """A person asked for in so many words (`concepts.person_asked`) is the representative global, routed by the
    keywords: the reasons said after it do not take it to the topic they name."""
    assert _route(model, text, language) == ("route", "representative")


@pytest.mark.parametrize(("text", "language"), [
    ("can i speak to a supervisor the last agent hung up on me about my green card", "en"),
    ("páseme con un supervisor que el otro agente no me ayudó con mi caso", "es"),
])
def test_a_supervisor_asked_for_by_name_is_the_supervisor(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """A supervisor or a manager asked for is the supervisor global (seed 003: "at any time"), not the agent mentioned."""
    assert _route(model, text, language) == ("route", "supervisor")


@pytest.mark.parametrize(("text", "language"), [
    ("a representative told me last week my case was approved what's the status", "en"),
    ("i talked to an agent yesterday and she said my case was approved so when will my card come", "en"),
    ("hablé con una representante y me dijo que mi caso fue aprobado cuál es el estado", "es"),
])
def test_a_person_mentioned_as_context_is_no_request(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """A representative who told the caller something is context, no request: the topic decides, as before."""
    assert person_asked(text, language) is None
    assert _route(model, text, language) != ("route", "representative")


@pytest.mark.parametrize(("text", "language"), [
    ("when can i talk to a representative are you open on saturday", "en"),
    ("i need someone to update my mailing address", "en"),
    ("necesito una persona de apoyo en mi entrevista de ciudadanía", "es"),
])
def test_a_person_not_asked_for_on_the_line_is_no_request(text: str, language: str) -> None:
    """When a person can be reached (the hours), "someone" to do a thing, a support person brought: no request."""
    assert person_asked(text, language) is None


def test_a_supervisor_or_anybody_is_whoever_answers() -> None:
    """"A supervisor or anybody who can help" is indifferent to rank: a representative."""
    assert person_asked("get me a manager or anyone who knows what they're doing", "en") == "representative"


@pytest.mark.parametrize(("text", "language"), [
    ("a squirrel got into the crawl space and it's been stuck there for days can you send someone", "en"),
    ("i need an exterminator for termites before we close on the house", "en"),
    ("se metió una ardilla al ático y lleva días atorada mandan a alguien", "es"),
    ("necesito fumigador para las termitas de la casa", "es"),
])
def test_animal_or_pest_control_is_another_business(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Animal or pest control, an exterminator and the animals they come for are another business's errand (`lexicon.ELSEWHERE`): no
    line of ours is chosen for them (a "stuck" animal is no case stuck)."""
    assert _route(model, text, language)[0] == "not_understood"


def test_a_status_asked_with_nothing_else_named_settles_the_question_when_the_examples_lean_to_it(model) -> None:  # type: ignore[no-untyped-def]
    """The keywords ask between case status and service requests; a decision asked of our kind of case with nothing
    else named (`STATUS`, `OUR_CASES` alone) and the examples leaning to the status settle it there, below
    `LEARNT_SETTLES` (a family sentence of holdout v27's round, asked until this one)."""
    text = ("my brother and i applied for our green cards together he got his approval notice and i got nothing "
            "what's happening with mine")
    assert _route(model, text) == ("route", "1")
