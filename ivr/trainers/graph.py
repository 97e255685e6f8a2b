"""Drawing a flow: its states, transitions and escalation ladder as Mermaid, DOT or SVG.

`flow_graph(flow)` turns the validated `Flow` dataclasses into a small graph
model (nodes grouped by tier, edges labelled by key, outcome or guard); the
renderers below only format that model.  SVG comes from Graphviz's `dot`
when it is installed, else from a simple built-in layered layout, so the
softphone can always show the flow without any external JavaScript.

Every state's SVG group carries `id="state-<name>"`: the softphone highlights
the current state by that id.  Nothing here runs a call or reads a clock.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections import deque
from dataclasses import asdict, dataclass
from typing import Any, Literal

from ivr.core.flow import TIERS, Flow, State

EdgeKind = Literal["option", "next", "collected", "outcome", "branch", "escalation"]

ESCALATION_SOURCE = "any_waiting_state"
"""The pseudo-node the escalation edges leave from: every menu and collect has them."""

NODE_ID_PREFIX = "state-"
TIER_TITLES = {"ivr": "IVR (self-service)", "tier1": "Tier 1 representatives", "tier2": "Tier 2 officers", "supervisor": "Supervisors"}
_TIER_COLOURS = {"ivr": "#eef5ff", "tier1": "#eefaf0", "tier2": "#fff7e6", "supervisor": "#fdeeee"}
_DOT_SHAPES = {
    "menu": 'shape=box, style="rounded,filled", fillcolor="#cfe3ff"',
    "collect": 'shape=parallelogram, style=filled, fillcolor="#e3d7ff"',
    "message": 'shape=note, style=filled, fillcolor="#ffffff"',
    "action": 'shape=component, style=filled, fillcolor="#fff0c2"',
    "branch": 'shape=diamond, style=filled, fillcolor="#f2f2f2"',
    "transfer": 'shape=cds, style=filled, fillcolor="#c9f0d2"',
    "hangup": 'shape=doubleoctagon, style=filled, fillcolor="#f7c6c6"',
    "escalation": 'shape=box, style="dashed,rounded", fillcolor="#ffffff"',
    "group": 'shape=box3d, style=filled, fillcolor="#dde8f7"',
}
_MERMAID_SHAPES = {
    "menu": ('{{"', '"}}'),
    "collect": ('[/"', '"/]'),
    "message": ('["', '"]'),
    "action": ('[["', '"]]'),
    "branch": ('{"', '"}'),
    "transfer": ('(["', '"])'),
    "hangup": ('(("', '"))'),
    "escalation": ('>"', '"]'),
    "group": ('[["', '"]]'),
}
_LABEL_CHARS = 28


@dataclass(frozen=True)
class Node:
    """One state (or the escalation pseudo-node), with what to write in its box."""

    name: str
    kind: str
    tier: str
    label: str


@dataclass(frozen=True)
class Edge:
    """One possible transition, labelled the way a trainer reads it (a key, an outcome, a guard)."""

    source: str
    target: str
    label: str
    kind: EdgeKind


@dataclass(frozen=True)
class FlowGraph:
    """A flow as boxes and arrows."""

    flow_id: str
    title: str
    start: str
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def node(self, name: str) -> Node | None:
        return next((node for node in self.nodes if node.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def flow_graph(flow: Flow) -> FlowGraph:
    """The graph of a validated flow: every state, every transition, and the escalation ladder."""
    nodes = [Node(state.name, state.kind, state.tier, _node_label(state)) for state in flow.states.values()]
    edges: list[Edge] = []
    for state in flow.states.values():
        edges.extend(_edges(state))
    nodes.append(Node(ESCALATION_SOURCE, "escalation", "ivr", "any menu or question"))
    edges.append(Edge(ESCALATION_SOURCE, flow.representative_state, f"{flow.keys.representative} / representative", "escalation"))
    edges.append(Edge(ESCALATION_SOURCE, flow.max_attempts_state, "attempts used up", "escalation"))
    if flow.escalates("silence"):
        edges.append(Edge(ESCALATION_SOURCE, flow.escalation["silence"]["ivr"], "attempts used up in silence again", "escalation"))
    if flow.escalates("supervisor"):
        edges.append(Edge(ESCALATION_SOURCE, flow.escalation["supervisor"]["ivr"], "supervisor (said)", "escalation"))
    return FlowGraph(flow.id, flow.title, flow.start, tuple(nodes), tuple(edges))


def overview(graph: FlowGraph) -> FlowGraph:
    """The flow by topic: the states of each name prefix (`biometrics.*`) folded into one box.

    A big flow has hundreds of states; the overview is the picture that fits a README.
    """
    group_of = {node.name: node.name.split(".")[0] for node in graph.nodes}
    members: dict[str, list[Node]] = {}
    for node in graph.nodes:
        members.setdefault(group_of[node.name], []).append(node)
    nodes = []
    for group, inside in members.items():
        if len(inside) == 1:
            nodes.append(Node(group, inside[0].kind, inside[0].tier, inside[0].label.replace(inside[0].name, group, 1)))
            continue
        # transfers sit in the tier they leave; the topic belongs where its other states are
        tiers = [node.tier for node in inside if node.kind != "transfer"] or [node.tier for node in inside]
        tier = max(dict.fromkeys(tiers), key=tiers.count)
        nodes.append(Node(group, "group", tier, f"{group}\n{len(inside)} states"))
    labels: dict[tuple[str, str, EdgeKind], list[str]] = {}
    for edge in graph.edges:
        source, target = group_of[edge.source], group_of[edge.target]
        if source == target:
            continue
        found = labels.setdefault((source, target, edge.kind), [])
        if edge.label and edge.label not in found:
            found.append(edge.label)
    edges = tuple(
        Edge(source, target, ", ".join(found[:2]) + (", …" if len(found) > 2 else ""), kind)
        for (source, target, kind), found in labels.items()
    )
    return FlowGraph(graph.flow_id, f"{graph.title}: overview", group_of[graph.start], tuple(nodes), edges)


def node_id(name: str) -> str:
    """The HTML/SVG id of a state's box (`state-main_menu`)."""
    return NODE_ID_PREFIX + name


# --- Mermaid ------------------------------------------------------------------------


def to_mermaid(graph: FlowGraph) -> str:
    """Mermaid `flowchart` text: needs no system dependency (GitHub and editors render it)."""
    ids = _mermaid_ids(graph)
    lines = [f"%% {graph.title} ({graph.flow_id}): generated by `ivr graph`", "flowchart LR"]
    for tier in TIERS:
        members = [node for node in graph.nodes if node.tier == tier]
        if not members:
            continue
        lines.append(f'  subgraph {tier}["{_mermaid_text(TIER_TITLES[tier])}"]')
        for node in members:
            opening, closing = _MERMAID_SHAPES[node.kind]
            lines.append(f"    {ids[node.name]}{opening}{_mermaid_text(node.label)}{closing}")
        lines.append("  end")
    for edge in graph.edges:
        arrow = "-.->" if edge.kind == "escalation" else "-->"
        label = f"|{_mermaid_text(edge.label)}|" if edge.label else ""
        lines.append(f"  {ids[edge.source]} {arrow}{label} {ids[edge.target]}")
    lines.append(f"  style {ids[graph.start]} stroke-width:3px")
    return "\n".join(lines) + "\n"


def _mermaid_ids(graph: FlowGraph) -> dict[str, str]:
    ids: dict[str, str] = {}
    used: set[str] = set()
    for node in graph.nodes:
        base = node.name.replace(".", "__")
        candidate, n = base, 2
        while candidate in used:
            candidate, n = f"{base}_{n}", n + 1
        used.add(candidate)
        ids[node.name] = candidate
    return ids


def _mermaid_text(text: str) -> str:
    return text.replace('"', "#quot;").replace("\n", "<br/>").replace("|", "#124;")


# --- DOT and SVG --------------------------------------------------------------------


def to_dot(graph: FlowGraph) -> str:
    """Graphviz DOT text: states clustered by tier, ids `state-<name>` for highlighting."""
    lines = [
        f"digraph {_dot_quote(graph.flow_id)} {{",
        f"  label={_dot_quote(graph.title)}; labelloc=t; fontname=Helvetica; fontsize=18;",
        "  rankdir=LR; nodesep=0.25; ranksep=0.6; compound=true;",
        "  node [fontname=Helvetica, fontsize=11, margin=\"0.12,0.05\"];",
        "  edge [fontname=Helvetica, fontsize=9, color=\"#555555\"];",
    ]
    for index, tier in enumerate(TIERS):
        members = [node for node in graph.nodes if node.tier == tier]
        if not members:
            continue
        lines.append(f"  subgraph cluster_{index}_{tier} {{")
        lines.append(f"    label={_dot_quote(TIER_TITLES[tier])}; style=filled; color=\"#bbbbbb\"; fillcolor=\"{_TIER_COLOURS[tier]}\";")
        for node in members:
            shape = _DOT_SHAPES[node.kind] + (", penwidth=2.5" if node.name == graph.start else "")
            lines.append(f"    {_dot_quote(node.name)} [id={_dot_quote(node_id(node.name))}, label={_dot_quote(node.label)}, {shape}];")
        lines.append("  }")
    for edge in graph.edges:
        attrs = [f"label={_dot_quote(edge.label)}"] if edge.label else []
        if edge.kind == "escalation":
            attrs += ["style=dashed", 'color="#b03030"', 'fontcolor="#b03030"']
        elif edge.kind == "option":
            attrs += ['color="#2a5db0"']
        lines.append(f"  {_dot_quote(edge.source)} -> {_dot_quote(edge.target)} [{', '.join(attrs)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def dot_program() -> str | None:
    """The Graphviz `dot` executable, when installed."""
    return shutil.which("dot")


def render_svg(graph: FlowGraph, use_dot: bool = True) -> str:
    """SVG of the flow: laid out by Graphviz when installed, else by the built-in layout."""
    program = dot_program() if use_dot else None
    if program is not None:
        try:
            result = subprocess.run([program, "-Tsvg"], input=to_dot(graph), capture_output=True, text=True, timeout=60, check=True)
            return _strip_xml_prolog(result.stdout)
        except (OSError, subprocess.SubprocessError):
            pass  # a broken Graphviz install still gets a picture
    return builtin_svg(graph)


def _strip_xml_prolog(svg: str) -> str:
    """Inline-able SVG: drop the XML declaration and DOCTYPE Graphviz writes first."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else svg


def _dot_quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


# --- the built-in layout ---------------------------------------------------------------

_BOX_W, _BOX_H, _GAP_X, _GAP_Y, _MARGIN = 190, 40, 70, 14, 20


def builtin_svg(graph: FlowGraph) -> str:
    """A dependency-free SVG: states in columns by distance from the start, forward arrows between them.

    Arrows back to earlier columns (returns to a menu) are left out to keep it readable; Graphviz
    draws every edge.
    """
    ranks = _ranks(graph)
    columns: dict[int, list[Node]] = {}
    for node in graph.nodes:
        columns.setdefault(ranks[node.name], []).append(node)
    forward = [edge for edge in graph.edges if ranks[edge.target] > ranks[edge.source]]
    position: dict[str, tuple[int, int]] = {}
    for rank in sorted(columns):
        parents = {
            name: [position[e.source][1] for e in forward if e.target == name and e.source in position]
            for name in (node.name for node in columns[rank])
        }
        columns[rank].sort(key=lambda n: (sum(parents[n.name]) / len(parents[n.name]) if parents[n.name] else 0, n.name))
        for row, node in enumerate(columns[rank]):
            position[node.name] = (_MARGIN + rank * (_BOX_W + _GAP_X), _MARGIN + 30 + row * (_BOX_H + _GAP_Y))
    width = _MARGIN * 2 + (max(columns) + 1) * (_BOX_W + _GAP_X)
    height = _MARGIN * 2 + 30 + max(len(m) for m in columns.values()) * (_BOX_H + _GAP_Y)
    incoming: dict[str, int] = {}
    for edge in forward:
        incoming[edge.target] = incoming.get(edge.target, 0) + 1
    out = [
        (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
         f'font-family="Helvetica, Arial, sans-serif" font-size="11">'),
        ('<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" '
         'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="#555"/></marker></defs>'),
        f'<text x="{_MARGIN}" y="{_MARGIN + 12}" font-size="16">{html.escape(graph.title)}</text>',
    ]
    for edge in forward:
        (x1, y1), (x2, y2) = position[edge.source], position[edge.target]
        sx, sy = x1 + _BOX_W, y1 + _BOX_H / 2
        tx, ty = x2, y2 + _BOX_H / 2
        bend = max(30, (tx - sx) / 2)
        dash = ' stroke-dasharray="5,4"' if edge.kind == "escalation" else ""
        colour = "#b03030" if edge.kind == "escalation" else "#777"
        label = ""
        if edge.label and incoming[edge.target] == 1:
            label = (f'<text x="{tx - 6}" y="{ty - 4}" text-anchor="end" fill="{colour}" font-size="9">'
                     f"{html.escape(_short(edge.label, 14))}</text>")
        out.append(
            f'<g class="edge"><path d="M {sx} {sy} C {sx + bend} {sy}, {tx - bend} {ty}, {tx} {ty}" fill="none" '
            f'stroke="{colour}"{dash} marker-end="url(#arrow)"/>{label}</g>'
        )
    for node in graph.nodes:
        x, y = position[node.name]
        fill = _TIER_COLOURS.get(node.tier, "#fff")
        radius = 10 if node.kind in ("menu", "hangup", "transfer") else 2
        title, _, detail = node.label.partition("\n")
        out.append(
            f'<g id="{html.escape(node_id(node.name))}" class="node {node.kind}"><title>{html.escape(node.name)}</title>'
            f'<rect x="{x}" y="{y}" width="{_BOX_W}" height="{_BOX_H}" rx="{radius}" fill="{fill}" stroke="#333"/>'
            f'<text x="{x + 8}" y="{y + 16}">{html.escape(_short(title, 30))}</text>'
            f'<text x="{x + 8}" y="{y + 31}" fill="#555" font-size="9">{html.escape(_short(detail, 36))}</text></g>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _ranks(graph: FlowGraph) -> dict[str, int]:
    """Distance of every node from the start (escalation targets and strays after the rest)."""
    outgoing: dict[str, list[str]] = {}
    for edge in graph.edges:
        outgoing.setdefault(edge.source, []).append(edge.target)
    ranks: dict[str, int] = {}
    queue: deque[tuple[str, int]] = deque([(graph.start, 0), (ESCALATION_SOURCE, 0)])
    while queue:
        name, rank = queue.popleft()
        if name in ranks:
            continue
        ranks[name] = rank
        queue.extend((target, rank + 1) for target in outgoing.get(name, ()))
    last = max(ranks.values(), default=0) + 1
    return {node.name: ranks.get(node.name, last) for node in graph.nodes}


# --- labels -----------------------------------------------------------------------------


def _node_label(state: State) -> str:
    if state.kind == "transfer":
        return f"{state.name}\n→ {state.to} ({(state.reason or '').replace('_', ' ')})"
    if state.kind == "collect":
        return f"{state.name}\ncollect {state.into} ({state.validator})"
    if state.kind == "action":
        return f"{state.name}\nrun {state.run}"
    return f"{state.name}\n{state.kind}"


def _edges(state: State) -> list[Edge]:
    name = state.name
    if state.kind == "menu":
        return [
            Edge(name, option.goto, f"{option.key} {_short(readable(option.topic.en), _LABEL_CHARS)}" + (f" [{option.when}]" if option.when else ""), "option")
            for option in state.options
        ]
    if state.kind == "collect":
        assert state.goto is not None
        return [Edge(name, state.goto, "confirmed" if state.confirm is not None else "collected", "collected")]
    if state.kind == "action":
        return [Edge(name, target, outcome, "outcome") for outcome, target in state.on.items()]
    if state.kind == "branch":
        return [Edge(name, branch.goto, branch.when or "otherwise", "branch") for branch in state.branches]
    if state.goto is not None:
        return [Edge(name, state.goto, "", "next")]
    return []


def readable(text: str) -> str:
    """Placeholders named in words (`{slot_1}` -> `slot 1`): they are filled only during a call."""
    return re.sub(r"\{(\w+)\}", lambda match: match.group(1).replace("_", " "), text)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
