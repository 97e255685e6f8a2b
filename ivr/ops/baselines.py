"""The two webhooks `ivr bench` holds the app against, served by gunicorn like the app.

* `honest_app()`: the cheapest honest Twilio webhook: it checks the request's
  signature with twilio's `RequestValidator` (one HMAC over the URL as it
  arrived, the same fast check the app makes first: see
  `ivr.adapters.signature`), parses the form and builds a `VoiceResponse` per
  request (a menu in a `Gather`, then a `Redirect`), with no engine and no
  database.  What any correct webhook must at least do.
* `bare_app()`: Flask returning a fixed TwiML string: the framework's floor.

Both answer every voice URL the app serves, with a `Gather` so a load caller
can go on, and read the auth token from `TWILIO_AUTH_TOKEN`.
"""

from __future__ import annotations

import hmac
import os

from flask import Flask, Response, request
from twilio.request_validator import RequestValidator
from twilio.twiml.voice_response import Gather, VoiceResponse

ROUTES = ("/voice", "/voice/<path:rest>")
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
        form = request.form
        query = request.environ.get("QUERY_STRING", "")
        url = f"{request.scheme}://{request.host}{request.root_path}{request.path}" + (f"?{query}" if query else "")
        if not hmac.compare_digest(validator.compute_signature(url, form), request.headers.get("X-Twilio-Signature", "")):
            return Response("Forbidden\n", 403, mimetype="text/plain")
        response = VoiceResponse()
        gather = Gather(action="/voice/gather", method="POST", num_digits=1, input="dtmf speech", timeout=5)
        key = form.get("Digits", "") or "1"
        gather.say(f"You pressed {key}. For English, press 1. Para español, oprima 2.", language="en-US", voice="Polly.Joanna")
        response.append(gather)
        response.redirect("/voice/gather?silence=1", method="POST")
        return Response(str(response), 200, mimetype="text/xml", headers={"X-IVR-State": "baseline", "X-IVR-Tier": "ivr"})

    for rule in ROUTES:
        app.add_url_rule(rule, view_func=webhook, methods=["POST"], endpoint=rule)
    return app


def bare_app() -> Flask:
    """Flask answering every voice URL with a fixed TwiML string."""
    app = Flask("ivr-baseline-bare")

    def webhook(rest: str = "") -> Response:
        return Response(FIXED, 200, mimetype="text/xml")

    for rule in ROUTES:
        app.add_url_rule(rule, view_func=webhook, methods=["POST"], endpoint=rule)
    return app
