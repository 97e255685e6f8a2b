"""Every menu option can be chosen by voice in both languages (DESIGN.md §3)."""

import pytest

from ivr.core.machine import compile_flow
from ivr.core.registry import builtin_registry
from ivr.definitions.flows import load_flows

FLOW = load_flows()["uscis_contact_center"]
COMPILED = compile_flow(FLOW, builtin_registry())
OPTIONS = [
    pytest.param(name, option, language, id=f"{name}-{option.key}-{language}")
    for name, state in FLOW.states.items()
    if state.kind == "menu"
    for option in state.options
    for language in ("en", "es")
]


@pytest.mark.parametrize(("state", "option", "language"), OPTIONS)
def test_every_phrase_of_an_option_chooses_that_option(state, option, language):
    """DESIGN.md §3: every option can be chosen by saying its topic or a phrase; no phrase is taken by another."""
    index = COMPILED.states[state].phrases[language]
    said = [p for p in option.phrases[language]]
    if "{" not in option.topic.in_(option.language or language):
        said.append(option.topic.in_(option.language or language))
    assert said, "an option needs something to say"
    for phrase in said:
        assert index.match(phrase) == option.key, phrase
