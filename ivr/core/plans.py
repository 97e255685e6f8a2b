"""What the engine knows about each state before any call: one `StatePlan` per machine state.

A compiled flow (`ivr.core.machine`) holds the texts; a plan holds what a step
would otherwise rebuild every time it enters or presents a state: the state
behind a read-back (`x.confirm` is `x` confirming), its options by key with
their trigger names, the prompt id, the `Say` actions of prompts that have no
template (shared, frozen), the `Gather` per language, the read-back's key.
Plans are built once per flow when an engine is made and shared, read-only,
by every call and thread; a template (`{variable}`) or a menu whose options
have guards is left to the step, which fills or filters it per call.

This module does no I/O and never imports Flask, Twilio or SQLAlchemy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ivr.core.actions import Gather, Say
from ivr.core.flow import LANGUAGES, Option, State
from ivr.core.machine import CONFIRM_SUFFIX, CompiledFlow, CompiledState, option_sentence
from ivr.core.registry import ActionSpec, ValidatorSpec

YES = {"en": ("yes", "yeah", "correct", "right", "yep", "si", "okay", "ok"),
       "es": ("si", "correcto", "claro", "exacto", "yes", "okay", "ok")}  # bilingual callers answer in either
NO = {"en": ("no", "nope", "wrong", "incorrect"), "es": ("no", "incorrecto", "equivocado")}
PASSED_THROUGH = frozenset({"action", "message", "branch"})
"""The kinds of state a call passes through in a step (each fires its trigger at once): `StatePlan.passes`."""


@dataclass(frozen=True, slots=True)
class Line:
    """A prompt that must be filled per call (it names `{variables}`): its template, id and language."""

    text: str
    prompt_id: str
    language: str | None = None  # None: the call's language


Spoken = Say | Line
"""One thing to say: a ready `Say` (shared by every call), or a `Line` to fill first."""


@dataclass(frozen=True, slots=True)
class StatePlan:
    """One machine state (`x.confirm` included) as the engine steps through it."""

    name: str
    compiled: CompiledState  # the flow state's compiled form (for `x.confirm`, the collect `x`)
    state: State
    confirming: bool  # the read-back of a collected value
    kind: str  # the state's kind ("menu", "collect", …), the base state's for a read-back
    waits: bool  # waits for the caller (menus, collects and their read-backs)
    options: dict[str, tuple[Option, str]]  # menus: key -> (option, its trigger)
    prompt: dict[str, tuple[Spoken, ...]]  # language -> the state's own prompt (message, action…); () when none
    # language -> a waiting state's first prompt and its Gather; None: built per call (a menu with guards)
    present: dict[str, tuple[Spoken | Gather, ...]] | None
    represent: dict[str, tuple[Spoken | Gather, ...]] | None  # the same, said again (the short reprompt)
    prompt_id: str  # a waiting state's prompt id on first hearing…
    reprompt_id: str  # …and when repeated
    gather: dict[str, Gather] | None  # language -> how to listen (None: a collect whose validator is unknown)
    readback: str  # a collect's read-back variable, `<into>_readback`
    confirm: dict[str, str]  # a read-back's question per language, `{value}` still in it
    confirm_gather: dict[str, Gather]  # a read-back listens for yes/no or 1/2
    action: ActionSpec | None  # an action state's behaviour (None: not an action, or not registered)
    outcomes: dict[str, str]  # an action state's outcomes -> their triggers
    ready: bool = False  # `prompt`, `present` and `represent` hold no `Line`: every call says them as they are
    passes: bool = False  # an action, message or branch state (not a read-back): the call passes through it
    tier: str = "ivr"  # the state's tier (`state.tier`, read at every state entered)
    args: Mapping[str, str] = field(default_factory=dict)  # the state's args (`state.args`), handed to its action
    validator: ValidatorSpec | None = None  # a collect's validator (None: not a collect, or not registered)
    # language -> each of the state's options said as a sentence, in `state.options`' order (a menu with guards says
    # those that hold for the call, each time it is presented)
    option_sentences: dict[str, tuple[str, ...]] = field(default_factory=dict)


def plan_flow(compiled: CompiledFlow) -> dict[str, StatePlan]:
    """A plan for every state of the flow's machine, by name."""
    plans: dict[str, StatePlan] = {}
    for name, state in compiled.states.items():
        plans[name] = _plan(compiled, name, state, confirming=False)
        confirm = name + CONFIRM_SUFFIX
        if confirm in compiled.machine.states:
            plans[confirm] = _plan(compiled, confirm, state, confirming=True)
    return plans


def plan_of(compiled: CompiledFlow, name: str) -> StatePlan:
    """The plan of a state name the flow's plans do not hold (a session from another version): built on the spot."""
    confirming = name.endswith(CONFIRM_SUFFIX)
    base = name[: -len(CONFIRM_SUFFIX)] if confirming else name
    return _plan(compiled, name, compiled.states[base], confirming)


def confirm_hints(language: str) -> tuple[str, ...]:
    return YES[language][:3] + NO[language][:2]


def _plan(compiled: CompiledFlow, name: str, base: CompiledState, confirming: bool) -> StatePlan:
    state = base.state
    prompt_id = f"{state.name}.prompt"
    reprompt_id = f"{state.name}.{'reprompt' if state.reprompt else 'prompt'}"
    gathers = _gathers(compiled, base)
    present: dict[str, tuple[Spoken | Gather, ...]] | None = None
    represent: dict[str, tuple[Spoken | Gather, ...]] | None = None
    if state.waits_for_caller and (base.parts or not base.dynamic_options) and gathers is not None:
        present = {language: (*_presented(base, language, False, prompt_id), gathers[language]) for language in LANGUAGES}
        represent = {language: (*_presented(base, language, True, reprompt_id), gathers[language]) for language in LANGUAGES}
    confirm_text = compiled.flow.messages.get("confirm")
    prompts: dict[str, tuple[Spoken, ...]] = {
        language: _spoken(base.prompt[language], state.prompt.id, language) if state.prompt is not None else ()
        for language in LANGUAGES
    }
    said = [*prompts.values(), *(present or {}).values(), *(represent or {}).values()]
    return StatePlan(
        name=name,
        compiled=base,
        state=state,
        confirming=confirming,
        kind=state.kind,
        waits=state.waits_for_caller,
        options={option.key: (option, f"select_{option.key}") for option in reversed(state.options)},
        prompt=prompts,
        present=present,
        represent=represent,
        prompt_id=prompt_id,
        reprompt_id=reprompt_id,
        gather=gathers,
        readback=f"{state.into}_readback",
        confirm={language: confirm_text.in_(language) for language in LANGUAGES} if confirm_text is not None else {},
        confirm_gather={
            language: Gather("dtmf speech", language, state.timeout, num_digits=1, hints=confirm_hints(language))
            for language in LANGUAGES
        },
        action=compiled.registry.actions.get(state.run or "") if state.kind == "action" else None,
        outcomes={outcome: f"outcome_{outcome}" for outcome in state.on},
        ready=not any(type(line) is Line for lines in said for line in lines),
        passes=not confirming and state.kind in PASSED_THROUGH,
        tier=state.tier,
        args=state.args,
        validator=compiled.registry.validators.get(state.validator or "") if state.kind == "collect" else None,
        option_sentences={
            language: tuple(option_sentence(option, language) for option in state.options) for language in LANGUAGES
        },
    )


def _presented(base: CompiledState, language: str, again: bool, prompt_id: str) -> tuple[Spoken, ...]:
    if base.parts:  # a bilingual menu: each language in its own Say
        return tuple(s for part, part_language in (base.reparts if again else base.parts) for s in _spoken(part, prompt_id, part_language, own=True))
    return _spoken((base.reprompt if again else base.prompt)[language], prompt_id, language)


def _spoken(text: str, prompt_id: str, language: str, own: bool = False) -> tuple[Spoken, ...]:
    """`text` as a ready Say, or a Line to fill per call; nothing for an empty text (nothing is said)."""
    if not text:
        return ()
    if "{" in text:
        return (Line(text, prompt_id, language if own else None),)
    return (Say(text, language, prompt_id),)


def _gathers(compiled: CompiledFlow, base: CompiledState) -> dict[str, Gather] | None:
    state = base.state
    if state.kind == "menu":
        return {
            language: Gather(state.input, language, state.timeout, num_digits=1, finish_on_key="", hints=base.hints[language])
            for language in LANGUAGES
        }
    if state.kind != "collect":
        return {}
    spec = compiled.registry.validators.get(state.validator or "")
    if spec is None:
        return None
    return {
        language: Gather(
            state.input,
            language,
            state.timeout,
            num_digits=state.num_digits,
            finish_on_key=state.finish_on_key,
            hints=base.hints[language] + spec.hints.get(language, ()),
            identifier=base.identifier,
        )
        for language in LANGUAGES
    }
