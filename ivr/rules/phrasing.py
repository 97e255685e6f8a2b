"""How the IVR says contact details and appointments aloud.

Owns three readings a caller must be able to write down from a phone call:
phone numbers digit by digit in their printed groups ("1-877-247-4645" is
"1, 8 7 7, 2 4 7, 4 6 4 5"; DESIGN.md §3: numbers are read back digit by
digit), e-mail addresses with their punctuation named and their
abbreviations spelled ("SCOPSSCATA@dhs.gov" is "S C O P S S C A T A at d h s
dot gov"), and an appointment as weekday, date, time and zone.

Pure text in, text out; nothing here reads the clock or a file.
"""

from __future__ import annotations

import re
from datetime import datetime

from ivr.definitions.checks import LANGUAGES
from ivr.rules.hours import local_zone
from ivr.rules.spoken import at_time, say_date

_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}

_SYMBOLS = {
    "en": {"@": "at", ".": "dot", "-": "dash", "_": "underscore", "+": "plus"},
    "es": {"@": "arroba", ".": "punto", "-": "guion", "_": "guion bajo", "+": "más"},
}

SPELL_UP_TO = 5
"""Lower-case words this short or shorter are spelled ('dhs' -> 'd h s'); longer ones are said."""

SAID_AS_WORDS = frozenset({"gov", "com", "org", "net", "mil", "edu"})
"""Domain endings people say as words ('dot gov')."""

KNOWN_WORDS = ("followup", "helpline")
"""Words that end run-together mailbox names: 'ncscfollowup' is 'n c s c followup'."""

_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+|[@._+-]")


def read_phone(phone: str, language: str) -> str:
    """A phone number as written in the directory, read digit by digit in its printed groups.

    '1-877-247-4645' -> '1, 8 7 7, 2 4 7, 4 6 4 5'; a leading '+' is said
    ('plus' / 'más').  Letters (vanity numbers) are refused: the directory
    writes digits.
    """
    _check_language(language)
    text = phone.strip()
    plus = text.startswith("+")
    groups = [group for group in re.split(r"[\s\-().]+", text.lstrip("+")) if group]
    if not groups or not all(group.isdigit() for group in groups):
        raise ValueError(f"{phone!r} is not a phone number written in digits")
    spoken = ", ".join(" ".join(group) for group in groups)
    return f"{_SYMBOLS[language]['+']} {spoken}" if plus else spoken


def say_email(address: str, language: str) -> str:
    """An e-mail address as a caller can write it down.

    Punctuation is named ('at', 'dot', 'dash'; 'arroba', 'punto', 'guion');
    words written in capitals, and short lower-case words other than domain
    endings, are spelled letter by letter; longer lower-case words are said.
    """
    _check_language(language)
    if address.count("@") != 1:
        raise ValueError(f"{address!r} is not an e-mail address")
    parts: list[str] = []
    for token in _TOKEN.findall(address.strip()):
        if token in _SYMBOLS[language]:
            parts.append(_SYMBOLS[language][token])
        elif token.isdigit():
            parts.append(" ".join(token))
        elif token.isupper() and len(token) > 1:
            parts.append(" ".join(token))
        else:
            parts.append(_say_word(token))
    return " ".join(parts)


def _say_word(word: str) -> str:
    if word.lower() in SAID_AS_WORDS:
        return word
    for known in KNOWN_WORDS:
        head = word[: -len(known)]
        if word.lower().endswith(known) and 0 < len(head) <= SPELL_UP_TO:
            return " ".join(head) + " " + word[-len(known) :]
    return word if len(word) > SPELL_UP_TO else " ".join(word)


def say_appointment(moment: datetime, language: str) -> str:
    """An appointment in its own local time: 'Tuesday, December 8, 2026, at 9:00 a.m. Eastern time'.

    Spanish: 'martes 8 de diciembre de 2026, a las 9:00 a. m., hora del Este' ('a la 1:30 p. m.').
    """
    _check_language(language)
    local = moment.astimezone(local_zone(moment))
    weekday = _WEEKDAYS[language][local.weekday()]
    day = say_date(local.date(), language)
    if language == "en":
        return f"{weekday}, {day}, {at_time(moment, language)}"
    return f"{weekday} {day}, {at_time(moment, language)}"


def _check_language(language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r} (allowed: {', '.join(LANGUAGES)})")
