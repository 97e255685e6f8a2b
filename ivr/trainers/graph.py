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
from ivr.trainers.labels import Labels

EdgeKind = Literal["option", "next", "collected", "outcome", "branch", "escalation"]

ESCALATION_SOURCE = "any_waiting_state"
"""The pseudo-node the escalation edges leave from: every menu and collect has them."""

NODE_ID_PREFIX = "state-"
TIER_TITLES = {"ivr": "IVR (self-service)", "tier1": "Tier 1 representatives", "tier2": "Tier 2 officers", "supervisor": "Supervisors"}
TIER_TITLES_BY_LANGUAGE = {
    "en": TIER_TITLES,
    "es": {"ivr": "Sistema automatizado (autoservicio)", "tier1": "Representantes de Nivel 1", "tier2": "Oficiales de Nivel 2",
           "supervisor": "Supervisores"},
}
_OVERVIEW = {"en": "overview", "es": "vista general"}
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
    language: str = "en"  # the language of its words (a trainer's graph: the reader's; the author's: English)

    def node(self, name: str) -> Node | None:
        return next((node for node in self.nodes if node.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def flow_graph(flow: Flow, labels: Labels | None = None) -> FlowGraph:
    """The graph of a validated flow: every state, every transition, and the escalation ladder.

    Without `labels` it is the author's view (state names, guards, actions); with them, the
    trainer's: plain words from the flow in the labels' language, and no guard or action names.
    """
    if labels is None:
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
    nodes = [Node(state.name, state.kind, state.tier, _wrap(labels.state(state.name))) for state in flow.states.values()]
    edges = []
    for state in flow.states.values():
        for edge in _edges(state):
            if edge.kind == "option":
                key = edge.label.split(" ", 1)[0]
                words = _short(labels.option(state.name, key), _LABEL_CHARS + 8)
            else:
                words = ""  # guards, outcomes and actions are the author's business
            edges.append(Edge(edge.source, edge.target, words, edge.kind))
    nodes.append(Node(ESCALATION_SOURCE, "escalation", "ivr", labels.words("any")))
    edges.append(Edge(ESCALATION_SOURCE, flow.representative_state,
                      f"{labels.words('press').format(key=flow.keys.representative)}: {labels.words('representative')}", "escalation"))
    edges.append(Edge(ESCALATION_SOURCE, flow.max_attempts_state, labels.words("attempts"), "escalation"))
    if flow.escalates("silence"):
        edges.append(Edge(ESCALATION_SOURCE, flow.escalation["silence"]["ivr"], labels.words("attempts"), "escalation"))
    if flow.escalates("supervisor"):
        edges.append(Edge(ESCALATION_SOURCE, flow.escalation["supervisor"]["ivr"], labels.words("supervisor"), "escalation"))
    return FlowGraph(flow.id, flow.title, flow.start, tuple(nodes), tuple(edges), labels.language)


def without_steps(graph: FlowGraph, kinds: tuple[str, ...] = ("action", "branch")) -> FlowGraph:
    """The graph a caller would draw: silent steps (actions, branches) bridged over by their arrows.

    A caller never waits in an action or a branch; the trainer's pages leave them out and
    draw an arrow from what came before straight to what comes after.
    """
    hidden = {node.name for node in graph.nodes if node.kind in kinds and node.name != graph.start}
    edges = [edge for edge in graph.edges]
    for name in hidden:
        incoming = [e for e in edges if e.target == name and e.source != name]
        outgoing = [e for e in edges if e.source == name and e.target != name]
        edges = [e for e in edges if name not in (e.source, e.target)]
        for before in incoming:
            for after in outgoing:
                edges.append(Edge(before.source, after.target, before.label or after.label, before.kind))
    unique: dict[tuple[str, str], Edge] = {}
    for edge in edges:
        if edge.source != edge.target:
            unique.setdefault((edge.source, edge.target), edge)
    nodes = tuple(node for node in graph.nodes if node.name not in hidden)
    return FlowGraph(graph.flow_id, graph.title, graph.start, nodes, tuple(unique.values()), graph.language)


PAGE_STATES = 8  # states on one topic page: about what a laptop screen shows readably


@dataclass(frozen=True)
class Page:
    """One page of a topic: `id` is the topic (`biometrics`), or `biometrics-2` for its second page."""

    id: str
    topic: str
    part: int
    states: tuple[str, ...]


def topics(graph: FlowGraph) -> list[str]:
    """The topics of a graph (`biometrics` for `biometrics.*`), in the flow's order."""
    return list(dict.fromkeys(node.name.split(".")[0] for node in graph.nodes if node.name != ESCALATION_SOURCE))


def pages(graph: FlowGraph, size: int = PAGE_STATES) -> list[Page]:
    """Every topic's pages: its states in the order a caller meets them, `size` to a page."""
    found: list[Page] = []
    outgoing: dict[str, list[str]] = {}
    for edge in graph.edges:
        outgoing.setdefault(edge.source, []).append(edge.target)
    for topic in topics(graph):
        inside = [node.name for node in graph.nodes if node.name.split(".")[0] == topic]
        members = set(inside)
        entries = [e.target for e in graph.edges if e.target in members and e.source not in members] + inside
        order: list[str] = []
        queue = deque(dict.fromkeys(entries))
        while queue:
            name = queue.popleft()
            if name in order:
                continue
            order.append(name)
            queue.extend(t for t in outgoing.get(name, ()) if t in members and t not in order)
        chunks = [order[i:i + size] for i in range(0, len(order), size)]
        for part, chunk in enumerate(chunks, start=1):
            found.append(Page(topic if part == 1 else f"{topic}-{part}", topic, part, tuple(chunk)))
    return found


def page_of(graph_pages: list[Page], state: str) -> Page | None:
    """The page a state is drawn on in full (`biometrics.menu.confirm` on its menu's page)."""
    base = state.removesuffix(".confirm")
    return next((page for page in graph_pages if base in page.states), None)


def page_graph(graph: FlowGraph, page: Page, labels: Labels | None = None, graph_pages: list[Page] | None = None) -> FlowGraph:
    """One page: its states in full; every other page it leads to or comes from as one box."""
    graph_pages = graph_pages if graph_pages is not None else pages(graph)
    where = {name: other for other in graph_pages for name in other.states}
    members = set(page.states)

    def box(name: str) -> str:
        if name in members:
            return name
        other = where.get(name)
        if other is None:
            return PAGE_NODE_PREFIX + name
        # another topic is one box, whichever of its pages the arrow reaches
        return PAGE_NODE_PREFIX + (other.id if other.topic == page.topic else other.topic)

    edges: dict[tuple[str, str], Edge] = {}
    for edge in graph.edges:
        if edge.source == ESCALATION_SOURCE or (edge.source not in members and edge.target not in members):
            continue
        came_from = where.get(edge.source)
        if edge.source not in members and (came_from is None or came_from.topic != page.topic):
            continue  # a page shows where a call goes from here; arrows in from other topics would crowd it
        source, target = box(edge.source), box(edge.target)
        if source != target:
            edges.setdefault((source, target), Edge(source, target, edge.label, edge.kind))
    by_name = {node.name: node for node in graph.nodes}
    inside = [by_name[name] for name in page.states]
    outside = []
    for name in sorted({n for pair in edges for n in pair} - members):
        other = next((p for p in graph_pages if PAGE_NODE_PREFIX + p.id == name), None)  # a topic's first page has its id
        first = by_name.get(other.states[0]) if other is not None else None
        title = page_title(other, labels) if other is not None else name
        outside.append(Node(name, "group", first.tier if first else "ivr", _wrap(title)))
    return FlowGraph(graph.flow_id, page_title(page, labels), page.states[0], tuple(inside + outside), tuple(edges.values()),
                     labels.language if labels is not None else graph.language)


def page_title(page: Page, labels: Labels | None = None) -> str:
    title = labels.topic(page.topic) if labels is not None else page.topic
    return title if page.part == 1 else f"{title} ({page.part})"


PAGE_NODE_PREFIX = "page:"
"""Boxes standing for another page are named `page:<page id>` (ids `state-page:…`), never a state."""


def overview(graph: FlowGraph, labels: Labels | None = None) -> FlowGraph:
    """The flow by topic: the states of each name prefix (`biometrics.*`) folded into one box.

    A big flow has hundreds of states; the overview is the picture that fits a README.
    """
    if labels is not None:
        plain = overview(graph)
        nodes = tuple(
            Node(n.name, n.kind, n.tier, _wrap(labels.topic(n.name) if n.name != ESCALATION_SOURCE else labels.words("any")))
            for n in plain.nodes
        )
        edges = tuple(Edge(e.source, e.target, e.label if e.kind in ("option", "escalation") else "", e.kind)
                      for e in plain.edges)
        title = f"{graph.title}: {_OVERVIEW.get(labels.language, _OVERVIEW['en'])}"
        return FlowGraph(plain.flow_id, title, plain.start, nodes, edges, labels.language)
    return _overview(graph)


def _overview(graph: FlowGraph) -> FlowGraph:
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


def to_dot(graph: FlowGraph, direction: str = "LR") -> str:
    """Graphviz DOT text: states clustered by tier, ids `state-<name>` for highlighting."""
    lines = [
        f"digraph {_dot_quote(graph.flow_id)} {{",
        f"  label={_dot_quote(graph.title)}; labelloc=t; fontname=Helvetica; fontsize=18;",
        f"  rankdir={direction}; nodesep=0.25; ranksep={0.6 if direction == 'LR' else 0.35}; compound=true;",
        "  node [fontname=Helvetica, fontsize=11, margin=\"0.12,0.05\"];",
        "  edge [fontname=Helvetica, fontsize=9, color=\"#555555\"];",
    ]
    for index, tier in enumerate(TIERS):
        members = [node for node in graph.nodes if node.tier == tier]
        if not members:
            continue
        lines.append(f"  subgraph cluster_{index}_{tier} {{")
        lines.append(f"    label={_dot_quote(TIER_TITLES_BY_LANGUAGE.get(graph.language, TIER_TITLES)[tier])}; style=filled; color=\"#bbbbbb\"; fillcolor=\"{_TIER_COLOURS[tier]}\";")
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


def render_svg(graph: FlowGraph, use_dot: bool = True, direction: str = "LR") -> str:
    """SVG of the flow: laid out by Graphviz when installed, else by the built-in layout."""
    program = dot_program() if use_dot else None
    if program is not None:
        try:
            result = subprocess.run([program, "-Tsvg"], input=to_dot(graph, direction), capture_output=True, text=True, timeout=60, check=True)
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


def _wrap(text: str, width: int = 26) -> str:
    """A label on lines of about `width` characters (boxes stay narrow)."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "\n".join(lines[:4]) + ("…" if len(lines) > 4 else "")


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
