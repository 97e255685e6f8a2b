"""What trainees read names the rule in plain words: no seed file, project document or code file leaks into it.

Citations belong to the people who can open them: tests, docs, flow comments and code comments.  These
tests walk every label a trainee reads (checklists, summaries, transcripts, diagrams), every refusal text a
console seat can get and every score-card line, and look for a citation in each.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from ivr.console import scoring
from ivr.core.flow import TIER_CHANGE_REASONS, TIERS
from ivr.definitions.flows import load_flow_text, load_flows
from ivr.trainers.labels import labels_for
from tests.definitions.test_broken_flows import corpus_registry

ROOT = Path(__file__).resolve().parents[2]
CITATION = re.compile(r"(?i)\bseed\b|\b[\w/.-]+\.(?:py|md|txt|ya?ml)\b|§|\bissue \d+|\buscis-pm\b")


@pytest.mark.parametrize("language", ["en", "es"])
def test_no_label_of_a_shipped_flow_cites_a_source(language: str) -> None:
    """Every state, topic, option, tier and tier-change reason label of every shipped flow is free of citations
    (the label of the good-cause question once read "The six good causes of seed 000, in its order")."""
    leaks = []
    for flow in load_flows().values():
        labels = labels_for(flow, language)
        words = [*labels.states.values(), *labels.topics.values(), *labels.options.values()]
        words += [labels.tier(tier) for tier in TIERS] + [labels.reason(reason) for reason in TIER_CHANGE_REASONS]
        leaks += [text for text in words if CITATION.search(text)]
    assert leaks == []


@pytest.mark.parametrize(
    ("description", "label"),
    [
        ("Open hours of seed 000, in its order.", "Working on the request"),
        ('"Seed 003: look the case up (seed 003_29c9fde61bf22c66.txt)."', "Look the case up"),
        ('"Look the case up (DOMAIN.md §2.1; issue 10)."', "Look the case up"),
    ],
    ids=["cited-inside", "cited-around", "cited-in-brackets"],
)
def test_a_description_citing_a_source_gives_a_plain_label(description: str, label: str) -> None:
    """An author's description is a label only once its citations are dropped ("Seed 003:", "(DOMAIN.md §3)");
    one citing inside a sentence ("the hours of seed 000") gives way to the kind of step."""
    text = (ROOT / "tests/data/flows/broken/unknown_target.yaml").read_text(encoding="utf-8").replace("goto: hour\n", "goto: hours\n")
    text = text.replace("  status.look_up:\n    kind: action\n", f"  status.look_up:\n    kind: action\n    description: {description}\n")
    flow = load_flow_text(text, "tests/described.yaml", corpus_registry())

    assert labels_for(flow, "en").state("status.look_up") == f"Your case status: {label}"


def test_no_score_card_line_names_a_source_file() -> None:
    """Each rule of a score card names the public document it comes from, not the project's copy of it."""
    lines = [(rule, source, quote) for rule, (source, quote) in scoring._QUOTES.items()]
    assert lines
    assert [(rule, source) for rule, source, _ in lines if CITATION.search(source)] == []
    assert [(rule, quote) for rule, _, quote in lines if CITATION.search(quote)] == []


def test_no_refusal_text_of_a_console_seat_cites_a_source() -> None:
    """Every literal part of every refusal the agent step can raise is free of citations (it once read
    "the tier1 seat may not say a free answer (seed 003_29c9fde61bf22c66.txt)")."""
    tree = ast.parse((ROOT / "ivr/core/agent_step.py").read_text(encoding="utf-8"))
    texts = [
        node.value
        for call in ast.walk(tree)
        if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "Refused"
        for argument in call.args
        for node in ast.walk(argument)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    assert len(texts) > 20
    assert [text for text in texts if CITATION.search(text)] == []
