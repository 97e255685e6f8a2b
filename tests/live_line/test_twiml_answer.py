"""The TwiML answer (`ivr.adapters.answer`) is the response werkzeug would have made and served, made cheaper."""

from __future__ import annotations

import pytest
from flask import Response

from ivr.adapters.answer import TWIML_TYPE, TwimlResponse, twiml_response

BODY = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Café, ¿sí?</Say></Response>'


def _environ(method: str = "POST") -> dict[str, str]:
    return {"REQUEST_METHOD": method, "SERVER_NAME": "127.0.0.1", "SERVER_PORT": "8470", "wsgi.url_scheme": "http",
            "HTTP_HOST": "127.0.0.1:8470", "PATH_INFO": "/voice/gather"}


def _werkzeugs(body: str, state: str, tier: str) -> Response:
    response = Response(body, 200, content_type=TWIML_TYPE)
    response.headers.add("X-IVR-State", state)
    response.headers.add("X-IVR-Tier", tier)
    return response


def _served(response: Response, environ: dict[str, str]) -> tuple[str, list[tuple[str, str]], bytes]:
    started: list[tuple[str, list[tuple[str, str]]]] = []
    body = b"".join(response(environ, lambda status, headers, exc_info=None: started.append((status, headers))))
    return started[0][0], started[0][1], body


def test_the_answer_holds_what_werkzeugs_constructor_would_set() -> None:
    made, expected = twiml_response(BODY, "verify.receipt", "ivr"), _werkzeugs(BODY, "verify.receipt", "ivr")
    assert made.__dict__ == expected.__dict__
    assert (made.status, made.mimetype, made.get_data(as_text=True)) == ("200 OK", "text/xml", BODY)


@pytest.mark.parametrize("method", ["POST", "GET", "HEAD"])
def test_the_answer_is_served_as_werkzeug_serves_it(method: str) -> None:
    made, expected = twiml_response(BODY, "main_menu", "ivr"), _werkzeugs(BODY, "main_menu", "ivr")
    assert _served(made, _environ(method)) == _served(expected, _environ(method))


def test_a_close_callback_is_still_called_after_serving() -> None:
    closed: list[bool] = []
    response = twiml_response(BODY, "main_menu", "ivr")
    response.call_on_close(lambda: closed.append(True))
    iterable = response(_environ(), lambda *args: None)
    list(iterable)
    iterable.close()  # type: ignore[attr-defined]
    assert closed == [True]


def test_a_state_with_a_line_break_is_refused_as_werkzeug_refuses_it() -> None:
    with pytest.raises(ValueError):
        twiml_response(BODY, "main\nmenu", "ivr")


def test_the_answer_is_a_flask_response_so_flask_serves_it_unconverted() -> None:
    assert isinstance(twiml_response(BODY, "main_menu", "ivr"), Response)
    assert issubclass(TwimlResponse, Response)
