"""Making understanding cheaper changes no outcome: every utterance we hold is understood exactly as the golden file says.

Issue 16 asks that the matcher add at most 50 µs to a step "(measured)"; the work that makes it cheaper (caches of a
word's analysis, tables precomputed at compile time, fewer passes over the words) must not move a single utterance.
`outcomes_golden.json` holds the full `Understanding` (outcome, choice, score rounded to 1e-9, alternatives, the
classifier's guesses, what decided, the words) of every utterance of corpus.yaml, typical.yaml and holdout.yaml in
the state and language it names, and of every training example of the shipped flow in its state and language, once
as said and once with the recogniser's confidence of 0.9 (the factor that scales every score).

The golden file is made by the matcher's rules, never by a speed change: regenerate it only from code whose rules
changed (a freeze), with `python tests/understanding/test_outcomes_unchanged.py`, and check the diff.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from ivr.core.machine import CompiledFlow
from ivr.core.understanding import Understanding
from ivr.trainers.understand import compiled, load_corpus

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "outcomes_golden.json"
SOURCES = ("corpus.yaml", "typical.yaml", "holdout.yaml")
CONFIDENCES = (None, 0.9)
DIGITS = 9  # scores are compared rounded to 1e-9: the same arithmetic in another order may differ in the last bits


def utterances(flow: CompiledFlow) -> Iterator[tuple[str, str, str]]:
    """(state, language, text) of every utterance held: the corpora's, then the flow's training examples."""
    for name in SOURCES:
        for case in load_corpus(HERE / name)[1]:
            yield case.state, case.language, case.text
    for state, by_language in flow.flow.examples.items():
        for language, pairs in by_language.items():
            for _, text in pairs:
                yield state, language, text


def _scored(pairs: tuple[tuple[str, float], ...]) -> list[list[object]]:
    return [[name, round(score, DIGITS)] for name, score in pairs]


def summary(understood: Understanding) -> list[object]:
    """Everything an `Understanding` says, as plain data, scores rounded to `DIGITS`."""
    return [
        understood.outcome,
        understood.choice,
        round(understood.score, DIGITS),
        _scored(understood.alternatives),
        _scored(understood.learnt),
        understood.by,
        list(understood.words),
    ]


def outcomes(flow: CompiledFlow) -> list[list[object]]:
    """[state, language, text, summary per confidence of `CONFIDENCES`...] for every utterance held."""
    rows: list[list[object]] = []
    for state, language, text in utterances(flow):
        model = flow.states[state].understanding[language]
        rows.append([state, language, text, *(summary(model.understand(text, said)) for said in CONFIDENCES)])
    return rows


def test_every_held_utterance_is_understood_as_the_golden_file_says(uscis: CompiledFlow) -> None:
    """Same outcome, choice, score, alternatives, guesses and words for every utterance (a speed change moves none)."""
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    now = outcomes(uscis)
    assert len(now) == len(golden), "the corpora or the examples changed: regenerate the golden file from the rules' code"
    changed = [(want[:3], want[3:], got[3:]) for want, got in zip(golden, now) if want != got]
    assert changed == [], f"{len(changed)} of {len(now)} understood otherwise, first: {changed[:3]}"


@pytest.mark.pure_python
def test_the_pure_python_understands_every_held_utterance_as_the_golden_file_says(uscis: CompiledFlow) -> None:
    """The understanding compiled by mypyc (`ivr.core.native`) and its pure Python answer alike: with the compiled
    modules in use, the test above runs again in a child with `IVR_NATIVE=0` (the `pure_python` mark)."""
    test_every_held_utterance_is_understood_as_the_golden_file_says(uscis)


def test_understanding_the_same_words_twice_gives_the_same_answer(uscis: CompiledFlow) -> None:
    """A second call (warm per-word caches) understands as the first (cold) did: the caches change no answer."""
    model = uscis.states["main_menu"].understanding["en"]
    texts = ["the machine could not read my fingers so they want me back", "bio metrics", "cheque on my petishun"]
    first = [summary(model.understand(text, 0.9)) for text in texts]
    assert [summary(model.understand(text, 0.9)) for text in texts] == first


if __name__ == "__main__":  # regenerate: only from code whose rules changed, never to absorb a speed change
    rows = outcomes(compiled("uscis_contact_center"))
    GOLDEN.write_text("[\n" + ",\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n]\n", encoding="utf-8")
    print(f"{GOLDEN}: {len(rows)} outcomes", file=sys.stderr)
