"""The understanding bench times a caller's sentence as a new one (issue 16: "The matcher adds ≤ 50 µs to a step
(measured)"): what the matcher keeps per sentence, for replays and corpora that say one sentence many times, must
not answer the calls it times, or repeating one sentence would flatter it."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import ivr.core
from ivr.core import per_sentence
from ivr.core.appointment_moves import moved
from ivr.core.concepts import about_ours, reading
from ivr.core.menu_globals import global_asked
from ivr.core.not_ours import language_line
from ivr.core.understanding import heard
from ivr.core.wording import marked
from ivr.trainers.understand import as_new

SENTENCE = "the machine could not read my fingers so they want me back"
READ = (marked, reading, about_ours, heard, global_asked, language_line, moved)


def _read_it() -> None:
    for read in READ:
        read(SENTENCE, "en")


def test_a_sentence_timed_twice_is_read_afresh_each_time() -> None:
    """The second timed call of one sentence finds none of the per-sentence caches holding it: the words, the
    concepts, and the globals and other agencies asked for (session 25: the last were kept, and a submenu's step
    timed at 68 µs cost 107 µs on a sentence never heard before)."""
    timed = as_new(_read_it)
    timed()
    timed()
    assert [cache.cache_info().hits for cache in READ] == [0] * len(READ)


def test_untimed_repeats_still_use_the_caches() -> None:
    """Outside the bench the caches work as before: a sentence said again is read from them."""
    per_sentence.forget()
    _read_it()
    _read_it()
    assert all(cache.cache_info().hits >= 1 for cache in READ)


@pytest.mark.pure_python  # the parameters' names are read from the functions' code
def test_every_cache_of_a_sentence_is_in_the_register() -> None:
    """Every cache in `ivr.core` whose function takes a sentence (`text`) first is made by `per_sentence`, so the bench
    forgets it: a new rule cached with `functools.lru_cache` itself would be timed warm."""
    registered = {id(cache) for cache in per_sentence.caches()}
    unregistered = []
    for module in pkgutil.iter_modules(ivr.core.__path__, "ivr.core."):
        loaded = importlib.import_module(module.name)
        for name, value in vars(loaded).items():
            wrapped = getattr(value, "__wrapped__", None)
            if not hasattr(value, "cache_clear") or wrapped is None or value.__module__ != loaded.__name__:
                continue
            first = next(iter(inspect.signature(wrapped).parameters), None)
            if first == "text" and id(value) not in registered:
                unregistered.append(f"{loaded.__name__}.{name}")
    assert unregistered == []
