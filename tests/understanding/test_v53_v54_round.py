"""The v53-v54 round's mechanisms, on family sentences written for them (never the holdouts' own sentences).

Issue 16: "A matcher that generalises" over callers' own words, in both languages.  The spent holdouts v53-v54 missed
a caller who gives up on the call for another way and says goodbye (ending the call), and a caller at the field office
whose name is not on the day's list (an appointment there, not a name to fix): docs/understanding-log.md, "The v53-v54
round".
"""

from __future__ import annotations

import pytest

from ivr.core.concepts import giving_up, reading


def _route(model, text: str, language: str = "en", state: str = "main_menu") -> tuple[str, str | None]:  # type: ignore[no-untyped-def]
    understood = model(state, language).understand(text)
    return understood.outcome, understood.choice


@pytest.mark.parametrize(("text", "language"), [
    ("never mind i'll ask my sister about my case she did this last year goodbye", "en"),
    ("forget it my lawyer can check my case status for me bye", "en"),
    ("i'll just ask my neighbor about the green card renewal, never mind, bye", "en"),
    ("déjelo así, le voy a preguntar a mi abogado si ya aprobaron mi caso, adiós", "es"),
])
def test_giving_up_on_the_call_with_a_farewell_ends_it(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """A caller who gives up on the line for another way ("never mind", "forget it", "i'll ask my sister", "déjelo
    así", "le voy a preguntar a mi abogado") and says goodbye is leaving, whatever case words come before
    (`concepts.giving_up`, `Model._leaving`; DOMAIN.md: the caller may end the call from any menu)."""
    assert _route(model, text, language) == ("route", "9")


@pytest.mark.parametrize(("text", "language"), [
    ("you know what never mind i'll ask my lawyer", "en"),
    ("olvídelo, mejor le pregunto a mi abogado", "es"),
])
def test_giving_up_is_read_in_both_languages(text: str, language: str) -> None:
    """The phrases of giving up on the call, in each language (`concepts._GIVING_UP`)."""
    assert giving_up(text, language)


@pytest.mark.parametrize(("text", "language", "choice"), [
    ("i'll ask my lawyer first what documents do i need for my interview", "en", "3"),
    ("never mind the interview what's the status of my case", "en", "1"),
    ("mejor le pregunto a mi abogado qué documentos llevo a la entrevista", "es", "3"),
])
def test_without_a_farewell_giving_up_words_keep_the_question(model, text: str, language: str, choice: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: with no goodbye said, asking someone else or "never mind" one topic leaves the question asked."""
    assert _route(model, text, language) == ("route", choice)


def test_a_farewell_without_giving_up_keeps_the_case() -> None:
    """Guard: a farewell after news of the case is no giving up (the rule reads only its phrases)."""
    assert not giving_up("my cousin told me my case was approved, thanks bye", "en")


@pytest.mark.parametrize(("text", "language"), [
    ("i'm at the uscis office for my appointment and they say my name is not on the list", "en"),
    ("estoy en la oficina de uscis y me dicen que mi nombre no aparece en la lista de citas", "es"),
])
def test_not_on_the_list_at_the_office_is_no_name_to_fix(text: str, language: str) -> None:
    """Not found on the day's list at one of our offices (`concepts._UNLISTED`): the name and the negation are unsaid,
    so they read no typographic error nor anything missing."""
    unsaid = reading(text, language)[1]
    assert {"name", "nombr"} & unsaid and ({"not", "no"} & unsaid)


def test_not_on_the_list_at_the_office_goes_to_the_field_office(model) -> None:  # type: ignore[no-untyped-def]
    """An appointment already made at the field office, a problem on the day: its line (DOMAIN.md §4, seed 001)."""
    text = "i'm at the uscis office for my appointment and they say my name is not on the list"
    assert _route(model, text) == ("route", "3")


def test_i_have_got_a_letter_is_held_not_received(model) -> None:  # type: ignore[no-untyped-def]
    """"i've got my appointment letter" is a letter in hand (`lexicon.COMPOUNDS`: "have got"), no mail received."""
    understood = model("main_menu", "en").understand("i'm at the field office and i've got my appointment letter")
    assert "receiv" not in understood.words


@pytest.mark.parametrize(("text", "language"), [
    ("my name is wrong on my appointment letter", "en"),
    ("the name on the list they sent with my interview notice is misspelled", "en"),
    ("mi nombre está mal escrito en la carta de la cita", "es"),
])
def test_a_name_wrong_on_a_letter_stays_a_service_request(model, text: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """Guard: a name printed wrong is a typographic error (DOMAIN.md: service requests), list or not."""
    assert _route(model, text, language) == ("route", "4")
