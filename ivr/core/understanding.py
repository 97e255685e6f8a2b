"""Understanding a caller's own words: a scored classifier over the flow's training phrases.

Compiled once per waiting state and language at start-up (`Model.build`), never
per request.  A model knows its choices (menu option keys and global intents)
and their example utterances; `Model.understand(text, confidence)` returns an
`Understanding`: the best choice with a score in [0, 1], the runners-up, and
what to do about it:

* `route` — the best choice scores at least `ROUTE_AT` and no other is close;
* `ask` — two choices both score at least `ASK_AT` and lie within `CLOSE`
  of each other: the engine asks which one the caller meant;
* `not_understood` — nothing scores well enough: say so and offer the menu.

The score is a weighted keyword model (TF-IDF-like).  Every word gets an
inverse-document-frequency weight over the state's choices, so "appointment"
(biometrics, field office, ICE) weighs less than "fingerprints" (biometrics
only).  A choice's score multiplies two coverages: how much of what the caller
said that choice's vocabulary explains (words outside every choice count
against it, so "what's the weather" is not routed), and how much of its best
phrase was said.  Words the recogniser split are joined when the join is a
known word ("bio metrics"); a word the model does not know is compared with
the vocabulary by `rapidfuzz` (edit-distance ratio) and, when close, counts at
a discount.  Twilio's `Confidence` scales the score: a shaky transcript is
asked about or offered the menu rather than routed.

Pure computation; no I/O.  Normalisation lives in `ivr.core.wording`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from rapidfuzz import fuzz, process

from ivr.core.wording import content, tokens

ROUTE_AT = 0.5
"""The best choice's score from which a caller is routed (when no other is close)."""
ASK_AT = 0.3
"""Two choices scoring at least this, and within `CLOSE`, make the engine ask."""
SURE_AT = 0.9
"""A global intent this sure interrupts a collect state even when its validator would accept the words."""
CLOSE = 0.15
"""How near the runner-up must be for the best choice to be in doubt."""
UNKNOWN_WEIGHT = 1.0
"""The weight of a word no choice knows: what the caller said that nothing explains."""
FUZZY_CUTOFF = 82.0
"""rapidfuzz ratio (0-100) from which an unknown word stands for a known one."""
FUZZY_DISCOUNT = 0.8
"""A word matched fuzzily counts this much of an exact one."""
ALTERNATIVES = 3

Outcome = Literal["route", "ask", "not_understood"]


@dataclass(frozen=True)
class Understanding:
    """What one utterance was understood as."""

    outcome: Outcome
    choice: str | None  # the routed choice (outcome "route"), else None
    score: float  # the best choice's score, 0..1
    alternatives: tuple[tuple[str, float], ...]  # (choice, score), best first, scores > 0
    words: tuple[str, ...] = ()  # the normalised words the score was computed on

    @property
    def asked(self) -> tuple[str, ...]:
        """The two choices the caller is asked between (outcome "ask")."""
        return tuple(choice for choice, _ in self.alternatives[:2]) if self.outcome == "ask" else ()

    def to_data(self) -> dict[str, object]:
        """A plain-data summary for transcripts and trainer displays."""
        data: dict[str, object] = {"outcome": self.outcome, "score": round(self.score, 2)}
        if self.choice is not None:
            data["choice"] = self.choice
        data["alternatives"] = [[choice, round(score, 2)] for choice, score in self.alternatives]
        return data


NOTHING = Understanding("not_understood", None, 0.0, ())


@dataclass(frozen=True)
class _Choice:
    name: str
    vocabulary: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Model:
    """A compiled classifier over the choices of one state in one language."""

    language: str
    choices: tuple[_Choice, ...]
    idf: dict[str, float]
    _vocabulary: tuple[str, ...] = field(repr=False)

    @classmethod
    def build(cls, choices: Iterable[tuple[str, Iterable[str]]], language: str) -> Model:
        """Compile `(choice, phrases)` pairs; a choice named twice pools its phrases."""
        pooled: dict[str, list[tuple[str, ...]]] = {}
        for name, phrases in choices:
            bucket = pooled.setdefault(name, [])
            for phrase in phrases:
                words = phrase_words(phrase, language)
                if words and words not in bucket:
                    bucket.append(words)
        compiled = tuple(
            _Choice(name, frozenset(w for phrase in phrases for w in phrase), tuple(phrases))
            for name, phrases in pooled.items()
            if phrases
        )
        frequency: dict[str, int] = {}
        for choice in compiled:
            for word in choice.vocabulary:
                frequency[word] = frequency.get(word, 0) + 1
        total = max(len(compiled), 1)
        idf = {word: math.log(1.0 + total / count) for word, count in frequency.items()}
        return cls(language, compiled, idf, tuple(sorted(idf)))

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(choice.name for choice in self.choices)

    def words_of(self, text: str) -> tuple[tuple[str, float], ...]:
        """The caller's words as the model sees them, each with how exactly it was known (1, or the discount)."""
        raw = list(content(text, self.language)) or list(tokens(text, self.language))
        joined: list[str] = []
        i = 0
        while i < len(raw):
            if i + 1 < len(raw):
                pair = raw[i] + raw[i + 1]
                if pair in self.idf and not (raw[i] in self.idf and raw[i + 1] in self.idf):
                    joined.append(pair)
                    i += 2
                    continue
            joined.append(raw[i])
            i += 1
        seen: dict[str, float] = {}
        for word in joined:
            exactness = 1.0
            if word not in self.idf and len(word) >= 4 and not word.isdigit() and self._vocabulary:
                found = process.extractOne(word, self._vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
                if found is not None:
                    word, exactness = found[0], FUZZY_DISCOUNT
            seen[word] = max(seen.get(word, 0.0), exactness)
        return tuple(seen.items())

    def scores(self, text: str) -> tuple[tuple[tuple[str, float], ...], tuple[str, ...]]:
        """Every choice's score for `text`, best first (ties keep the flow's order), and the words used."""
        said = self.words_of(text)
        if not said:
            return (), ()
        idf = self.idf
        total = sum(idf.get(word, UNKNOWN_WEIGHT) for word, _ in said)
        said_map = dict(said)
        results: list[tuple[str, float]] = []
        for choice in self.choices:
            explained = sum(idf[word] * exact for word, exact in said if word in choice.vocabulary)
            if explained == 0.0:
                continue
            best_phrase = 0.0
            for phrase in choice.phrases:
                weight = sum(idf[word] for word in phrase)
                covered = sum(idf[word] * said_map[word] for word in phrase if word in said_map)
                best_phrase = max(best_phrase, covered / weight)
            results.append((choice.name, (explained / total) * (0.35 + 0.65 * best_phrase)))
        results.sort(key=lambda item: -item[1])
        return tuple(results), tuple(word for word, _ in said)

    def understand(self, text: str, confidence: float | None = None, among: Sequence[str] = ()) -> Understanding:
        """Classify one utterance; `among` restricts the choices (the answer to a clarifying question)."""
        ranked, words = self.scores(text)
        if among:
            ranked = tuple(item for item in ranked if item[0] in among)
        if confidence is not None:
            factor = min(1.0, 0.7 + 0.4 * max(0.0, confidence))
            ranked = tuple((name, score * factor) for name, score in ranked)
        alternatives = ranked[:ALTERNATIVES]
        if not ranked:
            return Understanding("not_understood", None, 0.0, (), words)
        best, top = ranked[0]
        runner = ranked[1][1] if len(ranked) > 1 else 0.0
        if among:
            floor = ASK_AT if top > runner else 1.1
            outcome: Outcome = "route" if top >= floor else "not_understood"
        elif top < ASK_AT:
            outcome = "not_understood"
        elif runner >= ASK_AT and top - runner < CLOSE:
            outcome = "ask"
        elif top >= ROUTE_AT:
            outcome = "route"
        else:
            outcome = "not_understood"
        return Understanding(outcome, best if outcome == "route" else None, top, alternatives, words)


def phrase_words(phrase: str, language: str) -> tuple[str, ...]:
    """A training phrase's words, as the model compares them (stop words kept only if nothing else is left)."""
    words = content(phrase, language) or tokens(phrase, language)
    return tuple(dict.fromkeys(words))
