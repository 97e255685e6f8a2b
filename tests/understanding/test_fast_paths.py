"""The shortcuts that make understanding cheap give what the long way gives (issue 16: "adds <= 50 us to a step").

Each shortcut is checked against the computation it skips, on words that take it and words that do not."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from ivr.core import concepts, wording
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
    """The same misheard word near another vocabulary finds that vocabulary's word."""
    assert _closest("statis", ("status", "passport")) == "status"
    assert _closest("statis", ("stats", "passport")) == "stats"
    assert _closest("statis", ("passport",)) is None


def test_models_with_different_vocabularies_correct_a_word_each_to_their_own() -> None:
    """Each model keeps the words it corrected (`Model.close_words`), and corrects a misheard word to a word it knows."""
    first = Model.build([("1", ["case status"]), ("2", ["fingerprints"])], "en")
    second = Model.build([("1", ["case stats"]), ("2", ["fingerprints"])], "en")
    assert dict(first.words_of("statis")) == {"status": 0.7}
    assert dict(second.words_of("statis")) == {"stat": 0.7}
    assert first.understand("case statis").choice == "1"
    assert first.close_words["statis"] == "status" and second.close_words["statis"] == "stat"


def test_the_words_a_model_corrected_are_kept_bounded_and_corrected_as_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past `_CLOSE_WORDS_MOST` words a model starts afresh, and a sentence's words are the same from a full, an
    emptied or no store; a pickled model (the flow cache) keeps none and corrects the same."""
    import pickle

    from ivr.core import understanding

    model = Model.build([("1", ["case status"]), ("2", ["fingerprints", "biometrics appointment"])], "en")
    first = model.words_of("my bio metricks apointment statis")
    stored = pickle.loads(pickle.dumps(model))
    assert stored.close_words == {} and stored.words_of("my bio metricks apointment statis") == first
    fresh = Model.build([("1", ["case status"]), ("2", ["fingerprints", "biometrics appointment"]), ("3", ["other"])], "en")
    first = fresh.words_of("my bio metricks apointment statis")
    assert len(fresh.close_words) == 3
    fresh.close_words.clear()
    monkeypatch.setattr(understanding, "_CLOSE_WORDS_MOST", 2)
    for _ in range(3):
        assert fresh.words_of("my bio metricks apointment statis") == first
        assert len(fresh.close_words) <= 2


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
    """Each word group of `lexicon.COMPOUNDS` in a sentence becomes its word as trying every run of every size does."""
    table = wording.COMPOUNDS[language]

    def compound(pieces: list[str]) -> tuple[str, ...] | None:
        one = table.get(tuple(pieces))
        return None if one is None else (one,)

    for group in table:
        for words in (["i", "have", *group, "today"], [*group, *group], list(group[:-1])):
            long_way = wording._rejoined(words, compound, (5, 4, 3, 2, 1))  # every size the table holds
            assert wording._compounds(words, language) == long_way, words


def _held_sentences() -> list[tuple[str, str]]:
    """(language, text) of every utterance the golden outcomes hold (corpus, typical, holdout, training examples)."""
    golden = json.loads((Path(__file__).resolve().parent / "outcomes_golden.json").read_text(encoding="utf-8"))
    return list(dict.fromkeys((row[1], row[2]) for row in golden))


def _read_all(sentences: list[tuple[str, str]]) -> list[object]:
    concepts.reading.cache_clear()
    read = [concepts.reading(text, language, places) for language, text in sentences for places in (True, False)]
    concepts.reading.cache_clear()
    return read


@pytest.mark.pure_python
def test_a_sentence_no_rule_reads_is_read_as_trying_every_rule_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """`reading` skips its rules when none of `_RULED` is found (nor a form nor a capped visa said): on every held
    utterance, places read or not, it gives what trying every rule gives, and the shortcut is taken for many."""
    sentences = _held_sentences()
    taken = [0]
    unruled = concepts._unruled

    def counted(found: dict[str, None], said: list[str]) -> bool:
        skipped = unruled(found, said)
        taken[0] += skipped
        return skipped

    monkeypatch.setattr(concepts, "_unruled", counted)
    shortcut = _read_all(sentences)
    monkeypatch.setattr(concepts, "_unruled", lambda found, said: False)
    assert shortcut == _read_all(sentences)
    assert taken[0] > len(sentences) // 4


def test_the_scan_finds_the_phrases_the_long_way_finds() -> None:
    """The scan looks a word's phrases up by length, and only its single word when the next word is no second word of
    its phrases (`_starts`): every concept phrase said alone, and after "um" and before "ok", names what trying each
    phrase of `_table` longest first names."""
    for language in ("en", "es"):
        table = concepts._table(language)
        for entries in table.values():
            for phrase, concept in entries:
                for said in (list(phrase), ["um", *phrase, "ok"]):
                    long_way = next(found for found in (_longest_at(said, at, table) for at in range(len(said)))
                                    if found is not None)
                    assert _scanned(said, language) == long_way, (said, long_way)


def _longest_at(said: list[str], at: int, table: dict[str, tuple[tuple[tuple[str, ...], str], ...]]) -> str | None:
    return next((concept for phrase, concept in table.get(said[at], ()) if tuple(said[at:at + len(phrase)]) == phrase),
                None)


def _scanned(said: list[str], language: str) -> str | None:
    """The first concept `_starts` gives from the first word where it gives one, as `reading`'s scan looks it up."""
    starts = concepts._starts(language)
    for at, word in enumerate(said):
        start = starts.get(word)
        if start is None:
            continue
        longer, seconds, alone = start
        if at + 1 < len(said) and said[at + 1] in seconds:
            for size, phrases in longer:
                concept = phrases.get(tuple(said[at:at + size]))
                if concept is not None:
                    return concept
        if alone is not None:
            return alone
    return None


def test_the_words_marked_are_kept_bounded_and_marked_as_afresh(monkeypatch: pytest.MonkeyPatch) -> None:
    """`marked` keeps each word's marks (never a sentence's), at most `_MARKED_MOST` a language: past that it starts
    afresh, and a sentence is marked the same from a full, an emptied or no store of words."""
    monkeypatch.setattr(wording, "_MARKED", {})
    monkeypatch.setattr(wording, "_MARKED_MOST", 8)
    sentence = "the machine could not read my fingers so they want me back"
    first = wording.marked.__wrapped__(sentence, "en")
    assert len(wording._MARKED["en"]) <= 8
    wording.marked.__wrapped__("um my finger prints appointment at the office in miami", "en")
    assert len(wording._MARKED["en"]) <= 8
    assert wording.marked.__wrapped__(sentence, "en") == first
    assert first == tuple(wording._marks(word, "en") for _, _, word in first)
