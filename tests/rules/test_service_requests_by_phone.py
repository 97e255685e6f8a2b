"""Which service requests the IVR creates itself (DOMAIN.md §5 and §1.3)."""

from datetime import date

import pytest

from ivr.definitions.cases import ServiceRequestRecord
from ivr.rules.service_requests import SELF_SERVICE_TYPES, open_request_of_type, phone_self_service_refusal


@pytest.mark.parametrize("sr_type", sorted(SELF_SERVICE_TYPES))
def test_self_service_types_are_created_by_phone(sr_type):
    """DOMAIN.md §5: the online self-service categories may be created in the IVR."""
    assert phone_self_service_refusal(sr_type, "I-485") is None


@pytest.mark.parametrize("sr_type", ["expedite", "other"])
def test_other_types_come_with_live_assistance(sr_type):
    """DOMAIN.md §5: expedites are relayed by the Contact Center's representatives, not self-service."""
    assert phone_self_service_refusal(sr_type, "I-485") == "not_self_service"


@pytest.mark.parametrize("form", ["I-360", "I-914", "i-918"])
def test_a_change_of_address_on_a_vawa_t_or_u_case_is_not_self_service(form):
    """DOMAIN.md §1.3: online change of address is not available to VAWA, T or U filers (8 U.S.C. 1367)."""
    assert phone_self_service_refusal("change_of_address", form) == "confidential_change_of_address"


def test_other_requests_on_a_confidential_case_are_self_service():
    """Only the change of address is held back on those cases."""
    assert phone_self_service_refusal("card_not_received", "I-918") is None


def test_an_unknown_type_is_an_error():
    """Types are the closed list of DESIGN.md §4."""
    with pytest.raises(ValueError, match="unknown service request type"):
        phone_self_service_refusal("refund", "I-485")


def _sr(reference, sr_type, created, status="open"):
    return ServiceRequestRecord(reference, sr_type, date.fromisoformat(created), None, status)


def test_the_newest_open_request_of_a_type_is_found():
    """A caller is not given a duplicate of an open request: the newest open one is quoted."""
    requests = [
        _sr("2610010001", "card_not_received", "2026-10-01"),
        _sr("2611010001", "card_not_received", "2026-11-01"),
        _sr("2611020001", "notice_not_received", "2026-11-02"),
    ]
    assert open_request_of_type(requests, "card_not_received").reference == "2611010001"


def test_a_closed_request_does_not_prevent_a_new_one():
    """Only open requests count."""
    assert open_request_of_type([_sr("2608200017", "typographic_error", "2026-08-20", "closed")], "typographic_error") is None
