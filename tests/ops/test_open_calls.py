"""Open calls for `ivr bench`: precomputed, signed webhooks of a recorded call, held on raw connections (issue 11).

The app is served over HTTP on loopback; the calls follow a recorded bench call
under their own CallSids, and every answer is judged against the state the
recording reached.  No test here asserts a speed.
"""

from __future__ import annotations

import functools
import gc
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from flask import Flask, Response

from ivr.ops.load import Plan, run
from ivr.ops.open_calls import FULL_PASSES_OFF, OpenCalls, Webhook, hold, judge, schedule
from ivr.qa.transcript import CallerInput

TOKEN = "test-auth-token"
CALL = (CallerInput("start"), CallerInput("press", "1"), CallerInput("press", "1"), CallerInput("hang_up"))
TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello</Say></Response>'


@pytest.fixture
def make_app(make_app: Callable[..., Flask], tmp_path: Path) -> Callable[..., Flask]:
    """Apps over a SQLite file, as a deployment has (several server threads share it)."""
    return functools.partial(make_app, DATABASE_URL=f"sqlite:///{tmp_path / 'calls.sqlite3'}")


@pytest.fixture
def served(make_app: Callable[..., Flask], serve: Callable[[Any], str]) -> tuple[Flask, str]:
    app = make_app()
    return app, serve(app)


@pytest.fixture
def recorded(served: tuple[Flask, str]) -> tuple[Webhook, ...]:
    """A four-webhook call placed once through the load caller, each webhook with the state its answer reported."""
    _, url = served
    report = run(Plan(url, TOKEN, scripts=(CALL,), callers=1, calls=1, duration=30, trace=True))
    assert report.failed == 0
    return tuple(Webhook(path, tuple(fields.items()), state) for (path, fields), state in zip(report.sent, report.states))


def test_the_recording_names_each_webhook_and_the_state_it_reached(recorded: tuple[Webhook, ...]) -> None:
    """The recorded call starts at the language menu, keys its way to the main menu and ends with the status callback."""
    assert [webhook.path for webhook in recorded] == ["/voice", "/voice/gather?step=1", "/voice/gather?step=2",
                                                     "/voice/status"]
    assert recorded[0].state == "language" and recorded[1].state == "main_menu"


def test_every_open_call_follows_the_recording_without_a_failure(served: tuple[Flask, str],
                                                                recorded: tuple[Webhook, ...]) -> None:
    """Twelve calls, a webhook every 0.2 s each: every webhook answered with TwiML in the recorded state, all stored."""
    app, url = served
    report = hold(OpenCalls(url, TOKEN, recorded, calls=12, think=0.2, duration=30))
    assert (report.calls_started, report.calls_finished, report.requests) == (12, 12, 48)
    assert report.failed == 0 and len(report.latencies) == 48
    assert len(app.extensions["ivr"].store.calls(limit=100)) == 13  # and the recording's own call


def test_requests_are_signed_and_encoded_before_the_run(recorded: tuple[Webhook, ...]) -> None:
    """Each call's webhooks are made up front under its own CallSid, with a signature header, due in order."""
    calls = schedule(OpenCalls("http://127.0.0.1:8000", TOKEN, recorded, calls=3, think=8.0, duration=60))
    assert [len(steps) for steps in calls] == [4, 4, 4]
    first = calls[0][0].request.decode()
    assert first.startswith("POST /voice HTTP/1.1\r\n") and "\r\nX-Twilio-Signature: " in first
    sids = {steps[0].request.split(b"CallSid=")[1][:34] for steps in calls}
    assert len(sids) == 3
    assert all(a.at < b.at for steps in calls for a, b in zip(steps, steps[1:]))


def test_every_open_calls_request_carries_its_own_idempotency_token(recorded: tuple[Webhook, ...]) -> None:
    """As Twilio's webhooks do: an `I-Twilio-Idempotency-Token` header, a different value in every request."""
    calls = schedule(OpenCalls("http://127.0.0.1:8000", TOKEN, recorded, calls=3, think=8.0, duration=60))
    tokens = [step.request.split(b"\r\nI-Twilio-Idempotency-Token: ")[1].split(b"\r\n")[0] for steps in calls for step in steps]
    assert len(tokens) == 12 and len(set(tokens)) == 12 and all(len(token) == 36 for token in tokens)


def test_no_webhook_is_made_past_the_duration(recorded: tuple[Webhook, ...]) -> None:
    """A call's webhooks due after the run's end are never made (nor sent)."""
    calls = schedule(OpenCalls("http://127.0.0.1:8000", TOKEN, recorded, calls=50, think=8.0, duration=10))
    assert all(step.at < 10 for steps in calls for step in steps)
    assert any(len(steps) < 4 for steps in calls)


def _answer(status: str = "200 OK", state: str = "main_menu", body: str = TWIML) -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: text/xml\r\nX-IVR-State: {state}\r\n\r\n{body}".encode()


@pytest.mark.parametrize(
    ("answer", "verdict"),
    [
        (_answer(), None),
        (_answer(body='<?xml version="1.0" encoding="UTF-8"?><Response />'), None),
        (_answer(status="500 INTERNAL SERVER ERROR"), "HTTP 500"),
        (_answer(status="403 FORBIDDEN"), "HTTP 403"),
        (_answer(body="<html>oops</html>"), "not TwiML"),
        (_answer(state="error"), "apology"),
        (_answer(state="language"), "unexpected state"),
        (b"", "HTTP no answer"),
    ],
)
def test_an_answer_is_judged_by_status_twiml_and_state(answer: bytes, verdict: str | None) -> None:
    """A 200 with TwiML in the recorded state passes; anything else is named."""
    assert judge(answer, b"main_menu") == verdict


@pytest.fixture
def slow_app(serve: Callable[[Any], str]) -> Iterator[str]:
    """A server that takes 0.3 s over every answer."""
    app = Flask("slow")

    @app.post("/voice")
    def voice() -> Response:
        time.sleep(0.3)
        return Response(TWIML, 200, mimetype="text/xml", headers={"X-IVR-State": "slow"})

    yield serve(app)


def test_latency_counts_from_when_a_webhook_was_due(slow_app: str) -> None:
    """A webhook due while the previous one is still unanswered is timed from when it was due, not when sent."""
    call = (Webhook("/voice", (), "slow"), Webhook("/voice", (), "slow"))
    report = hold(OpenCalls(slow_app, TOKEN, call, calls=1, think=0.08, duration=30))
    assert report.failed == 0 and len(report.latencies) == 2
    assert max(report.latencies) >= 0.3 + 0.3 - 0.08 * 1.25


def test_a_server_that_is_not_there_counts_refused_connections(port_finder: Callable[[int], int],
                                                              recorded: tuple[Webhook, ...]) -> None:
    """Refused connections are errors by kind, and each call stops at its first failed webhook."""
    url = f"http://127.0.0.1:{port_finder(1)}"
    report = hold(OpenCalls(url, TOKEN, recorded, calls=3, think=0.05, duration=30))
    assert report.requests == 3 and report.calls_finished == 0
    assert dict(report.errors) == {"connection: Connection refused": 3}


def test_open_calls_are_held_from_a_thread_that_already_runs_an_event_loop(served: tuple[Flask, str],
                                                                          recorded: tuple[Webhook, ...]) -> None:
    """Called where an event loop runs already (Playwright's sync API in a test process), the caller still runs."""
    import asyncio

    _, url = served

    async def inside_a_loop() -> Any:
        return hold(OpenCalls(url, TOKEN, recorded, calls=2, think=0.1, duration=30))

    report = asyncio.run(inside_a_loop())
    assert report.requests == 8 and report.failed == 0


def test_each_latency_is_kept_with_when_it_was_due(slow_app: str) -> None:
    """The tail can be placed in the run: each latency is kept with the second it was due, and windows give their p99."""
    call = (Webhook("/voice", (), "slow"), Webhook("/voice", (), "slow"))
    report = hold(OpenCalls(slow_app, TOKEN, call, calls=1, think=0.5, duration=30))
    assert report.failed == 0 and len(report.due) == len(report.latencies) == 2
    first, second = report.due
    assert 0 <= first < 0.5 and 0.5 * 0.75 <= second - first <= 0.5 * 1.25  # the schedule: jittered think time
    windows = report.windows(60.0)
    assert windows == [(0.0, 2, max(report.latencies))]


@pytest.fixture
def noting_app(serve: Callable[[Any], str]) -> tuple[str, list[tuple[int, int]]]:
    """A server (a thread of this process) noting, as it answers, how many objects are frozen out of the
    collector and the collector's threshold for a full pass."""
    app = Flask("noting")
    noted: list[tuple[int, int]] = []

    @app.post("/voice")
    def voice() -> Response:
        noted.append((gc.get_freeze_count(), gc.get_threshold()[2]))
        return Response(TWIML, 200, mimetype="text/xml", headers={"X-IVR-State": "noted"})

    return serve(app), noted


def test_the_driver_makes_no_full_collection_while_the_calls_run(noting_app: tuple[str, list[tuple[int, int]]]) -> None:
    """While the calls run, the collector makes no full pass and what the run set up is frozen out of its sight
    (the driver's own pauses would be timed as the server's latency); afterwards it is as it was."""
    url, noted = noting_app
    before = (gc.get_freeze_count(), gc.get_threshold())
    report = hold(OpenCalls(url, TOKEN, (Webhook("/voice", (), "noted"),) * 2, calls=5, think=0.05, duration=30))
    assert report.failed == 0 and len(noted) == 10
    assert all(frozen > before[0] and full == FULL_PASSES_OFF for frozen, full in noted)
    assert (gc.get_freeze_count(), gc.get_threshold()) == before
