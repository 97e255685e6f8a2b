"""The hand-off panel: what a seat sees when it accepts a call, in plain words.

Language, whether the caller's identity is verified (and whether case
information is locked after failed attempts), the path through the IVR as
the topics the caller chose, what the caller entered (a date of birth is
never shown), the scripts heard, the open service requests on the verified
case, and why the call was transferred (seed 003's reason and the note of
the colleague who passed it on).  A caller verified as the applicant's
attorney or accredited representative is named: "representative: Grace
Okafor (attorney)".  Built from the session, the transcript
and the flow; reads the world through a `CaseWorld` the caller supplies.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ivr.behaviours.verification import FAILURES_VAR, as_representative, call_lock
from ivr.core.flow import TIER_CHANGE_REASONS, Flow
from ivr.core.session import Session

LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}
LOCK_WORDS = {
    "call": "too many failed identity checks on this call",
    "receipt": "identity checks for this receipt number are paused after repeated failures",
    "caller": "identity checks from this phone number are paused after repeated failures",
}
_SENSITIVE = ("birth", "dob")


def handoff(session: Session, entries: Iterable[Mapping[str, Any]], flow: Flow, case: Any, script_labels: Mapping[str, str]) -> dict[str, Any]:
    """The panel's content for `session` (`case`: the verified case as the world has it, or None)."""
    entries = list(entries)
    failures = int(session.vars.get(FAILURES_VAR, 0) or 0)
    lock = call_lock(session)
    reason = next((c for c in reversed(session.tier_changes) if c.to_tier == session.console.get("tier")), None)
    open_requests = []
    if case is not None:
        open_requests = [
            {"reference": sr.reference, "type": sr.type.replace("_", " "), "created": sr.created.isoformat()}
            for sr in case.service_requests
            if sr.status == "open"
        ]
    return {
        "call_sid": session.call_sid,
        "language": LANGUAGE_NAMES.get(session.language, session.language),
        "language_code": session.language,
        "verified": session.verified_receipt is not None,
        "receipt": session.verified_receipt,
        "representative": as_representative(session) or "",
        "locked": lock is not None,
        "lock": LOCK_WORDS.get(lock or "", lock or ""),
        "failed_verifications": failures,
        "path": path_in_words(entries, flow),
        "entered": entered(entries),
        "scripts_heard": [{"ref": ref, "label": script_labels.get(ref, ref)} for ref in session.scripts_heard],
        "service_requests": open_requests,
        "made_in_call": list(session.service_requests),
        "reason": TIER_CHANGE_REASONS.get(reason.reason, reason.reason) if reason else "",
        "note": str(session.console.get("note", "")),
        "from_agent": str(session.console.get("from_agent", "")),
        "tier": str(session.console.get("tier", session.tier)),
        "status": str(session.console.get("status", "")),
        "agent": str(session.console.get("agent", "")),
        "queued_at": str(session.console.get("queued_at", "")),
        "ended": session.ended,
    }


def path_in_words(entries: Iterable[Mapping[str, Any]], flow: Flow) -> list[str]:
    """The topics the caller chose in the IVR's menus, and each move between tiers, in plain words."""
    words: list[str] = []
    for entry in entries:
        if entry.get("type") != "step":
            continue
        before = flow.states.get(str(entry.get("state_before", "")))
        entered_states = list(entry.get("entered") or ())
        if before is not None and before.kind == "menu" and entered_states:
            option = next((o for o in before.options if o.goto == entered_states[0]), None)
            if option is not None:
                words.append(option.topic.in_("en"))
        for change in entry.get("tier_changes") or ():
            words.append(TIER_CHANGE_REASONS.get(str(change.get("reason")), str(change.get("reason"))))
        if len(words) > 40:
            break
    return [w for i, w in enumerate(words) if i == 0 or w != words[i - 1]]


def entered(entries: Iterable[Mapping[str, Any]]) -> list[dict[str, str]]:
    """What the caller keyed or said to the IVR, and where; a date of birth is hidden."""
    found: list[dict[str, str]] = []
    for entry in entries:
        described = entry.get("input") or {}
        kind = described.get("kind")
        if entry.get("type") != "step" or kind not in ("digits", "speech"):
            continue
        if any(effect.get("kind") == "caller_to_agent" for effect in entry.get("effects") or ()):
            continue  # words said to a person, shown on the call's timeline, not entered in the IVR
        where = str(entry.get("state_before", ""))
        value = str(described.get("value", ""))
        if any(word in where for word in _SENSITIVE):
            value = "(date of birth, hidden)"
        found.append({"kind": "keys" if kind == "digits" else "said", "value": value, "where": where})
    return found[-30:]
