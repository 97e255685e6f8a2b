"""Tier 1 wording scripts: the fixed sentences a simulated representative says around the answers.

Seed 003_29c9fde61bf22c66.txt: "Information provided by Tier 1 will be limited in
verbiage and format by informational response scripts that are created and
provided by USCIS."  Besides the informational scripts a caller asks for
(`text:`, chosen by topic), Tier 1 refuses what it may not do, asks for the
receipt number, reads back the requests it made and takes a biometrics
rescheduling request.  Those words are scripts too: a version file under
`scripts/<id>/v<N>.yaml` whose `wording:` names each sentence, published, locked
and chosen by effective date like every script, so a script reviewer sees every
word Tier 1 can say.  The flow says a wording as the variable `{tier1_<name>}`
(`ivr.behaviours.tier1_scripts`), so the words have one source.

This module owns the allow-list of wording names (`WORDING`, each with the call
facts its sentence may name as `{fact}`), the `Wording` value, the check of a
file's `wording:`, the check that every wording is said by exactly one script in
force on every date, choosing the versions in force, and filling in the facts.
Reading files and the lock are `ivr.definitions.scripts`'s.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ivr.definitions import yamlsource
from ivr.definitions.checks import LANGUAGES, Checker, join
from ivr.errors import ConfigError, Problem

__all__ = [
    "WORDING",
    "WORDING_KEYS",
    "Wording",
    "check_wording",
    "fill",
    "placeholders",
    "wording_problems",
    "wordings_in_force",
]

WORDING: dict[str, tuple[str, ...]] = {
    # What Tier 1 may not do (DOMAIN.md §1.3), and a question no script answers (seed 003).
    "refuse_case_details": (),
    "refuse_legal_advice": (),
    "refuse_local_office": (),
    "no_script": (),
    # Identity, before a request about a case (DOMAIN.md §1.3: who may get case-specific information).
    "ask_receipt": (),
    "ask_date_of_birth": (),
    "verified": (),  # said by a Tier 1 trainee's identity check at the agent console (ivr.core.agent_step)
    "not_found": (),
    "locked_call": (),
    "locked_receipt": (),
    "locked_caller": (),
    # Service requests: what Tier 1 asks before filing and reads back after (seed 003, DOMAIN.md §5).
    "case_status": ("case_status",),
    "request_handoff": ("sr_topic",),
    "request_officer": ("sr_topic",),
    "ask_address": (),
    "ask_address_again": (),
    "ask_criterion": (),
    "choose_criterion": (),
    "ask_evidence": (),
    "ask_evidence_again": (),
    "say_in_words": (),
    "request_made": ("sr_topic", "sr_office", "sr_reference_readback"),
    "request_open": ("sr_topic", "sr_created_spoken", "sr_reference_readback"),
    # Appointments (seed 000 for biometrics; DOMAIN.md §3, §4).
    "field_office": (),
    "biometrics_none": (),
    "biometrics_take": ("bio_appointment_spoken",),
    "biometrics_late": (),
    "biometrics_why": (),
    "biometrics_why_late": (),
    "biometrics_recorded": ("good_cause", "sr_office", "sr_reference_readback"),
    "biometrics_next": (),
    "biometrics_next_late": (),
    "biometrics_other_reason": (),
}
"""Every wording a Tier 1 state may say, and the call facts (`{fact}`) its sentences may name."""

WORDING_KEYS = ("version", "id", "script_version", "effective", "label", "wording")
"""The keys of a wording script file, all required."""

_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


@dataclass(frozen=True)
class Wording:
    """One published (or draft) version of a wording script: named sentences in each language."""

    id: str
    version: int
    effective: dt.date
    label: dict[str, str] = field(hash=False)
    says: dict[str, dict[str, str]] = field(hash=False)  # wording name -> language -> text
    path: str

    @property
    def ref(self) -> str:
        """The name of this version: `id@version`."""
        return f"{self.id}@{self.version}"


def placeholders(text: str) -> list[str]:
    """The `{fact}` names of a wording sentence, in order."""
    return _PLACEHOLDER.findall(text)


def fill(text: str, facts: Mapping[str, Any]) -> str:
    """`text` with each `{fact}` replaced by the call's value ('' when the call has none)."""
    return _PLACEHOLDER.sub(lambda found: str(facts.get(found[1], "")), text)


def wordings_in_force(
    versions: Mapping[str, tuple[Wording, ...]], day: dt.date, pins: Mapping[str, Any]
) -> tuple[Wording, ...]:
    """For each wording script, the version `pins` names, else the highest in force on `day` (a Contact Center date).

    Pins that make two scripts say one wording, or name an unknown version, raise `ConfigError`.
    """
    chosen: list[Wording] = []
    for id_ in sorted(versions):
        if id_ in pins:
            pinned = [w for w in versions[id_] if w.version == pins[id_]]
            if not pinned:
                listed = ", ".join(w.ref for w in versions[id_])
                raise ConfigError(f"script pin {id_}@{pins[id_]}: no such version (known: {listed})")
            chosen.append(pinned[0])
            continue
        current = [w for w in versions[id_] if w.effective <= day]
        if current:
            chosen.append(current[-1])
    said: dict[str, str] = {}
    for wording in chosen:
        for name in wording.says:
            if name in said:
                raise ConfigError(f"script pins have both {said[name]} and {wording.ref} say the wording '{name}'")
            said[name] = wording.ref
    return tuple(chosen)


def wording_problems(loaded: Iterable[tuple[Wording, int]]) -> list[Problem]:
    """Once a wording script is in force, each wording is said by exactly one script in force, on every date.

    `loaded` is every version with the line its `wording:` starts on.  A second script
    saying a wording is at fault (the later to come into force); a date on which no
    script says one is reported on the latest version.
    """
    by_id: dict[str, list[tuple[Wording, int]]] = {}
    for item in sorted(loaded, key=lambda i: (i[0].id, i[0].version)):
        by_id.setdefault(item[0].id, []).append(item)
    if not by_id:
        return []
    problems: list[Problem] = []
    reported: set[tuple[str, str]] = set()
    first_day = min(w.effective for versions in by_id.values() for w, _ in versions)
    latest, latest_line = max((versions[-1] for versions in by_id.values()), key=lambda i: i[0].effective)
    for day in sorted({w.effective for versions in by_id.values() for w, _ in versions}):
        in_force = [current[-1] for versions in by_id.values() if (current := [i for i in versions if i[0].effective <= day])]
        said: dict[str, Wording] = {}
        for wording, line in sorted(in_force, key=lambda i: (i[0].effective, i[0].id)):
            for name in wording.says:
                first = said.setdefault(name, wording)
                if first is not wording and (name, wording.ref) not in reported:
                    reported.add((name, wording.ref))
                    problems.append(Problem(wording.path, line, f"wording.{name}", f"is also said by {first.ref} (both in force from {day})"))
        for name in WORDING:
            if name not in said and (name, "") not in reported:
                reported.add((name, ""))
                problems.append(
                    Problem(latest.path, latest_line, "wording",
                            f"no wording script in force on {day} says '{name}' (Tier 1 says it; "
                            f"every wording is needed from {first_day}, when the first wording script comes into force)")
                )
    return problems


def check_wording(
    checker: Checker, top: yamlsource.Mapping, check_text: Callable[[str], list[str]]
) -> dict[str, dict[str, str]] | None:
    """The `wording:` mapping of a file: allow-listed names, each in every language within the verbiage limits.

    `check_text` is the informational scripts' own check (plain sentences, at most 600
    characters and 6 sentences); a sentence may name only the facts `WORDING` allows for
    it, the same ones in English and Spanish.
    """
    if "wording" not in top:
        return None
    inner = checker.mapping(top["wording"], "wording", top.line_of("wording"))
    if inner is None:
        return None
    if not inner:
        checker.problem(top.line_of("wording"), "wording", "must name at least one sentence")
        return None
    result: dict[str, dict[str, str]] = {}
    for name in inner:
        where = join("wording", str(name))
        line = inner.line_of(name)
        if name not in WORDING:
            checker.problem(line, where, f"unknown wording '{name}' (allowed: {', '.join(WORDING)})")
            continue
        texts = checker.bilingual(inner, str(name), "wording")
        if texts is None:
            continue
        said = _checked(checker, inner[name], where, str(name), texts, check_text)
        if said is not None:
            result[str(name)] = said
    return result if len(result) == len(inner) else None


def _checked(
    checker: Checker,
    entry: yamlsource.Mapping,
    where: str,
    name: str,
    texts: dict[str, str],
    check_text: Callable[[str], list[str]],
) -> dict[str, str] | None:
    allowed = WORDING[name]
    ok = True
    facts: dict[str, list[str]] = {}
    for language in LANGUAGES:
        line = entry.line_of(language)
        text = " ".join(texts[language].split())
        named = placeholders(text)
        facts[language] = sorted(set(named))
        unknown = [fact for fact in dict.fromkeys(named) if fact not in allowed]
        for fact in unknown:
            listed = ", ".join(allowed) if allowed else "none: this sentence is fixed words"
            checker.problem(line, join(where, language), f"names the fact '{{{fact}}}' (allowed: {listed})")
            ok = False
        for fault in check_text(_PLACEHOLDER.sub("it", text)):
            checker.problem(line, join(where, language), fault)
            ok = False
    if ok and facts["en"] != facts["es"]:
        checker.problem(
            entry.line_of("es"),
            join(where, "es"),
            f"names {_listed(facts['es'])}, the English names {_listed(facts['en'])} (say the same facts)",
        )
        ok = False
    if ok and " ".join(texts["es"].casefold().split()) == " ".join(texts["en"].casefold().split()):
        checker.problem(entry.line_of("es"), join(where, "es"), "is the same as the English text (translate it)")
        ok = False
    return {language: " ".join(texts[language].split()) for language in LANGUAGES} if ok else None


def _listed(facts: list[str]) -> str:
    return ", ".join(f"{{{fact}}}" for fact in facts) or "no facts"
