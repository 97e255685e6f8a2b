"""Identity lockout rules: when a caller may no longer try to prove who they are (pure).

A caller proves their identity with a receipt number and the date of birth on
file.  Guessing is limited three ways, each counted in simulated time:

* per call: after `per_call` failures (in any tier) the call verifies nobody;
* per receipt number: after `per_receipt` failures within `window`, across
  every call, that receipt is verified by no tier of any call;
* per calling number: after `per_caller` failures within `window`, that
  number verifies nobody.

A lock holds against the right answer too: the date of birth is not even
compared once a lock applies, so a locked receipt tells a guesser nothing.
This module decides; `ivr.behaviours.verification` keeps the ledger through
the call's `World`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

LOCK_REASONS = ("call", "receipt", "caller")
"""Why a check is refused: too many failures on this call, for this receipt, from this number."""


@dataclass(frozen=True)
class LockoutPolicy:
    """How many failed identity checks are allowed, and over what stretch of simulated time."""

    per_call: int = 3
    per_receipt: int = 5
    per_caller: int = 10
    window: dt.timedelta = dt.timedelta(hours=24)

    @classmethod
    def from_setting(cls, value: Any) -> LockoutPolicy:
        """The policy of the `VERIFY_LOCKOUT` setting: JSON or a mapping of per_call, per_receipt,
        per_caller and window_hours (each optional); raises ValueError on anything else."""
        if value is None or value == "":
            return cls()
        data = json.loads(value) if isinstance(value, str) else value
        if not isinstance(data, Mapping):
            raise ValueError("VERIFY_LOCKOUT: expected a mapping of per_call, per_receipt, per_caller, window_hours")
        allowed = {"per_call", "per_receipt", "per_caller", "window_hours"}
        unknown = sorted(set(data) - allowed)
        if unknown:
            raise ValueError(f"VERIFY_LOCKOUT: unknown key(s) {', '.join(unknown)} (allowed: {', '.join(sorted(allowed))})")
        numbers = {}
        for key in allowed:
            if key in data:
                item = data[key]
                if isinstance(item, bool) or not isinstance(item, int) or item < 1:
                    raise ValueError(f"VERIFY_LOCKOUT: {key} must be a whole number of at least 1")
                numbers[key] = item
        default = cls()
        return cls(
            per_call=numbers.get("per_call", default.per_call),
            per_receipt=numbers.get("per_receipt", default.per_receipt),
            per_caller=numbers.get("per_caller", default.per_caller),
            window=dt.timedelta(hours=numbers["window_hours"]) if "window_hours" in numbers else default.window,
        )


@dataclass(frozen=True, init=False)
class Standing:
    """The failures on record before a check: on this call, for the receipt, from the calling number."""

    call: int = 0
    receipt: int = 0
    caller: int = 0

    def __init__(self, call: int = 0, receipt: int = 0, caller: int = 0) -> None:
        # The frozen dataclass's own `__init__`, without its `object.__setattr__` per field (one per identity check).
        fields = self.__dict__
        fields["call"] = call
        fields["receipt"] = receipt
        fields["caller"] = caller


def lock_reason(policy: LockoutPolicy, standing: Standing) -> str | None:
    """Why no check may be made now ('call', 'receipt' or 'caller'), or None when one may."""
    if standing.call >= policy.per_call:
        return "call"
    if standing.receipt >= policy.per_receipt:
        return "receipt"
    if standing.caller >= policy.per_caller:
        return "caller"
    return None


def after_failure(standing: Standing) -> Standing:
    """The standing once one more failure is on record."""
    return Standing(standing.call + 1, standing.receipt + 1, standing.caller + 1)


def window_start(policy: LockoutPolicy, now: dt.datetime) -> dt.datetime:
    """The earliest failure that still counts at `now`."""
    return now - policy.window


KEYPAD = {letter: key for key, letters in {
    "2": "ABC", "3": "DEF", "4": "GHI", "5": "JKL", "6": "MNO", "7": "PQRS", "8": "TUV", "9": "WXYZ",
}.items() for letter in letters}  # fmt: skip
"""The letter keys of a telephone keypad (ITU E.161)."""


def keypad_digits(letters: str) -> str:
    """The keys that spell `letters` on a phone keypad: 'WAC' -> '922'."""
    return "".join(KEYPAD.get(letter, "") for letter in letters.upper())


def receipts_with_letters(receipts: list[str], answer: str) -> list[str]:
    """The receipts whose three letters are `answer`: the letters said ('WAC'), or their keys ('922')."""
    if answer.isdigit():
        return [receipt for receipt in receipts if keypad_digits(receipt[:3]) == answer]
    return [receipt for receipt in receipts if receipt[:3] == answer.upper()]
