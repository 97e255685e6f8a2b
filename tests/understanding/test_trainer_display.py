"""Trainers see what was understood and its score: the terminal rehearsal and the softphone (issue 16.5)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ivr.cli import main
from ivr.web.testing import signed_in_client


def rehearse(tmp_path: Path, *lines: str) -> str:
    result = CliRunner().invoke(main, ["rehearse", "--instance", str(tmp_path)], input="".join(f"{line}\n" for line in lines))
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def test_the_rehearsal_prints_what_was_understood_with_its_score(tmp_path: Path) -> None:
    """A phrase's turn starts with the option it was understood as, its score and the runners-up."""
    output = rehearse(tmp_path, "1", "um my finger prints appointment")
    assert "(understood: biometrics appointments (2) 1.00; also field office appointments (3) 0." in output


def test_the_rehearsal_shows_a_clarifying_question_as_unsure(tmp_path: Path) -> None:
    """An ambiguous phrase shows the two options asked about."""
    output = rehearse(tmp_path, "1", "appointment")
    assert "(unsure: asked field office appointments (3) 0." in output and "or biometrics appointments (2) 0." in output


def test_the_rehearsal_says_when_words_were_not_understood(tmp_path: Path) -> None:
    """Out-of-scope words are shown as not understood before the no-match prompt."""
    assert "(not understood) IVR: Sorry, I didn't get that." in rehearse(tmp_path, "1", "what's the weather")


def test_keys_show_no_understanding(tmp_path: Path) -> None:
    """Pressing keys involves no scoring, so nothing is shown."""
    assert "understood" not in rehearse(tmp_path, "1", "8")


@pytest.fixture
def softphone(make_app: Callable[..., Any], tmp_path: Path) -> Callable[[dict[str, str]], dict[str, Any]]:
    """A signed-in trainee's English softphone call: send it an input (`{"speech": …}` or `{"digits": …}`), get its turn."""
    app = make_app(SOFTPHONE=True, SECRET_KEY="test-secret")
    app.instance_path = str(tmp_path / "instance")
    client = signed_in_client(app, "trainee", "trainee")
    call_id = client.post("/phone/api/calls", json={"language": "en"}).get_json()["call_id"]

    def send(given: dict[str, str]) -> dict[str, Any]:
        turn: dict[str, Any] = client.post(f"/phone/api/calls/{call_id}/input", json=given).get_json()
        return turn

    return send


def test_the_softphone_turn_carries_the_understanding(softphone: Callable[[dict[str, str]], dict[str, Any]]) -> None:
    """The softphone's JSON turn has the trainer's line and the data: outcome, choice, score, alternatives."""
    turn = softphone({"speech": "I'm calling from Mexico"})
    assert turn["understood"].startswith("understood: calls from outside the United States (6) 1.00")
    assert turn["understanding"]["choice"] == "6" and turn["understanding"]["alternatives"][0] == ["6", 1.0]


def test_the_rehearsal_says_when_the_training_examples_decided(tmp_path: Path) -> None:
    """A situation the keywords leave not understood and the classifier routes is shown as decided by the examples."""
    output = rehearse(tmp_path, "1", "the machine could not read my fingers so they want me back")
    assert "(understood by the training examples: biometrics appointments (2) " in output


def test_the_rehearsal_shows_the_script_tier1_read_with_its_score(tmp_path: Path) -> None:
    """At the Tier 1 topic question the turn shows the script the words were read as, by its label and id, its score
    and the runner-up."""
    output = rehearse(tmp_path, "1", "0", "my green card never came in the mail")
    assert "(understood: a card you did not receive (card-not-received) 0.97; also a notice you did not receive " \
           "(notice-not-received) 0." in output


def test_the_rehearsal_names_the_script_in_the_callers_language(tmp_path: Path) -> None:
    """A Spanish caller's script is named by its Spanish label (as the caller would hear it), the line around it in
    the reader's language."""
    output = rehearse(tmp_path, "2", "0", "nunca me llegó la tarjeta verde")
    assert "(understood: una tarjeta que no recibió (card-not-received) 0.9" in output


def test_the_rehearsal_shows_what_tier1_may_not_do_as_a_refusal(tmp_path: Path) -> None:
    """DOMAIN.md §1.3: words asking Tier 1 for legal advice are shown as what Tier 1 may not do."""
    output = rehearse(tmp_path, "1", "0", "i need legal advice about my case")
    assert "(understood as what Tier 1 may not do: legal advice (legal_advice) 1.00" in output


def test_the_softphone_turn_at_the_topic_question_carries_the_script_read(
    softphone: Callable[[dict[str, str]], dict[str, Any]],
) -> None:
    """The softphone's JSON turn at the Tier 1 topic question names the script read, its score and what read it."""
    assert softphone({"digits": "0"})["state"] == "tier1.topic"
    turn = softphone({"speech": "my green card never came in the mail"})
    assert turn["understood"].startswith("understood: a card you did not receive (card-not-received) 0.9")
    assert (turn["understanding"]["choice"], turn["understanding"]["by"]) == ("card-not-received", "scripts")
