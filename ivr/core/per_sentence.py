"""The understanding's caches kept per sentence, in one register: `forget` empties them all.

A replay or a corpus says one sentence many times, and within one step two models may read the same words (a
submenu and the main menu it checks against), so what is read of a sentence (its words, its concepts, whether it asks
for a global or another agency) is kept, bounded, per sentence.  A caller's sentence is new: `ivr bench` times the
understanding on a sentence never heard before by forgetting every one of them first (`ivr.trainers.understand.as_new`).
A cache keyed by a sentence must therefore be made here (`per_sentence`), never with `functools.lru_cache` itself;
`tests/ops/test_understanding_bench.py` holds every cache of `ivr.core` to it.  Caches keyed by a word, a phrase of a
flow or a model stay where they are: callers' words recur, and phrases are read once, at start-up.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

MOST = 4096
"""How many sentences a cache keeps unless told (the least recently read go first)."""

_CACHES: list[functools._lru_cache_wrapper[object]] = []
_OTHERS: list[Callable[[], None]] = []


def per_sentence(most: int = MOST) -> Callable[[Callable[..., T]], functools._lru_cache_wrapper[T]]:
    """A decorator: the function (whose first argument is a sentence) cached per sentence, `most` of them, in the
    register."""

    def cache(func: Callable[..., T]) -> functools._lru_cache_wrapper[T]:
        cached = functools.lru_cache(maxsize=most)(func)
        _CACHES.append(cached)
        return cached

    return cache


def also(forget_it: Callable[[], None]) -> None:
    """Register a sentence kept some other way (`ivr.core.prefilter`'s last sentence read): `forget` calls
    `forget_it`."""
    _OTHERS.append(forget_it)


def caches() -> tuple[functools._lru_cache_wrapper[object], ...]:
    """Every cache in the register (for the test that holds `ivr.core`'s caches to it)."""
    return tuple(_CACHES)


def forget() -> None:
    """Empty every cache kept per sentence: what is read next is read as from a sentence never heard before."""
    for cache in _CACHES:
        cache.cache_clear()
    for forget_it in _OTHERS:
        forget_it()
