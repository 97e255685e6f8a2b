"""The call report room (`/reports`): `ivr report` in the signed-in web app.

Issue 15: "the same page in the signed-in QA area of the web app".  Phone callers are real people,
so only QA (and admins) read the live line's figures; trainers read their rehearsals.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from ivr.qa.transcript import CallerInput
from ivr.web.testing import TEST_PASSWORD, add_user, page_of

EASTERN = dt.timezone(dt.timedelta(hours=-5))


def play(app: Flask, sid: str, hour: int, keys: tuple[str, ...], channel: str = "phone") -> None:
    """One call through the call service at `hour` (Eastern) on Monday 23 November 2026."""
    calls = app.extensions["ivr"].calls
    at = dt.datetime(2026, 11, 23, hour, 0, tzinfo=EASTERN)
    calls.handle(sid, CallerInput("start").event(at, "+12025550143"), channel)
    for key in keys:
        at += dt.timedelta(seconds=15)
        calls.handle(sid, CallerInput("press", key).event(at), channel)


@pytest.fixture
def day(web_app: Flask) -> Flask:
    """Three live calls (hours twice, a representative once) and one softphone rehearsal."""
    play(web_app, "CAlive1", 9, ("1", "8", "9"))
    play(web_app, "CAlive2", 9, ("2", "8", "9"))
    play(web_app, "CAlive3", 14, ("1", "0", "1"))
    play(web_app, "CArehearsal1", 10, ("1", "8", "9"), channel="softphone")
    return web_app


def figures(page: str) -> dict[str, str]:
    return dict(re.findall(r"<dt>([^<]+)</dt><dd>([^<]+)</dd>", page))


def test_qa_reads_the_live_lines_figures(day: Flask, as_role: Callable[..., Any]) -> None:
    """QA's default report is the live line: 3 calls, 2 ended in self-service, 1 reached Tier 1."""
    page = as_role("qa").get("/reports?from=2026-11-23&to=2026-11-23").get_data(as_text=True)
    shown = figures(page)
    assert (shown["Calls"], shown["Ended in self-service"], shown["Reached Tier 1"]) == ("3", "2 (67%)", "1")
    assert shown["Busiest hour (Eastern)"] == "09:00"


def test_a_trainer_reads_rehearsals_only(day: Flask, as_role: Callable[..., Any]) -> None:
    """A trainer's report counts the rehearsal; asking for the live line is refused (403)."""
    trainer = as_role("trainer")
    assert figures(trainer.get("/reports").get_data(as_text=True))["Calls"] == "1"
    assert trainer.get("/reports?channel=live").status_code == 403


def test_a_trainee_cannot_open_the_report(day: Flask, as_role: Callable[..., Any]) -> None:
    """Trainees practise; the report is for QA and trainers (403)."""
    assert as_role("trainee").get("/reports").status_code == 403


def test_the_csv_download_carries_the_figures(day: Flask, as_role: Callable[..., Any]) -> None:
    """`/reports/report.csv` is an attachment with the same counts."""
    response = as_role("qa").get("/reports/report.csv?from=2026-11-23&to=2026-11-23")
    rows = {(r["section"], r["key"]): r["value"] for r in csv.DictReader(io.StringIO(response.get_data(as_text=True)))}
    assert response.headers["Content-Disposition"].startswith("attachment; filename=\"call-report-live-2026-11-23")
    assert (rows[("calls", "total")], rows[("reached tier", "tier1")]) == ("3", "1")


def test_a_malformed_date_is_a_clear_400(day: Flask, as_role: Callable[..., Any]) -> None:
    """A date that is not YYYY-MM-DD gets a 400 that says so, not a 500."""
    response = as_role("qa").get("/reports?from=23/11/2026")
    assert response.status_code == 400 and b"is not a date" in response.data


def test_a_period_that_ends_before_it_starts_is_explained_beside_the_form(day: Flask, as_role: Callable[..., Any]) -> None:
    """Dates picked the wrong way round get the report page again, saying why, with the dates kept to correct."""
    page = as_role("qa").get("/reports?from=2026-11-24&to=2026-11-20")

    text = page.get_data(as_text=True)
    assert page.status_code == 400
    assert 'role="alert"' in text and "the period ends (2026-11-20) before it starts (2026-11-24)" in text
    assert 'name="from" value="2026-11-24"' in text and 'name="to" value="2026-11-20"' in text
    assert "Sign out" in text  # still inside the room, not a bare error page


def test_the_page_allows_only_its_charts_own_styles(day: Flask, as_role: Callable[..., Any]) -> None:
    """The CSP lets in each chart's own styles by their hashes, still no inline script, and frames nowhere."""
    response = as_role("qa").get("/reports")
    policy = response.headers["Content-Security-Policy"]
    styles = re.search(r"style-src ([^;]+)", policy).group(1).split()  # type: ignore[union-attr]
    assert styles[:2] == ["'self'", "'unsafe-hashes'"] and len(styles) > 2
    assert all(source.startswith("'sha256-") for source in styles[2:])
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy


@pytest.fixture
def served(day: Flask) -> Iterator[str]:
    """The app with the day's calls, served over HTTP on a free loopback port, with a QA account."""
    from werkzeug.serving import make_server

    add_user(day, "quinn", "qa")
    http = make_server("127.0.0.1", 0, day, threaded=True)
    thread = threading.Thread(target=http.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{http.server_port}"
    http.shutdown()
    thread.join(5)


@pytest.mark.browser
def test_the_report_page_draws_styled_charts_in_chromium(served: str, browser: Any, tmp_path: Path) -> None:
    """Real headless Chromium: QA signs in, opens the report; the charts draw in the palette's colours (the CSP let their styles in)."""
    with page_of(browser, width=1200, height=1000) as page:
        page.goto(served + "/signin")
        page.fill("input[name=username]", "quinn")
        page.fill("input[name=password]", TEST_PASSWORD)
        page.click("button[type=submit]")
        page.goto(served + "/reports?from=2026-11-23&to=2026-11-23")
        fills = page.evaluate("""() => [...document.querySelectorAll('svg path.slice, svg rect.rect')]
            .map(shape => getComputedStyle(shape).fill)""")
        shot = tmp_path / "reports-room.png"
        page.screenshot(path=str(shot), full_page=True)
    assert fills and "rgb(0, 94, 162)" in fills  # #005ea2, the first colour of the report's palette
    assert shot.stat().st_size > 20_000
