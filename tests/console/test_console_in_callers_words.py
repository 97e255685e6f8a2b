"""The agent console shows a softphone caller's chosen training case as keyed, though the store keeps a token.

The store tokenises transcripts (issue 10.3); a trainee playing a training case's caller
keys its receipt number, and the trainee answering at the console reads that receipt on the
call's timeline and hand-off, as the hand-off's "Verified (…)" names it.  Never a date of
birth: the console does not show one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from flask import Flask

from ivr.web.testing import signed_in_client

def test_the_agent_sees_the_receipt_the_softphone_caller_keyed(make_app: Callable[..., Flask], tmp_path: Path) -> None:
    """A softphone caller playing a training case keys its receipt: the console shows that receipt, not its stored token."""
    app = make_app(SOFTPHONE=True, SECRET_KEY="console-access-secret", KEEP_IDENTIFIERS=False)  # tokenised at rest
    app.instance_path = str(tmp_path / "instance")
    tina, tom = signed_in_client(app, "tina", "trainee"), signed_in_client(app, "tom", "trainee")
    call_id = tina.post("/phone/api/calls", json={"language": "en", "case": "EAC2690150101", "console": "tier1"}).get_json()["call_id"]
    for digits in ("1", "2690150101#", "1", "02281987", "0", "0"):  # case status, verified, then a representative
        tina.post(f"/phone/api/calls/{call_id}/input", json={"digits": digits})
    tom.post(f"/console/api/calls/{call_id}/actions", json={"action": "accept", "seat": "tier1"})

    shown = tom.get(f"/console/api/calls/{call_id}").get_json()
    said = " ".join(line["text"] for line in shown["timeline"])
    entered = [item["value"] for item in shown["handoff"]["entered"]]

    assert "2690150101#" in said and "I heard 2 6 9, 0 1 5, 0 1 0 1." in said
    assert "2690150101#" in entered
    assert "02281987" not in said  # the console never shows a date of birth
