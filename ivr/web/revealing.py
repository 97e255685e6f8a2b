"""A rehearsal in the words its trainee keyed and heard: the rehearsed case's tokens back to its identifiers.

The store keeps every transcript tokenised (`ivr.qa.tokenise`): a receipt number
keyed on the softphone is kept as another one, with workday 999, and a date of
birth as another date.  A trainee who chose a training case to play was handed its
receipt number and date of birth on the softphone's case card, so the pages that
show their rehearsal (its end-of-call summary, its timeline, the trainer's view
of it, and the agent console's view of the call: its receipt number, never a date of
birth) show that case as keyed.  Only that case: anything else the call holds
(another receipt keyed, a calling number) stays as stored, and so do the stored
transcript and its replayable download.  The phone line's calls are never
revealed: QA reads them as stored.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from flask import current_app

from ivr.definitions.cases import CaseBook
from ivr.qa.redact import map_strings
from ivr.qa.tokenise import Tokeniser

Reveal = Callable[[str], str]
KEPT = 256  # revealers kept (a page may list many rehearsals of the same few cases)


def _same(text: str) -> str:
    return text


class Revealer:
    """Reveals a training case's identifiers in what the store kept of a rehearsal of it."""

    def __init__(self, tokeniser: Tokeniser | None, cases: CaseBook) -> None:
        self.tokeniser = tokeniser
        self.cases = cases
        self._made: dict[tuple[str, bool], Reveal] = {}

    def of_case(self, receipt: str | None, dates: bool = True) -> Reveal:
        """The reveal of the training case `receipt` (the identity when there is none, or nothing is tokenised);
        without `dates`, its receipt number only (the agent console never shows a date of birth)."""
        case = self.cases.get(receipt) if receipt else None
        if self.tokeniser is None or case is None:
            return _same  # KEEP_IDENTIFIERS keeps them in the clear; no case chosen: nothing to reveal
        key = (case.receipt_number, dates)
        found = self._made.get(key)
        if found is None:
            if len(self._made) >= KEPT:
                self._made.clear()
            found = self._made[key] = self.tokeniser.revealer([case.to_dict()], dates=dates)
        return found


def revealer() -> Revealer:
    """The app's `Revealer` over the training case data (made on first use)."""
    found = current_app.extensions.get("revealer")
    if found is None:
        runtime = current_app.extensions["ivr"]
        found = Revealer(runtime.calls.tokeniser, cast(CaseBook, current_app.extensions["training_cases"]))
        current_app.extensions["revealer"] = found
    return cast(Revealer, found)


def deep(value: Any, reveal: Reveal) -> Any:
    """`value` (strings, and lists and mappings of them) with `reveal` applied to every string."""
    return value if reveal is _same else map_strings(value, reveal)
