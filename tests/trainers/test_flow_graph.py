"""Drawing flows: the graph model, Mermaid, DOT and SVG (Graphviz or the built-in layout)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from ivr.definitions.flows import load_flow
from ivr.trainers import graph as graphs
from ivr.trainers.graph import ESCALATION_SOURCE, Edge

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def small_graph(small_flow):
    return graphs.flow_graph(load_flow(small_flow))


def test_every_state_is_a_node_with_its_tier(small_graph) -> None:
    """Each state becomes one node, kept in its tier (the Tier 1 greeting is not in the IVR)."""
    tiers = {node.name: node.tier for node in small_graph.nodes}

    assert set(tiers) == {
        "language", "main_menu", "hours.info", "tier1.transfer", "tier1.greeting", "supervisor.transfer",
        "supervisor.upset", "supervisor.greeting", "goodbye", ESCALATION_SOURCE,
    }
    assert (tiers["tier1.greeting"], tiers["supervisor.greeting"]) == ("tier1", "supervisor")


def test_menu_options_are_edges_labelled_by_key_and_topic(small_graph) -> None:
    """A menu option is drawn as an arrow named by its key and topic ("1 our hours")."""
    assert Edge("main_menu", "hours.info", "1 our hours", "option") in small_graph.edges
    assert Edge("main_menu", "goodbye", "9 ending this call", "option") in small_graph.edges


def test_the_escalation_ladder_is_drawn_from_any_waiting_state(small_graph) -> None:
    """The representative key and running out of attempts are drawn once, from a pseudo-node for every menu."""
    escalations = {(e.target, e.label) for e in small_graph.edges if e.kind == "escalation"}

    assert escalations == {("tier1.transfer", "0 / representative"), ("goodbye", "attempts used up")}


def test_mermaid_has_a_subgraph_per_tier_and_an_arrow_per_transition(small_graph) -> None:
    """Mermaid text groups states by tier and writes every transition with its label."""
    text = graphs.to_mermaid(small_graph)

    assert text.splitlines()[1] == "flowchart LR"
    assert 'subgraph tier1["Tier 1 representatives"]' in text
    assert "main_menu -->|1 our hours| hours__info" in text
    assert "any_waiting_state -.->|0 / representative| tier1__transfer" in text


def test_mermaid_ids_never_contain_dots(small_graph) -> None:
    """Dotted state names become Mermaid-safe ids."""
    ids = re.findall(r"^\s+(\S+?)[\[\{\(>]", graphs.to_mermaid(small_graph), flags=re.MULTILINE)

    assert ids and all("." not in node for node in ids)


def test_dot_gives_each_state_an_id_for_highlighting(small_graph) -> None:
    """DOT nodes carry `id="state-<name>"` so the softphone can find the current state in the SVG."""
    text = graphs.to_dot(small_graph)

    assert '"tier1.greeting" [id="state-tier1.greeting"' in text
    assert "subgraph cluster_1_tier1" in text


def test_the_builtin_svg_draws_every_state_with_its_id(small_graph) -> None:
    """Without Graphviz the built-in layout still gives one `state-<name>` group per state."""
    root = ET.fromstring(graphs.builtin_svg(small_graph))

    ids = {g.get("id") for g in root.iter(f"{SVG}g") if g.get("id")}

    assert ids == {graphs.node_id(node.name) for node in small_graph.nodes}


@pytest.mark.skipif(graphs.dot_program() is None, reason="Graphviz is not installed")
def test_graphviz_svg_keeps_the_state_ids(small_graph) -> None:
    """Graphviz's SVG carries the ids of the DOT nodes, and is inline-able (no XML prolog)."""
    svg = graphs.render_svg(small_graph)

    assert svg.startswith("<svg")
    root = ET.fromstring(svg)
    ids = {g.get("id") for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith("state-")}
    assert "state-main_menu" in ids and "state-tier1.greeting" in ids


def test_render_svg_falls_back_to_the_builtin_layout(small_graph, monkeypatch) -> None:
    """With no `dot` on the PATH, `render_svg` uses the built-in layout rather than failing."""
    monkeypatch.setattr(graphs, "dot_program", lambda: None)

    assert graphs.render_svg(small_graph) == graphs.builtin_svg(small_graph)


def test_the_shipped_flow_draws_in_every_format() -> None:
    """The USCIS flow renders as Mermaid, DOT and SVG with a node per state."""
    from ivr.definitions.flows import load_flows

    flow = load_flows()["uscis_contact_center"]
    graph = graphs.flow_graph(flow)

    assert len(graph.nodes) == len(flow.states) + 1
    assert graphs.to_mermaid(graph).count("\n") > len(flow.states)
    assert ET.fromstring(graphs.builtin_svg(graph)).tag == f"{SVG}svg"


def test_the_overview_folds_each_topic_into_one_box(small_graph) -> None:
    """`overview` draws one box per name prefix, counting its states, for a picture that fits a README."""
    folded = graphs.overview(small_graph)

    boxes = {node.name: node for node in folded.nodes}
    assert set(boxes) == {"language", "main_menu", "hours", "tier1", "supervisor", "goodbye", ESCALATION_SOURCE}
    assert (boxes["supervisor"].kind, boxes["supervisor"].label, boxes["supervisor"].tier) == ("group", "supervisor\n3 states", "supervisor")


def test_the_overview_merges_arrows_between_topics(small_graph) -> None:
    """Arrows between two topics become one, naming the options that lead there; arrows inside a topic go."""
    folded = graphs.overview(small_graph)

    assert Edge("tier1", "supervisor", "7 a complaint, 8 a supervisor", "option") in folded.edges
    assert all(edge.source != edge.target for edge in folded.edges)
