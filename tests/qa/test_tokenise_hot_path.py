"""The tokeniser on the webhook's path (docs/privacy.md: no identifier at rest in the clear).

What it skips to be cheap (a key pressed is shorter than any identifier's form; a step that read no
case builds no case key) must never let an identifier through: these pin both halves.
"""

from __future__ import annotations

import pytest

from ivr.definitions.flows import load_flows
from ivr.qa.tokenise import Tokeniser, _substituter

RECEIPT = "EAC2690150101"
CALLER = "+12025550143"


@pytest.fixture(scope="module")
def tokeniser() -> Tokeniser:
    flows = list(load_flows().values())
    return Tokeniser(b"k" * 32, flows, ["Maria Garcia"])


def _step(state_before: str, kind: str, value: str | None, prompts: tuple[str, ...] = ()) -> dict:
    return {
        "type": "step", "at": "2026-11-23T10:00:00-05:00", "input": {"kind": kind, "value": value},
        "state_before": state_before, "state": "main_menu", "tier": "ivr", "language": "en", "entered": [],
        "prompts": [{"id": f"p{i}", "language": "en", "text": text} for i, text in enumerate(prompts)], "actions": [],
    }


def test_a_text_shorter_than_every_form_is_kept_and_a_form_is_still_replaced():
    swap = _substituter({"2025550143": "5555512345", "202-555-0143": "555-551-2345"})
    assert swap("1") == "1"
    assert swap("") == ""
    assert swap("2025550143") == "5555512345"
    assert swap("call 202-555-0143 now") == "call 555-551-2345 now"


def test_a_key_pressed_at_a_menu_is_kept_as_pressed(tokeniser):
    stored = tokeniser.entry(_step("main_menu", "digits", "1", ("For case status, press 1.",)), "uscis_contact_center",
                             (), CALLER)
    assert stored["input"] == {"kind": "digits", "value": "1"}
    assert stored["prompts"][0]["text"] == "For case status, press 1."


def test_a_calling_number_keyed_at_a_menu_never_reaches_the_store_in_the_clear(tokeniser):
    """Privacy (docs/privacy.md): the caller's own number, keyed where a menu key was asked, is tokenised."""
    stored = tokeniser.entry(_step("main_menu", "digits", "2025550143"), "uscis_contact_center", (), CALLER)
    assert "2025550143" not in str(stored)


def test_a_receipt_keyed_and_read_back_never_reaches_the_store_in_the_clear(tokeniser):
    """Privacy (docs/privacy.md): an identifier keyed at its question, and said back in a prompt, is tokenised."""
    entry = _step("verify.receipt", "digits", "2690150101#", ("I heard E A C, 2 6 9, 0 1 5, 0 1 0 1. Is that right?",))
    entry["cases"] = {RECEIPT: {"receipt_number": RECEIPT, "date_of_birth": "1990-04-12", "status": "x"}}
    stored = tokeniser.entry(entry, "uscis_contact_center", (("receipt_number", RECEIPT),), CALLER)
    text = str(stored)
    for clear in ("2690150101", "2 6 9, 0 1 5, 0 1 0 1", "1990-04-12"):
        assert clear not in text


def test_an_identifier_keyed_at_its_question_is_parsed_once_per_entry(monkeypatch):
    """The swapper and the input's token come from one parse of the answer (it was parsed twice a webhook);
    the stored entry is what it was: the date of birth keyed never reaches the store in the clear."""
    import ivr.qa.tokenise as tokenise

    fresh = Tokeniser(b"k" * 32, list(load_flows().values()), ["Maria Garcia"])
    parses: list[str] = []
    real = tokenise._parse

    def counted(validator, given, language):
        parses.append(validator)
        return real(validator, given, language)

    monkeypatch.setattr(tokenise, "_parse", counted)
    stored = fresh.entry(_step("verify.birth_date", "digits", "04121990"), "uscis_contact_center",
                         (("receipt_number", RECEIPT),), CALLER)
    assert parses == ["date_of_birth"]
    assert "04121990" not in str(stored) and stored["input"]["kind"] == "digits"
    assert stored == Tokeniser(b"k" * 32, list(load_flows().values()), ["Maria Garcia"]).entry(
        _step("verify.birth_date", "digits", "04121990"), "uscis_contact_center", (("receipt_number", RECEIPT),), CALLER)
