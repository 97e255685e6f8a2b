"""A Tier 1 script's own unmistakable words: the table, its check at load, and the reading it gives (issue 16, round 7).

Owns `OWN_WORDS`: per script id and language, the words (or short phrases) only that script's business uses —
"fax", an adoption or the Hague, the military, premium processing, ICE, the immigration court.  When the scripts'
model reads nothing, one such word is said, no other script's own word is, and nothing marks another business
(`ivr.definitions.script_reading.elsewhere`, `another_agencys`), the script is read even at a low score ("is there a
cover page for a fax": fax, 0.30 by the model), provided the model ranks it among its first three (`own_word_read`).
A word two scripts share (biometrics: rescheduling and what to bring) is nobody's own, so the table refuses it at
load (`problems`).  Words are compared as `ivr.core.wording.tokens` leaves them (stemmed, folded).  Data, not code;
pure computation; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from functools import cache
from types import MappingProxyType

from ivr.core.wording import tokens

__all__ = ["OWN_WORDS", "TOP", "own_word_read", "problems"]

OWN_WORDS: Mapping[str, Mapping[str, tuple[str, ...]]] = MappingProxyType({
    "fax": {"en": ("fax", "faxes", "faxing", "facsimile"), "es": ("fax", "facsimil")},
    "hague-adoptions": {
        "en": ("adoption", "adopt", "adopted", "adopting", "hague", "orphan"),
        "es": ("adopcion", "adoptar", "adoptado", "adoptada", "adoptamos", "huerfano", "huerfana"),
    },
    "military-help-line": {
        "en": ("military", "army", "navy", "soldier", "air force", "marine corps", "armed forces", "deployed",
               "service member", "service members", "servicemember", "servicemembers", "active duty", "national guard"),
        "es": ("militar", "militares", "ejercito", "soldado", "fuerza aerea", "fuerzas armadas", "guardia nacional",
               "servicio activo"),
    },
    "premium-processing": {"en": ("premium",), "es": ("premium",)},
    "ice-checkin": {"en": ("ice",), "es": ("ice",)},
    "immigration-court": {
        "en": ("immigration court", "immigration judge", "removal proceedings", "court hearing"),
        "es": ("corte de inmigracion", "juez de inmigracion", "tribunal de inmigracion", "audiencia en la corte"),
    },
})
"""Script id -> language -> its own words: said alone among the table's, they decide the script (`own_word_read`).
A service member, active duty or the national guard is the military's as the army is ("i got wounded in afghanistan
... is there somebody for service members who can help": before the caller read abroad; issue 16 round 23)."""

_DECLINED = {
    "en": re.compile(r"\b(?:no|not|without|never|didn t (?:pay for|pay|use|do|ask for|request|get)|did not (?:pay for|pay|"
                     r"use|do|ask for|request|get)) (?:the |any |a )?premium\b(?: processing)?"),
    "es": re.compile(r"\b(?:sin|no|nunca|no (?:pague|pagamos|pago|pedi|pedimos|pidio)) (?:el |la |ningun )?premium\b"
                     r"(?: processing)?"),
}
"""Premium processing said as not taken ("filed the regular way in february, no premium or anything, how many months
do those take", "sin premium"): no premium processing asked; the word decides nothing (round 24)."""
_DECLINED_WORD = "premium"
"""The substring `_DECLINED` needs, as a test first: most questions name no premium."""

TOP = 3
"""The own word's script must be among the scripts' model's first this many: a word said in passing under another
question the model ranks far above it decides nothing."""


@cache
def _compiled(language: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(script id, the own word as tokens) for every entry of `language`, compiled once."""
    return tuple(
        (script_id, tokens(word, language, places=False))
        for script_id, words in OWN_WORDS.items() for word in words.get(language, ())
    )


def _said(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return size > 0 and any(words[at:at + size] == phrase for at in range(len(words) - size + 1))


def own_word_read(said: str, language: str, ranked: Iterable[tuple[str, float]], in_force: Iterable[str]) -> str | None:
    """The script whose own word the caller said (`said`: normalised words), when it is the only script whose own word
    is said, is in force and among the model's first `TOP` of `ranked`; else None.  Premium processing said as not
    taken (`_DECLINED`) is no own word said."""
    if _DECLINED_WORD in said:
        said = _DECLINED[language].sub(" ", said)
    words = tokens(said, language, places=False)
    owners = {script_id for script_id, phrase in _compiled(language) if _said(words, phrase)}
    if len(owners) != 1:
        return None
    owner = next(iter(owners))
    first = [script_id for script_id, _ in list(ranked)[:TOP]]
    return owner if owner in set(in_force) and owner in first else None


def problems(script_ids: Iterable[str], languages: Iterable[str]) -> list[str]:
    """What is wrong with `OWN_WORDS` against the scripts loaded: an id no script has, a language missing, a word
    (as tokens) two scripts claim."""
    known, found = set(script_ids), []
    for script_id, words in OWN_WORDS.items():
        if script_id not in known:
            found.append(f"own words for {script_id!r}, which no script has")
        for language in languages:
            if not words.get(language):
                found.append(f"own words for {script_id!r} have no {language!r} words")
    for language in languages:
        claimed: dict[tuple[str, ...], str] = {}
        for script_id, phrase in _compiled(language):
            if not phrase:
                found.append(f"own word of {script_id!r} ({language}) reads as no word")
            elif claimed.setdefault(phrase, script_id) != script_id:
                found.append(f"own word {' '.join(phrase)!r} ({language}) claimed by {claimed[phrase]!r} and {script_id!r}")
    return found


