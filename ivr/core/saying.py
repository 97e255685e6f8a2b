"""What a step says and how it listens: prompts, read-backs, clarifying questions, `Gather`.

Functions of a step in progress (`ivr.core.stepping.Run`).  A prompt with no
template is a `Say` its `StatePlan` built once and every call shares; a
template is filled here from the call's collected values, then the computed
variables of the registry; a menu whose options have guards is filtered per
call.  No I/O: computed variables read the world through the step's `Context`.
"""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any

from ivr.core.actions import Gather, Say
from ivr.core.flow import Text
from ivr.core.machine import option_sentence
from ivr.core.plans import Line, Spoken, StatePlan
from ivr.core.registry import Context

if TYPE_CHECKING:
    from ivr.core.stepping import Run

log = logging.getLogger("ivr.core.engine")  # one log for everything a step does

CLARIFY = Text("clarify", "Is this about {first}, or {second}?", "¿Se trata de {first}, o de {second}?")
"""The clarifying question when a flow's `messages:` has no `clarify`."""
GLOBAL_TOPICS = {
    "representative": Text("representative", "speaking with a representative", "hablar con un representante"),
    "repeat": Text("repeat", "hearing this again", "escuchar esto otra vez"),
    "previous": Text("previous", "going back to the previous menu", "regresar al menú anterior"),
    "supervisor": Text("supervisor", "speaking with a supervisor", "hablar con un supervisor"),
}


def present(run: Run, again: bool, plan: StatePlan | None = None) -> None:
    """Say the current waiting state's prompt (the short one on repeats) and gather (`plan`: the current state's)."""
    if plan is None:
        plan = run.current
    language = run.session.language
    if plan.confirming:
        value = run.session.vars.get(plan.readback, "")
        say_text(run, plan.confirm[language].replace("{value}", str(value)), f"{plan.state.name}.confirm")
        run.actions.append(plan.confirm_gather[language])
        return
    if not plan.waits:
        say_prompt(run, plan)
        return
    lines = plan.represent if again else plan.present
    if lines is not None:
        if plan.ready:
            run.actions.extend(lines[language])  # type: ignore[arg-type]  # `ready`: Say and Gather only
        else:
            speak(run, lines[language])
        return
    say_text(run, fill(run, _dynamic_menu(run, plan, again)), plan.reprompt_id if again else plan.prompt_id)
    gather(run, plan)


def gather(run: Run, plan: StatePlan) -> None:
    """Listen as the state listens, in the call's language."""
    gathers = plan.gather
    if gathers is None:  # a collect whose validator the registry lacks: the step's fault (it recovers)
        raise KeyError(f"no validator '{plan.state.validator}'")
    run.actions.append(gathers[run.session.language])


def say_prompt(run: Run, plan: StatePlan) -> None:
    """Say the state's own prompt (message, action, transfer and hang-up states), if it has one."""
    lines = plan.prompt[run.session.language]
    if lines:
        if plan.ready:
            run.actions.extend(lines)  # type: ignore[arg-type]  # `ready`: Say and Gather only
        else:
            speak(run, lines)


def say(run: Run, text: Text) -> None:
    say_text(run, fill(run, text.in_(run.session.language)), text.id)


def say_text(run: Run, text: str, prompt_id: str, language: str | None = None) -> None:
    if text:
        run.actions.append(Say(text, language or run.session.language, prompt_id))


def clarify(run: Run, plan: StatePlan, choices: tuple[str, ...]) -> None:
    """Ask which of two choices the caller meant, naming each (and its key, for a menu option)."""
    language = run.session.language
    first, second = (_choice_topic(run, plan, choice) for choice in choices)
    question = run.compiled.flow.messages.get("clarify", CLARIFY).in_(language)
    keys = [
        option_sentence(option, language)
        for choice in choices
        if (selected := plan.options.get(choice)) is not None and "{" not in (option := selected[0]).topic.in_(language)
    ]
    text = " ".join([question.replace("{first}", first).replace("{second}", second), *keys])
    say_text(run, fill(run, text), f"{plan.state.name}.clarify")


def fill(run: Run, text: str) -> str:
    """A template filled with the call's values.

    A value this call does not have (the loader checks that something can set each one, but a path may not
    have) is logged by name, and each sentence naming it is left out: the caller hears the sentences that
    are whole, never "They are available ." with a hole in it."""
    if "{" not in text:
        return text
    values = _Vars(run.session.vars, run.ctx, run.compiled.registry.variables)
    filled = text.format_map(values)
    if not values.missing:
        return filled
    whole = [s for s in _SENTENCE_END.split(text) if not values.missing.intersection(_PLACEHOLDER.findall(s))]
    return " ".join(s.format_map(values) for s in whole)


def speak(run: Run, lines: tuple[Spoken | Gather, ...]) -> None:
    """Say (and listen) as planned: ready actions as they are, templates filled."""
    actions = run.actions
    for line in lines:
        if type(line) is Line:
            say_text(run, fill(run, line.text), line.prompt_id, line.language)
        else:
            actions.append(line)  # type: ignore[arg-type]


def _choice_topic(run: Run, plan: StatePlan, choice: str) -> str:
    language = run.session.language
    selected = plan.options.get(choice)
    if selected is not None:
        return selected[0].topic.in_(language)
    intent = run.compiled.flow.intents.get(choice)
    return (intent.topic if intent is not None else GLOBAL_TOPICS[choice]).in_(language)


def _dynamic_menu(run: Run, plan: StatePlan, again: bool) -> str:
    """A menu whose options have guards: the options that hold for this call, in order."""
    state, language = plan.state, run.session.language
    guards = run.compiled.registry.guards
    visible = []
    for option, sentence in zip(state.options, plan.option_sentences[language]):
        if option.when:
            negate = option.when.startswith("not ")
            held = guards[option.when[4:] if negate else option.when].func(run.ctx)
            if held == negate:
                continue
        visible.append(sentence)
    intro_text = state.reprompt if again and state.reprompt else (None if again else state.prompt)
    parts = [intro_text.in_(language) if intro_text else ""]
    parts += visible
    if state.announce_keys and not again:
        parts.append(run.compiled.flow.message("global_keys").in_(language))
    return " ".join(part for part in parts if part)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_PLACEHOLDER = re.compile(r"(?<!\{)\{([a-z][a-z0-9_]*)\}")


class _Vars:
    """Template values: the call's collected values, then computed variables (read, never copied).

    A missing one is logged (by name only, never its value), noted in `missing` and left empty.
    """

    __slots__ = ("values", "ctx", "computed", "missing")

    def __init__(self, values: dict[str, Any], ctx: Context, computed: dict[str, Any]) -> None:
        self.values = values
        self.ctx = ctx
        self.computed = computed
        self.missing: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        values = self.values
        if key in values:
            return values[key]
        compute = self.computed.get(key)
        if compute is not None:
            return str(compute(self.ctx))
        if key not in self.missing:
            log.warning("prompt variable %r is not set in state %s", key, self.ctx.session.state)
            self.missing.add(key)
        return ""
