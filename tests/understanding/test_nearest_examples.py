"""The Tier 1 topic question's nearest examples (round 19): sentences compared, where no rule and no classifier read.

`ScriptSet.nearest_read` reads a script when neither a rule nor the examples classifier (`learnt_read`) read one: the
five training examples most like the caller's sentence (`ivr.core.neighbours`: word stems and character trigrams,
tf-idf cosine) give the script four fifths of their vote and the classifier leans to the same script; never a question
of another business or agency.  The questions below are the round's own, never a corpus's, a holdout's or an example's
words.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ivr.core.machine import CompiledFlow
from ivr.core.matching import normalize
from ivr.core.neighbours import Neighbours
from ivr.definitions.scripts import NEAREST_AGREES, NEAREST_K, NEAREST_SHARE, ScriptSet, _content_words, load_scripts
from ivr.trainers.understand import scripts_on, topic_understood

DAY = dt.date(2026, 12, 16)


@pytest.fixture(scope="module")
def scripts() -> ScriptSet:
    return scripts_on(DAY)


@pytest.mark.parametrize(
    ("said", "script"),
    [
        ("is it less money if i do the application on the computer instead of sending paper", "forms-and-fees"),
        ("a lady there told me she would send my case up the chain and i'd get an email but it's been a month of nothing",
         "service-request-follow-up"),
    ],
)
def test_a_story_told_as_the_examples_tell_it_is_read_by_its_nearest_examples(
    uscis: CompiledFlow, scripts: ScriptSet, said: str, script: str
) -> None:
    """Filing online to pay less (forms and fees), a promise to escalate that came to nothing (a service request
    followed up): no rule reads them, the classifier is not sure enough or the keywords do not rank the script, and
    the examples told the same way are one script's."""
    understood = topic_understood(uscis, scripts, "tier1.topic", "en", said)
    assert (understood.choice, understood.by) == (script, "nearest")


@pytest.mark.parametrize(
    "said",
    [
        "is it less money if i file my taxes on the computer instead of sending paper",
        "is it less money if i renew my car registration on the computer instead of sending paper",
    ],
)
def test_the_nearest_examples_read_nothing_for_another_agency(scripts: ScriptSet, said: str) -> None:
    """Taxes, a car's registration: the nearest examples and the classifier agree on forms and fees, but the fee is
    another agency's, and no script of ours answers it."""
    heard = normalize(said)
    words = _content_words(heard, "en")
    learnt, votes = scripts._learnt["en"], scripts._neighbours["en"]
    assert learnt is not None and votes is not None
    assert learnt.posterior(words)[0][0] == "forms-and-fees" and learnt.posterior(words)[0][1] >= NEAREST_AGREES
    assert votes.vote(words, NEAREST_K)[0][0] == "forms-and-fees" and votes.vote(words, NEAREST_K)[0][1] >= NEAREST_SHARE
    assert scripts.nearest_read(heard, "en") is None


def test_a_word_the_recogniser_split_is_still_near_its_example() -> None:
    """"bio metrics" shares no word with "biometrics" but most of its character trigrams."""
    index = Neighbours.learn(
        [("biometrics-reschedule", ("move", "biometrics")), ("forms-and-fees", ("fee", "check", "money", "order"))], "en"
    )
    assert index is not None
    assert index.vote(("move", "bio", "metrics"), 1) == (("biometrics-reschedule", 1.0),)
    assert index.vote(("bio", "metrics"), 2)[0][0] == "biometrics-reschedule"


def test_each_nearest_example_votes_its_similarity() -> None:
    """Two examples of one script and one of another, all near: the shares are the similarities' and sum to one."""
    index = Neighbours.learn(
        [("a", ("card", "never", "came")), ("a", ("card", "never", "arrived")), ("b", ("card", "stolen"))], "en"
    )
    assert index is not None
    votes = index.vote(("card", "never", "came"), 3)
    assert [label for label, _ in votes] == ["a", "b"] and sum(share for _, share in votes) == pytest.approx(1.0)
    assert index.vote(("weather",), 3) == ()


def test_one_label_teaches_no_neighbours() -> None:
    assert Neighbours.learn([("a", ("card",)), ("a", ("fee",))], "en") is None


def test_the_nearest_examples_are_learnt_once_per_set_of_versions_at_their_first_use() -> None:
    """Learnt lazily, like the classifier: nothing at start-up, then one index shared by the days whose versions are
    the same."""
    library = load_scripts()
    first, second = library.in_force(DAY), library.in_force(DAY + dt.timedelta(days=1))
    assert first.refs() == second.refs() and not first.neighbours_cache
    assert first._neighbours is second._neighbours and len(first.neighbours_cache) == 1


def test_ivr_understand_shows_the_nearest_examples_read_it() -> None:
    """`ivr understand` names what read the question, as it names the classifier (`by examples`)."""
    from click.testing import CliRunner

    from ivr.cli import main

    said = "is it less money if i do the application on the computer instead of sending paper"
    result = CliRunner().invoke(main, ["understand", "uscis_contact_center", "--state", "tier1.topic", "--at", "2026-12-16", said])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("route forms-and-fees (") and " by nearest  [" in result.output
