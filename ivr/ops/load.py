"""The load caller: many concurrent calls against a deployment, signed as Twilio signs them.

`run(plan)` plays virtual callers over HTTP: each places calls one after
another, every call following a test call's inputs (`*.call.yaml`) or a
random walk of the menus it hears, with think time between steps.  Each
webhook is a form POST signed with the deployment's auth token (twilio's
`RequestValidator`, over `PUBLIC_BASE_URL` when the deployment sits behind a
proxy); each answer must be TwiML, and the next request goes where that TwiML
says (the `Gather` action, the `Redirect` after it on silence), as Twilio
would.  The report counts requests, latency percentiles, errors by kind and
answers that were not TwiML.

Latency is measured from when a request was due, not when it was sent: a
server that falls behind shows it in the percentiles instead of silently
slowing the callers down (no coordinated omission).

The HTTP client is a small asyncio one (one connection per request, as
Twilio's webhooks and gunicorn's sync workers do), so a laptop can hold
thousands of open calls without threads.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import itertools
import random
import re
import ssl
import time
import urllib.parse
import uuid
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Coroutine, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from twilio.request_validator import RequestValidator

from ivr.qa.transcript import CallerInput

T = TypeVar("T")
TWILIO_TIMEOUT = 15.0  # seconds: Twilio gives up on a webhook after this
WEBHOOK_PATH = "/voice"  # the voice webhook (DESIGN.md), below the deployment's base URL
CALLER = "+12025550143"
LINE = "+18003755283"
ACCOUNT_SID = "AC" + "0" * 32

EVERY_REQUEST = {
    "AccountSid": ACCOUNT_SID, "ApiVersion": "2010-04-01", "CallStatus": "in-progress", "Direction": "inbound",
    "From": CALLER, "FromCity": "WASHINGTON", "FromState": "DC", "FromZip": "20009", "FromCountry": "US",
    "Caller": CALLER, "CallerCity": "WASHINGTON", "CallerState": "DC", "CallerZip": "20009", "CallerCountry": "US",
    "To": LINE, "ToCity": "", "ToState": "", "ToZip": "", "ToCountry": "US",
    "Called": LINE, "CalledCity": "", "CalledState": "", "CalledZip": "", "CalledCountry": "US",
}
"""What Twilio posts with every voice webhook of an inbound call, besides its CallSid: the account, the API
version, the call's status and direction, and both parties (From/To, and Caller/Called as older webhooks named
them) with the geographic fields Twilio looks up for each (empty where it finds none, as for a toll-free number).
Twilio's request parameters: https://www.twilio.com/docs/usage/webhooks/voice-webhooks"""


IDEMPOTENCY_HEADER = "I-Twilio-Idempotency-Token"
"""The header Twilio sends with every webhook request: a value of its own for each request, the same in a retry of
it (the app keeps its answer under it: `ivr.adapters.voice`)."""


def idempotency_token() -> str:
    """A new request's `IDEMPOTENCY_HEADER` value, unique as Twilio's are."""
    return str(uuid.uuid4())


def twilio_request(target: _Target, path: str, body: bytes, signature: str, agent: str) -> bytes:
    """One webhook's bytes as Twilio sends them on a connection of its own: the signed form with the request's own
    `IDEMPOTENCY_HEADER` (`agent` names the driver in the User-Agent)."""
    head = (
        f"POST {target.prefix}{path} HTTP/1.1\r\nHost: {target.host}:{target.port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\nX-Twilio-Signature: {signature}\r\n"
        f"{IDEMPOTENCY_HEADER}: {idempotency_token()}\r\n"
        f"User-Agent: TwilioProxy/1.1 ({agent})\r\nConnection: close\r\n\r\n"
    )
    return head.encode("latin-1") + body


def twilio_form(call_sid: str, fields: dict[str, str]) -> dict[str, str]:
    """The form of one webhook of the call `call_sid` as Twilio posts it: `EVERY_REQUEST`, then the request's
    own `fields` (Digits, SpeechResult and Confidence, a ringing or completed CallStatus…)."""
    return {"CallSid": call_sid, **EVERY_REQUEST, **fields}
_OPTION = re.compile(r"\b(?:press|oprima)\s+([0-9*#])", re.IGNORECASE)


# --- what the callers do -------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """One load run: where, as whom, how many, how fast, for how long."""

    url: str  # the deployment's base URL, e.g. http://127.0.0.1:8000
    token: str  # the deployment's TWILIO_AUTH_TOKEN
    scripts: tuple[tuple[CallerInput, ...], ...] = ()  # test calls' inputs; empty: random walks
    callers: int = 10  # virtual callers, each placing one call after another
    calls: int | None = 100  # stop after this many calls (None: only the duration bounds the run)
    duration: float = 30.0  # seconds: no request is started after this
    think: float = 0.0  # seconds between a caller's steps (jittered ±25%)
    public_base_url: str | None = None  # the URL signatures are computed over (PUBLIC_BASE_URL)
    ramp: float | None = None  # spread the callers' first calls over this many seconds (default: think)
    max_steps: int = 14  # a random walk's inputs per call
    seed: int = 1
    trace: bool = False  # keep every request's path and form fields in the report (for one call, say)


@dataclass
class Report:
    """What a load run measured."""

    seconds: float = 0.0
    requests: int = 0
    calls_started: int = 0
    calls_finished: int = 0  # calls that ran to their hang-up and its status callback
    calls_dropped: int = 0  # calls cut short by a failed webhook (Twilio drops a call whose webhook fails)
    latencies: list[float] = field(default_factory=list)  # seconds, from when each request was due
    due: list[float] = field(default_factory=list)  # when each of `latencies` was due, seconds into the run (open calls)
    errors: Counter[str] = field(default_factory=Counter)  # kind -> count (timeouts, refused, HTTP 5xx…)
    not_twiml: int = 0  # answers that failed to parse as TwiML
    apologies: int = 0  # answers in the app's error state (X-IVR-State: error)
    sent: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (path, form fields) when traced
    states: list[str] = field(default_factory=list)  # the X-IVR-State of each answer, when traced

    @property
    def throughput(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def percentile(self, share: float) -> float:
        """The latency below which `share` of the requests answered, in seconds (0 with no requests)."""
        if not self.latencies:
            return 0.0
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]

    def windows(self, width: float) -> list[tuple[float, int, float]]:
        """Where in the run the tail is: per `width` seconds of due times, (start, requests, p99 in seconds)."""
        spans: dict[int, list[float]] = {}
        for at, latency in zip(self.due, self.latencies):
            spans.setdefault(max(int(at // width), 0), []).append(latency)
        out = []
        for index in sorted(spans):
            ordered = sorted(spans[index])
            out.append((index * width, len(ordered), ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))]))
        return out

    @property
    def failed(self) -> int:
        return sum(self.errors.values()) + self.not_twiml + self.apologies

    @property
    def answered(self) -> int:
        """Requests answered with TwiML (an apology included: it is counted apart)."""
        return self.requests - sum(self.errors.values()) - self.not_twiml

    def to_dict(self) -> dict[str, Any]:
        return {
            "seconds": round(self.seconds, 3),
            "requests": self.requests,
            "requests_per_second": round(self.throughput, 1),
            "calls_started": self.calls_started,
            "calls_finished": self.calls_finished,
            "calls_dropped": self.calls_dropped,
            "answered": self.answered,
            "latency_ms": {name: round(self.percentile(share) * 1000, 2) for name, share in _PERCENTILES},
            "errors": dict(sorted(self.errors.items())),
            "not_twiml": self.not_twiml,
            "apologies": self.apologies,
        }

    def lines(self) -> list[str]:
        """The report as a person reads it."""
        latency = ", ".join(f"{name} {self.percentile(share) * 1000:.1f} ms" for name, share in _PERCENTILES)
        errors = ", ".join(f"{kind} {count}" for kind, count in sorted(self.errors.items())) or "none"
        return [
            f"{self.requests} webhooks ({self.answered} answered with TwiML) in {self.seconds:.1f} s: "
            f"{self.throughput:.0f} req/s; calls: {self.calls_started} started, {self.calls_finished} finished, "
            f"{self.calls_dropped} dropped after a failed webhook",
            f"latency: {latency}",
            f"errors: {errors}; answers that were not TwiML: {self.not_twiml}; "
            f"apologies (X-IVR-State: error): {self.apologies}",
        ]


_PERCENTILES = (("p50", 0.50), ("p90", 0.90), ("p99", 0.99), ("max", 1.0))


def scripts_from(paths: Sequence[Path | str]) -> tuple[tuple[CallerInput, ...], ...]:
    """The inputs of every test call under `paths` (files or folders), in order."""
    from ivr.qa import testcall
    from ivr.qa.replay import find_files

    files = [path for path in find_files(paths) if path.name.endswith(testcall.SUFFIX)]
    return tuple(tuple(step.input for step in testcall.load_call(path).steps) for path in files)


# --- one answer ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Turn:
    """One TwiML answer, reduced to what a caller needs next."""

    gather_action: str | None = None
    num_digits: int | None = None
    redirect: str | None = None
    hung_up: bool = False
    text: str = ""
    state: str = ""

    @property
    def listening(self) -> bool:
        return self.gather_action is not None


class NotTwiML(ValueError):
    """An answer that is not a TwiML document."""


def parse(body: str, state: str = "") -> Turn:
    """The parts of a TwiML answer that decide the caller's next request."""
    try:
        root = ET.fromstring(body)
    except ET.ParseError as exc:
        raise NotTwiML(f"not XML: {exc}") from None
    if root.tag != "Response":
        raise NotTwiML(f"root element is <{root.tag}>, not <Response>")
    gather = root.find("Gather")
    redirect = root.find("Redirect")
    digits = gather.get("numDigits") if gather is not None else None
    return Turn(
        gather_action=(gather.get("action") or "") if gather is not None else None,
        num_digits=int(digits) if digits and digits.isdigit() else None,
        redirect=(redirect.text or "").strip() if redirect is not None else None,
        hung_up=root.find("Hangup") is not None,
        text=" ".join((el.text or "") for el in root.iter("Say")),
        state=state,
    )


def request_for(given: CallerInput, turn: Turn | None) -> tuple[str, dict[str, str]]:
    """The webhook Twilio would send for the caller's input after `turn`: (path, form fields)."""
    gather = (turn.gather_action if turn else None) or "/voice/gather"
    if given.kind == "start":
        return "/voice", {"CallStatus": "ringing"}
    if given.kind == "press":
        return gather, {"Digits": given.value or ""}
    if given.kind == "say":
        return gather, {"SpeechResult": given.value or "", "Confidence": "0.92"}
    if given.kind == "silence":
        return (turn.redirect if turn and turn.redirect else "/voice/gather?silence=1"), {}
    if given.kind == "resume":
        return "/voice/resume", {}
    return "/voice/status", {"CallStatus": "completed", "CallDuration": "42"}


def random_input(turn: Turn, rng: random.Random, step: int) -> CallerInput:
    """A plausible caller at `turn`: mostly an offered option, sometimes silence, digits or a hang-up."""
    roll = rng.random()
    if step > 3 and roll < 0.04:
        return CallerInput("hang_up")
    if roll < 0.10:
        return CallerInput("silence")
    options = _OPTION.findall(turn.text)
    if options and roll < 0.95:
        return CallerInput("press", rng.choice(options))
    if turn.num_digits == 1:
        return CallerInput("press", rng.choice("0123456789"))
    return CallerInput("press", "".join(rng.choice("0123456789") for _ in range(rng.choice((8, 10)))) + "#")


# --- HTTP ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Target:
    host: str
    port: int
    prefix: str  # the base URL's path, e.g. "" or "/ivr"
    tls: ssl.SSLContext | None

    @classmethod
    def of(cls, url: str) -> _Target:
        parts = urllib.parse.urlsplit(deployment_url(url))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"'{url}' is not an http(s) URL (e.g. http://127.0.0.1:8000)")
        tls = ssl.create_default_context() if parts.scheme == "https" else None
        return cls(parts.hostname, parts.port or (443 if tls else 80), parts.path, tls)


def deployment_url(url: str) -> str:
    """The deployment's base URL from `url`, which may be the voice webhook's own URL as Twilio's console shows it
    (`https://ivr.example.org/voice`): the callers' paths (`/voice`, `/voice/gather`, …) are added to the base."""
    base = url.rstrip("/")
    return base[: -len(WEBHOOK_PATH)] if base.endswith(WEBHOOK_PATH) else base


class _HTTPError(Exception):
    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


async def _post(target: _Target, path: str, body: bytes, signature: str) -> tuple[int, dict[str, str], str]:
    """POST a form on a fresh connection; (status, lower-cased headers, text)."""
    try:
        reader, writer = await asyncio.open_connection(target.host, target.port, ssl=target.tls)
    except OSError as exc:
        raise _HTTPError(f"connect: {exc.strerror or type(exc).__name__}") from None
    try:
        writer.write(twilio_request(target, path, body, signature, "ivr load"))
        raw = await reader.read(-1)
    except OSError as exc:
        raise _HTTPError(f"connection: {exc.strerror or type(exc).__name__}") from None
    finally:
        writer.close()
    return _response(raw)


def _response(raw: bytes) -> tuple[int, dict[str, str], str]:
    header, _, body = raw.partition(b"\r\n\r\n")
    lines = header.decode("latin-1").split("\r\n")
    try:
        status = int(lines[0].split()[1])
    except (IndexError, ValueError):
        raise _HTTPError("malformed response") from None
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    if headers.get("transfer-encoding", "").lower() == "chunked":
        body = _unchunk(body)
    return status, headers, body.decode("utf-8", "replace")


def _unchunk(body: bytes) -> bytes:
    out, rest = bytearray(), body
    while rest:
        size_line, _, rest = rest.partition(b"\r\n")
        size = int(size_line.split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out += rest[:size]
        rest = rest[size + 2:]
    return bytes(out)


# --- the run -------------------------------------------------------------------------------------


class _Run:
    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.target = _Target.of(plan.url)
        self.signed_base = deployment_url(plan.public_base_url or plan.url)
        self.validator = RequestValidator(plan.token)
        self.report = Report()
        self.numbers = itertools.count()
        self.deadline = 0.0

    def _next_call(self) -> int | None:
        number = next(self.numbers)
        if self.plan.calls is not None and number >= self.plan.calls:
            return None
        return number

    async def webhook(self, call_sid: str, path: str, fields: dict[str, str], due: float) -> Turn | None:
        """One signed webhook; the answer's turn, or None when it failed (counted in the report)."""
        params = twilio_form(call_sid, fields)
        signature = self.validator.compute_signature(self.signed_base + path, params)
        body = urllib.parse.urlencode(params).encode()
        self.report.requests += 1
        if self.plan.trace:
            self.report.sent.append((path, fields))
        try:
            status, headers, text = await asyncio.wait_for(_post(self.target, path, body, signature), TWILIO_TIMEOUT)
        except asyncio.TimeoutError:
            self.report.errors["timeout (15 s)"] += 1
            return None
        except _HTTPError as error:
            self.report.errors[error.kind] += 1
            return None
        finally:
            self.report.latencies.append(time.monotonic() - due)
        if status != 200:
            self.report.errors[f"HTTP {status}"] += 1
            return None
        try:
            turn = parse(text, headers.get("x-ivr-state", ""))
        except NotTwiML:
            self.report.not_twiml += 1
            return None
        if turn.state == "error":
            self.report.apologies += 1
        if self.plan.trace:
            self.report.states.append(turn.state)
        return turn

    async def caller(self, index: int) -> None:
        plan = self.plan
        rng = random.Random(plan.seed * 100_003 + index)
        ramp = plan.think if plan.ramp is None else plan.ramp
        due = time.monotonic() + (rng.random() * ramp if ramp else 0.0)
        while (number := self._next_call()) is not None:
            next_due = await self.call(number, rng, due)
            if next_due is None:
                return
            due = next_due

    async def call(self, number: int, rng: random.Random, due: float) -> float | None:
        """Play one call from `due` on; when its caller may place the next (None: the run is over)."""
        plan = self.plan
        call_sid = "CA" + uuid.UUID(int=rng.getrandbits(128)).hex
        inputs = iter(plan.scripts[number % len(plan.scripts)]) if plan.scripts else None
        self.report.calls_started += 1
        turn: Turn | None = None
        for step in itertools.count():
            given: CallerInput | None
            if step == 0:
                given = next(inputs, None) if inputs is not None else CallerInput("start")
            elif turn is None:
                self.report.calls_dropped += 1  # the last webhook failed: Twilio would have dropped the call
                return due
            elif turn.hung_up:
                given = CallerInput("hang_up")  # Twilio's status callback after a <Hangup>
            elif inputs is not None:
                given = next(inputs, None)
            else:
                given = random_input(turn, rng, step) if step < plan.max_steps else CallerInput("hang_up")
            if given is None:
                given = CallerInput("hang_up")  # the script ended: the caller hangs up
            if not await self._wait(due):
                return None
            path, fields = request_for(given, turn)
            turn = await self.webhook(call_sid, path, fields, due)
            while turn is not None and not turn.listening and not turn.hung_up and turn.redirect and given.kind != "hang_up":
                turn = await self.webhook(call_sid, turn.redirect, {}, time.monotonic())  # Twilio follows at once
            due = max(due + self._think(rng), time.monotonic()) if plan.think else time.monotonic()
            if given.kind == "hang_up":
                if turn is None:  # the status callback failed: the deployment never heard the call end
                    self.report.calls_dropped += 1
                    return due
                break
        self.report.calls_finished += 1
        return due

    def _think(self, rng: random.Random) -> float:
        return self.plan.think * rng.uniform(0.75, 1.25)

    async def _wait(self, due: float) -> bool:
        now = time.monotonic()
        if due >= self.deadline or now >= self.deadline:
            return False
        if due > now:
            await asyncio.sleep(due - now)
        return True

    async def main(self) -> Report:
        started = time.monotonic()
        self.deadline = started + self.plan.duration
        await asyncio.gather(*(self.caller(index) for index in range(self.plan.callers)))
        self.report.seconds = time.monotonic() - started
        return self.report


def run(plan: Plan) -> Report:
    """Drive the deployment at `plan.url` as `plan` says; what was measured."""
    _Target.of(plan.url)  # a bad URL is the caller's error, before anything starts
    return run_loop(_Run(plan).main())


def run_loop(main: Coroutine[Any, Any, T]) -> T:
    """Run a caller's event loop: uvloop's when installed (the caller shares the machine's cores with what it
    measures, and uvloop spends about half of asyncio's CPU per request), else asyncio's.

    When this thread already runs an event loop (Playwright's sync API in a test process, a notebook), the
    caller's loop runs in a thread of its own rather than failing."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _run_loop(main)
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="ivr-load") as pool:
        return pool.submit(_run_loop, main).result()


def _run_loop(main: Coroutine[Any, Any, T]) -> T:
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    return uvloop.run(main)
