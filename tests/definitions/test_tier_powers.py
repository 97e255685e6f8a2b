"""What each tier may do (seed 003_29c9fde61bf22c66.txt) holds for flows too, not only for the console's seats.

Seed 003: Tier 1 representatives are "limited in verbiage and format by informational response
scripts"; Tier 2 officers have "access to applicable USCIS systems" (DOMAIN.md §4: field office
appointments "may only be scheduled by Tier 2"); a supervisor may "contact the office" and request
action on a USCIS error.  A flow is data: the loader refuses a power run in a state of another tier.
"""

from __future__ import annotations

import pytest

from ivr.core.registry import builtin_registry

POWERS = {
    "live_case_details": {"tier2"},
    "live_appointment_options": {"tier2"},
    "live_choose_field_office": {"tier2"},
    "live_book_appointment": {"tier2"},
    "live_decide_good_cause": {"tier2"},
    "live_supervisor_review": {"supervisor"},
    "live_contact_office": {"supervisor"},
    "live_request_office_action": {"supervisor"},
}


@pytest.mark.parametrize(("action", "seats"), sorted(POWERS.items()))
def test_an_officers_or_supervisors_power_is_declared_for_their_tier_only(action: str, seats: set[str]) -> None:
    """Each power of seed 003 names the tier whose states may run it."""
    assert builtin_registry().actions[action].seats == seats


def test_what_any_tier_may_do_is_declared_for_none_in_particular() -> None:
    """Verifying a caller and creating a service request are every tier's (seed 003: "the CSR may create a Service Request")."""
    actions = builtin_registry().actions
    assert actions["live_verify_caller"].seats == frozenset()
    assert actions["live_create_service_request"].seats == frozenset()
