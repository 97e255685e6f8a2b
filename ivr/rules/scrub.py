"""Scrubbing free speech: identifiers a caller says where no identifier was asked for (pure).

At a menu a caller may say anything: "my social is 123-45-6789", "I'm Ana Torres,
ana.torres@example.com, born April 12 1990".  None of it is needed to replay the
call (a menu matches phrases, not numbers that long), so before such speech is
stored or exported each identifier is replaced by a bracketed word saying what it
was: `[number]`, `[date]`, `[email]`, `[name]`.  What a menu does act on stays:
short numbers ("one", "press 2"), topics, yes and no.

Used by `ivr.qa.tokenise` (at write time), `ivr.qa.redact` (at export) and `ivr.core.settled` (which reads
speech as it is stored, so a stored call replays as it went).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from ivr.rules import spoken

LONG_NUMBER = 7
"""Digits in a row (keyed, written or said) from which a number is taken for an identifier."""

DIGIT_WORDS = (set(spoken.DIGIT_WORDS["en"]) | set(spoken.DIGIT_WORDS["es"])) - {"o", "y", "un", "una"}
"""Digit words in either language a spoken number is made of ("two", "cero")."""
MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre"
).split()
"""Month names and abbreviations a spelled date starts with."""
_DOMAINS = "com|org|net|gov|edu|us|mx|es|io|info|co"

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_SPOKEN_EMAIL = re.compile(
    rf"\b[\w]+(?:\s+(?:dot|punto)\s+\w+)*\s+(?:at|arroba)\s+\w+(?:\s+(?:dot|punto)\s+\w+)*\s+(?:dot|punto)\s+(?:{_DOMAINS})\b",
    re.IGNORECASE | re.UNICODE,
)
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b")
_SPELLED_DATE = re.compile(
    rf"\b(?:{'|'.join(MONTHS)})\b[\s,]+(?:the\s+)?[\w-]+(?:[\s,]+(?:of\s+|de\s+|del\s+)?[\w-]+){{0,6}}",
    re.IGNORECASE,
)
_DAY_OF_MONTH = re.compile(r"\b(?:el\s+)?\d{1,2}\s+de\s+(?:" + "|".join(MONTHS) + r")\b(?:\s+de(?:l)?\s+[\w-]+)*", re.IGNORECASE)
_NAME_INTRO = re.compile(
    r"\b((?i:my name is|my name's|me llamo|mi nombre es))\s+((?:[^\W\d_]+\s*){1,3})"
    r"|\b((?i:this is|i am|i'm|soy))\s+((?:[A-ZÁÉÍÓÚÑ][^\W\d_]*\s*){1,3})",  # a name said after "I am" is capitalised
    re.UNICODE,
)
_NOT_NAMES = {
    "calling", "trying", "looking", "here", "not", "a", "an", "the", "very", "so", "just", "still", "having",
    "interested", "waiting", "sorry", "ok", "okay", "fine", "good", "confused", "the applicant", "llamando",
    "el", "la", "un", "una", "de", "and", "y", "i", "want", "need", "quiero", "necesito", "with", "con", "about",
}  # fmt: skip


def scrub_speech(text: str, names: Iterable[str] = ()) -> str:
    """`text` with emails, long numbers, dates and names (those given, and any introduced) replaced."""
    result = _EMAIL.sub("[email]", text)
    result = _SPOKEN_EMAIL.sub("[email]", result)
    result = _NUMERIC_DATE.sub("[date]", result)
    result = _DAY_OF_MONTH.sub("[date]", result)
    result = _SPELLED_DATE.sub(_date_or_month, result)
    result = _long_numbers(result)
    result = _NAME_INTRO.sub(_introduced, result)
    pattern = names_pattern(tuple(names))
    return pattern.sub("[name]", result) if pattern is not None else result


@functools.lru_cache(maxsize=64)
def names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for every word of `names` (compiled once per set of names)."""
    words = sorted({word for name in names for word in re.findall(r"[^\W\d_]{2,}", name)}, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE) if words else None


def _date_or_month(match: re.Match[str]) -> str:
    """A month followed by a number is a date; a month said alone ("in May") stays."""
    said = match[0]
    rest = said.split(None, 1)[1] if " " in said.strip() else ""
    has_number = re.search(r"\d", rest) or any(word in DIGIT_WORDS or word.rstrip("th") in DIGIT_WORDS
                                              for word in spoken.words(rest))
    return "[date]" if has_number or _has_number_word(rest) else said


def _has_number_word(text: str) -> bool:
    numbers = {"first", "second", "third", "tenth", "twelfth", "twentieth", "thirtieth", "nineteen", "twenty", "thirty",
               "primero", "dos", "mil", "novecientos"}
    return any(word in numbers or word.endswith("th") and len(word) > 4 for word in spoken.words(text))


def _long_numbers(text: str) -> str:
    """Runs of LONG_NUMBER or more digits, written (with spaces or dashes between) or said, as `[number]`."""
    text = re.sub(r"(?<![\w])\d(?:[\s-]*\d){%d,}(?![\w])" % (LONG_NUMBER - 1), "[number]", text)
    tokens = text.split(" ")
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= LONG_NUMBER:
            out.append("[number]")
        else:
            out.extend(run)
        run.clear()

    for token in tokens:
        word = token.lower().strip(".,;:!?¿¡")
        if word and (word in DIGIT_WORDS or word.isdigit()):
            run.append(token)
            continue
        flush()
        out.append(token)
    flush()
    return " ".join(out)


def _introduced(match: re.Match[str]) -> str:
    intro, words = (match[1], match[2].split()) if match[1] else (match[3], match[4].split())
    kept: list[str] = []
    for index, word in enumerate(words):
        if word.lower() in _NOT_NAMES or word.startswith("["):
            kept = words[index:]
            words = words[:index]
            break
    if not words:
        return match[0]
    tail = " " + " ".join(kept) if kept else ""
    return f"{intro} [name]{tail}" + (" " if match[0].endswith(" ") else "")


__all__ = ["LONG_NUMBER", "scrub_speech"]
