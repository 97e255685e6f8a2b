"""Issue 16's own measure: "Paraphrases not in the corpus (write 40 new ones after freezing the model, and report them
in the closing note without tuning to them) route right >= 90%".

The fresh sets (tests/understanding/fresh.yaml, topics_fresh.yaml; docs/understanding.md, "The issue's own measure:
fresh sets") were written blind against the freeze c7c1af6 by writers told what ordinary callers say, with no list of
earlier sentences, and measured once there.  These tests hold what was measured at each place a caller speaks - the
main menu, the self-service submenus, the Tier 1 topic question - in each language: no change may take them under
the issue's 90%.  They are never training data, so a change cannot pass them by learning them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

import pytest

from ivr.core.machine import CompiledFlow
from ivr.trainers.understand import Case, Report, evaluate, load_corpus, scripts_on

from .conftest import HERE

AIM = 0.90
"""Issue 16: "route right >= 90%"."""
TODAY = dt.date(2026, 12, 1)
"""The day the Tier 1 sets were measured, as calls that day: the response scripts in force then."""
LANGUAGES = ("en", "es")


@pytest.fixture(scope="module")
def menu_sets() -> list[Case]:
    return load_corpus(HERE / "fresh.yaml")[1]


@pytest.fixture(scope="module")
def topic_sets() -> list[Case]:
    return load_corpus(HERE / "topics_fresh.yaml")[1]


@pytest.fixture(scope="module")
def menu_report(uscis: CompiledFlow, menu_sets: list[Case]) -> Report:
    return evaluate(uscis, menu_sets)


@pytest.fixture(scope="module")
def topic_report(uscis: CompiledFlow, topic_sets: list[Case]) -> Report:
    return evaluate(uscis, topic_sets, scripts_on(TODAY))


def test_the_fresh_sets_are_whole_sets_in_both_languages(menu_sets: list[Case], topic_sets: list[Case]) -> None:
    """Each set as its brief asked: 40 at the main menu (28 en, 12 es), 60 in the submenus (39, 21), 40 questions at
    the topic question (28, 12)."""
    counts = Counter((case.note, case.language) for case in [*menu_sets, *topic_sets])
    for name, english, spanish in [("mf1", 28, 12), ("mf2", 28, 12), *[(f"sf{n}", 39, 21) for n in range(1, 5)],
                                   *[(f"tf{n}", 28, 12) for n in range(1, 7)]]:
        assert (counts[(f"fresh {name}", "en")], counts[(f"fresh {name}", "es")]) == (english, spanish), name
    assert {case.state for case in menu_sets if case.note.startswith("fresh mf")} == {"main_menu"}
    assert "main_menu" not in {case.state for case in menu_sets if case.note.startswith("fresh sf")}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("place", ["main menu", "submenus"])
def test_fresh_paraphrases_route_right_at_the_menus(menu_report: Report, place: str, language: str) -> None:
    """Measured once at c7c1af6: the main menu 78/80 (en 54/56, es 24/24), the submenus 232/240 (en 150/156, es
    82/84)."""
    prefix = "fresh mf" if place == "main menu" else "fresh sf"
    results = [r for r in menu_report.of(language) if r.case.note.startswith(prefix)]
    right = sum(r.right for r in results)
    assert right / len(results) >= AIM, [(r.case.text, r.case.expected, r.got) for r in results if not r.right]


@pytest.mark.parametrize("language", LANGUAGES)
def test_fresh_questions_read_the_right_script_at_the_topic_question(topic_report: Report, language: str) -> None:
    """Measured once at c7c1af6 with the scripts in force on 2026-12-01: 229/240 (en 157/168, es 72/72)."""
    assert topic_report.accuracy(language) >= AIM, [
        (r.case.text, r.case.expected, r.got) for r in topic_report.of(language) if not r.right
    ]


@pytest.fixture(scope="module")
def near() -> Any:
    """tools/near_copies.py (it reads each file of earlier sentences once)."""
    from .test_blind_tools import _tool

    return _tool("near_copies")


def _far(near: Any, cases: list[Case]) -> list[Case]:
    """The cases no earlier sentence at their place comes close to (`tools/near_copies.py`)."""
    return [case for case in cases if near.nearest(case.text, case.state, case.language, case.note)[0] < near.NEAR]


def test_paraphrases_no_earlier_sentence_comes_close_to_route_right_too(
    uscis: CompiledFlow, near: Any, menu_sets: list[Case], topic_sets: list[Case]
) -> None:
    """"Paraphrases not in the corpus": without the sentences an earlier one comes close to, measured once at c7c1af6
    the main menu 46/48, the submenus 182/190, the topic question 212/220 - each place still at the issue's 90%."""
    at_menus = evaluate(uscis, _far(near, menu_sets))
    for prefix in ("fresh mf", "fresh sf"):
        results = [r for r in at_menus.results if r.case.note.startswith(prefix)]
        assert len(results) >= 40 and sum(r.right for r in results) / len(results) >= AIM, prefix
    at_topic = evaluate(uscis, _far(near, topic_sets), scripts_on(TODAY))
    assert len(at_topic.results) >= 200 and at_topic.accuracy() >= AIM


IN_TRAINING_AS_WRITTEN = {
    ("main_menu", "i need to reschedule my fingerprint appointment"),
    ("main_menu", "i need to renew my driver's license"),
    ("main_menu", "i missed my bio metrics appointment last week what do i do now"),
    ("main_menu", "necesito cambiar la cita para las huellas digitales"),
    ("field_office.reasons", "it's for a different reason"),
    ("service_requests.types", "they spelled my last name wrong on the approval notice"),
    ("other_agencies.menu", "i need a new social security card"),
    ("biometrics.menu", "what do i need to bring with me"),
    ("field_office.reasons", "el juez me dio la residencia y necesito mis papeles"),
}
"""The fresh sentences that writers who were shown nothing wrote word for word as an earlier sentence: in the corpus,
the examples or the settled utterances before the sets were written (counted out by the test above)."""


def test_no_fresh_sentence_is_taught_after_it_was_measured(near: Any, menu_sets: list[Case], topic_sets: list[Case]) -> None:
    """The fresh sets are a measure, never training data: no training or corpus file holds one of their sentences but
    those it held before they were written."""
    taught = {(case.state, near._plain(case.text)) for case in [*menu_sets, *topic_sets]
              if near._plain(case.text) in near.earlier(case.state, case.language, case.note)}
    assert taught == {(state, near._plain(text)) for state, text in IN_TRAINING_AS_WRITTEN}
