"""Loading a flow's training examples: what callers say in a waiting state, labelled with where it goes.

A flow names its examples file with `examples:` (`flows/uscis_contact_center/examples.yaml`),
in the corpus's shape (`tests/understanding/corpus.yaml`): groups of `state`, `language`,
an optional `note`, and `expect: {choice: [utterance, ...]}`, where a choice is an option's
key of the state, a global purpose (representative, repeat, previous, supervisor), a global
intent offered there, or `none` (out of scope: the line does not handle it).  They teach
the understanding model's classifier (`ivr.core.bayes`) the situations callers describe
without naming a topic; they are training data, never a test: the corpus and the holdout
must not share an utterance with them (tests/understanding/test_training_examples.py).

A flow names its settled utterances with `settled:` (`flows/uscis_contact_center/settled.yaml`), in
the same shape: utterances whose route is settled (the corpus's, asks left out), which teach only
the settled utterances' classifier (`ivr.core.settled`), together with the examples.  They may be
the corpus's utterances; never the holdout's.

Every problem is reported as `flows/<file>:LINE: where: what`.  Runs at start-up only.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ivr.core.bayes import NONE
from ivr.core.flow import GLOBAL_PURPOSES, LANGUAGES, Flow
from ivr.definitions import yamlsource
from ivr.definitions.checks import Checker
from ivr.definitions.yamlsource import Mapping, excerpt, load_file
from ivr.errors import DefinitionError

EXAMPLES_VERSION = 1
FILE_KEYS = ("version", "flow", "groups")
GROUP_KEYS = ("state", "language", "expect", "note")

Examples = dict[str, dict[str, tuple[tuple[str, str], ...]]]
"""state -> language -> (choice, utterance) pairs, in file order."""


def read_examples(
    check: Checker, top: Mapping, base: Path, digest: Any, flow: Flow, read: list[Path] | None = None,
    key: str = "examples",
) -> tuple[Examples, list[Checker]]:
    """The examples named by the flow's `key` (`examples:`, or `settled:` for the settled utterances; none without
    it), and the checkers holding their problems.

    `read`, when given, gets the examples file's path (the flow cache reloads when it changes)."""
    if key not in top:
        return {}, []
    name = top[key]
    line = top.line_of(key)
    if not isinstance(name, str) or not name.strip():
        check.problem(line, key, "expected a file name")
        return {}, []
    try:
        path = yamlsource.inside(base, name)
        data, shown = load_file(path)
    except ValueError as refused:
        check.problem(line, key, f"cannot read {refused}")
        return {}, []
    except DefinitionError as error:
        for problem in error.problems:
            if problem.what in ("file not found", "a folder, not a file"):
                check.problem(line, key, f"cannot read '{excerpt(name, 60)}': {problem.what}")
            else:
                check.problems.append(problem)
        return {}, []
    digest.update(path.read_bytes())
    if read is not None:
        read.append(path)
    file_check = Checker(shown)
    return _examples(file_check, data, flow), [file_check]


def file_groups(check: Checker, top: Mapping) -> Iterator[tuple[str, Mapping]]:
    """Each group of a file's `groups:` that is a mapping, with where it is (`groups[N]`); anything else is reported to
    `check` and skipped.  Shared by the corpus's shape and the response scripts' examples."""
    groups = check.sequence(top.get("groups"), "groups", top.line_of("groups")) if "groups" in top else None
    for index, raw in enumerate(groups or ()):
        where = f"groups[{index}]"
        group = check.mapping(raw, where, groups.line_of(index))  # type: ignore[union-attr]
        if group is not None:
            yield where, group


def labelled_groups(check: Checker, top: Mapping) -> Iterator[tuple[str, Mapping, str, str, Mapping]]:
    """Each well-formed group of a file in the corpus's shape: (where, group, state, language, expect).

    Shared by the training examples and the test corpus (`ivr understand --corpus`); a group
    missing its state, language or expect is reported to `check` and skipped."""
    for where, group in file_groups(check, top):
        check.keys(group, where, GROUP_KEYS, GROUP_KEYS[:3])
        state = check.text(group, "state", where) if "state" in group else None
        language = check.choice(group, "language", where, LANGUAGES) if "language" in group else None
        expect = check.mapping(group.get("expect"), f"{where}.expect", group.line_of("expect")) if "expect" in group else None
        if state is not None and language is not None and expect is not None:
            yield where, group, state, language, expect


def _examples(check: Checker, data: Any, flow: Flow) -> Examples:
    top = check.mapping(data, "", 1)
    found: dict[str, dict[str, list[tuple[str, str]]]] = {}
    if top is None:
        return {}
    check.keys(top, "", FILE_KEYS, ("version", "groups"))
    if "version" in top and top["version"] != EXAMPLES_VERSION:
        check.problem(top.line_of("version"), "version", f"unsupported examples version (this program reads {EXAMPLES_VERSION})")
    if "flow" in top and top["flow"] != flow.id:
        check.problem(top.line_of("flow"), "flow", f"these examples are for '{top['flow']}', not '{flow.id}'")
    seen: dict[tuple[str, ...], int] = {}
    for where, group, state, language, expect in labelled_groups(check, top):
        if state not in flow.states or not flow.states[state].waits_for_caller:
            check.problem(group.line_of("state"), f"{where}.state", f"'{state}' is not a waiting state of {flow.id}")
            continue
        allowed = _choices(flow, state)
        bucket = found.setdefault(state, {}).setdefault(language, [])
        bucket.extend(labelled_utterances(check, expect, where, allowed, f"a choice of {state}", seen, (state, language)))
    return {state: {lang: tuple(pairs) for lang, pairs in by_language.items()} for state, by_language in found.items()}


def labelled_utterances(
    check: Checker, expect: Mapping, where: str, allowed: tuple[str, ...], what: str, seen: dict[tuple[str, ...], int],
    scope: tuple[str, ...], noun: str = "an utterance",
) -> Iterator[tuple[str, str]]:
    """Each (label, utterance) of a group's `expect` (utterances lower-cased), shared by the flows' examples and the
    response scripts' (`ivr.definitions.script_examples`): a label not in `allowed` ("is not `what`"), an empty item or
    an utterance already seen in `scope` (`seen` keeps the first line of each) is reported to `check` and skipped."""
    for label, items in expect.items():
        at = f"{where}.expect.{label}"
        if str(label) not in allowed:
            check.problem(expect.line_of(label), at, f"'{label}' is not {what} (allowed: {', '.join(allowed)})")
            continue
        said = check.sequence(items, at, expect.line_of(label))
        for position, text in enumerate(said or ()):
            line = said.line_of(position)  # type: ignore[union-attr]
            utterance = str(text).strip().lower() if isinstance(text, (str, int, float)) else ""
            if not utterance:
                check.problem(line, f"{at}[{position}]", f"expected {noun}")
                continue
            key = (*scope, utterance)
            if key in seen:
                check.problem(line, f"{at}[{position}]", f"'{excerpt(utterance, 60)}' is already an example on line {seen[key]}")
                continue
            seen[key] = line
            yield str(label), utterance


def _choices(flow: Flow, state: str) -> tuple[str, ...]:
    """What an example in `state` may be labelled: its options' keys, the global purposes, its intents, `none`."""
    tier = flow.states[state].tier
    intents = tuple(intent.name for intent in flow.intents.values() if tier in intent.goto)
    return (*(option.key for option in flow.states[state].options), *GLOBAL_PURPOSES, *intents, NONE)
