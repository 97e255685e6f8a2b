"""The u19 round's shortcuts give what the long way gives (issue 16: "the matcher adds <= 50 us to a step").

Each shortcut is checked against the computation it skips, on every utterance the golden outcomes hold and on words
that take the long way."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest

from ivr.core import settled, split_words, wording


def _held_sentences() -> list[tuple[str, str]]:
    """(language, text) of every utterance the golden outcomes hold (corpus, typical, holdout, training examples)."""
    golden = json.loads((Path(__file__).resolve().parent / "outcomes_golden.json").read_text(encoding="utf-8"))
    return list(dict.fromkeys((row[1], row[2]) for row in golden))


def _joined_the_long_way(text: str, language: str) -> str:
    if " " not in text and "-" not in text:
        return text
    for pattern, word in split_words._patterns(language):
        if pattern.search(text):
            text = pattern.sub(word, text)
    return text


def test_split_words_are_joined_as_trying_every_pattern_joins_them() -> None:
    """`joined` reads a sentence none of its patterns finds in one search of them all: on every held utterance, in
    both languages' patterns, as said, in capitals and title case, it gives what searching pattern by pattern gives, and
    most take the one search."""
    sentences = _held_sentences()
    one_search = 0
    for held_language, text in sentences:
        for language in ("en", "es", held_language):
            for said in (text, text.upper(), text.title()):  # ASCII text is searched lower-cased
                assert split_words.joined(said, language) == _joined_the_long_way(said, language), (language, said)
        one_search += not split_words._found(text, held_language)
    assert one_search > len(sentences) // 2


def test_the_split_patterns_are_lower_case() -> None:
    """ASCII text is searched lower-cased against the patterns as written (`split_words._found`): case-blind only
    while every pattern is lower case."""
    for patterns in split_words._SPLIT.values():
        for pattern, _ in patterns:
            assert pattern == pattern.lower(), pattern


@pytest.mark.parametrize(("text", "language", "expected"), [
    ("i need a super visor please", "en", "i need a supervisor please"),
    ("get me a repre sent a tive", "en", "get me a representative"),
    ("main men you", "en", "main menu"),
    ("the one that starts with e a c", "en", "the one that starts with eac"),
    ("quiero el menu prin cipal", "es", "quiero el menú principal"),
    ("xmenú prin cipal", "es", "xmenú principal"),
    ("un super-visora por favor", "es", "un supervisor por favor"),
    ("I NEED A SUPER VISOR", "en", "I NEED A supervisor"),
    ("QUIERO EL MENÚ PRIN CIPAL", "es", "QUIERO EL menú principal"),
    ("un ſuper viſor por favor", "en", "un supervisor por favor"),
    ("un ſuper viſor por favor", "es", "un supervisor por favor"),
])
def test_a_split_word_is_still_joined(text: str, language: str, expected: str) -> None:
    """The one search lets through every sentence a pattern finds: the split word is joined as before."""
    assert split_words.joined(text, language) == expected == _joined_the_long_way(text, language)


_EDGES = ["", " ", "  um  my  ", "a b", "i-485", "i_485", "what's up", "tab\there", "new\nline", "¿qué?", "straße",
          "ﬁngerprints", "日本 ok", "x" * 3, "UPPER case", "[name] called", "e a c 12 34"]


def test_a_sentence_of_letters_digits_and_spaces_is_split_into_the_words_the_pattern_finds() -> None:
    """`wording._split` and `settled._tokens` split plain ASCII text in C: on every held utterance (as the wording and
    the settled classifier lower-case it) and on text with punctuation, other spaces or other scripts, the words are
    the regular expressions' own."""
    for _, text in _held_sentences():
        for said in (text, *_EDGES):
            lowered = wording.plain(said)
            assert wording._split(lowered) == wording._WORD.findall(lowered), said
            assert settled._tokens(said.lower()) == settled._TOKEN.findall(said.lower()), said


def test_accents_and_apostrophes_are_plain_as_every_character_tested_makes_them() -> None:
    """`wording.plain` tests each character that is not ASCII once and drops it where it is an accent: the same text
    as translating the apostrophes and testing every character, on every held utterance and on other scripts."""
    apostrophes = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})

    def long_way(text: str) -> str:
        lowered = text.casefold()
        if lowered.isascii():
            return lowered.replace("`", "'")
        decomposed = unicodedata.normalize("NFKD", lowered.translate(apostrophes))
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch))

    for _, text in _held_sentences():
        for said in (text, *_EDGES, "Qu\u00e9 d\u00eda, don\u2019t \u2018Perú\u2019", "\u1e9b\u0323 ǅ ŉ ﬀ", "a\u0301\u0327b"):
            assert wording.plain(said) == long_way(said), said


def test_most_held_sentences_take_the_split_in_c() -> None:
    """The shortcut is taken, not only right: most held utterances are letters and spaces."""
    sentences = _held_sentences()
    plain_ascii = sum(wording.plain(text).replace(" ", "").isalnum() for _, text in sentences)
    assert plain_ascii > len(sentences) // 2


def test_the_main_menu_is_not_run_where_its_keywords_cannot_claim_a_submenus_words(uscis) -> None:  # type: ignore[no-untyped-def]
    """A submenu runs the main menu's model on its words only when that model could take them elsewhere
    (`Model._main_may_claim`): on every held utterance of a submenu of a line, as said and at the recogniser's 0.9,
    when the shortcut says it cannot, the main menu's full model indeed neither routes the words by its keywords at
    `ELSEWHERE_AT` or more nor sees a decision asked; and most sentences are spared it."""
    from ivr.core.understanding import _ASKED_IF, ELSEWHERE_AT, SURE_AT

    golden = json.loads((Path(__file__).resolve().parent / "outcomes_golden.json").read_text(encoding="utf-8"))
    held = list(dict.fromkeys((row[0], row[1], row[2]) for row in golden))
    checked = spared = 0
    for state, language, text in held:
        model = uscis.states[state].understanding[language]
        if model.main is None:
            continue
        checked += 1
        if model._main_may_claim(text):
            continue
        spared += 1
        assert not _ASKED_IF.search(text), text
        for confidence in (None, 0.9):
            there = model.main.understand(text, confidence)
            assert not (there.outcome == "route" and there.by == "keywords" and
                        there.score >= min(ELSEWHERE_AT, SURE_AT)), (state, language, text, there)
    assert checked > 3000 and spared > checked // 2, (checked, spared)


def test_a_person_is_asked_for_only_where_a_person_is_named() -> None:
    """`person_asked` scans for a name of a person first (`concepts._person_named`) and reads no further without one:
    wherever its full pattern finds a person asked for, on every held utterance in both languages' patterns, as said
    and lower-cased, the scan finds a name too, and most sentences are spared the full pattern."""
    from ivr.core import concepts

    spared = 0
    sentences = _held_sentences()
    for held_language, text in sentences:
        for language in ("en", "es"):
            plain = " ".join(text.lower().split())
            if any(branch.pattern.search(plain) for branch in concepts._person_asked(language)):
                assert concepts._person_named(language).search(plain) is not None, (language, text)
        spared += concepts._person_named(held_language).search(" ".join(text.lower().split())) is None
    assert spared > len(sentences) // 2


def test_the_person_branches_searched_apart_find_what_their_alternation_finds() -> None:
    """`person_asked` searches its pattern's branches apart, each behind its gate (`concepts._first`): on every held
    utterance in both languages' patterns, as said, lower-cased and in capitals, the match it takes starts and ends
    where the branches' alternation's does, with the same person."""
    import re

    from ivr.core import concepts

    for language in ("en", "es"):
        branches = concepts._person_asked(language)
        whole = re.compile("|".join(branch.pattern.pattern for branch in branches))
        for _, text in _held_sentences():
            for said in (text, " ".join(text.lower().split()), text.upper()):
                found, first = whole.search(said), concepts._first(branches, said)
                assert (found and (found.span(), next(group for group in found.groups() if group))) == \
                    (first and (first.span(), first[1])), (language, said)


def test_a_thing_played_back_is_found_as_the_words_split_find_it() -> None:
    """`menu_globals.thing_again` searches for a word of `_THING` said whole, behind its gate: on every held utterance
    in both languages, as said and in capitals, it answers as splitting the words (`[\\w']+`) and looking them up."""
    import re

    from ivr.core import menu_globals
    from ivr.core.plain_said import plain_said

    for _, text in [*_held_sentences(), ("en", "the date's wrong"), ("en", "today, or the day after?")]:
        for said in (text, text.upper()):
            words = re.findall(r"[\w']+", plain_said(said))
            for language in ("en", "es"):
                assert menu_globals.thing_again(said, language) == \
                    (not menu_globals._THING[language].isdisjoint(words)), (language, said)


def test_a_supervisor_is_asked_for_only_where_someone_above_is_named() -> None:
    """A submenu reads the person rules for a supervisor only where `concepts.someone_above_named` finds someone above
    (`Model._global_asked`): wherever `person_asked` or `person_available` finds a supervisor asked for, on every held
    utterance in both languages' rules, as said and in capitals, someone above is named, and most sentences name
    none."""
    from ivr.core import concepts

    sentences = _held_sentences()
    spared = 0
    for held_language, text in sentences:
        for said in (text, text.upper()):
            for language in ("en", "es"):
                if "supervisor" in (concepts.person_asked(said, language), concepts.person_available(said, language)):
                    assert concepts.someone_above_named(said, language), (language, said)
        spared += not concepts.someone_above_named(text, held_language)
    assert spared > len(sentences) * 9 // 10


def test_being_put_through_to_someone_is_looked_for_only_where_someone_is_said() -> None:
    """`put_through_to_someone` searches its pattern only in a sentence holding one of `_SOMEONE_SAID`: wherever the
    pattern finds being put through to someone, on every held utterance in both languages' patterns, one is there,
    and most sentences hold none."""
    from ivr.core import concepts

    sentences = [*_held_sentences(), ("en", "transfer me to someone, please"), ("es", "¿páseme con alguien?")]
    spared = 0
    for held_language, text in sentences:
        plain = " ".join(text.lower().split())
        for language in ("en", "es"):
            if concepts._PUT_THROUGH_TO_SOMEONE[language].search(plain) is not None:
                assert concepts.put_through_to_someone(text, language), (language, text)
        spared += not any(word in plain for word in concepts._SOMEONE_SAID[held_language])
    assert spared > len(sentences) // 2
    assert concepts.put_through_to_someone("transfer me to someone, please", "en")


def test_no_keyword_score_is_above_its_bound(uscis) -> None:  # type: ignore[no-untyped-def]
    """`Model.best_score_bound` is never below the best score `scores` gives, on every held utterance read by the
    main menu's model and by the model of the state it was held in (as said, and as a submenu hears it), with and
    without the words its concepts leave unsaid; and it spares most submenu sentences the main menu's scores."""
    from ivr.core.concepts import reading
    from ivr.core.understanding import heard

    golden = json.loads((Path(__file__).resolve().parent / "outcomes_golden.json").read_text(encoding="utf-8"))
    spared = submenus = 0
    for state, language, text in dict.fromkeys((row[0], row[1], row[2]) for row in golden):
        main = uscis.states["main_menu"].understanding[language]
        held = uscis.states[state].understanding[language]
        for model in (main,) if held is main else (main, held):
            for said in dict.fromkeys((text, heard(text, language))):
                for unsaid in (frozenset(), reading(said, language, model.places)[1]):
                    ranked = model.scores(said, unsaid)[0]
                    bound = model.best_score_bound(said, unsaid)
                    assert not ranked or ranked[0][1] <= bound + 1e-12, (state, language, said, ranked[0], bound)
        if uscis.states[state].understanding[language].main is not None:
            submenus += 1
            said = heard(text, language)
            spared += main.best_score_bound(said, reading(said, language, main.places)[1]) < 0.8
    assert spared > submenus // 2


@pytest.mark.parametrize("text", ["I want to know IF it was approved", "whether or not", "dime si ya", "if", "lift gift",
                                  "what's the status, if any", "is it Ifeoma's case", "si_no", "ſi acaso", "  if  ",
                                  "(if)", "x_if", "if's", "gift if", "4if", "whether-or-not", "sí o no", "SI"])
def test_an_if_is_read_as_its_pattern_reads_it(text: str) -> None:
    """`_asks_if` finds the pattern's words standing alone in ASCII text lower-cased, and searches any other."""
    from ivr.core.understanding import _ASKED_IF, _asks_if

    assert _asks_if(text) == (_ASKED_IF.search(text) is not None)


def test_an_if_is_read_as_its_pattern_reads_it_on_every_held_utterance() -> None:
    from ivr.core.understanding import _ASKED_IF, _asks_if

    for _, text in _held_sentences():
        for said in (text, text.upper(), text.title()):
            assert _asks_if(said) == (_ASKED_IF.search(said) is not None), said


def test_a_form_is_found_as_its_pattern_finds_it_on_every_held_utterance() -> None:
    """`concepts._form_said` matches the form's pattern only on a word whose second character is a digit: the same
    answer as searching the words joined for the form as a whole word, on every held sentence's words and on forms
    said."""
    from ivr.core.concepts import _form_said

    form_said = re.compile(r"(?:^| )(?:i|n|g)[0-9]{2,4}[a-z]?(?= |$)")
    for language, text in [*_held_sentences(), ("en", "where is my i130"), ("en", "my n400 and g28"), ("en", "4 i 130")]:
        said = wording.marked(text, language)
        words = [word for word, _, _ in said]
        assert _form_said(words) == (form_said.search(" ".join(words)) is not None), text


def test_an_understanding_built_by_its_written_out_init_is_the_dataclass_it_declares() -> None:
    """`Understanding.__init__` is written out (compiled, it is native code): it sets every declared field, by
    position or by name, with the declared defaults, and the instance stays frozen."""
    import dataclasses

    from ivr.core.understanding import Understanding

    declared = dataclasses.fields(Understanding)
    values = {"outcome": "ask", "choice": None, "score": 0.5, "alternatives": (("a", 0.5), ("b", 0.4)),
              "words": ("card",), "by": "examples", "learnt": (("a", 0.6),)}
    assert [field.name for field in declared] == list(values)
    assert dataclasses.asdict(Understanding(**values)) == values
    assert dataclasses.asdict(Understanding(*values.values())) == values
    bare = Understanding("route", "a", 0.9, ())
    assert {field.name: getattr(bare, field.name) for field in declared if field.default is not dataclasses.MISSING} == \
        {field.name: field.default for field in declared if field.default is not dataclasses.MISSING}
    with pytest.raises(dataclasses.FrozenInstanceError):
        bare.score = 1.0  # type: ignore[misc]
