"""Input validators a `collect` state may name, and how each value is read back.

DESIGN.md §3: receipt numbers are accepted spoken (three letters and ten
digits, any spacing, dashes or case, digits as words too) and keyed (the ten
digits followed by `#`); dates of birth are keyed as eight digits,
month-day-year, or spoken; numbers are read back digit by digit.

A validator returns the normalised value, or None for "no match".
"""

from __future__ import annotations

import re

from ivr.core.registry import REGISTRY
from ivr.rules import receipts, spoken

_TEN_DIGITS = re.compile(r"^[0-9]{10}$")
_REFERENCE = re.compile(r"^[0-9]{10,12}$")  # 11 or 12 digits on a day past 9,999 requests


def _read_receipt(value: str, language: str) -> str:
    if _TEN_DIGITS.match(value):
        return spoken.read_digits(value, language)
    return " ".join(value[:3]) + ", " + spoken.read_digits(value[3:], language)


@REGISTRY.validator(
    "receipt_number",
    readback=_read_receipt,
    hints={"en": ("I O E", "E A C", "W A C", "L I N", "S R C", "M S C", "N B C"), "es": ("I O E", "E A C", "W A C")},
    identifier=True,
)
def receipt_number(value: str, kind: str, language: str) -> str | None:
    """Three letters and ten digits spoken or typed, or the ten digits keyed (then `#`)."""
    if kind == "digits":
        return receipts.receipt_digits(value)
    return receipts.normalize_receipt(value) or receipts.receipt_digits(spoken.digits_from_speech(value, language))


def _read_date(value: str, language: str) -> str:
    import datetime as dt

    return spoken.say_date(dt.date.fromisoformat(value), language)


@REGISTRY.validator("date_of_birth", readback=_read_date, identifier=True)
def date_of_birth(value: str, kind: str, language: str) -> str | None:
    """A date of birth keyed as MMDDYYYY or spoken; returned as YYYY-MM-DD."""
    parsed = spoken.parse_date_of_birth(value, language)
    return parsed.isoformat() if parsed else None


@REGISTRY.validator(
    "a_number", readback=lambda value, language: "A, " + spoken.read_digits(value, language), identifier=True
)
def a_number(value: str, kind: str, language: str) -> str | None:
    """An A-number: A and 8 or 9 digits; returned as 9 digits (DOMAIN.md §2.2)."""
    text = value if kind == "digits" else spoken.digits_from_speech(value, language) or value
    return spoken.parse_a_number(text) or spoken.parse_a_number(value)


@REGISTRY.validator(
    "reference_number", readback=lambda value, language: spoken.read_digits(value, language), identifier=True
)
def reference_number(value: str, kind: str, language: str) -> str | None:
    """A service request reference number: ten digits (eleven or twelve on a very busy day)."""
    digits = value if kind == "digits" else spoken.digits_from_speech(value, language)
    digits = digits.rstrip("#")
    return digits if _REFERENCE.match(digits) else None


@REGISTRY.validator(
    "phone_number", readback=lambda value, language: spoken.read_digits(value[-10:], language), identifier=True
)
def phone_number(value: str, kind: str, language: str) -> str | None:
    """A US phone number of ten digits (a leading 1 allowed); returned as +1 and ten digits."""
    digits = value if kind == "digits" else spoken.digits_from_speech(value, language)
    digits = re.sub(r"[^0-9]", "", digits)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return "+1" + digits if len(digits) == 10 and digits[0] not in "01" else None


@REGISTRY.validator("single_digit", readback=lambda value, language: value)
def single_digit(value: str, kind: str, language: str) -> str | None:
    """One key, or one spoken number from zero to nine."""
    digits = value if kind == "digits" else spoken.digits_from_speech(value, language)
    return digits if len(digits) == 1 and digits.isdigit() else None
