"""The nearest labelled examples of what a caller said: sentences compared by weighted overlap, learnt once.

The naive Bayes (`ivr.core.bayes`) counts words one at a time against each class; a caller's story is often closer to
one example told the same way than to any class's word counts.  This module compares sentences: each labelled
example and the caller's words are two tf-idf vectors, one over the words' stems ("fingerprints", "fingerprint" ->
"fingerprint") and one over the character trigrams of the words run together, which a recogniser's split or slip
leaves mostly intact ("bio metrics" and "biometrics" share "iom", "ome", "met", ...); the similarity of two sentences
is the mean of the two cosines (`WORD_WEIGHT`, `CHARACTER_WEIGHT`).  `Neighbours.vote` ranks the labels of the `k`
most similar examples by their summed similarity, as shares of the vote.

Learning is counting document frequencies (a few milliseconds for a thousand examples), so the index is built with the
model, never per request; a sentence costs the examples that share a feature with it.  Pure computation; no I/O.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ivr.core.wording import stem

GRAM = 3
"""The length of the character n-grams (of the words run together, spaces dropped)."""
WORD_WEIGHT = 0.5
"""The share of the word stems' cosine in two sentences' similarity."""
CHARACTER_WEIGHT = 0.5
"""The share of the character n-grams' cosine."""

_WORD, _CHARACTER = "w", "c"
"""What a feature is, as the first letter of its key: a word stem or a character n-gram."""


def features(words: Sequence[str], language: str) -> tuple[frozenset[str], frozenset[str]]:
    """The word stems and the character n-grams of `words` (normalised content words), each set marked by its kind."""
    stems = frozenset(_WORD + stem(word, language) for word in words)
    run = "".join(words)
    grams = frozenset(_CHARACTER + run[at:at + GRAM] for at in range(len(run) - GRAM + 1))
    return stems, grams


@dataclass(frozen=True)
class Neighbours:
    """The labelled examples of one language, indexed for cosine similarity by tf-idf (`vote`)."""

    labels: tuple[str, ...]  # each example's label, by index
    language: str
    # feature -> its inverse document frequency; feature -> ((example index, idf^2 / the example's norm of its kind))
    idf: dict[str, float] = field(repr=False)
    postings: dict[str, tuple[tuple[int, float], ...]] = field(repr=False)

    @classmethod
    def learn(cls, examples: Iterable[tuple[str, Sequence[str]]], language: str) -> Neighbours | None:
        """Index `(label, words)` pairs (words normalised, stop words out); None without two labels."""
        labels: list[str] = []
        kinds: list[tuple[frozenset[str], frozenset[str]]] = []
        for label, words in examples:
            if words:
                labels.append(label)
                kinds.append(features(words, language))
        if len(set(labels)) < 2:
            return None
        frequency: dict[str, int] = {}
        for stems, grams in kinds:
            for feature in (*stems, *grams):
                frequency[feature] = frequency.get(feature, 0) + 1
        size = len(labels)
        idf = {feature: math.log((size + 1) / (count + 1)) + 1.0 for feature, count in frequency.items()}
        postings: dict[str, list[tuple[int, float]]] = {}
        for index, kind in enumerate(kinds):
            for part in kind:
                if not part:
                    continue
                norm = math.sqrt(sum(idf[feature] ** 2 for feature in part))
                for feature in part:
                    postings.setdefault(feature, []).append((index, idf[feature] ** 2 / norm))
        return cls(tuple(labels), language, idf, {feature: tuple(row) for feature, row in postings.items()})

    def similar(self, words: Sequence[str], k: int) -> list[tuple[float, int]]:
        """The `k` examples most similar to `words` (the mean of the stems' and the n-grams' cosines), most similar
        first, as (similarity, example index); examples sharing no feature are left out."""
        idf, postings = self.idf, self.postings
        totals = [0.0] * len(self.labels)
        for part, weight in zip(features(words, self.language), (WORD_WEIGHT, CHARACTER_WEIGHT)):
            known = [feature for feature in part if feature in idf]
            if not known:
                continue
            scale = weight / math.sqrt(sum(idf[feature] ** 2 for feature in known))
            for feature in known:
                for index, value in postings[feature]:
                    totals[index] += value * scale
        return [pair for pair in heapq.nlargest(k, zip(totals, range(len(totals)))) if pair[0] > 0.0]

    def vote(self, words: Sequence[str], k: int) -> tuple[tuple[str, float], ...]:
        """The labels of the `k` nearest examples with their share of the vote (each example votes its similarity),
        best first; empty when no example shares a feature."""
        nearest = self.similar(words, k)
        whole = sum(similarity for similarity, _ in nearest)
        if not whole:
            return ()
        votes: dict[str, float] = {}
        for similarity, index in nearest:
            label = self.labels[index]
            votes[label] = votes.get(label, 0.0) + similarity / whole
        return tuple(sorted(votes.items(), key=lambda pair: pair[1], reverse=True))
