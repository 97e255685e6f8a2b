"""A naive Bayes classifier over normalised words and word pairs, learnt from labelled example utterances.

The keyword model (`ivr.core.understanding`) is reliable when a caller names a topic
("my biometrics appointment") and weak when they describe a situation ("they said my
prints came out unreadable and I have to go back").  Flows can carry such situations as
training examples (`examples:` in the flow, `ivr.definitions.examples`); this module
learns from them, once, at start-up: a multinomial naive Bayes over the examples' and
the phrases' words (Laplace smoothing `ALPHA`, uniform priors), with `NONE` as a class of
its own for what the line does not handle ("I need to pay my electric bill").  Its features
are the words and each pair of neighbouring words (`features`): "car broke" is not "broke
down" plus "car", and "no card" after an approval is not "card" alone.

Learning is counting (a few milliseconds for a thousand examples), so the tables are
built with the model, never per request; `posterior` adds one log-probability per known
word and class.  Words it never saw carry no evidence (the keyword model counts them
against every choice instead).  Pure computation; no I/O.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

ALPHA = 0.3
"""Laplace smoothing: the count every class is credited with for every word of the vocabulary."""
NONE = "none"
"""The class of out-of-scope utterances: examples labelled `none` teach what the line does not handle."""


def features(words: Sequence[str]) -> list[str]:
    """The words and each pair of neighbouring words ("never came", "mail box"), as the classifier counts them."""
    return [*words, *(f"{a} {b}" for a, b in zip(words, words[1:]))]


@dataclass(frozen=True)
class Bayes:
    """Per-word log-probabilities for each class; `posterior` turns the words said into class probabilities."""

    labels: tuple[str, ...]
    log_probability: dict[str, tuple[float, ...]] = field(repr=False)  # word -> log P(word | class), per label
    unseen: tuple[float, ...] = field(repr=False)  # log P(a known word | class) for a class that never had it

    @classmethod
    def learn(cls, examples: Iterable[tuple[str, Sequence[str]]], alpha: float = ALPHA) -> Bayes | None:
        """Learn from `(label, words)` pairs (each feature counted once an example); None without two labels."""
        counts: dict[str, dict[str, int]] = {}
        for label, words in examples:
            bucket = counts.setdefault(label, {})
            for word in set(features(words)):
                bucket[word] = bucket.get(word, 0) + 1
        counts = {label: bucket for label, bucket in counts.items() if bucket}
        if len(counts) < 2:
            return None
        labels = tuple(counts)
        vocabulary = sorted({word for bucket in counts.values() for word in bucket})
        size = len(vocabulary)
        denominators = [sum(counts[label].values()) + alpha * size for label in labels]
        log_probability = {
            word: tuple(math.log((counts[label].get(word, 0) + alpha) / d) for label, d in zip(labels, denominators))
            for word in vocabulary
        }
        return cls(labels, log_probability, tuple(math.log(alpha / d) for d in denominators))

    def known(self, word: str) -> bool:
        return word in self.log_probability

    def posterior(self, words: Sequence[str]) -> tuple[tuple[str, float], ...]:
        """P(class | words and their neighbouring pairs) for every class, best first; empty when none is known."""
        table = self.log_probability
        rows = [row for row in map(table.get, features(words)) if row is not None]
        if not rows:
            return ()
        totals = [sum(column) for column in zip(*rows)]
        top = max(totals)
        shares = [math.exp(value - top) for value in totals]
        whole = sum(shares)
        return tuple(sorted(zip(self.labels, [share / whole for share in shares]), key=_probability, reverse=True))


def _probability(item: tuple[str, float]) -> float:
    return item[1]
