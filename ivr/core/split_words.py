"""A global's word the recogniser split in two, joined again: "super visor" is "supervisor", "repre sentative"
"representative", "oper ator" "operator", "main men you" "main menu" (the s10 round: "i need a super visor please"
went to the hours by "an hour", the supervisor unread), and "re ceipt" "receipt" (the submenus' round 13: "i cant find
my re ceipt number" was no receipt number gone), and "a credited" "accredited" (round 15: "as her a credited rep" was
a credit, another business's word, at `verify.no_receipt`), and "june teenth" "juneteenth" (round 16: "are your
agents working on june teenth" was a representative asked, the holiday unread), and a city the line abroad reads,
"addis a baba" "addis ababa" (round 16).

Read on the text as said, once per utterance, in the submenus of a line and wherever the receipt-number global is
offered (`understanding.Model._understand`: the main menu's model offers it too, so every main-menu sentence is read
here; the golden outcomes hold that none moved).  Only the globals' words are joined: they are few, and no pair of
their halves is a sentence's own two words ("super" and "visor" are not said apart).  A sentence none of the patterns
finds, nearly every one, costs one search (`_any`).
"""

from __future__ import annotations

import functools
import re
from typing import Final

from ivr.core.prefilter import Prefiltered, prefiltered

_PREFIXES: Final = tuple((r"[ -]".join(prefix) + r"\b", prefix)
                         for prefix in ("eac", "wac", "lin", "src", "nbc", "msc", "ioe", "ysc"))
"""A receipt number's three letters spelled out ("e a c", "i o e"), joined into the prefix they are (round 11: "the
one that starts with e a c" was the A-number, "the one that starts with a", at `verify.no_receipt`)."""

_SPLIT: Final = {
    "en": (
        (r"super[ -]visors?\b", "supervisor"),
        (r"super[ -]vis(?:er|or)", "supervisor"),
        (r"repre[ -]?sent[ -]?(?:a[ -]?)?tives?\b", "representative"),
        (r"rep[ -]re[ -]?sent[ -]?a?[ -]?tives?\b", "representative"),
        (r"(?:oper|opper|opa)[ -]ators?\b", "operator"),
        (r"opera[ -]tors?\b", "operator"),
        (r"main[ -]men[ -]?(?:you|yu|u)\b", "main menu"),
        (r"main[ -]me[ -]nu\b", "main menu"),
        (r"hu[ -]man\b", "human"),
        (r"re[ -]ceipt\b", "receipt"),
        (r"re[ -]ceipts\b", "receipts"),
        (r"a[ -]credited\b", "accredited"),
        (r"june[ -]teenth\b", "juneteenth"),
        (r"addis[ -]a[ -]baba\b", "addis ababa"),
        *_PREFIXES,
    ),
    "es": (
        (r"super[ -]visor(?:a|es)?\b", "supervisor"),
        (r"repre[ -]?sen[ -]?tantes?\b", "representante"),
        (r"opera[ -]dora?s?\b", "operador"),
        (r"menu[ -]prin[ -]cipal\b|menú[ -]prin[ -]cipal\b", "menú principal"),
        (r"prin[ -]cipal\b", "principal"),
        *_PREFIXES,
    ),
}
"""A split word's halves, as the recogniser gives them (a space or a hyphen between), and the word they make.
Each pattern needs a space or hyphen inside it, so a word said whole is left as it is."""


@functools.cache
def _patterns(language: str) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(r"\b" + pattern, re.IGNORECASE), word)
                 for pattern, word in _SPLIT.get(language, _SPLIT["en"]))


def _any(language: str) -> tuple[re.Pattern[str], Prefiltered]:
    """Every pattern of `_patterns` as one alternation (each whole, with its own `\\b`): a text none of them finds
    (most) is read in one search, not one search a pattern (the u19 round: 17 searches were some 20 µs of a long
    sentence's understanding).  Case-blind, and case-sensitive for ASCII text lower-cased, where it finds the same
    (the patterns are lower case, and only non-ASCII letters fold to an ASCII one: "ſ", "K"): three times faster; and
    behind its gate (`ivr.core.prefilter`), so that a sentence without a split word's halves is not searched at all.
    Kept in a plain dict a language: compiled, reading it is a native call and a look-up, where `functools.cache`'s
    wrapper made a generic call."""
    made = _ANY.get(language)
    if made is None:
        alternation = "|".join(r"\b(?:" + pattern + ")" for pattern, _ in _SPLIT.get(language, _SPLIT["en"]))
        made = _ANY[language] = (re.compile(alternation, re.IGNORECASE), prefiltered(alternation))
    return made


_ANY: Final[dict[str, tuple[re.Pattern[str], Prefiltered]]] = {}


def _found(text: str, language: str) -> bool:
    """Whether a pattern of `_patterns` finds something in `text` (`_any`)."""
    blind, lower = _any(language)
    return (lower.search(text.lower()) if text.isascii() else blind.search(text)) is not None


def joined(text: str, language: str) -> str:
    """`text` with a global's word the recogniser split joined again ("i need a super visor please" → "i need a
    supervisor please"); `text` itself when nothing was split."""
    if " " not in text and "-" not in text or not _found(text, language):
        return text
    for pattern, word in _patterns(language):
        if pattern.search(text):
            text = pattern.sub(word, text)
    return text
