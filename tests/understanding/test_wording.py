"""Normalising what the recogniser heard (ivr/core/wording.py): both sides of a comparison agree."""

from __future__ import annotations

import pytest

from ivr.core.wording import content, tokens


@pytest.mark.parametrize(
    ("text", "language", "words"),
    [
        ("Español", "es", ("espanol",)),
        ("ESPAÑOL.", "es", ("espanol",)),
        ("What's happening with my application?", "en", ("happening", "application")),
        ("I don't have a receipt number", "en", ("not", "receipt", "number")),
        ("I dont have it", "en", ("not",)),
        ("I-485", "en", ("i485",)),
        ("I 485", "en", ("i485",)),
        ("I four eighty five", "en", ("i485",)),
        ("form N four hundred", "en", ("form", "n400")),
        ("I four hundred eighty five", "en", ("i485",)),
        ("nine oh seven", "en", ("907",)),
        ("cuatro ochenta y cinco", "es", ("485",)),
        ("my appointments", "en", ("appointment",)),
        ("mis citas", "es", ("cita",)),
        ("um uh my case please", "en", ("case",)),
        ("quiero saber de mi caso por favor", "es", ("caso",)),
        ("my card never arrived", "en", ("card", "never", "receive")),
        ("my card never came", "en", ("card", "never", "receive")),
        ("nunca me llegó la tarjeta", "es", ("nunca", "recibir", "tarjeta")),
        ("I’m calling from the U.S.", "en", ("from", "u", "s")),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_content_words(text: str, language: str, words: tuple[str, ...]) -> None:
    """Case, accents, contractions, numbers said as words, form numbers, plurals and synonyms fold alike."""
    assert content(text, language) == words


def test_stop_words_are_kept_when_nothing_else_is_said() -> None:
    """`tokens` keeps every word, so a phrase made only of common words still has words to compare."""
    assert content("what do I need", "en") == () and tokens("what do I need", "en") == ("what", "do", "i", "need")


def test_no_and_never_are_not_stop_words() -> None:
    """Negation carries meaning ("I don't have a receipt number", "no tengo número de recibo")."""
    assert "not" in content("I don't have it", "en") and "no" in content("no tengo recibo", "es")
