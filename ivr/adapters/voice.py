"""The Twilio voice webhooks (Flask blueprint): HTTP in, engine events, TwiML out.

Routes (DESIGN.md §2): `POST /voice` (a call comes in), `POST /voice/status`
(status callback), and the URLs the returned TwiML names: `/voice/gather`
(keys, speech or silence), `/voice/queue/wait` and `/voice/queue/done`
(live-assistance queues), `/voice/resume` (back from a queue or a dial).

Every route checks `X-Twilio-Signature` with twilio's `RequestValidator`
(rebuilding the signed URL from `PUBLIC_BASE_URL` behind a proxy) and answers
403 when it is missing or wrong.  Every voice answer is TwiML with the
`X-IVR-State` and `X-IVR-Tier` headers; no request, however malformed, gets
a 5xx.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import wraps
from typing import Any

from flask import Blueprint, Response, current_app, request
from twilio.request_validator import RequestValidator

from ivr.adapters.twiml import Urls, Voices, render, render_leave, render_queue_wait, render_says
from ivr.calls import CallService
from ivr.core.actions import Say
from ivr.core.events import CallStarted, Digits, Event, HangUp, NoInput, Resume, Speech
from ivr.routing import QUEUE_CALLBACK_KEY, queue_text

log = logging.getLogger(__name__)

bp = Blueprint("voice", __name__)

MAX_FIELD = 2048  # longer form values are cut before they reach the engine
FINAL_STATUSES = {"completed", "busy", "failed", "no-answer", "canceled"}
SORRY = (
    ("Sorry, something went wrong on our side.", "en"),
    ("Lo sentimos, tuvimos un problema.", "es"),
)


def _service() -> CallService:
    return current_app.extensions["ivr"].calls  # type: ignore[no-any-return]


def _params() -> dict[str, str]:
    source = request.form if request.method == "POST" else request.args
    return {key: value[:MAX_FIELD] for key, value in source.items()}


def _signed_url() -> str:
    base = str(current_app.config.get("PUBLIC_BASE_URL") or "")
    if not base:
        return request.url
    query = request.query_string.decode("latin-1")
    return base.rstrip("/") + request.path + (f"?{query}" if query else "")


def signed(view: Callable[..., Response]) -> Callable[..., Response]:
    """Refuse (403) any request whose `X-Twilio-Signature` is missing or wrong."""

    @wraps(view)
    def check(*args: Any, **kwargs: Any) -> Response:
        token = current_app.config.get("TWILIO_AUTH_TOKEN")
        if not token:
            log.error("refusing a Twilio request: TWILIO_AUTH_TOKEN is not configured")
            return Response("Forbidden: TWILIO_AUTH_TOKEN is not configured\n", 403, mimetype="text/plain")
        signature = request.headers.get("X-Twilio-Signature", "")
        params = request.form.to_dict() if request.method == "POST" else {}
        if not signature or not RequestValidator(token).validate(_signed_url(), params, signature):
            log.warning("refusing a request to %s: %s Twilio signature", request.path, "wrong" if signature else "no")
            return Response("Forbidden: bad or missing X-Twilio-Signature\n", 403, mimetype="text/plain")
        return view(*args, **kwargs)

    return check


def _twiml(body: str, state: str, tier: str) -> Response:
    response = Response(body, 200, mimetype="text/xml")
    response.headers["X-IVR-State"] = state
    response.headers["X-IVR-Tier"] = tier
    return response


def _answer(call_sid: str, event: Event) -> Response:
    ext = current_app.extensions["ivr"]
    try:
        step = _service().handle(call_sid, event, channel="phone", flow_id=ext.live_flow(request.form.get("To")))
    except Exception as exc:  # noqa: BLE001: never a 5xx to Twilio; log without personal data
        log.error("webhook failed for call %s: %s", call_sid[:12], type(exc).__name__, exc_info=current_app.debug)
        return _twiml(render_says(SORRY, hang_up=False, voices=ext.voices) + "", "error", "ivr")
    return _twiml(render(step.actions, ext.urls, ext.voices), step.session.state, step.session.tier)


def _missing_call() -> Response:
    log.warning("a request to %s carried no CallSid", request.path)
    return _twiml(render_says(SORRY, hang_up=True), "error", "ivr")


@bp.route("/voice", methods=["GET", "POST"])
@signed
def incoming() -> Response:
    """A call comes in: the language menu (or, for a call already under way, where it was)."""
    params = _params()
    call_sid = params.get("CallSid", "").strip()
    if not call_sid:
        return _missing_call()
    return _answer(call_sid, CallStarted(_service().now(), caller=params.get("From") or None))


@bp.route("/voice/gather", methods=["GET", "POST"])
@signed
def gather() -> Response:
    """What the caller pressed or said, or silence."""
    params = _params()
    call_sid = params.get("CallSid", "").strip()
    if not call_sid:
        return _missing_call()
    now = _service().now()
    event: Event
    if params.get("Digits", "") != "":
        event = Digits(now, params["Digits"])
    elif params.get("SpeechResult", "").strip():
        event = Speech(now, params["SpeechResult"], _confidence(params.get("Confidence")))
    else:
        event = NoInput(now)
    return _answer(call_sid, event)


@bp.route("/voice/resume", methods=["GET", "POST"])
@signed
def resume() -> Response:
    """Back from a queue or a dial: continue where the call was."""
    call_sid = _params().get("CallSid", "").strip()
    if not call_sid:
        return _missing_call()
    return _answer(call_sid, Resume(_service().now()))


@bp.route("/voice/status", methods=["GET", "POST"])
@signed
def status() -> Response:
    """Twilio's status callback: a finished call is closed in the store."""
    params = _params()
    call_sid = params.get("CallSid", "").strip()
    state, tier = "unknown", "ivr"
    if call_sid and params.get("CallStatus", "") in FINAL_STATUSES:
        try:
            step = _service().handle(call_sid, HangUp(_service().now()), channel="phone")
            state, tier = step.session.state, step.session.tier
        except Exception as exc:  # noqa: BLE001
            log.error("status callback failed for call %s: %s", call_sid[:12], type(exc).__name__)
    return _twiml(render_says(()), state, tier)


@bp.route("/voice/queue/wait", methods=["GET", "POST"])
@signed
def queue_wait() -> Response:
    """While a caller waits for people: announce the position, offer a call-back (`QUEUE_CALLBACK_KEY`).

    On that key the call-back is recorded through the flow (the key is the
    caller's choice on the menu the call lands on, `live.after_people`), what
    the flow says is said, and the caller leaves the queue (`<Leave>`).
    """
    params = _params()
    call_sid = params.get("CallSid", "").strip()
    ext = current_app.extensions["ivr"]
    try:
        session = ext.store.session(call_sid) if call_sid else None
        language = session.language if session is not None else "en"
        state, tier = (session.state, session.tier) if session is not None else ("unknown", "ivr")
        if session is not None and not session.ended and params.get("Digits", "") == QUEUE_CALLBACK_KEY:
            if not _offers_callback(session.flow_id, session.state):
                return _twiml(render_leave((), ext.voices), state, tier)
            event = Digits(_service().now(call_sid), QUEUE_CALLBACK_KEY)
            step = _service().handle(call_sid, event, channel="phone")
            # The menu the call is back on is said when the queue's action URL resumes the call.
            landed = step.session.state + "."
            said = [say for say in step.says if step.session.ended or not say.prompt_id.startswith(landed)]
            return _twiml(render_leave(said, ext.voices), step.session.state, step.session.tier)
        position = params.get("QueuePosition", "").strip()
        text = (
            queue_text("position", language, position=int(position))
            if position.isdigit() and int(position) > 0
            else queue_text("waiting", language)
        )
        return _twiml(render_queue_wait(text, language, ext.urls, ext.voices), state, tier)
    except Exception as exc:  # noqa: BLE001: never a 5xx to Twilio
        log.error("queue wait failed for call %s: %s", call_sid[:12], type(exc).__name__,
                  exc_info=current_app.debug)
        return _twiml(render_says(SORRY, voices=ext.voices), "error", "ivr")


@bp.route("/voice/queue/done", methods=["GET", "POST"])
@signed
def queue_done() -> Response:
    """The call left the queue: resume the flow, or say goodbye, by `QueueResult`.

    bridged: a person talked with the caller, so goodbye; hangup: the caller
    is gone; leave: the caller chose a call-back (the flow may have ended the
    call already); anything else (queue-full, error, …): sorry, and the flow
    goes on where the call landed, which offers a call-back.
    """
    params = _params()
    call_sid = params.get("CallSid", "").strip()
    if not call_sid:
        return _missing_call()
    ext = current_app.extensions["ivr"]
    result = params.get("QueueResult", "").strip()
    try:
        session = ext.store.session(call_sid)
        if session is None or session.ended:
            return _twiml(render_says((), hang_up=True), "ended", session.tier if session else "ivr")
        language = session.language
        if result in ("hangup", "bridged"):
            step = _service().handle(call_sid, HangUp(_service().now(call_sid)), channel="phone")
            goodbye = ((queue_text("goodbye", language), language),) if result == "bridged" else ()
            body = render_says(goodbye, hang_up=True, voices=ext.voices)
            return _twiml(body, step.session.state, step.session.tier)
        step = _service().handle(call_sid, Resume(_service().now(call_sid)), channel="phone")
        actions = step.actions
        if result != "leave":
            actions = (Say(queue_text("not_connected", language), language, "queue.not_connected"), *actions)
        return _twiml(render(actions, ext.urls, ext.voices), step.session.state, step.session.tier)
    except Exception as exc:  # noqa: BLE001: never a 5xx to Twilio
        log.error("queue done failed for call %s: %s", call_sid[:12], type(exc).__name__,
                  exc_info=current_app.debug)
        return _twiml(render_says(SORRY, voices=ext.voices), "error", "ivr")


def _offers_callback(flow_id: str, state: str) -> bool:
    """The call is on a menu whose call-back key is an option (where queued calls land)."""
    try:
        compiled = current_app.extensions["ivr"].engine.flow(flow_id)
        return compiled.flow.states[state].option(QUEUE_CALLBACK_KEY) is not None
    except KeyError:
        return False


def _confidence(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def voice_settings(config: dict[str, Any]) -> tuple[Urls, Voices]:
    return Urls(), Voices(config.get("VOICE_EN") or Voices.en, config.get("VOICE_ES") or Voices.es)
