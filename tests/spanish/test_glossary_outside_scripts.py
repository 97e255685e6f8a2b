"""The biometrics appointment has one Spanish name on the whole line, not only in the checked prompts.

ivr/data/glossary.yaml: "biometric services appointment" is "cita de servicios biométricos".
The main menu and the self-service branch say so; the Tier 2 officer's review and case
details said "cita biométrica" instead.  (The Tier 1 scripts said it too; their new
versions do not: tests/spanish/test_script_wording.py.)
"""

from __future__ import annotations

from ivr.behaviours import tier2_officer
from ivr.definitions.spanish_prompts import spanish_lines


def test_no_flow_prompt_calls_it_a_cita_biometrica() -> None:
    """Every Spanish prompt of the flows says "cita de servicios biométricos", the glossary's term."""
    bad = [(where, text) for where, text in spanish_lines() if not where.startswith("script ") and "cita biométrica" in text]

    assert bad == []


def test_the_officer_reads_the_biometrics_appointment_with_the_glossary_term() -> None:
    """A Tier 2 officer reading case details in Spanish names the appointment as the menu does."""
    spanish = [texts["es"] for texts in tier2_officer._TEXT.values()]

    assert not [text for text in spanish if "cita biométrica" in text]
    assert "Su cita de servicios biométricos es el {when}, en {where}." in spanish
