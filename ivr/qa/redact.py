"""Redacting transcripts: identifiers replaced with consistent synthetic values.

Receipt numbers, A-numbers, dates of birth, phone numbers and applicant
names are replaced everywhere they occur in a transcript: the caller's inputs
(keyed digits, and speech, digit words included), what the call said (read-
backs such as "W A C, 2 6 9, …"), the case snapshot, effects and tier-change
context.  One `Redactor` serves one export, so the same identifier becomes the
same synthetic value in every transcript of it, and the replacement keeps
what a call's path depends on:

* a receipt number keeps its three-letter prefix (the office it routes to)
  and its first two digits (the fiscal year); two receipts sharing ten digits
  still share them;
* a value keeps its shape (ten digits stay ten, a date stays a date), so a
  redacted input is valid exactly when the original was, and a date of birth
  matches its case exactly when it did;
* numbers the system makes up (service request references) are not touched.

So a redacted transcript replays to the same path as the original (tested in
tests/qa/test_redact.py).  Speech at menus, where nothing asks for an
identifier, is also scrubbed of names, e-mail addresses, long numbers and
dates (`ivr.rules.scrub`), whether or not the call read a case.  What a caller
said to describe a service request in their own words (the `request_details`
collects: a new address, an accommodation, a correction) is withheld
(`WITHHELD_TEXT`) in the answer, its read-back and the request filed, whatever
the store kept (a `KEEP_IDENTIFIERS` store keeps the words).  Synthetic values
come from ranges that cannot be real: phones `+1 555-55x-xxxx`, A-numbers
`A088xxxxxx`, receipts with workday 999.

Inputs are classified by the validator of the collect state they were given
in (`collect_validators(flows)`), so a receipt keyed into a receipt prompt is
known to be one even when no case has it.  The module is pure: no files, no
clock.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import replace
from typing import Any

from ivr.core.flow import Flow
from ivr.qa.transcript import CallerInput, Heard, Transcript, TranscriptStep
from ivr.rules.scrub import scrub_speech
from ivr.rules import spoken

PII_VALIDATORS = ("receipt_number", "date_of_birth", "a_number", "phone_number")
"""Validators whose values identify a person; inputs to other collects are kept."""

FREE_TEXT_VALIDATORS = ("request_details",)
"""Validators whose value is the caller's own account, kept on a request (a new address, the accommodation
needed, a correction): personal, and nothing a replay needs but that it is words."""

WITHHELD_TEXT = "[details withheld]"
"""What a free-text answer is kept as, wherever it appears (the answer, its read-back, the request filed):
two words, so the answer still passes its validator when the call is replayed."""

_RECEIPT = re.compile(r"(?<![A-Za-z])([A-Z]{3})[- ]?([0-9]{10})(?![0-9])")
_A_NUMBER = re.compile(r"(?<![A-Za-z])A-?([0-9]{8,9})(?![0-9])")
_NUMBER_WORDS = {
    "double", "triple", "hundred", "thousand", "and", "mil", "cien", "ciento", "y",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth",
    "twentieth", "thirtieth", "diez", "once", "doce", "trece", "catorce", "quince", "dieciseis", "diecisiete",
    "dieciocho", "diecinueve", "veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta",
    "noventa", "primero", "primer",
}  # fmt: skip
_MONTH_WORDS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre",
    "octubre", "noviembre", "diciembre",
}  # fmt: skip
_GIVEN = ("Avery", "Blake", "Carmen", "Dana", "Emery", "Frankie", "Gale", "Harper", "Indra", "Jules", "Kendall", "Logan")
_FAMILY = ("Doe", "Roe", "Moe", "Poe", "Loe", "Zoe", "Koe", "Hoe", "Joe", "Noe", "Soe", "Toe")
_DOB_BASE = dt.date(1951, 3, 7)


def collect_validators(flows: Mapping[str, Flow] | Iterable[Flow]) -> dict[str, dict[str, str]]:
    """flow id -> {collect state -> validator}: how to read what a caller gave in each collect.

    A validator that reads personal data is named by the kind it reads (its registry
    `personal`), so a collect is redacted by what it reads, whatever its validator is called.
    """
    items = flows.values() if isinstance(flows, Mapping) else flows
    return {
        flow.id: {
            name: personal_kind(state.validator)
            for name, state in flow.states.items()
            if state.kind == "collect" and state.validator
        }
        for flow in items
    }


def personal_kind(validator: str) -> str:
    """The kind of personal data `validator` reads (one of PII_VALIDATORS), else the validator's own name."""
    from ivr.core.registry import builtin_registry

    spec = builtin_registry().validators.get(validator)
    return spec.personal if spec is not None and spec.personal else validator


class Redactor:
    """Replaces identifiers with synthetic ones, consistently across every transcript it redacts."""

    def __init__(self, validators: Mapping[str, Mapping[str, str]] | None = None) -> None:
        self.validators = validators or {}
        self.digits: dict[str, str] = {}  # original digit run -> synthetic run of the same length
        self.dates: dict[dt.date, dt.date] = {}
        self.names: dict[str, str] = {}  # one word of a name -> a synthetic word
        self._issued: set[str] = set()
        self._originals: set[str] = set()
        self._counters: dict[str, int] = {}

    # --- the transcript -----------------------------------------------------------------------

    def redact(self, transcript: Transcript) -> Transcript:
        """The transcript with every identifier replaced; marked `redacted`."""
        found = _Found()
        self._catalogue(transcript, found)
        collects = self.validators.get(transcript.flow_id, {})
        swap = _withholding(_withheld_answers(transcript, collects), self._replacer(found))
        steps = tuple(self._step(step, swap, collects) for step in transcript.steps)
        if any(step.input.kind == "say" and step.state_before not in collects for step in steps):
            # speech at menus: identifiers nobody asked for (names, e-mails, long numbers, dates), case read or not
            steps = tuple(
                replace(step, input=CallerInput("say", scrub_speech(step.input.value or "", found.names)))
                if step.input.kind == "say" and step.state_before not in collects else step
                for step in steps
            )
        return replace(
            transcript,
            caller=swap(transcript.caller) if transcript.caller else transcript.caller,
            cases=tuple(self._case(case, swap) for case in transcript.cases),
            steps=steps,
            settings=map_strings(transcript.settings, swap),
            redacted=True,
        )

    def _step(self, step: TranscriptStep, swap: Callable[[str], str], collects: Mapping[str, str]) -> TranscriptStep:
        seen = step.observed
        observed = replace(
            seen,
            heard=tuple(Heard(h.prompt, swap(h.text), h.language) for h in seen.heard),
            effects=tuple(map_strings(effect, swap) for effect in seen.effects),
            tier_changes=tuple(map_strings(change, swap) for change in seen.tier_changes),
        )
        return replace(
            step,
            input=self._input(step, swap, collects.get(step.state_before)),
            observed=observed,
            cases=tuple(self._case(case, swap) for case in step.cases),
        )

    def _input(self, step: TranscriptStep, swap: Callable[[str], str], validator: str | None) -> CallerInput:
        given = step.input
        if given.value is None:
            return given
        if validator in FREE_TEXT_VALIDATORS and swap(given.value) == WITHHELD_TEXT:
            return CallerInput(given.kind, WITHHELD_TEXT, given.confidence)
        if validator not in PII_VALIDATORS:
            return CallerInput(given.kind, swap(given.value), given.confidence)
        language = step.observed.language if step.state_before != "language" else "en"
        value = _parse(validator, given, language)
        if given.kind == "press":
            if value is None:
                return CallerInput("press", keyed_junk(given.value))
            return CallerInput("press", swap(given.value))
        if value is None:
            return CallerInput("say", _without_numbers(given.value), given.confidence)
        return CallerInput("say", self._spoken(validator, value, language), given.confidence)

    # --- finding identifiers ------------------------------------------------------------------

    def _catalogue(self, transcript: Transcript, found: _Found) -> None:
        for case in [*transcript.cases, *(case for step in transcript.steps for case in step.cases)]:
            receipt = str(case.get("receipt_number", ""))
            if len(receipt) == 13:
                self._digit_run(receipt[3:], "receipt", found)
            if case.get("date_of_birth"):
                self._date(dt.date.fromisoformat(str(case["date_of_birth"])), found)
            if case.get("a_number"):
                self._a_number(str(case["a_number"])[1:], found)
            if case.get("phone"):
                self._phone(str(case["phone"]), found)
            if case.get("applicant_name"):
                self._name(str(case["applicant_name"]), found)
        if transcript.caller:
            self._phone(transcript.caller, found)
        collects = self.validators.get(transcript.flow_id, {})
        for step in transcript.steps:
            validator = collects.get(step.state_before)
            if validator in PII_VALIDATORS and step.input.value is not None:
                language = step.observed.language if step.state_before != "language" else "en"
                value = _parse(validator, step.input, language)
                if value is not None:
                    self._value(validator, value, found)
            # Free text is searched only where the call put the caller's data, never in prompts: a flow
            # may well say an example receipt number, and that must stay as the flow says it.
            texts = [step.input.value or ""] + _strings([*step.observed.effects, *step.observed.tier_changes])
            for text in texts:
                self._scan(text, found)

    def _scan(self, text: str, found: _Found) -> None:
        """Identifiers written out in free text: receipt numbers and A-numbers."""
        for match in _RECEIPT.finditer(text):
            self._digit_run(match[2], "receipt", found)
        for match in _A_NUMBER.finditer(text):
            self._a_number(match[1], found)

    def _value(self, validator: str, value: str, found: _Found) -> None:
        if not is_identifier(value):  # 'none', 'representative': an answer, not an identifier
            return
        if validator == "receipt_number":
            self._digit_run(value[-10:], "receipt", found)
        elif validator == "date_of_birth":
            self._date(dt.date.fromisoformat(value), found)
        elif validator == "a_number":
            self._a_number(value, found)
        elif validator == "phone_number":
            self._phone(value, found)

    def _digit_run(self, digits: str, kind: str, found: _Found) -> str:
        if digits not in self.digits:
            self._originals.add(digits)
            self.digits[digits] = self._fresh(kind, digits)
        found.digits.add(digits)
        return self.digits[digits]

    def _phone(self, phone: str, found: _Found) -> None:
        digits = re.sub(r"[^0-9]", "", phone)
        if phone.strip().startswith("+") and not digits.startswith("1") and len(digits) > 6:
            self._digit_run(digits, "international", found)  # keeps its country code: still a call from abroad
            return
        ten = digits[-10:]
        if len(ten) == 10:
            synthetic = self._digit_run(ten, "phone", found)
            self.digits.setdefault("1" + ten, "1" + synthetic)
            found.digits.add("1" + ten)

    def _a_number(self, digits: str, found: _Found) -> None:
        nine = digits.zfill(9)
        synthetic = self._digit_run(nine, "a_number", found)
        if nine.startswith("0"):
            self.digits.setdefault(nine[1:], synthetic[1:])
            found.digits.add(nine[1:])

    def _date(self, day: dt.date, found: _Found) -> None:
        if day not in self.dates:
            self._originals.add(day.isoformat())
            self.dates[day] = self._fresh_date()
        found.dates.add(day)

    def _name(self, name: str, found: _Found) -> None:
        words = re.findall(r"[^\W\d_]{2,}", name)
        for index, word in enumerate(words):
            if word not in self.names:
                pool = _GIVEN if index == 0 else _FAMILY
                count = self._count("given" if index == 0 else "family")
                self.names[word] = pool[count % len(pool)] + ("" if count < len(pool) else str(count // len(pool) + 1))
            found.names.add(word)

    # --- synthetic values --------------------------------------------------------------------

    def _count(self, kind: str) -> int:
        self._counters[kind] = self._counters.get(kind, 0) + 1
        return self._counters[kind] - 1

    def _fresh(self, kind: str, original: str) -> str:
        while True:
            n = self._count(kind) + 1
            if kind == "receipt":
                candidate = original[:2] + "999" + f"{n:05d}"
            elif kind == "phone":
                candidate = "55555" + f"{n:05d}"
            elif kind == "a_number":
                candidate = "088" + f"{n:06d}"
            elif kind == "international":
                candidate = original[:2] + f"{n:0{len(original) - 2}d}"
            else:
                candidate = f"{n:0{len(original)}d}"
            if candidate not in self._originals and candidate not in self._issued:
                self._issued.add(candidate)
                return candidate

    def _fresh_date(self) -> dt.date:
        while True:
            candidate = _DOB_BASE + dt.timedelta(days=37 * self._count("date"))
            if candidate.isoformat() not in self._originals and candidate.isoformat() not in self._issued:
                self._issued.add(candidate.isoformat())
                return candidate

    # --- rewriting ------------------------------------------------------------------------------

    def _replacer(self, found: _Found) -> Callable[[str], str]:
        """One pass over a text replacing every written form of the identifiers found."""
        forms: dict[str, str] = {}
        for digits in found.digits:
            for before, after in _digit_forms(digits, self.digits[digits]):
                forms.setdefault(before, after)
        for day in found.dates:
            for before, after in _date_forms(day, self.dates[day]):
                forms.setdefault(before, after)
        name_forms = {word: self.names[word] for word in found.names}
        if not forms and not name_forms:
            return lambda text: text
        parts = [_bounded(form) for form in sorted(forms, key=len, reverse=True)]
        parts += [rf"\b{re.escape(word)}\b" for word in sorted(name_forms, key=len, reverse=True)]
        pattern = re.compile("|".join(parts))
        table = {**forms, **name_forms}

        def swap(text: str) -> str:
            return pattern.sub(lambda match: table[match[0]], text)

        return swap

    def _case(self, case: Mapping[str, Any], swap: Callable[[str], str]) -> dict[str, Any]:
        result = dict(map_strings(case, swap))
        receipt = str(case.get("receipt_number", ""))
        if len(receipt) == 13 and receipt[3:] in self.digits:
            result["receipt_number"] = receipt[:3] + self.digits[receipt[3:]]
        if case.get("date_of_birth"):
            result["date_of_birth"] = self.dates[dt.date.fromisoformat(str(case["date_of_birth"]))].isoformat()
        return result

    def _spoken(self, validator: str, value: str, language: str) -> str:
        """A synthetic value said the way a caller would say it, readable by the same validator."""
        if validator == "date_of_birth":
            return spoken.say_date(self.dates[dt.date.fromisoformat(value)], language)
        words = {digit: word for word, digit in spoken.DIGIT_WORDS[language].items() if word not in ("oh", "o", "un", "una")}
        if validator == "receipt_number":
            digits = self.digits[value[-10:]]
            letters = " ".join(value[:3]) + " " if len(value) == 13 else ""
            return letters + " ".join(words[d] for d in digits)
        if validator == "a_number":
            return "A " + " ".join(words[d] for d in self.digits[value])
        return " ".join(words[d] for d in self.digits[value[-10:]])


class _Found:
    """The identifiers found in one transcript (the forms to replace in it)."""

    def __init__(self) -> None:
        self.digits: set[str] = set()
        self.dates: set[dt.date] = set()
        self.names: set[str] = set()


def identifier_forms(transcript: Transcript, redactor: Redactor) -> set[str]:
    """Every written form of every identifier the redactor found in `transcript` (to prove none survives)."""
    found = _Found()
    redactor._catalogue(transcript, found)
    forms = {before for digits in found.digits for before, _ in _digit_forms(digits, redactor.digits[digits])}
    forms |= {before for day in found.dates for before, _ in _date_forms(day, redactor.dates[day])}
    return forms | found.names


# --- forms ---------------------------------------------------------------------------------------


def _digit_forms(original: str, synthetic: str) -> list[tuple[str, str]]:
    """How a digit run may be written: as is, read back in groups, spaced, dashed, as words."""
    pairs = [
        (original, synthetic),
        (spoken.read_digits(original, "en"), spoken.read_digits(synthetic, "en")),
        (" ".join(original), " ".join(synthetic)),
    ]
    if len(original) == 10:
        pairs.append((f"{original[:3]}-{original[3:6]}-{original[6:]}", f"{synthetic[:3]}-{synthetic[3:6]}-{synthetic[6:]}"))
        pairs.append((f"({original[:3]}) {original[3:6]}-{original[6:]}", f"({synthetic[:3]}) {synthetic[3:6]}-{synthetic[6:]}"))
    for language in ("en", "es"):
        table = {digit: word for word, digit in spoken.DIGIT_WORDS[language].items() if word not in ("oh", "o", "un", "una")}
        pairs.append((" ".join(table[d] for d in original), " ".join(table[d] for d in synthetic)))
    return pairs


def _date_forms(original: dt.date, synthetic: dt.date) -> list[tuple[str, str]]:
    """How a date of birth may be written or said: ISO, keyed MMDDYYYY, M/D/YYYY, and spoken."""
    pairs = [
        (original.isoformat(), synthetic.isoformat()),
        (original.strftime("%m%d%Y"), synthetic.strftime("%m%d%Y")),
        (original.strftime("%m/%d/%Y"), synthetic.strftime("%m/%d/%Y")),
        (f"{original.month}/{original.day}/{original.year}", f"{synthetic.month}/{synthetic.day}/{synthetic.year}"),
    ]
    for language in ("en", "es"):
        said, said_now = spoken.say_date(original, language), spoken.say_date(synthetic, language)
        pairs += [(said, said_now), (said.replace(",", ""), said_now.replace(",", ""))]
    return pairs


def _bounded(form: str) -> str:
    """A form as a pattern that does not match inside a longer number."""
    pattern = re.escape(form)
    if form[:1].isdigit():
        pattern = r"(?<![0-9])" + pattern
    if form[-1:].isdigit():
        pattern += r"(?![0-9])"
    if form[:1].isalpha():
        pattern = r"\b" + pattern
    if form[-1:].isalpha():
        pattern += r"\b"
    return pattern


# --- inputs --------------------------------------------------------------------------------------


def _parse(validator: str, given: CallerInput, language: str) -> str | None:
    from ivr.core.registry import builtin_registry

    spec = builtin_registry().validators.get(validator)
    if spec is None or given.value is None:
        return None
    kind = "digits" if given.kind == "press" else "speech"
    try:
        value = spec.func(given.value, kind, language)
    except (ValueError, KeyError):
        return None
    return value if is_identifier(value) else None


def keyed_junk(keys: str) -> str:
    """Keys that were no identifier, as kept: one key as pressed (a single key identifies no one, and
    turning it into 0 would replay as the representative key); longer junk with its digits zeroed
    (its length kept, it stays junk)."""
    return keys if len(keys) == 1 else re.sub(r"[0-9]", "0", keys)


def is_identifier(value: str | None) -> bool:
    """Whether a validator's answer names someone: an identifier holds digits; an answer such as the
    receipt question's 'none' or 'representative' (the caller has none, or is an attorney) does not."""
    return value is not None and any(c.isdigit() for c in value)


def _without_numbers(text: str) -> str:
    """Speech that was no valid identifier, with every number, digit word and month left out."""
    digit_words = set(spoken.DIGIT_WORDS["en"]) | set(spoken.DIGIT_WORDS["es"])
    kept = [
        word
        for word in text.split()
        if not (set(spoken.words(word)) & (digit_words | _NUMBER_WORDS | _MONTH_WORDS) or re.search(r"[0-9]", word))
    ]
    return " ".join(kept) or "(redacted)"


def _withheld_answers(transcript: Transcript, collects: Mapping[str, str]) -> tuple[str, ...]:
    """What the caller said at a free-text collect and the call took as the answer (it was read back or
    filed: it occurs in what the call said or did), as said and as the call repeats it, longest first."""
    said = {
        text
        for step in transcript.steps
        if collects.get(step.state_before) in FREE_TEXT_VALIDATORS and step.input.value
        for text in (step.input.value, " ".join(step.input.value.split()))
        if text.strip() and text != WITHHELD_TEXT
    }
    if not said:
        return ()
    repeated = [h.text for step in transcript.steps for h in step.observed.heard]
    repeated += _strings([[*step.observed.effects, *step.observed.tier_changes] for step in transcript.steps])
    taken = {text for text in said if any(" ".join(text.split()) in " ".join(other.split()) for other in repeated)}
    return tuple(sorted(taken, key=len, reverse=True))


def _withholding(answers: tuple[str, ...], swap: Callable[[str], str]) -> Callable[[str], str]:
    """`swap`, after every one of `answers` is replaced with WITHHELD_TEXT wherever it occurs."""
    if not answers:
        return swap

    def withhold(text: str) -> str:
        for answer in answers:
            if answer in text:
                text = text.replace(answer, WITHHELD_TEXT)
        return swap(text)

    return withhold


def map_strings(value: Any, swap: Callable[[str], str]) -> Any:
    """`value` (a string, or lists and mappings of them, nested) with `swap` applied to every string."""
    if isinstance(value, str):
        return swap(value)
    if isinstance(value, Mapping):
        return {key: map_strings(item, swap) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [map_strings(item, swap) for item in value]
    return value


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, Mapping):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, (list, tuple)):
        return [text for item in value for text in _strings(item)]
    return []


__all__ = ["FREE_TEXT_VALIDATORS", "PII_VALIDATORS", "WITHHELD_TEXT", "Redactor", "collect_validators", "identifier_forms", "personal_kind"]
