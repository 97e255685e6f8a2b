"""The rules' patterns searched behind a gate (`ivr.core.prefilter`) answer exactly as searching them does (issue 16:
"the matcher adds <= 50 us to a step").

A gate is a condition on substrings that every match of its pattern meets; a text that does not meet it is not
searched.  These tests hold what a gate requires to the pattern's syntax, and every gated rule to its plain search on
every held utterance and on sentences made of the gates' own strings, where a wrong gate would show first."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ivr.core import appointment_moves, concepts, menu_globals, not_ours
from ivr.core.plain_said import plain_said
from ivr.core.prefilter import Prefiltered, gate, gates_met, prefiltered


def _gated_rules() -> Iterator[tuple[str, Prefiltered]]:
    """Every rule pattern the submenus search behind a gate, in both languages."""
    for language in ("en", "es"):
        for name, pattern in menu_globals._patterns(language):
            yield f"global {name} ({language})", pattern
        yield f"resent ({language})", menu_globals._resent(language)
        yield f"receipt refused ({language})", menu_globals._refused(language)
        yield f"a person named ({language})", concepts._person_named(language)
        yield f"a person available ({language})", concepts._available(language)
        for at, pattern in enumerate((*not_ours._patterns(language), *not_ours._others(language),
                                      not_ours._no_one(language))):
            yield f"not ours {at} ({language})", pattern
        for at, pattern in enumerate((*appointment_moves._patterns(language), *appointment_moves._asked(language),
                                      appointment_moves._how_long(language),
                                      appointment_moves._taken_back_pattern(language))):
            yield f"appointment moves {at} ({language})", pattern


def _held_sentences() -> list[str]:
    golden = json.loads((Path(__file__).resolve().parent / "outcomes_golden.json").read_text(encoding="utf-8"))
    return list(dict.fromkeys(row[2] for row in golden))


# --- what a gate requires -------------------------------------------------------------------------------------------

def test_alternatives_before_a_word_are_required_joined_to_it() -> None:
    assert repr(gate(re.compile(r"\b(?:go|take me) back\b"))) == "ANY('go back', 'take me back')"


def test_an_optional_piece_is_not_required() -> None:
    assert repr(gate(re.compile(r"(?:please )?call me back"))) == "ALL('call me back')"


def test_a_piece_of_any_words_leaves_what_is_around_it_required_apart() -> None:
    assert repr(gate(re.compile(r"hello(?: \w+){0,3} world"))) == "ALL('hello', ' world')"


def test_an_alternative_that_needs_nothing_leaves_the_pattern_open() -> None:
    assert prefiltered(r"\bcancel\w*|\w+in\b").open


def test_a_short_word_requires_nothing() -> None:
    """"if" is in nearly every sentence's neighbourhood ("lift", "gift"): testing it costs more than it spares."""
    assert prefiltered(r"\b(?:if|whether)\b").open


def test_a_lookahead_requires_what_it_looks_for() -> None:
    assert repr(gate(re.compile(r"\b(?=(?:line|agent) in (?P<after>\w+))"))) == "ANY('line in ', 'agent in ')"


def test_a_group_with_its_own_flags_requires_nothing() -> None:
    assert prefiltered(r"(?i:street)").open


def test_a_case_blind_pattern_reads_ascii_text_lower_cased() -> None:
    pattern = prefiltered(r"\bstreet\b", re.IGNORECASE)
    assert pattern.search("Main STREET please") is not None
    assert pattern.search("main road") is None


def test_a_case_blind_pattern_searches_any_text_that_is_not_ascii() -> None:
    """Unicode folds the long s to an s: "ſtreet" is "street" to the pattern, though no substring test finds it."""
    pattern = prefiltered(r"\bstreet\b", re.IGNORECASE)
    assert pattern.search("main ſtreet") is not None


def test_a_text_without_the_phrases_is_not_searched() -> None:
    pattern = prefiltered(r"\b(?:go|take me) back\b")
    assert not pattern.may_match("they called me back")
    assert pattern.may_match("can you take me back")


def test_the_gates_met_are_found_for_every_gate_at_once() -> None:
    either = prefiltered(r"\bwhat time do you (?:open|close)\b")
    closing = prefiltered(r"\bwhat time do you close\b")
    met = gates_met("so what time do you open on fridays")
    assert either.number in met
    assert closing.number not in met


def test_a_clause_is_met_only_with_all_of_its_strings() -> None:
    pattern = prefiltered(r"\bno (?:me )?acept\w* (?:el|mi) recibo\b")
    assert pattern.may_match("no me aceptan el recibo")
    assert not pattern.may_match("me aceptan el recibo")


# --- the rules answer as their search ---------------------------------------------------------------------------------

def test_every_rule_has_a_gate() -> None:
    """Only Spanish's language asked is open (a lookahead whose branches start with any word)."""
    assert [name for name, pattern in _gated_rules() if pattern.open] == ["not ours 5 (es)"]


def test_every_gated_rule_answers_as_its_search_on_every_held_utterance() -> None:
    sentences = [plain_said(text) for text in _held_sentences()]
    searched = 0
    for name, pattern in _gated_rules():
        for text in sentences:
            gated = pattern.search(text)
            plain = pattern.pattern.search(text)
            assert (gated and gated.span()) == (plain and plain.span()), (name, text)
            searched += pattern.may_match(text)
    assert searched < len(sentences) * len(list(_gated_rules())) // 4  # the gates turn most searches away


def _words_of_the_gates() -> list[str]:
    words: set[str] = set()
    for _, pattern in _gated_rules():
        for clauses in pattern.clauses.values():
            for clause in clauses:
                for literal in clause:
                    words.update(literal.split())
    return sorted(words)


@settings(max_examples=400, deadline=None)
@given(st.data())
def test_every_gated_rule_answers_as_its_search_on_sentences_of_the_gates_own_words(data: st.DataObject) -> None:
    """Sentences drawn from the words the gates test, where a gate that required too much would turn away a match."""
    words = _words_of_the_gates()
    text = " ".join(data.draw(st.lists(st.sampled_from(words), min_size=1, max_size=12)))
    for name, pattern in _gated_rules():
        assert bool(pattern.search(text)) == bool(pattern.pattern.search(text)), (name, text)


@pytest.mark.parametrize("text", ["can you take me back to the last menu", "what are your hours on saturday",
                                  "i dont want a new date", "could you text me the address instead"])
def test_sentences_that_ask_are_still_found(text: str) -> None:
    assert any(pattern.search(text) for _, pattern in _gated_rules())


def test_the_last_sentence_read_is_forgotten_with_the_others() -> None:
    """The bench forgets every sentence kept (`per_sentence.forget`): the last one read too."""
    from ivr.core import per_sentence, prefilter

    text = "what time do you open on fridays"
    gates_met(text)
    assert prefilter._SHARED.last.text is text
    per_sentence.forget()
    assert prefilter._SHARED.last.text == ""


def test_a_gate_is_met_by_any_of_its_clauses() -> None:
    from ivr.core.prefilter import _clauses

    clauses = _clauses(gate(re.compile(r"\bno (?:me |nos )?(?:acept\w*|tom\w*) (?:el|mi) recibo\b")))
    assert sorted(map(sorted, clauses)) == [[" el recibo", "acept", "no "], [" el recibo", "no ", "tom"],
                                            [" mi recibo", "acept", "no "], [" mi recibo", "no ", "tom"]]


@pytest.mark.pure_python  # the compiled module reads its constant as compiled
def test_a_gate_too_wide_for_its_clauses_needs_less_and_still_finds_every_match(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Past `CLAUSES_MOST` an ANY inside an ALL is dropped: a weaker gate, never one that turns a match away."""
    from ivr.core import prefilter

    monkeypatch.setattr(prefilter, "CLAUSES_MOST", 2)
    pattern = prefiltered(r"\b(?:going|getting)\w* (?:backward|homeward)\w* (?:tonight|today|please)\b")
    assert sum(map(len, pattern.clauses.values())) == 2  # of the 12 in full
    assert pattern.search("are we getting homewards today") is not None
    assert pattern.search("going backward now") is None


def test_strings_that_overlap_in_a_sentence_are_all_found() -> None:
    """One pass finds every occurrence, overlapping ones and one inside another: a gate needing any of them holds."""
    gates = [prefiltered(r"\bcall me\b"), prefiltered(r"\bme back\b"), prefiltered(r"\bmaybe call\b"),
             prefiltered(r"\bplease call me back\b")]
    met = gates_met("could you please call me back")
    assert [one.number in met for one in gates] == [True, True, False, True]


# --- any pattern: the gate never turns a match away -----------------------------------------------------------------

_PIECES = st.sampled_from(["ab", "ba", "abc", "cab", "b", " ", "c a", "bca", "aab"])


def _patterns() -> st.SearchStrategy[str]:
    """Small patterns of the syntax the gates read: literals, classes, alternations, optional and repeated pieces,
    word boundaries, lookarounds, `\\w+`, and groups with their own flags."""
    literal = _PIECES.map(re.escape)
    leaf = st.one_of(literal, literal.map(lambda part: f"(?i:{part})"), st.just("[ab]"), st.just("[ -]"),
                     st.just(r"\w+"), st.just(r"\b"), st.just("."))

    def grown(inner: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.lists(inner, min_size=2, max_size=4).map("".join),
            st.lists(inner, min_size=2, max_size=3).map(lambda parts: "(?:" + "|".join(parts) + ")"),
            inner.map(lambda part: f"(?:{part})?"),
            inner.map(lambda part: f"(?:{part})+"),
            inner.map(lambda part: f"(?:{part}){{1,2}}"),
            inner.map(lambda part: f"(?={part})"),
            inner.map(lambda part: f"(?!{part})"),
            inner.map(lambda part: f"(?i:{part})"),
        )

    return st.recursive(leaf, grown, max_leaves=8)


def _texts() -> st.SearchStrategy[str]:
    """Texts of the patterns' own pieces, in either case, with a long s, separated or not."""
    piece = st.one_of(_PIECES, _PIECES.map(str.upper), st.just("ſ"), st.text(alphabet="abcABC -", max_size=3))
    return st.lists(piece, max_size=6).map("".join)


@settings(max_examples=1000, deadline=None)
@given(_patterns(), _texts(), st.booleans())
@example("(?i:abc)", "xABC", False)  # a group's own flags: "abc" is not required as written
@example("(?!abc)ab", "ab", False)  # a negative lookahead requires nothing
@example("(?<=cab)c", "cabc", False)  # a lookbehind requires what it looks for
@example(r"\bsab", "ſab", True)  # case-blind: the long s is an s
def test_any_pattern_gated_finds_what_its_search_finds(pattern: str, text: str, blind: bool) -> None:
    """On patterns and texts made at random (case-blind or not, with a long s among the letters), a gated search finds
    exactly what the pattern's search finds: a gate requires only what every match holds."""
    gated = prefiltered(pattern, re.IGNORECASE if blind else 0)
    found = gated.pattern.search(text)
    assert (gated.search(text) is None) == (found is None), (pattern, text, blind, gated.gate)
