"""`ivr understand`: where callers' words go, and how well a corpus of them is understood.

`ivr understand FLOW [--state S] [--lang es] [UTTERANCE...]` prints, for each
utterance (arguments, else one per line of standard input), the outcome
(route, ask, not understood), the choice and its score, and the runners-up.

`ivr understand --corpus FILE` scores a corpus (format below) and prints the
accuracy per language, every utterance that went wrong and a confusion
table.  The corpus test (`tests/understanding/`) holds the shipped corpus to
its numbers.  A corpus file::

    version: 1
    flow: uscis_contact_center
    groups:
      - state: main_menu
        language: en
        expect:                      # choice -> utterances
          "2": [um my finger prints appointment, bio metrics]
          representative: [i need to talk to somebody]
          ask: [i need to reschedule my appointment]   # two close options: the caller is asked
          none: [what's the weather]                   # out of scope: not routed
        note: issue 16               # optional: where the examples come from

A choice is a menu option's key, a global key's purpose (representative,
repeat, previous) or a global intent's name.  At the Tier 1 topic question
(`tier1.topic`, a collect whose words go to the response scripts in force) it is
also a script's id (`case-status`) or what Tier 1 refuses (`legal_advice`,
`case_details`, `local_office`), decided as the call decides (`topic_understood`),
with the scripts in force on `--at DATE`.  `measure` times the classifier for
`ivr bench`.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ivr import config as configuration
from ivr.core.flow import LANGUAGES, Flow
from ivr.core.machine import MAIN_MENU, CompiledFlow, compile_flow
from ivr.core.menu_globals import REPEAT
from ivr.core.registry import builtin_registry
from ivr.core.understanding import Understanding
from ivr.definitions.checks import Checker
from ivr.definitions.examples import labelled_groups
from ivr.definitions.flows import FLOWS_ROOT, load_flow
from ivr.definitions.yamlsource import Mapping, load_file
from ivr.errors import ConfigError

if TYPE_CHECKING:
    from ivr.definitions.scripts import ScriptSet

CORPUS_VERSION = 1
CORPUS_KEYS = ("version", "flow", "groups")
ASK = "ask"
NONE = "none"
_PURPOSES = {"representative": "a representative", "repeat": "repeat", "previous": "the previous menu"}


@dataclass(frozen=True)
class Case:
    """One utterance of a corpus and where it should go (a choice, `ask` or `none`)."""

    text: str
    expected: str
    state: str
    language: str
    line: int = 0
    note: str = ""


@dataclass(frozen=True)
class Result:
    case: Case
    understood: Understanding

    @property
    def got(self) -> str:
        if self.understood.outcome == "route":
            return str(self.understood.choice)
        return ASK if self.understood.outcome == "ask" else NONE

    @property
    def right(self) -> bool:
        return self.got == self.case.expected

    @property
    def confident_wrong(self) -> bool:
        """Routed, but not where expected: the caller lands somewhere they did not ask for."""
        return self.understood.outcome == "route" and not self.right


@dataclass
class Report:
    results: list[Result] = field(default_factory=list)

    def of(self, language: str) -> list[Result]:
        return [r for r in self.results if r.case.language == language]

    def accuracy(self, language: str | None = None) -> float:
        chosen = self.results if language is None else self.of(language)
        return sum(r.right for r in chosen) / len(chosen) if chosen else 1.0

    def confident_wrong(self, language: str | None = None) -> list[Result]:
        chosen = self.results if language is None else self.of(language)
        return [r for r in chosen if r.confident_wrong]


def load_corpus(path: Path | str) -> tuple[str, list[Case]]:
    """A corpus file's flow id and its cases; problems raise `DefinitionError` with `file:line`."""
    data, shown = load_file(path)
    check = Checker(shown)
    top = check.mapping(data, "", 1)
    cases: list[Case] = []
    flow = ""
    if top is not None:
        check.keys(top, "", CORPUS_KEYS, CORPUS_KEYS)
        if "version" in top and top["version"] != CORPUS_VERSION:
            check.problem(top.line_of("version"), "version", f"unsupported corpus version (this program reads {CORPUS_VERSION})")
        flow = (check.text(top, "flow", "flow") if "flow" in top else None) or ""
        for where, group, state, language, expect in labelled_groups(check, top):
            note = (check.text(group, "note", where) if "note" in group else None) or ""
            cases.extend(_cases(check, expect, where, state, language, note))
    check.raise_if_any()
    return flow, cases


def _cases(check: Checker, expect: Mapping, where: str, state: str, language: str, note: str) -> Iterable[Case]:
    for choice, raw in expect.items():
        items = check.sequence(raw, f"{where}.expect.{choice}", expect.line_of(choice))
        for index, text in enumerate(items or ()):
            yield Case(str(text), str(choice), state, language, items.line_of(index), note)  # type: ignore[union-attr]


def compiled(flow: str) -> CompiledFlow:
    """A flow by id (in flows/) or by path, compiled as the app compiles it."""
    path = Path(flow)
    if not path.suffix:
        path = FLOWS_ROOT / f"{flow}.yaml"
    if not path.exists():
        raise ConfigError(f"no flow '{flow}' (give a flow id from flows/ or a path to a flow file)")
    registry = builtin_registry()
    return compile_flow(load_flow(path, registry), registry)


def is_topic_question(flow: CompiledFlow, state: str) -> bool:
    """Whether `state` is the Tier 1 topic question: a collect whose words go to the response scripts in force."""
    from ivr.behaviours.tier1_scripts import TOPIC_VALIDATOR

    compiled_state = flow.states.get(state)
    return compiled_state is not None and compiled_state.state.validator == TOPIC_VALIDATOR


def scripts_on(day: dt.date) -> ScriptSet:
    """The Tier 1 response scripts in force on `day` (published versions under scripts/)."""
    from ivr.definitions.scripts import load_scripts

    return load_scripts().in_force(day)


def topic_understood(flow: CompiledFlow, scripts: ScriptSet, state: str, language: str, text: str) -> Understanding:
    """The Tier 1 topic question's answer to `text`, as a call decides it (`ivr.core.stepping`, then the
    `live_topic` validator and `live_tier1_answer`): a global intent the state's model is sure of, a supervisor
    asked for, what Tier 1 refuses (`by` "refusal"), the script read (its id, `by` "scripts", or "lone", "named",
    "form" as `ivr.definitions.script_reading` read it, with the scripts' scores; `by` "examples" when the examples
    classifier read it, no rule having read one (`ScriptSet.learnt_read`), "nearest" when the nearest training
    examples did (`ScriptSet.nearest_read`); `by` "lines" when the line the
    main menu's model named gave another script than the scripts' model alone would, `script_lines:`), or not
    understood (no script answers)."""
    from ivr.behaviours.live_assistance import asks_for_supervisor
    from ivr.behaviours.tier1_scripts import topic_reading
    from ivr.core.matching import normalize
    from ivr.core.understanding import SURE_AT

    understood = flow.states[state].understanding[language].understand(text)
    if understood.choice is not None and understood.score >= SURE_AT:
        return understood
    if asks_for_supervisor(text):
        return Understanding("route", "supervisor", 1.0, (("supervisor", 1.0),))
    return topic_reading(scripts, normalize(text), language, flow, state)[1]


def check_choices(flow: CompiledFlow, cases: list[Case], scripts: ScriptSet | None = None) -> None:
    """Every case names a waiting state and a choice the state's model knows (at the topic question, a script in
    force or a refusal too)."""
    from ivr.behaviours.tier1_scripts import REFUSALS

    for case in cases:
        state = flow.states.get(case.state)
        if state is None or not state.understanding:
            raise ConfigError(f"line {case.line}: '{case.state}' is not a waiting state of {flow.flow.id}")
        model = state.understanding[case.language]
        names: tuple[str, ...] = tuple(model.names)
        if model.main is not None and REPEAT not in names:  # a line's submenu reads the menu again where an option
            names += (REPEAT,)  # heard again took the global's phrases ("me repite las opciones": star, everywhere)
        if scripts is not None and is_topic_question(flow, case.state):
            names += (*(script.id for script in scripts.scripts), *REFUSALS)
        if case.expected not in (*names, ASK, NONE):
            raise ConfigError(f"line {case.line}: '{case.expected}' is not a choice of {case.state} (choices: {', '.join(names)})")


def evaluate(flow: CompiledFlow, cases: list[Case], scripts: ScriptSet | None = None) -> Report:
    """Understand every case in its state and language (at the topic question, with `scripts` when given)."""
    check_choices(flow, cases, scripts)
    report = Report()
    for case in cases:
        if scripts is not None and is_topic_question(flow, case.state):
            understood = topic_understood(flow, scripts, case.state, case.language, case.text)
        else:
            understood = flow.states[case.state].understanding[case.language].understand(case.text)
        report.results.append(Result(case, understood))
    return report


def describe(flow: CompiledFlow, state: str, language: str, choice: str | None, scripts: ScriptSet | None = None) -> str:
    """A choice in words: '2 (biometrics appointments)', 'representative', 'case-status (your case status)'."""
    if choice is None:
        return "-"
    option = flow.states[state].state.option(choice)
    if option is not None:
        return f"{choice} ({option.topic.in_(option.language or language)})"
    script = scripts.by_id(choice) if scripts is not None else None
    if script is not None:
        return f"{choice} ({script.label[language]})"
    return choice


def choice_label(flow: Flow, state: str, language: str, choice: str, scripts: ScriptSet | None = None) -> str:
    """A choice as a trainer reads it: an option's topic and key, an intent's topic, the global key's purpose, or
    at the Tier 1 topic question (`scripts`: those in force) a script's label and id ("a card you did not receive
    (card-not-received)") or what Tier 1 may not do ("legal advice (legal_advice)")."""
    option = flow.states[state].option(choice) if state in flow.states else None
    if option is not None:
        return f"{option.topic.in_(option.language or language)} ({choice})"
    intent = flow.intents.get(choice)
    if intent is not None:
        return intent.topic.in_(language)
    if scripts is not None:
        script = scripts.by_id(choice)
        if script is not None:
            return f"{script.label.get(language) or script.label['en']} ({choice})"
        refusal = _REFUSAL_NAMES.get(language, _REFUSAL_NAMES["en"]).get(choice)
        if refusal is not None:
            return f"{refusal} ({choice})"
    return _PURPOSES.get(choice, choice)


_REFUSAL_NAMES = {
    "en": {"case_details": "case details beyond the status", "legal_advice": "legal advice",
           "local_office": "a transfer to a local office"},
    "es": {"case_details": "detalles del caso más allá del estado", "legal_advice": "asesoría legal",
           "local_office": "una transferencia a una oficina local"},
}
"""What Tier 1 may not do (`tier1_scripts.REFUSALS`, DOMAIN.md §1.3), in words, for the trainer's line."""


_UNDERSTOOD_WORDS = {
    "en": {"also": "also", "examples": " by the training examples", "settled": " by the settled utterances",
           "refusal": " as what Tier 1 may not do", "lines": " by the main menu's line", "nearest": " by the nearest training examples",
           "out_of_scope_settled": "not understood: out of scope for the settled utterances", "understood": "understood{by}: {choice}",
           "ask": "unsure: asked {first} or {second}", "best": "best", "out_of_scope": "not understood: out of scope for the training examples",
           "not_understood": "not understood", "elsewhere": "not understood: a question for another line ({line})"},
    "es": {"also": "también", "examples": " por los ejemplos de entrenamiento", "settled": " por las frases ya resueltas",
           "refusal": " como lo que Tier 1 no puede hacer", "lines": " por la línea del menú principal", "nearest": " por los ejemplos de entrenamiento más cercanos",
           "out_of_scope_settled": "no entendido: fuera de las frases ya resueltas", "understood": "entendido{by}: {choice}",
           "ask": "dudoso: preguntó {first} o {second}", "best": "mejor", "out_of_scope": "no entendido: fuera de los ejemplos de entrenamiento",
           "not_understood": "no entendido", "elsewhere": "no entendido: una pregunta de otra línea ({line})"},
}


def understood_line(
    flow: Flow, state: str, language: str, understood: Understanding, reader: str = "en", scripts: ScriptSet | None = None
) -> str:
    """What the caller's words were understood as, for the rehearsal and the softphone.

    The choices are named as the caller heard them (`language`); the sentence around
    them is in the reader's language (`reader`).  At the Tier 1 topic question, `scripts`
    (those in force for the call) name the scripts by their labels.
    """
    words = _UNDERSTOOD_WORDS.get(reader, _UNDERSTOOD_WORDS["en"])

    def label(choice: str, score: float) -> str:
        return f"{choice_label(flow, state, language, choice, scripts)} {score:.2f}"

    def label_at(where: str, choice: str, score: float) -> str:
        return f"{choice_label(flow, where, language, choice)} {score:.2f}"

    others = understood.alternatives[1:] if understood.outcome == "route" else understood.alternatives[2:]
    rest = f"; {words['also']} {', '.join(label(c, s) for c, s in others)}" if others else ""
    if understood.outcome == "route" and understood.choice is not None:
        by = words[understood.by] if understood.by in ("examples", "settled", "refusal", "lines", "nearest") else ""
        return words["understood"].format(by=by, choice=label(understood.choice, understood.score)) + rest
    if understood.outcome == "ask":
        first, second = understood.alternatives[:2]
        return words["ask"].format(first=label(*first), second=label(*second)) + rest
    best = f" ({words['best']}: {label(*understood.alternatives[0])})" if understood.alternatives else ""
    if understood.by == "elsewhere" and understood.learnt:  # the main menu sends the words to another line
        return words["elsewhere"].format(line=label_at(MAIN_MENU, *understood.learnt[0])) + best
    if understood.by == "examples":  # the classifier took a route of the keywords for out of scope
        return words["out_of_scope"] + best
    if understood.by == "settled":
        return words["out_of_scope_settled"] + best
    return words["not_understood"] + best


def line_for(
    flow: CompiledFlow, state: str, language: str, text: str, understood: Understanding, scripts: ScriptSet | None = None
) -> str:
    """One utterance's outcome: `route 2 (biometrics appointments) 0.93  [3 0.41, 7 0.22]  <- "…"`."""
    alternatives = ", ".join(f"{choice} {score:.2f}" for choice, score in understood.alternatives)
    if understood.outcome == "route" and understood.by == "refusal":
        head = f"refuse {understood.choice} (Tier 1 may not)"
    elif understood.outcome == "route":
        head = f"route {describe(flow, state, language, understood.choice, scripts)} {understood.score:.2f}"
        head += f" by {understood.by}" if understood.by != "keywords" else ""
    elif understood.outcome == "ask":
        first, second = understood.asked
        head = f"ask   {first} or {second} {understood.score:.2f}"
    else:
        head = f"not understood {understood.score:.2f}"
        if understood.by in ("scripts", "lone", "named", "form", "own", "clause", "situation"):
            head += " (no script answers)"
        elif understood.by == "not_ours":
            head += " by not_ours (another agency's or business's)"
        elif understood.by == "elsewhere" and understood.learnt:
            line, score = understood.learnt[0]
            head += f" by elsewhere (main menu: {describe(flow, MAIN_MENU, language, line)} {score:.2f})"
            return f"{head}  [{alternatives}]  <- {text!r}"
        elif understood.by != "keywords":
            head += f" by {understood.by} (out of scope)"
    return f"{head}  [{alternatives}]{_learnt(understood)}  <- {text!r}"


def _learnt(understood: Understanding) -> str:
    """The classifier's guesses that did not decide: `  (examples: 1 0.23, none 0.41)`, or nothing."""
    if not understood.learnt:
        return ""
    return "  (examples: " + ", ".join(f"{choice} {score:.2f}" for choice, score in understood.learnt) + ")"


def format_report(flow: CompiledFlow, report: Report) -> list[str]:
    lines: list[str] = []
    wrong = [r for r in report.results if not r.right]
    if wrong:
        lines.append("Wrong:")
        for result in wrong:
            case = result.case
            mark = "CONFIDENT WRONG " if result.confident_wrong else ""
            lines.append(
                f"  {mark}{case.language} {case.state}: expected {case.expected}, got {result.got} "
                f"{result.understood.score:.2f}{_learnt(result.understood)}  <- {case.text!r} (line {case.line})"
            )
    lines.append("Confusion (rows: expected, columns: got):")
    for language in LANGUAGES:
        results = report.of(language)
        if not results:
            continue
        counts = Counter((r.case.state, r.case.expected, r.got) for r in results)
        for state in dict.fromkeys(r.case.state for r in results):
            labels = list(dict.fromkeys([*(r.case.expected for r in results if r.case.state == state), *(r.got for r in results if r.case.state == state)]))
            width = max(5, *(len(label) for label in labels))
            lines.append(f"  {language} {state}")
            lines.append("    " + " " * width + " " + " ".join(label[:width].rjust(width) for label in labels))
            for expected in dict.fromkeys(r.case.expected for r in results if r.case.state == state):
                cells = [str(counts.get((state, expected, got), "") or ".").rjust(width) for got in labels]
                lines.append(f"    {expected[:width].rjust(width)} " + " ".join(cells))
    for language in LANGUAGES:
        results = report.of(language)
        if results:
            right = sum(r.right for r in results)
            lines.append(
                f"{language}: {right}/{len(results)} right ({100 * right / len(results):.1f}%), "
                f"{len(report.confident_wrong(language))} confident wrong routes"
            )
    total = len(report.results)
    lines.append(f"all: {sum(r.right for r in report.results)}/{total} right ({100 * report.accuracy():.1f}%)")
    return lines


BENCH_UTTERANCES = (
    "um my finger prints appointment",
    "I need to reschedule my ICE appointment please because I am traveling next week",
    "what's the weather like today in Chicago",
    "cheque on my petishun",
    "quiero cambiar mi cita",
    "the machine could not read my fingers so they want me back",
)
"""Utterances timed by `measure`: a slip, a long sentence, out of scope, misheard words, an ambiguous one, and a
situation the keywords leave not understood and the training examples' classifier routes."""
SUBMENU_BENCH = ("service_requests.menu",
                 "i sent in a request a few weeks ago and nobody has called me back is it still open")
"""The submenu step `measure` times: a situation at the service requests menu, which its classifiers route to a
request's status (1); its keywords not sure, the main menu's keyword scores are worked out too, to see whether that
model could claim the words as another line's question (`Model._main_may_claim`)."""


def as_new(func: Callable[[], object]) -> Callable[[], object]:
    """`func` run as on a sentence never heard before: every cache kept per sentence (`ivr.core.per_sentence`: the
    words, the concepts read, the globals and other agencies asked for, the words as a submenu hears them) is emptied
    first.  They are kept for a replay or a corpus that says one sentence many times; a caller's sentence is new, so
    timing one sentence over and over would find them all ready and flatter the matcher.
    """
    from ivr.core.per_sentence import forget

    def run() -> object:
        forget()
        return func()

    return run


def _best_us(func: Callable[[], object], repeat: int, number: int) -> float:
    """CPU microseconds per call, the best of `repeat` runs (CPU time: other processes' load does not count)."""
    func()
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for _ in range(number):
            func()
        best = min(best, (time.process_time() - started) / number)
    return best * 1e6


def measure(repeat: int = 5, number: int = 400) -> dict[str, float]:
    """Microseconds the understanding costs, for `ivr bench` (best of `repeat` runs of `number` calls).

    `understand_mean_us`/`understand_max_us`: `Model.understand` in the main menu over
    `BENCH_UTTERANCES`; `speech_step_us`/`key_step_us`: one `Engine.step` from the main menu
    saying "um my finger prints appointment" or pressing 2 (the same route after it);
    `situation_step_us`: the same step saying a situation the classifier routes (the last of
    `BENCH_UTTERANCES`); `added_us`: the slower speech step minus the key step, what
    understanding adds to a main-menu step (the budget is 50).  `submenu_step_us`/`submenu_key_step_us`: one step
    at a submenu (`SUBMENU_BENCH`: the session put at that menu) saying its sentence or pressing 1 (the same route
    after it), and `submenu_added_us` the difference; `compiled` whether the understanding was the one compiled by mypyc
    (`ivr.core.native`).  Every call is timed as on a sentence
    never heard before (`as_new`), as a caller's is.
    """
    import datetime as dt

    from ivr.core import native
    from ivr.core.events import CallStarted, Digits, Speech
    from ivr.definitions.cases import DEMO_CASES_PATH, DEMO_CLOCK, load_cases
    from ivr.qa.replay import Replayer
    from ivr.world import CaseWorld, MemoryTransaction

    replayer = Replayer()
    engine = replayer.engine({})
    flow = engine.flow()
    emptying = _best_us(as_new(lambda: None), repeat, number)  # what emptying the caches costs, taken off each timing
    timings = {}
    for text in BENCH_UTTERANCES:
        language = "es" if "quiero" in text else "en"
        model = flow.states["main_menu"].understanding[language]
        timings[text] = _best_us(as_new(lambda: model.understand(text, 0.9)), repeat, number) - emptying
    world = CaseWorld(load_cases(DEMO_CASES_PATH), MemoryTransaction())
    now: dt.datetime = DEMO_CLOCK
    session = engine.new_session("CAbench", CallStarted(now))
    session = engine.step(session, CallStarted(now), world).session
    session = engine.step(session, Digits(now, "1"), world).session
    assert session.state == "main_menu", session.state
    speech, key = Speech(now, BENCH_UTTERANCES[0], 0.9), Digits(now, "2")
    situation = Speech(now, BENCH_UTTERANCES[-1], 0.9)
    speech_us = _best_us(as_new(lambda: engine.step(session, speech, world)), repeat, number) - emptying
    situation_us = _best_us(as_new(lambda: engine.step(session, situation, world)), repeat, number) - emptying
    key_us = _best_us(as_new(lambda: engine.step(session, key, world)), repeat, number) - emptying
    submenu = session.copy()
    submenu.state = SUBMENU_BENCH[0]
    said, pressed = Speech(now, SUBMENU_BENCH[1], 0.9), Digits(now, "1")
    assert engine.step(submenu, said, world).session.state == engine.step(submenu, pressed, world).session.state
    submenu_us = _best_us(as_new(lambda: engine.step(submenu, said, world)), repeat, number) - emptying
    submenu_key_us = _best_us(as_new(lambda: engine.step(submenu, pressed, world)), repeat, number) - emptying
    return {
        "understand_mean_us": round(sum(timings.values()) / len(timings), 1),
        "understand_max_us": round(max(timings.values()), 1),
        "speech_step_us": round(speech_us, 1),
        "situation_step_us": round(situation_us, 1),
        "key_step_us": round(key_us, 1),
        "added_us": round(max(speech_us, situation_us) - key_us, 1),
        "submenu_step_us": round(submenu_us, 1),
        "submenu_key_step_us": round(submenu_key_us, 1),
        "submenu_added_us": round(submenu_us - submenu_key_us, 1),
        "compiled": native.compiled(),
    }


# --- the command -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Fold:
    """Cross-validation of one state and language's training examples: right and confident wrong, out of `total`."""

    state: str
    language: str
    total: int
    right: int
    wrong_routes: int
    keywords_right: int  # the keyword model alone (no classifier) on the same held-out examples
    keywords_wrong_routes: int


def cross_validate(flow: CompiledFlow, folds: int = 5) -> list[Fold]:
    """k-fold cross-validation over the flow's training examples (`examples:`): an estimate on unseen words.

    Each example is held out once (every `folds`-th one, in file order), the classifier is
    learnt from the phrases and the other examples, and the held-out ones are understood;
    the keyword model alone (no examples) is scored on the same ones.
    """
    from dataclasses import replace

    from ivr.core.machine import build_model

    results: list[Fold] = []
    for state, by_language in flow.flow.examples.items():
        for language, pairs in by_language.items():
            counts = [0, 0, 0, 0]
            plain = build_model(replace(flow.flow, examples={}), flow.flow.states[state], language)
            for fold in range(folds):
                kept = tuple(pair for index, pair in enumerate(pairs) if index % folds != fold)
                model = build_model(replace(flow.flow, examples={state: {language: kept}}), flow.flow.states[state], language)
                for label, text in (pair for index, pair in enumerate(pairs) if index % folds == fold):
                    for at, understood in ((0, model.understand(text)), (2, plain.understand(text))):
                        got = understood.choice if understood.outcome == "route" else (ASK if understood.outcome == "ask" else NONE)
                        counts[at] += got == label
                        counts[at + 1] += understood.outcome == "route" and got != label
            results.append(Fold(state, language, len(pairs), counts[0], counts[1], counts[2], counts[3]))
    return results


def cross_validate_topic(flow: CompiledFlow, scripts: ScriptSet, state: str, folds: int = 5) -> list[Fold]:
    """k-fold cross-validation of the topic question's examples classifier (`scripts/examples.yaml`, round 14).

    Each example is held out once (every `folds`-th one of its language, in file order), the classifier is learnt
    from the scripts' phrases and the other examples (`ScriptSet.learnt_read`), and the held-out questions are read
    as a call reads them (`topic_understood`); "rules alone" counts what the classifier read as not understood.
    """
    from ivr.behaviours.tier1_scripts import EXAMPLES, NEAREST
    from ivr.definitions.scripts import ScriptSet as Scripts  # loaded for the command only, not at start-up

    results: list[Fold] = []
    for language, pairs in scripts.examples.items():
        counts = [0, 0, 0, 0]
        for fold in range(folds):
            kept = {language: tuple(pair for index, pair in enumerate(pairs) if index % folds != fold)}
            trained = Scripts(scripts.scripts, scripts.wordings, kept)
            for label, text in (pair for index, pair in enumerate(pairs) if index % folds == fold):
                understood = topic_understood(flow, trained, state, language, text)
                got = understood.choice if understood.outcome == "route" else NONE
                by_rules = NONE if understood.by in (EXAMPLES, NEAREST) else got
                counts[0] += got == label
                counts[1] += understood.outcome == "route" and got != label
                counts[2] += by_rules == label
                counts[3] += by_rules != NONE and by_rules != label
        results.append(Fold(state, language, len(pairs), *counts))
    return results


@click.command("understand")
@click.argument("flow", required=False)
@click.argument("utterances", nargs=-1)
@click.option("--state", default="main_menu", show_default=True, help="The waiting state the caller is in.")
@click.option("--lang", "language", type=click.Choice(LANGUAGES), default="en", show_default=True)
@click.option("--corpus", type=click.Path(exists=True, dir_okay=False, path_type=Path), help="Score a corpus file instead.")
@click.option("--folds", type=click.IntRange(2, 20),
              help="Cross-validate the training examples (the flow's, or at tier1.topic the scripts') in this many folds.")
@click.option("--at", "day", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="At the Tier 1 topic question: the day whose response scripts are in force (default: today).")
def understand_command(
    flow: str | None, utterances: tuple[str, ...], state: str, language: str, corpus: Path | None, folds: int | None = None,
    day: dt.datetime | None = None,
) -> None:
    """Show where callers' words go (route, ask, not understood) with their scores.

    Utterances come from the arguments, else one per line of standard input.
    With --corpus FILE: accuracy per language, wrong routes and a confusion table;
    exits 1 when any utterance went wrong.  With --folds N: k-fold cross-validation of the
    flow's training examples, with the classifier and with the keywords alone (with
    --state tier1.topic: of the response scripts' examples, with their classifier and
    with the rules alone).
    At the Tier 1 topic question (--state tier1.topic) the words go to the response
    scripts in force on --at DATE, as on a call: the script read, a refusal, or none.
    """
    on = day.date() if day is not None else dt.date.today()
    configuration.resolve()  # a bad setting in the environment is a one-line error here too
    if folds is not None:
        if flow is None:
            raise click.UsageError("give a FLOW (e.g. uscis_contact_center) to cross-validate its training examples")
        target = compiled(flow)
        if is_topic_question(target, state):  # the response scripts' examples and their classifier
            for f in cross_validate_topic(target, scripts_on(on), state, folds):
                click.echo(
                    f"{f.state} {f.language}: {f.right}/{f.total} right, {f.wrong_routes} wrong scripts read with the "
                    f"examples classifier; rules alone {f.keywords_right}/{f.total}, {f.keywords_wrong_routes} wrong "
                    f"({folds} folds)"
                )
            return
        for f in cross_validate(target, folds):
            click.echo(
                f"{f.state} {f.language}: {f.right}/{f.total} right, {f.wrong_routes} wrong routes with the classifier; "
                f"keywords alone {f.keywords_right}/{f.total}, {f.keywords_wrong_routes} wrong routes ({folds} folds)"
            )
        return
    if corpus is not None:
        flow_id, cases = load_corpus(corpus)
        target = compiled(flow or flow_id)
        topics = any(is_topic_question(target, case.state) for case in cases)
        report = evaluate(target, cases, scripts_on(on) if topics else None)
        for line in format_report(target, report):
            click.echo(line)
        if any(not r.right for r in report.results):
            raise SystemExit(1)
        return
    if flow is None:
        raise click.UsageError("give a FLOW (e.g. uscis_contact_center) or --corpus FILE")
    target = compiled(flow)
    compiled_state = target.states.get(state)
    if compiled_state is None or not compiled_state.understanding:
        waiting = sorted(name for name, s in target.states.items() if s.understanding)
        raise click.ClickException(f"'{state}' is not a waiting state of {flow} (e.g. {', '.join(waiting[:5])}, …)")
    model = compiled_state.understanding[language]
    scripts = scripts_on(on) if is_topic_question(target, state) else None
    texts = utterances or tuple(line.strip() for line in sys.stdin if line.strip())
    if not texts:
        raise click.ClickException("nothing to understand: give utterances as arguments or one per line on standard input")
    for text in texts:
        understood = topic_understood(target, scripts, state, language, text) if scripts is not None else model.understand(text)
        click.echo(line_for(target, state, language, text, understood, scripts))


def register(main: click.Group) -> None:
    main.add_command(understand_command)
