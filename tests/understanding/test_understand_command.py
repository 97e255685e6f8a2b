"""`ivr understand`: where utterances go, with scores, and a corpus report with a confusion table."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from ivr.cli import main

from .conftest import CORPUS


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(main, ["understand", *args], input=input)


def test_each_utterance_prints_its_outcome_choice_and_score() -> None:
    """Arguments are utterances: one line each with the route, the option's topic, the score and the runners-up."""
    result = run("uscis_contact_center", "um my finger prints appointment", "what's the weather")
    lines = result.output.splitlines()
    assert result.exit_code == 0
    assert lines[0].startswith("route 2 (biometrics appointments) 1.00  [2 1.00, 3 0.")
    assert lines[1].startswith("not understood 0.00  []  (examples: none 0.") and lines[1].endswith("<- \"what's the weather\"")


def test_a_line_not_understood_shows_the_classifiers_best_guess() -> None:
    """The keywords' score alone would read 0.00: the line shows what the training examples' classifier made of it."""
    result = run("uscis_contact_center", "what about my waiver")
    assert result.output.startswith("not understood 0.00  []  (examples: 1 0.")


def test_an_ask_shows_the_classifiers_guess_that_did_not_settle_it() -> None:
    """Between two choices the classifier was not sure enough of, its guesses are shown too."""
    result = run("uscis_contact_center", "--lang", "es", "quiero cambiar mi cita")
    assert result.output.startswith("ask   2 or 7 ") and "(examples: 2 0." in result.output


def test_utterances_are_read_from_standard_input_in_the_language_asked() -> None:
    """One utterance per line of stdin; --lang es scores against the Spanish phrases."""
    result = run("uscis_contact_center", "--lang", "es", input="cómo va mi solicitud\n\nquiero cambiar mi cita\n")
    lines = result.output.splitlines()
    assert len(lines) == 2 and lines[0].startswith("route 1 (el estado de su caso)") and lines[1].startswith("ask ")


def test_no_utterance_at_all_is_a_one_line_error() -> None:
    """Empty standard input (or only blank lines) says there was nothing to understand and exits 1, not 0 in silence."""
    result = run("uscis_contact_center", input="\n  \n")
    assert result.exit_code == 1 and result.output.startswith("Error: nothing to understand")
    assert len(result.output.splitlines()) == 1


def test_another_state_can_be_chosen() -> None:
    """--state scores in that waiting state: in the biometrics menu 'I can't make it' is rescheduling."""
    result = run("uscis_contact_center", "--state", "biometrics.menu", "I need a different time")
    assert result.output.startswith("route 1 (rescheduling this appointment)")


def test_a_state_that_does_not_wait_for_the_caller_is_a_one_line_error() -> None:
    """A message state has nothing to choose: exit 1 with a one-line error naming waiting states."""
    result = run("uscis_contact_center", "--state", "hours.info", "hours")
    assert result.exit_code == 1 and result.output.startswith("Error: 'hours.info' is not a waiting state")


def test_an_unknown_flow_is_a_one_line_error() -> None:
    """A flow id that is not in flows/ (nor a path) is refused plainly."""
    result = run("no_such_flow", "hello")
    assert result.exit_code == 1 and "no flow 'no_such_flow'" in result.output


def test_the_corpus_report_gives_accuracy_per_language_and_a_confusion_table() -> None:
    """--corpus prints wrong utterances, a confusion table per state and the accuracy per language."""
    result = run("--corpus", str(CORPUS))
    output = result.output
    assert "Confusion (rows: expected, columns: got):" in output and "  en main_menu" in output
    assert "en: " in output and "es: " in output and "0 confident wrong routes" in output
    assert output.splitlines()[-1].startswith("all: ")


def test_a_corpus_with_a_wrong_route_exits_1_and_names_it(tmp_path: Path) -> None:
    """A corpus whose expectation is not met lists the utterance with its line, and the command fails."""
    corpus = tmp_path / "wrong.yaml"
    corpus.write_text(
        "version: 1\nflow: uscis_contact_center\ngroups:\n  - state: main_menu\n    language: en\n"
        "    expect:\n      \"3\": [bio metrics]\n",
        encoding="utf-8",
    )
    result = run("--corpus", str(corpus))
    assert result.exit_code == 1
    assert "CONFIDENT WRONG en main_menu: expected 3, got 2 1.00  <- 'bio metrics' (line 7)" in result.output


def test_a_corpus_naming_an_unknown_choice_is_refused(tmp_path: Path) -> None:
    """Expectations name a choice of the state (an option key, a global purpose, an intent, ask or none)."""
    corpus = tmp_path / "bad.yaml"
    corpus.write_text(
        "version: 1\nflow: uscis_contact_center\ngroups:\n  - state: main_menu\n    language: en\n"
        "    expect:\n      billing: [my bill]\n",
        encoding="utf-8",
    )
    result = run("--corpus", str(corpus))
    assert result.exit_code == 1 and "line 7: 'billing' is not a choice of main_menu" in result.output


def test_a_corpus_may_expect_the_menu_again_where_an_option_plays_a_thing_again(tmp_path: Path) -> None:
    """At the biometrics menu option 2 plays the appointment again and took the repeat global's phrases, yet the
    options asked again are the menu again on a call (star repeats everywhere): a corpus may expect it (holdout s6
    wrote it and was refused: "'repeat' is not a choice of biometrics.menu")."""
    corpus = tmp_path / "again.yaml"
    corpus.write_text(
        "version: 1\nflow: uscis_contact_center\ngroups:\n  - state: biometrics.menu\n    language: es\n"
        "    expect:\n      repeat: [me repite las opciones por favor]\n",
        encoding="utf-8",
    )
    result = run("--corpus", str(corpus))
    assert result.exit_code == 0, result.output
    assert "es: 1/1 right" in result.output
