"""`ivr bench --in-process`: the webhook's CPU per request through the WSGI apps themselves, no server, no client.

The app, the cheapest honest webhook and bare Flask (`ivr.ops.baselines`)
answer the same signed requests as `ivr bench`'s throughput part (the bench
call's webhooks under many CallSids, step by step across calls) called
straight through WSGI in this process, in interleaved rounds.  Reported: CPU
microseconds per request (`time.process_time`, the best of the rounds: on a
shared machine the least disturbed round is the truest), and the app's ratio
to the honest webhook.  With `profile` set, one more round of the app runs
under cProfile and its heaviest functions are printed.

No sockets and no gunicorn: what is left is exactly the code a webhook runs,
so a change to the hot path shows here first, and other processes' load
disturbs it far less than the served benchmark.
"""

from __future__ import annotations

import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from twilio.request_validator import RequestValidator

from ivr.ops.load import idempotency_token, twilio_form
from ivr.ops.open_calls import Webhook

HOST, PORT = "127.0.0.1", "8400"
Environ = dict[str, Any]
APOLOGY_HEADER = ("X-IVR-State", "error")  # the app's answer when a webhook failed inside (`ivr.adapters.voice`)
APOLOGY = "200 OK (X-IVR-State: error)"


@dataclass
class InProcess:
    """CPU per request (µs) of each target, per round; the best round is reported."""

    requests: int = 0
    rounds: dict[str, list[float]] = field(default_factory=dict)
    profile: str = ""

    def best(self, name: str) -> float:
        return min(self.rounds[name])

    def lines(self) -> list[str]:
        app, honest = self.best("app"), self.best("honest")
        return [
            f"In process, {self.requests} signed webhooks per round, best of {len(self.rounds['app'])} interleaved rounds:",
            *(f"  {name:<7} {self.best(name):6.0f} µs CPU per request" for name in self.rounds),
            f"  the webhook costs {app / honest:.2f}× the cheapest honest webhook's CPU",
        ] + ([f"  the store's one write makes the cheapest honest webhook cost {self.best('stored') / honest:.2f}× its CPU"]
             if "stored" in self.rounds else []) + ([self.profile] if self.profile else [])


def environs(call: Iterable[Webhook], token: str, calls: int, prefix: str) -> list[Environ]:
    """WSGI environs of `calls` calls following `call`, step-major (each call's first webhook, then each one's second…)."""
    validator = RequestValidator(token)
    out = []
    for webhook in call:
        for number in range(calls):
            params = twilio_form(f"CA{prefix}{number:08d}".ljust(34, "0")[:34], dict(webhook.fields))
            body = urllib.parse.urlencode(params).encode()
            path, _, query = webhook.path.partition("?")
            out.append({
                "REQUEST_METHOD": "POST", "PATH_INFO": path, "QUERY_STRING": query, "SCRIPT_NAME": "",
                "SERVER_NAME": HOST, "SERVER_PORT": PORT, "HTTP_HOST": f"{HOST}:{PORT}", "SERVER_PROTOCOL": "HTTP/1.1",
                "REMOTE_ADDR": HOST, "CONTENT_TYPE": "application/x-www-form-urlencoded", "CONTENT_LENGTH": str(len(body)),
                "HTTP_X_TWILIO_SIGNATURE": validator.compute_signature(f"http://{HOST}:{PORT}{webhook.path}", params),
                "HTTP_I_TWILIO_IDEMPOTENCY_TOKEN": idempotency_token(),
                "wsgi.url_scheme": "http", "wsgi.version": (1, 0), "wsgi.errors": sys.stderr, "wsgi.multithread": False,
                "wsgi.multiprocess": True, "wsgi.run_once": False, "ivr.body": body,
            })
    return out


def drive(app: Callable[..., Iterable[bytes]], requests: list[Environ]) -> dict[str, int]:
    """Call `app` with each environ (a fresh body stream each); the count of each status answered, an apology
    (a 200 in the app's error state) counted as `APOLOGY`: it is no answer to time."""
    statuses: dict[str, int] = {}

    def start_response(status: str, headers: Any, exc_info: Any = None) -> None:
        if APOLOGY_HEADER in headers:
            status = APOLOGY
        statuses[status] = statuses.get(status, 0) + 1

    for prepared in requests:
        environ = dict(prepared)
        environ["wsgi.input"] = io.BytesIO(environ.pop("ivr.body"))
        for _ in app(environ, start_response):
            pass
    return statuses


def measure(call: tuple[Webhook, ...], token: str, clock: str, calls: int = 200, rounds: int = 5,
            profile: bool = False) -> InProcess:
    """The targets' CPU per request over `calls` calls of `call` each round (the app, and the baseline with the
    store's write, each on a SQLite file of its own)."""
    from ivr.ops.baselines import bare_app, honest_app, stored_app

    with tempfile.TemporaryDirectory(prefix="ivr-in-process-") as folder:
        app = _app(token, clock, Path(folder))
        stored = _with_env(stored_app, TWILIO_AUTH_TOKEN=token, IVR_DATABASE_URL=f"sqlite:///{Path(folder) / 'stored.sqlite3'}")
        targets = {"app": app, "honest": _with_env(honest_app, TWILIO_AUTH_TOKEN=token), "stored": stored, "bare": bare_app()}
        result = InProcess(requests=calls * len(call), rounds={name: [] for name in targets})
        for round_ in range(rounds):
            for name, target in targets.items():
                requests = environs(call, token, calls, f"{name[:2]}{round_:03d}")
                started = time.process_time()
                statuses = drive(target, requests)
                spent = time.process_time() - started
                if set(statuses) != {"200 OK"}:
                    raise RuntimeError(f"{name} answered {statuses} in process")
                result.rounds[name].append(spent / len(requests) * 1e6)
        if profile:  # one more round of the app, under cProfile (its timings are not counted)
            profiler = cProfile.Profile()
            requests = environs(call, token, calls, "prof")
            profiler.enable()
            drive(app, requests)
            profiler.disable()
            result.profile = _top(profiler)
        app.extensions["ivr"].store.close()
        stored.extensions["store"].close()
    return result


def _app(token: str, clock: str, folder: Path) -> Any:
    from ivr import create_app

    return create_app({"TWILIO_AUTH_TOKEN": token, "CLOCK": clock, "DATABASE_URL": f"sqlite:///{folder / 'in-process.sqlite3'}"})


def _with_env(factory: Callable[[], Any], **env: str) -> Any:
    """`factory()` with these environment variables set while it builds (the baselines read theirs then)."""
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    try:
        return factory()
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _top(profiler: cProfile.Profile, count: int = 30) -> str:
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(count)
    return out.getvalue()


def recorded_in_process(token: str, clock: str) -> tuple[Webhook, ...]:
    """The bench call placed once through a test client: each webhook with the state its answer reported."""
    from ivr.ops.bench import BENCH_CALL
    from ivr.ops.load import parse, request_for

    with tempfile.TemporaryDirectory(prefix="ivr-in-process-") as folder:
        app = _app(token, clock, Path(folder))
        client = app.test_client()
        validator = RequestValidator(token)
        webhooks = []
        turn = None
        for given in BENCH_CALL:
            path, fields = request_for(given, turn)
            params = {"CallSid": "CA" + "r" * 32, "AccountSid": "AC" + "0" * 32, **fields}
            signature = validator.compute_signature(f"http://{HOST}:{PORT}{path}", params)
            answer = client.post(path, data=params, headers={"X-Twilio-Signature": signature},
                                 base_url=f"http://{HOST}:{PORT}")
            if answer.status_code != 200:
                raise RuntimeError(f"the bench call failed in process at {path}: HTTP {answer.status_code}")
            turn = parse(answer.get_data(as_text=True), answer.headers.get("X-IVR-State", ""))
            webhooks.append(Webhook(path, tuple(fields.items()), turn.state))
        app.extensions["ivr"].store.close()
    return tuple(webhooks)
