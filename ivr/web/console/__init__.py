"""The agent console room (`/console`): trainees answer calls as Tier 1, Tier 2 or a supervisor.

A thin shell over `ivr.console.service.ConsoleService`: the page
(`templates/console.html`, `static/console.js`) and a JSON API.  Every action
goes to the engine as an agent event; a seat may do only what seed 003 gives
it (the engine refuses the rest, and this shell answers 409 with the reason).

    GET  /console                                  the page: seat, queue, hand-off, actions, score card
                                                   (and the call the trainee holds, reopened after a reload)
    GET  /console/api/queue?seat=tier1             calls waiting for the seat
    GET  /console/api/queue/events?seat=tier1      server-sent events: the queue changed
    GET  /console/api/scenarios                    scenarios a trainee can be called with
    POST /console/api/scenarios/<id>/calls         ring a scenario's simulated caller -> {call_id}
    GET  /console/api/calls/<id>                   hand-off, timeline, scripts in force, allowed actions, card
    POST /console/api/calls/<id>/actions           {action, …arguments} -> what the call said
    GET  /console/api/calls/<id>/events?since=N    server-sent events: what the call said since entry N
    GET  /console/api/cards[?trainee=NAME]         score cards (a trainee's own; trainers see anyone's)
    GET  /console/scores, /console/scores.csv      trainers: the class's results, page and CSV

Server-sent events poll the database (every `POLL_SECONDS`), not an
in-process channel, so they work with several gunicorn workers: an action
served by one worker reaches a page streamed by another within a second.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import time
from collections.abc import Callable, Iterator
from typing import Any

from flask import Blueprint, Response, current_app, jsonify, render_template, request, stream_with_context
from flask.blueprints import BlueprintSetupState

from ivr.console.service import ConsoleError, ConsoleService, build_console
from ivr.core.agent import ACTIONS, SEAT_ACTIONS, SEAT_LABELS, SEATS, SUPERVISOR_REASONS
from ivr.core.flow import TIER_CHANGE_REASONS
from ivr.rules.biometrics import GOOD_CAUSES
from ivr.rules.service_requests import SR_TYPES, topic
from ivr.web.auth import accounts, signed_in_user
from ivr.web.call_access import call_route, console_actor, console_reader, standing
from ivr.web.revealing import Reveal, deep, revealer

bp = Blueprint("console", __name__, template_folder="templates", static_folder="static", static_url_path="/console/static")

POLL_SECONDS = 0.25
STREAM_SECONDS = 600  # a stream ends after this; the browser's EventSource reconnects by itself
HEARTBEAT_SECONDS = 15
SIGNED_IN_EVERY = 4  # polls: a held stream checks its session is still valid about once a second
RETRY_MS = 500  # without threads: the browser asks again this soon (what is new reaches the page within a second)
TRAINERS = ("trainer", "admin")


@bp.record_once
def _setup(state: BlueprintSetupState) -> None:
    state.app.extensions["console"] = build_console(state.app.extensions["ivr"])


def _console() -> ConsoleService:
    return current_app.extensions["console"]  # type: ignore[no-any-return]


def _me() -> str:
    user = signed_in_user()
    return user.username if user is not None else ""


def _error(message: str, status: int) -> tuple[Response, int]:
    return jsonify(error=message), status


@bp.errorhandler(ConsoleError)
def _console_error(error: ConsoleError) -> tuple[Response, int]:
    return _error(str(error), 404 if str(error).startswith("no ") else 400)


# --- the page ------------------------------------------------------------------------------


@bp.get("/console")
def page() -> str:
    """The console page (reopening the call the trainee holds, after a reload or in a second tab)."""
    held = _console().records.held_by(_me())
    return render_template(
        "console.html",
        held=held[0] if held else None,
        seats=[(seat, SEAT_LABELS[seat]) for seat in SEATS],
        scenarios=sorted(_console().scenarios.values(), key=lambda s: (SEATS.index(s.seat), s.title)),
        sr_types=[(sr_type, topic(sr_type, "en")) for sr_type in SR_TYPES],
        reasons=[(reason, TIER_CHANGE_REASONS[reason]) for reason in SUPERVISOR_REASONS],
        causes=[(cause.code, cause.en) for cause in GOOD_CAUSES],
    )


# --- the queue -----------------------------------------------------------------------------


def _seat() -> str:
    seat = request.args.get("seat", "")
    if seat not in SEATS:
        raise ConsoleError(f"seat '{seat[:20]}' (allowed: {', '.join(SEATS)})")
    return seat


@bp.get("/console/api/queue")
def queue() -> Response:
    """The calls waiting for a seat, longest waiting first."""
    waiting = _console().waiting(_seat(), _me())
    return jsonify(waiting=[w.__dict__ for w in waiting])


@bp.get("/console/api/queue/events")
def queue_events() -> Response:
    """Server-sent events: `queue` with the waiting calls whenever they change."""
    return _sse(_polled(queue_news(_console(), _seat(), request.headers.get("Last-Event-ID"), _me())))


def queue_news(console: ConsoleService, seat: str, seen: str | None = None, agent: str | None = None) -> Callable[[], str | None]:
    """The queue stream's poll: an event when the calls waiting for `seat` changed, else None.

    Any call's step anywhere moves the database's counters; only a change of this
    seat's waiting calls is news (re-sending the same list would redraw the page's
    queue, taking a keyboard user's focus off its Accept button and making a screen
    reader announce the queue again).  Each event's id is a digest of the list, so a
    browser reconnecting with `Last-Event-ID` (`seen`) is sent the queue only if it changed.
    """
    last_version: Any = None
    last_sent: str | None = seen

    def news() -> str | None:
        nonlocal last_version, last_sent
        version = console.records.queue_version()
        if version == last_version:
            return None
        last_version = version
        data = json.dumps({"waiting": [w.__dict__ for w in console.waiting(seat, agent)]})
        digest = hashlib.sha256(data.encode()).hexdigest()[:16]
        if digest == last_sent:
            return None
        last_sent = digest
        return f"event: queue\nid: {digest}\ndata: {data}\n\n"

    return news


# --- scenarios -----------------------------------------------------------------------------


@bp.get("/console/api/scenarios")
def scenarios() -> Response:
    return jsonify(scenarios=[
        {"id": s.id, "title": s.title, "seat": s.seat, "language": s.persona.language}
        for s in sorted(_console().scenarios.values(), key=lambda s: s.id)
    ])


@bp.post("/console/api/scenarios/<scenario_id>/calls")
def start_scenario(scenario_id: str) -> tuple[Response, int]:
    """Ring a scenario's simulated caller for the signed-in trainee: it waits in their queue at the scenario's seat."""
    call_sid = _console().start_scenario(scenario_id[:120], trainee=_me())
    return jsonify(call_id=call_sid), 201


# --- one call ------------------------------------------------------------------------------


@bp.get("/console/api/calls/<call_id>")
@call_route(console_reader)
def call(call_id: str) -> Response:
    """Everything the seat shows for a call: hand-off, timeline, scripts, allowed actions, the card."""
    console = _console()
    reveal = _reveal()
    panel = console.handoff(call_id[:64])
    panel["entered"] = deep(panel["entered"], reveal)
    seat = panel["tier"]
    me = _me()
    cards = [card for card in console.records.cards(trainee=me, call_sid=call_id[:64]) if card.get("seat") == seat]
    if not cards and panel["agent"] == me and (panel["status"] == "done" or panel["ended"]):
        cards = [console.finish(call_id[:64], me, seat).to_dict()]  # the caller hung up on the seat
    allowed = sorted(SEAT_ACTIONS.get(seat, ())) if panel["agent"] == me and panel["status"] == "connected" else []
    scenario = panel.get("scenario")
    model = [_model_step(step) for step in console.model(scenario["id"])] if cards and scenario else []
    return jsonify(
        model=model,
        handoff=panel,
        timeline=deep(console.timeline(call_id[:64]), reveal),
        scripts=console.scripts(call_id[:64]) if seat == "tier1" else [],
        allowed=allowed,
        labels={name: ACTIONS[name].label for name in allowed},
        card=cards[0] if cards else None,
        mine=panel["agent"] == me,
    )


@bp.post("/console/api/calls/<call_id>/actions")
@call_route(console_actor)
def act(call_id: str) -> tuple[Response, int]:
    """One action of the signed-in trainee: {action, …its arguments}."""
    body = request.get_json(silent=True)
    if not isinstance(body, dict) or not isinstance(body.get("action"), str):
        return _error("send a JSON object with an 'action'", 400)
    body.pop("agent", None)  # who acts is who is signed in
    missing = _incomplete(body)
    if missing:
        return _error(missing, 400)  # nothing reaches the call: the caller hears no "does not match"
    outcome = _console().act(call_id[:64], _me(), body)
    if outcome.refused:
        return _error(outcome.refused, 409)
    return jsonify(outcome.to_dict()), 200


@bp.get("/console/api/calls/<call_id>/events")
@call_route(console_reader)
def call_events(call_id: str) -> Response:
    """Server-sent events: `said` with the call's new lines whenever it takes a step.

    `?since=N` skips the first N transcript entries; `?agent=1` sends only the
    steps an agent caused (what the caller's softphone has not shown yet).
    """
    console = _console()
    call_sid = call_id[:64]
    console.handoff(call_sid)  # unknown calls: 404 now, not an endless empty stream
    since = request.headers.get("Last-Event-ID") or request.args.get("since", "0")  # a reconnecting EventSource resumes
    only_agent = request.args.get("agent") == "1"
    seen = int(since) if since.isdigit() else 0
    reveal = _reveal()

    def news() -> str | None:
        nonlocal seen
        version = console.records.version(call_sid)
        if version <= seen:
            return None
        lines = deep(console.timeline(call_sid, seen, only_agent=only_agent), reveal)
        seen = version
        session = console.calls.store.session(call_sid)
        status = session.console.get("status") if session else None
        data = {"lines": lines, "seen": seen, "status": status, "ended": bool(session and session.ended),
                "state": session.state if session else None, "tier": session.tier if session else None}
        return f"event: said\nid: {seen}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"

    return _sse(_polled(news))


# --- score cards ---------------------------------------------------------------------------


@bp.get("/console/api/cards")
def cards() -> tuple[Response, int] | Response:
    """Score cards: the signed-in trainee's own; a trainer's or admin's choice of trainee (`?trainee=`)."""
    user = signed_in_user()
    trainee = request.args.get("trainee") or _me()
    if trainee != _me() and (user is None or not user.has_role(*TRAINERS)):
        return _error("only trainers see other trainees' score cards", 403)
    console = _console()
    return jsonify(cards=console.records.cards(trainee=trainee), summary=console.records.summary(trainee).__dict__)


@bp.get("/console/scores")
def scores() -> str | tuple[Response, int]:
    """Trainers: every trainee's console results and their latest score cards."""
    user = signed_in_user()
    if user is None or not user.has_role(*TRAINERS):
        return _error("only trainers see the class's score cards", 403)
    records = _console().records
    summaries = [records.summary(trainee) for trainee in records.trainees()]
    titles = {scenario.id: scenario.title for scenario in _console().scenarios.values()}
    return render_template("scores.html", summaries=summaries, cards=records.cards(limit=50),
                           seat_labels=SEAT_LABELS, scenario_titles=titles)


@bp.get("/console/scores.csv")
def scores_csv() -> Response | tuple[Response, int]:
    """Trainers: the class's console results as CSV (one row per trainee)."""
    user = signed_in_user()
    if user is None or not user.has_role(*TRAINERS):
        return _error("only trainers see the class's score cards", 403)
    records = _console().records
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["trainee", "console calls", "points", "out of", "console score"])
    for trainee in records.trainees():
        summary = records.summary(trainee)
        writer.writerow([trainee, summary.calls, summary.points, summary.total, summary.csv_value()])
    return Response(out.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="console-scores.csv"'})


def _reveal() -> Reveal:
    """A softphone call's chosen training case as its caller keyed it (its receipt number, not its date of
    birth), where the store keeps the token (`ivr.web.revealing`)."""
    rehearsal = standing().rehearsal
    return revealer().of_case(rehearsal.case_receipt if rehearsal else None, dates=False)


def _incomplete(body: dict[str, Any]) -> str | None:
    """Why an action cannot be sent as typed (an identity check with a field left empty or not a date), or None.

    A verification is an attempt the caller's lockout counts (three per call): an
    empty form sent by a slip of the keyboard must not use one up.
    """
    if body.get("action") != "verify_identity":
        return None
    receipt, born = str(body.get("receipt") or "").strip(), str(body.get("date_of_birth") or "").strip()
    if not receipt or not born:
        return "enter the receipt number and the date of birth the caller gives, then verify"
    try:
        dt.date.fromisoformat(born)
    except ValueError:
        return f"'{born[:20]}' is not a date of birth (YYYY-MM-DD)"
    return None


def _model_step(step: dict[str, Any]) -> str:
    """One action of a scenario's model answer in words: 'decide good cause (illness)'."""
    name = str(step.get("action"))
    label = ACTIONS[name].label if name in ACTIONS else name
    shown = [str(v) for k, v in step.items() if k in ("ref", "sr_type", "cause", "reason", "choice") and v not in ("", None)]
    return label + (f" ({', '.join(shown)})" if shown else "")


def _polled(news: Callable[[], str | None]) -> Iterator[str]:
    """Each event `news()` has (polled every `POLL_SECONDS`), a comment line after `HEARTBEAT_SECONDS` without one,
    for `STREAM_SECONDS` (the browser's EventSource then reconnects).

    Only a server that runs requests in threads (`ivr serve`, gunicorn's gthread) holds
    a stream open.  A sync worker (`ivr serve --production`) serves one request at a
    time: a held stream would take it from the phone line's webhooks (three open streams
    stopped a 3-worker server answering Twilio at all).  There the stream answers what is
    new now and ends, and the browser's EventSource comes back after `RETRY_MS`
    (`Last-Event-ID` says what it has seen).
    """
    if not request.environ.get("wsgi.multithread"):
        event = news()
        if event is not None:
            yield event
        yield f"retry: {RETRY_MS}\n\n"
        return
    user = signed_in_user()
    who, book = (user.get_id() if user else ""), accounts()
    started = beat = time.monotonic()
    polls = 0
    while time.monotonic() - started < STREAM_SECONDS:
        polls += 1
        if polls % SIGNED_IN_EVERY == 0 and book.by_session_id(who) is None:
            return  # signed out everywhere (a password reset, the account removed): the stream stops with the session
        event = news()
        if event is not None:
            yield event
            beat = time.monotonic()
        elif time.monotonic() - beat > HEARTBEAT_SECONDS:
            yield ": still here\n\n"
            beat = time.monotonic()
        time.sleep(POLL_SECONDS)


def _sse(stream: Iterator[str]) -> Response:
    response = Response(stream_with_context(stream), mimetype="text/event-stream")
    response.headers["Cache-Control"] = "no-cache"
    response.headers["X-Accel-Buffering"] = "no"  # nginx: do not buffer the stream
    return response
