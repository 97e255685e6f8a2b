"""The topic of a service request, said after "sobre" ("Su solicitud de servicio sobre …"), reads as Spanish.

Callers hear `ivr.rules.service_requests.SR_TOPICS` after "sobre" and "Usted quiere una solicitud de
servicio sobre …": a noun phrase ("un cambio de dirección"), never a bare infinitive ("sobre corregir
un error tipográfico").
"""

from __future__ import annotations

import pytest

from ivr.rules.service_requests import SR_TOPICS

INFINITIVE = ("ar", "er", "ir")


@pytest.mark.parametrize("sr_type", sorted(SR_TOPICS))
def test_each_request_topic_in_spanish_is_a_noun_phrase(sr_type: str) -> None:
    """A topic starts with an article or a noun, not a verb in the infinitive."""
    first = SR_TOPICS[sr_type]["es"].split()[0]
    assert not first.endswith(INFINITIVE), SR_TOPICS[sr_type]["es"]


def test_a_tier2_officer_names_the_case_as_self_service_does() -> None:
    """The officer's case details say "Su caso del Formulario I-765 lo tiene …", as the case status line does."""
    import datetime as dt

    from ivr.behaviours import tier2_officer  # noqa: F401  (registers the action)
    from ivr.core.registry import REGISTRY, Context, Services
    from ivr.core.session import Session
    from ivr.definitions.cases import DEMO_CASES_PATH, load_cases
    from ivr.rules.directory import load_directory
    from ivr.world import CaseWorld, MemoryTransaction

    now = dt.datetime.fromisoformat("2026-11-23T10:00:00-05:00")
    session = Session("CA1", "uscis_contact_center", "x", "tier2.menu", now.isoformat())
    session.language, session.verified_receipt = "es", "EAC2690150101"
    ctx = Context(session, CaseWorld(load_cases(DEMO_CASES_PATH), MemoryTransaction()), now, Services(directory=load_directory()))

    REGISTRY.actions["live_case_details"].func(ctx)

    assert session.vars["case_details"].startswith("Su caso del Formulario I-765 lo tiene ")
