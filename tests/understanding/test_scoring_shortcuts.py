"""The shortcuts that make scoring a sentence cheap give what the long way gives (issue 16: "The matcher adds <= 50 µs
to a step (measured)"; the rules are unchanged, so `test_outcomes_unchanged.py` holds every outcome too).

Each shortcut is checked against the computation it skips, on the corpus's sentences and on generated text."""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from ivr.core import settled
from ivr.core.bayes import ranked
from ivr.core.machine import CompiledFlow
from ivr.core.settled import NONE, decide, may_scrub
from ivr.core.understanding import NEGATIONS, Model
from ivr.rules.scrub import scrub_speech
from ivr.trainers.understand import Case

_BOUNDED_TOKEN = re.compile(r"\b\w\w+\b")
_DIGIT_OR_AT = re.compile(r"[0-9@]")
_SAYINGS = st.text(
    alphabet=st.sampled_from(list("abcimostyAIJMST '’-,.19@ñÁéſ\t")), max_size=40
) | st.sampled_from(["This is John", "i'm Ana", "I am Maria and my card", "soy Pedro", "thiſ iſ John", "I AM Bob",
                     "this is  Ñandú", "it is at noon", "i am fine"])


_WORDS_SCRUBBED = st.lists(st.sampled_from([
    "at", "AT", "arroba", "dot", "Dot", "punto", "com", "one", "two", "three", "four", "five", "six", "seven", "eight",
    "nine", "oh", "zero", "uno", "dos", "tres", "cero", "my", "My", "name", "name's", "is", "me", "llamo", "mi",
    "nombre", "es", "May", "march", "fifth", "month", "the", "of", "John", "Ana", "i", "am", "I'm", "soy", "this", "ı",
    "İ", "ſ", "K", "²", "٣", "nıne", "ſix", "name'ſ", "ñ", "Ñandú", "é", "¿", "¡", ",", ".", "-", "_", "\t", "@",
    "1", "my name is", "mi nombre es", "me llamo", "the office"]), max_size=14).map(" ".join)
"""Sentences of the words `may_scrub` weighs, next to letters `scrub`'s case-blind patterns match that lower-casing
does not give (dotless i, long s, Kelvin sign) and digits that are not 0-9."""


def _may_scrub_the_long_way(text: str) -> bool:
    """`may_scrub` before it weighed the words: any digit word, month, "at", "arroba", "name", "llamo", "nombre"."""
    words = _BOUNDED_TOKEN.findall(text.lower())
    return _DIGIT_OR_AT.search(text) is not None or not settled._SCRUBBED_FROM.isdisjoint(words) or \
        settled._NAMED.search(text) is not None


def _scrubs_as_the_long_way(text: str) -> bool:
    """`may_scrub` scrubs only what the long way scrubbed, and leaves out only what `scrub_speech` leaves as it is:
    the settled classifier's features are the long way's."""
    if may_scrub(text):
        return _may_scrub_the_long_way(text)
    return not _may_scrub_the_long_way(text) or scrub_speech(text) == text


@given(_SAYINGS)
@settings(max_examples=300, deadline=None)
def test_words_are_found_without_their_boundaries_as_with_them(text: str) -> None:
    """`settled._TOKEN` (`\\w\\w+`) finds the words `\\b\\w\\w+\\b` finds: a run of word characters is taken whole."""
    assert settled._TOKEN.findall(text.lower()) == _BOUNDED_TOKEN.findall(text.lower())


@given(st.text(alphabet=st.sampled_from(list("abAB19²٣_ñÉİı\u0307 \t\xa0\u2003'-.")), max_size=30))
@settings(max_examples=500, deadline=None)
def test_words_split_are_the_words_found_in_any_script(text: str) -> None:
    """`settled._tokens` splits text of letters and digits between white space (`str.isalnum`, `str.split`) into the
    words `settled._TOKEN` finds, in any script: `\\w` is what `str.isalnum` takes and "_"."""
    assert settled._tokens(text.lower()) == settled._TOKEN.findall(text.lower())


@given(_SAYINGS)
@settings(max_examples=300, deadline=None)
def test_a_name_is_looked_for_only_where_it_could_be_introduced(text: str) -> None:
    """`may_scrub` skips the search for "this is / i am / i'm / soy" and a capital in ASCII text holding none of
    them; it scrubs as the whole test scrubs."""
    assert _scrubs_as_the_long_way(text)


@given(_WORDS_SCRUBBED)
@example("one two three four five six ²")  # a number said with a digit `isdigit` takes and `\d` does not
@example("one two three ٣ ٣ ٣ ٣")  # ... with digits not 0-9
@settings(max_examples=1000, deadline=None)
def test_the_words_scrubbed_are_weighed_as_the_scrub_weighs_them(text: str) -> None:
    """`may_scrub` leaves "at" without "dot", fewer digit words than a number said, "name" without "my" as they are
    (`settled._scrubbed_words`) only in text whose case-blind matches are its lower-cased words'."""
    assert _scrubs_as_the_long_way(text)


def test_may_scrub_scrubs_as_the_whole_test_on_the_corpus(corpus: list[Case]) -> None:
    assert [case.text for case in corpus if not _scrubs_as_the_long_way(case.text)] == []
    assert sum(may_scrub(case.text) for case in corpus) < sum(_may_scrub_the_long_way(case.text) for case in corpus) / 3


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_settled_classifier_is_skipped_only_where_it_decides_nothing(
    model: Callable[[str, str], Model], corpus: list[Case], language: str
) -> None:
    """`Settled.posterior_if_sure` gives nothing only where `decide` over the whole posterior leaves the matcher's
    outcome, for every outcome the matcher could have reached and the confidences a caller's words come with; where
    it gives something, it is the whole posterior."""
    classifier = model("main_menu", language).settled
    assert classifier is not None
    outcomes = [("route", label) for label in classifier.labels if label != NONE] + [("not_understood", None)]
    skipped = 0
    for case in corpus:
        if case.language != language or case.state != "main_menu":
            continue
        ranked = classifier.posterior(case.text)
        for factor in (0.4, 0.94, 0.95, 1.0):
            for outcome, choice in outcomes:
                was = choice if outcome == "route" else NONE
                quick = classifier.posterior_if_sure(case.text, factor, was)
                assert quick in ((), ranked)
                assert decide(quick, factor, outcome, choice) == decide(ranked, factor, outcome, choice), case.text
                skipped += quick == ()
    assert skipped > 0


@pytest.mark.parametrize(("state", "language"), [("main_menu", "en"), ("main_menu", "es")])
def test_a_words_entry_is_its_weight_phrases_choices_and_leaders(model: Callable[[str, str], Model], state: str,
                                                                language: str) -> None:
    """`Model.entries` holds, for every word of the phrases, its weight (`idf`), the phrases holding it, the choices
    of those phrases (none for a negation, which counts only inside its phrase), and for each of those choices its
    lightest phrase holding the word (its leader)."""
    menu = model(state, language)
    assert menu.entries.keys() == menu.idf.keys()
    for word, (weight, phrases, choices, leaders) in menu.entries.items():
        owners = sorted({menu.phrase_choice[phrase] for phrase in phrases})
        assert weight == menu.idf[word] and phrases and list(phrases) == sorted(set(phrases))
        assert choices == (None if word in NEGATIONS else tuple(owners))
        assert sorted(menu.phrase_choice[leader] for leader in leaders) == owners and set(leaders) <= set(phrases)
        for phrase in phrases:
            lead = next(leader for leader in leaders if menu.phrase_choice[leader] == menu.phrase_choice[phrase])
            assert menu.phrase_weight[lead] <= menu.phrase_weight[phrase]


def _scores_the_long_way(menu: Model, text: str, unsaid: frozenset[str]) -> tuple[tuple[str, float], ...]:
    """`Model.scores` as it was before the leaders: every phrase a word said holds is scored."""
    from ivr.core.understanding import ELSEWHERE_WEIGHT, OTHER_PHRASES, UNKNOWN_WEIGHT, UNKNOWN_WEIGHT_LEARNT, _elsewhere

    said = {word: exact for word, exact in menu._said(text).items() if word not in unsaid}
    total = 0.0
    covered: dict[int, float] = {}
    negated: dict[int, float] = {}
    explained: dict[int, float] = {}
    for word, exact in said.items():
        if word not in menu.entries:
            total += ELSEWHERE_WEIGHT if word in _elsewhere(menu.language) else (
                UNKNOWN_WEIGHT if menu.bayes is None else UNKNOWN_WEIGHT_LEARNT)
            continue
        weight, phrases = menu.idf[word], menu.entries[word][1]
        total += weight
        gained = weight * exact
        for phrase in phrases:
            covered[phrase] = covered.get(phrase, 0.0) + gained
            if word in NEGATIONS:
                negated[phrase] = negated.get(phrase, 0.0) + gained
        if word not in NEGATIONS:
            for choice in sorted({menu.phrase_choice[phrase] for phrase in phrases}):
                explained[choice] = explained.get(choice, 0.0) + gained
    best: dict[int, float] = {}
    for phrase, amount in covered.items():
        choice = menu.phrase_choice[phrase]
        others = explained.get(choice, 0.0) - (amount - negated.get(phrase, 0.0))
        partial = amount + OTHER_PHRASES * others
        score = 2.0 * partial * amount / (partial * menu.phrase_weight[phrase] + amount * total)
        best[choice] = max(best.get(choice, 0.0), score)
    ranked = sorted(sorted(best.items()), key=lambda item: item[1], reverse=True)
    return tuple((menu.names[choice], score) for choice, score in ranked)


def test_scoring_the_leaders_gives_every_choice_the_score_scoring_every_phrase_gives(
    uscis: CompiledFlow, corpus: list[Case]
) -> None:
    """`Model.scores` scores only each word's leaders (`understanding._leaders`) and the phrases two words said
    (negations too): every corpus utterance and training example, in every state and language it names, scores exactly
    as scoring every phrase scores it."""
    from ivr.core.concepts import reading

    said = [(case.state, case.language, case.text) for case in corpus] + [
        (state, language, text) for state, by_language in uscis.flow.examples.items()
        for language, pairs in by_language.items() for _, text in pairs]
    checked = 0
    for state, language, text in said:
        menu = uscis.states[state].understanding[language]
        unsaid = reading(text, language, menu.places)[1] if menu.bayes is not None else frozenset()
        assert menu.scores(text, unsaid)[0] == _scores_the_long_way(menu, text, unsaid), (state, language, text)
        checked += 1
    assert checked > 1000
    negations = [text for _, language, text in said if language == "en" and " not " in f" {text} "]
    assert len(negations) > 20  # the negations' branch is held too


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_pickled_examples_classifier_is_the_same_classifier(model: Callable[[str, str], Model],
                                                              language: str) -> None:
    """The flow cache keeps the main menu's examples' classifier in a flat form (`bayes._restore` reads it back
    with every (class, value) pair made at once): unpickled, it is the classifier it was, row for row."""
    import pickle

    bayes = model("main_menu", language).bayes
    assert bayes is not None
    again = pickle.loads(pickle.dumps(bayes, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == bayes and list(again.evidence.items()) == list(bayes.evidence.items())


def _ranked_the_long_way(labels: tuple[str, ...], totals: list[float]) -> tuple[tuple[str, float], ...]:
    """`bayes.ranked` as both classifiers wrote it with the builtins."""
    top = max(totals)
    shares = [math.exp(value - top) for value in totals]
    whole = sum(shares)
    return tuple(sorted(zip(labels, [share / whole for share in shares]), key=lambda pair: pair[1], reverse=True))


@given(st.lists(st.sampled_from([0.0, -1e-300, -0.5, -1.0, -700.0, -745.5]) | st.floats(-800.0, 50.0), min_size=1,
                max_size=16))
@settings(max_examples=500, deadline=None)
def test_the_classes_are_ranked_as_the_builtins_ranked_them(totals: list[float]) -> None:
    """`bayes.ranked` (the posterior of both classifiers) works out `max`, `sum`, `math.exp` and the stable sort by
    hand for the compiled code: the same probabilities to the last bit, in the same order, ties too."""
    labels = tuple(f"class {index}" for index in range(len(totals)))
    assert ranked(labels, totals) == _ranked_the_long_way(labels, totals)
