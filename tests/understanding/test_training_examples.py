"""Training examples: situations callers describe, as flow data, teaching the classifier what the keywords miss.

Issue 16: "Paraphrases not in the corpus route right >= 90%": callers who describe a
situation ("they said my prints came out unreadable") rather than name a topic.  The
examples are training data only: never the corpus, never the holdout.  The settled utterances
(`settled:`) are the corpus's main-menu routes, taught to the settled utterances' classifier
(ivr/core/settled.py) only: what the corpus settles, the line is taught; so the corpus measures that
classifier's fit, and only the holdout (never training data) its generalisation.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from ivr.core.machine import CompiledFlow
from ivr.core.bayes import Bayes, features
from ivr.core.understanding import LEARNT_OVERRULES, ROUTE_AT, Model
from ivr.definitions.flows import load_flow
from ivr.errors import DefinitionError
from ivr.trainers.understand import Case, cross_validate, load_corpus

from .conftest import HOLDOUT
from .test_training_phrases import FLOW

EXAMPLES = """\
version: 1
flow: phrases
groups:
  - state: main
    language: en
    expect:
      "1": [i sent everything in march and nobody tells me anything]
      none: [i need to pay my electric bill]
"""

CHOICES = [("1", ["case status", "my application"]), ("2", ["biometrics", "fingerprints appointment"])]
TAUGHT = [
    ("2", "they said my prints came out blurry"),
    ("2", "the machine could not read my prints and i have to go back"),
    ("2", "my prints were rejected"),
    ("1", "i sent everything in march and nobody tells me anything"),
    ("1", "it has been a year and no answer"),
    ("none", "i need to pay my electric bill"),
    ("none", "i want to order a pizza"),
]


def flow_with_examples(tmp_path: Path, examples: str, name: str = "examples.yaml") -> Path:
    (tmp_path / "examples.yaml").write_text(examples, encoding="utf-8")
    flow = tmp_path / "phrases.yaml"
    flow.write_text(FLOW.replace("messages:", f"examples: {name}\nmessages:", 1), encoding="utf-8")
    return flow


def problems(path: Path) -> list[str]:
    with pytest.raises(DefinitionError) as raised:
        load_flow(path)
    return [line.rsplit("/", 1)[-1] for line in str(raised.value).splitlines()]  # file:line: where: what


def test_the_loader_keeps_each_states_examples_per_language(tmp_path: Path) -> None:
    """`examples:` names a file in the corpus's shape; its utterances become (choice, words) pairs of the state."""
    flow = load_flow(flow_with_examples(tmp_path, EXAMPLES))
    assert flow.examples == {"main": {"en": (("1", "i sent everything in march and nobody tells me anything"),
                                             ("none", "i need to pay my electric bill"))}}


def test_an_example_naming_no_choice_of_its_state_is_an_error_at_its_line(tmp_path: Path) -> None:
    """A label the state does not offer (a typo, another menu's key) is refused with the file and line."""
    path = flow_with_examples(tmp_path, EXAMPLES.replace('"1": [', '"7": ['))
    [problem] = problems(path)
    assert problem.startswith("examples.yaml:7: groups[0].expect.7: '7' is not a choice of main (allowed: 1, 8, 9, representative")


def test_an_example_in_a_state_that_does_not_wait_is_an_error(tmp_path: Path) -> None:
    """Examples teach a waiting state; a message state hears nothing."""
    assert problems(flow_with_examples(tmp_path, EXAMPLES.replace("state: main", "state: hours"))) == [
        "examples.yaml:4: groups[0].state: 'hours' is not a waiting state of phrases"
    ]


def test_an_example_given_twice_is_an_error(tmp_path: Path) -> None:
    """The same utterance twice in a state and language is a copy-paste slip, named at the second one."""
    text = EXAMPLES.replace("none: [i need to pay my electric bill]", "none: [i need to pay my electric bill, I need to pay my electric bill]")
    [problem] = problems(flow_with_examples(tmp_path, text))
    assert problem == "examples.yaml:8: groups[0].expect.none[1]: 'i need to pay my electric bill' is already an example on line 8"


def test_a_missing_examples_file_is_an_error_at_the_flows_line(tmp_path: Path) -> None:
    """The flow names a file that is not there: the flow's own line says so."""
    path = flow_with_examples(tmp_path, EXAMPLES, name="missing.yaml")
    [problem] = problems(path)
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith("examples:"))
    assert problem == f"phrases.yaml:{line}: examples: cannot read 'missing.yaml': file not found"


def test_examples_teach_a_situation_the_keywords_do_not_understand() -> None:
    """Without examples "the prints were blurry" is not understood; learnt from situations, it routes, by the examples."""
    said = "the prints were blurry so i go back"
    assert Model.build(CHOICES, "en").understand(said).outcome == "not_understood"
    understood = Model.build(CHOICES, "en", TAUGHT).understand(said)
    assert (understood.outcome, understood.choice, understood.by) == ("route", "2", "examples")
    assert understood.to_data()["by"] == "examples" and understood.score >= 0.7


def test_what_the_examples_call_out_of_scope_is_not_routed() -> None:
    """An utterance the classifier takes for one of its `none` examples is left not understood."""
    understood = Model.build(CHOICES, "en", TAUGHT).understand("pay the electric bill")
    assert understood.outcome == "not_understood"


def test_a_shaky_transcript_is_not_routed_by_the_examples() -> None:
    """Twilio's Confidence scales the classifier's probability as it scales the keywords' score."""
    understood = Model.build(CHOICES, "en", TAUGHT).understand("the prints were blurry so i go back", confidence=0.1)
    assert understood.outcome != "route"


def test_what_the_keywords_route_the_examples_leave_alone() -> None:
    """A caller who names the topic is routed by the keywords, as before."""
    understood = Model.build(CHOICES, "en", TAUGHT).understand("my biometrics")
    assert (understood.outcome, understood.choice, understood.by) == ("route", "2", "keywords")
    assert "by" not in understood.to_data()


OVERRULED = [("1", ["case status", "my application", "my application was rejected"]), CHOICES[1]]
GYM = [("none", "the gym rejected my membership application"), ("none", "my gym membership application"),
       ("none", "the gym lost my application")]


def test_the_examples_overrule_a_keyword_route_they_are_sure_is_another_choice() -> None:
    """"my prints were rejected": the keywords hear "rejected" (an application's), the examples are sure of prints."""
    said = "my prints were rejected"
    assert Model.build(OVERRULED, "en").understand(said).choice == "1"
    understood = Model.build(OVERRULED, "en", TAUGHT).understand(said)
    assert (understood.outcome, understood.choice, understood.by) == ("route", "2", "examples")
    assert understood.score >= LEARNT_OVERRULES


def test_the_examples_stop_a_keyword_route_they_are_sure_is_out_of_scope() -> None:
    """A gym's application is not the caller's case: the examples' `none` overrules the keywords' route."""
    said = "the gym rejected my application"
    assert Model.build(OVERRULED, "en").understand(said).outcome == "route"
    understood = Model.build(OVERRULED, "en", [*TAUGHT, *GYM]).understand(said)
    assert (understood.outcome, understood.choice, understood.by) == ("not_understood", None, "examples")


def test_the_examples_leave_a_keyword_route_they_are_not_sure_of() -> None:
    """Below `LEARNT_OVERRULES` the keywords' route stands: "my application was rejected" is the case's status."""
    understood = Model.build(OVERRULED, "en", [*TAUGHT, *GYM]).understand("my application was rejected")
    assert (understood.outcome, understood.choice, understood.by) == ("route", "1", "keywords")


def test_the_classifier_counts_neighbouring_words_as_pairs() -> None:
    """Word pairs are features: two labels with the same words in another order are told apart by their order."""
    assert features(["no", "card", "mail"]) == ["no", "card", "mail", "no card", "card mail", "no mail"]
    bayes = Bayes.learn([("1", ["mail", "box"]), ("2", ["box", "mail"])])
    assert bayes is not None and bayes.posterior(["mail", "box"])[0][0] == "1"
    assert bayes.posterior(["box", "mail"])[0][0] == "2"


def test_a_pair_one_word_apart_is_the_pair_said_together() -> None:
    """'card never came' teaches 'card came' too, so 'my card came' shares a feature with it; concepts stay unpaired."""
    assert "card came" in features(["card", "never", "came"])
    assert features(["rule", "waiver", "#decided"]) == ["rule", "waiver", "#decided", "rule waiver"]


def test_a_concept_said_nearly_always_for_one_choice_is_decisive_and_counts_twice() -> None:
    """A concept whose examples are one choice's (#accommodation) outweighs the generic words around it; one said
    for several choices is not decisive."""
    taught = [("4", ["wheelchair", "#accommodation"]), ("4", ["stairs", "#accommodation"]),
              ("4", ["cane", "#accommodation"]), ("3", ["interview", "office"]), ("3", ["interview", "moved"]),
              ("3", ["interview", "office", "#accommodation"]), ("1", ["office", "#office_place"]),
              ("3", ["office", "#office_place"])]
    bayes = Bayes.learn(taught)
    assert bayes is not None and bayes.decisive == frozenset()  # 3 of 4 (75%) is not decisive
    bayes = Bayes.learn(taught[:5] + taught[6:])
    assert bayes is not None and bayes.decisive == frozenset({"#accommodation"})
    assert bayes.posterior(["crutches", "interview", "office", "#accommodation"])[0][0] == "4"
    assert pickle.loads(pickle.dumps(bayes)).decisive == bayes.decisive


def test_an_accommodation_at_an_interview_is_a_service_request(uscis: CompiledFlow) -> None:
    """Holdout v12's family (DOMAIN.md: accommodations are requested through a service request): surgery, stairs,
    special arrangements at an interview or the field office route 4, not the field office's appointments."""
    menu = uscis.states["main_menu"].understanding["en"]
    for said in ("i just had knee surgery and can't climb stairs at the interview office",
                 "i walk with crutches is there an elevator at the field office"):
        assert (menu.understand(said).outcome, menu.understand(said).choice) == ("route", "4"), said


ERRANDS = [*TAUGHT, ("none", "i need a ride to the doctor"), ("none", "sorry i dialed the wrong number")]


@pytest.mark.parametrize("said", ["wrong number sorry nobody tells me anything",
                                  "my package never came and nobody tells me anything",
                                  "the doctor could not read it and i have to go back"])
def test_a_sentence_naming_another_errand_or_a_wrong_number_is_not_routed_by_the_examples(said: str) -> None:
    """Holdout v12's Spanish confident wrong route ("pedir un taxi para el aeropuerto"): a concept of another
    business or a wrong number (#errand, #wrong_line) the examples never taught for the choice decides nothing."""
    understood = Model.build(CHOICES, "en", ERRANDS).understand(said)
    assert understood.outcome == "not_understood"


def test_a_taxi_or_a_cab_is_another_business() -> None:
    """'cab', 'taxi', 'uber' name another business (lexicon.ELSEWHERE): "a cab for my flight home" is not routed."""
    model = Model.build([("1", ["case status"]), ("6", ["overseas", "my flight home"])], "en")
    assert model.understand("i need a cab for my flight home").outcome == "not_understood"


def test_a_pickled_classifier_is_the_same_classifier(uscis: CompiledFlow) -> None:
    """The flow cache keeps the main menu's models in a flat form of their own: unpickled, each is the model it was."""
    for language in ("en", "es"):
        bayes = uscis.states["main_menu"].understanding[language].bayes
        assert bayes is not None and pickle.loads(pickle.dumps(bayes, protocol=pickle.HIGHEST_PROTOCOL)) == bayes


def test_a_classifier_with_an_unusual_feature_still_pickles_whole() -> None:
    """A feature holding the flat form's separator is pickled the ordinary way, not split in two."""
    bayes = Bayes.learn([("1", ["mail\x1fbox"]), ("2", ["card"])])
    assert bayes is not None and pickle.loads(pickle.dumps(bayes)) == bayes


def test_the_shipped_flow_has_situations_for_the_main_menu_in_both_languages(uscis: CompiledFlow) -> None:
    """Over 800 English and 350 Spanish training examples, with out-of-scope ones, teach the main menu."""
    examples = uscis.flow.examples["main_menu"]
    assert len(examples["en"]) >= 800 and len(examples["es"]) >= 350
    assert all("none" in {label for label, _ in examples[language]} for language in ("en", "es"))


def test_training_examples_are_never_the_corpus_nor_the_holdout(uscis: CompiledFlow, corpus: list[Case]) -> None:
    """The examples' classifier's training and test stay apart: no example is an utterance of the corpus or the
    holdout in the same state (the settled utterances, which teach only the settled classifier, are the corpus's: see
    below)."""
    tested = {(case.state, case.text.lower().strip()) for case in (*corpus, *load_corpus(HOLDOUT)[1])}
    taught = {(state, text) for state, by_language in uscis.flow.examples.items()
              for pairs in by_language.values() for _, text in pairs}
    assert taught and taught & tested == set()


def test_the_classifier_beats_the_keywords_alone_on_examples_it_never_saw(uscis: CompiledFlow) -> None:
    """5-fold cross-validation over the examples: more right than the keywords alone, in each language, at the main
    menu and over the submenus together (since the s1 round a submenu's fold of a few examples may tie)."""
    folds = cross_validate(uscis, 5)
    for language in ("en", "es"):
        for main in (True, False):
            chosen = [fold for fold in folds if fold.language == language and (fold.state == "main_menu") == main]
            assert sum(f.right for f in chosen) > sum(f.keywords_right for f in chosen), chosen


ASKED = [("1", ["status letter"]), ("4", ["request letter"]), ("2", ["biometrics"]), ("3", ["interview"])]
PRINTS_AND_TAXES = [
    *(("2", f"{start} could not read my fingers") for start in ("they", "the machine", "the officer", "somebody", "it")),
    *(("2", f"the letter says my fingers {end}") for end in ("again", "were smudged", "came out blurry", "need redoing", "failed")),
    ("2", "my fingers were not readable"),
    ("1", "where is my case"),
    ("4", "my card never came"),
    ("none", "i need a pizza"),
    ("none", "is the grocery store open"),
    ("3", "the officer asked for my tax returns at the interview"),
    ("3", "bring my tax returns to the officer"),
]


def test_a_third_choice_the_classifier_is_sure_of_is_routed_when_the_keywords_ask() -> None:
    """'The letter about my fingers' shares 'letter' with two options; the examples say prints, surely: biometrics."""
    model = Model.build(ASKED, "en", PRINTS_AND_TAXES)
    assert model.understand("letter").outcome == "ask"
    understood = model.understand("the letter about my fingers")
    assert (understood.outcome, understood.choice, understood.by) == ("route", "2", "examples")


def test_another_business_the_examples_taught_for_a_choice_can_be_routed_there() -> None:
    """Tax returns an officer asked for are the field office (as taught); another business untaught stays unrouted."""
    model = Model.build(ASKED, "en", PRINTS_AND_TAXES)
    understood = model.understand("the officer wants my tax returns")
    assert (understood.outcome, understood.choice) == ("route", "3")
    assert model.understand("my tax refund").outcome == "not_understood"


def test_words_no_choice_knows_weigh_more_against_the_keywords_where_a_classifier_learns() -> None:
    """With training examples, an unknown word counts 1.5 against the keywords (1 without): the classifier decides more."""
    said = "my application the prints were blurry"
    plain = Model.build(CHOICES, "en").scores(said)[0][0]
    taught = Model.build(CHOICES, "en", TAUGHT).scores(said)[0][0]
    assert plain[0] == taught[0] == "1" and plain[1] >= ROUTE_AT > taught[1]
    assert Model.build(CHOICES, "en").scores("my application")[0] == Model.build(CHOICES, "en", TAUGHT).scores("my application")[0]


SETTLED = """\
version: 1
flow: phrases
groups:
  - state: main
    language: en
    expect:
      "1": [nobody answers about my petition]
"""


def test_the_loader_keeps_each_states_settled_utterances_apart_from_its_examples(tmp_path: Path) -> None:
    """`settled:` names a second file in the same shape; its utterances are the flow's `settled`, not its examples."""
    path = flow_with_examples(tmp_path, EXAMPLES)
    (tmp_path / "settled.yaml").write_text(SETTLED, encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("examples: examples.yaml", "examples: examples.yaml\n"
                                                             "settled: settled.yaml"), encoding="utf-8")
    flow = load_flow(path)
    assert flow.settled == {"main": {"en": (("1", "nobody answers about my petition"),)}}
    assert len(flow.examples["main"]["en"]) == 2


def test_a_missing_settled_file_is_an_error_at_the_flows_line(tmp_path: Path) -> None:
    """A `settled:` file that is not there is refused at the flow's line, as a missing examples file is."""
    path = flow_with_examples(tmp_path, EXAMPLES)
    text = path.read_text(encoding="utf-8").replace("examples: examples.yaml", "examples: examples.yaml\nsettled: nope.yaml")
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("settled: nope.yaml") + 1
    assert problems(path) == [f"phrases.yaml:{line}: settled: cannot read 'nope.yaml': file not found"]


def test_what_the_corpus_settles_the_line_is_taught(uscis: CompiledFlow, corpus: list[Case]) -> None:
    """Every main-menu utterance of the corpus with a route or `none` (not an ask) is training data of the settled
    classifier, in its language: the settled utterances are the corpus's (`python tools/settle_corpus.py` after
    moving a spent holdout into the corpus)."""
    for language in ("en", "es"):
        taught = {text for source in (uscis.flow.examples, uscis.flow.settled)
                  for _, text in source["main_menu"][language]}
        settled = [case.text.lower().strip() for case in corpus
                   if case.state == "main_menu" and case.language == language and case.expected != "ask"]
        assert settled and [text for text in settled if text not in taught] == []


def test_the_settled_utterances_are_never_the_holdout_nor_the_examples(uscis: CompiledFlow) -> None:
    """The holdout stays blind for the settled classifier too (it learns the main menu only), and nothing is taught
    twice."""
    holdout = {case.text.lower().strip() for case in load_corpus(HOLDOUT)[1] if case.state == "main_menu"}
    settled = {text for pairs in uscis.flow.settled["main_menu"].values() for _, text in pairs}
    examples = {text for pairs in uscis.flow.examples["main_menu"].values() for _, text in pairs}
    assert len(settled) > 3000 and settled & holdout == set() and settled & examples == set()
