"""The u19 round's shortcuts give what the long way gives (issue 16: "the matcher adds <= 50 us to a step").

Each shortcut is checked against the computation it skips, on every utterance the golden outcomes hold and on words
that take the long way."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ivr.core import split_words


def _held_sentences() -> list[tuple[str, str]]:
    """(language, text) of every utterance the golden outcomes hold (corpus, typical, holdout, training examples)."""
    golden = json.loads((Path(__file__).resolve().parent / "outcomes_golden.json").read_text(encoding="utf-8"))
    return list(dict.fromkeys((row[1], row[2]) for row in golden))


def _joined_the_long_way(text: str, language: str) -> str:
    for pattern, word in split_words._patterns(language):
        if pattern.search(text):
            text = pattern.sub(word, text)
    return text


def test_split_words_are_joined_as_trying_every_pattern_joins_them() -> None:
    """`joined` reads a sentence none of its patterns finds in one search of them all: on every held utterance, in
    both languages' patterns, it gives what searching pattern by pattern gives, and most take the one search."""
    sentences = _held_sentences()
    one_search = 0
    for held_language, text in sentences:
        for language in ("en", "es", held_language):
            assert split_words.joined(text, language) == _joined_the_long_way(text, language), (language, text)
        one_search += split_words._any(held_language).search(text) is None
    assert one_search > len(sentences) // 2


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("i need a super visor please", "en", "i need a supervisor please"),
    ("get me a repre sent a tive", "en", "get me a representative"),
    ("main men you", "en", "main menu"),
    ("the one that starts with e a c", "en", "the one that starts with eac"),
    ("quiero el menu prin cipal", "es", "quiero el menú principal"),
    ("xmenú prin cipal", "es", "xmenú principal"),
    ("un super-visora por favor", "es", "un supervisor por favor"),
])
def test_a_split_word_is_still_joined(text: str, language: str, expected: str) -> None:
    """The one search lets through every sentence a pattern finds: the split word is joined as before."""
    assert split_words.joined(text, language) == expected == _joined_the_long_way(text, language)
