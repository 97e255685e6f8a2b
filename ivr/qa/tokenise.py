"""Tokenising transcript entries as they are written: no identifier at rest in the clear.

`CallService` hands every transcript entry to a `Tokeniser` before the store
keeps it (unless `KEEP_IDENTIFIERS` is set for a local demo).  It applies the
export's redaction (`ivr.qa.redact`: the same forms, the same shapes, a
receipt keeps its letters and fiscal year, a date of birth stays a date) with
one difference: synthetic values are derived from the identifier with a keyed
hash (the store's secret), not drawn in turn, so the same receipt or date of
birth gets the same token in every entry of every call, and no table of
originals is kept anywhere.

What an entry holds afterwards is what replay needs: the caller's inputs
(identifiers tokenised; speech at menus and at Tier 1's question scrubbed of
emails, long numbers, dates and names, `ivr.rules.scrub`; a service request
described in the caller's own words withheld, `WITHHELD_TEXT`, in its read-back
and on the request filed too), what was said (read-backs tokenised), the
fields of the cases the step read (tokenised receipt and date of birth; no
name, A-number or phone: no step reads them), effects and hand-offs.  A stored
transcript therefore replays as recorded (tests/qa/test_stored_transcripts.py).

Collisions: tokens are drawn from ranges that cannot be real (receipts with
workday 999, phones 555-55xx-xxxx, A-numbers A088…), so two identifiers may
rarely share a token; a call's path does not depend on it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import re
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Mapping
from typing import Any

from ivr.core.session import Session
from ivr.core.flow import Flow
from ivr.qa.redact import (
    FREE_TEXT_VALIDATORS,
    PII_VALIDATORS,
    WITHHELD_TEXT,
    personal_kind,
    Redactor,
    _bounded,
    _date_forms,
    map_strings,
    _digit_forms,
    _Found,
    _parse,
    _without_numbers,
    collect_validators,
    keyed_junk,
)
from ivr.rules.scrub import scrub_speech
from ivr.qa.transcript import CallerInput

_DIGIT = re.compile(r"[0-9]")

DROPPED_CASE_FIELDS = ("applicant_name", "a_number", "phone")
"""Case fields no step reads: left out of the snapshot an entry keeps (issue 10.3)."""

SCRUBBED_COLLECTS = ("live_topic",)
"""Collects of free speech whose words the call acts on (Tier 1's "what is your question"): scrubbed like
speech at a menu, since nothing there asks for an identifier."""

_DATE_SPAN = 60 * 365  # days from 1940-01-01: tokens of dates of birth stay plausible ones
_DATE_BASE = dt.date(1940, 1, 3)


class _KeyedRedactor(Redactor):
    """A redactor whose synthetic values are a keyed function of the original (stable across calls)."""

    def __init__(self, key: bytes, validators: Mapping[str, Mapping[str, str]]) -> None:
        super().__init__(validators)
        self.key = key

    def _hash(self, kind: str, original: str) -> int:
        return int.from_bytes(hmac.new(self.key, f"{kind}|{original}".encode(), hashlib.sha256).digest()[:8], "big")

    def _fresh(self, kind: str, original: str) -> str:
        n = self._hash(kind, original)
        if kind == "receipt":
            return original[:2] + "999" + f"{n % 10**5:05d}"
        if kind == "phone":
            return "55555" + f"{n % 10**5:05d}"
        if kind == "a_number":
            return "088" + f"{n % 10**6:06d}"
        if kind == "international":
            return original[:2] + f"{n % 10 ** (len(original) - 2):0{len(original) - 2}d}"
        return f"{n % 10 ** len(original):0{len(original)}d}"

    def _date(self, day: dt.date, found: _Found) -> None:
        if day not in self.dates:
            self.dates[day] = _DATE_BASE + dt.timedelta(days=self._hash("date", day.isoformat()) % _DATE_SPAN)
        found.dates.add(day)


_UNPARSED: Any = object()
"""No parse of the answer made yet (`_parse` itself gives None for an answer it cannot read)."""

_Swap = tuple[_KeyedRedactor, Callable[[str], str], Any]
"""A swapper: its redactor, its replacement of every written form, the collected answer as parsed."""


class Tokeniser:
    """Tokenises a call's transcript entries before they are stored."""

    def __init__(self, key: bytes, flows: Iterable[Flow], names: Iterable[str] = ()) -> None:
        flows = list(flows)
        self.key = key
        self.validators = collect_validators(flows)
        # flow id -> {session variable -> validator}: what a call collected and a later step may say again
        # (identifiers, by the kind they are; free-text answers, FREE_TEXT_VALIDATORS)
        self.held_vars = {
            flow.id: {
                state.into: personal_kind(state.validator) for state in flow.states.values()
                if state.kind == "collect" and state.into and state.validator
                and (personal_kind(state.validator) in PII_VALIDATORS or state.validator in FREE_TEXT_VALIDATORS)
            }
            for flow in flows
        }
        self.names = tuple(sorted({name for name in names if name}))  # names in the case data, scrubbed from speech
        self._swaps: OrderedDict[tuple[Any, ...], _Swap] = OrderedDict()

    # --- entries -------------------------------------------------------------------------------

    def header(self, header: dict[str, Any]) -> dict[str, Any]:
        """A `call` header with the calling number tokenised."""
        caller = header.get("caller")
        if not caller:
            return header
        swap = self._swapper(known=(), caller=str(caller), cases=())[1]
        return {**header, "caller": swap(str(caller)), "tokenised": True}

    def known(self, session: Session) -> tuple[tuple[str, str], ...]:
        """The identifiers a call holds between steps, as (validator, value): its verified receipt and
        what it collected (a read-back, a later prompt or the request it files may say them)."""
        found = [("receipt_number", session.verified_receipt)] if session.verified_receipt else []
        variables = session.vars
        if variables:  # none until the call collects something
            for name, validator in self.held_vars.get(session.flow_id, _NO_VALIDATORS).items():
                value = variables.get(name)
                if value:
                    found.append((validator, str(value)))
        return tuple(found)

    def entry(
        self, entry: dict[str, Any], flow_id: str, known: Iterable[tuple[str, str]] = (), caller: str | None = None
    ) -> dict[str, Any]:
        """A `step` entry with every identifier tokenised; `known` are identifiers the call holds
        (`known(session)`), `caller` its calling number."""
        read = entry.get("cases")
        cases = tuple(read.values()) if read else ()  # only read here: the snapshots are new dicts
        state_before = str(entry.get("state_before", ""))
        validators = self.validators.get(flow_id, _NO_VALIDATORS)
        validator = validators.get(state_before)
        given = entry.get("input") or {}
        known = tuple(known)
        language = str(entry.get("language", "en"))
        redactor, swap, parsed = self._swapper(
            known, caller, cases, validator, language if state_before != "language" else "en", given)
        out = dict(entry)
        out["input"] = self._input(redactor, swap, given, validator, state_before, state_before in validators, language, parsed)
        # a prompt says an identifier only as digits (read-backs, dates): text without a digit is left as is,
        # unless the call holds a free-text answer (its read-back is words)
        free_text = validator in FREE_TEXT_VALIDATORS or any(kind in FREE_TEXT_VALIDATORS for kind, _ in known)
        prompts = entry.get("prompts", ())
        if prompts:
            digit = _DIGIT.search
            out["prompts"] = [
                {**prompt, "text": swap(text)} if digit(text := str(prompt.get("text", ""))) or free_text else prompt
                for prompt in prompts
            ]
        else:
            out["prompts"] = []
        for key in ("effects", "tier_changes"):
            if entry.get(key):
                out[key] = map_strings(entry[key], swap)
        if cases:
            snapshots = [_snapshot(redactor, case) for case in cases]
            out["cases"] = {str(case["receipt_number"]): case for case in snapshots}
        return out

    def finished(self, session: Session) -> Session:
        """A finished call's session as the store keeps it: no receipt, answers or calling number."""
        kept = session.copy()
        if kept.caller:
            kept.caller = self.header({"caller": kept.caller})["caller"]
        kept.verified_receipt = None
        kept.vars = {}
        kept.pending = None
        kept.tier_changes = [
            dataclasses.replace(change, context={k: v for k, v in change.context.items() if k != "verified_receipt"})
            for change in kept.tier_changes
        ]
        return kept

    # --- a rehearsal shown as its trainee keyed it --------------------------------------------

    def revealer(self, cases: Iterable[Mapping[str, Any]], dates: bool = True) -> Callable[[str], str]:
        """The tokens of these cases' identifiers back to the identifiers, in every written form
        (without `dates`, the receipt numbers only: a date of birth stays a token).

        For showing a rehearsal of the (fictional) training cases in the words its trainee keyed
        and heard; what is stored stays tokenised.  A token of anything else is left as it is."""
        redactor = _KeyedRedactor(self.key, self.validators)
        found = _Found()
        for case in cases:
            _catalogue_case(redactor, case, found)
        back: dict[str, str] = {}
        for digits in found.digits:
            for before, after in _digit_forms(digits, redactor.digits[digits]):
                back.setdefault(after, before)
        for day in found.dates if dates else ():
            for before, after in _date_forms(day, redactor.dates[day]):
                back.setdefault(after, before)
        return _substituter(back)

    # --- the answer kept for a retry ----------------------------------------------------------

    def caller_at_rest(self, text: str, caller: str) -> str:
        """`text` with the calling number, in every written form, replaced by its token's."""
        return self._swapper(known=(), caller=caller, cases=())[1](text)

    def caller_restored(self, text: str, caller: str) -> str:
        """`text` from `caller_at_rest` with the number `caller` back in place of its token."""
        redactor = _KeyedRedactor(self.key, self.validators)
        found = _Found()
        redactor._phone(caller, found)
        pairs = [(token, said) for digits in found.digits for said, token in _digit_forms(digits, redactor.digits[digits])]
        for token, said in sorted(pairs, key=lambda pair: len(pair[0]), reverse=True):
            text = text.replace(token, said)
        return text

    # --- helpers -------------------------------------------------------------------------------

    def _swapper(
        self,
        known: tuple[tuple[str, str], ...],
        caller: str | None,
        cases: tuple[dict[str, Any], ...],
        validator: str | None = None,
        language: str = "en",
        given: Mapping[str, Any] | None = None,
    ) -> _Swap:
        """The replacer for these identifiers, built once per distinct set (a call's steps share one), with
        the answer `given` to a collect of an identifier as its validator parsed it (`_UNPARSED` for any
        other step): `_input` tokenises that answer from the same parse."""
        key = (known, caller, tuple(sorted(str(case.get("receipt_number")) for case in cases)) if cases else (),
               validator, language, tuple(sorted(given.items())) if given and validator in _ANSWERS_TOKENISED else ())
        cached = self._swaps.get(key)
        if cached is not None:
            self._swaps.move_to_end(key)
            return cached
        redactor = _KeyedRedactor(self.key, self.validators)
        found = _Found()
        for case in cases:
            _catalogue_case(redactor, case, found)
        if caller:
            redactor._phone(caller, found)
        withheld: list[str] = []  # free-text answers, as said and as the call keeps them
        for kind, value in known:
            if kind in FREE_TEXT_VALIDATORS:
                withheld.append(value)
                continue
            try:
                redactor._value(kind, value, found) if kind != "receipt_number" or len(value) != 10 else None
            except ValueError:  # a value the validator did not normalise: search it as text
                redactor._scan(value, found)
        if validator in FREE_TEXT_VALIDATORS and given and given.get("value") is not None:
            said = str(given["value"])
            if " ".join(said.split()) in withheld:  # taken as the answer (not a global intent, not refused)
                withheld.append(said)
        parsed: Any = _UNPARSED
        if validator in PII_VALIDATORS and given and given.get("value") is not None:
            parsed = _parse(validator, _caller_input(given), language)
            if parsed is not None:
                redactor._value(validator, parsed, found)
        for kind, value in known:
            if kind == "receipt_number" and len(value) == 10 and value.isdigit():
                redactor._digit_run(value, "receipt", found)
        swap = _replacer(redactor, found, {text: WITHHELD_TEXT for text in withheld if text.strip()})
        made = self._swaps[key] = (redactor, swap, parsed)
        if len(self._swaps) > 512:
            self._swaps.popitem(last=False)
        return made

    def _input(
        self,
        redactor: _KeyedRedactor,
        swap: Callable[[str], str],
        given: Mapping[str, Any],
        validator: str | None,
        state_before: str,
        is_collect: bool,
        language: str,
        parsed: Any = _UNPARSED,
    ) -> dict[str, Any]:
        value = given.get("value")
        if value is None:
            return dict(given)
        kind = str(given.get("kind"))
        if kind == "agent":
            return {**given, "value": swap(str(value))}
        if validator in PII_VALIDATORS:
            spoken_in = language if state_before != "language" else "en"
            if parsed is _UNPARSED:  # (the swapper parses every such answer: this is for a caller of its own)
                parsed = _parse(validator, _caller_input(given), spoken_in)
            if kind == "digits":
                return {**given, "value": swap(str(value)) if parsed is not None else keyed_junk(str(value))}
            if parsed is None:
                return {**given, "value": _without_numbers(str(value))}
            return {**given, "value": redactor._spoken(validator, parsed, spoken_in)}
        text = swap(str(value))
        if kind == "speech" and (not is_collect or validator in SCRUBBED_COLLECTS):  # nothing there asks for an identifier
            text = scrub_speech(text, self.names)
        return {**given, "value": text}


def _replacer(redactor: Redactor, found: _Found, texts: Mapping[str, str] | None = None) -> Callable[[str], str]:
    """The redactor's replacement of every written form (and of each of `texts`, whole answers), with a
    substring test first: most texts hold none of the forms, and testing them one by one is far cheaper
    than the alternation."""
    forms: dict[str, str] = dict(texts or {})
    for digits in found.digits:
        for before, after in _digit_forms(digits, redactor.digits[digits]):
            forms.setdefault(before, after)
    for day in found.dates:
        for before, after in _date_forms(day, redactor.dates[day]):
            forms.setdefault(before, after)
    forms.update({word: redactor.names[word] for word in found.names})
    return _substituter(forms, words=found.names)


def _substituter(forms: Mapping[str, str], words: Collection[str] = ()) -> Callable[[str], str]:
    """Each of `forms` replaced by its value wherever it stands alone (the longest first; `words` only
    as whole words), with a substring test first: most texts hold none of the forms."""
    ordered = sorted(forms, key=len, reverse=True)
    patterns = {form: re.compile(rf"\b{re.escape(form)}\b" if form in words else _bounded(form)) for form in ordered}
    shortest = len(ordered[-1]) if ordered else 0

    def swap(text: str) -> str:
        if len(text) < shortest or not ordered:  # no form fits in it (a key pressed, most often)
            return text
        for form in ordered:
            if form in text:
                text = patterns[form].sub(forms[form], text)
        return text

    return swap


def _caller_input(given: Mapping[str, Any]) -> CallerInput:
    kind = "press" if given.get("kind") == "digits" else "say"
    return CallerInput(kind, str(given.get("value", "")))


def _snapshot(redactor: Redactor, case: dict[str, Any]) -> dict[str, Any]:
    """The case as a step read it, without the fields no step reads, receipt and birth date tokenised."""
    result = {key: value for key, value in case.items() if key not in DROPPED_CASE_FIELDS}
    receipt = str(case.get("receipt_number", ""))
    if len(receipt) == 13 and receipt[3:] in redactor.digits:
        result["receipt_number"] = receipt[:3] + redactor.digits[receipt[3:]]
    if case.get("date_of_birth"):
        result["date_of_birth"] = redactor.dates[dt.date.fromisoformat(str(case["date_of_birth"]))].isoformat()
    return result


def _catalogue_case(redactor: Redactor, case: Mapping[str, Any], found: _Found) -> None:
    receipt = str(case.get("receipt_number", ""))
    if len(receipt) == 13:
        redactor._digit_run(receipt[3:], "receipt", found)
    if case.get("date_of_birth"):
        redactor._date(dt.date.fromisoformat(str(case["date_of_birth"])), found)
    if case.get("a_number"):
        redactor._a_number(str(case["a_number"])[1:], found)
    if case.get("phone"):
        redactor._phone(str(case["phone"]), found)
    if case.get("applicant_name"):
        redactor._name(str(case["applicant_name"]), found)


_NO_VALIDATORS: Mapping[str, str] = {}

_ANSWERS_TOKENISED = (*PII_VALIDATORS, *FREE_TEXT_VALIDATORS)
"""Collects whose answer itself is replaced (so the replacer depends on the answer given)."""

__all__ = ["DROPPED_CASE_FIELDS", "FREE_TEXT_VALIDATORS", "WITHHELD_TEXT", "Tokeniser"]
