"""Plain-language labels (issue 13.3): every state, option and transfer named from the flow itself."""

from __future__ import annotations

import re

import pytest

from ivr.core.registry import builtin_registry
from ivr.definitions.flows import load_flows
from ivr.trainers import graph as graphs
from ivr.trainers.coverage import branches
from ivr.trainers.labels import labels_for

IDENTIFIER = re.compile(r"\b[a-z0-9]+(?:[._][a-z0-9]+)+\b|:\d\b|\{\w+\}")  # biometrics.after, live_topic, :2, {slot_1}


@pytest.fixture(scope="module")
def flow():
    return load_flows(None, builtin_registry())["uscis_contact_center"]


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_state_has_a_label_without_identifiers(flow, language: str) -> None:
    """No label of the shipped flow is a state name, a key reference or a placeholder."""
    labels = labels_for(flow, language)

    found = {name: labels.state(name) for name in flow.states}

    assert not {name: text for name, text in found.items() if IDENTIFIER.search(text.replace("I-94", "").replace("I-600", ""))}
    assert all(text.strip() for text in found.values())


def test_a_state_chosen_in_a_menu_is_named_by_the_options_topic(flow) -> None:
    """`biometrics.reschedule` is "Rescheduling this appointment", under its topic."""
    labels = labels_for(flow, "en")

    assert labels.state("hours.info") == "Our hours"
    assert labels.state("biometrics.reschedule") == "Biometrics appointments: Rescheduling this appointment"


def test_labels_follow_the_trainees_language(flow) -> None:
    """In Spanish the same states read in Spanish, from the flow's Spanish topics."""
    labels = labels_for(flow, "es")

    assert labels.state("hours.info") == "Nuestro horario"
    assert labels.option("main_menu", "8") == "Oprima 8: nuestro horario"


def test_placeholders_in_topics_become_words(flow) -> None:
    """`{slot_1}` (filled only during a call) reads "time offered 1" in the checklist."""
    labels = labels_for(flow, "en")

    assert labels.option("biometrics.slots", "1") == "Press 1: time offered 1"


def test_the_checklist_reads_in_plain_words(flow) -> None:
    """Issue 13: no `ATTEMPTS.OFFER_REPRESENTATIVE`, `biometrics.after:2` or "slot 1" in the checklist."""
    found = branches(flow)
    text = " ".join(f"{b.group} {b.label}" for b in found)

    assert "attempts." not in text.lower() and "biometrics.after" not in text and "slot 1" not in text
    assert ("Biometrics appointments: What would you like to do next?", "Press 2: ending this call") in {(b.group, b.label) for b in found}


def test_the_trainers_diagram_names_no_guard_or_action(flow) -> None:
    """Guards (`when:`) and actions (`run:`) are only in the author's drawing."""
    labels = labels_for(flow, "en")
    guards = {b.when for s in flow.states.values() for b in s.branches if b.when}
    actions = {s.run for s in flow.states.values() if s.run}

    plain = graphs.to_dot(graphs.without_steps(graphs.flow_graph(flow, labels)))
    author = graphs.to_dot(graphs.flow_graph(flow))

    assert not [name for name in guards | actions if f'"{name}' in plain or f" {name}" in plain]
    assert any(name in author for name in actions)


def test_every_waiting_state_is_on_exactly_one_topic_page_of_a_few_states(flow) -> None:
    """The diagram's pages: each at most PAGE_STATES states; every state a caller can be in is on one page."""
    graph = graphs.without_steps(graphs.flow_graph(flow, labels_for(flow, "en")))
    pages = graphs.pages(graph)

    placed = [name for page in pages for name in page.states]
    assert all(len(page.states) <= graphs.PAGE_STATES for page in pages)
    assert len(placed) == len(set(placed))
    assert {s.name for s in flow.states.values() if s.waits_for_caller} <= set(placed)
    assert graphs.page_of(pages, "biometrics.menu.confirm") is graphs.page_of(pages, "biometrics.menu")


@pytest.mark.parametrize(("language", "state", "expected"), [
    ("en", "verify.birth_date", "Now say your date of birth, or enter it on your keypad"),
    ("en", "tier2.verify.dob", "Tier 2 officer: Now your date of birth"),
    ("en", "service_requests.ask_correction", "Service requests: Please say what is wrong, and what it should say"),
    ("es", "verify.birth_date", "Ahora diga su fecha de nacimiento, o márquela en el teclado"),
    ("es", "service_requests.ask_address", "Las solicitudes de servicio: Diga su nueva dirección"),
])
def test_a_long_prompt_is_named_by_what_comes_before_its_colon(flow, language: str, state: str, expected: str) -> None:
    """A summary's path names the step by its first part, not a cut in the middle of its details ("…keypad: two…")."""
    assert labels_for(flow, language).state(state) == expected
