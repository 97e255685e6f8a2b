"""The score card of a console call: what the trainee at a seat did, checked against the rules.

Read from the call's transcript alone (the same entries replay reads), so a
score card can be recomputed from any stored or exported call.  Each line
names its rule, whether it held, what happened, and the public document it
comes from with its sentence, named so a trainee can look it up (the project's
copies, cited in the comments below, are for authors).  Pure: no store, no clock.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ivr.core.agent import SEAT_ACTIONS
from ivr.core.agent_step import AGENT_REFUSED
from ivr.console.scenarios import DEFAULT_ANSWER_WITHIN, DEFAULT_RESOLVE_WITHIN, Expected, Scenario

BIOMETRICS_RELEASE = "USCIS news release on rescheduling biometrics appointments online (2023)"  # seed 000_183b307099edfec1.txt
INQUIRIES_MANUAL = "USCIS Policy Manual: responding to customer inquiries"  # seed 001_7dddce98989cf869.txt
POLICY_MANUAL = "USCIS Policy Manual: the USCIS Contact Center"  # seed 003_29c9fde61bf22c66.txt
APPOINTMENTS_SUMMARY = "CLINIC's summary of the USCIS Ombudsman's February 2019 teleconference"  # DOMAIN.md §4
GAO_REPORT = "GAO report GAO-05-526 on USCIS call centers"  # DOMAIN.md §1.5
SEED_DOCUMENTS = {
    BIOMETRICS_RELEASE: "000_183b307099edfec1.txt",
    INQUIRIES_MANUAL: "001_7dddce98989cf869.txt",
    POLICY_MANUAL: "003_29c9fde61bf22c66.txt",
}
"""The public documents the seeds are copies of: a quote from one of them is its words, parts joined by ' … '."""
GOOD_CAUSE_RECORDED = "good_cause_recorded"  # ivr.behaviours.tier1_scripts
GOOD_CAUSE_REFUSED = "good_cause_refused"
SERVICE_REQUEST_CREATED = "service_request_created"
CASE_UPDATED = "case_updated"
SUPERVISOR_EFFECTS = {
    "information_verified": "information_verified",
    "office_contacted": "office_contacted",
    "office_action": "office_action_requested",
}
CASE_INFORMATION = frozenset(
    {
        "read_case_details", "offer_appointments", "book_appointment", "cancel_appointment",
        "decide_good_cause", "contact_office", "request_office_action", "create_service_request",
    }
)
"""Actions that read or change the caller's case: only for a caller whose identity is verified."""
ESCALATING = {"transfer_tier2": "tier2", "route_supervisor": "supervisor"}
URGENT = "urgent_needs_another_office"
"""Seed 003's supervisor reason for a matter that "requires urgent or expedited assistance by another office"."""
EXPEDITE = "expedite"

_QUOTES = {  # a seed document's quotes are its own words (tests/console/test_scoring_by_the_seeds.py)
    "identity": (INQUIRIES_MANUAL, "USCIS officers should use caution when responding to email inquiries requesting "
                 "case-specific information, as issues of privacy and identity may arise."),
    "case_details": (POLICY_MANUAL, "Tier 2 is staffed by USCIS officers with access to applicable USCIS systems."),
    "scripts_only": (POLICY_MANUAL, "Information provided by Tier 1 will be limited in verbiage and format by "
                     "informational response scripts that are created and provided by USCIS."),
    "scripts_expected": (POLICY_MANUAL, "CSRs provide basic case-specific and general non-case-specific information to customers."),
    "escalation.tier2": (POLICY_MANUAL, "When unable to completely resolve an inquiry, the Tier 1 CSR may transfer the call "
                         "to the Tier 2 live assistance level to be answered by a USCIS officer."),
    "escalation.supervisor": (POLICY_MANUAL, "Calls will be routed to a supervisor when: Customer requests to speak to a "
                              "supervisor; Customer is unusually upset and believes the proposed resolution is improper; or "
                              "The matter requires urgent or expedited assistance by another office to resolve in a timely manner."),
    "escalation.none": (INQUIRIES_MANUAL, "All inquiries should be reviewed with the goal of First Contact Resolution \u2026 "
                        "that is, giving an accurate and complete answer the first time to eliminate the need for a "
                        "subsequent inquiry about the same issue."),
    "service_request": (POLICY_MANUAL, "Inquiries that may need to be resolved by a USCIS domestic field office that physically "
                        "has the case file require the creation of a Service Request. The Service Request is automatically "
                        "routed to the USCIS office that can best provide a resolution to the customer inquiry."),
    "expedite": (INQUIRIES_MANUAL, "Urgent situations that require accelerated processing should be expedited."),
    "biometrics": (BIOMETRICS_RELEASE, "The new tool, however, cannot be used to reschedule an appointment that already has "
                   "been rescheduled two or more times, is within 12 hours, or that has already passed. \u2026 Good cause exists "
                   "when the reschedule request provides sufficient reason for the benefit requestor\u2019s inability to appear "
                   "on the scheduled date. \u2026 USCIS only accepts untimely rescheduling requests made to the USCIS Contact Center"),
    "appointment": (APPOINTMENTS_SUMMARY, "Requests for in-person appointments may be made with Tier 1 but appointments may "
                    "only be scheduled by Tier 2."),
    "supervisor": (POLICY_MANUAL, "When appropriate for the situation, a supervisor may: Verify the information provided to the "
                   "customer by the USCIS officer. Directly contact the appropriate USCIS office to determine if any additional "
                   "options may be available to resolve the caller\u2019s issue (if needed). Create a Service Request if the issue "
                   "cannot be resolved by the USCIS Contact Center. Request that the appropriate office take action to "
                   "alleviate any unnecessary additional wait times, if the caller\u2019s issue resulted from a USCIS error."),
    "time": (GAO_REPORT, "Contractor call centers are held to performance measures including speed of answer."),
}


@dataclass(frozen=True)
class Line:
    """One rule on the score card."""

    rule: str
    passed: bool
    detail: str
    source: str
    quote: str

    def to_dict(self) -> dict[str, Any]:
        return {"rule": self.rule, "passed": self.passed, "detail": self.detail, "source": self.source, "quote": self.quote}


@dataclass(frozen=True)
class ScoreCard:
    """A trainee's score for one console call at one seat."""

    call_sid: str
    scenario: str | None
    seat: str
    trainee: str
    lines: tuple[Line, ...]
    answered_in: float | None = None
    resolved_in: float | None = None
    actions: tuple[str, ...] = field(default=())

    @property
    def points(self) -> int:
        return sum(1 for line in self.lines if line.passed)

    @property
    def total(self) -> int:
        return len(self.lines)

    @property
    def broken(self) -> tuple[str, ...]:
        """The rules that did not hold."""
        return tuple(line.rule for line in self.lines if not line.passed)

    def to_dict(self) -> dict[str, Any]:
        return {
            "call_sid": self.call_sid,
            "scenario": self.scenario,
            "seat": self.seat,
            "trainee": self.trainee,
            "points": self.points,
            "total": self.total,
            "answered_in": self.answered_in,
            "resolved_in": self.resolved_in,
            "actions": list(self.actions),
            "lines": [line.to_dict() for line in self.lines],
        }


@dataclass
class _Act:
    at: dt.datetime
    data: dict[str, Any]
    effects: list[dict[str, Any]]
    prompts: list[str]
    verified_before: bool

    @property
    def name(self) -> str:
        return str(self.data.get("action", ""))

    def refused(self) -> str | None:
        return next((str(e.get("why")) for e in self.effects if e.get("kind") == AGENT_REFUSED), None)


def score(entries: Iterable[Mapping[str, Any]], trainee: str, seat: str, scenario: Scenario | None = None, call_sid: str = "") -> ScoreCard:
    """The score card of `trainee` at `seat` in the call whose transcript entries are `entries`."""
    queued_at: dt.datetime | None = None
    hung_up_at: dt.datetime | None = None
    verified = False
    acts: list[_Act] = []
    for entry in entries:
        if entry.get("type") != "step":
            continue
        at = dt.datetime.fromisoformat(str(entry["at"]))
        for change in entry.get("tier_changes") or ():
            if change.get("to") == seat and queued_at is None:
                queued_at = at
                verified = bool((change.get("context") or {}).get("verified_receipt"))
        described = entry.get("input") or {}
        if described.get("kind") == "hang_up" and hung_up_at is None:
            hung_up_at = at
        if described.get("kind") != "agent":
            continue
        data = json.loads(str(described.get("value") or "{}"))
        if data.get("agent") != trainee:
            continue
        prompts = [str(p.get("id")) for p in entry.get("prompts") or ()]
        act = _Act(at, data, list(entry.get("effects") or ()), prompts, verified)
        acts.append(act)
        if "agent.verified" in prompts:
            verified = True
    accepted = next((a for a in acts if a.name == "accept" and not a.refused()), None)
    working = [a for a in acts if a.name != "accept"]
    finishing = next((a for a in working if a.name in (*ESCALATING, "end_call") and not a.refused()), None)
    resolved_at = finishing.at if finishing else hung_up_at
    answered_in = (accepted.at - queued_at).total_seconds() if accepted and queued_at else None
    resolved_in = (resolved_at - accepted.at).total_seconds() if accepted and resolved_at else None
    expected = scenario.expected if scenario is not None else None
    lines = _lines(working, seat, expected, answered_in, resolved_in, scenario is not None and _urgent(scenario))
    return ScoreCard(
        call_sid,
        scenario.id if scenario else None,
        seat,
        trainee,
        tuple(lines),
        answered_in,
        resolved_in,
        tuple(_described(a) for a in working),
    )


def _line(rule: str, key: str, passed: bool, detail: str) -> Line:
    source, quote = _QUOTES[key]
    return Line(rule, passed, detail, source, quote)


def _urgent(scenario: Scenario) -> bool:
    """Whether the scenario's matter is urgent: a supervisor is due, or was reached, for seed 003's urgent reason."""
    return scenario.expected.supervisor_reason == URGENT or any(
        colleague.action == "route_supervisor" and colleague.args.get("reason") == URGENT for colleague in scenario.before
    )


def _lines(
    acts: list[_Act], seat: str, expected: Expected | None, answered_in: float | None, resolved_in: float | None,
    urgent: bool = False,
) -> list[Line]:
    lines: list[Line] = []
    early = [a.name for a in acts if a.name in CASE_INFORMATION and not a.verified_before]
    lines.append(_line("identity_first", "identity", not early,
                       "identity verified before any case information" if not early
                       else f"case information before identity was verified: {', '.join(dict.fromkeys(early))}"))
    if seat == "tier1":
        outside = [
            a.name if a.name not in SEAT_ACTIONS["tier1"] else f"{a.data.get('ref')} (not in force)"
            for a in acts
            if a.refused() and (a.name not in SEAT_ACTIONS["tier1"] or a.name == "read_script")
        ]
        lines.append(_line("tier1_scripts_only", "scripts_only", not outside,
                           "answered only with scripts in force" if not outside
                           else f"went outside the scripts in force: {', '.join(outside)}"))
    if expected is None:
        # a call without a scenario (a trainer playing the caller): the rules that need no expectation
        return lines + [
            _within("time_to_answer", answered_in, DEFAULT_ANSWER_WITHIN, "answered"),
            _within("time_to_resolve", resolved_in, DEFAULT_RESOLVE_WITHIN, "resolved"),
        ]
    if expected.scripts:
        heard = {str(a.data.get("ref", "")).split("@")[0] for a in acts if a.name == "read_script" and not a.refused()}
        missing = [s for s in expected.scripts if s not in heard]
        lines.append(_line("scripts_expected", "scripts_expected", not missing,
                           f"read {', '.join(expected.scripts)}" if not missing else f"did not read {', '.join(missing)}"))
    other = expected.alternative
    resolution = [_escalation(acts, expected, other), _service_request(acts, expected, urgent)]
    if other is not None and not all(line.passed for line in resolution):
        # seed 003: Tier 1 "may create a Service Request ..., escalate the call ..., or route the call to a
        # supervisor, as appropriate": a scenario may name a second resolution that is as right as the first
        instead = [_escalation(acts, other), _service_request(acts, other, urgent)]
        resolution = instead if all(line.passed for line in instead) else resolution
    lines += resolution
    if expected.good_cause is not None:
        lines.append(_biometrics(acts, expected))
    if expected.appointment is not None:
        changes = [e for a in acts for e in a.effects if e.get("kind") == CASE_UPDATED and "field_office_appointment" in (e.get("changes") or {})]
        outcomes = [("cancelled" if e["changes"]["field_office_appointment"] is None else "booked") for e in changes]
        lines.append(_line("field_office_appointment", "appointment", expected.appointment in outcomes,
                           f"appointment {expected.appointment}" if expected.appointment in outcomes
                           else f"expected the appointment {expected.appointment}; done: {', '.join(outcomes) or 'nothing'}"))
    if expected.case_details:
        details = any(a.name == "read_case_details" and not a.refused() for a in acts)
        lines.append(_line("case_details", "case_details", details, "read the case details" if details else "did not read the case details"))
    for key, kind in SUPERVISOR_EFFECTS.items():
        if getattr(expected, key):
            done = any(e.get("kind") == kind for a in acts for e in a.effects)
            lines.append(_line(f"supervisor_{key}", "supervisor", done, f"{key.replace('_', ' ')}: {'done' if done else 'not done'}"))
    if seat == "supervisor" and not expected.office_action:
        # seed 003: a supervisor may request office action "if the caller's issue resulted from a USCIS error"
        if any(e.get("kind") == SUPERVISOR_EFFECTS["office_action"] for a in acts for e in a.effects):
            lines.append(_line("supervisor_office_action", "supervisor", False,
                               "requested action on a USCIS error, but the caller's issue did not result from one"))
    lines.append(_within("time_to_answer", answered_in, expected.answer_within, "answered"))
    lines.append(_within("time_to_resolve", resolved_in, expected.resolve_within, "resolved"))
    return lines


def _escalation(acts: list[_Act], expected: Expected, other: Expected | None = None) -> Line:
    """Whether the seat escalated as `expected` says; `other` (the alternative) only words what was called for:
    a supervisor for either of two of seed 003's reasons reads "(A or B)"."""
    taken = next((a for a in acts if a.name in ESCALATING and not a.refused()), None)
    tier = ESCALATING[taken.name] if taken else "none"
    reason = str(taken.data.get("reason")) if taken and tier == "supervisor" else None
    want = expected.escalation
    ok = tier == want and (want != "supervisor" or reason == expected.supervisor_reason)
    said = "no escalation" if tier == "none" else f"escalated to {tier}" + (f" ({reason})" if reason else "")
    reasons = [expected.supervisor_reason] if expected.supervisor_reason else []
    also = other.supervisor_reason if other is not None and other.escalation == want else None
    if also is not None and also not in reasons:
        reasons.append(also)
    wanted = "no escalation" if want == "none" else f"escalation to {want}" + (f" ({' or '.join(reasons)})" if reasons else "")
    return _line("escalation", f"escalation.{want}", ok, said if ok else f"{said}; the scenario called for {wanted}")


def _service_request(acts: list[_Act], expected: Expected, urgent: bool = False) -> Line:
    made = [
        e for a in acts for e in a.effects
        if e.get("kind") == SERVICE_REQUEST_CREATED and "good_cause" not in e and e.get("reason") != "uscis_error"
    ]
    if expected.sr_type is None:
        # Seed 001: "Urgent situations that require accelerated processing should be expedited": in an urgent
        # matter an expedite request is never one that was not due.
        undue = [e for e in made if not (urgent and e.get("type") == EXPEDITE)]
        if urgent and made and not undue:
            return _line("service_request", "expedite", True, "an expedite request for an urgent matter")
        return _line("service_request", "service_request", not undue,
                     "no service request, none was due" if not undue
                     else f"made a service request ({undue[0].get('type')}) that was not due")
    right = [e for e in made if e.get("type") == expected.sr_type]
    office_ok = not expected.sr_office or any(e.get("office") == expected.sr_office for e in right)
    if right and office_ok:
        return _line("service_request", "service_request", True, f"{expected.sr_type} sent to {right[0].get('office')}")
    got = ", ".join(f"{e.get('type')} to {e.get('office')}" for e in made) or "none"
    want = expected.sr_type + (f" to {expected.sr_office}" if expected.sr_office else "")
    return _line("service_request", "service_request", False, f"expected {want}; made {got}")


def _biometrics(acts: list[_Act], expected: Expected) -> Line:
    decisions = [e for a in acts for e in a.effects if e.get("kind") in (GOOD_CAUSE_RECORDED, GOOD_CAUSE_REFUSED)]
    if not decisions:
        return _line("biometrics_good_cause", "biometrics", False, "no good cause decision was recorded")
    last = decisions[-1]
    cause = str(last.get("cause")) if last.get("kind") == GOOD_CAUSE_RECORDED else "none"
    if cause != expected.good_cause:
        return _line("biometrics_good_cause", "biometrics", False, f"decided '{cause}'; the rules call for '{expected.good_cause}'")
    if expected.untimely is not None and cause != "none" and bool(last.get("untimely")) != expected.untimely:
        return _line("biometrics_good_cause", "biometrics", False, f"recorded untimely={last.get('untimely')}; expected {expected.untimely}")
    return _line("biometrics_good_cause", "biometrics", True, f"good cause '{cause}'" + (" (untimely)" if last.get("untimely") else ""))


def _within(rule: str, seconds: float | None, limit: int, verb: str) -> Line:
    if seconds is None:
        return _line(rule, "time", False, f"not {verb}")
    return _line(rule, "time", seconds <= limit, f"{verb} in {seconds:.0f} s (limit {limit} s)")


def _described(act: _Act) -> str:
    args = ", ".join(f"{k}={v}" for k, v in sorted(act.data.items()) if k not in ("action", "agent") and v not in ("", 0))
    text = f"{act.name}({args})"
    why = act.refused()
    return f"{text} refused: {why}" if why else text
