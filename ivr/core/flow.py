"""The flow model: what a validated `flows/*.yaml` file becomes.

These frozen dataclasses are the only shape of a flow the engine sees.  They
are built once, at start-up, by `ivr.definitions.flows.load_flow`; the
engine never parses YAML.  Every text is already split by language and every
name (targets, guards, actions, validators) already checked.

Flat state names: nested menus are written as `parent.child`; nothing here is
hierarchical, so one shared `transitions.Machine` serves every call.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Language = Literal["en", "es"]
LANGUAGES: tuple[Language, ...] = ("en", "es")
Tier = Literal["ivr", "tier1", "tier2", "supervisor"]
TIERS: tuple[Tier, ...] = ("ivr", "tier1", "tier2", "supervisor")

StateKind = Literal["menu", "collect", "message", "action", "branch", "transfer", "hangup"]
STATE_KINDS: tuple[StateKind, ...] = ("menu", "collect", "message", "action", "branch", "transfer", "hangup")
InputMode = Literal["dtmf", "speech", "dtmf speech"]

# Why a call changes tier (seed 003_29c9fde61bf22c66.txt).
TIER_CHANGE_REASONS: dict[str, str] = {
    "caller_requested_live_assistance": "the caller asked for live assistance from within the IVR",
    "ivr_could_not_resolve": "the caller could not be helped by the IVR (attempts exhausted)",
    "tier1_cannot_resolve": "Tier 1 was unable to completely resolve the inquiry",
    "caller_requested_supervisor": "the caller requested to speak to a supervisor",
    "caller_upset_resolution_improper": "the caller is unusually upset and believes the proposed resolution is improper",
    "urgent_needs_another_office": "the matter requires urgent or expedited assistance by another office",
    "returned_to_ivr": "the call returned to the automated system",
}
# Recorded by the engine itself, never written in a flow's `reason:`.
IMPLICIT_TIER_CHANGE = "continued"  # the flow moved into another tier's state without a transfer


@dataclass(frozen=True)
class Text:
    """One prompt in every language, with the id transcripts refer to it by."""

    id: str
    en: str
    es: str

    def in_(self, language: str) -> str:
        return self.es if language == "es" else self.en

    @property
    def is_template(self) -> bool:
        return "{" in self.en or "{" in self.es


@dataclass(frozen=True)
class Option:
    """A menu option: chosen by its key or by saying its topic or a phrase."""

    key: str
    topic: Text
    phrases: dict[str, tuple[str, ...]]
    goto: str
    when: str | None = None
    language: Language | None = None
    line: int = 0


@dataclass(frozen=True)
class Branch:
    """One arm of a branch state: taken when its guard holds (or always, without one)."""

    goto: str
    when: str | None = None


@dataclass(frozen=True)
class ScriptLine:
    """One line of the flow at a question answered by response scripts (`script_lines:`): the scripts it names,
    the first the line's own; with several, the submenu (`menu`) whose choices (`by_choice`) tell them apart."""

    choice: str  # the choice of `ScriptLines.menu` that names this line
    scripts: tuple[str, ...]  # script ids, the line's own first
    menu: str | None = None  # a waiting state whose model tells the scripts apart
    by_choice: tuple[tuple[str, str], ...] = ()  # (choice of `menu`, script id)
    line: int = 0


@dataclass(frozen=True)
class ScriptLines:
    """`script_lines:` of a question answered by response scripts (the Tier 1 topic question): when no script is
    sure, the model of `menu` (the main menu) reads the question, and the line it names gives the scripts."""

    menu: str
    lines: tuple[ScriptLine, ...]
    line: int = 0

    def line_for(self, choice: str) -> ScriptLine | None:
        return next((line for line in self.lines if line.choice == choice), None)


@dataclass(frozen=True)
class State:
    """One flat state of a flow."""

    name: str
    kind: StateKind
    line: int
    tier: Tier = "ivr"
    prompt: Text | None = None
    reprompt: Text | None = None
    no_input: Text | None = None
    no_match: Text | None = None
    # menu
    options: tuple[Option, ...] = ()
    bilingual: bool = False
    announce_keys: bool = False
    # collect
    input: InputMode = "dtmf speech"
    validator: str | None = None
    into: str | None = None
    num_digits: int | None = None
    finish_on_key: str | None = None
    confirm: Text | None = None
    script_lines: ScriptLines | None = None  # a question answered by response scripts: the lines naming them
    # action
    run: str | None = None
    args: dict[str, str] = field(default_factory=dict)
    on: dict[str, str] = field(default_factory=dict)
    # branch
    branches: tuple[Branch, ...] = ()
    # transfer
    to: Tier | None = None
    reason: str | None = None
    # message / collect / transfer
    goto: str | None = None
    # menus and collects
    max_attempts: int = 3
    timeout: int = 6
    hints: tuple[str, ...] = ()
    description: str = ""  # for people reading the flow (trainers' labels fall back on it); never spoken

    @property
    def waits_for_caller(self) -> bool:
        return self.kind in ("menu", "collect")

    def option(self, key: str) -> Option | None:
        for option in self.options:
            if option.key == key:
                return option
        return None


ESCALATIONS = ("representative", "max_attempts", "silence", "supervisor")
"""What a waiting state can escalate on: the representative key, attempts used up, a caller silent through the
offer of help too (the silence ending), the supervisor phrases (seed 003)."""
KEYED_PURPOSES = ("representative", "repeat", "previous")
"""Global requests with a phone key (and phrases)."""
GLOBAL_PURPOSES = (*KEYED_PURPOSES, "supervisor")
"""Every global request a caller can make in any menu; `supervisor` is by phrase only (seed 003)."""


@dataclass(frozen=True)
class GlobalKeys:
    """Keys (and phrases) honoured in every menu."""

    representative: str
    repeat: str
    previous: str
    phrases: dict[str, dict[str, tuple[str, ...]]]  # purpose -> language -> phrases

    def purpose_of_key(self, key: str) -> str | None:
        for purpose in KEYED_PURPOSES:
            if getattr(self, purpose) == key:
                return purpose
        return None


@dataclass(frozen=True)
class Intent:
    """Something a caller can say in every waiting state of some tiers ("supervisor", "hours").

    `goto` maps a tier to the state the intent leads to from that tier's states;
    in a tier it does not name, the intent is not offered.
    """

    name: str
    topic: Text  # how a clarifying question names it
    phrases: dict[str, tuple[str, ...]]  # language -> example utterances
    goto: dict[str, str]  # tier -> state
    line: int = 0


@dataclass(frozen=True)
class Flow:
    """A validated flow, ready to compile."""

    id: str
    title: str
    path: str
    content_hash: str
    start: str
    keys: GlobalKeys
    messages: dict[str, Text]
    representative_state: str
    max_attempts_state: str
    states: dict[str, State]
    confirm_suffix: str = ".confirm"
    # Where each escalation leads, by the tier the call is in ("ivr" is every tier's default):
    # representative, max_attempts, and optionally silence and supervisor (ESCALATIONS).
    escalation: dict[str, dict[str, str]] = field(default_factory=dict)
    intents: dict[str, Intent] = field(default_factory=dict)
    # Training examples (ivr.definitions.examples): state -> language -> (choice or "none", utterance).
    examples: dict[str, dict[str, tuple[tuple[str, str], ...]]] = field(default_factory=dict)
    # Settled utterances (`settled:`), the same shape: with the examples, they teach `ivr.core.settled` only.
    settled: dict[str, dict[str, tuple[tuple[str, str], ...]]] = field(default_factory=dict)

    def escalates(self, kind: str) -> bool:
        return kind in self.escalation

    @property
    def escalations(self) -> tuple[str, ...]:
        """Every state a waiting state can escalate to (global requests, attempts used up), once each."""
        return tuple(dict.fromkeys(dest for by_tier in self.escalation.values() for dest in by_tier.values()))

    def state(self, name: str) -> State:
        return self.states[name]

    def message(self, name: str) -> Text:
        return self.messages[name]
