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

from ivr.adapters.twiml import Urls, Voices, render, render_says
from ivr.calls import CallService
from ivr.core.events import CallStarted, Digits, Event, HangUp, NoInput, Resume, Speech

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
        step = _service().handle(call_sid, event, channel="phone")
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


def _confidence(value: str | None) -> float | None:
    try:
        return float(value) if value else None
    except ValueError:
        return None


def voice_settings(config: dict[str, Any]) -> tuple[Urls, Voices]:
    return Urls(), Voices(config.get("VOICE_EN") or Voices.en, config.get("VOICE_ES") or Voices.es)
