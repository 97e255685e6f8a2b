"""Fixtures for the QA tools: recording real calls through the webhooks, and one replayer per session.

`record(*inputs)` drives a call through the app's signed Twilio webhooks (as a
phone call would) and returns its transcript as the store recorded it.
Inputs are written as in a test call: "1" presses keys, "say:english" speaks,
"silence" and "hang_up" are themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ivr.app import Runtime
from ivr.qa import transcript as transcripts
from ivr.qa.replay import Replayer
from ivr.qa.transcript import Transcript
from ivr.testing import PhoneCall

Record = Callable[..., Transcript]
HERE = Path(__file__).resolve().parent
DATA = HERE / "data"


@pytest.fixture(scope="session")
def replayer() -> Replayer:
    """The current flows and scripts, compiled once for every replay of the session."""
    return Replayer()


def drive(call: PhoneCall, inputs: tuple[str, ...]) -> None:
    """Play `inputs` on a started call."""
    for given in inputs:
        if given.startswith("say:"):
            call.say(given[4:])
        elif given == "silence":
            call.silence()
        elif given == "hang_up":
            call.hang_up()
        else:
            call.press(given)


def transcript_of(runtime: Runtime, call: PhoneCall) -> Transcript:
    [recorded] = transcripts.from_entries(runtime.store.transcript(call.call_sid))
    return recorded


@pytest.fixture
def record(phone: Callable[..., PhoneCall], runtime: Runtime) -> Record:
    """Record a call through the webhooks of the test app; its transcript as the store keeps it."""

    def make(*inputs: str, **call_options: Any) -> Transcript:
        call = phone(**call_options)
        call.start()
        drive(call, inputs)
        return transcript_of(runtime, call)

    return make


def only_the_first_version(root: Path, script_id: str) -> None:
    """Drop `script_id`'s versions after v1 from a copy of the scripts (files and lock lines): a clean slate to publish v2 into."""
    for path in (root / script_id).glob("v*.yaml"):
        if path.name != "v1.yaml":
            path.unlink()
    lock = root / "published.lock"
    kept = [line for line in lock.read_text(encoding="utf-8").splitlines() if not (line.startswith(f"{script_id}@") and not line.startswith(f"{script_id}@1 "))]
    lock.write_text("\n".join(kept) + "\n", encoding="utf-8")
