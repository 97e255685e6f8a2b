"""Every submenu learns its settled utterances: the corpus's sentences of a state teach that state's settled
utterances' classifier (`ivr.core.settled`), as the main menu's always did (docs/understanding.md, "The settled
utterances' classifier"; issue 16: "A matcher that generalises and knows when it does not know").

`tools/settle_corpus.py` copies the corpus's groups, state by state, into the flow's `settled.yaml`; the submenus'
groups are mostly spent blind holdouts (s2-s21), sentences callers' own words in a submenu.  The classifier overrules
only when sure (`SURE`, `MARGIN`), with the main menu's parameters: nothing was tuned to a submenu.  Measured on the
untuned blind pair s24/s25: 86 -> 100 of 120 (docs/understanding-log.md, "A settled classifier in every submenu").
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _understood(model, state: str, language: str, text: str):  # type: ignore[no-untyped-def]
    return model(state, language).understand(text)


@pytest.mark.parametrize("state", ["verify.no_receipt", "case_status.menu", "biometrics.menu", "biometrics.after",
                                   "field_office.menu", "field_office.reasons", "field_office.appointment_menu",
                                   "service_requests.menu", "service_requests.types", "service_requests.after",
                                   "special_lines.menu", "outside_us.menu", "other_agencies.menu"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_every_submenu_has_a_settled_classifier(model, state: str, language: str) -> None:  # type: ignore[no-untyped-def]
    """A submenu's model carries a settled utterances' classifier in each language (before: the main menu's only)."""
    assert model(state, language).settled is not None


def test_a_submenu_routes_what_its_settled_sentences_teach(model) -> None:  # type: ignore[no-untyped-def]
    """A date that falls on a son's surgery at the field office's menu is its rescheduling (3), a sentence whose words
    neither the phrases nor the examples take anywhere (it was not understood)."""
    understood = _understood(model, "field_office.menu", "en",
                             "my appointment at the saint paul office lands on the same day as my sons surgery")
    assert (understood.outcome, understood.choice, understood.by) == ("route", "3", "settled")


def test_a_submenu_routes_what_its_settled_sentences_teach_in_spanish(model) -> None:  # type: ignore[no-untyped-def]
    """Whether the agents answer until eight at night, after the biometrics appointment is moved: the hours."""
    understood = _understood(model, "biometrics.after", "es",
                             "oiga los agentes contestan hasta las ocho de la noche o cierran antes")
    assert (understood.outcome, understood.choice, understood.by) == ("route", "hours", "settled")


def test_the_settled_classifier_stops_what_a_submenu_does_not_offer(model) -> None:  # type: ignore[no-untyped-def]
    """A case status asked at the service requests menu is no option of it: not understood, and the trainer's line
    still says it is a question for another line, the main menu's case status (`by` "elsewhere", the line in
    `learnt`)."""
    understood = _understood(model, "service_requests.menu", "en", "i want to check my case status")
    assert (understood.outcome, understood.by, understood.learnt[0][0]) == ("not_understood", "elsewhere", "1")


def test_a_global_asked_in_so_many_words_is_not_taken_by_the_settled_classifier(model) -> None:  # type: ignore[no-untyped-def]
    """The keywords' globals stay theirs in a submenu too (`settled.KEYWORD_GLOBALS`): a supervisor asked for."""
    understood = _understood(model, "service_requests.after", "en", "let me talk to a supervisor please")
    assert (understood.outcome, understood.choice) == ("route", "supervisor")


def test_the_tool_keeps_each_states_settled_utterances_apart() -> None:
    """`tools/settle_corpus.py` writes every state's groups, and leaves out only what the same state's examples hold:
    a sentence the main menu's examples know is still a submenu's settled utterance, and an ask is no route."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        from settle_corpus import settled
    finally:
        sys.path.remove(str(ROOT / "tools"))
    examples = {"groups": [{"state": "main_menu", "language": "en", "expect": {"1": ["check my case"]}}]}
    corpus = {"groups": [
        {"language": "en", "note": "a", "expect": {"1": ["check my case", "where is my case"]}},
        {"state": "case_status.menu", "language": "en", "note": "b",
         "expect": {"1": ["check my case"], "ask": ["my case or my card"]}},
    ]}
    assert settled(corpus, examples) == [
        {"state": "main_menu", "language": "en", "note": "corpus: a", "expect": {"1": ["where is my case"]}},
        {"state": "case_status.menu", "language": "en", "note": "corpus: b", "expect": {"1": ["check my case"]}},
    ]
