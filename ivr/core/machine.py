"""Compiling a `Flow` once into one shared `transitions.Machine` and static prompts.

A compiled flow is built at start-up and shared, read-only, by every call and
thread.  The machine is flat (`parent.child` names, no `HierarchicalMachine`),
built with `model=None, auto_transitions=False`, and its guards are the
registered callables themselves.  Per request the engine sets `state` on a
per-step model (a `CallModel`: the step in progress is one) and calls
`machine.events[name].trigger(model, ctx=…)`.

Trigger names:
  `select_<key>`          a menu option (by key or by phrase)
  `collected`             a collect state got valid input
  `confirmed`/`rejected`  the read-back of a collected value
  `outcome_<name>`        an action's outcome
  `next`                  message, transfer and branch states move on
  `collected_unsure`      an identifier heard with low confidence: always to its read-back
  `escalate_<kind>[_<tier>]`: from every waiting state, for each of the flow's escalations
                          (representative, max_attempts, silence, supervisor), per tier
  `intent_<name>`         a global intent (`intents:`) from the waiting states of its tiers

Everything static per state and language (menu prompts, speech hints, the
understanding models of `ivr.core.understanding`) is precomputed here so the
hot path only formats templates and scores words.
"""

from __future__ import annotations

import dataclasses

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from transitions import EventData, Machine

from ivr.core.flow import GLOBAL_PURPOSES, LANGUAGES, Flow, Option, State, Text
from ivr.core.matching import PhraseIndex
from ivr.core.options import OPTION_SENTENCE as OPTION_SENTENCE  # re-exported: DESIGN.md §3's default
from ivr.core.options import say_option
from ivr.core.registry import Context, Registry
from ivr.core.understanding import Model
from ivr.core.wording import tokens

KEY_NAMES = {"en": {"*": "star", "#": "pound"}, "es": {"*": "asterisco", "#": "la tecla numeral"}}
CONFIRM_SUFFIX = ".confirm"
ESCALATE_REPRESENTATIVE = "escalate_representative"
ESCALATE_MAX_ATTEMPTS = "escalate_max_attempts"
INTENT_TRIGGER = "intent_{name}"
COLLECTED_UNSURE = "collected_unsure"
MAX_HINTS = 100  # Twilio takes a few hundred hint phrases; a menu has under a hundred


def escalation_trigger(kind: str, tier: str = "ivr") -> str:
    """`escalate_<kind>`, or `escalate_<kind>_<tier>` where the flow sends that tier elsewhere."""
    return f"escalate_{kind}" if tier == "ivr" else f"escalate_{kind}_{tier}"


class CallModel:
    """The per-request object `transitions` moves between states."""

    __slots__ = ("state",)

    def __init__(self, state: str) -> None:
        self.state = state


def spoken_key(key: str, language: str) -> str:
    return KEY_NAMES.get(language, {}).get(key, key)


def option_sentence(option: Option, language: str) -> str:
    """The option said as one sentence in `language` (its own language, if it has one)."""
    language = option.language or language
    return say_option(option.topic.in_(language), spoken_key(option.key, language), language)


@dataclass(frozen=True)
class CompiledState:
    """A state plus everything about it that can be computed before any call."""

    state: State
    dynamic_options: bool  # some options have guards: filter at request time
    prompt: dict[str, str]  # full prompt per language (menus: intro, options, global keys)
    reprompt: dict[str, str]  # the shorter prompt for repeats
    phrases: dict[str, PhraseIndex]  # language -> option phrases (menus)
    hints: dict[str, tuple[str, ...]]
    # bilingual menus: (text, language) parts, each said in its own language and voice
    parts: tuple[tuple[str, str], ...] = ()
    reparts: tuple[tuple[str, str], ...] = ()
    identifier: bool = False  # a collect of an identifier: tuned speech, low confidence read back
    understanding: dict[str, Model] = field(default_factory=dict)  # language -> choices' model (waiting states)


@dataclass(frozen=True)
class CompiledFlow:
    flow: Flow
    machine: Machine
    states: dict[str, CompiledState]
    global_phrases: dict[str, PhraseIndex]  # language -> representative/repeat/previous/supervisor
    registry: Registry

    def fire(self, model: CallModel, trigger: str, ctx: Context) -> bool:
        """Fire one trigger; True when a transition happened."""
        event = self.machine.events.get(trigger)
        if event is None:
            return False
        return bool(event.trigger(model, ctx=ctx))

    def option_text(self, name: str, language: str, options: tuple[Option, ...]) -> str:
        return " ".join(option_sentence(option, language) for option in options)


FlowParts = tuple[dict[str, CompiledState], dict[str, PhraseIndex]]
"""What compiling a flow builds besides its machine: the compiled states and the global phrases (plain data)."""


def compile_flow(flow: Flow, registry: Registry, parts: FlowParts | None = None) -> CompiledFlow:
    """Build the shared machine and the static prompts of a validated flow.

    `parts`, when given, are `compile_parts(flow, registry)` made earlier (`ivr.definitions.flow_cache`
    keeps them between starts); only the machine is built then."""
    states, global_phrases = parts if parts is not None else compile_parts(flow, registry)
    return CompiledFlow(flow, _machine(flow, registry), states, global_phrases, registry)


def compile_parts(flow: Flow, registry: Registry) -> FlowParts:
    """The compiled states (prompts, phrases, hints, understanding models) and the global phrases of a flow."""
    global_phrases: dict[str, PhraseIndex] = {
        language: PhraseIndex.build(
            (purpose, flow.keys.phrases.get(purpose, {}).get(language, ())) for purpose in GLOBAL_PURPOSES
        )
        for language in LANGUAGES
    }
    models: dict[tuple[Any, ...], Model] = {}  # states asking the same choices (collects of a tier) share one model
    states = {name: _compile_state(flow, state, _identifier(state, registry), models) for name, state in flow.states.items()}
    return line_models(flow, states), global_phrases


MAIN_MENU = "main_menu"
GOODBYE = "goodbye"  # the state that ends a call: a submenu's option to it is its `Model.end`
"""The main menu, whose options are the lines (DESIGN.md: the state names are the flow's contract)."""


def lines_of(flow: Flow) -> dict[str, str]:
    """The main menu's lines by their states' namespace: `{"field_office": "3", ...}`.

    An option of the main menu that leads to a state named `LINE.something` is that line, and the flow's states named
    `LINE.*` are its submenus (`field_office.menu` is option 3's).  Only a line with a menu of its own counts (hours and
    goodbye have none).  Walking the transitions does not tell the lines apart: the caller's verification (`verify.*`)
    is shared by the first four lines and leads on to each of them, so every state behind it is reached from all four.
    """
    main = flow.states.get(MAIN_MENU)
    if main is None or main.kind != "menu":
        return {}
    menus = {name.split(".", 1)[0] for name, state in flow.states.items() if state.kind == "menu" and "." in name}
    lines: dict[str, str] = {}
    for option in main.options:
        line = option.goto.split(".", 1)[0] if "." in option.goto else ""
        if line in menus:
            lines.setdefault(line, option.key)
    return lines


def _for_lines(state: State) -> bool:
    """A menu a line's question can be asked at: not a yes-or-no read-back, nor a choice of offered slots."""
    return state.kind == "menu" and len(state.options) > 2 and not any(option.when for option in state.options)


def line_models(flow: Flow, states: dict[str, CompiledState]) -> dict[str, CompiledState]:
    """`states`, each menu of a line (`lines_of`) given the main menu's model (`understanding.Model.main`): its
    own options are not chosen for a question the main menu surely sends to another line."""
    lines = lines_of(flow)
    main = states.get(MAIN_MENU)
    if not lines or main is None:
        return states
    line_keys = frozenset(lines.values())
    for name, compiled in states.items():
        key = lines.get(name.split(".", 1)[0]) if "." in name else None
        if key is None or not _for_lines(compiled.state):
            continue
        own = frozenset(option.key for option in compiled.state.options if option.goto != MAIN_MENU)  # going back is right
        start = next((option.key for option in compiled.state.options if option.goto == MAIN_MENU), None)
        end = next((option.key for option in compiled.state.options if option.goto == GOODBYE), None)
        again = next((option.key for option in compiled.state.options  # hearing a thing again: "again" is a phrase
                      if option.goto != MAIN_MENU and "again" in option.phrases.get("en", ())), None)
        cancel = next((option.key for option in compiled.state.options  # cancelling an appointment, not moving it
                       if option.goto.rsplit(".", 1)[-1].startswith("cancel")), None)
        reschedule = next((option.key for option in compiled.state.options
                           if option.goto.rsplit(".", 1)[-1].startswith("reschedule")), None)
        new = next((option.key for option in compiled.state.options if option.goto.endswith(".request")), None)
        had = next((option.key for option in compiled.state.options if option.goto.endswith(".existing")), None)
        booking = (new, had) if new is not None and had is not None else None  # a new appointment, one already had
        how = next((option.key for option in compiled.state.options if option.goto.endswith(".how")), None) \
            if booking is not None else None  # how appointments go, beside them
        back = next((option.key for option in compiled.state.options  # going back a menu: "back" is a phrase
                     if option.goto != MAIN_MENU and "back" in option.phrases.get("en", ())), None)
        address = next((option.key for option in compiled.state.options  # a change of address: its phrase
                        if "change of address" in option.phrases.get("en", ())), None)
        models = {
            language: dataclasses.replace(model, own=own, main=main.understanding[language], others=line_keys - {key},
                                          start=start, end=end, again=again, back=back, cancel=cancel,
                                          reschedule=reschedule, booking=booking, how=how, address=address)
            for language, model in compiled.understanding.items()
        }
        states[name] = dataclasses.replace(compiled, understanding=models)
    return states


def _machine(flow: Flow, registry: Registry) -> Machine:
    """The flow's shared `transitions` machine (its guards are the registry's functions)."""
    names: list[str] = []
    transitions: list[dict[str, Any]] = []
    escalation = [
        (escalation_trigger(kind, tier), dest) for kind, by_tier in flow.escalation.items() for tier, dest in by_tier.items()
    ]

    def add(trigger: str, source: str, dest: str, when: str | None = None) -> None:
        transition: dict[str, Any] = {"trigger": trigger, "source": source, "dest": dest}
        if when:
            negate = when.startswith("not ")
            guard = _condition(registry.guards[when[4:] if negate else when].func)
            transition["unless" if negate else "conditions"] = [guard]
        transitions.append(transition)

    for name, state in flow.states.items():
        names.append(name)
        waiting = [name]
        if state.kind == "menu":
            for option in state.options:
                add(f"select_{option.key}", name, option.goto, option.when)
        elif state.kind == "collect":
            assert state.goto is not None
            if state.confirm is not None or _identifier(state, registry):
                confirm = name + CONFIRM_SUFFIX
                names.append(confirm)
                waiting.append(confirm)
                add("collected", name, confirm if state.confirm is not None else state.goto)
                add(COLLECTED_UNSURE, name, confirm)
                add("confirmed", confirm, state.goto)
                add("rejected", confirm, name)
            else:
                add("collected", name, state.goto)
        elif state.kind == "action":
            for outcome, dest in state.on.items():
                add(f"outcome_{outcome}", name, dest)
        elif state.kind == "branch":
            for branch in state.branches:
                add("next", name, branch.goto, branch.when)
        elif state.kind in ("message", "transfer"):
            assert state.goto is not None
            add("next", name, state.goto)
        if state.waits_for_caller:
            for source in waiting:
                for trigger, dest in escalation:
                    add(trigger, source, dest)
                for intent in flow.intents.values():
                    if state.tier in intent.goto:
                        add(INTENT_TRIGGER.format(name=intent.name), source, intent.goto[state.tier])

    return Machine(
        model=None,
        states=names,
        transitions=transitions,
        initial=flow.start,
        auto_transitions=False,
        send_event=True,
        ignore_invalid_triggers=True,
    )


def _condition(guard: Callable[[Context], bool]) -> Callable[[EventData], bool]:
    def condition(event: EventData) -> bool:
        return guard(event.kwargs["ctx"])

    condition.__name__ = getattr(guard, "__name__", "guard")
    return condition


def _identifier(state: State, registry: Registry) -> bool:
    """A collect whose validator reads an identifier (receipt, date of birth, reference number...)."""
    spec = registry.validators.get(state.validator or "") if state.kind == "collect" else None
    return bool(spec is not None and spec.identifier)


def _compile_state(
    flow: Flow, state: State, identifier: bool = False, models: dict[tuple[Any, ...], Model] | None = None
) -> CompiledState:
    dynamic = any(option.when for option in state.options)
    prompt: dict[str, str] = {}
    reprompt: dict[str, str] = {}
    phrases: dict[str, PhraseIndex] = {}
    hints: dict[str, tuple[str, ...]] = {}
    for language in LANGUAGES:
        intro = state.prompt.in_(language) if state.prompt else ""
        short = state.reprompt.in_(language) if state.reprompt else ""
        if state.kind == "menu":
            options = " ".join(option_sentence(option, language) for option in state.options)
            keys = flow.messages["global_keys"].in_(language) if state.announce_keys else ""
            prompt[language] = _join(intro, options, keys)
            reprompt[language] = _join(short, options)
            phrases[language] = PhraseIndex.build(
                (option.key, (option.topic.in_(option.language or language), *option.phrases[language], *_other_language(option, language)))
                for option in state.options
            )
            # Hints are what callers say: the options' phrases (never topics, which are sentences with commas).
            # Round-robin over the options, so every option keeps its first phrases when the hints are cut.
            lists = [(*option.phrases[language], *_other_language(option, language)) for option in state.options]
            words = [phrases[i] for i in range(max(map(len, lists), default=0)) for phrases in lists if i < len(phrases)]
        else:
            prompt[language] = intro
            reprompt[language] = short or intro
            words = list(state.hints)
        globals_words = [_hint(p) for purpose in GLOBAL_PURPOSES for p in flow.keys.phrases.get(purpose, {}).get(language, ())[:2]]
        room = MAX_HINTS - len(set(globals_words))  # the global phrases are never cut, however many phrases an option has
        own = [hint for hint in dict.fromkeys(_hint(w) for w in words if _hint(w)) if hint not in globals_words][:room]
        hints[language] = tuple(dict.fromkeys(own + [w for w in globals_words if w]))
    parts, reparts = _bilingual_parts(state) if state.bilingual and state.kind == "menu" else ((), ())
    understanding: dict[str, Model] = (
        {lang: build_model(flow, state, lang, models) for lang in LANGUAGES} if state.waits_for_caller else {}
    )
    return CompiledState(state, dynamic, prompt, reprompt, phrases, hints, parts, reparts, identifier, understanding)


def build_model(flow: Flow, state: State, language: str, models: dict[tuple[Any, ...], Model] | None = None) -> Model:
    """The classifier of one waiting state: its options, then the global purposes and intents.

    A global that leads where an option of the state leads (the main menu's hours
    option and the `hours` intent; Tier 1's supervisor option and the supervisor
    request), or shares a phrase with one, is that option here: the caller's words
    pick the option rather than tie with it.  With `models`, a model already built for the
    same choices is shared.
    """
    options: list[tuple[str, tuple[str, ...]]] = [
        (option.key, (*_topic(option, language), *option.phrases[language], *_other_language(option, language)))
        for option in state.options
    ]
    globals_: list[tuple[str, str | None, tuple[str, ...]]] = [
        (purpose, _escalation_target(flow, purpose, state.tier), flow.keys.phrases.get(purpose, {}).get(language, ()))
        for purpose in GLOBAL_PURPOSES
    ]
    globals_ += [(i.name, i.goto[state.tier], i.phrases[language]) for i in flow.intents.values() if state.tier in i.goto]
    said_alike = {
        words: option.key for option in state.options for words in _whole_phrases(option.phrases[language], language)
    }
    choices = list(options)
    owners: dict[str, str] = {}
    for name, dest, phrases in globals_:
        owner = next((option.key for option in state.options if dest is not None and option.goto == dest), None)
        owner = owner or next((said_alike[w] for w in _whole_phrases(phrases, language) if w in said_alike), None)
        choices.append((owner or name, phrases))
        owners[name] = owner or name
    # Training examples name a global by its purpose or intent ("hours"); here it may be an option ("8").
    examples = tuple((owners.get(label, label), text) for label, text in flow.examples.get(state.name, {}).get(language, ()))
    settled = tuple((owners.get(label, label), text) for label, text in flow.settled.get(state.name, {}).get(language, ()))
    if models is None:
        return Model.build(choices, language, examples, settled)
    key = (language, *((name, tuple(phrases)) for name, phrases in choices), examples, settled)
    model = models.get(key)
    if model is None:  # a model is read-only: the same choices in the same language make the same model
        model = models[key] = Model.build(choices, language, examples, settled)
    return model


def _escalation_target(flow: Flow, purpose: str, tier: str) -> str | None:
    """Where a global request leads from a state of `tier` (None for repeat and previous)."""
    by_tier = flow.escalation.get(purpose)
    return (by_tier.get(tier) or by_tier.get("ivr")) if by_tier else None


def _topic(option: Option, language: str) -> tuple[str, ...]:
    topic = option.topic.in_(option.language or language)
    return () if "{" in topic else (topic,)


def _whole_phrases(phrases: tuple[str, ...], language: str) -> set[tuple[str, ...]]:
    """The phrases as said, stop words kept: a global shares a phrase with an option only when one of each reads
    alike ("otra vez", "back"), not when a longer phrase of it keeps the option's one content word ("when are you
    open" is hours, not "open" a new service request)."""
    return {tokens(phrase, language) for phrase in phrases}


def _hint(phrase: str) -> str:
    """A phrase as one Twilio hint: hints are comma-separated, so a phrase's own commas would split it."""
    return " ".join(phrase.replace(",", " ").split())


def _bilingual_parts(state: State) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    """A bilingual menu (the language choice) as (text, language) parts: the intro in each language, then each
    option in its own language ("For English, press 1." / "Para español, oprima 2.")."""
    options = tuple((option_sentence(option, option.language or "en"), option.language or "en") for option in state.options)

    def intro(text: Text | None) -> tuple[tuple[str, str], ...]:
        return tuple((text.in_(language), language) for language in LANGUAGES if text is not None and text.in_(language))

    return intro(state.prompt) + options, intro(state.reprompt or state.prompt) + options


def _other_language(option: Option, language: str) -> tuple[str, ...]:
    """Language-choice options match in either language ('Español' said to the English recogniser)."""
    if option.language is None:
        return ()
    return tuple(p for lang in LANGUAGES if lang != language for p in option.phrases[lang])


def _join(*parts: str) -> str:
    return " ".join(part for part in parts if part)
