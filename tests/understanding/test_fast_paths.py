"""The shortcuts that make understanding cheap give what the long way gives (issue 16: "adds <= 50 us to a step").

Each shortcut is checked against the computation it skips, on words that take it and words that do not."""

from __future__ import annotations

import unicodedata

import pytest

from ivr.core import wording
from ivr.core.matching import _WORD, normalize
from ivr.core.understanding import Model, _closest


def _normalized_the_long_way(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(plain))


@pytest.mark.parametrize("text", [
    "um my finger prints appointment", "I-485 Status, please!", "  press   ONE  ", "Español", "ESPAÑOL.",
    "cómo va mi solicitud", "Straße", "ﬁngerprints", "½ past", "", "¿qué?",
])
def test_normalizing_ascii_and_accented_text_gives_what_decomposing_every_character_gives(text: str) -> None:
    """ASCII text skips the decomposition; text that casefolds to ASCII ("Straße") and accented text agree too."""
    assert normalize(text) == _normalized_the_long_way(text)


def test_a_fuzzy_look_up_is_answered_for_its_own_candidates_only() -> None:
    """Cached by word and candidates: the same misheard word near another vocabulary finds that vocabulary's word."""
    assert _closest("statis", ("status", "passport")) == "status"
    assert _closest("statis", ("stats", "passport")) == "stats"
    assert _closest("statis", ("passport",)) is None


def test_models_with_different_vocabularies_correct_a_word_each_to_their_own() -> None:
    """Two models share the fuzzy cache, and each still corrects a misheard word to a word it knows."""
    first = Model.build([("1", ["case status"]), ("2", ["fingerprints"])], "en")
    second = Model.build([("1", ["case stats"]), ("2", ["fingerprints"])], "en")
    assert dict(first.words_of("statis")) == {"status": 0.7}
    assert dict(second.words_of("statis")) == {"stat": 0.7}
    assert first.understand("case statis").choice == "1"


def _place_the_long_way(words: list[str], language: str) -> list[str]:
    split = wording._SPLIT_PLACES[language]

    def place(pieces: list[str]) -> tuple[str, ...] | None:
        if any(len(piece) < 2 for piece in pieces):
            return None
        name = split.get("".join(pieces))
        return name if name is not None and tuple(pieces) != name else None

    return wording._rejoined(words, place)


def _cuts(name: str) -> list[list[str]]:
    """A name cut into two and three pieces at every place (pieces of one letter too: those are not joined)."""
    two = [[name[:a], name[a:]] for a in range(1, len(name))]
    three = [[name[:a], name[a:b], name[b:]] for a in range(1, len(name)) for b in range(a + 1, len(name))]
    return two + three


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_split_place_is_joined_as_trying_every_run_joins_it(language: str) -> None:
    """Every place name the recogniser could split, at every cut, in a sentence: the shortcut joins what the long way
    joins (and leaves what it leaves)."""
    for name, own in wording._SPLIT_PLACES[language].items():
        for pieces in [list(own), *_cuts(name)[:40]]:  # its own words are left as they are
            for words in (["calling", "from", *pieces], [*pieces, "in", *pieces, "ok"], pieces + pieces[:1]):
                assert wording._unsplit_places(words, language) == _place_the_long_way(words, language), words


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_compound_is_joined_as_trying_every_run_joins_it(language: str) -> None:
    """Each word group of `lexicon.COMPOUNDS` in a sentence becomes its word as it did before the starts' filter."""
    table = wording.COMPOUNDS[language]

    def compound(pieces: list[str]) -> tuple[str, ...] | None:
        one = table.get(tuple(pieces))
        return None if one is None else (one,)

    for group in table:
        for words in (["i", "have", *group, "today"], [*group, *group], list(group[:-1])):
            long_way = wording._rejoined(words, compound, (4, 3, 2))
            assert wording._compounds(words, language) == long_way, words
