"""The shipped corpus holds the numbers issue 16 asks for, in each language.

"On the project's own corpus: >= 97% routed right, 0 confident wrong routes (a
wrong option above the threshold), every ambiguous utterance asks,
out-of-scope utterances are not routed - in each language."
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable

import pytest

from ivr.core import territories
from ivr.core.machine import CompiledFlow
from ivr.core.understanding import Model
from ivr.trainers.understand import ASK, NONE, Case, Report, evaluate

LANGUAGES = ["en", "es"]


@pytest.fixture(scope="module")
def report(uscis: CompiledFlow, corpus: list[Case]) -> Report:
    return evaluate(uscis, corpus)


def test_corpus_is_big_enough_in_both_languages(corpus: list[Case]) -> None:
    """At least 300 utterances, both languages, with ambiguous and out-of-scope ones in each."""
    per_language = Counter(case.language for case in corpus)
    assert len(corpus) >= 300 and per_language["en"] >= 150 and per_language["es"] >= 100
    for language in LANGUAGES:
        expected = {case.expected for case in corpus if case.language == language}
        assert {ASK, NONE} <= expected


def test_corpus_names_every_main_menu_option_and_global_in_both_languages(uscis: CompiledFlow, corpus: list[Case]) -> None:
    """Each main-menu choice a caller can name (options, global keys, intents) has utterances in each language."""
    for language in LANGUAGES:
        said = {case.expected for case in corpus if case.state == "main_menu" and case.language == language}
        assert set(uscis.states["main_menu"].understanding[language].names) <= said


@pytest.mark.parametrize("language", LANGUAGES)
def test_at_least_97_percent_of_the_corpus_is_right(report: Report, language: str) -> None:
    """Routed right, asked when ambiguous, or not routed when out of scope: >= 97% per language."""
    assert report.accuracy(language) >= 0.97, [r.case.text for r in report.of(language) if not r.right]


@pytest.mark.parametrize("language", LANGUAGES)
def test_no_utterance_is_routed_confidently_to_the_wrong_place(report: Report, language: str) -> None:
    """No utterance lands on a choice other than its own (a wrong route above the threshold)."""
    assert [(r.case.text, r.got) for r in report.confident_wrong(language)] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_ambiguous_utterance_asks(report: Report, language: str) -> None:
    """An utterance that fits two options equally gets a clarifying question, every time."""
    ambiguous = [r for r in report.of(language) if r.case.expected == ASK]
    assert ambiguous and [r.case.text for r in ambiguous if r.understood.outcome != "ask"] == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_out_of_scope_utterances_are_not_routed(report: Report, language: str) -> None:
    """'What's the weather' goes nowhere: the caller hears they were not understood, and the menu."""
    out_of_scope = [r for r in report.of(language) if r.case.expected == NONE]
    assert out_of_scope and [r.case.text for r in out_of_scope if r.understood.outcome == "route"] == []


def test_the_issues_examples_all_route_right(report: Report) -> None:
    """Every example quoted in issue 16 (40 English, 13 Spanish, recogniser slips included) goes where it should."""
    examples = [r for r in report.results if r.case.note == "issue 16"]
    assert Counter(r.case.language for r in examples) == {"en": 40, "es": 13}
    assert [(r.case.text, r.got) for r in examples if not r.right] == []


@pytest.mark.parametrize(
    ("text", "language", "choice"),
    [
        ("um my finger prints appointment", "en", "2"),
        ("I need to reschedule my ICE appointment", "en", "7"),
        ("bio metrics", "en", "2"),
        ("nunca me llegó la tarjeta", "es", "4"),
    ],
    ids=["fingerprints-not-field-office", "ice-not-biometrics", "split-biometrics", "card-never-came"],
)
def test_the_issues_wrong_routes_now_go_right(model, text: str, language: str, choice: str) -> None:
    """The issue's misroutes: 'appointment' no longer wins for fingerprints, nor 'reschedule' for ICE."""
    understood = model("main_menu", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", choice)


def test_the_typical_set_is_eighty_ordinary_phrasings_with_their_routes() -> None:
    """The typical set (docs/understanding.md: a day's ordinary phrasings, measured beside the holdouts) is 80
    utterances of the main menu in the corpus format, 56 English and 24 Spanish, each with its expected route."""
    from ivr.trainers.understand import load_corpus

    from .conftest import TYPICAL

    typical = load_corpus(TYPICAL)[1]
    assert Counter(case.language for case in typical) == {"en": 56, "es": 24}
    assert {case.state for case in typical} == {"main_menu"}


def test_the_holdout_is_new_utterances_only(corpus: list[Case]) -> None:
    """The holdout (sets of 40 paraphrases at the main menu and of 60 in the submenus, written after freezing the
    matcher, one or more at the same freeze, or none until they are written) shares no utterance in the same state
    with the corpus: seen utterances move to the corpus, and a fresh holdout is written."""
    from ivr.trainers.understand import load_corpus

    from .conftest import HOLDOUT

    holdout = load_corpus(HOLDOUT)[1]
    at_the_main_menu = [case for case in holdout if case.state == "main_menu"]
    assert len(at_the_main_menu) % 40 == 0 and (len(holdout) - len(at_the_main_menu)) % 60 == 0  # v-sets of 40, s-sets of 60
    assert not {(c.state, c.text.lower()) for c in holdout} & {(c.state, c.text.lower()) for c in corpus}


@pytest.mark.parametrize(("language", "said"), [("en", "I live in {}"), ("en", "I'm calling from {}"),
                                                 ("en", "hello calling long distance from {}"),
                                                 ("en", "hi i'm in {} right now is this the right number"),
                                                 ("en", "hi i'm calling from {} is this the right place"),
                                                 ("es", "vivo en {}"), ("es", "llamo desde {}"),
                                                 ("es", "hola llamo de larga distancia desde {}"),
                                                 ("es", "buenas estoy en {} ahorita es este el número correcto")])
def test_every_country_routes_to_the_line_for_callers_outside_the_united_states(
    model: Callable[[str, str], Model], language: str, said: str
) -> None:
    """Seed 001: "Customers located outside of the United States should direct their inquiries to the overseas
    USCIS field office": every CLDR country, in each language, reaches that option of the main menu."""
    menu = model("main_menu", language)
    missed = [name for name in territories.NAMES[language] if menu.understand(said.format(name)).choice != "6"]
    assert len(territories.NAMES[language]) > 250 and missed == []


@pytest.mark.parametrize(
    ("text", "language"),
    [("I live in New Mexico", "en"), ("I'm calling from Puerto Rico", "en"), ("I live in Georgia", "en"),
     ("vivo en Nuevo México", "es"), ("estoy en Puerto Rico", "es")],
)
def test_a_place_in_the_united_states_is_not_abroad(model: Callable[[str, str], Model], text: str, language: str) -> None:
    """A U.S. state or territory is not outside the United States (seed 001's callers "within the United States")."""
    assert model("main_menu", language).understand(text).choice != "6"


@pytest.mark.parametrize(
    ("text", "language", "choice"),
    [("I'm calling about my Mexican passport", "en", "7"), ("mi pasaporte mexicano", "es", "7")],
)
def test_a_nationality_is_not_a_call_from_abroad(model: Callable[[str, str], Model], text: str, language: str, choice: str) -> None:
    """"my Mexican passport" names a passport (another agency's business), not where the caller is."""
    understood = model("main_menu", language).understand(text)
    assert (understood.outcome, understood.choice) == ("route", choice)


@pytest.mark.parametrize(
    ("text", "language", "choice"),
    [
        ("can i just skip this and get a person on the phone", "en", "representative"),
        ("any way to skip all of it and get somebody on the phone", "en", "representative"),
        ("just get me someone on the phone", "en", "representative"),
        ("quiero saltarme el menú y hablar con alguien", "es", "representative"),
        ("i use a cane and need a seat at my citizenship interview", "en", "4"),
        ("we were evicted and my mail has to go to my aunt's place", "en", "4"),
        ("me estoy quedando con mi prima y las cartas tienen que llegar allá", "es", "4"),
        ("calling on whatsapp from kenya", "en", "6"),
        ("llamo por whatsapp desde argelia", "es", "6"),
        ("when do applications for the diversity visa open", "en", "7"),
        ("cómo me inscribo a la lotería de visas de diversidad", "es", "7"),
        ("i need to set up the gas at my new house", "en", NONE),
        ("quiero contratar el servicio de luz", "es", NONE),
    ],
)
def test_holdout_v15s_families_route_by_their_mechanism(
    model: Callable[[str, str], Model], text: str, language: str, choice: str
) -> None:
    """v15's misses as families, not its sentences: a person "on the phone" is no phone line, a need beats the
    interview's place, mail going elsewhere is an address, a messaging app is a call, the diversity visa lottery is a
    visa, and gas or electric service is another business's (seed 001's callers abroad; the main menu's options)."""
    understood = model("main_menu", language).understand(text)
    got = understood.choice if understood.outcome == "route" else NONE
    assert got == choice


def test_a_weak_keyword_route_the_classifier_doubts_is_decided_by_the_classifier(
    model: Callable[[str, str], Model],
) -> None:
    """"please stop the call" scored 0.55 for the field office on "call" alone, a choice the examples' classifier gave
    almost nothing: a weak route it doubts (`WEAK_ROUTE`, `DOUBTED`) is decided as if not understood (v15's round)."""
    understood = model("main_menu", "en").understand("please stop the call")
    assert (understood.outcome, understood.choice, understood.by) == ("route", "9", "examples")


# --- the Tier 1 topic question -------------------------------------------------------------------------------------

TOPIC_DAY = dt.date(2026, 12, 16)
"""The topic question's corpus groups are scored with the response scripts in force on this day, as a call that day."""
TOPIC_FLOOR = {"en": 0.97, "es": 0.97}
"""Round 15 (docs/understanding-log.md), with t18 to t21 spent, 1,223 questions: en 795/818 (97.2%), es 395/405 (97.5%), no
confident wrong (round 14's code on them: en 780/818, es 395/405, 9 confident wrong).
Round 14 (docs/understanding-log.md): the training batches A to G left for scripts/examples.yaml and t16 and t17
spent, 1,063 questions: en 686/706 (97.2%), es 351/357 (98.3%), no confident wrong (without t16 and t17, 983: round
13's code en 631/650, es 330/333; round 14's en 633/650, es 330/333).
Measured at round 13 of issue 16 (docs/understanding-log.md), with t12 to t15 spent, the scripts of 2026-12-16: en
1044/1070 (97.6%), es 669/683 (98.0%), no confident wrong reading.  (Round 12, with t12 and t13 spent: en 985/1014
(97.1%), es 644/659 (97.7%), none; round 11's file of 1,593 questions: round 11's code en 910/958, es 608/635, 20
confident wrong; round 12's en 935/958, es 622/635, none.)
(Round 11 (docs/understanding-log.md), with t10 and t11 spent, 'tier1 families 11' and training
batches E, F and G (330 questions written blind by three other writers), the scripts of 2026-12-16: en 910/958
(95.0%), es 608/635 (95.7%), 20 confident wrong (before the batches en 744/778, es 470/485, 11; the 1,240 questions
before the families: main at 2026-12-15 en 728/763, es 462/477, 14 confident wrong; round 11 en 733/763, es 463/477,
10).
(Round 10: en 0.96, es 0.96 at 2026-12-15, with t8 and t9 spent and 'tier1 families 10', the
scripts of 2026-12-15: en 684/707 (96.7%), es 439/453 (96.9%), 11 confident wrong (the 1,142 questions before the
families: main at 2026-12-14 en 667/697, es 431/445, 16 confident wrong; round 10 en 674/697, es 432/445, 10).
(Round 9: measured (docs/understanding-log.md), with t7 spent, 'tier1 families 9' and training batches C
and D (220 more questions written blind by two other writers), the scripts of 2026-12-14: en 621/641 (96.9%), es
408/421 (96.9%), 11 confident wrong (round 8's 775 questions: en 468/487, es 277/288, 10).  (Round 8: en 0.95, es
0.94 at 2026-12-13, with t6 spent, 'tier1 families 8' and training batches A and B: en 467/487 (95.9%), es 273/288
(94.8%), 6 confident wrong (main on the same file with its scripts: en 420/487, es 260/288, 22); Spanish below round
7's 0.98 mostly because the file grew by 116 Spanish questions, 90 of them others'.  Round 7: en 0.95, es 0.98 at 2026-12-12,
on 310 and 172; round 6: en 0.95, es 0.98 at 2026-12-11, on 270 and 150; round 5: en 0.96, es 0.97 at 2026-12-10,
on 230 and 128; round 4: en 0.89, es 0.93 at 2026-12-09.))))"""


@pytest.fixture(scope="module")
def topic_corpus() -> list[Case]:
    """tests/understanding/topics.yaml: what callers ask at the Tier 1 topic question (a script, a refusal or none)."""
    from ivr.trainers.understand import load_corpus

    from .conftest import HERE

    return load_corpus(HERE / "topics.yaml")[1]


@pytest.fixture(scope="module")
def topic_report(uscis: CompiledFlow, topic_corpus: list[Case]) -> Report:
    from ivr.trainers.understand import scripts_on

    return evaluate(uscis, topic_corpus, scripts_on(TOPIC_DAY))


def test_the_topic_question_has_the_spent_holdout_and_families_in_both_languages(topic_corpus: list[Case]) -> None:
    """t1 to t21 (40 questions each, spent as development sets) and the families written with the change and with
    rounds 2 to 10, per language.  The training batches A to G are the examples classifier's training data since
    round 14 (`scripts/examples.yaml`, tests/understanding/test_script_examples.py)."""
    assert {case.state for case in topic_corpus} == {"tier1.topic"}
    notes = Counter((case.note, case.language) for case in topic_corpus)
    assert notes[("holdout t1 (spent)", "en")] == 28 and notes[("holdout t1 (spent)", "es")] == 12
    assert notes[("tier1 families", "en")] >= 50 and notes[("tier1 families", "es")] >= 30
    assert notes[("tier1 families 2", "en")] >= 16 and notes[("tier1 families 2", "es")] >= 12
    assert notes[("tier1 families 3", "en")] >= 11 and notes[("tier1 families 3", "es")] >= 8
    assert notes[("holdout t2 (spent)", "en")] == 28 and notes[("holdout t2 (spent)", "es")] == 12
    assert notes[("tier1 families 4", "en")] >= 50 and notes[("tier1 families 4", "es")] >= 32
    assert notes[("holdout t3 (spent)", "en")] == 28 and notes[("holdout t3 (spent)", "es")] == 12
    assert notes[("tier1 families 5", "en")] >= 16 and notes[("tier1 families 5", "es")] >= 10
    assert notes[("holdout t4 (spent)", "en")] == 28 and notes[("holdout t4 (spent)", "es")] == 12
    assert notes[("tier1 families 6", "en")] >= 12 and notes[("tier1 families 6", "es")] >= 10
    assert notes[("holdout t5 (spent)", "en")] == 28 and notes[("holdout t5 (spent)", "es")] == 12
    assert notes[("tier1 families 7", "en")] >= 12 and notes[("tier1 families 7", "es")] >= 10
    assert notes[("holdout t6 (spent)", "en")] == 28 and notes[("holdout t6 (spent)", "es")] == 12
    assert notes[("tier1 families 8", "en")] >= 18 and notes[("tier1 families 8", "es")] >= 12
    assert notes[("holdout t7 (spent)", "en")] == 28 and notes[("holdout t7 (spent)", "es")] == 12
    assert notes[("tier1 families 9", "en")] >= 16 and notes[("tier1 families 9", "es")] >= 10
    assert notes[("holdout t8 (spent)", "en")] == 28 and notes[("holdout t8 (spent)", "es")] == 12
    assert notes[("holdout t9 (spent)", "en")] == 28 and notes[("holdout t9 (spent)", "es")] == 12
    assert notes[("tier1 families 10", "en")] >= 10 and notes[("tier1 families 10", "es")] >= 8
    assert notes[("holdout t12 (spent)", "en")] == 28 and notes[("holdout t12 (spent)", "es")] == 12
    assert notes[("holdout t13 (spent)", "en")] == 28 and notes[("holdout t13 (spent)", "es")] == 12
    assert notes[("holdout t14 (spent)", "en")] == 28 and notes[("holdout t14 (spent)", "es")] == 12
    assert notes[("holdout t15 (spent)", "en")] == 28 and notes[("holdout t15 (spent)", "es")] == 12
    assert notes[("holdout t16 (spent)", "en")] == 28 and notes[("holdout t16 (spent)", "es")] == 12
    assert notes[("holdout t17 (spent)", "en")] == 28 and notes[("holdout t17 (spent)", "es")] == 12
    for held in ("t18", "t19", "t20", "t21"):
        assert notes[(f"holdout {held} (spent)", "en")] == 28 and notes[(f"holdout {held} (spent)", "es")] == 12


def test_the_topic_questions_holdout_is_new_questions_only(topic_corpus: list[Case]) -> None:
    """The held t-sets (40 questions each, written blind after a freeze, tests/understanding/topics_holdout.yaml; empty
    until then) share nothing with topics.yaml: once spent, their questions move there and fresh sets are written."""
    from ivr.trainers.understand import load_corpus

    from .conftest import HERE

    held = load_corpus(HERE / "topics_holdout.yaml")[1]
    assert len(held) % 40 == 0 and {case.state for case in held} <= {"tier1.topic"}
    assert not {c.text.lower() for c in held} & {c.text.lower() for c in topic_corpus}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_topic_question_reads_no_confident_wrong_script(topic_report: Report, language: str) -> None:
    """Issue 16's bar for the project's own corpus, at the Tier 1 topic question too: no wrong script read, no wrong
    refusal (a question Tier 1 cannot read goes unread, and the caller hears the topics)."""
    assert not topic_report.confident_wrong(language), [
        (r.case.text, r.got) for r in topic_report.confident_wrong(language)
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_topic_question_holds_its_measured_accuracy(topic_report: Report, language: str) -> None:
    """The script read, the refusal or none, as a call decides with the scripts in force: no lower than measured."""
    assert topic_report.accuracy(language) >= TOPIC_FLOOR[language], [
        (r.case.text, r.got) for r in topic_report.of(language) if not r.right
    ]
