"""The browser softphone (Flask blueprint): rehearse calls at `/phone` without a phone line.

Registered by `create_app` only when `SOFTPHONE` is on (`ivr serve`, `make
run`); off by default where the app serves real Twilio traffic.  The page
(`templates/softphone.html`, `static/softphone.js`) is a keypad, call and
hang-up buttons, the prompts as text (spoken by the browser's speech
synthesis unless muted), the flow diagram with the current state
highlighted, the transcript and the trainee's coverage checklist.

JSON API, every call going through `PracticeCall` and the same `CallService`
and engine as phone calls:

    POST /phone/api/calls                  {language, clock, case, from, trainee, console} -> {call_id, turn}
    POST /phone/api/calls/<id>/input       {digits | speech | silence | hangup | supervisor | upset} -> turn
    GET  /phone/api/calls/<id>/transcript  JSON; ?format=yaml downloads the replayable file
    GET  /phone/api/flow.svg | flow.mmd | flow.json
    GET  /phone/api/coverage?trainee=NAME
    GET  /phone/api/cases
"""

from __future__ import annotations

import secrets
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request
from flask.blueprints import BlueprintSetupState

from ivr.app import Runtime
from ivr.clock import parse_instant
from ivr.core.agent import SEATS
from ivr.core.flow import Flow
from ivr.errors import ConfigError
from ivr.qa import transcript as transcripts
from ivr.trainers import graph as graphs
from ivr.trainers.coverage import CoverageLog, trainee_name
from ivr.trainers.practice import PracticeCall, Turn, case_card

bp = Blueprint("softphone", __name__, template_folder="templates", static_folder="static", static_url_path="/phone/static")

CALL_PREFIX = "SP"
MAX_CALLS = 200  # practice calls kept in memory; the oldest finished ones go first
COVERAGE_FILE = "coverage.json"


@dataclass
class _ActiveCall:
    call: PracticeCall
    trainee: str
    lock: threading.Lock = field(default_factory=threading.Lock)
    counted: bool = False


@dataclass
class Softphone:
    """The softphone's in-process state: the practice calls under way and the drawn flows."""

    calls: OrderedDict[str, _ActiveCall] = field(default_factory=OrderedDict)
    drawings: dict[tuple[str, str, bool], str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, active: _ActiveCall) -> None:
        with self.lock:
            self.calls[active.call.call_sid] = active
            while len(self.calls) > MAX_CALLS:
                oldest = next((sid for sid, a in self.calls.items() if a.call.ended), next(iter(self.calls)))
                del self.calls[oldest]


@bp.record_once
def _setup(state: BlueprintSetupState) -> None:
    state.app.extensions["softphone"] = Softphone()


def _runtime() -> Runtime:
    return current_app.extensions["ivr"]  # type: ignore[no-any-return]


def _softphone() -> Softphone:
    return current_app.extensions["softphone"]  # type: ignore[no-any-return]


def _coverage() -> CoverageLog:
    return CoverageLog(Path(current_app.instance_path) / COVERAGE_FILE)


def _flow(flow_id: str | None = None) -> Flow:
    engine = _runtime().engine
    return engine.flow(flow_id if flow_id in engine.flows else None).flow


class _BadRequest(Exception):
    pass


@bp.errorhandler(_BadRequest)
def _bad_request(error: _BadRequest) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


# --- the page -------------------------------------------------------------------------


@bp.get("/phone")
def page() -> str:
    """The softphone page."""
    runtime = _runtime()
    return render_template(
        "softphone.html",
        flow=_flow(),
        cases=_cases(),
        clock=runtime.calls.now().isoformat(timespec="seconds"),
        frozen=runtime.clock.frozen is not None,
        graphviz=graphs.dot_program() is not None,
    )


# --- calls --------------------------------------------------------------------------------


@bp.post("/phone/api/calls")
def start_call() -> tuple[Response, int]:
    """Start a practice call: {language, clock, case, from, trainee, flow}."""
    body = _json()
    runtime = _runtime()
    at = None
    if body.get("clock"):
        try:
            at = parse_instant(str(body["clock"]), "clock")
        except ConfigError as exc:
            raise _BadRequest(str(exc)) from None
    language = body.get("language") or None
    if language not in (None, "en", "es"):
        raise _BadRequest(f"language '{language}' (allowed: en, es, or empty to choose in the call)")
    receipt = str(body.get("case") or "").strip().upper()
    case = runtime.cases.get(receipt) if receipt else None
    if receipt and case is None:
        raise _BadRequest(f"no case '{receipt}' in the case data")
    try:
        trainee = trainee_name(str(body.get("trainee") or ""))
    except ValueError as exc:
        raise _BadRequest(str(exc)) from None
    caller = str(body.get("from") or "").strip()[:20] or (case.phone if case else None)
    flow_id = _flow(str(body.get("flow") or "") or None).id
    console = tuple(str(body.get("console") or "").split(",")) if body.get("console") else ()
    if not set(console) <= set(SEATS):
        raise _BadRequest(f"console: tiers to send to the agent console (allowed: {', '.join(SEATS)})")
    call = PracticeCall(runtime.calls, channel="softphone", caller=caller, flow_id=flow_id,
                        call_sid=CALL_PREFIX + secrets.token_hex(16), console=console)
    active = _ActiveCall(call, trainee)
    _softphone().add(active)
    with active.lock:
        turn = call.start(at=at, language=language)
        payload = _turn(active, turn)
    return jsonify(call_id=call.call_sid, turn=payload), 201


@bp.post("/phone/api/calls/<call_id>/input")
def send_input(call_id: str) -> Response:
    """One caller input: {digits: "1"} | {speech: "..."} | {silence: true} | {hangup: true} | {supervisor: true} | {upset: true}."""
    active = _active(call_id)
    body = _json()
    call = active.call
    with active.lock:
        if call.ended and not body.get("hangup"):
            raise _BadRequest("the call has ended; start a new one")
        if body.get("digits") not in (None, ""):
            digits = str(body["digits"])
            if not all(ch in "0123456789*#" for ch in digits):
                raise _BadRequest("digits are 0-9, * and #")
            turn = call.press(digits)
        elif str(body.get("speech") or "").strip():
            turn = call.say(str(body["speech"]))
        elif body.get("silence"):
            turn = call.silence()
        elif body.get("hangup"):
            turn = call.hang_up()
        elif body.get("supervisor"):
            turn = call.ask_supervisor()
        elif body.get("upset"):
            turn = call.sound_upset()
        else:
            raise _BadRequest("send one of digits, speech, silence, hangup, supervisor, upset")
        return jsonify(_turn(active, turn))


@bp.get("/phone/api/calls/<call_id>/transcript")
def transcript(call_id: str) -> Response:
    """The call's transcript: JSON, or the replayable YAML file with ?format=yaml."""
    if not call_id.startswith(CALL_PREFIX) or len(call_id) > 64:
        raise _BadRequest("not a softphone call")
    recorded = transcripts.from_entries(_runtime().store.transcript(call_id))
    if not recorded or recorded[-1].channel != "softphone":
        return Response('{"error": "no such call"}', 404, mimetype="application/json")
    if request.args.get("format") == "yaml":
        return Response(
            transcripts.dumps(recorded[-1]),
            mimetype="application/yaml",
            headers={"Content-Disposition": f'attachment; filename="{transcripts.file_name(recorded[-1])}"'},
        )
    return jsonify(call_id=call_id, transcript=transcripts.to_data(recorded[-1]))


# --- the flow and coverage ----------------------------------------------------------------------


@bp.get("/phone/api/flow.svg")
def flow_svg() -> Response:
    """The flow drawn as SVG (?overview=1: one box per topic)."""
    flow = _flow(request.args.get("flow"))
    return Response(_drawing(flow, "svg", _overview()), mimetype="image/svg+xml")


@bp.get("/phone/api/flow.mmd")
def flow_mermaid() -> Response:
    flow = _flow(request.args.get("flow"))
    return Response(_drawing(flow, "mmd", _overview()), mimetype="text/plain")


@bp.get("/phone/api/flow.json")
def flow_json() -> Response:
    graph = graphs.flow_graph(_flow(request.args.get("flow")))
    return jsonify((graphs.overview(graph) if _overview() else graph).to_dict())


@bp.get("/phone/api/coverage")
def coverage() -> Response:
    try:
        trainee = trainee_name(request.args.get("trainee"))
    except ValueError as exc:
        raise _BadRequest(str(exc)) from None
    return jsonify(_coverage().checklist(trainee, _flow(request.args.get("flow"))).to_dict())


@bp.get("/phone/api/cases")
def cases() -> Response:
    """The demo cases a trainee can play the caller of, with what that caller knows."""
    return jsonify(_cases())


# --- helpers -----------------------------------------------------------------------------------------


def _json() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise _BadRequest("send a JSON object")
    return body


def _cases() -> list[dict[str, Any]]:
    return [
        {"receipt": case.receipt_number, "name": case.applicant_name or "", "form": case.form, "card": case_card(case)}
        for case in _runtime().cases
    ]


def _active(call_id: str) -> _ActiveCall:
    active = _softphone().calls.get(call_id)
    if active is None:
        raise _BadRequest("no such call under way (the server may have restarted): start a new one")
    return active


def _turn(active: _ActiveCall, turn: Turn) -> dict[str, Any]:
    call = active.call
    payload = turn.to_dict()
    session = call.session
    payload["path"] = list(session.path) if session else []
    if turn.ended and not active.counted and session is not None:
        active.counted = True
        payload["rehearsed"] = sorted(_coverage().record(active.trainee, call.flow, _runtime().store.transcript(call.call_sid)))
        payload["summary"] = {
            "path": list(session.path),
            "tier_changes": [
                {"from": c.from_tier, "to": c.to_tier, "reason": c.reason, "state": c.state} for c in session.tier_changes
            ],
            "service_requests": list(session.service_requests),
            "scripts_heard": list(session.scripts_heard),
            "changes": [effect for past in call.turns for effect in past.effects],
        }
    return payload


def _overview() -> bool:
    return request.args.get("overview", "") in ("1", "true", "yes")


def _drawing(flow: Flow, kind: str, overview: bool) -> str:
    """The flow drawn once per flow version, kind and detail (Graphviz takes a moment on a big flow)."""
    softphone = _softphone()
    key = (f"{flow.id}@{flow.content_hash}", kind, overview)
    drawing = softphone.drawings.get(key)
    if drawing is None:
        graph = graphs.flow_graph(flow)
        if overview:
            graph = graphs.overview(graph)
        drawing = graphs.render_svg(graph) if kind == "svg" else graphs.to_mermaid(graph)
        softphone.drawings[key] = drawing
    return drawing

