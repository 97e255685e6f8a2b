"""Numbers, dates and times as callers say them and as the IVR says them back.

Owns the words: English and Spanish digit and number words, month names,
reading digits back one by one, parsing a spoken or keyed date of birth,
saying a date or a time of day, and A-numbers (DOMAIN.md §2.2).  Pure text in,
text or values out; nothing here reads the clock.

Choices worth knowing:

* `read_digits` writes numerals separated by spaces, so text-to-speech says
  each digit ("2 6 1" is "two six one", never "two hundred sixty-one"), and a
  comma between groups, so it pauses there.  Groups follow how people read
  such numbers: 3-3-4 for ten digits (like a phone number), 3-3-3 for a
  nine-digit A-number (EOIR writes "A 234 567 890"), 4-4 for eight.
* Dates keyed or written as numbers are month-day-year in both languages,
  because the keyed format is MMDDYYYY (DESIGN.md §3).  Spoken dates need a
  month name.
* English "oh" and "o" are zero when digits are expected; Spanish "o" means
  "or" and is not a digit.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from types import MappingProxyType

from ivr.definitions.checks import LANGUAGES
from ivr.rules.hours import local_zone, zone_name

BABEL_LOCALE = "es"
"""The CLDR locale Spanish dates and times are said in (Babel): 'a la 1:30 p. m.', '8 de diciembre de 2026'."""

DIGIT_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType(
    {
        "en": MappingProxyType(
            {
                "zero": "0", "oh": "0", "o": "0", "one": "1", "two": "2", "three": "3", "four": "4",
                "five": "5", "six": "6", "seven": "7", "eight": "8", "nine": "9",
            }
        ),
        "es": MappingProxyType(
            {
                "cero": "0", "uno": "1", "una": "1", "un": "1", "dos": "2", "tres": "3", "cuatro": "4",
                "cinco": "5", "seis": "6", "siete": "7", "ocho": "8", "nueve": "9",
            }
        ),
    }
)  # fmt: skip
"""Digit words per language, lower case and without accents."""

REPEATS: Mapping[str, int] = MappingProxyType({"double": 2, "triple": 3})
"""English 'double five' is 55, 'triple oh' is 000."""

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"),
    "es": ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
           "octubre", "noviembre", "diciembre"),
}  # fmt: skip
_MONTH_WORDS: dict[str, dict[str, int]] = {
    "en": {
        **{name.lower(): number for number, name in enumerate(_MONTHS["en"], 1)},
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
        "oct": 10, "nov": 11, "dec": 12,
    },
    "es": {**{name: number for number, name in enumerate(_MONTHS["es"], 1)}, "setiembre": 9},
}  # fmt: skip

# Words that carry no meaning in a date: "the twelfth of April", "12 de abril del 1990".
_DATE_FILLERS = {"en": {"the", "of", "on"}, "es": {"el", "de", "del"}}

_EN_UNITS = {w: int(d) for w, d in DIGIT_WORDS["en"].items() if w not in ("oh", "o")}
_EN_TEENS = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "thirtieth": 30,
}  # fmt: skip

_ES_UNITS = {w: int(d) for w, d in DIGIT_WORDS["es"].items()}
_ES_SMALL = {  # 10-29 are single words in Spanish
    "diez": 10, "once": 11, "doce": 12, "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16,
    "diecisiete": 17, "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiuno": 21, "veintiun": 21,
    "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29,
}  # fmt: skip
_ES_TENS = {
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "sesenta": 60,
    "setenta": 70,
    "ochenta": 80,
    "noventa": 90,
}
_ES_HUNDREDS = {
    "cien": 100, "ciento": 100, "doscientos": 200, "trescientos": 300, "cuatrocientos": 400,
    "quinientos": 500, "seiscientos": 600, "setecientos": 700, "ochocientos": 800, "novecientos": 900,
    **{f"{stem}cientas": value for stem, value in
       (("dos", 200), ("tres", 300), ("cuatro", 400), ("seis", 600), ("sete", 700), ("ocho", 800), ("nove", 900))},
    "quinientas": 500,
}  # fmt: skip
_ES_ORDINALS = {"primero": 1, "primer": 1}

_ORDINAL_SUFFIX = re.compile(r"\b(\d+)\.?(?:st|nd|rd|th|º|°)")
_KEYED_DATE = re.compile(r"^[\d\s/.\-#]+$")
_DIGIT_RUNS = re.compile(r"\d+")
_NOT_ALPHANUMERIC = re.compile(r"[^A-Za-z0-9]")
_LEADING_LETTERS = re.compile(r"[A-Za-z]*")


# --- digits ---------------------------------------------------------------------------------


def words(text: str) -> list[str]:
    """Lower-case words of `text` without accents or punctuation ('Dieciséis,' -> 'dieciseis')."""
    plain = unicodedata.normalize("NFKD", text.lower())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", " ", plain).split()


def digits_from_speech(text: str, language: str) -> str:
    """The digits in `text`, spoken or written: 'five five one 2' -> '5512'; other words are ignored."""
    _check_language(language)
    table = DIGIT_WORDS[language]
    tokens = words(text)
    result: list[str] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else ""
        if language == "en" and token in REPEATS and _single_digit(following, table):
            result.append(_single_digit(following, table) * REPEATS[token])
            index += 2
            continue
        if token.isdigit():
            result.append(token)
        elif token in table:
            result.append(table[token])
        index += 1
    return "".join(result)


def _single_digit(token: str, table: Mapping[str, str]) -> str:
    if len(token) == 1 and token.isdigit():
        return token
    return table.get(token, "")


def read_digits(digits: str, language: str) -> str:
    """`digits` for text-to-speech, one by one with a pause between groups: '2611220001' -> '2 6 1, 1 2 2, 0 0 0 1'.

    Leading letters (a receipt's office prefix) are their own group: 'IOE0912345678' -> 'I O E, 0 9 1, 2 3 4, 5 6 7 8'.
    """
    _check_language(language)
    # Keyed digits are already bare (most read-backs): no pattern to run on them.
    text = digits if digits.isascii() and digits.isalnum() else _NOT_ALPHANUMERIC.sub("", digits)
    if text.isdigit():
        letters, rest = "", text
    else:
        split = _LEADING_LETTERS.match(text).end()  # type: ignore[union-attr]  # it matches every text
        letters, rest = text[:split].upper(), text[split:]
    said = [" ".join(letters)] if letters else []
    said += [" ".join(rest[start:end]) for start, end in _group_bounds(len(rest))]
    return ", ".join(said)


@lru_cache(maxsize=64)
def _group_bounds(length: int) -> tuple[tuple[int, int], ...]:
    """Where each group of a run of `length` digits starts and ends (the same for every run that long).

    Threes, ending in one four (remainder 1) or two fours (remainder 2):
    10 -> 3-3-4, 8 -> 4-4, 11 -> 3-4-4."""
    if length <= 5:
        return ((0, length),) if length else ()
    fours = length % 3
    sizes = [3] * ((length - 4 * fours) // 3) + [4] * fours
    bounds, start = [], 0
    for width in sizes:
        bounds.append((start, start + width))
        start += width
    return tuple(bounds)


# --- A-numbers --------------------------------------------------------------------------------


def parse_a_number(text: str) -> str | None:
    """An A-number ('A' + 8 or 9 digits, the A optional) as 9 digits, zero-padded (DOMAIN.md §2.2); else None.

    Digits may be keyed, written or spoken in English or Spanish.
    """
    tokens = words(text)
    if tokens and tokens[0] in ("a", "ay", "ey"):
        tokens = tokens[1:]
    elif tokens and re.fullmatch(r"a\d+", tokens[0]):
        tokens[0] = tokens[0][1:]
    if not tokens:
        return None
    digits: list[str] = []
    for token in tokens:
        if token.isdigit():
            digits.append(token)
        elif token in DIGIT_WORDS["en"]:
            digits.append(DIGIT_WORDS["en"][token])
        elif token in DIGIT_WORDS["es"]:
            digits.append(DIGIT_WORDS["es"][token])
        else:
            return None
    number = "".join(digits)
    return number.zfill(9) if len(number) in (8, 9) else None


# --- dates of birth -----------------------------------------------------------------------------


def parse_date_of_birth(text: str, language: str) -> date | None:
    """A date of birth keyed as MMDDYYYY ('04121990') or spoken ('April 12 1990', '12 de abril de 1990'); else None."""
    _check_language(language)
    if not text.strip():
        return None
    if _KEYED_DATE.match(text):
        return _numeric_date(text)
    tokens = words(_ORDINAL_SUFFIX.sub(r"\1", text.lower()))
    months = [i for i, token in enumerate(tokens) if token in _MONTH_WORDS[language]]
    if len(months) != 1:
        return None
    at = months[0]
    month = _MONTH_WORDS[language][tokens[at]]
    fillers = _DATE_FILLERS[language]
    before = [t for t in tokens[:at] if t not in fillers]
    after = [t for t in tokens[at + 1 :] if t not in fillers]
    if before:  # day month year: '12 de abril de 1990', 'the twelfth of April 1990'
        candidates = [(_day(before, language), _year(after, language))]
    else:  # month day year: 'April twelfth nineteen ninety' (find where the day ends)
        candidates = [(_day(after[:k], language), _year(after[k:], language)) for k in range(1, len(after))]
    found = {_date(year, month, day) for day, year in candidates if day is not None and year is not None}
    found.discard(None)
    return found.pop() if len(found) == 1 else None


def _numeric_date(text: str) -> date | None:
    # keyed: one run of digits as it is
    parts = [text] if text.isascii() and text.isdigit() else _DIGIT_RUNS.findall(text)
    if len(parts) == 1 and len(parts[0]) == 8:
        keyed = parts[0]
        return _date(int(keyed[4:]), int(keyed[:2]), int(keyed[2:4]))
    if len(parts) == 3 and len(parts[0]) <= 2 and len(parts[1]) <= 2 and len(parts[2]) == 4:
        return _date(int(parts[2]), int(parts[0]), int(parts[1]))
    return None


def _date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _day(tokens: Sequence[str], language: str) -> int | None:
    if len(tokens) == 1 and tokens[0].isdigit() and len(tokens[0]) <= 2:
        value: int | None = int(tokens[0])
    elif language == "en":
        value = _en_ordinal(tokens)
        if value is None:
            value = _en_below_100(tokens)
    else:
        value = _ES_ORDINALS.get(tokens[0]) if len(tokens) == 1 else None  # 'primero de abril'
        if value is None:
            value = _es_below_100(tokens)
    return value if value is not None and 1 <= value <= 31 else None


def _year(tokens: Sequence[str], language: str) -> int | None:
    if len(tokens) == 1 and tokens[0].isdigit():
        return int(tokens[0]) if len(tokens[0]) == 4 else None
    value = _en_year(tokens) if language == "en" else _es_cardinal(tokens)
    return value if value is not None and 1000 <= value <= 9999 else None


def _en_ordinal(tokens: Sequence[str]) -> int | None:
    # 'twelfth', 'twenty first' (tens + ordinal unit)
    if len(tokens) == 1:
        return _EN_ORDINALS.get(tokens[0])
    if len(tokens) == 2 and tokens[0] in _EN_TENS and _EN_ORDINALS.get(tokens[1], 10) < 10:
        return _EN_TENS[tokens[0]] + _EN_ORDINALS[tokens[1]]
    return None


def _en_below_100(tokens: Sequence[str]) -> int | None:
    if len(tokens) == 1:
        token = tokens[0]
        return _EN_UNITS.get(token, _EN_TEENS.get(token, _EN_TENS.get(token)))
    if len(tokens) == 2 and tokens[0] in _EN_TENS and 1 <= _EN_UNITS.get(tokens[1], 0) <= 9:
        return _EN_TENS[tokens[0]] + _EN_UNITS[tokens[1]]
    return None


def _en_below_1000(tokens: Sequence[str]) -> int | None:
    if "hundred" in tokens:
        at = tokens.index("hundred")
        head = _en_below_100(tokens[:at])
        rest = list(tokens[at + 1 :])
        if rest and rest[0] == "and":
            rest = rest[1:]
        tail = _en_below_100(rest) if rest else 0
        if head is None or not 1 <= head <= 9 or tail is None:
            return None
        return head * 100 + tail
    return _en_below_100(tokens)


def _en_cardinal(tokens: Sequence[str]) -> int | None:
    if "thousand" in tokens:
        at = tokens.index("thousand")
        head = _en_below_1000(tokens[:at])
        rest = list(tokens[at + 1 :])
        if rest and rest[0] == "and":
            rest = rest[1:]
        tail = _en_below_1000(rest) if rest else 0
        if head is None or head < 1 or tail is None:
            return None
        return head * 1000 + tail
    return _en_below_1000(tokens)


def _en_year(tokens: Sequence[str]) -> int | None:
    """'nineteen ninety', 'nineteen oh five', 'nineteen hundred', 'twenty twenty', 'two thousand five'."""
    for split in range(1, min(3, len(tokens))):
        century = _en_below_100(tokens[:split])
        rest = tokens[split:]
        if century is None or century < 10:
            continue
        if list(rest) == ["hundred"]:
            return century * 100
        if len(rest) == 2 and rest[0] in ("oh", "o") and 1 <= _EN_UNITS.get(rest[1], 0) <= 9:
            return century * 100 + _EN_UNITS[rest[1]]
        tail = _en_below_100(rest)
        if tail is not None and tail >= 10:
            return century * 100 + tail
    return _en_cardinal(tokens)


def _es_below_100(tokens: Sequence[str]) -> int | None:
    if len(tokens) == 1:
        token = tokens[0]
        return _ES_UNITS.get(token, _ES_SMALL.get(token, _ES_TENS.get(token)))
    if (
        len(tokens) == 3
        and tokens[0] in _ES_TENS
        and tokens[1] == "y"
        and 1 <= _ES_UNITS.get(tokens[2], 0) <= 9
    ):
        return _ES_TENS[tokens[0]] + _ES_UNITS[tokens[2]]
    return None


def _es_below_1000(tokens: Sequence[str]) -> int | None:
    if tokens and tokens[0] in _ES_HUNDREDS:
        head = _ES_HUNDREDS[tokens[0]]
        rest = tokens[1:]
        if not rest:
            return head
        if tokens[0] == "cien":  # 'cien' stands alone; 101 is 'ciento uno'
            return None
        tail = _es_below_100(rest)
        return None if tail is None or tail == 0 else head + tail
    return _es_below_100(tokens)


def _es_cardinal(tokens: Sequence[str]) -> int | None:
    if "mil" in tokens:
        at = tokens.index("mil")
        head = _es_below_1000(tokens[:at]) if at else 1  # 'mil novecientos' is 1900
        tail = _es_below_1000(tokens[at + 1 :]) if at + 1 < len(tokens) else 0
        if head is None or head < 1 or (at and head == 1) or tail is None:
            return None  # 'uno mil' is not Spanish
        return head * 1000 + tail
    return _es_below_1000(tokens)


def say_date(day: date, language: str) -> str:
    """A date as the IVR says it: 'April 12, 2026' / '12 de abril de 2026'."""
    _check_language(language)
    if language == "en":
        return f"{_MONTHS['en'][day.month - 1]} {day.day}, {day.year}"
    from babel.dates import format_date  # Spanish only: not imported at start-up (about 5 ms)

    return _babel(format_date(day, "d 'de' MMMM 'de' y", locale=BABEL_LOCALE))


def say_time(moment: datetime, language: str) -> str:
    """A time of day with its zone: '9:00 a.m. Pacific time' / '9:00 a.m., hora del Pacífico'."""
    _check_language(language)
    zone = zone_name(moment, language)  # also refuses a naive datetime
    local = moment.astimezone(local_zone(moment))
    clock = say_clock(local.time(), language, minutes=True)
    return f"{clock} {zone}" if language == "en" else f"{clock}, {zone}"


def say_clock(moment: time, language: str, *, minutes: bool = False) -> str:
    """A time of day: '1:30 p.m.' / '1:30 p. m.'; on the hour, '8 a.m.' unless `minutes` asks for '8:00 a.m.'.

    Spanish comes from Babel's CLDR data ('p. m.', with a space, as the RAE writes it);
    English keeps the U.S. style 'a.m.' / 'p.m.' (CLDR's 'AM' is not what a U.S. IVR says).
    """
    _check_language(language)
    pattern = "h:mm a" if minutes or moment.minute else "h a"
    if language == "es":
        from babel.dates import format_time  # Spanish only: not imported at start-up (about 5 ms)

        return _babel(format_time(moment, pattern, locale=BABEL_LOCALE))
    hour = moment.hour % 12 or 12
    suffix = "a.m." if moment.hour < 12 else "p.m."
    return f"{hour}:{moment.minute:02d} {suffix}" if pattern == "h:mm a" else f"{hour} {suffix}"


def at_time(moment: datetime, language: str) -> str:
    """'at 1:30 p.m. Pacific time' / 'a la 1:30 p. m., hora del Pacífico' ('a las' for every hour but one)."""
    said = say_time(moment, language)
    if language == "en":
        return f"at {said}"
    hour = moment.astimezone(local_zone(moment)).hour % 12 or 12
    return f"{'a la' if hour == 1 else 'a las'} {said}"


def _babel(text: str) -> str:
    """Babel's text with its no-break spaces made plain (speech engines and tests read plain spaces)."""
    return text.replace("\u202f", " ").replace("\xa0", " ")


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (allowed: {', '.join(LANGUAGES)})")
