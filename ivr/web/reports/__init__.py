"""The call report room (`/reports`): `ivr report` in the browser, for QA and trainers.

    GET /reports?from=YYYY-MM-DD&to=YYYY-MM-DD&channel=live|rehearsals   the page with charts
    GET /reports/report.csv?…                                             the same figures as CSV

QA (and admins) read the live line's calls; trainers read the trainer room's
rehearsals only (phone callers are real people: their calls are QA's).
A thin shell over `ivr.qa.analytics` and `ivr.qa.analytics_report`; the
charts are inline SVG drawn on the server, so the page runs no script.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import html
import re

from flask import Blueprint, Response, current_app, render_template, request
from markupsafe import Markup

from ivr.qa.analytics import CallReport, analyse
from ivr.qa.analytics_report import report_body, report_csv
from ivr.qa.report_command import CHANNELS, stored_summaries
from ivr.web.auth import signed_in_user
from ivr.web.security import CSP

bp = Blueprint("reports", __name__, template_folder="templates", static_folder="static",
               static_url_path="/reports/static")

ROLES = ("qa", "trainer", "admin")
LIVE_ROLES = ("qa", "admin")  # who may read the live line's calls
CHANNEL_NAMES = {"live": "Live line", "rehearsals": "Rehearsals", "all": "Both"}


class _Refused(Exception):
    """A period or channel the report cannot show: the page says why beside its form (the CSV link answers 400)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def _channels() -> list[str]:
    user = signed_in_user()
    if user is not None and user.has_role(*LIVE_ROLES):
        return ["live", "rehearsals", "all"]
    return ["rehearsals"]


def _date(name: str) -> dt.date | None:
    value = request.args.get(name, "").strip()
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Refused(400, f"'{value[:20]}' is not a date (YYYY-MM-DD)") from None


def _report() -> tuple[CallReport, str]:
    allowed = _channels()
    channel = request.args.get("channel", allowed[0])
    if channel not in CHANNELS:
        raise _Refused(400, f"unknown channel (one of {', '.join(allowed)})")
    if channel not in allowed:
        raise _Refused(403, "the live line's calls are for QA: your role reads the rehearsals")
    start, end = _date("from"), _date("to")
    if start and end and end < start:
        raise _Refused(400, f"the period ends ({end}) before it starts ({start}): choose a 'To' date on or after 'From'")
    store = current_app.extensions["ivr"].store
    return analyse(stored_summaries(store, channel), start, end), channel


_STYLE_ELEMENT = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
_STYLE_ATTRIBUTE = re.compile(r'\sstyle="([^"]*)"')


def _with_chart_styles(csp: str, body: str) -> str:
    """The room's CSP, letting in exactly the charts' own styles by hash (their `<style>` elements and
    `style` attributes), and nothing else inline: no script at all."""
    elements, attributes = set(_STYLE_ELEMENT.findall(body)), set(_STYLE_ATTRIBUTE.findall(body))
    hashes = sorted(_hash(css) for css in elements | attributes)
    if not hashes:
        return csp
    sources = ["style-src 'self'", *(["'unsafe-hashes'"] if attributes else []), *hashes]
    return csp.replace("style-src 'self'", " ".join(sources), 1)


def _hash(css: str) -> str:
    # the browser hashes the text it parsed: character references (`&gt;` in the SVG's CSS) decoded
    decoded = html.unescape(css)
    return "'sha256-" + base64.b64encode(hashlib.sha256(decoded.encode("utf-8")).digest()).decode("ascii") + "'"


@bp.get("/reports")
def page() -> Response:
    """The report for the period and channel asked, with the form to ask another (and why not, when it cannot)."""
    try:
        report, channel = _report()
    except _Refused as refused:
        page_html = render_template(
            "report.html", body=None, error=refused.message, channel=request.args.get("channel", ""),
            channels=[(name, CHANNEL_NAMES[name]) for name in _channels()],
            start=request.args.get("from", ""), end=request.args.get("to", ""),
        )
        return Response(page_html, refused.status, mimetype="text/html")
    body = report_body(report)
    page_html = render_template(
        "report.html",
        body=Markup(body),  # noqa: S704 - built by report_body, which escapes every text it writes
        error=None,
        channel=channel,
        channels=[(name, CHANNEL_NAMES[name]) for name in _channels()],
        start=request.args.get("from", ""),
        end=request.args.get("to", ""),
    )
    response = Response(page_html, mimetype="text/html")
    response.headers["Content-Security-Policy"] = _with_chart_styles(CSP, body)
    return response


@bp.get("/reports/report.csv")
def csv_download() -> Response:
    """Every figure of the report, as CSV."""
    try:
        report, channel = _report()
    except _Refused as refused:
        return Response(f"{refused.message}\n", refused.status, mimetype="text/plain")
    name = f"call-report-{channel}-{report.start or 'start'}-{report.end or 'end'}.csv"
    return Response(report_csv(report), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})
