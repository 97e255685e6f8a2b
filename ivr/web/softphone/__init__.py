"""The softphone room: rehearse calls at `/phone` in the browser, in the trainee's own world.

Every call here is a *rehearsal*: it runs through the same `CallService` and
engine as a phone call, but against the training case data and its
trainee's world (`ivr.web.rehearsals`), at its own simulated time kept in
the database.  Nothing is held in memory per call: any request of a
rehearsal rebuilds it from the store, so a restart in the middle of a call
goes on where it was, at the call's own time.

JSON API (signed-in trainees, trainers and admins; CSRF header on POSTs):

    POST /phone/api/calls                  {language, date, time, zone | clock, case, from, console} -> {call_id, turn}
    POST /phone/api/calls/<id>/input       {digits | speech | silence | hangup | supervisor | upset} -> turn
    GET  /phone/api/calls/<id>             where the call is now, to go on with it (after a page reload)
    GET  /phone/api/calls/<id>/transcript  JSON timeline; ?format=yaml downloads the replayable file
    GET  /phone/api/coverage               the signed-in trainee's checklist
    GET  /phone/api/cases                  the training cases a trainee can play the caller of
    GET  /phone/api/flow/pages             the diagram's pages; /phone/api/flow/<page>.svg one of them
    GET  /phone/api/flow.svg | flow.mmd | flow.json   the author's drawing (identifiers, guards, actions)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import secrets
from typing import Any, cast
from zoneinfo import ZoneInfo

from flask import Blueprint, Response, current_app, jsonify, render_template, request

from ivr.app import Runtime
from ivr.clock import check_instant, parse_instant
from ivr.core.agent import SEATS
from ivr.core.flow import Flow
from ivr.core.session import Session
from ivr.definitions.cases import CaseBook
from ivr.errors import ConfigError
from ivr.qa import transcript as transcripts
from ivr.trainers.labels import Labels, labels_for
from ivr.trainers.practice import CONSOLE_LISTEN_SECONDS, Listening, PracticeCall, Turn, case_card
from ivr.web import diagrams
from ivr.web.auth import signed_in_user
from ivr.web.call_access import call_route, rehearsal_caller, rehearsal_reader, standing
from ivr.web.checklists import checklist
from ivr.web.rehearsals import Rehearsal, RehearsalBook
from ivr.web.revealing import deep, revealer
from ivr.web.softphone.words import words as page_words
from ivr.web.softphone.words import zone_name
from ivr.web.timeline import effect_words, local_time, summarize, summary_rows, timeline

bp = Blueprint("softphone", __name__, template_folder="templates", static_folder="static",
               static_url_path="/phone/static")

CALL_PREFIX = "SP"
ENDED_ELSEWHERE = "(call ended)"  # the input of the turn that records a call the console's trainee ended
ROLES = ("trainee", "trainer", "admin")
ZONES = (
    ("America/New_York", "Eastern"),
    ("America/Chicago", "Central"),
    ("America/Denver", "Mountain"),
    ("America/Phoenix", "Arizona"),
    ("America/Los_Angeles", "Pacific"),
    ("America/Anchorage", "Alaska"),
    ("Pacific/Honolulu", "Hawaii"),
    ("America/Puerto_Rico", "Puerto Rico"),
    ("Pacific/Guam", "Guam"),
    ("UTC", "UTC"),
)
DEFAULT_ZONE = "America/New_York"


class _BadRequest(Exception):
    pass


@bp.errorhandler(_BadRequest)
def _bad_request(error: _BadRequest) -> tuple[Response, int]:
    return jsonify(error=str(error)), 400


def runtime() -> Runtime:
    return cast(Runtime, current_app.extensions["ivr"])


def book() -> RehearsalBook:
    return cast(RehearsalBook, current_app.extensions["rehearsals"])


def training_cases() -> CaseBook:
    return cast(CaseBook, current_app.extensions["training_cases"])


def _flow(flow_id: str | None = None) -> Flow:
    engine = runtime().engine
    return engine.flow(flow_id if flow_id in engine.flows else None).flow


def _reader_language() -> str:
    """The language the signed-in person reads the page in (their account's); the call has its own."""
    user = signed_in_user()
    return user.language if user else "en"


def _labels(flow: Flow) -> Labels:
    return labels_for(flow, _reader_language())


# --- the page -------------------------------------------------------------------------------


@bp.get("/phone")
def page() -> str:
    """The softphone page."""
    now = runtime().clock.now().astimezone(ZoneInfo(DEFAULT_ZONE))
    flow = _flow()
    language = _reader_language()
    return render_template(
        "softphone/page.html",
        t=dict(page_words(language)),
        zone_name=lambda name: zone_name(name, language),
        flow=flow,
        cases=_cases(language),
        date=now.date().isoformat(),
        time=now.strftime("%H:%M"),
        zones=ZONES,
        zone=DEFAULT_ZONE,
        frozen=runtime().clock.frozen is not None,
        resume=_call_under_way(),
    )


# --- calls ------------------------------------------------------------------------------------


@bp.post("/phone/api/calls")
def start_call() -> tuple[Response, int]:
    """Start a rehearsal in the signed-in trainee's world."""
    user = signed_in_user()
    assert user is not None
    body = _json()
    at = _start_instant(body)
    language = body.get("language") or None
    if language not in (None, "en", "es"):
        raise _BadRequest(f"language '{language}' (allowed: en, es, or empty to choose in the call)")
    receipt = str(body.get("case") or "").strip().upper()
    case = training_cases().get(receipt) if receipt else None
    if receipt and case is None:
        raise _BadRequest(f"no case '{receipt}' in the training case data")
    caller = str(body.get("from") or "").strip()[:20] or (case.phone if case else None)
    flow = _flow(str(body.get("flow") or "") or None)
    console = tuple(str(body.get("console") or "").split(",")) if body.get("console") else ()
    if not set(console) <= set(SEATS):
        raise _BadRequest(f"console: tiers to send to the agent console (allowed: {', '.join(SEATS)})")
    records = book()
    call_sid = CALL_PREFIX + secrets.token_hex(16)
    rehearsal = records.start(call_sid, user.username, flow.id, records.world(user.username), at, language,
                              case.receipt_number if case else None)
    call = _practice(rehearsal, caller=caller)
    call.console = console
    turn = call.start(at=at, language=language)
    return jsonify(call_id=call_sid, turn=_turn(rehearsal, call, turn)), 201


@bp.post("/phone/api/calls/<call_id>/input")
@call_route(rehearsal_caller)
def send_input(call_id: str) -> Response:
    """One caller input: {digits: "1"} | {speech: "..."} | {silence: true} | {hangup: true} | {supervisor: true} | {upset: true}."""
    rehearsal = _rehearsal()
    body = _json()
    call = _practice(rehearsal)
    if call.ended and not body.get("hangup"):
        raise _BadRequest("the call has ended; start a new one")
    if call.ended:  # ended from the other side (a trainee at the console): record it, say so
        return jsonify(_turn(rehearsal, call, dataclasses.replace(call.hang_up(), input=ENDED_ELSEWHERE)))
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
    return jsonify(_turn(rehearsal, call, turn))


@bp.get("/phone/api/calls/<call_id>")
@call_route(rehearsal_caller)
def current(call_id: str) -> Response:
    """Where the signed-in trainee's call is now (state, tier, what it listens for): the page goes on with it."""
    rehearsal = _rehearsal()
    call = _practice(rehearsal)
    session = call.session
    if session is None or call.ended:
        raise _BadRequest("the call has ended; start a new one")
    turn = Turn("(resumed)", (), session.state, session.tier, session.language, False, _listening(call.flow, session))
    seen = len(runtime().store.transcript(rehearsal.call_sid))  # entries already said: the console's stream goes on after them
    return jsonify(call_id=call_id, turn=_turn(rehearsal, call, turn), seen=seen)


@bp.get("/phone/api/calls/<call_id>/transcript")
@call_route(rehearsal_reader)
def transcript(call_id: str) -> Response:
    """The rehearsal's transcript: its timeline in plain words, or the replayable YAML file with ?format=yaml."""
    rehearsal = _rehearsal()
    stored = runtime().store.transcript(rehearsal.call_sid)
    recorded = transcripts.from_entries(stored)
    if not recorded:
        return Response('{"error": "no such call"}', 404, mimetype="application/json")
    if request.args.get("format") == "yaml":  # the replayable file, as stored (tokenised)
        return Response(
            transcripts.dumps(recorded[-1]),
            mimetype="application/yaml",
            headers={"Content-Disposition": f'attachment; filename="{transcripts.file_name(recorded[-1])}"'},
        )
    labels = _labels(_flow(rehearsal.flow_id))
    reveal = revealer().of_case(rehearsal.case_receipt)
    shown = transcripts.from_entries([deep(entry, reveal) for entry in stored])  # the receipts the trainee keyed
    return jsonify(call_id=call_id, timeline=[m.to_dict() for m in timeline(shown[-1], labels, runtime().engine.services.scripts)])


# --- coverage, cases, the diagram -------------------------------------------------------------------


@bp.get("/phone/api/coverage")
def coverage() -> Response:
    """The signed-in trainee's checklist (their assignment first, when a trainer gave one)."""
    user = signed_in_user()
    assert user is not None
    flow = _flow(request.args.get("flow"))
    return jsonify(checklist(book(), flow, _labels(flow), user.username).to_dict())


@bp.get("/phone/api/cases")
def cases() -> Response:
    """The training cases a trainee can play the caller of, with what that caller knows."""
    return jsonify(_cases(_reader_language()))


bp.add_url_rule("/phone/api/flow/pages", "flow_pages", diagrams.pages_view)
bp.add_url_rule("/phone/api/flow/<page_id>.svg", "flow_page", diagrams.page_view)
bp.add_url_rule("/phone/api/flow.svg", "flow_svg", diagrams.author_svg)
bp.add_url_rule("/phone/api/flow.mmd", "flow_mermaid", diagrams.author_mermaid)
bp.add_url_rule("/phone/api/flow.json", "flow_json", diagrams.author_json)


# --- helpers -----------------------------------------------------------------------------------------------


def _json() -> dict[str, Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise _BadRequest("send a JSON object")
    return body


def _start_instant(body: dict[str, Any]) -> dt.datetime:
    """The simulated start: date, time and time zone from the pickers (or an ISO `clock`), else the app's now."""
    if body.get("clock"):
        try:
            return parse_instant(str(body["clock"]), "clock")
        except ConfigError as exc:
            raise _BadRequest(str(exc)) from None
    date, time = str(body.get("date") or "").strip(), str(body.get("time") or "").strip()
    zone = str(body.get("zone") or DEFAULT_ZONE)
    if zone not in dict(ZONES):
        raise _BadRequest(f"time zone '{zone[:40]}' (allowed: {', '.join(name for name, _ in ZONES)})")
    if not date and not time:
        return runtime().clock.now()
    try:
        day = dt.date.fromisoformat(date) if date else runtime().clock.now().astimezone(ZoneInfo(zone)).date()
        clock = dt.time.fromisoformat(time) if time else dt.time(10, 0)
    except ValueError:
        raise _BadRequest(f"'{date} {time}' is not a date (YYYY-MM-DD) and a time (HH:MM)") from None
    try:
        return check_instant(dt.datetime.combine(day, clock, ZoneInfo(zone)), f"{date} {time}".strip(), "date")
    except ConfigError as exc:
        raise _BadRequest(str(exc)) from None


def _cases(language: str) -> list[dict[str, Any]]:
    return [
        {"receipt": case.receipt_number, "name": case.applicant_name or "", "form": case.form, "card": case_card(case, language)}
        for case in training_cases()
    ]


def _rehearsal() -> Rehearsal:
    """The rehearsal the route's call id names (`call_route` let the signed-in person in: it exists)."""
    found = standing().rehearsal
    assert found is not None
    return found


def _call_under_way() -> dict[str, str] | None:
    """The signed-in person's latest rehearsal if it is still under way (the page offers to go back to it), else None."""
    user = signed_in_user()
    latest = book().list(user.username, limit=1) if user is not None else []
    if not latest or latest[0].ended:
        return None
    session = runtime().store.session(latest[0].call_sid)
    if session is None or session.ended:
        return None
    return {"call_sid": latest[0].call_sid, "started": local_time(latest[0].real_start)}


def _listening(flow: Flow, session: Session) -> Listening | None:
    """What the call waits for in its current state, as its last `<Gather>` said (menus and read-backs: one key)."""
    if session.console.get("status") in ("waiting", "connected"):
        return Listening("dtmf speech", None, None, CONSOLE_LISTEN_SECONDS)  # the caller talks to the console's trainee
    base = session.state.removesuffix(".confirm")
    state = flow.states.get(base)
    if state is None:
        return None
    if base != session.state:
        return Listening("dtmf speech", 1, "", state.timeout)
    if state.kind == "menu":
        return Listening(state.input, 1, "", state.timeout)
    if state.kind == "collect":
        return Listening(state.input, state.num_digits, state.finish_on_key, state.timeout)
    return None


def _practice(rehearsal: Rehearsal, caller: str | None = None) -> PracticeCall:
    """The rehearsal as a `PracticeCall`, rebuilt from the store (after a restart too), on its own clock."""
    service = runtime().calls
    return PracticeCall(
        service, channel="softphone", caller=caller, flow_id=rehearsal.flow_id, call_sid=rehearsal.call_sid,
        session=runtime().store.session(rehearsal.call_sid), world=rehearsal.world, reader=_reader_language(),
    )


def _turn(rehearsal: Rehearsal, call: PracticeCall, turn: Turn) -> dict[str, Any]:
    payload = turn.to_dict()
    session = call.session
    labels = _labels(call.flow)
    payload["label"] = labels.state(turn.state)
    payload["tier_label"] = labels.tier(turn.tier)
    if turn.effects and labels.language != "en":  # what the call changed, in the reader's words (as its summary says it)
        payload["effects"] = [effect_words(change, labels) for change in call.changes[-len(turn.effects):]]
    payload["page"] = diagrams.page_id_of(call.flow, labels, turn.state)
    payload["path"] = list(session.path) if session else []
    if turn.ended and session is not None:
        entries = runtime().store.transcript(call.call_sid)
        summary = summarize(call.flow, session, entries)
        book().finish(call.call_sid, summary)  # recorded once (as stored: tokenised); hanging up again changes nothing
        reveal = revealer().of_case(rehearsal.case_receipt)  # the case rehearsed, not its token
        payload["summary"] = [list(row) for row in summary_rows(deep(summary, reveal), labels, runtime().engine.services.scripts)]
        payload["rehearsed"] = summary["branches"]  # ids: the page marks these checklist items as new
    return payload
