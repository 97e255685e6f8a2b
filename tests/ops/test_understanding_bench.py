"""The understanding bench times a caller's sentence as a new one (issue 16: "The matcher adds ≤ 50 µs to a step
(measured)"): what the matcher keeps per sentence, for replays and corpora that say one sentence many times, must
not answer the calls it times, or repeating one sentence would flatter it."""

from __future__ import annotations

from ivr.core.concepts import about_ours, reading
from ivr.core.understanding import heard
from ivr.core.wording import marked
from ivr.trainers.understand import as_new

SENTENCE = "the machine could not read my fingers so they want me back"


def _read_it() -> None:
    marked(SENTENCE, "en")
    reading(SENTENCE, "en")
    about_ours(SENTENCE, "en")
    heard(SENTENCE, "en")


def test_a_sentence_timed_twice_is_read_afresh_each_time() -> None:
    """The second timed call of one sentence finds none of the per-sentence caches holding it."""
    timed = as_new(_read_it)
    timed()
    timed()
    assert [cache.cache_info().hits for cache in (marked, reading, about_ours, heard)] == [0, 0, 0, 0]


def test_untimed_repeats_still_use_the_caches() -> None:
    """Outside the bench the caches work as before: a sentence said again is read from them."""
    marked.cache_clear()
    _read_it()
    _read_it()
    assert marked.cache_info().hits >= 1
