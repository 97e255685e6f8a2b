"""Plain-language labels for a flow's states, topics, branches and tiers, in English or Spanish.

Trainers read checklists, call summaries, transcripts and diagrams; they
should read what the caller heard, not `biometrics.after` or `:2`.  Every
label comes from the flow itself:

* a state one chooses in a menu is named by that option's *topic* ("our
  hours", "rescheduling this appointment"), in the trainee's language;
* other states by the first sentence of what they say (their prompt), else
  by their `description` (English), else by what kind of step they are;
* a *topic* (the states named `biometrics.*`) by the option that leads into
  it from elsewhere, else by its first state's words;
* placeholders filled only during a call (`{slot_1}`) become words.

Identifiers appear only in the author view (`Labels.author`).  Labels are
built once per flow version and language (`labels_for`), never per request.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ivr.core.flow import TIER_CHANGE_REASONS, Flow, State

MAX_LABEL = 64

TIER_NAMES = {
    "en": {"ivr": "automated system", "tier1": "Tier 1 representative", "tier2": "Tier 2 officer", "supervisor": "supervisor"},
    "es": {"ivr": "sistema automatizado", "tier1": "representante de Nivel 1", "tier2": "oficial de Nivel 2", "supervisor": "supervisor"},
}
REASONS_ES = {
    "caller_requested_live_assistance": "la persona pidió asistencia en vivo desde el sistema automatizado",
    "ivr_could_not_resolve": "el sistema automatizado no pudo ayudar (se agotaron los intentos)",
    "tier1_cannot_resolve": "el Nivel 1 no pudo resolver la consulta por completo",
    "caller_requested_supervisor": "la persona pidió hablar con un supervisor",
    "caller_upset_resolution_improper": "la persona está muy molesta y cree que la solución propuesta no es correcta",
    "urgent_needs_another_office": "el asunto es urgente y requiere la ayuda de otra oficina",
    "returned_to_ivr": "la llamada volvió al sistema automatizado",
}
_KIND_WORDS = {
    "en": {"action": "working on the request", "branch": "deciding the next step", "transfer": "transfer to a {tier}",
           "hangup": "end of the call", "collect": "a question", "menu": "a menu", "message": "information"},
    "es": {"action": "trabajando en la solicitud", "branch": "decidiendo el siguiente paso", "transfer": "transferencia a {tier}",
           "hangup": "fin de la llamada", "collect": "una pregunta", "menu": "un menú", "message": "información"},
}
_WORDS = {
    "en": {"press": "Press {key}", "offered": "time offered {n}", "any": "any menu or question",
           "representative": "asks for a representative", "attempts": "too many tries", "to": "to",
           "language": "choosing a language", "supervisor": "asks for a supervisor"},
    "es": {"press": "Oprima {key}", "offered": "horario ofrecido {n}", "any": "cualquier menú o pregunta",
           "representative": "pide un representante", "attempts": "demasiados intentos", "to": "a",
           "language": "elegir el idioma", "supervisor": "pide un supervisor"},
}
# references for flow authors, not for trainers: "Seed 000:", "(DOMAIN.md §3)", "(ivr/rules/x.py f)"
_REFERENCE = re.compile(
    r"(?i)^\s*(seed \d+\w*(\.txt)?|domain\.md[^:]*|design\.md[^:]*)\s*:\s*"
    r"|\s*\((?:[^()]*(?:\bseed\b|domain\.md|design\.md|\.py\b|\.txt\b|§|\bissue \d)[^()]*)\)"
)
CITATION = re.compile(r"(?i)\bseed\b|\b[\w/.-]+\.(?:py|md|txt|ya?ml)\b|§|\bissue \d+|\buscis-pm\b")
"""What cites a source a trainee cannot read (a seed file, a project document, code): never in a label."""
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_SENTENCE = re.compile(r"(?<=[a-z0-9áéíóúñ)…][.!?])\s")  # not after "U.S."
MAX_PREFIX = 40  # a longer topic label is not repeated before each of its states
_CLAUSE_END = re.compile(r"[,;](?=\s)|\s[—–]\s")  # where a clause ends inside a sentence
SHORT_SENTENCE = 20  # a first sentence this short ("I'm sorry.") says too little alone


@dataclass(frozen=True)
class Labels:
    """Every plain label of one flow in one language."""

    flow_id: str
    language: str
    states: dict[str, str]
    topics: dict[str, str]
    options: dict[str, str]  # "state:key" -> "Press 8: our hours"
    silent: frozenset[str] = frozenset()  # actions and branches: a caller never notices them

    def state(self, name: str) -> str:
        """A state's label; an unknown name (an older flow's) is shown by its topic, or as is."""
        if name in self.states:
            return self.states[name]
        base = name.removesuffix(".confirm")
        return self.states.get(base) or self.topics.get(topic_of(name), _humane(name))

    def topic(self, name: str) -> str:
        """The label of a topic (`biometrics`) or of the topic a state belongs to."""
        key = topic_of(name)
        return self.topics.get(key, _humane(key))

    def option(self, state: str, key: str) -> str:
        return self.options.get(f"{state}:{key}", _WORDS[self.language]["press"].format(key=key))

    def tier(self, tier: str) -> str:
        return TIER_NAMES[self.language].get(tier, tier)

    def reason(self, reason: str) -> str:
        if self.language == "es" and reason in REASONS_ES:
            return REASONS_ES[reason]
        return TIER_CHANGE_REASONS.get(reason, reason.replace("_", " "))

    def path(self, names: Sequence[str]) -> list[str]:
        """A call's path in words: the steps a caller noticed (no silent step), each once in a row."""
        words: list[str] = []
        for name in names:
            if name in self.silent:
                continue
            label = self.state(name)
            if not words or words[-1] != label:
                words.append(label)
        return words

    def words(self, key: str) -> str:
        return _WORDS[self.language][key]


def topic_of(name: str) -> str:
    """The topic a state belongs to: the first part of its name (`biometrics.menu` -> `biometrics`)."""
    return name.split(".", 1)[0]


_CACHE: dict[tuple[str, str, str], Labels] = {}
_LOCK = threading.Lock()


def labels_for(flow: Flow, language: str = "en") -> Labels:
    """The labels of `flow` in `language` (en or es), built once per flow version."""
    language = language if language in ("en", "es") else "en"
    key = (flow.id, flow.content_hash, language)
    found = _CACHE.get(key)
    if found is None:
        found = _build(flow, language)
        with _LOCK:
            _CACHE[key] = found
    return found


def _build(flow: Flow, language: str) -> Labels:
    chosen: dict[str, Counter[str]] = {}
    entering: dict[str, Counter[str]] = {}
    options: dict[str, str] = {}
    press = _WORDS[language]["press"]
    for state in flow.states.values():
        for option in state.options:
            topic = _topic_words(option.topic.in_(language), language)
            options[f"{state.name}:{option.key}"] = f"{press.format(key=option.key)}: {topic}"
            if option.language is not None:
                continue  # "English"/"Spanish" name a language, not the main menu
            chosen.setdefault(option.goto, Counter())[topic] += 1
            if topic_of(option.goto) != topic_of(state.name):
                entering.setdefault(topic_of(option.goto), Counter())[topic] += 1
    topics: dict[str, str] = {}
    for state in flow.states.values():
        key = topic_of(state.name)
        if key in topics:
            continue
        if key in ("tier1", "tier2", "supervisor"):
            topics[key] = _capital(TIER_NAMES[language][key])
        elif any(option.language for option in state.options):
            topics[key] = _capital(_WORDS[language]["language"])
        elif key in entering:
            topics[key] = _capital(entering[key].most_common(1)[0][0])
        else:
            # no menu leads into it: the words of its first state that says something
            words = (_own_words(other, language) for other in flow.states.values() if topic_of(other.name) == key)
            topics[key] = _capital(next((w for w in words if w), "") or _humane(key))
    states: dict[str, str] = {}
    for state in flow.states.values():
        own = _capital(chosen[state.name].most_common(1)[0][0]) if state.name in chosen else ""
        if not own:
            own = _own_words(state, language) or _kind_words(state, language)
        section = topics[topic_of(state.name)]
        if "." not in state.name and state.name not in chosen:
            own = section  # a topic of one state (the language menu) is named as the topic
        bare = own.lower() == section.lower() or "." not in state.name or len(section) > MAX_PREFIX
        label = own if bare else f"{section}: {own}"
        states[state.name] = _short(label, MAX_LABEL + len(section))
    silent = frozenset(state.name for state in flow.states.values() if state.kind in ("action", "branch"))
    return Labels(flow.id, language, states, topics, options, silent)


def _own_words(state: State, language: str) -> str:
    """A state's own words: its prompt's first sentence, else its description (English only)."""
    if state.prompt is not None:
        text = _first_sentence(state.prompt.in_(language))
        if text and text != "…":
            return _capital(text)
    if state.kind == "transfer" and state.to is not None:
        return _kind_words(state, language)
    if language == "en" and state.description:
        words = _first_sentence(_REFERENCE.sub("", state.description))
        return "" if CITATION.search(words) else _capital(words)  # a citation left inside: the kind of step instead
    return ""


def _kind_words(state: State, language: str) -> str:
    words = _KIND_WORDS[language][state.kind]
    return _capital(words.format(tier=TIER_NAMES[language].get(state.to or "", "")))


def _topic_words(text: str, language: str) -> str:
    def word(match: re.Match[str]) -> str:
        slot = re.fullmatch(r"slot_(\d+)", match.group(1))
        return _WORDS[language]["offered"].format(n=slot.group(1)) if slot else "…"

    return _PLACEHOLDER.sub(word, text).strip()


def _first_sentence(text: str) -> str:
    """The first sentence; with the next one when the first says little ("I'm sorry.", "Thank you.")."""
    text = _PLACEHOLDER.sub("…", text).strip()
    parts = [part for part in _SENTENCE.split(text) if part.strip(" …")] if text else []
    first = parts[0].strip() if parts else ""
    if len(first) < SHORT_SENTENCE and len(parts) > 1:
        first = f"{first} {parts[1].strip()}"
    return _clause(first.rstrip("."), MAX_LABEL) if first else ""


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _humane(name: str) -> str:
    return _capital(name.replace(".", " ").replace("_", " "))


def _clause(text: str, limit: int) -> str:
    """`text`; when too long and a colon ends its first part, that part ("Now say your date of birth, or
    enter it on your keypad", not "…keypad: two…"), less a last clause too short to stand alone
    (", for example"); else `_short`."""
    colon = text.find(": ", SHORT_SENTENCE, limit) if len(text) > limit else -1
    if colon == -1:
        return _short(text, limit)
    cut = text[:colon]
    ends = [match.start() for match in _CLAUSE_END.finditer(cut, SHORT_SENTENCE)]
    return cut[: ends[-1]] if ends and colon - ends[-1] < SHORT_SENTENCE else cut


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
