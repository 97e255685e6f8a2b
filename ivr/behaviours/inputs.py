"""Input validators a `collect` state may name, and how each value is read back.

DESIGN.md §3: receipt numbers are accepted spoken (three letters and ten
digits, any spacing, dashes or case, digits as words too) and keyed (the ten
digits followed by `#`); dates of birth are keyed as eight digits,
month-day-year, or spoken; numbers are read back digit by digit.

A validator returns the normalised value, or None for "no match".
"""

from __future__ import annotations

import re

from ivr.core.matching import PhraseIndex, normalize
from ivr.core.registry import REGISTRY
from ivr.rules import receipts, spoken

_TEN_DIGITS = re.compile(r"^[0-9]{10}$")
_REFERENCE = re.compile(r"^[0-9]{10,12}$")  # 11 or 12 digits on a day past 9,999 requests


NO_RECEIPT = "none"
REPRESENTATIVE = "representative"
"""What the receipt question gives when the caller says they represent the applicant (issue 12 point 12)."""

_NO_RECEIPT_WORDS = {
    "en": PhraseIndex.build([(NO_RECEIPT, (
        "i don't have", "i do not have", "don't have it", "do not have it", "no receipt", "i don't know it",
        "i do not know it", "i lost it", "lost my receipt", "i never got one", "don't have one",
    ))]),
    "es": PhraseIndex.build([(NO_RECEIPT, (
        "no tengo", "no lo tengo", "no tengo numero de recibo", "no lo se", "no se cual es", "lo perdi",
        "perdi el recibo",
    ))]),
}  # fmt: skip

_REPRESENTATIVE_WORDS = {
    "en": PhraseIndex.build([(REPRESENTATIVE, (
        "attorney", "lawyer", "accredited representative", "i represent", "i am representing",
        "representing the applicant", "g 28",
    ))]),
    "es": PhraseIndex.build([(REPRESENTATIVE, (
        "abogado", "abogada", "representante acreditado", "representante acreditada", "represento",
        "representando al solicitante", "g 28",
    ))]),
}  # fmt: skip
"""Words that say the caller is an attorney or accredited representative; "representative" alone asks for an agent."""


def says_representative(value: str, language: str) -> bool:
    """The caller said they are the applicant's attorney or accredited representative ("I'm her attorney", "soy abogado")."""
    return _REPRESENTATIVE_WORDS[language].match(normalize(value)) is not None


def says_no_receipt(value: str, language: str) -> bool:
    """The caller said they have no receipt number ("I don't have it", "no tengo número de recibo")."""
    return _NO_RECEIPT_WORDS[language].match(normalize(value)) is not None


def _read_receipt(value: str, language: str) -> str:
    if value == NO_RECEIPT:
        return {"en": "that you do not have a receipt number", "es": "que no tiene número de recibo"}[language]
    if value == REPRESENTATIVE:
        return {
            "en": "that you are calling as the applicant's attorney or accredited representative",
            "es": "que llama como abogado o representante acreditado del solicitante",
        }[language]
    if _TEN_DIGITS.match(value):
        return spoken.read_digits(value, language)
    return " ".join(value[:3]) + ", " + spoken.read_digits(value[3:], language)


@REGISTRY.validator(
    "receipt_number",
    readback=_read_receipt,
    hints={"en": ("I O E", "E A C", "W A C", "L I N", "S R C", "M S C", "N B C"), "es": ("I O E", "E A C", "W A C")},
    identifier=True,
    personal="receipt_number",
)
def receipt_number(value: str, kind: str, language: str) -> str | None:
    """Three letters and ten digits spoken or typed, the ten digits keyed (then `#`), or 'none' when
    the caller says they have no receipt number (issue 12: an answer, not a malformed receipt), or
    'representative' when they say they are the applicant's attorney or accredited representative."""
    if kind == "digits":
        return receipts.receipt_digits(value)
    found = receipts.normalize_receipt(value) or receipts.receipt_digits(spoken.digits_from_speech(value, language))
    if found is None and says_representative(value, language):
        return REPRESENTATIVE
    if found is None and says_no_receipt(value, language):
        return NO_RECEIPT
    return found


def _read_date(value: str, language: str) -> str:
    import datetime as dt

    return spoken.say_date(dt.date.fromisoformat(value), language)


@REGISTRY.validator("date_of_birth", readback=_read_date, identifier=True, personal="date_of_birth")
def date_of_birth(value: str, kind: str, language: str) -> str | None:
    """A date of birth keyed as MMDDYYYY or spoken; returned as YYYY-MM-DD."""
    parsed = spoken.parse_date_of_birth(value, language)
    return parsed.isoformat() if parsed else None


@REGISTRY.validator(
    "a_number", readback=lambda value, language: "A, " + spoken.read_digits(value, language), identifier=True,
    personal="a_number",
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
    "phone_number", readback=lambda value, language: spoken.read_digits(value[-10:], language), identifier=True,
    personal="phone_number",
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
