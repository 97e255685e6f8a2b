"""`ivr understand` at the Tier 1 topic question: the words go to the response scripts in force, as on a call.

The topic question (`tier1.topic`) is a collect: a global intent the state's model is
sure of is taken, else the words go to the `live_topic` validator and Tier 1 reads the
script they match, refuses what it may not do (DOMAIN.md §1.3: no case details beyond
the status, no legal advice, no transfer to a local office), or says no script answers.
Before, `ivr understand --state tier1.topic` scored only the state's global intents and
said "not understood" of every question a call answers with a script.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivr.cli import main
from ivr.core.machine import CompiledFlow
from ivr.definitions.cases import DEMO_CLOCK
from ivr.testing import PhoneCall
from ivr.trainers.understand import compiled, load_corpus, evaluate, scripts_on, topic_understood


def run(*args: str):
    return CliRunner().invoke(main, ["understand", *args])


@pytest.fixture(scope="module")
def flow() -> CompiledFlow:
    return compiled("uscis_contact_center")


def test_a_question_is_answered_by_the_script_it_matches() -> None:
    """'check my case status' at the topic question is the case-status script, named with its label and score."""
    result = run("uscis_contact_center", "--state", "tier1.topic", "--at", "2026-12-08", "check my case status")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("route case-status (your case status) 0.") and " by scripts  [case-status " in result.output


def test_what_tier1_may_not_do_is_shown_as_refused() -> None:
    """Legal advice is refused by rule, whatever script shares its words (DOMAIN.md §1.3)."""
    result = run("uscis_contact_center", "--state", "tier1.topic", "should i apply for asylum")
    assert result.output.startswith("refuse legal_advice (Tier 1 may not)")


def test_a_question_no_script_answers_says_so() -> None:
    """Out of scope at the topic question: no script is read."""
    result = run("uscis_contact_center", "--state", "tier1.topic", "what's the weather")
    assert result.output.startswith("not understood 0.00 (no script answers)")


def test_the_scripts_are_those_in_force_on_the_day_asked() -> None:
    """'what time do you close' joined live-assistance-hours' phrases in its version of 2026-11-30: before, no word of
    it is any script's (the main menu's model names the hours line, but since round 8 of issue 16 a line reads no
    script the scripts' model gives 0.00: no script answers)."""
    before = run("uscis_contact_center", "--state", "tier1.topic", "--at", "2026-11-23", "what time do you close")
    after = run("uscis_contact_center", "--state", "tier1.topic", "--at", "2026-12-08", "what time do you close")
    assert before.output.startswith("not understood 0.00 (no script answers)")
    assert after.output.startswith("route live-assistance-hours (our hours and languages) 1.00 by scripts")


@pytest.mark.parametrize(
    "said",
    ["check my case status", "i need to reschedule my biometrics", "should i apply for asylum", "what's the weather",
     "my green card never came in the mail", "let me talk to your supervisor",
     # read by the line the main menu's model names (script_lines:), and a lawyer of the caller's own
     "the post office says my green card was returned to you", "i have to report to ice next week",
     "i'm moving to another state next month what do i do about my pending case",
     "my lawyer says my green card was mailed but it never came", "do i need a lawyer for my case"],
)
def test_the_command_decides_as_a_call_does(flow: CompiledFlow, english_call: PhoneCall, said: str) -> None:
    """The same words on a call at the demo instant reach what the command says (the scripts then in force), a script
    the line named (`by lines`) too."""
    english_call.press("0")  # Tier 1 asks the topic question
    turn = english_call.say(said)
    understood = topic_understood(flow, scripts_on(DEMO_CLOCK.date()), "tier1.topic", "en", said)
    scripts = scripts_on(DEMO_CLOCK.date())
    if understood.by == "refusal":
        assert turn.state == f"tier1.refuse.{understood.choice}"
    elif understood.choice == "supervisor":
        assert "supervisor" in turn.state
    elif understood.choice is not None:  # read by the scripts (their keywords, a clause, a situation...) or the line
        script = scripts.by_id(understood.choice)
        assert script is not None and script.text["en"].split(". ")[0] in turn.text
    else:
        assert turn.state == "tier1.unknown"


def test_a_corpus_at_the_topic_question_names_scripts_and_refusals(tmp_path: Path, flow: CompiledFlow) -> None:
    """A corpus group at tier1.topic expects a script id, a refusal, a global or none, and is scored as a call is."""
    corpus = tmp_path / "topics.yaml"
    corpus.write_text(
        "version: 1\nflow: uscis_contact_center\ngroups:\n"
        "  - state: tier1.topic\n    language: en\n    expect:\n"
        "      case-status: [check my case status]\n      legal_advice: [should i apply for asylum]\n"
        "      none: [what's the weather]\n      change-of-address: [what's the weather in chicago]\n",
        encoding="utf-8",
    )
    _, cases = load_corpus(corpus)
    report = evaluate(flow, cases, scripts_on(dt.date(2026, 12, 8)))
    assert [result.right for result in report.results] == [True, True, True, False]
    result = run("--corpus", str(corpus), "--at", "2026-12-08")
    assert result.exit_code == 1 and "expected change-of-address, got none" in result.output


def test_a_corpus_naming_an_unknown_script_is_one_line(tmp_path: Path) -> None:
    """A script id not in force on the day is no choice of the topic question."""
    corpus = tmp_path / "topics.yaml"
    corpus.write_text("version: 1\nflow: uscis_contact_center\ngroups:\n  - state: tier1.topic\n    language: en\n"
                      "    expect:\n      no-such-script: [hello]\n", encoding="utf-8")
    result = run("--corpus", str(corpus))
    assert result.exit_code == 1 and "'no-such-script' is not a choice of tier1.topic" in result.output


def test_folds_at_the_topic_question_cross_validate_the_scripts_examples() -> None:
    """`--folds N --state tier1.topic` holds each of the scripts' examples out once (round 14): per language, what is
    read right and wrong with the examples classifier and with the rules alone, so a change of examples is measured
    on questions the classifier did not learn."""
    result = run("uscis_contact_center", "--state", "tier1.topic", "--folds", "3", "--at", "2026-12-16")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert [line.split(":")[0] for line in lines] == ["tier1.topic en", "tier1.topic es"]
    for line in lines:
        numbers = [int(n) for n in re.findall(r"\d+", line.split(":", 1)[1])]
        right, total, wrong, alone, total_again, alone_wrong, folds = numbers
        assert total == total_again > 500 and folds == 3
        assert right > alone and wrong - alone_wrong <= 2  # the classifier reads stories, at most a little wrong
