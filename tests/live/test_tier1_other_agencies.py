"""A date at another agency is that agency's to give: Tier 1 reads its script rather than refusing it as a USCIS case detail.

DOMAIN.md §1.3: Tier 1 cannot answer case-specific questions beyond Case Status Online
(a USCIS case's appointment details are a USCIS officer's to give).  Seed
001_7dddce98989cf869.txt: other agencies' inquiries are redirected to them, so "when is
my court date" gets the immigration-court script (EOIR's line), not "a USCIS officer can".
"""

from __future__ import annotations

import pytest

PHRASES_IN_FORCE = "2026-12-07T10:00:00-05:00"  # every script's issue-16 phrase version is in force


@pytest.mark.parametrize(
    ("language", "said", "script_starts"),
    [
        ("en", "when is my court date", "Immigration court cases are handled by the Executive Office for Immigration Review"),
        ("en", "when is my ICE appointment", "ICE check-in appointments are handled by Immigration and Customs Enforcement"),
        ("es", "cuándo es mi corte", "Los casos en la corte de inmigración los maneja la Oficina Ejecutiva"),
    ],
)
def test_another_agencys_date_reads_that_agencys_script(dial, language, said, script_starts):
    """Seed 001: another agency's inquiry is redirected; its date is not a USCIS case detail to refuse."""
    live = dial(language, CLOCK=PHRASES_IN_FORCE)
    live.press("0")
    turn = live.say(said)
    assert turn.state == "tier1.resolved" and turn.says[0].startswith(script_starts)


@pytest.mark.parametrize(("language", "said"), [("en", "when is my biometrics appointment"), ("es", "cuándo es mi cita de huellas")])
def test_a_uscis_appointment_date_is_still_a_case_detail_tier1_refuses(dial, language, said):
    """DOMAIN.md §1.3: a USCIS appointment's details are beyond Case Status Online: refused, a USCIS officer offered."""
    live = dial(language, CLOCK=PHRASES_IN_FORCE)
    live.press("0")
    assert live.say(said).state == "tier1.refuse.case_details"
