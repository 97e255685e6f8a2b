"""The signature check's one-HMAC path accepts exactly what twilio's `RequestValidator.validate` accepts.

A genuine request is judged with one `compute_signature` over the URL as it
reached the app; anything else falls back to the library's `validate` (the
URL with and without its port, as werkzeug spells it), so the quick path never
widens or narrows what is let in.
"""

from __future__ import annotations

import io
from typing import Any

from flask import Flask
from twilio.request_validator import RequestValidator
from werkzeug.datastructures import MultiDict

from tests.live_line.conftest import TOKEN, form


def _post(app: Flask, url: str, signed_over: str, params: dict[str, str], token: str = TOKEN) -> int:
    signature = RequestValidator(token).compute_signature(signed_over, params)
    base, _, path = url.partition("://")[2].partition("/")
    client = app.test_client()
    response = client.post("/" + path, data=params, headers={"X-Twilio-Signature": signature},
                           base_url=url.split("://")[0] + "://" + base)
    return response.status_code


def test_a_request_signed_over_its_own_url_is_accepted(module_app: Flask) -> None:
    """The common case: Twilio signed the URL it posted to, query string included."""
    url = "http://127.0.0.1:8410/voice/gather?step=3"
    assert _post(module_app, url, url, form(Digits="1")) == 200


def test_a_request_signed_over_the_url_with_its_default_port_is_accepted(module_app: Flask) -> None:
    """Twilio sometimes signs `https://host:443/…`; the library's port variants still apply."""
    params = form(Digits="1")
    assert _post(module_app, "https://ivr.example.org/voice", "https://ivr.example.org:443/voice", params) == 200


def test_a_signature_over_other_form_values_is_refused(module_app: Flask) -> None:
    """The quick path signs the form as received: a changed value no longer matches."""
    url = "http://127.0.0.1:8410/voice/gather?step=3"
    signature = RequestValidator(TOKEN).compute_signature(url, form(Digits="1"))
    response = module_app.test_client().post("/voice/gather?step=3", data=form(Digits="2"),
                                             headers={"X-Twilio-Signature": signature},
                                             base_url="http://127.0.0.1:8410")
    assert response.status_code == 403


def test_a_signature_over_another_path_is_refused(module_app: Flask) -> None:
    """A signature made for one URL does not open another."""
    assert _post(module_app, "http://127.0.0.1:8410/voice/status", "http://127.0.0.1:8410/voice", form()) == 403


def test_a_signature_over_another_query_is_refused(module_app: Flask) -> None:
    """The step number in the query is part of what was signed."""
    url = "http://127.0.0.1:8410/voice/gather?step=3"
    assert _post(module_app, url, "http://127.0.0.1:8410/voice/gather?step=4", form(Digits="1")) == 403


def test_repeated_form_names_are_signed_over_every_value(module_app: Flask) -> None:
    """A name sent twice is signed with both values, as twilio's library sorts them."""
    url = "http://127.0.0.1:8410/voice/gather?step=3"
    params = [("CallSid", "CA" + "7" * 32), ("Digits", "1"), ("Digits", "2")]
    signature = RequestValidator(TOKEN).compute_signature(url, {"CallSid": "CA" + "7" * 32})  # one value left out
    full = RequestValidator(TOKEN).compute_signature(url, MultiDict(params))
    client = module_app.test_client()
    body = "&".join(f"{k}={v}" for k, v in params)
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    wrong = client.post("/voice/gather?step=3", data=body, headers={**headers, "X-Twilio-Signature": signature},
                        base_url="http://127.0.0.1:8410")
    right = client.post("/voice/gather?step=3", data=body, headers={**headers, "X-Twilio-Signature": full},
                        base_url="http://127.0.0.1:8410")
    assert (wrong.status_code, right.status_code) == (403, 200)


_BODIES = [
    b"CallSid=CA77&Digits=1",
    b"SpeechResult=J%C3%BCrgen+says+%22hola%22&Confidence=0.9",  # UTF-8, quotes, plus for space
    b"Digits=1&Digits=2&Empty=&Bare",  # a repeated name, a blank value, a name without '='
    b"Broken=%ZZ%E9&Half=%C3",  # escapes that decode to no UTF-8
    b"Latin=\xe9t\xe9",  # raw bytes that are not UTF-8: werkzeug's parser gives an empty form
    b"",
]


def test_a_twilio_form_is_parsed_as_werkzeug_parses_it(module_app: Flask) -> None:
    """The check reads a form of known length itself (`_read_form`): the same names, values and order as werkzeug's own parser."""
    from werkzeug.test import EnvironBuilder

    from ivr.adapters.signature import _read_form

    for body in _BODIES:
        def request() -> Any:
            environ = EnvironBuilder("/voice/gather", method="POST", data=body,
                                     content_type="application/x-www-form-urlencoded").get_environ()
            return module_app.request_class(environ)

        ours, theirs = request(), request()
        assert _read_form(ours, len(body))
        assert list(ours.form.items(multi=True)) == list(theirs.form.items(multi=True)), body
        assert type(ours.form) is type(theirs.form) and not ours.files


def test_a_body_shorter_than_its_content_length_is_refused(module_app: Flask) -> None:
    """A client gone before the end of its form is refused (403), never parsed from what arrived."""
    url = "http://127.0.0.1:8410/voice/gather?step=3"
    params = form(Digits="1")
    body = "&".join(f"{k}={v}" for k, v in params.items()).encode()
    signature = RequestValidator(TOKEN).compute_signature(url, params)
    response = module_app.test_client().post(
        "/voice/gather?step=3", input_stream=io.BytesIO(body[:-1]), base_url="http://127.0.0.1:8410",
        headers={"X-Twilio-Signature": signature, "Content-Type": "application/x-www-form-urlencoded",
                 "Content-Length": str(len(body))},
    )
    assert response.status_code == 403


def test_the_form_as_the_check_hands_it_to_twilio_signs_as_the_multi_dict_does() -> None:
    """The check hands twilio the multi-dict's own lists (read through `getall`): the same signature as the
    multi-dict, repeated names, empty and non-ASCII values included."""
    from werkzeug.datastructures import ImmutableMultiDict

    from ivr.adapters.signature import _Lists

    validator = RequestValidator(TOKEN)
    for pairs in ([], [("Digits", "1")], [("b", "2"), ("a", "1"), ("b", "0"), ("c", ""), ("Speech", "sí, señor")]):
        multi = ImmutableMultiDict(pairs)
        url = "https://ivr.example.org/voice/gather?step=2"
        assert validator.compute_signature(url, _Lists(dict.items(multi))) == validator.compute_signature(url, multi)
