"""The Tier 1 topic question's training examples: what callers ask Tier 1, labelled with the script that answers.

`scripts/examples.yaml` holds questions callers asked in their own words, each labelled with the
response script that answers it (a script id of the folder) or `none` (not a question Tier 1
answers: another business's, another agency's errand).  They are training data, never a test:
they teach the scripts' examples classifier (`ScriptSet.learnt_read`, a naive Bayes of
`ivr.core.bayes`) that reads a question the rules left unread, and each is a sentence the
caller's is compared with (`ScriptSet.nearest_read`, `ivr.core.neighbours`, round 19) where
the classifier did not read; the topic corpus
(`tests/understanding/topics.yaml`) and its holdout must not share a question with them
(tests/understanding/test_script_examples.py).

The file's shape is the corpus's without the state (the topic question is the only one):

    version: 1
    groups:
      - language: en
        note: training A          # optional
        expect:
          case-status:
          - can you tell us where her case is at right now

Every problem is reported as `scripts/examples.yaml:LINE: where: what`.  Read with the scripts
(`load_scripts`), so the kept library (`flow_cache.cached_scripts`) holds them too.
"""

from __future__ import annotations

from collections.abc import Mapping as MappingOf
from pathlib import Path
from typing import Any

from ivr.core.bayes import NONE
from ivr.definitions.checks import LANGUAGES, Checker
from ivr.definitions.examples import file_groups, labelled_utterances
from ivr.definitions.yamlsource import load_file
from ivr.errors import DefinitionError, Problem

EXAMPLES_NAME = "examples.yaml"
"""The examples' file, at the root of the scripts folder (beside the scripts' own folders)."""
EXAMPLES_VERSION = 1
FILE_KEYS = ("version", "groups")
GROUP_KEYS = ("language", "expect", "note")

ScriptExamples = MappingOf[str, tuple[tuple[str, str], ...]]
"""language -> (label, question) pairs in file order; a label is a script id or `none`."""


def read_script_examples(root: Path, script_ids: frozenset[str], problems: list[Problem]) -> ScriptExamples:
    """The examples under `root` (none when the folder has no examples file), labelled with `script_ids` or `none`;
    every problem is added to `problems` with its file and line."""
    path = root / EXAMPLES_NAME
    if not path.exists():
        return {}
    try:
        data, shown = load_file(path)
    except DefinitionError as error:
        problems.extend(error.problems)
        return {}
    check = Checker(shown)
    found = _examples(check, data, script_ids)
    problems.extend(check.problems)
    return found


def _examples(check: Checker, data: Any, script_ids: frozenset[str]) -> ScriptExamples:
    top = check.mapping(data, "", 1)
    if top is None:
        return {}
    check.keys(top, "", FILE_KEYS, FILE_KEYS)
    if "version" in top and top["version"] != EXAMPLES_VERSION:
        check.problem(top.line_of("version"), "version", f"unsupported examples version (this program reads {EXAMPLES_VERSION})")
    allowed = (*sorted(script_ids), NONE)
    found: dict[str, list[tuple[str, str]]] = {language: [] for language in LANGUAGES}
    seen: dict[tuple[str, ...], int] = {}
    for where, group in file_groups(check, top):
        check.keys(group, where, GROUP_KEYS, GROUP_KEYS[:2])
        if "note" in group:
            check.text(group, "note", where)
        language = check.choice(group, "language", where, LANGUAGES) if "language" in group else None
        expect = check.mapping(group.get("expect"), f"{where}.expect", group.line_of("expect")) if "expect" in group else None
        if language is None or expect is None:
            continue
        found[language].extend(
            labelled_utterances(check, expect, where, allowed, "a script of the folder or none", seen, (language,), "a question")
        )
    return {language: tuple(pairs) for language, pairs in found.items() if pairs}
