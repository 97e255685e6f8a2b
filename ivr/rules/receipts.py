"""Receipt numbers as callers give them: written, spoken or keyed (DOMAIN.md §2.1).

A receipt number is three letters (the office prefix) and ten digits,
`IOE0912345678`.  This module owns turning what a caller said or keyed into
that form; which office a prefix stands for is the directory's business.

How spoken text is read:

* Dashes, spaces, dots and case do not matter: "IOE-09-123-45678",
  "ioe 0912345678" and "I O E 0 9 1…" are the same receipt.
* Digits may be words in English ("zero" … "nine", "oh"; "double five" is 55)
  or Spanish ("cero" … "nueve").
* Letters may be single letters or their names as speech recognisers write
  them: English "eye", "bee", "see", "double u", "why", …; Spanish "be", "ce",
  "ele", "ese", "doble ve", "i griega", ….
* "o" and "oh" are the letter O among the first three characters and the digit
  zero among the last ten.  The receipt's fixed shape makes this unambiguous,
  so no guess is needed.  The same goes for a word that is both a letter name
  and a run of letters ("be" is B, or B and E): every reading is tried, and
  the text is a receipt only when exactly one reading gives three letters and
  ten digits.  Homophones that are ordinary words ("to", "for", "ate") are
  not digits: they would turn stray words into numbers.
* Any other word makes the text not a receipt (None); nothing is skipped.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from ivr.rules.spoken import DIGIT_WORDS, REPEATS, words

LETTERS = 3
DIGITS = 10
LENGTH = LETTERS + DIGITS

_MAX_TOKENS = 40  # a receipt spoken one character at a time, with room for "double"

_ZERO_OR_O = "O0"  # a symbol that is the letter O among letters and zero among digits

_LETTER_NAMES: Mapping[str, str] = {
    # English letter names
    "ay": "A", "bee": "B", "be": "B", "cee": "C", "see": "C", "sea": "C", "dee": "D", "ef": "F",
    "eff": "F", "gee": "G", "aitch": "H", "eye": "I", "jay": "J", "kay": "K", "el": "L", "ell": "L",
    "em": "M", "en": "N", "pee": "P", "cue": "Q", "queue": "Q", "ar": "R", "are": "R", "ess": "S",
    "tee": "T", "tea": "T", "you": "U", "vee": "V", "ex": "X", "why": "Y", "zee": "Z", "zed": "Z",
    # Spanish letter names (accents already removed)
    "ce": "C", "de": "D", "efe": "F", "ge": "G", "hache": "H", "jota": "J", "ka": "K", "ele": "L",
    "eme": "M", "ene": "N", "pe": "P", "cu": "Q", "erre": "R", "ere": "R", "ese": "S", "te": "T",
    "uve": "V", "ve": "V", "equis": "X", "ye": "Y", "zeta": "Z",
}  # fmt: skip

_LETTER_PAIRS: Mapping[tuple[str, str], str] = {
    ("double", "u"): "W", ("double", "you"): "W", ("doble", "u"): "W", ("doble", "ve"): "W",
    ("doble", "uve"): "W", ("uve", "doble"): "W", ("i", "griega"): "Y",
}  # fmt: skip

_DIGIT_NAMES: Mapping[str, str] = {
    **{word: digit for word, digit in DIGIT_WORDS["en"].items() if word not in ("o", "oh")},
    # Spanish "un"/"una" and "o" ("or") are left out: they are not said when reading digits.
    **{word: digit for word, digit in DIGIT_WORDS["es"].items() if word not in ("un", "una")},
    "o": _ZERO_OR_O,
    "oh": _ZERO_OR_O,
}

_KEYED = re.compile(r"^[0-9]{10}$")


def normalize_receipt(text: str) -> str | None:
    """The receipt in `text` as 'IOE0912345678', or None unless it reads as exactly 3 letters and 10 digits."""
    tokens = _tokens(text)
    if not tokens or len(tokens) > _MAX_TOKENS:
        return None
    readings = _readings(tuple(tokens), 0, 0)
    return next(iter(readings)) if len(readings) == 1 else None


def receipt_digits(text: str) -> str | None:
    """The ten digits of a keyed receipt ('0912345678#'), or None when there are not exactly ten."""
    keyed = text.strip().rstrip("#").strip()
    return keyed if _KEYED.match(keyed) else None


def prefix(receipt: str) -> str:
    """The office prefix of a receipt in any accepted form ('ioe-09…' -> 'IOE'); ValueError if it is not one."""
    normalized = normalize_receipt(receipt)
    if normalized is None:
        raise ValueError(f"{receipt!r} is not a receipt number (3 letters and 10 digits)")
    return normalized[:LETTERS]


def _tokens(text: str) -> list[str]:
    # Split letter runs from digit runs: 'ioe0912345678' -> 'ioe', '0912345678'.
    result: list[str] = []
    for word in words(text):
        result.extend(re.findall(r"[a-z]+|[0-9]+", word))
    return result


@functools.lru_cache(maxsize=1024)
def _readings(tokens: tuple[str, ...], index: int, position: int) -> frozenset[str]:
    """Every distinct receipt the tokens from `index` can spell when `position` characters are already read.

    At most two are kept: two already make the text ambiguous.
    """
    if position > LENGTH:
        return frozenset()
    if index == len(tokens):
        return frozenset({""}) if position == LENGTH else frozenset()
    found: set[str] = set()
    for consumed, symbols in _choices(tokens, index):
        spelled = _place(symbols, position)
        if spelled is None:
            continue
        for rest in _readings(tokens, index + consumed, position + len(spelled)):
            found.add(spelled + rest)
            if len(found) > 1:
                return frozenset(found)
    return frozenset(found)


def _choices(tokens: tuple[str, ...], index: int) -> list[tuple[int, tuple[str, ...]]]:
    """The ways to read the token at `index`: (tokens consumed, symbols), a symbol being its allowed characters."""
    token = tokens[index]
    following = tokens[index + 1] if index + 1 < len(tokens) else None
    if token.isdigit():
        return [(1, tuple(token))]
    choices: list[tuple[int, tuple[str, ...]]] = []
    if following is not None:
        if (token, following) in _LETTER_PAIRS:
            choices.append((2, (_LETTER_PAIRS[token, following],)))
        if token in REPEATS:
            digit = following if len(following) == 1 and following.isdigit() else _DIGIT_NAMES.get(following)
            if digit is not None:
                choices.append((2, (digit,) * REPEATS[token]))
    if token in _LETTER_NAMES:
        choices.append((1, (_LETTER_NAMES[token],)))
    if token in _DIGIT_NAMES:
        choices.append((1, (_DIGIT_NAMES[token],)))
    choices.append((1, tuple(token.upper())))  # the letters themselves: 'ioe' -> I, O, E
    return choices


def _place(symbols: tuple[str, ...], position: int) -> str | None:
    """The characters the symbols stand for at `position` onwards, or None if they do not fit the shape."""
    placed: list[str] = []
    for offset, symbol in enumerate(symbols):
        wanted = str.isalpha if position + offset < LETTERS else str.isdigit
        matches = [c for c in symbol if wanted(c)]
        if not matches:
            return None
        placed.append(matches[0])
    return "".join(placed)
