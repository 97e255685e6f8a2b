"""What the published Tier 1 scripts say in Spanish: the glossary's words, no English page names.

The Spanish audit fixed the flows; the scripts, versioned and locked, kept "cita biométrica"
(the flows and ivr/data/glossary.yaml say "cita de servicios biométricos"), "Si es sordo",
English page titles inside Spanish sentences, "línea de ayuda militar" (the flows say
"línea de ayuda para militares") and "citas de reporte con ICE".  New versions say them right;
the glossary now rejects each fault, so a later script cannot bring one back.
"""

from __future__ import annotations

import datetime as dt

import pytest

from ivr.definitions.scripts import load_scripts
from ivr.definitions.spanish_prompts import spanish_lines
from ivr.rules.glossary import avoided_forms, bundled_glossary

FAULTS = {  # what a script said -> what the glossary says instead
    "cita biométrica": "cita de servicios biométricos",
    "Si es sordo": "persona sorda o con dificultades auditivas",
    "problemas de audición": "persona sorda o con dificultades auditivas",
    "Check Case Processing Times": "la página de tiempos de procesamiento de casos",
    "International Immigration Offices": "la página de Oficinas Internacionales de Inmigración",
    "My Appointment": "el formulario en línea para pedir una cita",
    "línea de ayuda militar": "línea de ayuda para militares",
    "citas de reporte con ICE": "citas para reportarse con ICE",
}


def latest_script_lines() -> list[tuple[str, str]]:
    """(where, Spanish) of each script's latest published version: labels, texts and wordings."""
    return [(where, text) for where, text in spanish_lines(latest_only=True) if where.startswith("script ")]


@pytest.mark.parametrize("fault", sorted(FAULTS), ids=lambda fault: fault.replace(" ", "-"))
def test_no_latest_script_says(fault: str) -> None:
    """The scripts callers hear from now on never say a fault the Spanish audit found."""
    bad = [where for where, text in latest_script_lines() if fault.casefold() in text.casefold()]

    assert bad == []


@pytest.mark.parametrize(("fault", "term"), sorted(FAULTS.items()), ids=lambda value: value.replace(" ", "-"))
def test_the_glossary_rejects_each_fault_for_its_term(fault: str, term: str) -> None:
    """A Spanish text with the fault is a glossary problem naming the term to say instead."""
    problems = bundled_glossary().problems(f"Texto de prueba: {fault}.")

    assert any(f'say "{term}"' in problem for problem in problems), problems


def test_every_latest_script_uses_the_glossary_terms() -> None:
    """Each script's latest published Spanish (label, text, wording) passes the rule `ivr validate` holds it to."""
    assert [(where, avoided_forms(text)) for where, text in latest_script_lines() if avoided_forms(text)] == []


def test_callers_words_keep_the_forms_callers_say() -> None:
    """A rejected form stays in the match phrases: callers still say "cita biométrica" and "reporte con ICE"."""
    library = load_scripts()
    latest = {script_id: versions[-1] for script_id, versions in library.versions.items()}

    assert "no puedo ir a mi cita biométrica" in latest["biometrics-reschedule"].phrases["es"]
    assert "reporte con ice" in latest["ice-checkin"].phrases["es"]
    assert "soy sordo" in latest["accommodations"].phrases["es"]


@pytest.mark.parametrize(
    ("said", "script"),
    [
        pytest.param("necesito cambiar mi cita de reporte con ICE", "ice-checkin", id="reporte-con-ice"),
        pytest.param("la línea de ayuda militar", "military-help-line", id="ayuda-militar"),
        pytest.param("línea de ayuda para militares", "military-help-line", id="ayuda-para-militares"),
        pytest.param("qué llevo a mi cita biométrica", "biometrics-what-to-bring", id="cita-biometrica-llevar"),
        pytest.param("no puedo ir a mi cita biométrica", "biometrics-reschedule", id="cita-biometrica-cambiar"),
        pytest.param("soy sordo y necesito ayuda", "accommodations", id="soy-sordo"),
    ],
)
def test_callers_old_words_still_reach_the_reworded_scripts(said: str, script: str) -> None:
    """Once the reworded versions are in force (2026-12-14), a caller's own words still find their script."""
    found = load_scripts().in_force(dt.date(2026, 12, 14)).match(said, "es")

    assert found is not None and found.id == script
