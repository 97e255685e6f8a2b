"""Call analytics: how the calls of a period went, in aggregate.

`summarise` reads one recorded call (its transcript) into a `CallSummary`:
where it ended, whether the IVR contained it, where the caller hung up, when
it reached each tier and why, what it filed.  `analyse` folds summaries into
a `CallReport`: containment, abandonment by state, time to reach each tier,
transfers per tier with their seed 003 reasons, service requests by type and
office, the busiest hours, per language and per flow version.

Definitions (so the numbers can be checked against calls by hand):

* contained: the call stayed in the IVR (never reached a live tier) and the
  IVR ended it, or the caller hung up after the IVR had served something
  beyond the language choice and the main menu;
* abandoned: the caller hung up while the call was still waiting on the
  language choice or the main menu, or while waiting in a live tier's queue;
  the state where they hung up is counted;
* time to a tier: simulated seconds from the call's first step to the first
  step the call was in that tier.

Pure functions over transcripts; `ivr.qa.analytics_report` renders them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from statistics import median
from zoneinfo import ZoneInfo

from ivr.core.flow import TIER_CHANGE_REASONS
from ivr.qa.transcript import Transcript

__all__ = ["CallReport", "CallSummary", "analyse", "summarise"]

EASTERN = ZoneInfo("America/New_York")  # the Contact Center's hours are Eastern (seed 003)
LIVE_TIERS = ("tier1", "tier2", "supervisor")
_ENTRY_STATES = {"language", "main_menu"}


@dataclass(frozen=True)
class CallSummary:
    """One call, reduced to what the report counts."""

    call_sid: str
    channel: str
    flow: str  # flow id with its version: `uscis_contact_center@3` or `uscis_contact_center#348fafdd06ae`
    language: str
    started: dt.datetime
    end_state: str
    contained: bool
    abandoned_in: str | None  # the state where the caller hung up, when abandoned
    reached: dict[str, float] = field(default_factory=dict)  # tier -> seconds from the start
    transfers: tuple[tuple[str, str, str], ...] = ()  # (from tier, to tier, reason)
    service_requests: tuple[tuple[str, str], ...] = ()  # (type, office)
    steps: int = 0


@dataclass(frozen=True)
class CallReport:
    """The aggregate of a period's calls."""

    start: dt.date | None
    end: dt.date | None
    calls: int
    contained: int
    abandoned: int
    abandoned_by_state: list[tuple[str, int]]
    reached: dict[str, int]  # tier -> calls that reached it
    time_to_tier: dict[str, tuple[float, float]]  # tier -> (median seconds, max seconds)
    transfers: list[tuple[str, str, str, int]]  # (to tier, reason, reason in words, count)
    service_requests: list[tuple[str, str, int]]  # (type, office, count)
    by_hour: list[tuple[int, int]]  # (hour of day, Eastern, calls) for every hour 0-23
    by_language: list[tuple[str, int, int]]  # (language, calls, contained)
    by_flow: list[tuple[str, int, int]]  # (flow version, calls, contained)

    @property
    def containment(self) -> float:
        return self.contained / self.calls if self.calls else 0.0

    @property
    def busiest_hour(self) -> int | None:
        if not self.calls:
            return None
        return max(self.by_hour, key=lambda item: (item[1], -item[0]))[0]


def summarise(recorded: Transcript) -> CallSummary:
    """What one recorded call counts for."""
    steps = recorded.steps
    started = steps[0].at if steps else _parse(recorded.started_at)
    reached: dict[str, float] = {}
    transfers: list[tuple[str, str, str]] = []
    requests: list[tuple[str, str]] = []
    served = False
    for step in steps:
        seen = step.observed
        if seen.tier in LIVE_TIERS and seen.tier not in reached:
            reached[seen.tier] = (step.at - started).total_seconds()
        for change in seen.tier_changes:
            to = str(change.get("to"))
            if to in LIVE_TIERS:
                transfers.append((str(change.get("from")), to, str(change.get("reason"))))
        for effect in seen.effects:
            if effect.get("kind") == "service_request_created":
                requests.append((str(effect.get("type", "other")), str(effect.get("office", "unknown office"))))
        if any(state.split(".")[0] not in _ENTRY_STATES for state in seen.entered):
            served = True
    last = steps[-1] if steps else None
    caller_hung_up = last is not None and last.input.kind == "hang_up"
    ivr_ended = last is not None and last.observed.hung_up
    where = (last.state_before or last.observed.state) if last is not None else "(no steps)"
    waiting_in_entry = where.split(".")[0] in _ENTRY_STATES
    abandoned = caller_hung_up and (waiting_in_entry or (not served and not reached))
    contained = not reached and not abandoned and (ivr_ended or caller_hung_up or served)
    version = recorded.flow_id if "@" in recorded.flow_id else f"{recorded.flow_id}#{recorded.flow_version or '?'}"
    return CallSummary(
        call_sid=recorded.call_sid,
        channel=recorded.channel,
        flow=version,
        language=last.observed.language if last is not None else "en",
        started=started,
        end_state=last.observed.state if last is not None else "(no steps)",
        contained=contained,
        abandoned_in=where if abandoned else None,
        reached=reached,
        transfers=tuple(transfers),
        service_requests=tuple(requests),
        steps=len(steps),
    )


def analyse(summaries: Iterable[CallSummary], start: dt.date | None = None, end: dt.date | None = None) -> CallReport:
    """Fold the calls that started in [start, end] (Eastern dates, both included) into a report."""
    chosen = [s for s in summaries if _within(s.started, start, end)]
    hours = Counter(s.started.astimezone(EASTERN).hour for s in chosen)
    reached = {tier: sum(1 for s in chosen if tier in s.reached) for tier in LIVE_TIERS}
    time_to_tier = {
        tier: (median(times), max(times))
        for tier in LIVE_TIERS
        if (times := [s.reached[tier] for s in chosen if tier in s.reached])
    }
    transfers = Counter((to, reason) for s in chosen for _, to, reason in s.transfers)
    requests = Counter(request for s in chosen for request in s.service_requests)
    return CallReport(
        start=start,
        end=end,
        calls=len(chosen),
        contained=sum(1 for s in chosen if s.contained),
        abandoned=sum(1 for s in chosen if s.abandoned_in),
        abandoned_by_state=Counter(s.abandoned_in for s in chosen if s.abandoned_in is not None).most_common(),
        reached=reached,
        time_to_tier=time_to_tier,
        transfers=[
            (to, reason, TIER_CHANGE_REASONS.get(reason, reason), count)
            for (to, reason), count in sorted(transfers.items(), key=lambda item: (LIVE_TIERS.index(item[0][0]), -item[1]))
        ],
        service_requests=[(kind, office, count) for (kind, office), count in requests.most_common()],
        by_hour=[(hour, hours.get(hour, 0)) for hour in range(24)],
        by_language=_split(chosen, lambda s: s.language),
        by_flow=_split(chosen, lambda s: s.flow),
    )


def _split(calls: Sequence[CallSummary], key: Callable[[CallSummary], str]) -> list[tuple[str, int, int]]:
    groups: dict[str, list[CallSummary]] = {}
    for call in calls:
        groups.setdefault(key(call), []).append(call)
    return [(name, len(group), sum(1 for c in group if c.contained)) for name, group in sorted(groups.items())]


def _within(started: dt.datetime, start: dt.date | None, end: dt.date | None) -> bool:
    day = started.astimezone(EASTERN).date()
    return (start is None or day >= start) and (end is None or day <= end)


def _parse(value: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value)
    except ValueError:
        return dt.datetime(1970, 1, 1, tzinfo=dt.timezone.utc)
