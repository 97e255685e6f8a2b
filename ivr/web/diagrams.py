"""The flow diagrams of the web rooms: one readable page per topic, the overview, the author's view.

Drawn once per flow version, language and page (Graphviz takes a moment),
then served from memory; the number of drawings is bounded by the flow, not
by the calls.  The trainer's pages use plain labels and leave out silent
steps and guard names (`ivr.trainers.graph`); `author` is the full drawing
with state names, guards and actions.
"""

from __future__ import annotations

import re
import threading
from typing import cast

from flask import Response, current_app, jsonify, request

from ivr.app import Runtime
from ivr.core.flow import Flow
from ivr.trainers import graph as graphs
from ivr.trainers.labels import Labels, labels_for
from ivr.web.auth import signed_in_user

OVERVIEW = "overview"
AUTHOR = "author"
# Past this many points wide (or high), a page is laid out top to bottom instead (a laptop is ~1000 x 520 pt).
_FIT = (1000, 520)
_SIZE = re.compile(r'width="(\d+)pt" height="(\d+)pt"')

_drawings: dict[tuple[str, str, str], str] = {}
_layouts: dict[tuple[str, str], tuple[graphs.FlowGraph, list[graphs.Page]]] = {}
_lock = threading.Lock()


def _flow(flow_id: str | None = None) -> Flow:
    engine = cast(Runtime, current_app.extensions["ivr"]).engine
    return engine.flow(flow_id if flow_id in engine.flows else None).flow


def _labels(flow: Flow) -> Labels:
    user = signed_in_user()
    language = request.args.get("lang") or (user.language if user else "en")
    return labels_for(flow, language)


def plain_graph(flow: Flow, labels: Labels) -> tuple[graphs.FlowGraph, list[graphs.Page]]:
    """The trainer's graph of the flow (no silent steps) and its pages, built once per version and language."""
    key = (f"{flow.id}@{flow.content_hash}", labels.language)
    found = _layouts.get(key)
    if found is None:
        graph = graphs.without_steps(graphs.flow_graph(flow, labels))
        found = (graph, graphs.pages(graph))
        with _lock:
            _layouts[key] = found
    return found


def page_id_of(flow: Flow, labels: Labels, state: str) -> str | None:
    """The page a state is drawn on (None for a silent step)."""
    graph, pages = plain_graph(flow, labels)
    page = graphs.page_of(pages, state)
    return page.id if page else None


def drawing(flow: Flow, labels: Labels, page_id: str) -> str | None:
    """The SVG of one page (`overview`, `author`, or a topic page id), drawn once."""
    key = (f"{flow.id}@{flow.content_hash}", labels.language, page_id)
    found = _drawings.get(key)
    if found is not None:
        return found
    graph, pages = plain_graph(flow, labels)
    if page_id == OVERVIEW:
        svg = graphs.render_svg(graphs.overview(graph, labels))
    elif page_id == AUTHOR:
        svg = graphs.render_svg(graphs.flow_graph(flow))
    else:
        page = next((p for p in pages if p.id == page_id), None)
        if page is None:
            return None
        svg = _fitting(graphs.page_graph(graph, page, labels, pages))
    with _lock:
        _drawings[key] = svg
    return svg


def _fitting(graph: graphs.FlowGraph) -> str:
    """The layout (left to right, or top to bottom) that needs the least shrinking to fit a laptop screen."""
    best: tuple[float, str] | None = None
    for direction in ("LR", "TB"):
        svg = graphs.render_svg(graph, direction=direction)
        size = _SIZE.search(svg)
        scale = min(1.0, _FIT[0] / int(size.group(1)), _FIT[1] / int(size.group(2))) if size else 1.0
        if best is None or scale > best[0]:
            best = (scale, svg)
        if scale >= 1.0:
            break
    assert best is not None
    return best[1]


def pages_view() -> Response:
    """The diagram's pages: [{id, title, states}] plus the overview and (for authors) the full drawing."""
    flow = _flow(request.args.get("flow"))
    labels = _labels(flow)
    _, pages = plain_graph(flow, labels)
    return jsonify(
        flow=flow.id,
        pages=[{"id": p.id, "title": graphs.page_title(p, labels), "states": list(p.states)} for p in pages],
        overview=OVERVIEW,
        author=AUTHOR,
    )


def page_view(page_id: str) -> Response:
    """One page of the diagram as SVG."""
    flow = _flow(request.args.get("flow"))
    svg = drawing(flow, _labels(flow), page_id)
    if svg is None:
        return Response('{"error": "no such page"}', 404, mimetype="application/json")
    return Response(svg, mimetype="image/svg+xml")


def author_svg() -> Response:
    """The author's drawing (state names, guards, actions); ?overview=1: one box per topic."""
    flow = _flow(request.args.get("flow"))
    page = OVERVIEW if request.args.get("overview") in ("1", "true", "yes") else AUTHOR
    svg = drawing(flow, labels_for(flow, "en"), page) if page == AUTHOR else graphs.render_svg(graphs.overview(graphs.flow_graph(flow)))
    return Response(svg or "", mimetype="image/svg+xml")


def author_mermaid() -> Response:
    """The author's drawing as Mermaid text."""
    return Response(graphs.to_mermaid(graphs.flow_graph(_flow(request.args.get("flow")))), mimetype="text/plain")


def author_json() -> Response:
    """The author's graph as JSON."""
    return jsonify(graphs.flow_graph(_flow(request.args.get("flow"))).to_dict())
