"""The webhooks `ivr bench` holds the app against, served by gunicorn like the app.

* `honest_app()`: the cheapest honest Twilio webhook: it checks the request's
  signature with twilio's `RequestValidator` (one HMAC over the URL as it
  arrived and the form as `signed_params` hands it over: the same fast check
  the app makes first, see `ivr.adapters.signature`), parses the form and
  builds a `VoiceResponse` per request (a menu in a `Gather`, then a
  `Redirect`), with no engine and no database.  What any correct webhook must
  at least do.
* `stored_app()`: the cheapest honest webhook plus the one write every webhook of
  a call must make, through the app's own store (`ivr.store.sql`): the call's
  session loaded, then saved with its answer kept, and one transcript entry, in
  one short transaction.  Still no engine.  It shows what the store alone costs
  on the machine: the floor of any webhook that keeps its calls.
* `bare_app()`: Flask returning a fixed TwiML string: the framework's floor.

All answer every voice URL the app serves, with a `Gather` so a load caller
can go on, and read the auth token from `TWILIO_AUTH_TOKEN` (and `stored_app`
its database from `IVR_DATABASE_URL`, as the app does).
"""

from __future__ import annotations

import datetime as dt
import hmac
import os

from flask import Flask, Response, request
from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import Gather, VoiceResponse

from ivr.adapters.signature import signed_params

ROUTES = ("/voice", "/voice/<path:rest>")
STATE = "baseline"  # the X-IVR-State of a baseline's every answer
FIXED = (
    '<?xml version="1.0" encoding="UTF-8"?><Response><Gather action="/voice/gather" method="POST" numDigits="1">'
    '<Say language="en-US" voice="Polly.Joanna">For English, press 1. Para español, oprima 2.</Say></Gather>'
    '<Redirect method="POST">/voice/gather?silence=1</Redirect></Response>'
)


def honest_app() -> Flask:
    """Signature check, form parsing and a `VoiceResponse` built per request; nothing else."""
    app = Flask("ivr-baseline-honest")
    validator = RequestValidator(os.environ.get("TWILIO_AUTH_TOKEN", ""))

    def webhook(rest: str = "") -> Response:
        return _honest_answer(validator)

    for rule in ROUTES:
        app.add_url_rule(rule, view_func=webhook, methods=["POST"], endpoint=rule)
    return app


def _honest_answer(validator: RequestValidator) -> Response:
    """The cheapest honest webhook's answer to the request being served: a 403 unless its signature holds."""
    form = request.form
    query = request.environ.get("QUERY_STRING", "")
    url = f"{request.scheme}://{request.host}{request.root_path}{request.path}" + (f"?{query}" if query else "")
    if not hmac.compare_digest(validator.compute_signature(url, signed_params(form)), request.headers.get("X-Twilio-Signature", "")):
        return Response("Forbidden\n", 403, mimetype="text/plain")
    response = VoiceResponse()
    gather = Gather(action="/voice/gather", method="POST", num_digits=1, input="dtmf speech", timeout=5)
    key = form.get("Digits", "") or "1"
    gather.say(f"You pressed {key}. For English, press 1. Para español, oprima 2.", language="en-US", voice="Polly.Joanna")
    response.append(gather)
    response.redirect("/voice/gather?silence=1", method="POST")
    return Response(str(response), 200, mimetype="text/xml", headers={"X-IVR-State": STATE, "X-IVR-Tier": "ivr"})


def stored_app() -> Flask:
    """The cheapest honest webhook, then the call's one write through the app's store (no engine).

    Per webhook, as `ivr.calls.CallService` does it: the call's session is loaded (a new call's made),
    its step counted, and saved with the answer kept for a retry and one transcript entry of what was
    pressed and said, in the store's one short transaction, version-checked.  The store is the app's
    (`ivr.store.line.open_store`: on a SQLite file, the call in LMDB while it is in progress), and Twilio's
    last webhook of a call (`CallStatus` completed) ends it, so the call moves to SQL as the app's does."""
    from ivr.collector import freeze_start_up
    from ivr.core.session import PATH_TAIL, Session  # imported here: the other baselines load nothing of the app
    from ivr.store.base import Answer
    from ivr.store.line import open_store

    app = Flask("ivr-baseline-stored")
    validator = RequestValidator(os.environ.get("TWILIO_AUTH_TOKEN", ""))
    store = open_store(os.environ.get("IVR_DATABASE_URL") or "sqlite:///baseline-stored.sqlite3")

    def webhook(rest: str = "") -> Response:
        freeze_start_up(request.environ)  # as the app does: what a worker built leaves the collector's sight
        response = _honest_answer(validator)
        form = request.form  # parsed by the signature check
        call_sid = form.get("CallSid", "")
        if response.status_code != 200 or not call_sid:
            return response
        body = response.get_data(as_text=True)
        now = dt.datetime.now(dt.timezone.utc).isoformat()
        with store.call(call_sid) as tx:
            session = tx.load_session() or Session(call_sid, "baseline", "", STATE, now)
            before, session.steps = session.state, session.steps + 1
            session.path = [*session.path[-PATH_TAIL + 1:], STATE]
            session.ended = form.get("CallStatus") == "completed"
            tx.save_session(session, "phone", Answer(f"{call_sid}:{session.steps}", body, STATE, "ivr"))
            tx.append_transcript([{
                "type": "step", "at": now, "input": {"kind": "digits", "value": form.get("Digits", "")},
                "state_before": before, "state": STATE, "tier": "ivr", "language": "en", "entered": [STATE],
                "prompts": [{"id": STATE, "language": "en", "text": body}], "actions": [{"kind": "gather", "input": "dtmf speech"}],
            }])
        return response

    for rule in ROUTES:
        app.add_url_rule(rule, view_func=webhook, methods=["POST"], endpoint=rule)
    app.extensions["store"] = store  # closed by whoever is done with the app (a test)
    return app


def bare_app() -> Flask:
    """Flask answering every voice URL with a fixed TwiML string."""
    app = Flask("ivr-baseline-bare")

    def webhook(rest: str = "") -> Response:
        return Response(FIXED, 200, mimetype="text/xml")

    for rule in ROUTES:
        app.add_url_rule(rule, view_func=webhook, methods=["POST"], endpoint=rule)
    return app
