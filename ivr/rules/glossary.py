"""The Spanish glossary: one name per thing, and place names said in Spanish.

Owns `ivr/data/glossary.yaml` (loaded once per process, errors as
`file:line: where: what`), the Spanish name of a support center
("Los Angeles Application Support Center" -> "el Centro de Apoyo de
Solicitudes de Los Ángeles"), and the check that a Spanish text uses the
glossary's terms: no rejected variant ("tramitación" where the glossary says
"procesamiento") and no English place name with a Spanish one.  Pure apart
from reading the bundled file.

`Glossary.avoided` is the one rule: the definition loaders report each finding
(`ivr validate`, `ivr scripts publish`) and the tests over the shipped Spanish
call the same method.
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
class Avoided:
    """One avoided form found in a Spanish text, and what the glossary says instead."""

    said: str
    say: str

    def __str__(self) -> str:
        return f'"{self.said}" \u2014 say "{self.say}" (glossary)'


@dataclass(frozen=True)
class Glossary:  # not slotted: `_screens` is cached on the instance
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

    @functools.cached_property
    def _screens(self) -> tuple[re.Pattern[str], re.Pattern[str]]:
        """A pattern for every variant (over casefolded text) and one for every English place name.

        Most texts are clean: two searches tell, before the findings are listed one by one.
        """
        variants = [re.escape(variant.casefold()) for term in self.terms for variant in term.rejected]
        places = [re.escape(english) for english, spanish in self.places.items() if english != spanish]
        return re.compile("|".join(variants) or "(?!)"), re.compile(rf"\b(?:{'|'.join(places)})\b" if places else "(?!)")

    def avoided(self, text: str) -> list[Avoided]:
        """Each avoided form a Spanish text uses (a term's `not` variant, an English place name), in glossary order."""
        variants, places = self._screens
        if not variants.search(text.casefold()) and not places.search(text):
            return []
        found = []
        lowered = text.casefold()
        for term in self.terms:
            for variant in term.rejected:
                at = lowered.find(variant.casefold())
                if at >= 0:
                    said = text[at : at + len(variant)] if len(lowered) == len(text) else variant
                    found.append(Avoided(said, term.es))
        for english, spanish in self.places.items():
            if english != spanish and re.search(rf"\b{re.escape(english)}\b", text):
                found.append(Avoided(english, spanish))
        return found

    def problems(self, text: str) -> list[str]:
        """What in a Spanish text goes against the glossary (empty when nothing does), one line each."""
        return [str(finding) for finding in self.avoided(text)]


@functools.cache
def bundled_glossary() -> Glossary:
    """The shipped glossary, read once per process."""
    return load_glossary(DEFAULT_PATH)


def avoided_forms(text: str) -> list[Avoided]:
    """The shipped glossary's findings in a Spanish text: the rule the definition loaders hold Spanish to."""
    return bundled_glossary().avoided(text)


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
