"""The model answer of a scenario: the actions a trainee who does the right thing takes.

Built from the scenario's expectations, in the order the rules want them:
identity first (an officer always checks it; Tier 1 when the call needs
the case and the IVR did not check it), then the case, then what resolves
the inquiry, then the escalation or the goodbye.  Trainers can show it after a call ("what a
full-marks call looks like"); tests play it to prove every scenario can get
full marks.  Each item is an agent action as data (`ivr.core.agent.from_data`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ivr.console.scenarios import Scenario

TRANSFER_NOTE = "The caller needs an officer to look at the case."


def model_actions(scenario: Scenario, script_ref: Callable[[str], str], date_of_birth: str = "") -> list[dict[str, Any]]:
    """The right actions for the scenario's seat.

    `script_ref` turns a script id into its `id@version` in force; `date_of_birth`
    (YYYY-MM-DD) is the case's, as the caller tells it.
    """
    expected = scenario.expected
    persona = scenario.persona
    actions: list[dict[str, Any]] = []
    if scenario.case and "receipt" in persona.knows and _checks_identity(scenario):
        actions.append({"action": "verify_identity", "receipt": scenario.case, "date_of_birth": date_of_birth})
    for script_id in expected.scripts:
        actions.append({"action": "read_script", "ref": script_ref(script_id)})
    if expected.information_verified:
        actions.append({"action": "verify_information"})
    if expected.case_details:
        actions.append({"action": "read_case_details"})
    if expected.appointment == "booked":
        actions += [{"action": "offer_appointments"}, {"action": "book_appointment", "choice": 1}]
    elif expected.appointment == "cancelled":
        actions.append({"action": "cancel_appointment"})
    if expected.good_cause is not None:
        actions.append({"action": "decide_good_cause", "cause": expected.good_cause})
    if expected.office_contacted:
        actions.append({"action": "contact_office"})
    if expected.office_action:
        actions.append({"action": "request_office_action"})
    if expected.sr_type is not None:
        actions.append({"action": "create_service_request", "sr_type": expected.sr_type, "content": persona.goal})
    if expected.escalation == "tier2":
        actions.append({"action": "transfer_tier2", "reason": TRANSFER_NOTE})
    elif expected.escalation == "supervisor":
        actions.append({"action": "route_supervisor", "reason": expected.supervisor_reason})
    else:
        actions.append({"action": "end_call"})
    return actions


def _checks_identity(scenario: Scenario) -> bool:
    """Whether the seat checks the caller's identity: an officer or supervisor always does; Tier 1 when the
    call needs something of the case (a service request) and the caller did not verify in the IVR."""
    if scenario.seat != "tier1":
        return True
    return scenario.expected.sr_type is not None and not scenario.persona.verifies_in_ivr
