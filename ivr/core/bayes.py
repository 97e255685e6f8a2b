"""A naive Bayes classifier over normalised words and word pairs, learnt from labelled example utterances.

The keyword model (`ivr.core.understanding`) is reliable when a caller names a topic
("my biometrics appointment") and weak when they describe a situation ("they said my
prints came out unreadable and I have to go back").  Flows can carry such situations as
training examples (`examples:` in the flow, `ivr.definitions.examples`); this module
learns from them, once, at start-up: a multinomial naive Bayes over the examples' and
the phrases' words (Laplace smoothing `ALPHA`, uniform priors), with `NONE` as a class of
its own for what the line does not handle ("I need to pay my electric bill").  Its features
are the words, each pair of words said next to each other or one word apart (`features`):
"car broke" is not "broke down" plus "car", and "no card" after an approval is not "card"
alone; and the domain concepts the words name (`ivr.core.concepts`: "#decided").  A concept
nearly always said for one class (`DECISIVE_SHARE`) is decisive and counts twice, so the generic
words around it do not outvote it.

Learning is counting (a few milliseconds for a thousand examples), so the tables are
built with the model, never per request; `posterior` adds, per known feature, what it
adds for the classes that had it.  Words it never saw carry no evidence (the keyword model counts them
against every choice instead).  Pure computation; no I/O.
"""

from __future__ import annotations

import math
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

ALPHA = 0.3
"""Laplace smoothing: the count every class is credited with for every word of the vocabulary."""
NONE = "none"
"""The class of out-of-scope utterances: examples labelled `none` teach what the line does not handle."""


CONCEPT = "#"
"""How a concept feature starts (`ivr.core.concepts`): counted like a word, never paired with its neighbour."""
DECISIVE_SHARE = 0.9
"""A concept whose examples are at least this share one class's is decisive ("#accommodation": a service request)."""
DECISIVE_MIN = 3
"""... counted over at least this many examples."""
DECISIVE_WEIGHT = 2.0
"""A decisive concept counts this many times, so the generic words around it ("at my interview", "the field
office") do not outvote it.  Measured by 5-fold cross-validation: en +6, es 0 right; 1.5 and 2.5 gain less."""

STARTS = 64
"""The counts of features whose starting totals a classifier keeps (`Bayes.starts`): a sentence's classes' starting
totals are then one copy, not a multiplication per class.  Bounded: a sentence of more features works them out."""



def features(words: Sequence[str]) -> list[str]:
    """The words and each pair of words said next to each other or one word apart, as the classifier counts them.

    "never came", "mail box"; "card never came" gives "card came" too, so "my card never came" and
    "my card came" share a pair.  Concepts (`#decided`) count alone: they come after the words, unpaired.
    """
    plain = [word for word in words if word[0] != CONCEPT]
    return [*words, *[f"{first} {second}" for first, second in zip(plain, plain[1:])],  # two words as one ("never came")
            *[f"{first} {second}" for first, second in zip(plain, plain[2:])]]


def ranked(labels: tuple[str, ...], totals: list[float]) -> tuple[tuple[str, float], ...]:
    """The classes with their probabilities from their log-probabilities `totals` (up to a constant), best first, ties
    in the classes' order (as a stable sort, reversed, orders them).

    Written for the compiled code, which does it natively where the builtins were generic calls (`max`, `sum`, a bound
    `exp`, `sorted` with a key), to the same bits: `sum` adds floats in order, from 0; a class goes in after those at
    least as likely (a dozen classes: an insertion costs less than a sort's calls)."""
    top = totals[0]
    for value in totals:
        if value > top:
            top = value
    shares: list[float] = []
    whole = 0.0
    for value in totals:
        share = math.exp(value - top)
        shares.append(share)
        whole += share
    order: list[tuple[str, float]] = []
    for label, share in zip(labels, shares):
        probability = share / whole
        at = len(order)
        while at and order[at - 1][1] < probability:
            at -= 1
        order.insert(at, (label, probability))
    return tuple(order)


def sparse_rows(
    labels: tuple[str, ...], counts: dict[str, dict[str, int]], alpha: float
) -> tuple[dict[str, list[tuple[int, float]]], tuple[float, ...]]:
    """A multinomial naive Bayes learnt from each class's feature counts, stored sparsely (`Bayes`, `settled.Settled`):
    each feature's (class index, log((count + alpha) / alpha)) for the classes that had it, and each class's
    log P(unseen feature)."""
    rows: dict[str, list[tuple[int, float]]] = {}
    added: dict[int, float] = {}  # count -> log((count + alpha) / alpha)
    for index, label in enumerate(labels):
        for feature, count in counts[label].items():
            if count not in added:
                added[count] = math.log((count + alpha) / alpha)
            rows.setdefault(feature, []).append((index, added[count]))
    size = len(rows)
    unseen = tuple(math.log(alpha / (sum(counts[label].values()) + alpha * size)) for label in labels)
    return rows, unseen


@dataclass(frozen=True)
class Bayes:
    """What each feature adds to each class's log-probability; `posterior` turns the words said into class probabilities.

    Stored sparsely: a feature's row holds only the classes that had it, as
    log P(feature | class) - log P(unseen feature | class) = log((count + alpha) / alpha),
    which does not depend on the class's size; `unseen` is log P(unseen feature | class).
    Learning is then counting (no logarithm per feature and class), and a known feature
    costs the classes that had it.
    """

    labels: tuple[str, ...]
    evidence: dict[str, tuple[tuple[int, float], ...]] = field(repr=False)  # feature -> (class index, added log-probability)
    unseen: tuple[float, ...] = field(repr=False)  # log P(a known feature | class) for a class that never had it
    decisive: frozenset[str] = frozenset()  # the concepts nearly always said for one class (`DECISIVE_SHARE`)
    # Each class's starting total for `count` features said, count * unseen, kept for the first `STARTS` counts as
    # they are first needed (`posterior`): derived, never pickled.
    starts: list[tuple[float, ...] | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "starts", [None] * STARTS)

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
        rows, unseen = sparse_rows(labels, counts, alpha)
        decisive = frozenset(feature for feature in rows if feature[0] == CONCEPT and _decisive(
            [counts[label].get(feature, 0) for label in labels]))
        return cls(labels, {word: tuple(row) for word, row in rows.items()}, unseen, decisive)

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled as a few flat strings and arrays (the flow cache keeps the compiled models): unpickling
        thousands of small row tuples one object at a time took ~10 ms per model of every start."""
        if len(self.labels) > 255 or any(_SEPARATOR in feature for feature in self.evidence):
            return (Bayes, (self.labels, self.evidence, self.unseen, self.decisive))
        values: dict[float, int] = {}
        lengths, classes, picks = bytearray(), bytearray(), array("I")
        for row in self.evidence.values():
            lengths.append(len(row))
            for index, value in row:
                classes.append(index)
                picks.append(values.setdefault(value, len(values)))
        return (_restore, (self.labels, _SEPARATOR.join(self.evidence), bytes(lengths), bytes(classes), picks.tobytes(),
                           tuple(values), self.unseen, tuple(sorted(self.decisive))))

    def known(self, word: str) -> bool:
        return word in self.evidence

    def posterior(self, words: Sequence[str]) -> tuple[tuple[str, float], ...]:
        """P(class | words and their neighbouring pairs) for every class, best first; empty when none is known."""
        table = self.evidence
        rows = [row for feature in features(words) if (row := table.get(feature))]  # a known row is never empty
        if not rows:
            return ()
        decisive = self.decisive
        if decisive and not decisive.isdisjoint(words):  # a decisive concept counts `DECISIVE_WEIGHT` times
            rows += [table[word] for word in words if word in decisive] * int(DECISIVE_WEIGHT - 1)
        count = len(rows)
        start = self.starts[count] if count < STARTS else None
        if start is None:
            start = tuple([count * value for value in self.unseen])
            if count < STARTS:
                self.starts[count] = start
        totals = list(start)
        for row in rows:
            for index, value in row:
                totals[index] = totals[index] + value  # natively: `+=` on a list's float is a generic call
        return ranked(self.labels, totals)


_SEPARATOR = "\x1f"
"""Between the features of a pickled model (normalised words never hold it)."""


def _decisive(counts: list[int]) -> bool:
    """Whether a concept said this many times per class is nearly always said for one (`DECISIVE_SHARE`)."""
    total = sum(counts)
    return total >= DECISIVE_MIN and max(counts) >= DECISIVE_SHARE * total


def _restore(labels: tuple[str, ...], features: str, lengths: bytes, classes: bytes, picks: bytes,
             values: tuple[float, ...], unseen: tuple[float, ...], decisive: tuple[str, ...] = ()) -> Bayes:
    """A model from `Bayes.__reduce__`'s flat form: each feature's row is its run of class indices and values."""
    chosen = array("I")
    chosen.frombytes(picks)
    entries = list(zip(classes, map(values.__getitem__, chosen)))  # every (class, value) at once, in C
    evidence: dict[str, tuple[tuple[int, float], ...]] = {}
    start = 0
    for feature, length in zip(features.split(_SEPARATOR) if lengths else (), lengths):
        end = start + length
        evidence[feature] = tuple(entries[start:end])
        start = end
    return Bayes(labels, evidence, unseen, frozenset(decisive))

