"""`ivr report`: how a day of stored calls went, checked against the calls that made it.

Issue 15: "containment (ended in self-service), abandonment by state, time to reach a tier, transfers
per tier with their seed reasons, service requests by type and office, the busiest hours, per language
and per flow version; as an HTML page with charts … and as CSV".  The transfer reasons are seed
003_29c9fde61bf22c66.txt's: live assistance on request, a supervisor "at any time", and Tier 1 "unable
to completely resolve".
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from ivr import config as settings
from ivr.app import build_runtime
from ivr.cli import main
from ivr.qa import testcall
from ivr.qa.analytics import analyse
from ivr.qa.analytics_report import report_csv, report_html
from ivr.qa.report_command import stored_summaries
from ivr.qa.transcript import CallerInput
from ivr.store.sql import SqlStore
from ivr.web.testing import page_of

from .conftest import HERE

CALLS = HERE.parent / "calls"
DAY = dt.date(2026, 11, 23)  # a Monday: live assistance 8 a.m. to 8 p.m. Eastern
EASTERN = dt.timezone(dt.timedelta(hours=-5))


def keys(*pressed: str) -> list[CallerInput]:
    return [CallerInput("press", key) for key in pressed]


def from_test_call(name: str) -> list[CallerInput]:
    """The inputs of a shipped test call (the call's path is what that test call checks)."""
    return [step.input for step in testcall.load_call(CALLS / f"{name}.call.yaml").steps]


# kind -> (inputs after the call starts, the hours (Eastern) at which such calls start)
KINDS: dict[str, tuple[list[CallerInput], list[int]]] = {
    "hours in English": (keys("1", "8", "9"), [8, 9, 9, 10, 14]),
    "hours in Spanish": (keys("2", "8", "9"), [9, 9, 16, 19]),
    "hung up at the main menu": (keys("1") + [CallerInput("hang_up")], [9, 12, 18]),
    "Tier 1 script": (from_test_call("live_tier1_script_answer"), [10, 10, 13]),
    "Tier 1 to Tier 2": (from_test_call("live_tier1_to_tier2"), [11, 15]),
    "supervisor on request": (from_test_call("live_supervisor_requested"), [10, 17]),
    "service request in the IVR": (from_test_call("service_requests_create"), [13]),
}


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A SQLite store holding a generated day of live-line calls (and one rehearsal, which the live report leaves out)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('day') / 'calls.sqlite3'}"
    runtime = build_runtime(settings.resolve({"DATABASE_URL": url, "TWILIO_AUTH_TOKEN": "t"}), tmp_path_factory.mktemp("instance"))
    number = 0
    for kind, (inputs, hours) in KINDS.items():
        for hour in hours:
            number += 1
            at = dt.datetime(DAY.year, DAY.month, DAY.day, hour, 5, tzinfo=EASTERN)
            _play(runtime, f"CAday{number:03d}", at, inputs, "phone")
    _play(runtime, "CArehearsal001", dt.datetime(2026, 11, 23, 9, 0, tzinfo=EASTERN), keys("1", "0"), "softphone")
    runtime.store.close()
    return url


def _play(runtime: Any, sid: str, at: dt.datetime, inputs: list[CallerInput], channel: str) -> None:
    """A call through the call service (as a webhook would), a step every 20 simulated seconds; the caller hangs up last."""
    step = runtime.calls.handle(sid, CallerInput("start").event(at, "+12025550143"), channel)
    for given in inputs:
        if step.session.ended:
            return
        at += dt.timedelta(seconds=20)
        step = runtime.calls.handle(sid, given.event(at), channel)
    if not step.session.ended:
        runtime.calls.handle(sid, CallerInput("hang_up").event(at + dt.timedelta(seconds=20)), channel)


@pytest.fixture(scope="module")
def report(database: str) -> Any:
    store = SqlStore(database)
    try:
        return analyse(list(stored_summaries(store, "live")), DAY, DAY)
    finally:
        store.close()


def count(*kinds: str) -> int:
    return sum(len(KINDS[kind][1]) for kind in kinds)


def test_every_live_call_of_the_day_is_counted_and_rehearsals_are_not(report: Any) -> None:
    """20 phone calls in the day; the softphone rehearsal belongs to the trainer room's report."""
    assert report.calls == count(*KINDS) == 20


def test_containment_counts_the_calls_the_ivr_finished(report: Any) -> None:
    """Hours (both languages) and the self-service request ended in the IVR: contained."""
    assert report.contained == count("hours in English", "hours in Spanish", "service request in the IVR")


def test_abandonment_is_counted_where_the_caller_hung_up(report: Any) -> None:
    """The callers who hung up at the main menu are the abandoned calls, by state."""
    assert report.abandoned_by_state == [("main_menu", count("hung up at the main menu"))]


def test_each_tier_counts_the_calls_that_reached_it(report: Any) -> None:
    """Tier 1 is reached by every live call; Tier 2 and the supervisor by theirs (seed 003's ladder)."""
    assert report.reached == {
        "tier1": count("Tier 1 script", "Tier 1 to Tier 2", "supervisor on request"),
        "tier2": count("Tier 1 to Tier 2"),
        "supervisor": count("supervisor on request"),
    }


def test_transfers_carry_their_seed_reasons(report: Any) -> None:
    """Every transfer into Tier 1 here was asked for; the supervisor was requested (seed 003)."""
    reasons = {(tier, reason): number for tier, reason, _, number in report.transfers}
    assert reasons[("tier1", "caller_requested_live_assistance")] == report.reached["tier1"]
    assert reasons[("supervisor", "caller_requested_supervisor")] == count("supervisor on request")
    assert sum(number for (tier, _), number in reasons.items() if tier == "tier2") == count("Tier 1 to Tier 2")


def test_time_to_a_tier_is_measured_in_simulated_seconds(report: Any) -> None:
    """Tier 1 is reached at the fourth step (English, 0, then 1 for a representative; 20 s apart): 60 s."""
    assert report.time_to_tier["tier1"][0] == 60.0


def test_service_requests_are_counted_by_type_and_office(report: Any) -> None:
    """Each self-service request is counted once, with the office that holds the case (seed 003)."""
    assert sum(number for _, _, number in report.service_requests) == count("service request in the IVR")
    assert all(office and office != "unknown office" for _, office, _ in report.service_requests)


def test_the_busiest_hour_and_the_hours_are_eastern(report: Any) -> None:
    """Calls per hour match the generated start hours; 9 a.m. Eastern is the busiest."""
    expected: dict[int, int] = {}
    for _, hours in KINDS.values():
        for hour in hours:
            expected[hour] = expected.get(hour, 0) + 1
    assert {hour: n for hour, n in report.by_hour if n} == expected
    assert report.busiest_hour == 9


def test_calls_are_split_by_language_and_flow_version(report: Any) -> None:
    """Spanish calls are counted apart; one flow version served the day."""
    languages = {language: (calls, contained) for language, calls, contained in report.by_language}
    assert languages["es"] == (count("hours in Spanish"), count("hours in Spanish"))
    assert sum(calls for _, calls, _ in report.by_flow) == 20 and len(report.by_flow) == 1


def test_a_day_without_calls_reports_zero(database: str) -> None:
    """Another day: no calls, no division by zero, a page that says so."""
    store = SqlStore(database)
    try:
        empty = analyse(list(stored_summaries(store, "live")), dt.date(2026, 12, 1), dt.date(2026, 12, 1))
    finally:
        store.close()
    assert (empty.calls, empty.containment) == (0, 0.0)
    assert "No calls in this period." in report_html(empty)


def test_the_csv_holds_the_same_figures(report: Any) -> None:
    """The CSV's rows carry the report's counts."""
    rows = list(csv.DictReader(io.StringIO(report_csv(report))))
    value = {(row["section"], row["key"], row["detail"]): row["value"] for row in rows}
    assert value[("calls", "total", "")] == "20"
    assert value[("calls", "contained", "ended in self-service")] == str(report.contained)
    assert value[("abandoned by state", "main_menu", "")] == "3"
    assert value[("calls by hour (Eastern)", "09:00", "")] == "5"


def test_the_page_draws_its_charts_inline(report: Any) -> None:
    """The HTML holds its charts as inline SVG and fetches nothing (no CDN, no script)."""
    page = report_html(report)
    assert page.count("<svg") >= 4
    assert "<script" not in page and "http://" not in page.replace("http://www.w3.org", "")
    assert "https://" not in page


def test_the_page_names_transfer_reasons_without_citing_source_files(report: Any) -> None:
    """QA reads the reasons in words: the page cites no seed file its readers do not have."""
    page = report_html(report)
    assert report.transfers and '<th scope="col">Reason</th>' in page
    assert "seed" not in page.lower()


def test_ivr_report_writes_the_page_and_the_csv(database: str, browser: Any, tmp_path: Path) -> None:
    """`ivr report --from --to -o --csv` prints the summary line and writes both files."""
    page, table = tmp_path / "report.html", tmp_path / "report.csv"
    result = CliRunner().invoke(main, ["report", "--db", database, "--from", "2026-11-23", "--to", "2026-11-23",
                                       "-o", str(page), "--csv", str(table)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].startswith("20 calls; 10 ended in self-service (50%), 3 abandoned; reached Tier 1 7")
    assert page.read_text(encoding="utf-8").count("<svg") >= 4 and table.read_text(encoding="utf-8").startswith("section,")


def test_ivr_report_refuses_a_period_that_ends_before_it_starts(database: str) -> None:
    """--to before --from: a one-line usage error."""
    result = CliRunner().invoke(main, ["report", "--db", database, "--from", "2026-11-24", "--to", "2026-11-23"])
    assert result.exit_code == 2 and "before --from" in result.output


@pytest.mark.browser
def test_the_report_page_renders_its_charts_in_chromium(report: Any, browser: Any, tmp_path: Path) -> None:
    """Real headless Chromium opens the page: the charts have drawn bars and slices (screenshot checked)."""
    page_file = tmp_path / "report.html"
    page_file.write_text(report_html(report), encoding="utf-8")
    with page_of(browser, width=1100, height=900) as page:
        page.goto(page_file.as_uri())
        drawn = page.evaluate("""() => [...document.querySelectorAll('svg')].map(svg => {
            const box = svg.getBoundingClientRect();
            return {w: box.width, h: box.height, shapes: svg.querySelectorAll('path.slice, rect.rect, path.rect').length};
        })""")
        shot = tmp_path / "report.png"
        page.screenshot(path=str(shot), full_page=True)
    assert len(drawn) >= 4 and all(chart["w"] > 300 and chart["h"] > 100 for chart in drawn)
    assert all(chart["shapes"] > 0 for chart in drawn)
    assert shot.stat().st_size > 20_000
