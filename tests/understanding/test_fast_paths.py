"""The shortcuts that make understanding cheap give what the long way gives (issue 16: "adds <= 50 us to a step").

Each shortcut is checked against the computation it skips, on words that take it and words that do not."""

from __future__ import annotations

import unicodedata

import pytest

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
