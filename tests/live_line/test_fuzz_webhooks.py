"""Refused before parsed, and never a 500: hypothesis over every voice route and form field (issue 9, point 9).

`make test` runs a few thousand examples in a few seconds.  The soak run raises
them: `IVR_FUZZ_EXAMPLES=100000 .venv/bin/python -m pytest -q tests/live_line/test_fuzz_webhooks.py`
(docs/live-line.md).
"""

from __future__ import annotations

import io
import os
import xml.etree.ElementTree as ET

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from twilio.request_validator import RequestValidator

from tests.live_line.conftest import TOKEN, form

EXAMPLES = int(os.environ.get("IVR_FUZZ_EXAMPLES", "0")) or None
ROUTES = [
    "/voice", "/voice/gather", "/voice/gather?silence=1", "/voice/resume", "/voice/status",
    "/voice/queue/wait", "/voice/queue/done", "/voice/fallback",
]
FIELDS = [
    "CallSid", "AccountSid", "From", "To", "CallStatus", "Direction", "Digits", "SpeechResult", "Confidence",
    "QueuePosition", "QueueResult", "QueueTime", "DialCallStatus", "DialCallDuration", "CallDuration",
    "ErrorCode", "ErrorUrl", "msg",
]
CALL_SIDS = ["CA" + str(n) * 32 for n in range(4)]  # few calls, so fuzzed steps walk deep into the flow
BASE = "http://localhost"

_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120)
_value = st.one_of(
    _text,
    st.sampled_from(["1", "2", "0", "9", "*", "#", "0912345678#", "04121990", "supervisor", "español", "0.1",
                     "completed", "busy", "no-answer", "failed", "bridged", "hangup", "leave", "queue-full", "-1"]),
)
_fields = st.dictionaries(st.one_of(st.sampled_from(FIELDS), _text), _value, max_size=8)
_settings = settings(
    deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    **({"max_examples": EXAMPLES} if EXAMPLES else {}),
)


def _examples(default: int) -> settings:
    return settings(_settings, max_examples=EXAMPLES or default)


@_examples(800)
@given(path=st.sampled_from(ROUTES), call_sid=st.sampled_from(CALL_SIDS), fields=_fields)
def test_any_signed_twilio_form_gets_twiml(module_app, path, call_sid, fields):
    """Property: whatever fields a signed form carries, on any route, the answer is 200 TwiML with the QA headers."""
    params = {"CallSid": call_sid, **fields}
    signature = RequestValidator(TOKEN).compute_signature(BASE + path, params)
    response = module_app.test_client().post(path, data=params, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200, response.data[:300]
    assert ET.fromstring(response.data).tag == "Response"
    assert response.headers["X-IVR-State"] and response.headers["X-IVR-Tier"]


_content_types = st.sampled_from([
    "application/x-www-form-urlencoded", "multipart/form-data; boundary=XX", "multipart/form-data",
    "application/json", "text/plain", "application/octet-stream", "", "application/x-www-form-urlencoded; charset=latin-1",
])
_multipart = st.lists(
    st.tuples(st.one_of(st.none(), st.sampled_from(FIELDS), _text), st.binary(max_size=200)), max_size=5,
).map(lambda parts: b"".join(
    b"--XX\r\nContent-Disposition: form-data" + (b"" if name is None else b'; name="' + name.encode("utf-8", "replace") + b'"')
    + b"\r\n\r\n" + value + b"\r\n" for name, value in parts
) + b"--XX--\r\n")
_body = st.one_of(st.binary(max_size=2000), _multipart, _text.map(lambda t: t.encode("utf-8")))
_signature = st.one_of(st.none(), st.just(""), _text.filter(lambda t: t.isascii() and "\n" not in t and "\r" not in t),
                       st.just(RequestValidator("another-token").compute_signature(BASE + "/voice", form())))


@_examples(1000)
@given(path=st.sampled_from(ROUTES), body=_body, content_type=_content_types, signature=_signature,
       method=st.sampled_from(["POST", "GET"]))
def test_unsigned_or_badly_signed_requests_get_403_whatever_the_body(module_app, path, body, content_type, signature, method):
    """Property: without a right signature every route answers 403, whatever the body, its type or the method."""
    headers = {} if signature is None else {"X-Twilio-Signature": signature}
    response = module_app.test_client().open(path, method=method, data=body, content_type=content_type, headers=headers)
    assert response.status_code == 403, response.data[:300]


@_examples(300)
@given(path=st.sampled_from(ROUTES), parts=_multipart)
def test_multipart_bodies_are_refused_even_with_a_true_signature(module_app, path, parts):
    """Property: Twilio posts url-encoded forms; a multipart body (nameless parts included) gets 403, never 500."""
    signature = RequestValidator(TOKEN).compute_signature(BASE + path, form())
    response = module_app.test_client().post(
        path, data=parts, content_type="multipart/form-data; boundary=XX", headers={"X-Twilio-Signature": signature})
    assert response.status_code == 403


def test_a_nameless_multipart_part_with_any_signature_gets_403(module_app):
    """The reproduced 500 (twilio's compute_signature sorting a None key) is a 403 on every route."""
    body = b'--XX\r\nContent-Disposition: form-data\r\n\r\nhello\r\n--XX\r\nContent-Disposition: form-data; name="CallSid"\r\n\r\nCA1\r\n--XX--\r\n'
    client = module_app.test_client()
    for path in ROUTES:
        response = client.post(path, data=body, content_type="multipart/form-data; boundary=XX",
                               headers={"X-Twilio-Signature": "abc"})
        assert response.status_code == 403, path


class _Untouchable(io.RawIOBase):
    """A request body that fails the test if anyone reads it."""

    def __init__(self) -> None:
        self.reads = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer):  # noqa: ANN001
        self.reads += 1
        raise AssertionError("the body was read before the signature was judged")


def _post_untouchable(app, path, length, signature):
    stream = _Untouchable()
    headers = {} if signature is None else {"X-Twilio-Signature": signature}
    response = app.test_client().post(path, headers=headers, content_type="application/x-www-form-urlencoded",
                                      environ_overrides={"wsgi.input": stream, "CONTENT_LENGTH": str(length)})
    return response, stream


def test_a_60_megabyte_unsigned_body_is_refused_unread(module_app):
    """A 60 MB body with no signature gets 403 and not one byte of it is read."""
    response, stream = _post_untouchable(module_app, "/voice/gather", 60 * 1024 * 1024, None)
    assert (response.status_code, stream.reads) == (403, 0)


def test_a_body_over_the_size_limit_is_refused_unread_even_when_it_claims_a_signature(module_app):
    """Over MAX_CONTENT_LENGTH (64 KiB by default), a body is refused with 403 before it is parsed."""
    limit = module_app.config["MAX_CONTENT_LENGTH"]
    response, stream = _post_untouchable(module_app, "/voice", limit + 1, "c2lnbmF0dXJl")
    assert (limit, response.status_code, stream.reads) == (64 * 1024, 403, 0)


def test_a_signed_body_under_the_limit_is_served(module_app):
    """A long but legitimate signed form (a 10 kB SpeechResult) is still answered."""
    params = form(SpeechResult="blah " * 2000, Confidence="0.5")
    signature = RequestValidator(TOKEN).compute_signature(BASE + "/voice/gather", params)
    response = module_app.test_client().post("/voice/gather", data=params, headers={"X-Twilio-Signature": signature})
    assert response.status_code == 200
