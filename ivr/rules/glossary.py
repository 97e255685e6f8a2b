"""The Spanish glossary: one name per thing, and place names said in Spanish.

Owns `ivr/data/glossary.yaml` (loaded once per process, errors as
`file:line: where: what`), the Spanish name of a support center
("Los Angeles Application Support Center" -> "el Centro de Apoyo de
Solicitudes de Los Ángeles"), and the check that a Spanish text uses the
glossary's terms: no rejected variant ("tramitación" where the glossary says
"procesamiento") and no English place name with a Spanish one.  Pure apart
from reading the bundled file.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ivr.definitions.checks import Checker
from ivr.definitions.yamlsource import line_of, load_file

DEFAULT_PATH = Path(__file__).resolve().parent.parent / "data" / "glossary.yaml"

_ASC = re.compile(r"^(?P<city>.+?) Application Support Center$")


@dataclass(frozen=True)
class Term:
    """One thing and its one Spanish name; `rejected` are names not to use for it."""

    en: str
    es: str
    rejected: tuple[str, ...]


@dataclass(frozen=True)
class Glossary:
    terms: tuple[Term, ...]
    places: MappingProxyType[str, str]

    def place(self, name: str) -> str:
        """A place's Spanish name ('Los Angeles' -> 'Los Ángeles'); unknown places keep their name."""
        return self.places.get(name, name)

    def support_center(self, name: str, language: str) -> str:
        """A support center's name in the call's language; Spanish with its article.

        'Los Angeles Application Support Center' is 'el Centro de Apoyo de Solicitudes
        de Los Ángeles' in Spanish; a name of another shape is kept as written.
        """
        match = _ASC.match(name.strip())
        if language != "es" or match is None:
            return name
        return f"el Centro de Apoyo de Solicitudes de {self.place(match['city'])}"

    def problems(self, text: str) -> list[str]:
        """What in a Spanish text goes against the glossary (empty when nothing does)."""
        found = []
        lowered = text.casefold()
        for term in self.terms:
            for variant in term.rejected:
                if variant.casefold() in lowered:
                    found.append(f"'{variant}': say '{term.es}' ({term.en})")
        for english, spanish in self.places.items():
            if english != spanish and re.search(rf"\b{re.escape(english)}\b", text):
                found.append(f"'{english}': say '{spanish}'")
        return found


@functools.cache
def bundled_glossary() -> Glossary:
    """The shipped glossary, read once per process."""
    return load_glossary(DEFAULT_PATH)


def load_glossary(path: Path) -> Glossary:
    """Read and check a glossary file; every problem of the file at once."""
    top, shown = load_file(path)
    checker = Checker(shown)
    if not isinstance(top, dict) or not set(top) <= {"version", "terms", "places"}:
        checker.problem(line_of(top), "", "a glossary has 'version', 'terms' and 'places'")
        checker.raise_if_any()
    terms = tuple(_term(checker, item, f"terms[{index}]") for index, item in enumerate(top.get("terms") or ()))
    places_raw: Any = top.get("places") or {}
    places = {str(english): str(spanish) for english, spanish in places_raw.items()}
    checker.raise_if_any()
    return Glossary(terms=terms, places=MappingProxyType(places))


def _term(checker: Checker, item: Any, where: str) -> Term:
    line = line_of(item)
    if not isinstance(item, dict) or not {"en", "es"} <= set(item) or not set(item) <= {"en", "es", "not"}:
        checker.problem(line, where, "a term has 'en', 'es' and optionally 'not' (a list)")
        return Term("", "", ())
    return Term(str(item["en"]), str(item["es"]), tuple(str(v) for v in item.get("not") or ()))
