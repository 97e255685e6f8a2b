"""A call's summary read in Spanish: every heading, agreement and change said in Spanish words.

A Spanish-speaking trainer or trainee (user language `es`) reads the end-of-call summary on
the softphone and the dashboard; its rows and the changes the call made must not fall back
to English, and "none" must agree with the heading it answers.
"""

from __future__ import annotations

import ast
import importlib
import json
import re
from functools import cache
from pathlib import Path

import pytest

from ivr.core.agent import ACTIONS
from ivr.definitions.flows import load_flows
from ivr.trainers.labels import Labels, labels_for
from ivr.web.timeline import agent_words, effect_words, summary_rows

IVR = Path(__file__).resolve().parents[2] / "ivr"
ENGLISH_WORDS = re.compile(r"\b(case|updated|created|service request|rescheduled|requested|cancelled|recorded|refused|"
                           r"verified|contacted|callback|agent|caller|answer|biometrics|appointment|field office)\b")
ENGLISH_ACTION_WORDS = re.compile(r"\b(the|an|call|script|read|create|transfer|route|end|verify|identity|details|offer|"
                                  r"book|cancel|decide|say|free|answer|contact|office|request|action|times)\b")
GENDER = {  # each Spanish heading's noun: the "none" that agrees with it
    "Transferencias": "ninguna",
    "Solicitudes de servicio": "ninguna",
    "Guiones escuchados": "ninguno",
    "Cambios": "ninguno",
}


@cache
def spanish() -> Labels:
    return labels_for(load_flows()["uscis_contact_center"], "es")


def emitted_effect_kinds() -> list[str]:
    """Every effect kind a module of ivr/ emits: `Effect(NAME, ...)` or `Effect("name", ...)`."""
    kinds: set[str] = set()
    for path in sorted(IVR.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = ".".join(path.relative_to(IVR.parent).with_suffix("").parts).removesuffix(".__init__")
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Effect" and node.args:
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    kinds.add(first.value)
                elif isinstance(first, ast.Name):
                    kinds.add(str(getattr(importlib.import_module(module), first.id)))
    return sorted(kinds)


@pytest.mark.parametrize(("heading", "none"), sorted(GENDER.items()))
def test_none_agrees_with_the_spanish_heading_it_answers(heading: str, none: str) -> None:
    """An empty row says "ninguna" under a feminine heading (Transferencias) and "ninguno" under a masculine one."""
    rows = dict(summary_rows({"path": ["main_menu"], "tiers": ["ivr"]}, spanish()))

    assert rows[heading] == none


def test_the_effect_kinds_are_found_in_the_source() -> None:
    """The scan below sees the changes calls make (so the Spanish test covers them all)."""
    kinds = emitted_effect_kinds()

    assert {"case_updated", "service_request_created", "biometrics_rescheduled", "callback_requested"} <= set(kinds)


@pytest.mark.parametrize("kind", emitted_effect_kinds())
def test_every_change_a_call_makes_is_said_in_spanish(kind: str) -> None:
    """A change in a Spanish summary or timeline has no English word (e.g. not "case X updated")."""
    effect = {"kind": kind, "receipt": "EAC2690150101", "reference": "SR123", "type": "card_not_received",
              "changes": {"biometrics": "2026-12-02T09:00:00-05:00", "field_office_appointment": None}}

    words = effect_words(effect, spanish())

    assert "EAC2690150101" in words or "SR123" in words or kind in ("caller_to_agent", "agent_free_answer")
    assert not ENGLISH_WORDS.search(words), words
    assert "_" not in words, words


def test_a_service_request_is_said_with_its_spanish_type() -> None:
    """A service request created reads as a Spanish sentence naming its type in Spanish."""
    effect = {"kind": "service_request_created", "reference": "SR123", "type": "card_not_received"}

    assert effect_words(effect, spanish()) == "solicitud de servicio SR123 creada (tarjeta no recibida)"


@pytest.mark.parametrize("action", sorted(ACTIONS))
def test_every_agent_action_is_said_in_spanish(action: str) -> None:
    """A Spanish timeline names what the representative did in Spanish (not "Agente 7: accept the call")."""
    words = agent_words(json.dumps({"action": action, "agent": "7"}), spanish())

    assert words.startswith("Agente 7: "), words
    assert not ENGLISH_ACTION_WORDS.search(words), words
