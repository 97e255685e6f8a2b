"""`ivr load URL`: a load caller that drives a deployment as Twilio would (issue 11, point 5).

Each test serves the real app over HTTP on loopback and points the load caller at it.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from flask import Flask, Response, request

from ivr.cli import main
from ivr.ops.load import EVERY_REQUEST, IDEMPOTENCY_HEADER, Plan, parse, run, scripts_from
from ivr.qa.transcript import CallerInput

TOKEN = "test-auth-token"
CALLS = Path(__file__).resolve().parents[1] / "calls"
ELEVEN_WEBHOOKS = CALLS / "case_status_another_case.call.yaml"


@pytest.fixture
def make_app(make_app: Callable[..., Flask], tmp_path: Path) -> Callable[..., Flask]:
    """Apps over a SQLite file, as a deployment has (several server threads share it)."""
    return functools.partial(make_app, DATABASE_URL=f"sqlite:///{tmp_path / 'calls.sqlite3'}")


def test_a_test_call_is_followed_webhook_by_webhook(make_app: Callable[..., Flask], serve: Callable[[Any], str]) -> None:
    """Every call follows the test call's ten inputs, then Twilio's status callback: 11 signed webhooks, none failing."""
    app = make_app()
    url = serve(app)
    report = run(Plan(url, TOKEN, scripts_from([ELEVEN_WEBHOOKS]), callers=3, calls=6, duration=60))
    assert (report.calls_started, report.calls_finished, report.requests) == (6, 6, 66)
    assert report.failed == 0 and len(report.latencies) == 66
    assert len(app.extensions["ivr"].store.calls(limit=100)) == 6


def test_the_calls_reach_the_states_the_test_call_expects(make_app: Callable[..., Flask], serve: Callable[[Any], str]) -> None:
    """The store's transcript of a driven call ends where the test call's last expectation says (the second case's status)."""
    app = make_app()
    run(Plan(serve(app), TOKEN, scripts_from([ELEVEN_WEBHOOKS]), callers=1, calls=1, duration=60))
    [record] = app.extensions["ivr"].store.calls(limit=5)
    said = " ".join(str(entry) for entry in app.extensions["ivr"].store.transcript(record.call_sid))
    assert "Case Was Received and A Receipt Notice Was Sent" in said


def test_random_walks_hear_only_twiml(make_app: Callable[..., Flask], serve: Callable[[Any], str]) -> None:
    """Without test calls, callers walk the menus they hear; every answer is TwiML, none an apology or an error."""
    report = run(Plan(serve(make_app()), TOKEN, callers=4, calls=12, duration=60, seed=3))
    assert report.calls_finished == 12 and report.requests > 12 * 3
    assert (dict(report.errors), report.not_twiml, report.apologies) == ({}, 0, 0)


def test_a_wrong_token_is_counted_as_refused_requests(make_app: Callable[..., Flask], serve: Callable[[Any], str]) -> None:
    """Signed with another token, every first webhook gets 403, and each call stops there, as Twilio's would."""
    report = run(Plan(serve(make_app()), "not-the-token", callers=2, calls=3, duration=30))
    assert dict(report.errors) == {"HTTP 403": 3}
    assert report.requests == 3


def test_signatures_follow_the_public_base_url(make_app: Callable[..., Flask], serve: Callable[[Any], str]) -> None:
    """Behind a proxy the deployment checks signatures over PUBLIC_BASE_URL: the load caller signs over it too."""
    url = serve(make_app(PUBLIC_BASE_URL="https://ivr.example.test"))
    without = run(Plan(url, TOKEN, callers=1, calls=1, duration=30))
    signed = run(Plan(url, TOKEN, callers=1, calls=2, duration=30, public_base_url="https://ivr.example.test"))
    assert dict(without.errors) == {"HTTP 403": 1}
    assert signed.failed == 0 and signed.requests > 2


def test_answers_that_are_not_twiml_are_counted(serve: Callable[[Any], str]) -> None:
    """A server answering HTML counts as 'not TwiML', and the call ends there."""
    html = Flask("not-twiml")
    html.add_url_rule("/voice", view_func=lambda: Response("<html><body>hi</body></html>", mimetype="text/html"), methods=["POST"])
    report = run(Plan(serve(html), TOKEN, callers=1, calls=2, duration=30))
    assert (report.not_twiml, report.requests) == (2, 2)


def test_every_webhook_carries_what_twilio_posts_with_every_request(
    make_app: Callable[..., Flask], serve: Callable[[Any], str]
) -> None:
    """As Twilio's do (its voice webhooks' request parameters), every webhook of a call carries the account, the API
    version, the direction and both parties with their geographic fields, besides the CallSid and its own fields:
    the first a ringing CallStatus, the status callback a completed one, the rest the call in progress."""
    app = make_app()
    forms: list[dict[str, str]] = []

    @app.before_request
    def keep_the_form() -> None:
        forms.append(request.form.to_dict())

    report = run(Plan(serve(app), TOKEN, scripts_from([ELEVEN_WEBHOOKS]), callers=1, calls=1, duration=60))
    assert report.failed == 0 and len(forms) == 11
    constant = {name: value for name, value in EVERY_REQUEST.items() if name != "CallStatus"}
    for form in forms:
        assert form.items() >= constant.items() and form["CallSid"].startswith("CA") and len(form["CallSid"]) == 34
    assert [form["CallStatus"] for form in forms] == ["ringing"] + ["in-progress"] * 9 + ["completed"]
    assert {"Digits", "CallStatus"} >= forms[1].keys() - EVERY_REQUEST.keys() - {"CallSid"}


def test_every_webhook_carries_its_own_idempotency_token_as_twilios_do(
    make_app: Callable[..., Flask], serve: Callable[[Any], str]
) -> None:
    """Twilio sends `I-Twilio-Idempotency-Token` with every webhook request, a value of its own for each (the same
    only in a retry): the app keeps each answer under it (issue 9's retries), so the load caller sends one too."""
    app = make_app()
    tokens: list[str] = []

    @app.before_request
    def keep_the_token() -> None:
        tokens.append(request.headers.get(IDEMPOTENCY_HEADER, ""))

    report = run(Plan(serve(app), TOKEN, scripts_from([ELEVEN_WEBHOOKS]), callers=1, calls=2, duration=60))
    assert report.failed == 0 and len(tokens) == 22
    assert all(tokens) and len(set(tokens)) == 22


def test_a_silent_caller_follows_the_redirect_after_the_gather() -> None:
    """Silence is the Redirect that follows a Gather (Twilio's timeout), keys go to the Gather's action."""
    from ivr.ops.load import request_for

    turn = parse('<Response><Gather action="/voice/gather" numDigits="1"><Say>For English, press 1.</Say></Gather>'
                 '<Redirect method="POST">/voice/gather?silence=1</Redirect></Response>')
    assert request_for(CallerInput("silence"), turn) == ("/voice/gather?silence=1", {})
    assert request_for(CallerInput("press", "1"), turn) == ("/voice/gather", {"Digits": "1"})
    assert turn.num_digits == 1 and turn.text == "For English, press 1."


def test_ivr_load_prints_the_report_and_json(make_app: Callable[..., Flask], serve: Callable[[Any], str]) -> None:
    """The command reports throughput, latency percentiles and errors; --json gives the same numbers for tools."""
    url = serve(make_app())
    runner = CliRunner()
    text = runner.invoke(main, ["load", url, "--token", TOKEN, "-n", "2", "-c", "2", "--calls", str(ELEVEN_WEBHOOKS)])
    assert text.exit_code == 0, text.output
    assert "22 webhooks (22 answered with TwiML) in" in text.output and "latency: p50" in text.output and "errors: none" in text.output
    as_json = runner.invoke(main, ["load", url, "--token", TOKEN, "-n", "1", "--json"])
    data = json.loads(as_json.output)
    assert set(data["latency_ms"]) == {"p50", "p90", "p99", "max"} and data["errors"] == {}


def test_ivr_load_exits_1_when_requests_fail(make_app: Callable[..., Flask], serve: Callable[[Any], str]) -> None:
    """Refused webhooks make the run fail (exit 1), so a CI job against staging notices."""
    result = CliRunner().invoke(main, ["load", serve(make_app()), "--token", "wrong", "-n", "1"])
    assert result.exit_code == 1
    assert "HTTP 403 1" in result.output


def test_ivr_load_without_a_token_is_one_line(monkeypatch: Any) -> None:
    """Without --token or TWILIO_AUTH_TOKEN the command says which setting is missing and exits 1."""
    monkeypatch.delenv("TWILIO_AUTH_TOKEN", raising=False)
    result = CliRunner().invoke(main, ["load", "http://127.0.0.1:8499"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: TWILIO_AUTH_TOKEN: not set (give the deployment's token with --token)"


def test_a_call_whose_webhook_failed_is_dropped_not_finished(make_app: Callable[..., Flask], serve: Callable[[Any], str]) -> None:
    """A refused first webhook ends the call there, as Twilio drops it: the report says dropped, not finished."""
    report = run(Plan(serve(make_app()), "not-the-token", callers=2, calls=3, duration=30))
    assert (report.calls_started, report.calls_finished, report.calls_dropped) == (3, 0, 3)
    assert report.answered == 0


def test_a_deployment_that_is_down_is_reported_as_unanswered(port_finder: Callable[[int], int]) -> None:
    """Nothing listening: every call is dropped at its first webhook and none is answered."""
    report = run(Plan(f"http://127.0.0.1:{port_finder(1)}", TOKEN, callers=2, calls=4, duration=30))
    assert (report.requests, report.answered, report.calls_finished, report.calls_dropped) == (4, 0, 0, 4)
    assert "(0 answered with TwiML)" in report.lines()[0] and "4 dropped after a failed webhook" in report.lines()[0]


def test_the_webhook_url_from_twilios_console_is_taken_as_the_deployment(
    make_app: Callable[..., Flask], serve: Callable[[Any], str]
) -> None:
    """Given the voice webhook's URL (…/voice, as Twilio's console shows it), the callers still reach /voice, not
    /voice/voice, and sign over the same URLs the deployment checks."""
    report = run(Plan(serve(make_app()) + "/voice", TOKEN, scripts_from([ELEVEN_WEBHOOKS]), callers=1, calls=2, duration=60))
    assert (report.failed, report.calls_finished, report.requests) == (0, 2, 22)


def test_ivr_load_says_which_deployment_a_webhook_url_names(make_app: Callable[..., Flask], serve: Callable[[Any], str]) -> None:
    """The command names the base URL it took from a webhook URL, on standard error (the --json output stays JSON)."""
    url = serve(make_app())
    result = CliRunner().invoke(main, ["load", url + "/voice/", "--token", TOKEN, "-n", "1", "--json"])
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == f"{url}/voice/ is the voice webhook's URL: calling the deployment at {url}"
    assert json.loads(result.stdout)["calls_finished"] == 1
