"""Collecting definition problems: one `Checker` per file, every fault at once.

Validators walk the loaded data, call `checker.problem(...)` for each fault,
and call `checker.raise_if_any()` at the end.  The helpers here cover what
every definition format needs: strict keys, types and bilingual text.

A checker given a `spanish` rule (the glossary's `avoided_forms`, for the flows,
script drafts and each script's newest version) holds every Spanish text that
`bilingual` reads to it: each finding is a problem on the line that says it (the
`es:` line when the checker was not given the file's text, or the words run over
a line break).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from typing import Any

from ivr.clock import out_of_range
from ivr.definitions.yamlsource import Mapping, Sequence, excerpt, line_of
from ivr.errors import DefinitionError, Problem

LANGUAGES = ("en", "es")


class Checker:
    """Accumulates the problems of one definition file."""

    def __init__(self, path: str, spanish: Callable[[str], Iterable[object]] | None = None, source: str = "") -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.spanish = spanish
        self.source = source  # the file's text, when the caller has it: findings name their own line

    def problem(self, line: int, where: str, what: str) -> None:
        self.problems.append(Problem(self.path, line, where, what))

    def raise_if_any(self) -> None:
        if self.problems:
            raise DefinitionError(self.problems)

    # --- shapes -----------------------------------------------------------------

    def mapping(self, value: Any, where: str, line: int) -> Mapping | None:
        if isinstance(value, Mapping):
            return value
        self.problem(line_of(value, line), where, f"expected a mapping, found {kind_of(value)}")
        return None

    def sequence(self, value: Any, where: str, line: int) -> Sequence | None:
        if isinstance(value, Sequence):
            return value
        self.problem(line_of(value, line), where, f"expected a list, found {kind_of(value)}")
        return None

    def keys(
        self,
        mapping: Mapping,
        where: str,
        allowed: Iterable[str],
        required: Iterable[str] = (),
    ) -> None:
        """Unknown keys and missing required keys are problems."""
        allowed = tuple(allowed)
        for key in mapping:
            if key not in allowed:
                self.problem(
                    mapping.line_of(key),
                    _join(where, key),
                    f"unknown key '{key}' (allowed: {', '.join(allowed)})",
                )
        for key in required:
            if key not in mapping:
                self.problem(mapping.line, where or "top level", f"missing required key '{key}'")

    def text(self, mapping: Mapping, key: str, where: str, required: bool = True) -> str | None:
        value = mapping.get(key)
        if value is None:
            if required and key in mapping:
                self.problem(mapping.line_of(key), _join(where, key), "must not be empty")
            return None
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            self.problem(mapping.line_of(key), _join(where, key), f"expected text, found {kind_of(value)}")
            return None
        text = str(value).strip()
        if required and not text:
            self.problem(mapping.line_of(key), _join(where, key), "must not be empty")
            return None
        return text

    def integer(self, mapping: Mapping, key: str, where: str, minimum: int = 0) -> int | None:
        value = mapping.get(key)
        if isinstance(value, bool) or not isinstance(value, int):
            self.problem(mapping.line_of(key), _join(where, key), f"expected a whole number, found {kind_of(value)}")
            return None
        if value < minimum:
            self.problem(mapping.line_of(key), _join(where, key), f"must be at least {minimum}")
            return None
        return value

    def boolean(self, mapping: Mapping, key: str, where: str) -> bool | None:
        value = mapping.get(key)
        if not isinstance(value, bool):
            self.problem(mapping.line_of(key), _join(where, key), f"expected true or false, found {kind_of(value)}")
            return None
        return value

    def choice(self, mapping: Mapping, key: str, where: str, allowed: Iterable[str]) -> str | None:
        allowed = tuple(allowed)
        value = self.text(mapping, key, where)
        if value is None:
            return None
        if value not in allowed:
            self.problem(
                mapping.line_of(key), _join(where, key), f"unknown value '{value}' (allowed: {', '.join(allowed)})"
            )
            return None
        return value

    def date(self, mapping: Mapping, key: str, where: str) -> dt.date | None:
        value = self.text(mapping, key, where)
        if value is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.problem(mapping.line_of(key), _join(where, key), f"'{value}' is not a date (YYYY-MM-DD)")
            return None

    def instant(self, mapping: Mapping, key: str, where: str) -> dt.datetime | None:
        """An ISO 8601 date and time with a UTC offset."""
        value = self.text(mapping, key, where)
        if value is None:
            return None
        try:
            parsed = dt.datetime.fromisoformat(value)
        except ValueError:
            self.problem(
                mapping.line_of(key), _join(where, key), f"'{value}' is not an ISO 8601 date and time"
            )
            return None
        if parsed.tzinfo is None:
            self.problem(
                mapping.line_of(key),
                _join(where, key),
                f"'{value}' has no UTC offset (write it like 2026-11-30T09:00:00-05:00)",
            )
            return None
        problem = out_of_range(parsed)
        if problem is not None:
            self.problem(mapping.line_of(key), _join(where, key), f"'{value}' {problem}")
            return None
        return parsed

    def bilingual(self, mapping: Mapping, key: str, where: str, required: bool = True) -> dict[str, str] | None:
        """Text in every language: `{en: ..., es: ...}`."""
        if key not in mapping:
            if required:
                self.problem(mapping.line, where or "top level", f"missing required key '{key}'")
            return None
        inner = self.mapping(mapping[key], _join(where, key), mapping.line_of(key))
        if inner is None:
            return None
        self.keys(inner, _join(where, key), LANGUAGES)
        result: dict[str, str] = {}
        for language in LANGUAGES:
            if language not in inner:
                self.problem(inner.line, _join(where, key), f"missing the {_LANGUAGE_NAMES[language]} text ('{language}')")
                continue
            text = self.text(inner, language, _join(where, key))
            if text is not None:
                result[language] = text
        if self.spanish is not None and "es" in result:
            for finding in self.spanish(result["es"]):
                line = self._line_saying(inner.line_of("es"), str(getattr(finding, "said", "")))
                self.problem(line, _join(_join(where, key), "es"), str(finding))
        return result if len(result) == len(LANGUAGES) else None


    def _line_saying(self, line: int, said: str) -> int:
        """The line, from a text's first (`line`) to the end of its block, that holds `said`; else `line`."""
        rows = self.source.splitlines()
        if not said or not 0 < line <= len(rows):
            return line
        first = rows[line - 1]
        indent = len(first) - len(first.lstrip())
        wanted = said.casefold()
        for number in range(line, len(rows) + 1):
            row = rows[number - 1]
            if number > line and row.strip() and len(row) - len(row.lstrip()) <= indent:
                break  # past the text's block
            if wanted in row.casefold():
                return number
        return line


_LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


_PLAIN_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*")


def _join(where: str, key: str) -> str:
    if not where:
        return key
    if _PLAIN_KEY.fullmatch(key):
        return f"{where}.{key}"
    return f"{where}['{key}']"


def join(where: str, key: str) -> str:
    """The dotted location of `key` inside `where` (`states.main.options['1']`)."""
    return _join(where, key)


def kind_of(value: Any) -> str:
    """How an error message names a value of the wrong kind ('a list', 'the number 5', "'yes'")."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    return f"'{excerpt(str(value))}'"  # never more than a short excerpt of what a file holds
