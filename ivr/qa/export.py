"""Exporting recorded calls: redacted so they still replay, and refused when an identifier survives.

Redaction (`ivr.qa.redact`) rewrites the caller's inputs, the case snapshot and
what the call said.  Some things a call says follow from the case an identifier
names (its status, its dates, the requests open on it), so text substitution
alone cannot make them agree with the synthetic identifiers.  So when the original
transcript still replays as recorded, the redacted call is re-recorded: its
redacted inputs are played against its redacted world, and what the call says
now is what the export keeps, after checking that it took the original's path
step by step (states, tiers, prompt ids, effects).  A transcript recorded with
older flows is redacted by substitution only, with a warning.

Whatever the route, the exported text is searched for every written form of
every identifier of the original; a transcript in which one survives is not
exported (`RedactionLeak`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ivr.errors import IVRError
from ivr.qa.redact import Redactor, identifier_forms
from ivr.qa.replay import Replayer
from ivr.qa.transcript import Observation, Transcript, dumps


class RedactionLeak(IVRError):
    """An identifier of the original call is still in its redacted transcript."""


@dataclass(frozen=True)
class Exported:
    """A transcript ready to write, and why it may not replay (if so)."""

    transcript: Transcript
    warning: str | None = None


def export(original: Transcript, redactor: Redactor | None, replayer: Replayer | None) -> Exported:
    """The transcript to write: `original` as is without a redactor, else redacted (see the module notes)."""
    if redactor is None:
        return Exported(original)
    redacted = redactor.redact(original)
    warning = None
    if replayer is None:
        warning = "redacted by substitution only (no flows to re-record it with)"
    elif not replayer.replay_transcript(original).passed:
        warning = "the call no longer replays as recorded (the flows changed since); redacted by substitution only"
    else:
        rerecorded = replace(replayer.rerecord(redacted), redacted=True)
        difference = path_difference(original, rerecorded)
        if difference is None:
            redacted = rerecorded
        else:
            warning = f"with synthetic identifiers the call goes another way ({difference}); redacted by substitution only"
    found = leaks(original, dumps(redacted), redactor)
    if found:
        raise RedactionLeak(f"call {original.call_sid}: identifiers survive redaction: {', '.join(sorted(found)[:5])}")
    return Exported(redacted, warning)


def path_difference(original: Transcript, redacted: Transcript) -> str | None:
    """Where two recordings of a call part ways (states, tiers, prompt ids, actions, effects), or None."""
    if len(original.steps) != len(redacted.steps):
        return f"{len(original.steps)} steps, now {len(redacted.steps)}"
    for number, (then, now) in enumerate(zip(original.steps, redacted.steps), 1):
        a, b = then.observed, now.observed
        if _path(a) != _path(b):
            return f"step {number}: {a.state} then, {b.state} now"
    return None


def _path(seen: Observation) -> tuple[object, ...]:
    return (
        seen.state,
        seen.tier,
        seen.language,
        tuple(h.prompt for h in seen.heard),
        seen.actions,
        tuple(str(e.get("kind")) for e in seen.effects),
        tuple(str(c.get("reason")) for c in seen.tier_changes),
        seen.fault,
    )


def leaks(original: Transcript, text: str, redactor: Redactor) -> set[str]:
    """The written forms of the original's identifiers that occur in `text` (wherever YAML wrapped its lines)."""
    text = " ".join(text.split())
    found = set()
    for form in identifier_forms(original, redactor):
        pattern = re.escape(form)
        pattern = (r"(?<![0-9])" if form[:1].isdigit() else r"\b") + pattern + (r"(?![0-9])" if form[-1:].isdigit() else r"\b")
        if re.search(pattern, text):
            found.add(form)
    return found
