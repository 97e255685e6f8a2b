"""The classifiers' kept starting totals (`bayes.Bayes.starts`, `settled.Settled.starts`) are the totals they stand
for: keeping them is a saving of work (issue 16: "the matcher adds ≤ 50 µs to a step"), never a change of outcome."""

from __future__ import annotations

import pickle
from collections.abc import Callable

import pytest

from ivr.core.understanding import Model

SENTENCES = (
    "um my finger prints appointment",
    "the machine could not read my fingers so they want me back",
    "I need to reschedule my ICE appointment please because I am traveling next week",
)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_settled_classifiers_kept_start_is_its_prior_plus_known_times_unseen(
        model: Callable[[str, str], Model], language: str) -> None:
    settled = model("main_menu", language).settled
    assert settled is not None
    for text in SENTENCES:
        settled.posterior(text)
    kept = [(known, start) for known, start in enumerate(settled.starts) if start is not None]
    assert kept
    for known, start in kept:
        assert start == tuple(prior + known * unseen for prior, unseen in zip(settled.prior, settled.unseen))


@pytest.mark.parametrize("language", ["en", "es"])
def test_an_examples_classifiers_kept_start_is_its_count_times_unseen(
        model: Callable[[str, str], Model], language: str) -> None:
    bayes = model("main_menu", language).bayes
    assert bayes is not None
    for text in SENTENCES:
        bayes.posterior(tuple(text.lower().split()))
    kept = [(count, start) for count, start in enumerate(bayes.starts) if start is not None]
    assert kept
    for count, start in kept:
        assert start == tuple(count * unseen for unseen in bayes.unseen)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_classifier_with_its_starts_kept_ranks_as_a_fresh_one(model: Callable[[str, str], Model],
                                                               language: str) -> None:
    """A fresh classifier (unpickled: no start kept, nothing pickled of them) gives the same posteriors as one that
    kept its starts from earlier sentences."""
    menu = model("main_menu", language)
    assert menu.bayes is not None and menu.settled is not None
    for text in SENTENCES:  # fill the starts
        menu.bayes.posterior(tuple(word for word, _ in menu.words_of(text)))
        menu.settled.posterior(text)
    fresh_bayes = pickle.loads(pickle.dumps(menu.bayes))
    fresh_settled = pickle.loads(pickle.dumps(menu.settled))
    assert all(start is None for start in (*fresh_bayes.starts, *fresh_settled.starts))
    for text in SENTENCES:
        words = tuple(word for word, _ in menu.words_of(text))
        assert fresh_bayes.posterior(words) == menu.bayes.posterior(words)
        assert fresh_settled.posterior(text) == menu.settled.posterior(text)
