"""A recorded call's title, from its path: "biometrics appointments → rescheduled, EN, 7 steps".

Exported transcripts carry it in their file name and header, so a folder of
them says what each call was.  The topic is the menu option the call took
out of the main menu (its topic, as the caller heard it); the outcome is
what the call changed (a booking, a service request…), else the highest tier
it reached, else how it ended.  Pure functions of a transcript and its flow.
"""

from __future__ import annotations

import re
import unicodedata

from ivr.core.flow import Flow
from ivr.qa.transcript import Transcript

__all__ = ["slug", "title"]

_OUTCOMES = {
    "biometrics_rescheduled": "rescheduled",
    "case_updated": "case updated",
    "service_request_created": "service request filed",
    "callback_requested": "call-back requested",
    "good_cause_recorded": "good cause recorded",
    "information_verified": "information verified",
    "office_contacted": "office contacted",
    "office_action_requested": "office action requested",
    "field_office_appointment_booked": "appointment booked",
}
_TIERS = {"tier1": "Tier 1", "tier2": "Tier 2", "supervisor": "supervisor"}
_TIER_ORDER = ("ivr", "tier1", "tier2", "supervisor")
_SKIPPED = {"language", "main_menu"}


def title(recorded: Transcript, flow: Flow | None = None) -> str:
    """`topic → outcome, LANGUAGE, N steps` for a recorded call."""
    steps = recorded.steps
    language = steps[-1].observed.language.upper() if steps else "?"
    count = f"{len(steps)} step{'s' if len(steps) != 1 else ''}"
    return f"{_topic(recorded, flow)} → {_outcome(recorded)}, {language}, {count}"


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe form of a title: `biometrics-appointments-rescheduled-en-7-steps`."""
    plain = unicodedata.normalize("NFKD", text.replace("→", " ")).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain.lower())
    out = "-".join(words)
    return out[:limit].rstrip("-") or "call"


def _topic(recorded: Transcript, flow: Flow | None) -> str:
    entered = [name for step in recorded.steps for name in step.observed.entered]
    first = next((name for name in entered if name.split(".")[0] not in _SKIPPED), None)
    if first is None:
        return "main menu" if "main_menu" in entered else "language choice"
    if flow is not None:
        for state in flow.states.values():
            for option in state.options:
                if option.goto == first and state.name not in ("language",):
                    return option.topic.en
    return first.split(".")[0].replace("_", " ")


def _outcome(recorded: Transcript) -> str:
    kinds = [str(effect.get("kind")) for step in recorded.steps for effect in step.observed.effects]
    meaningful = [kind for kind in kinds if kind != "case_updated"] or kinds
    if meaningful:
        return _OUTCOMES.get(meaningful[-1], meaningful[-1].replace("_", " "))
    tiers = [step.observed.tier for step in recorded.steps]
    highest = max(tiers, key=_TIER_ORDER.index, default="ivr") if tiers else "ivr"
    if highest != "ivr":
        return f"reached {_TIERS.get(highest, highest)}"
    if not recorded.steps:
        return "no steps"
    last = recorded.steps[-1]
    if last.input.kind == "hang_up":
        return f"caller hung up in {last.state_before or last.observed.state}"
    if last.observed.hung_up:
        return f"ended at {last.observed.state}"
    return f"left at {last.observed.state}"
