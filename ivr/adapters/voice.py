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

import dataclasses
import functools
import hashlib
import logging
from collections.abc import Mapping
from typing import Any

from flask import Blueprint, Request, Response, current_app, request

from ivr.adapters.answer import twiml_response
from ivr.adapters.signature import base_path, current_request, signed
from ivr.adapters.twiml import Urls, Voices, render_leave, render_queue_wait, render_says
from ivr.adapters.twiml import render as render_twiml
from ivr.calls import CallService
from ivr.collector import freeze_start_up
from ivr.core.actions import Say
from ivr.core.engine import Engine, Step
from ivr.core.events import CallStarted, Digits, Event, HangUp, NoInput, Resume, Speech
from ivr.core.flow import Text
from ivr.rules.directory import Directory
from ivr.routing import QUEUE_CALLBACK_KEY, callable_number, queue_text

log = logging.getLogger(__name__)

bp = Blueprint("voice", __name__)

MAX_FIELD = 2048  # longer form values are cut before they reach the engine
FINAL_STATUSES = {"completed", "busy", "failed", "no-answer", "canceled"}
DIAL_CONNECTED = {"completed", "answered"}  # DialCallStatus: a person talked with the caller
DIAL_NOT_CONNECTED = {"busy", "no-answer", "failed", "canceled"}
FALLBACK = {
    "en": "Sorry, we are having trouble answering your call. Please call the {name} again at {number}.",
    "es": "Lo sentimos, tenemos problemas para atender su llamada. Por favor, llame de nuevo al {name} al {number}.",
}
SORRY = (
    ("Sorry, something went wrong on our side.", "en"),
    ("Lo sentimos, tuvimos un problema.", "es"),
)


def _service() -> CallService:
    return current_app.extensions["ivr"].calls  # type: ignore[no-any-return]


def _params(req: Request | None = None) -> dict[str, str]:
    req = req or current_request()
    source = req.form if req.method == "POST" else req.args
    return {key: value[:MAX_FIELD] for key, value in source.items()}


_twiml = twiml_response  # every voice answer: TwiML with the call's state and tier (`ivr.adapters.answer`)


def _answer(
    call_sid: str, event: Event, req: Request | None = None, ext: Any = None, params: dict[str, str] | None = None
) -> Response:
    req = req or current_request()
    if params is None:
        params = _params(req)
    freeze_start_up(req.environ)
    ext = ext or current_app.extensions["ivr"]
    at_step = _step_number(req)
    urls = _stepped(ext.urls)

    def render(step: Step) -> tuple[str, str, str]:
        body = render_twiml(step.actions, urls, ext.voices).replace(STEP_MARK, str(step.session.steps))
        return body, step.session.state, step.session.tier

    try:
        answer = ext.calls.answer(call_sid, event, render, key=_idempotency_key(req, at_step), at_step=at_step,
                                  flow_id=ext.live_flow(params.get("To")), caller=params.get("From"))
    except Exception as exc:  # noqa: BLE001: never a 5xx to Twilio; log without personal data
        log.error("webhook failed for call %s: %s", call_sid[:12], type(exc).__name__, exc_info=current_app.debug)
        return _twiml(render_says(SORRY, hang_up=False, voices=ext.voices) + "", "error", "ivr")
    return _twiml(answer.body, answer.state, answer.tier)


# --- retried and stale webhooks (issue 9 point 1) ---------------------------------------------------
# Every <Gather> action (and its silence redirect) carries the step number the call
# will be at when the answer comes back (`?step=N`); an answer carrying another
# number is to a prompt the call has moved past.  A request is identified by
# Twilio's idempotency token, or, when it has none but carries a step number, by
# its URL and form: the same request again gets the answer kept with the call.

STEP_MARK = "@IVR_STEP@"
IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token"
IDEMPOTENCY_ENVIRON = "HTTP_" + IDEMPOTENCY_HEADER.upper().replace("-", "_")


def _stepped(urls: Urls) -> Urls:
    """`urls` with the step number mark in the Gather action and silence URLs (built once per `Urls`; the
    app's own `Urls` object is found by identity, without hashing its five URLs per webhook)."""
    last = _last_stepped
    if last is not None and last[0] is urls:
        return last[1]
    return _stepped_anew(urls)


_last_stepped: tuple[Urls, Urls] | None = None


@functools.lru_cache(maxsize=8)
def _stepped_urls(urls: Urls) -> Urls:
    def mark(url: str) -> str:
        return url + ("&" if "?" in url else "?") + "step=" + STEP_MARK

    return dataclasses.replace(urls, gather=mark(urls.gather), silence=mark(urls.silence))


def _stepped_anew(urls: Urls) -> Urls:
    global _last_stepped
    stepped = _stepped_urls(urls)
    _last_stepped = (urls, stepped)
    return stepped


def _step_number(req: Request) -> int | None:
    """The `step` of the query string (read from it as sent: werkzeug's `args` would parse all of it)."""
    query = req.environ.get("QUERY_STRING", "")
    if "step=" not in query:
        return None
    value = next((part[5:] for part in query.split("&") if part.startswith("step=")), "")
    return int(value) if value.isdigit() and len(value) < 10 else None


def _idempotency_key(req: Request, at_step: int | None) -> str | None:
    token = str(req.environ.get(IDEMPOTENCY_ENVIRON, "")).strip()
    if token:
        return "token:" + token[:160]
    if at_step is None:
        return None  # no way to tell a retry from the same key pressed again at a new menu
    # every (name, value) pair, repeated names too, in order (read from the multi-dict's lists at once)
    pairs = sorted([(key, value) for key, values in dict.items(req.form) for value in values])
    form = "&".join([f"{key}={value}" for key, value in pairs])
    digest = hashlib.sha256(f"{req.full_path}\n{form}".encode("utf-8", "replace")).hexdigest()
    return "body:" + digest


def _missing_call() -> Response:
    log.warning("a request to %s carried no CallSid", request.path)
    return _twiml(render_says(SORRY, hang_up=True), "error", "ivr")


@bp.route("/voice", methods=["GET", "POST"])
@signed
def incoming() -> Response:
    """A call comes in: the language menu (or, for a call already under way, where it was)."""
    req, ext = current_request(), current_app.extensions["ivr"]
    params = _params(req)
    call_sid = params.get("CallSid", "").strip()
    if not call_sid:
        return _missing_call()
    return _answer(call_sid, CallStarted(ext.calls.now(), caller=params.get("From") or None), req, ext, params)


@bp.route("/voice/gather", methods=["GET", "POST"])
@signed
def gather() -> Response:
    """What the caller pressed or said, or silence."""
    req, ext = current_request(), current_app.extensions["ivr"]
    params = _params(req)
    call_sid = params.get("CallSid", "").strip()
    if not call_sid:
        return _missing_call()
    now = ext.calls.now()
    event: Event
    if params.get("Digits", "") != "":
        event = Digits(now, params["Digits"])
    elif params.get("SpeechResult", "").strip():
        event = Speech(now, params["SpeechResult"], _confidence(params.get("Confidence")))
    else:
        event = NoInput(now)
    return _answer(call_sid, event, req, ext, params)


@bp.route("/voice/resume", methods=["GET", "POST"])
@signed
def resume() -> Response:
    """Back from a queue or a dial: continue where the call was, or end it after a completed dial.

    A `<Dial>`'s action URL is this one, so `DialCallStatus` says how the dial went:
    `completed` (a person talked with the caller) ends the call politely; `busy`,
    `no-answer`, `failed` and `canceled` apologise and the flow goes on where the
    call landed (`live.after_people`: a call-back, the main menu).
    """
    params = _params()
    call_sid = params.get("CallSid", "").strip()
    if not call_sid:
        return _missing_call()
    dialled = params.get("DialCallStatus", "").strip()
    if dialled in DIAL_CONNECTED:
        return _connected_goodbye(call_sid)
    return _resume(call_sid, apologise=dialled in DIAL_NOT_CONNECTED)


def _connected_goodbye(call_sid: str) -> Response:
    """A person talked with the caller: thank them, hang up and close the call."""
    ext = current_app.extensions["ivr"]
    try:
        session = ext.store.session(call_sid)
        if session is None or session.ended:
            return _twiml(render_says((), hang_up=True), "ended", session.tier if session else "ivr")
        step = _service().handle(call_sid, HangUp(_service().now(call_sid)), channel="phone")
        goodbye = ((queue_text("goodbye", session.language, _messages(session.flow_id)), session.language),)
        return _twiml(render_says(goodbye, hang_up=True, voices=ext.voices), step.session.state, step.session.tier)
    except Exception as exc:  # noqa: BLE001: never a 5xx to Twilio
        log.error("ending call %s failed: %s", call_sid[:12], type(exc).__name__, exc_info=current_app.debug)
        return _twiml(render_says(SORRY, hang_up=True, voices=ext.voices), "error", "ivr")


def _resume(call_sid: str, apologise: bool) -> Response:
    """The flow goes on where the call is; after a failed hand-over to people, say sorry first."""
    ext = current_app.extensions["ivr"]
    try:
        session = ext.store.session(call_sid)
        if session is not None and session.ended:  # e.g. a call-back was recorded and the call said goodbye
            return _twiml(render_says((), hang_up=True), session.state, session.tier)
        step = _service().handle(call_sid, Resume(_service().now(call_sid)), channel="phone")
    except Exception as exc:  # noqa: BLE001: never a 5xx to Twilio
        log.error("resuming call %s failed: %s", call_sid[:12], type(exc).__name__, exc_info=current_app.debug)
        return _twiml(render_says(SORRY, voices=ext.voices), "error", "ivr")
    actions = step.actions
    if apologise and not step.session.ended:
        language = step.session.language
        said = queue_text("not_connected", language, _messages(step.session.flow_id))
        actions = (Say(said, language, "queue.not_connected"), *actions)
    return _twiml(_rendered(actions, ext.urls, ext.voices, step), step.session.state, step.session.tier)


def _messages(flow_id: str | None) -> Mapping[str, Text]:
    """The messages of the call's flow (its queue words), or the line's default flow's for a call not known."""
    engine: Engine = current_app.extensions["ivr"].engine
    compiled = engine.flows.get(flow_id) if flow_id else None
    return (compiled or engine.flow()).flow.messages


def _rendered(actions: Any, urls: Urls, voices: Voices, step: Step) -> str:
    """TwiML for `actions` outside `_answer`, its Gather URLs carrying the call's step number."""
    return render_twiml(actions, _stepped(urls), voices).replace(STEP_MARK, str(step.session.steps))


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
    """While a caller waits for people: announce the position, offer a call-back (`QUEUE_CALLBACK_KEY`)
    to a caller who can be called back (a withheld number hears the position only and stays in line).

    On that key the call-back is recorded through the flow (the key is the
    caller's choice on the menu the call lands on, `live.after_people`), what
    the flow says is said, and the caller leaves the queue (`<Leave>`).  The
    answer is kept like a Gather's: Twilio's retry of that press hears the same
    goodbye; a press after the call-back was taken (its answer lost) just leaves.
    """
    req = current_request()
    params = _params(req)
    call_sid = params.get("CallSid", "").strip()
    ext = current_app.extensions["ivr"]
    try:
        session = ext.store.session(call_sid) if call_sid else None
        language = session.language if session is not None else "en"
        state, tier = (session.state, session.tier) if session is not None else ("unknown", "ivr")
        # A withheld number cannot be called back: no offer, and its key keeps the caller's place in line.
        offers = session is None or callable_number(session.caller) is not None
        if session is not None and offers and params.get("Digits", "") == QUEUE_CALLBACK_KEY:
            key = _idempotency_key(req, None)
            if session.ended:  # the call-back is recorded already: the same answer again, or leave
                kept = ext.calls.kept_answer(call_sid, key, params.get("From")) if key is not None else None
                if kept is not None:
                    return _twiml(kept.body, kept.state, kept.tier)
                return _twiml(render_leave((), ext.voices), state, tier)
            if not _offers_callback(session.flow_id, session.state):
                return _twiml(render_leave((), ext.voices), state, tier)

            def leave(step: Step) -> tuple[str, str, str]:
                # The menu the call is back on is said when the queue's action URL resumes the call.
                landed = step.session.state + "."
                said = [say for say in step.says if step.session.ended or not say.prompt_id.startswith(landed)]
                return render_leave(said, ext.voices), step.session.state, step.session.tier

            event = Digits(_service().now(call_sid), QUEUE_CALLBACK_KEY)
            answer = ext.calls.answer(call_sid, event, leave, key=key, caller=params.get("From"))
            return _twiml(answer.body, answer.state, answer.tier)
        position = params.get("QueuePosition", "").strip()
        only = "" if offers else "_only"
        messages = _messages(session.flow_id if session is not None else None)
        text = (
            queue_text("position" + only, language, messages, position=int(position))
            if position.isdigit() and int(position) > 0
            else queue_text("waiting" + only, language, messages)
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
    result = params.get("QueueResult", "").strip()
    if result == "hangup":
        return _hung_up(call_sid)
    if result == "bridged":
        return _connected_goodbye(call_sid)
    return _resume(call_sid, apologise=result != "leave")


def _hung_up(call_sid: str) -> Response:
    """The caller hung up while waiting: close the call."""
    try:
        step = _service().handle(call_sid, HangUp(_service().now(call_sid)), channel="phone")
        return _twiml(render_says((), hang_up=True), step.session.state, step.session.tier)
    except Exception as exc:  # noqa: BLE001: never a 5xx to Twilio
        log.error("closing call %s failed: %s", call_sid[:12], type(exc).__name__, exc_info=current_app.debug)
        return _twiml(render_says((), hang_up=True), "error", "ivr")


@bp.route("/voice/fallback", methods=["GET", "POST"])
@signed
def fallback() -> Response:
    """Twilio's fallback URL (when the primary webhook failed): apologise, give the Contact Center's number, hang up.

    It reads nothing from the store (the store may be why the primary URL failed).
    """
    ext = current_app.extensions["ivr"]
    return _twiml(render_says(fallback_texts(ext.engine.services.directory), hang_up=True, voices=ext.voices),
                  "fallback", "ivr")


def read_phone_number(phone: str, language: str) -> str:
    """A directory phone number digit by digit in its written groups: '1-800-375-5283' -> '1, 8 0 0, 3 7 5, 5 2 8 3'."""
    return ", ".join(" ".join(group) for group in phone.split("-") if group)


def fallback_texts(directory: Directory) -> tuple[tuple[str, str], ...]:
    """What the fallback says, each language in its own voice, the number read digit by digit."""
    line = directory.line("contact_center")
    return tuple(
        (FALLBACK[language].format(name=line.name.text(language), number=read_phone_number(line.phone, language)), language)
        for language in ("en", "es")
    )


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
    return Urls.under(base_path(config.get("PUBLIC_BASE_URL"))), Voices(config.get("VOICE_EN") or Voices.en, config.get("VOICE_ES") or Voices.es)
