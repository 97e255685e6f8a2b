"""Judging a Twilio webhook's `X-Twilio-Signature` before anything else is done with it.

Owns the decorator every Twilio route wears (`signed`) and the order of
refusals, each a 403 that never parses what it need not:

1. no `TWILIO_AUTH_TOKEN` configured, or no signature header: refused
   before the body is read at all;
2. a body over `MAX_CONTENT_LENGTH`, or a POST body that is not the
   `application/x-www-form-urlencoded` form Twilio sends (a multipart body
   with a nameless part, JSON, binary): refused before it is parsed;
3. the form's parameters and the public URL do not give the signature:
   refused.  Anything the twilio library raises while checking is a refusal
   too, never a 5xx.

A Twilio form whose length is given and within the limit is read and parsed
here (`_read_form`), as werkzeug would (the same `parse_qsl`, the same
immutable multi-dicts), without the parser werkzeug builds for every request
(its stream wrapper, three configuration look-ups through Flask's proxy):
about 15-20 µs of a webhook's CPU, in process.  Anything else (no length, a chunked body)
is parsed by werkzeug as before.

The signed URL is rebuilt from `PUBLIC_BASE_URL` (which may carry a path
prefix, `https://host/ivr`) plus the route's own path.

The check costs one HMAC for a genuine request: twilio's `compute_signature`
over the URL as it reached us (built from the request's parts, without
werkzeug's IRI round trip) is compared first; only when that differs does
`RequestValidator.validate` judge it (the URL with and without its port, the
URL as werkzeug spells it), so what is accepted is exactly what `validate`
accepts plus a request signed over its own URL verbatim.
"""

from __future__ import annotations

import functools
import hmac
import logging
from collections.abc import Callable, Mapping
from functools import wraps
from typing import Any
from urllib.parse import parse_qsl, urlsplit

from flask import Request, Response, current_app, request
from twilio.request_validator import RequestValidator
from werkzeug import urls as _urls  # noqa: F401: registers the "werkzeug.url_quote" decoding errors handler
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException
from werkzeug.sansio.utils import get_content_length

log = logging.getLogger(__name__)

FORM = "application/x-www-form-urlencoded"
MAX_BODY = 64 * 1024  # Twilio's voice webhooks are a few kilobytes; the app's default MAX_CONTENT_LENGTH


def signed(view: Callable[..., Response]) -> Callable[..., Response]:
    """Refuse (403) any request whose `X-Twilio-Signature` is missing or wrong, before parsing its body."""

    @wraps(view)
    def check(*args: Any, **kwargs: Any) -> Response:
        reason = refusal(current_request(), current_app.config)
        if reason is not None:
            return Response(f"Forbidden: {reason}\n", 403, mimetype="text/plain")
        return view(*args, **kwargs)

    return check


def current_request() -> Request:
    """The request being served, looked up once (every use of Flask's `request` proxy is a context lookup)."""
    return request._get_current_object()  # type: ignore[attr-defined,no-any-return]


def refusal(req: Request, config: Mapping[str, Any]) -> str | None:
    """Why `req` is not Twilio's (None when its signature holds)."""
    token = config.get("TWILIO_AUTH_TOKEN")
    if not token:
        log.error("refusing a Twilio request: TWILIO_AUTH_TOKEN is not configured")
        return "TWILIO_AUTH_TOKEN is not configured"
    environ = req.environ
    signature = environ.get("HTTP_X_TWILIO_SIGNATURE", "")
    if not signature:
        log.warning("refusing a request to %s: no Twilio signature", req.path)
        return "missing X-Twilio-Signature"
    post = req.method == "POST"
    if post:
        limit = config.get("MAX_CONTENT_LENGTH") or MAX_BODY
        # werkzeug's `content_length` and `mimetype`, read from the environ without building its headers view
        length = get_content_length(environ.get("CONTENT_LENGTH"), environ.get("HTTP_TRANSFER_ENCODING"))
        if length is not None and length > limit:
            log.warning("refusing a request to %s: a body of %d bytes", req.path, length)
            return "request body too large"
        if (length or environ.get("HTTP_TRANSFER_ENCODING")) and environ.get("CONTENT_TYPE") != FORM and req.mimetype != FORM:
            log.warning("refusing a request to %s: a %s body is not a Twilio form", req.path, req.mimetype or "untyped")
            return "not a Twilio form body"
        if length is not None and not environ.get("HTTP_TRANSFER_ENCODING") and not _read_form(req, length):
            log.warning("refusing a request to %s: a body shorter than its Content-Length", req.path)
            return "unreadable body"
    try:
        valid = _valid(_validator(str(token)), str(signature), req, str(config.get("PUBLIC_BASE_URL") or ""), post)
    except HTTPException as exc:  # the form itself was refused (too large while streaming)
        log.warning("refusing a request to %s: %s", req.path, exc.name)
        return "unreadable body"
    except Exception as exc:  # noqa: BLE001: whatever the library trips on, the request is refused
        log.warning("refusing a request to %s: signature check failed (%s)", req.path, type(exc).__name__)
        return "bad X-Twilio-Signature"
    if not valid:
        log.warning("refusing a request to %s: wrong Twilio signature", req.path)
        return "bad X-Twilio-Signature"
    return None


def _read_form(req: Request, length: int) -> bool:
    """Parse `req`'s form (a Twilio form of `length` bytes, within the limit) as werkzeug would; False when
    fewer bytes came (werkzeug refuses such a body too, as a client gone before its end)."""
    if "form" in req.__dict__:
        return True
    body = req.environ["wsgi.input"].read(length) if length else b""
    if len(body) != length:
        return False
    try:
        items = parse_qsl(body.decode(), keep_blank_values=True, errors="werkzeug.url_quote")
    except ValueError:  # not UTF-8: werkzeug's parser gives an empty form too
        items = []
    storage = req.parameter_storage_class
    fields = req.__dict__  # where werkzeug's own parse leaves them (its properties are cached there)
    fields["form"], fields["files"] = storage(items), storage()
    return True


def _valid(validator: RequestValidator, signature: str, req: Request, base: str, post: bool) -> bool:
    """One HMAC over the URL as received; twilio's full `validate` only when that differs."""
    # every name and value, repeated names too, as signed (a multi-dict is a dict of lists underneath)
    params = signed_params(req.form) if post else _NO_PARAMS
    if hmac.compare_digest(validator.compute_signature(_received_url(req, base), params), signature):
        return True
    return bool(validator.validate(signed_url(req, base), params, signature))


@functools.lru_cache(maxsize=4)
def _validator(token: str) -> RequestValidator:
    return RequestValidator(token)


def _received_url(req: Request, base: str) -> str:
    """The URL `req` was made to, as its parts came (`PUBLIC_BASE_URL` first when set)."""
    query = req.environ.get("QUERY_STRING", "")
    head = base.rstrip("/") if base else f"{req.scheme}://{req.host}{req.root_path}"
    return head + req.path + (f"?{query}" if query else "")


def signed_url(req: Request, base: str) -> str:
    """The URL Twilio signed: `PUBLIC_BASE_URL` (path prefix included) plus this route, with its query."""
    if not base:
        return req.url
    query = req.query_string.decode("latin-1")
    return base.rstrip("/") + req.path + (f"?{query}" if query else "")


def base_path(public_base_url: str | None) -> str:
    """The path prefix of a public base URL: `https://host/ivr/` gives `/ivr`, `https://host` gives ``."""
    if not public_base_url:
        return ""
    return urlsplit(public_base_url).path.rstrip("/")


class _Lists(dict[str, list[str]]):
    """A form's names with their lists of values (a werkzeug multi-dict's own lists, not copied), as twilio's
    `compute_signature` reads them: through `getall`, the first method it tries.  Handed the multi-dict
    itself, it raised and caught an AttributeError for every name (a multi-dict has no `getall`), then
    copied the name's values with `getlist`: about 1.5 µs a name, and Twilio sends some twenty."""

    getall = dict.__getitem__


_NO_PARAMS = _Lists()


def signed_params(form: MultiDict[str, str]) -> Mapping[str, list[str]]:
    """A parsed form as twilio's `RequestValidator.compute_signature` reads it cheapest: every name with all its
    values, repeated names too (the multi-dict's own lists, not copied; see `_Lists`)."""
    return _Lists(dict.items(form))  # type: ignore[arg-type]  # a multi-dict is a dict of lists underneath
