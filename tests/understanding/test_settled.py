"""The settled utterances' classifier (ivr/core/settled.py): what every settled utterance teaches, and when it
overrules the matcher (issue 16: "Paraphrases not in the corpus route right >= 90%"; the time-ordered study of
the blind holdouts v10-v34 in docs/understanding-log.md)."""

from __future__ import annotations

import math
import pickle
from collections.abc import Callable

import pytest

from ivr.core.machine import CompiledFlow
from ivr.core.settled import KEYWORD_GLOBALS, MARGIN, SURE, Settled, decide, features
from ivr.core.understanding import Model

CHOICES = [("1", ["case status", "my application"]), ("2", ["biometrics", "fingerprints appointment"]),
           ("supervisor", ["supervisor", "manager"])]
EXAMPLES = [("2", "they said my prints came out blurry"), ("1", "it has been a year and no answer"),
            ("none", "i need to pay my electric bill")]
SETTLED = [("2", "the machine would not take my prints"), ("2", "my prints would not take at the center"),
           ("2", "they could not take my prints"), ("1", "nobody answers about my petition"),
           ("1", "a year and nobody answers"), ("none", "order a pizza please"), ("none", "a pizza with olives")]


def test_features_are_the_lower_cased_words_of_two_letters_or_more_and_their_neighbouring_pairs() -> None:
    """Tokenised as the study's CountVectorizer: `\\b\\w\\w+\\b` lower-cased, unicode, then word bigrams."""
    assert features("I lost my I-94 in México") == ["lost", "my", "94", "in", "méxico", "lost my", "my 94", "94 in",
                                                   "in méxico"]


def test_the_posterior_is_a_multinomial_naive_bayes_with_priors_from_the_counts() -> None:
    """P(class | words) with every occurrence counted, additive smoothing 0.1 and the classes' shares as priors
    (scikit-learn's MultinomialNB(alpha=0.1), which the study measured): worked by hand on two classes."""
    model = Settled.learn([("a", "yes yes"), ("a", "yes"), ("b", "no")])
    assert model is not None
    vocabulary = len(model.rows)  # "yes", "yes yes", "no"
    assert vocabulary == 3
    a = math.log(2 / 3) + math.log((3 + 0.1) / (4 + 0.1 * vocabulary))  # "yes" 3 times of a's 4 features (and a pair)
    b = math.log(1 / 3) + math.log(0.1 / (1 + 0.1 * vocabulary))  # never in b's 1 feature
    expected = 1 / (1 + math.exp(b - a))
    [(best, probability), _] = model.posterior("yes")
    assert best == "a" and probability == pytest.approx(expected)


def test_words_never_learnt_leave_the_priors() -> None:
    """An utterance of unseen words only is the classes' shares."""
    model = Settled.learn([("a", "yes"), ("a", "yes"), ("b", "no")])
    assert model is not None and model.posterior("quizás") == (("a", pytest.approx(2 / 3)), ("b", pytest.approx(1 / 3)))


def test_a_pickled_settled_classifier_is_the_same_classifier(uscis: CompiledFlow) -> None:
    """The flow cache keeps the main menu's models in a flat form: unpickled, each classifier is the one it was."""
    for language in ("en", "es"):
        settled = uscis.states["main_menu"].understanding[language].settled
        assert settled is not None and pickle.loads(pickle.dumps(settled, protocol=pickle.HIGHEST_PROTOCOL)) == settled


@pytest.mark.parametrize(
    ("ranked", "outcome", "choice", "decided"),
    [
        ((("2", 0.99), ("1", 0.00001)), "route", "1", "2"),
        ((("2", 0.99), ("none", 0.00001)), "not_understood", None, "2"),
        ((("none", 0.99), ("1", 0.00001)), "route", "1", "none"),
        ((("none", 0.99), ("1", 0.00001)), "not_understood", None, None),
        ((("2", 0.99), ("1", 0.00001)), "ask", None, None),
        ((("2", 0.94), ("1", 0.00001)), "route", "1", None),
        ((("2", 0.99), ("1", 0.001)), "route", "1", None),
        ((("2", 0.99), ("1", 0.00001)), "route", "2", None),
        ((("representative", 0.999), ("supervisor", 0.00001)), "route", "supervisor", None),
        ((("previous", 0.999), ("2", 0.00001)), "route", "2", None),
    ],
    ids=["overrules-a-route", "routes-the-not-understood", "stops-a-route-it-takes-for-out-of-scope",
         "leaves-the-not-understood-it-takes-for-out-of-scope", "never-a-question", "not-sure",
         "within-the-margin", "agrees", "not-away-from-a-keyword-global", "not-to-a-keyword-global"],
)
def test_the_classifier_overrules_only_when_sure_by_a_margin_and_never_a_question_nor_a_keyword_global(
    ranked: tuple[tuple[str, float], ...], outcome: str, choice: str | None, decided: str | None
) -> None:
    """From `SURE` (0.95, the study's), when it gives the matcher's outcome less than `MARGIN`, the matcher did not
    ask, and neither choice is a global the keywords handle everywhere."""
    assert SURE == 0.95 and MARGIN == 1e-4 and {"supervisor", "previous"} <= KEYWORD_GLOBALS
    assert decide(ranked, 1.0, outcome, choice) == decided


def test_a_shaky_transcript_is_not_overruled() -> None:
    """Twilio's Confidence scales the classifier's probability as it scales the keywords' score."""
    assert decide((("2", 0.99), ("1", 0.00001)), 0.9, "route", "1") is None


def test_the_settled_classifier_routes_what_the_matcher_did_not_understand() -> None:
    """Learnt from the examples and the settled utterances, it routes a situation the matcher leaves, by "settled"."""
    said = "the machine would not take them"
    assert Model.build(CHOICES, "en", EXAMPLES).understand(said).outcome == "not_understood"
    understood = Model.build(CHOICES, "en", EXAMPLES, SETTLED).understand(said)
    assert (understood.outcome, understood.choice, understood.by) == ("route", "2", "settled")
    assert understood.to_data()["by"] == "settled" and understood.alternatives[0][0] == "2"


def test_the_settled_classifier_is_not_asked_between_two_choices() -> None:
    """The answer to a clarifying question (`among`) is the matcher's alone."""
    understood = Model.build(CHOICES, "en", EXAMPLES, SETTLED).understand("the machine would not take them",
                                                                        among=("1", "supervisor"))
    assert understood.by != "settled"


def test_without_settled_utterances_there_is_no_settled_classifier() -> None:
    """A state with examples only keeps the matcher as it was: the settled classifier learns only where it is given
    settled utterances."""
    assert Model.build(CHOICES, "en", EXAMPLES).settled is None


def test_a_supervisor_asked_for_stays_a_supervisor(model: Callable[[str, str], Model]) -> None:
    """The study's classifier sent "I want to speak to a supervisor" to a representative at 0.999: a keyword global
    (13 corpus utterances) is not the classifier's to take (DOMAIN.md: a supervisor is asked for by name)."""
    for said, language in (("I want to speak to a supervisor", "en"), ("quiero hablar con un supervisor", "es"),
                           ("get me a supervisor", "en")):
        understood = model("main_menu", language).understand(said)
        assert (understood.outcome, understood.choice) == ("route", "supervisor")


@pytest.mark.parametrize(
    ("said", "language"),
    [("did my loan get approved", "en"), ("i'm calling to see if my blood work results came back", "en")],
)
def test_another_business_named_is_not_routed_by_the_settled_classifier(
    model: Callable[[str, str], Model], said: str, language: str
) -> None:
    """A loan or a blood test's results are another business's (issue 16: out-of-scope utterances are not routed),
    though the classifier, hearing "approved" or "results came back", is sure of a case status (`Model.forbids`)."""
    menu = model("main_menu", language)
    assert menu.settled is not None and menu.settled.posterior(said)[0][0] == "1"
    assert menu.understand(said).outcome != "route"


def test_a_lost_card_with_nothing_said_of_where_is_not_a_call_from_abroad(model: Callable[[str, str], Model]) -> None:
    """The settled classifier takes "i lost my green card" for the line abroad (most lost cards it learnt were lost
    abroad); the matcher's concept rule (`TAUGHT_ONLY`) keeps it with a representative (a new card is Form I-90)."""
    menu = model("main_menu", "en")
    assert menu.settled is not None and menu.settled.posterior("i lost my green card")[0][0] == "6"
    assert menu.understand("i lost my green card").choice == "representative"


def test_a_number_said_digit_by_digit_decides_as_its_stored_form(model: Callable[[str, str], Model]) -> None:
    """The classifier reads speech as it is stored (`ivr.rules.scrub`): learnt from case statuses with receipts read
    out, it took "mi número es dos cero dos cinco ..." for one, and the stored call, "[number]", replayed otherwise
    (issue 11.3: every stored call replays as recorded)."""
    menu = model("main_menu", "es")
    said = "nací el 12 de abril de 1990, mi número es dos cero dos cinco cinco cinco cero uno cuatro tres"
    live, stored = menu.understand(said), menu.understand("nací [date], mi número es [number]")
    assert (live.outcome, live.choice, live.by) == (stored.outcome, stored.choice, stored.by)


def test_the_trainer_line_says_the_settled_classifier_decided(uscis: CompiledFlow) -> None:
    """`ivr understand` shows "by settled" where the settled utterances' classifier routed."""
    from ivr.trainers.understand import line_for

    said = "the machine would not take them"
    understood = Model.build(CHOICES, "en", EXAMPLES, SETTLED).understand(said)
    assert line_for(uscis, "main_menu", "en", said, understood).startswith("route 2 (biometrics appointments) ")
    assert " by settled " in line_for(uscis, "main_menu", "en", said, understood)


def test_what_the_scrub_would_change_is_always_scrubbed(corpus) -> None:
    """Scrubbing costs 15-50 µs, so the classifier scrubs only what holds a digit, an @, a month, an email spelled out,
    a number said or a name introduced (`may_scrub`); every other utterance of the corpus is left as it is by
    `scrub_speech` anyway."""
    from ivr.core.settled import may_scrub
    from ivr.rules.scrub import scrub_speech

    assert [case.text for case in corpus if not may_scrub(case.text) and scrub_speech(case.text) != case.text] == []
    assert may_scrub("my receipt is e a c one two three four five six seven") and not may_scrub("my card never came")
