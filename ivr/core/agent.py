"""Agent events: what a person at the console does to a call, and which seat may do what.

A trainee at the agent console plays a live tier: the Tier 1 representative,
the Tier 2 officer or the supervisor.  Each thing they do is an event of the
core, like a key press (DESIGN.md: "An agent's action in the console is an
event of the core"), so the engine stays the one place where calls change
and a console call's transcript replays and scores like any other.

Seed 003_29c9fde61bf22c66.txt fixes what each seat may do (`SEAT_ACTIONS`):
Tier 1 answers "limited in verbiage and format by informational response
scripts", verifies the caller's identity (as the flow's Tier 1 does, before
anything about a case), creates service requests, transfers to Tier 2 and
routes to a supervisor; Tier 2 officers have "access to applicable USCIS
systems"; a supervisor may verify what the caller was told, contact the office, create a
service request and request action on a USCIS error.

Pure vocabulary: no engine, no I/O.  The engine's handling lives in
`ivr.core.agent_step`.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, fields
from typing import Any, ClassVar

SEATS = ("tier1", "tier2", "supervisor")
SEAT_LABELS = {"tier1": "Tier 1 representative", "tier2": "Tier 2 officer", "supervisor": "Supervisor"}
SUPERVISOR_REASONS = ("caller_requested_supervisor", "caller_upset_resolution_improper", "urgent_needs_another_office")
"""Seed 003's three reasons a call is routed to a supervisor (the flow's TIER_CHANGE_REASONS keys)."""
NOT_GOOD_CAUSE = "none"
"""The `decide_good_cause` answer that the caller's reason is not good cause."""


@dataclass(frozen=True)
class AgentAction:
    """Something the person in a console seat did; `agent` is who (their user name)."""

    now: dt.datetime
    agent: str
    name: ClassVar[str] = ""
    label: ClassVar[str] = ""

    def to_data(self) -> dict[str, Any]:
        """The action and its arguments, for transcripts (no time: the entry has it)."""
        data: dict[str, Any] = {"action": self.name, "agent": self.agent}
        data.update({f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("now", "agent")})
        return data

    def to_json(self) -> str:
        return json.dumps(self.to_data(), ensure_ascii=False, sort_keys=True)


@dataclass(frozen=True)
class Accept(AgentAction):
    """The agent in `seat` takes the waiting call."""

    seat: str = ""
    name: ClassVar[str] = "accept"
    label: ClassVar[str] = "accept the call"


@dataclass(frozen=True)
class ReadScript(AgentAction):
    """Tier 1 reads a response script in force (`id@version`) to the caller, in the call's language."""

    ref: str = ""
    name: ClassVar[str] = "read_script"
    label: ClassVar[str] = "read a script"


@dataclass(frozen=True)
class CreateServiceRequest(AgentAction):
    """A service request of `sr_type` about the verified case, routed to the office with the file."""

    sr_type: str = ""
    content: str = ""
    name: ClassVar[str] = "create_service_request"
    label: ClassVar[str] = "create a service request"


@dataclass(frozen=True)
class TransferToTier2(AgentAction):
    """Tier 1 cannot completely resolve the inquiry: pass the call to a Tier 2 officer, saying why."""

    reason: str = ""
    name: ClassVar[str] = "transfer_tier2"
    label: ClassVar[str] = "transfer to Tier 2"


@dataclass(frozen=True)
class RouteToSupervisor(AgentAction):
    """Route the call to a supervisor for one of seed 003's three reasons."""

    reason: str = ""
    name: ClassVar[str] = "route_supervisor"
    label: ClassVar[str] = "route to a supervisor"


@dataclass(frozen=True)
class EndCall(AgentAction):
    """Say goodbye and end the call."""

    name: ClassVar[str] = "end_call"
    label: ClassVar[str] = "end the call"


@dataclass(frozen=True)
class VerifyIdentity(AgentAction):
    """Check the caller's receipt number and date of birth (YYYY-MM-DD) against the case."""

    receipt: str = ""
    date_of_birth: str = ""
    name: ClassVar[str] = "verify_identity"
    label: ClassVar[str] = "verify identity"


@dataclass(frozen=True)
class ReadCaseDetails(AgentAction):
    """Read the verified case as USCIS systems have it."""

    name: ClassVar[str] = "read_case_details"
    label: ClassVar[str] = "read case details"


@dataclass(frozen=True)
class OfferAppointments(AgentAction):
    """Offer three field office appointment times."""

    name: ClassVar[str] = "offer_appointments"
    label: ClassVar[str] = "offer appointment times"


@dataclass(frozen=True)
class BookAppointment(AgentAction):
    """Book the offered time number `choice` (1-3)."""

    choice: int = 0
    name: ClassVar[str] = "book_appointment"
    label: ClassVar[str] = "book an appointment"


@dataclass(frozen=True)
class CancelAppointment(AgentAction):
    """Cancel the case's field office appointment."""

    name: ClassVar[str] = "cancel_appointment"
    label: ClassVar[str] = "cancel the appointment"


@dataclass(frozen=True)
class DecideGoodCause(AgentAction):
    """Decide a biometrics reschedule: one of seed 000's good causes by code, or `none`."""

    cause: str = ""
    name: ClassVar[str] = "decide_good_cause"
    label: ClassVar[str] = "decide good cause"


@dataclass(frozen=True)
class FreeAnswer(AgentAction):
    """An officer's own words to the caller (recorded as such: not a script)."""

    text: str = ""
    name: ClassVar[str] = "free_answer"
    label: ClassVar[str] = "say a free answer"


@dataclass(frozen=True)
class VerifyInformation(AgentAction):
    """Supervisor: verify the information given to the caller (the transcript so far)."""

    name: ClassVar[str] = "verify_information"
    label: ClassVar[str] = "verify what the caller was told"


@dataclass(frozen=True)
class ContactOffice(AgentAction):
    """Supervisor: contact the office that holds the case through its point of contact."""

    name: ClassVar[str] = "contact_office"
    label: ClassVar[str] = "contact the office with the case"


@dataclass(frozen=True)
class RequestOfficeAction(AgentAction):
    """Supervisor: request that the office act on a USCIS error that made the caller wait."""

    name: ClassVar[str] = "request_office_action"
    label: ClassVar[str] = "request action on a USCIS error"


ACTIONS: dict[str, type[AgentAction]] = {
    cls.name: cls
    for cls in (
        Accept, VerifyIdentity, ReadScript, CreateServiceRequest, TransferToTier2, RouteToSupervisor, EndCall,
        ReadCaseDetails, OfferAppointments, BookAppointment, CancelAppointment,
        DecideGoodCause, FreeAnswer, VerifyInformation, ContactOffice, RequestOfficeAction,
    )
}

SEAT_ACTIONS: dict[str, frozenset[str]] = {
    # Seed 003: Tier 1 is "limited in verbiage and format by informational response scripts";
    # "the CSR may create a Service Request …, escalate the call to a Tier 2 USCIS officer, or
    # route the call to a supervisor".  No free text.  Case-specific information (seed 003: "CSRs provide
    # basic case-specific ... information") only for a caller whose identity is verified (DOMAIN.md §1.3:
    # who may get case-specific information; scripts/tier1-identity: Tier 1 verifies before a request
    # about a case), so Tier 1 checks identity itself when the caller did not in the IVR.
    "tier1": frozenset(
        {"verify_identity", "read_script", "create_service_request", "transfer_tier2", "route_supervisor", "end_call"}
    ),
    # Seed 003: officers have "access to applicable USCIS systems" and "may also escalate callers
    # to a supervisor"; DOMAIN.md §4: field office appointments "may only be scheduled by Tier 2".
    "tier2": frozenset(
        {
            "verify_identity", "read_case_details", "offer_appointments", "book_appointment",
            "cancel_appointment", "decide_good_cause", "create_service_request", "free_answer",
            "route_supervisor", "end_call",
        }
    ),
    # Seed 003's four powers.  A supervisor is "a supervisory USCIS officer": they may check the
    # caller's identity and speak in their own words, as any officer.
    "supervisor": frozenset(
        {
            "verify_information", "contact_office", "create_service_request", "request_office_action",
            "verify_identity", "free_answer", "end_call",
        }
    ),
}


def from_data(now: dt.datetime, data: dict[str, Any]) -> AgentAction:
    """The action described by `to_data()`'s dict (ValueError for an unknown action or argument)."""
    name = str(data.get("action", ""))
    cls = ACTIONS.get(name)
    if cls is None:
        raise ValueError(f"unknown agent action '{name}' (allowed: {', '.join(sorted(ACTIONS))})")
    allowed = {f.name for f in fields(cls)} - {"now"}
    unknown = sorted(set(data) - allowed - {"action"})
    if unknown:
        raise ValueError(f"agent action '{name}': unknown argument(s) {', '.join(unknown)}")
    values: dict[str, Any] = {key: value for key, value in data.items() if key != "action"}
    values.setdefault("agent", "")
    if cls is BookAppointment:
        values["choice"] = int(values.get("choice") or 0)
    else:
        values = {key: str(value) for key, value in values.items()}
    return cls(now=now, **values)


def from_json(now: dt.datetime, text: str) -> AgentAction:
    """The action of a transcript's `agent:` input."""
    data = json.loads(text)
    if not isinstance(data, dict):
        raise ValueError("an agent action is a JSON object")
    return from_data(now, data)
