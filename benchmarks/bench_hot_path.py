"""Micro-benchmark of the per-request hot path (a benchmark, not a timed test).

Reports, on this machine:
  * one `transitions` trigger on the shared machine (the floor),
  * one engine step (pure core, in-memory world),
  * one signed webhook through Flask + SQLite (in memory and a WAL file),
  * a bare Flask endpoint answering fixed TwiML (the ceiling we compare with).

Run: `make bench` or `.venv/bin/python benchmarks/bench_hot_path.py [--n 2000]`.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable

from flask import Flask, Response
from twilio.request_validator import RequestValidator

from ivr import create_app
from ivr.core.events import CallStarted, Digits
from ivr.core.machine import CallModel
from ivr.core.registry import Context
from ivr.definitions.cases import CaseBook
from ivr.world import CaseWorld, MemoryTransaction

TOKEN = "bench-token"
CLOCK = "2026-11-23T10:00:00-05:00"


def measure(label: str, n: int, func: Callable[[int], object]) -> float:
    for i in range(min(200, n)):  # warm up
        func(i)
    samples = []
    for _ in range(5):
        start = time.perf_counter()
        for i in range(n):
            func(i)
        samples.append((time.perf_counter() - start) / n * 1e6)
    best = min(samples)
    print(f"{label:<58} {best:9.1f} µs  (median {statistics.median(samples):.1f})")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000)
    n = parser.parse_args().n

    app = create_app({"TWILIO_AUTH_TOKEN": TOKEN, "DATABASE_URL": "sqlite://", "CLOCK": CLOCK})
    runtime = app.extensions["ivr"]
    engine = runtime.engine
    compiled = engine.flow()
    flow = compiled.flow
    print(f"flow {flow.id}: {len(compiled.machine.states)} states, "
          f"{sum(len(t) for e in compiled.machine.events.values() for t in e.transitions.values())} transitions")

    now = runtime.clock.now()
    world = CaseWorld(CaseBook(()), MemoryTransaction())
    ctx = Context(engine.new_session("CAb", CallStarted(now)), world, now, engine.services)
    model = CallModel("main_menu")
    trigger = compiled.machine.events["select_8"]

    def fire(_: int) -> None:
        model.state = "main_menu"
        trigger.trigger(model, ctx=ctx)

    measure("transitions trigger on the shared machine", n * 5, fire)

    session = engine.step(engine.new_session("CAb", CallStarted(now)), CallStarted(now), world).session
    session = engine.step(session, Digits(now, "1"), world).session

    def step(_: int) -> None:
        engine.step(session, Digits(now, "*"), world)

    measure("engine step (repeat the main menu)", n * 2, step)

    def step_message(_: int) -> None:
        engine.step(session, Digits(now, "8"), world)  # hours message, back to the menu

    measure("engine step (message + menu, computed variable)", n * 2, step_message)

    def webhook_bench(label: str, flask_app: Flask) -> None:
        client = flask_app.test_client()
        validator = RequestValidator(TOKEN)
        sid = "CAbench"
        start = {"CallSid": sid}
        client.post("/voice", data=start, headers={"X-Twilio-Signature": validator.compute_signature("http://localhost/voice", start)})
        press = {"CallSid": sid, "Digits": "1"}
        client.post("/voice/gather", data=press, headers={"X-Twilio-Signature": validator.compute_signature("http://localhost/voice/gather", press)})
        params = {"CallSid": sid, "Digits": "*"}
        headers = {"X-Twilio-Signature": validator.compute_signature("http://localhost/voice/gather", params)}

        def post(_: int) -> None:
            response = client.post("/voice/gather", data=params, headers=headers)
            assert response.status_code == 200

        measure(label, n, post)

    webhook_bench("signed webhook, Flask + engine + SQLite in memory", app)
    with tempfile.TemporaryDirectory() as folder:
        file_app = create_app({"TWILIO_AUTH_TOKEN": TOKEN, "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3", "CLOCK": CLOCK})
        webhook_bench("signed webhook, Flask + engine + SQLite WAL file", file_app)
        file_app.extensions["ivr"].store.close()

    bare = Flask("bare")
    fixed = str(runtime.engine and '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Hello</Say></Response>')

    @bare.post("/voice")
    def voice() -> Response:
        return Response(fixed, mimetype="text/xml")

    bare_client = bare.test_client()
    measure("bare Flask endpoint answering fixed TwiML (baseline)", n, lambda _: bare_client.post("/voice", data={"CallSid": "x"}))


if __name__ == "__main__":
    main()
