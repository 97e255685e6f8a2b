"""Keypad entries never wait for an unannounced key (issue 9, point 5).

Twilio ends keyed input at `numDigits` keys, or at `finishOnKey` (`#` when the
attribute is absent).  Every `<Gather>` of every shipped state, in both
languages, either fixes the number of keys or is preceded by words naming its
finishing key.
"""

from __future__ import annotations

import pytest

from tests.live_line.walking import OPEN, enter, every_state, twiml

KEY_WORDS = {"#": {"en": ("pound",), "es": ("numeral",)}, "*": {"en": ("star",), "es": ("asterisco",)}}


@pytest.fixture(scope="module")
def runtime(module_app):
    return module_app.extensions["ivr"]


def _gathers(runtime, language):
    for flow_id, state in every_state(runtime.engine):
        step, _ = enter(runtime.engine, runtime.cases, flow_id, state, language, OPEN)
        for gather in twiml(step).iter("Gather"):
            if "dtmf" in (gather.get("input") or "dtmf"):
                yield step.session.state, gather


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_keyed_gather_has_a_length_or_announces_its_finishing_key(runtime, language):
    """Each keyed <Gather> sets numDigits, or its own prompt names the finishing key (pound / la tecla numeral)."""
    unannounced = []
    for state, gather in _gathers(runtime, language):
        if gather.get("numDigits"):
            continue
        finish = gather.get("finishOnKey", "#")
        said = " ".join(say.text or "" for say in gather.iter("Say")).lower()
        if finish and not any(word in said for word in KEY_WORDS[finish][language]):
            unannounced.append((state, finish))
    assert unannounced == []


def test_the_walk_meets_the_variable_length_entries(runtime):
    """The property is not empty: the receipt questions (ten digits and pound) are among the gathers checked."""
    variable = {state for state, gather in _gathers(runtime, "en") if not gather.get("numDigits")}
    assert {"verify.receipt", "tier1.verify.receipt", "tier2.verify.receipt", "supervisor.verify.receipt"} <= variable


@pytest.mark.parametrize("state", ["verify.birth_date", "tier1.verify.dob", "tier2.verify.dob", "supervisor.verify.dob"])
def test_every_date_of_birth_gather_takes_exactly_eight_keys(runtime, state):
    """A date of birth is keyed as MMDDYYYY: numDigits=8, so eight keys end it with no silent wait for pound."""
    flow_id = runtime.engine.default_flow
    step, _ = enter(runtime.engine, runtime.cases, flow_id, state, "en", OPEN)
    [gather] = list(twiml(step).iter("Gather"))
    assert gather.get("numDigits") == "8"
