"""Matching what a caller said to what a menu offers.

Speech recognisers return free text ("uh, I want to check my case status
please").  A menu option matches when all the words of one of its phrases
(or its topic) appear in the utterance; the option whose matching phrase has
the most words wins, so "case status" beats "status".  Accents, case and
punctuation are ignored, so "Español", "espanol" and "ESPAÑOL." agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

_WORD = re.compile(r"[a-z0-9]+")


def normalize(text: str) -> str:
    """Lower-case, accent-free, punctuation-free words separated by single spaces."""
    folded = text.casefold()
    if folded.isascii():  # nothing to decompose: what most recognisers return, in English and often in Spanish
        return " ".join(_WORD.findall(folded))
    decomposed = unicodedata.normalize("NFKD", folded)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(plain))


def words(text: str) -> tuple[str, ...]:
    return tuple(normalize(text).split())


@dataclass(frozen=True)
class PhraseIndex:
    """Phrases of several choices, precomputed for fast matching at request time."""

    entries: tuple[tuple[tuple[str, ...], str], ...]  # (phrase words, choice)

    @classmethod
    def build(cls, choices: Iterable[tuple[str, Iterable[str]]]) -> PhraseIndex:
        entries: list[tuple[tuple[str, ...], str]] = []
        for choice, phrases in choices:
            for phrase in phrases:
                tokens = words(phrase)
                if tokens:
                    entries.append((tokens, choice))
        return cls(tuple(entries))

    def match(self, utterance: str) -> str | None:
        """The choice whose phrase best matches the utterance, or None."""
        said = words(utterance)
        if not said:
            return None
        said_set = set(said)
        joined = " " + " ".join(said) + " "
        best: tuple[int, int, str] | None = None
        for tokens, choice in self.entries:
            if not said_set.issuperset(tokens):
                continue
            contiguous = 1 if (" " + " ".join(tokens) + " ") in joined else 0
            score = (len(tokens), contiguous, choice)
            if best is None or score[:2] > best[:2]:
                best = score
        return best[2] if best else None
