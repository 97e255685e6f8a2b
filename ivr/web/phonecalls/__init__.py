"""QA's view of the phone line (`/qa/calls`): the live line's calls and their transcripts.

For QA accounts only: a trainer or trainee never sees a phone caller's call.
Transcripts are shown as stored (redacted where the store keeps them
redacted), as the same plain-words timeline a trainer sees for rehearsals.
Only calls that came in on the phone line are listed or opened here.
"""

from __future__ import annotations

from typing import cast

from flask import Blueprint, abort, current_app, render_template, request

from ivr.app import Runtime
from ivr.qa import transcript as transcripts
from ivr.trainers.labels import labels_for
from ivr.web.auth import signed_in_user
from ivr.web.call_access import call_route, phone_reader
from ivr.web.timeline import timeline

bp = Blueprint("phone_calls", __name__, template_folder="templates")
ROLES = ("qa",)
PHONE = "phone"
PAGE = 100


def _runtime() -> Runtime:
    return cast(Runtime, current_app.extensions["ivr"])


@bp.get("/qa/calls")
def index() -> str:
    """The phone line's latest calls."""
    try:
        limit = max(1, min(1000, int(request.args.get("limit", PAGE))))
    except ValueError:
        limit = PAGE
    calls = _runtime().store.calls(limit, channel=PHONE)  # rehearsals, however many, never push them off the list
    engine = _runtime().engine
    user = signed_in_user()
    language = user.language if user else "en"
    rows = []
    for call in calls:
        flow = engine.flows.get(call.flow_id)
        labels = labels_for(flow.flow, language) if flow is not None else None
        where = labels.state(call.state) if labels is not None else call.state
        rows.append({"call": call, "where": where, "tier": labels.tier(call.tier) if labels is not None else call.tier})
    return render_template("phonecalls/index.html", rows=rows, limit=limit)


@bp.get("/qa/calls/<call_sid>")
@call_route(phone_reader)
def call(call_sid: str) -> str:
    """One phone call's transcript as stored, as a timeline."""
    runtime = _runtime()
    recorded = transcripts.from_entries(runtime.store.transcript(call_sid))
    if not recorded or recorded[-1].channel != PHONE:
        abort(404)
    found = recorded[-1]
    flow = runtime.engine.flows.get(found.flow_id)
    user = signed_in_user()
    labels = labels_for(flow.flow if flow else runtime.engine.flow(None).flow, user.language if user else "en")
    return render_template("phonecalls/call.html", transcript=found, moments=timeline(found, labels, runtime.engine.services.scripts))
