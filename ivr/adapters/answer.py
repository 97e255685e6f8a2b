"""A webhook's TwiML answer as a Flask response, served without werkzeug's general path.

Every voice answer is the same shape: status 200, a UTF-8 XML body, its
length, and the `X-IVR-State` / `X-IVR-Tier` headers.  `twiml_response`
builds it with werkzeug's own constructor; `TwimlResponse.get_wsgi_response`
then hands the server the body list and the headers as they are, where
werkzeug copies the headers, scans them for `Location` and `Content-Length`
and wraps the body in a closing iterator that encodes it again (about 8 µs a
webhook, in process): none of that can change such an answer.  Anything else
(a HEAD request, a status other than 200, a close callback registered, a body
replaced by a stream, direct passthrough) is served by werkzeug as before.
"""

from __future__ import annotations

from typing import Any

from flask import Response

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
    response = TwimlResponse(body, 200, content_type=TWIML_TYPE)
    headers = response.headers
    headers.add("X-IVR-State", state)  # werkzeug refuses a value with a line break, as it always did
    headers.add("X-IVR-Tier", tier)
    return response
