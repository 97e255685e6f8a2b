"""The Tier 1 topic question's training examples (`scripts/examples.yaml`) and the classifier they teach (round 14).

The examples are the eleven training batches written blind by other writers (A to K, 110 questions each, one
repeated; A to G moved out of the topic corpus when they became training data): the corpus and its holdout must share no
question with them.  The classifier (`ScriptSet.learnt_read`) reads a question only when no rule read one, it is
sure, and the scripts' keyword model ranks the same script among its first two.  The questions below are the round's own, never a
corpus's or a holdout's words.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.definitions.script_examples import EXAMPLES_NAME, read_script_examples
from ivr.definitions.scripts import LEARNT_SURE, SCRIPTS_ROOT, ScriptSet, _content_words, load_scripts
from ivr.errors import DefinitionError, Problem
from ivr.trainers.understand import load_corpus, scripts_on, topic_understood

from .conftest import HERE

DAY = dt.date(2026, 12, 16)
IDS = frozenset({"case-status", "processing-times"})


@pytest.fixture(scope="module")
def scripts() -> ScriptSet:
    return scripts_on(DAY)


def examples_file(folder: Path, text: str) -> Path:
    path = folder / EXAMPLES_NAME
    path.write_text(text, encoding="utf-8")
    return path


def problems_of(folder: Path) -> list[str]:
    problems: list[Problem] = []
    read_script_examples(folder, IDS, problems)
    return [f"{problem.path}:{problem.line}: {problem.where}: {problem.what}" for problem in problems]


def test_the_examples_are_the_eleven_training_batches_in_both_languages() -> None:
    """A to K as written (labels as written), each batch in English and Spanish, every script and none taught."""
    library = load_scripts()
    counted = Counter(label for pairs in library.examples.values() for label, _ in pairs)
    assert sum(len(pairs) for pairs in library.examples.values()) == 1209  # 1,210 written, one question twice
    assert set(counted) == {*library.versions, "none"}
    assert len(library.examples["en"]) > 400 and len(library.examples["es"]) > 300


def test_the_topic_corpus_and_its_holdout_share_no_question_with_the_examples() -> None:
    """Training data is never a test: a question taught is not one the corpus or the blind sets score."""
    taught = {text for pairs in load_scripts().examples.values() for _, text in pairs}
    for name in ("topics.yaml", "topics_holdout.yaml"):
        asked = {case.text.strip().lower() for case in load_corpus(HERE / name)[1]}
        assert not asked & taught, (name, sorted(asked & taught)[:3])


def test_a_label_that_is_no_script_is_reported_with_its_line(tmp_path: Path) -> None:
    examples_file(tmp_path, "version: 1\ngroups:\n  - language: en\n    expect:\n      case-statos:\n      - where is my case\n")
    assert problems_of(tmp_path) == [
        f"{tmp_path / EXAMPLES_NAME}:5: groups[0].expect.case-statos: 'case-statos' is not a script of the folder or "
        "none (allowed: case-status, processing-times, none)"
    ]


def test_a_question_taught_twice_is_reported_with_the_first_line(tmp_path: Path) -> None:
    examples_file(tmp_path, "version: 1\ngroups:\n  - language: es\n    expect:\n      case-status:\n      - cómo va mi caso\n"
                  "      processing-times:\n      - Cómo va mi caso\n")
    assert problems_of(tmp_path) == [
        f"{tmp_path / EXAMPLES_NAME}:8: groups[0].expect.processing-times[0]: 'cómo va mi caso' is already an example "
        "on line 6"
    ]


def test_a_group_in_another_language_or_without_questions_is_reported(tmp_path: Path) -> None:
    examples_file(tmp_path, "version: 1\ngroups:\n  - language: fr\n    expect: {}\n  - language: en\n    expect:\n"
                  "      none:\n      - ''\n")
    found = problems_of(tmp_path)
    assert len(found) == 2
    assert found[0].startswith(f"{tmp_path / EXAMPLES_NAME}:3: groups[0].language: ")
    assert found[1] == f"{tmp_path / EXAMPLES_NAME}:8: groups[1].expect.none[0]: expected a question"


def test_a_broken_examples_file_stops_the_scripts_from_loading(tmp_path: Path) -> None:
    """Validated at load like the scripts themselves: `ivr validate` and a start report it, file and line."""
    root = tmp_path / "scripts"
    shutil.copytree(SCRIPTS_ROOT, root)
    examples_file(root, "version: 2\ngroups: []\n")
    with pytest.raises(DefinitionError) as raised:
        load_scripts(root)
    assert [(p.line, p.where) for p in raised.value.problems] == [(1, "version")]


def test_a_folder_without_examples_loads_with_none(tmp_path: Path) -> None:
    assert problems_of(tmp_path) == [] and read_script_examples(tmp_path, IDS, []) == {}


@pytest.mark.parametrize(
    ("said", "language", "script"),
    [
        ("how many months is the wait these days for a spouse's green card through a citizen", "en", "processing-times"),
        ("my wife got hired in boston so we're giving up our lease and moving there while my work permit application "
         "is still open what do i need to do", "en", "change-of-address"),
        # round 20 reads a need told at a named interview by rule (`need_at_appointment`): no interview named here
        ("mi esposo no ve bien y lo citaron para la ciudadanía le pueden ayudar con eso", "es", "accommodations"),
    ],
)
def test_a_story_no_rule_reads_is_read_by_the_examples(
    uscis: CompiledFlow, scripts: ScriptSet, said: str, language: str, script: str
) -> None:
    """How long a case type takes (processing times), a move while a case is pending (change of address, DOMAIN.md:
    AR-11 within 10 days), a disability at the interview (accommodations): the examples teach the situation."""
    understood = topic_understood(uscis, scripts, "tier1.topic", language, said)
    assert (understood.choice, understood.by) == (script, "examples")


def test_the_examples_read_nothing_against_the_keywords(scripts: ScriptSet) -> None:
    """The classifier is sure of processing times where the caller named premium processing, which the keywords rank
    first and processing times not second: sure is not enough, the two must agree."""
    said = normalize("could we get premium processing for my o p t work permit")
    learnt = scripts._learnt["en"].posterior(_content_words(said, "en"))
    ranked, _ = scripts._models["en"].scores(said)
    assert learnt[0] == ("processing-times", pytest.approx(learnt[0][1])) and learnt[0][1] >= LEARNT_SURE
    assert ranked[0][0] == "premium-processing" and "processing-times" not in {choice for choice, _ in ranked[:2]}
    assert scripts.learnt_read(said, "en") is None


@pytest.mark.parametrize(
    ("said", "language"),
    [
        ("quiero saber si ya quedó lista mi camioneta en el taller", "es"),
        ("what time does the pharmacy close tonight", "en"),
    ],
)
def test_the_examples_read_nothing_for_another_business(
    uscis: CompiledFlow, scripts: ScriptSet, said: str, language: str
) -> None:
    """A truck at the mechanic's, a pharmacy's hours: no script of ours, whatever the classifier leans to."""
    assert scripts.learnt_read(normalize(said), language) is None
    assert topic_understood(uscis, scripts, "tier1.topic", language, said).choice is None


def test_a_notice_that_was_to_come_separately_and_never_did_is_the_notice(uscis: CompiledFlow, scripts: ScriptSet) -> None:
    """Of a card come and a notice that "never did", the notice is the thing missing (notice not received)."""
    said = "my card got here last week but the approval notice that should have come separately never did"
    assert topic_understood(uscis, scripts, "tier1.topic", "en", said).choice == "notice-not-received"
