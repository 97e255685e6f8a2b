"""Step through a recorded call (`/calls/<call_sid>/step`): prompt by prompt, on the flow diagram.

For QA reviewing a failure and for trainers showing a call to a class (issue
15.5).  One page per call: each step of the transcript as stored (a redacted
call stays redacted) in plain words, from the same timeline the QA and
trainer rooms show (`ivr.web.timeline`), with the topic page of the flow
diagram each step is on (`ivr.web.diagrams`) and the box of its state to
highlight.  The steps travel in the page as JSON data; `static/stepper.js`
moves between them (buttons, slider, arrow keys).

Who may open which call is the rule every room shares (`ivr.web.call_access`):
a phone-line call is QA's alone (as in `/qa/calls`); a rehearsal is its
trainee's, and every trainer's and administrator's (as in `/trainer`).  Anyone
else gets 404, as for a call that does not exist.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from flask import Blueprint, abort, current_app, render_template, url_for
from werkzeug.wrappers import Response as BaseResponse

from ivr.app import Runtime
from ivr.core.flow import Flow
from ivr.definitions.scripts import ScriptLibrary
from ivr.qa import transcript as transcripts
from ivr.qa.transcript import Transcript
from ivr.trainers import graph as graphs
from ivr.trainers.labels import Labels, labels_for
from ivr.web import diagrams
from ivr.web.accounts import User
from ivr.web.auth import signed_in_user
from ivr.web.call_access import call_route, standing, step_reader
from ivr.web.revealing import deep, revealer
from ivr.web.timeline import timeline

bp = Blueprint("stepper", __name__, template_folder="templates", static_folder="static",
               static_url_path="/calls/static")
ROLES = ("qa", "trainer", "trainee", "admin")
PHONE = "phone"
REHEARSAL_READERS = ("trainer", "admin")


@dataclass(frozen=True)
class Step:
    """One step of the call for the page: the timeline's words, and where it is drawn."""

    number: int
    moment: dict[str, Any]
    state: str
    page: str | None  # the diagram page the state is drawn on (None: a silent step, not drawn)
    node: str | None  # the id of the state's box on that page

    def to_dict(self) -> dict[str, Any]:
        words = {key: self.moment[key] for key in ("at", "did", "heard", "heard_in", "where", "tier", "notes")}
        return {"n": self.number, **words, "state": self.state, "page": self.page, "node": self.node}


def _runtime() -> Runtime:
    return cast(Runtime, current_app.extensions["ivr"])


@bp.get("/calls/<call_sid>/step")
@call_route(step_reader)
def step_through(call_sid: str) -> str | BaseResponse:
    """The call, step by step, with its state highlighted on the flow diagram."""
    user = signed_in_user()
    assert user is not None  # the room's gate signed them in
    stored = _runtime().store.transcript(call_sid)
    recorded = transcripts.from_entries(stored)
    if not recorded:
        abort(404)
    rehearsal = standing().rehearsal
    if rehearsal is not None:  # shown as its trainee keyed it (ivr.web.revealing); a phone call as stored
        recorded = transcripts.from_entries([deep(entry, revealer().of_case(rehearsal.case_receipt)) for entry in stored])
    found = recorded[-1]
    flow = _flow(found.flow_id)
    labels = labels_for(flow, user.language)
    steps = steps_of(found, flow, labels, _runtime().engine.services.scripts)
    _, pages = diagrams.plain_graph(flow, labels)
    titles = {page.id: graphs.page_title(page, labels) for page in pages}
    shown = list(dict.fromkeys(step.page for step in steps if step.page is not None))
    drawings = [(page_id, titles.get(page_id, page_id), diagrams.drawing(flow, labels, page_id) or "") for page_id in shown]
    return render_template("stepper/step.html", transcript=found, steps=[s.to_dict() for s in steps],
                           drawings=drawings, back=_back(user, call_sid), first=steps[0].to_dict() if steps else None)


def steps_of(transcript: Transcript, flow: Flow, labels: Labels, scripts: ScriptLibrary | None = None) -> list[Step]:
    """Every recorded step in words (scripts heard by their titles), with the diagram page and box of the state it ended in."""
    steps = []
    for number, moment in enumerate(timeline(transcript, labels, scripts), start=1):
        state = str(moment.author.get("state", ""))
        page = diagrams.page_id_of(flow, labels, state)
        node = _node(flow, labels, page, state) if page is not None else None
        steps.append(Step(number, moment.to_dict(), state, page, node))
    return steps


def _node(flow: Flow, labels: Labels, page_id: str, state: str) -> str | None:
    """The id of the box standing for `state` on the page (its own, or its menu's for a confirmation)."""
    svg = diagrams.drawing(flow, labels, page_id) or ""
    base = state.removesuffix(".confirm")
    for name in (base, base.split(".")[0]):
        candidate = graphs.node_id(name)
        if f'id="{candidate}"' in svg or f'id="{candidate.replace("-", "&#45;")}"' in svg:  # Graphviz writes - as &#45;
            return candidate
    return None


def _back(user: User, call_sid: str) -> tuple[str, str]:
    """The page to go back to: the rehearsal (trainers), the softphone (its trainee), the phone call (QA)."""
    if standing().rehearsal is None:
        return "The phone call", url_for("phone_calls.call", call_sid=call_sid)
    if user.has_role(*REHEARSAL_READERS):
        return "The rehearsal", url_for("dashboard.rehearsal", call_sid=call_sid)
    return "Softphone", url_for("softphone.page")


def _flow(flow_id: str | None) -> Flow:
    engine = _runtime().engine
    return engine.flow(flow_id if flow_id in engine.flows else None).flow
