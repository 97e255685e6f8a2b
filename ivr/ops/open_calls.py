"""Holding many calls open on one machine: precomputed, signed webhooks on raw asyncio connections.

`hold(plan)` keeps `plan.calls` calls on the line, each sending the next
webhook of a recorded call (`Recorded`: paths, form fields and the state each
answer must report) every `think` seconds (jittered ±25%), for `duration`
seconds.  It is the load caller of `ivr bench`'s open-calls part, built to
cost the machine as little as possible, because it shares the cores with the
server it measures:

* every request's bytes (request line, headers with `X-Twilio-Signature`
  from twilio's `RequestValidator`, form body) are made before the clock
  starts; during the run a request is one `write` on a fresh connection;
* a connection is an `asyncio.Protocol` (no streams), one per request and
  closed by the server, as gunicorn's sync workers and Twilio's webhooks do;
* an answer is judged without building a tree: status 200, the
  `X-IVR-State` the recorded call reached at that step (an apology or a
  prompt said again shows as a wrong state), and a TwiML document
  (`<?xml …>` … `</Response>`, or an empty `<Response />`).

Latency is measured from when each webhook was due, not when it was sent (no
coordinated omission): a server that falls behind shows in the percentiles.
Each latency is kept with when it was due (`Report.due`), so `Report.windows`
shows where in the run the tail is (the calls' first webhooks, a stall).
A call whose webhook failed stops, as Twilio drops a call whose webhook
failed.  With `uvloop` installed the event loop is uvloop's (the same
program, a cheaper loop).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import random
import urllib.parse
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from twilio.request_validator import RequestValidator

from ivr.ops.load import TWILIO_TIMEOUT, Report, _Target, run_loop, twilio_form, twilio_request

START_LEAD = 1.0  # seconds to set every call going (tens of thousands of tasks) before the first webhook is due


@dataclass(frozen=True)
class Webhook:
    """One webhook of a recorded call: where it goes, what it carries, the state its answer reports."""

    path: str
    fields: tuple[tuple[str, str], ...]
    state: str


@dataclass(frozen=True)
class OpenCalls:
    """Calls held open: where, as whom, how many, how often, for how long."""

    url: str
    token: str
    call: tuple[Webhook, ...]  # the recorded call every caller follows, under its own CallSid
    calls: int = 1000
    think: float = 8.0  # seconds between a call's webhooks (jittered ±25%)
    duration: float = 40.0  # seconds: no webhook is due after this
    public_base_url: str | None = None  # the URL signatures are computed over (PUBLIC_BASE_URL)
    seed: int = 7


@dataclass(frozen=True)
class _Due:
    at: float  # seconds after the start
    request: bytes
    state: bytes  # the X-IVR-State the answer must carry


def schedule(plan: OpenCalls) -> list[list[_Due]]:
    """Every call's webhooks due within the run, signed and encoded (done before the clock starts).

    Calls start spread over the first `think` seconds, so the line carries its
    steady rate (calls / think webhooks a second) from the first seconds on.
    """
    target = _Target.of(plan.url)
    signed_base = (plan.public_base_url or plan.url).rstrip("/")
    validator = RequestValidator(plan.token)
    rng = random.Random(plan.seed)
    calls = []
    for number in range(plan.calls):
        call_sid = f"CA{plan.seed:04d}{number:028d}"
        at = rng.uniform(0.0, plan.think)
        steps = []
        for webhook in plan.call:
            if at >= plan.duration:
                break
            params = twilio_form(call_sid, dict(webhook.fields))
            signature = validator.compute_signature(signed_base + webhook.path, params)
            body = urllib.parse.urlencode(params).encode()
            steps.append(_Due(at, twilio_request(target, webhook.path, body, signature, "ivr bench"), webhook.state.encode()))
            at += plan.think * rng.uniform(0.75, 1.25)
        calls.append(steps)
    return calls


class _Exchange(asyncio.Protocol):
    """One request on its own connection; the whole answer once the server closes it."""

    def __init__(self, request: bytes, answered: asyncio.Future[bytes]) -> None:
        self.request = request
        self.answered = answered
        self.chunks: list[bytes] = []

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        transport.write(self.request)  # type: ignore[attr-defined]

    def data_received(self, data: bytes) -> None:
        self.chunks.append(data)

    def connection_lost(self, exc: Exception | None) -> None:
        if self.answered.done():
            return
        if exc is not None:
            self.answered.set_exception(exc)
        else:
            self.answered.set_result(b"".join(self.chunks))


_RESPONSE_ENDS = (b"</Response>", b"<Response />", b"<Response/>")  # a document, or an empty one (status callbacks)


def judge(answer: bytes, state: bytes) -> str | None:
    """What is wrong with an answer (None: a 200 with TwiML, in the state the recorded call reached)."""
    head, _, body = answer.partition(b"\r\n\r\n")
    status = head[9:12]
    if status != b"200":
        return f"HTTP {status.decode('latin-1') or 'no answer'}"
    lowered = head.lower()
    found = lowered.find(b"\r\nx-ivr-state:")
    reached = lowered[found + 14:].split(b"\r\n", 1)[0].strip() if found >= 0 else b""
    if not body.startswith(b"<?xml") or not body.rstrip().endswith(_RESPONSE_ENDS):
        return "not TwiML"
    if reached == b"error":
        return "apology"
    if reached != state.lower():
        return "unexpected state"
    return None


class _Line:
    def __init__(self, plan: OpenCalls) -> None:
        self.plan = plan
        self.target = _Target.of(plan.url)
        self.report = Report()
        self.start = 0.0

    async def call(self, steps: Sequence[_Due]) -> None:
        loop = asyncio.get_running_loop()
        self.report.calls_started += 1
        for step in steps:
            due = self.start + step.at
            delay = due - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            if not await self.webhook(loop, step, due):  # late after a slow answer: still timed from `due`
                self.report.calls_dropped += 1
                return
        self.report.calls_finished += 1

    async def webhook(self, loop: asyncio.AbstractEventLoop, step: _Due, due: float) -> bool:
        report = self.report
        report.requests += 1
        answered: asyncio.Future[bytes] = loop.create_future()
        transport = None
        try:
            async with asyncio.timeout(TWILIO_TIMEOUT):
                transport, _ = await loop.create_connection(
                    lambda: _Exchange(step.request, answered), self.target.host, self.target.port, ssl=self.target.tls)
                answer = await answered
        except TimeoutError:
            report.errors["timeout (15 s)"] += 1
            return False
        except OSError as exc:
            report.errors[f"connection: {exc.strerror or type(exc).__name__}"] += 1
            return False
        finally:
            report.latencies.append(loop.time() - due)
            report.due.append(due - self.start)
            if transport is not None:
                transport.close()
        wrong = judge(answer, step.state)
        if wrong == "not TwiML":
            report.not_twiml += 1
        elif wrong == "apology":
            report.apologies += 1
        elif wrong is not None:
            report.errors[wrong] += 1
        return wrong is None

    async def main(self, calls: list[list[_Due]]) -> Report:
        loop = asyncio.get_running_loop()
        self.start = loop.time() + START_LEAD  # every call is waiting for its first webhook before the first is due
        tasks = [loop.create_task(self.call(steps)) for steps in calls]
        await asyncio.sleep(0)  # every call's task has run to its first wait (they were scheduled before this one)
        with _still_heap():
            await asyncio.gather(*tasks)
        self.report.seconds = loop.time() - self.start
        return self.report


FULL_PASSES_OFF = 10**9
"""The collector's third threshold while calls run: no full collection pass until the run is over."""


@contextlib.contextmanager
def _still_heap() -> Iterator[None]:
    """The driver's own pauses kept out of the latencies it measures: while the calls run, the garbage
    collector makes no full pass (its oldest generation's threshold is `FULL_PASSES_OFF`), and what the
    run set up (every call's requests, tasks and timers: hundreds of thousands of objects at 15,000
    calls) is frozen out of its sight.  Its young passes go on, each over what the last moments made.

    The full passes stopped the event loop for 90-690 ms at a time (noted with `gc.callbacks` in runs of
    8,000 and 15,000 calls, 2026-11-29, 3 and 7 s after the start), and every webhook due meanwhile was
    timed late: the calls' first webhooks, where the open-calls p99 was worst.  A run lasts a minute at
    most: what its young passes leave behind is collected at its end."""
    thresholds = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(thresholds[0], thresholds[1], FULL_PASSES_OFF)
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


def hold(plan: OpenCalls) -> Report:
    """Hold `plan.calls` calls open against `plan.url`; what was measured."""
    calls = schedule(plan)
    return run_loop(_Line(plan).main(calls))
