"""A call in plain words: the timeline of a transcript and the summary of a finished call.

Both rehearsals and the phone line's calls (for QA) are read through these
functions, so a trainer and a QA analyst see a call the same way: when each
thing happened, what the caller did, what they heard, where the call went and
what it changed, with the flow's own labels (`ivr.trainers.labels`).
Identifiers (state names, prompt ids, effect kinds) are kept apart, in
`author` fields, for the author view.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ivr.core.agent import ACTIONS
from ivr.core.flow import Flow
from ivr.core.session import Session
from ivr.definitions.scripts import ScriptLibrary
from ivr.qa.transcript import Transcript
from ivr.trainers.coverage import rehearsed
from ivr.trainers.labels import Labels

_SR_TYPES = {
    "en": {"outside_normal_processing_time": "case outside normal processing time", "notice_not_received": "notice not received",
           "card_not_received": "card not received", "document_not_received": "document not received",
           "typographic_error": "typographic error", "accommodation": "accommodation", "change_of_address": "change of address",
           "expedite": "expedite request", "other": "other"},
    "es": {"outside_normal_processing_time": "caso fuera del tiempo normal de procesamiento", "notice_not_received": "aviso no recibido",
           "card_not_received": "tarjeta no recibida", "document_not_received": "documento no recibido",
           "typographic_error": "error tipográfico", "accommodation": "adaptación por discapacidad", "change_of_address": "cambio de dirección",
           "expedite": "solicitud para acelerar el caso", "other": "otro asunto"},
}
_FIELDS_ES = {"biometrics": "cita de servicios biométricos", "field_office_appointment": "cita en la oficina local"}  # what a case update changed
_EFFECTS_ES = {  # every change a call makes, said in Spanish (tests/spanish/test_summary_words.py finds them all)
    "biometrics_rescheduled": "cita de servicios biométricos cambiada",
    "field_office_appointment_requested": "cita en la oficina local solicitada",
    "field_office_appointment_cancelled": "cita en la oficina local cancelada",
    "good_cause_recorded": "causa justificada registrada",
    "good_cause_refused": "causa justificada no aceptada",
    "information_verified": "información verificada",
    "office_contacted": "oficina contactada",
    "office_action_requested": "acción de la oficina solicitada",
    "callback_requested": "devolución de llamada solicitada",
    "agent_refused": "acción del agente rechazada",
    "agent_free_answer": "respuesta libre del agente",
    "caller_to_agent": "la persona que llama habló con el agente",
    "service_request_content": "contenido de la solicitud de servicio",
}
_ACTIONS_ES = {  # what a representative did (ivr.core.agent.ACTIONS), in Spanish
    "accept": "aceptar la llamada", "read_script": "leer un guion", "create_service_request": "crear una solicitud de servicio",
    "transfer_tier2": "transferir al Nivel 2", "route_supervisor": "pasar a un supervisor", "end_call": "terminar la llamada",
    "verify_identity": "verificar la identidad", "read_case_details": "leer los datos del caso",
    "offer_appointments": "ofrecer horarios de cita", "book_appointment": "reservar una cita", "cancel_appointment": "cancelar la cita",
    "decide_good_cause": "decidir si hay causa justificada", "free_answer": "dar una respuesta libre",
    "verify_information": "verificar lo que se le dijo a la persona que llama",
    "contact_office": "comunicarse con la oficina que tiene el caso", "request_office_action": "pedir que se corrija un error de USCIS",
}
_AGENT_DETAILS = ("seat", "ref", "sr_type", "cause", "reason", "choice")  # an agent action's arguments shown in words
_INPUT_WORDS = {
    "en": {"start": "Called", "press": "Pressed {value}", "say": "Said “{value}”", "silence": "Said nothing",
           "hang_up": "Hung up", "resume": "Came back from live assistance"},
    "es": {"start": "Llamó", "press": "Oprimió {value}", "say": "Dijo «{value}»", "silence": "No dijo nada",
           "hang_up": "Colgó", "resume": "Volvió de la asistencia en vivo"},
}


@dataclass(frozen=True)
class Moment:
    """One step of a call, for people."""

    at: str  # the call's own time, HH:MM:SS
    did: str
    heard: tuple[str, ...]
    where: str
    tier: str
    notes: tuple[str, ...] = ()
    author: Mapping[str, Any] = field(default_factory=dict)
    heard_in: tuple[str, ...] = ()  # the language of each line heard (the call's, not the reader's)

    def to_dict(self) -> dict[str, Any]:
        return {"at": self.at, "did": self.did, "heard": list(self.heard), "heard_in": list(self.heard_in), "where": self.where,
                "tier": self.tier, "notes": list(self.notes), "author": dict(self.author)}


def timeline(transcript: Transcript, labels: Labels, scripts: ScriptLibrary | None = None) -> list[Moment]:
    """Every step of a recorded call in plain words (what was stored: a redacted call stays redacted).

    A script heard is named by its title in the reader's language, from `scripts` (the
    library the call was answered from); the id stays in the author fields.
    """
    words = _INPUT_WORDS[labels.language]
    moments = []
    for step in transcript.steps:
        seen = step.observed
        if step.input.kind == "agent":
            did = agent_words(str(step.input.value or ""), labels)
        else:
            did = words.get(step.input.kind, step.input.kind).format(value=step.input.value or "")
        notes = [change_words(change, labels) for change in seen.tier_changes]
        notes += [effect_words(effect, labels) for effect in seen.effects]
        notes += [("Script heard: " if labels.language == "en" else "Guion escuchado: ") + script_words(ref, labels, scripts)
                  for ref in seen.scripts]
        moments.append(Moment(
            at=step.at.strftime("%H:%M:%S"),
            did=did,
            heard=tuple(h.text for h in seen.heard),
            heard_in=tuple(h.language for h in seen.heard),
            where=labels.state(seen.state),
            tier=labels.tier(seen.tier),
            notes=tuple(notes),
            author={"in": step.state_before, "state": seen.state, "prompts": [h.prompt for h in seen.heard],
                    "actions": list(seen.actions), "effects": [dict(e) for e in seen.effects], "scripts": list(seen.scripts)},
        ))
    return moments


def agent_words(value: str, labels: Labels) -> str:
    """What a person at the agent console did, for people: "Agent tina: read a script (case-status@1)".

    The step's input is the action as JSON; only its name, who did it and its plain
    arguments are shown (never an identity check's receipt or date of birth).
    """
    try:
        data = json.loads(value)
    except ValueError:
        data = {}
    if not isinstance(data, dict):
        data = {}
    name = str(data.get("action", ""))
    if labels.language == "es":
        label = _ACTIONS_ES.get(name) or name.replace("_", " ") or "una acción"
    else:
        label = ACTIONS[name].label if name in ACTIONS else (name.replace("_", " ") or "an action")
    shown = [labels.tier(str(v)) if k == "seat" else str(v) for k, v in data.items() if k in _AGENT_DETAILS and v not in ("", None)]
    who = ("Agente" if labels.language == "es" else "Agent") + (f" {data['agent']}" if data.get("agent") else "")
    return f"{who}: {label}" + (f" ({', '.join(shown)})" if shown else "")


def summarize(flow: Flow, session: Session, entries: Iterable[Mapping[str, Any]]) -> dict[str, Any]:
    """What a finished call did, as identifiers (stored; shown through labels in the reader's language)."""
    entries = list(entries)
    effects = [dict(e) for entry in entries if entry.get("type") == "step" for e in entry.get("effects") or ()]
    tiers = list(dict.fromkeys(["ivr"] + [c.to_tier for c in session.tier_changes]))
    return {
        "path": list(session.path),
        "ended_in": session.state,
        "tiers": tiers,
        "tier_changes": [{"from": c.from_tier, "to": c.to_tier, "reason": c.reason, "state": c.state} for c in session.tier_changes],
        "service_requests": list(session.service_requests),
        "scripts_heard": list(session.scripts_heard),
        "effects": effects,
        "branches": sorted(rehearsed(flow, entries)),
        "language": session.language,
    }


def script_words(ref: str, labels: Labels, scripts: ScriptLibrary | None) -> str:
    """A script heard (`id@version`), for people: its title in the reader's language.

    "biometrics-reschedule@4" reads "rescheduling a biometrics appointment" in English and
    "cambiar una cita de servicios biométricos" in Spanish; a script the library does not
    holds in another version is named by its latest title, one it does not hold at all by its
    id in words.
    """
    script_id = ref.split("@")[0]
    if scripts is not None:
        try:
            return scripts.get(ref).label[labels.language]
        except (KeyError, ValueError):  # a version this library does not hold: the id's latest title
            versions = scripts.versions.get(script_id) or scripts.wordings.get(script_id)  # a wording script heard too
            if versions:
                return versions[-1].label[labels.language]
    return script_id.replace("-", " ")


def summary_rows(summary: Mapping[str, Any], labels: Labels, scripts: ScriptLibrary | None = None) -> list[tuple[str, str]]:
    """A stored summary as (heading, plain words) rows; scripts heard by their titles (`script_words`)."""
    es = labels.language == "es"
    path = " › ".join(labels.path(summary.get("path") or ()))
    tiers = ", ".join(labels.tier(t) for t in summary.get("tiers") or ("ivr",))
    changes = "; ".join(change_words(c, labels) for c in summary.get("tier_changes") or ()) or ("ninguna" if es else "none")
    requests = ", ".join(summary.get("service_requests") or ()) or ("ninguna" if es else "none")
    heard = ", ".join(script_words(ref, labels, scripts) for ref in summary.get("scripts_heard") or ()) or ("ninguno" if es else "none")
    effects = "; ".join(effect_words(e, labels) for e in summary.get("effects") or ()) or ("ninguno" if es else "none")
    return [
        ("Recorrido" if es else "Path", path),
        ("Niveles alcanzados" if es else "Tiers reached", tiers),
        ("Transferencias" if es else "Transfers", changes),
        ("Solicitudes de servicio" if es else "Service requests", requests),
        ("Guiones escuchados" if es else "Scripts heard", heard),
        ("Cambios" if es else "Changes", effects),
    ]


def change_words(change: Mapping[str, Any], labels: Labels) -> str:
    arrow = f"{labels.tier(str(change.get('from')))} → {labels.tier(str(change.get('to')))}"
    return f"{arrow} ({labels.reason(str(change.get('reason') or ''))})"


def effect_words(effect: Mapping[str, Any], labels: Labels) -> str:
    """A change a call made, in the reader's language: "case EAC… updated (biometrics)"."""
    es = labels.language == "es"
    kind = str(effect.get("kind", ""))
    if kind == "case_updated":
        fields = sorted(dict(effect.get("changes") or {}))
        changed = ", ".join(_FIELDS_ES.get(f, f.replace("_", " ")) if es else f.replace("_", " ") for f in fields)
        return f"caso {effect.get('receipt')} actualizado ({changed})" if es else f"case {effect.get('receipt')} updated ({changed})"
    if kind == "service_request_created":
        sr_type = str(effect.get("type", ""))
        kind_words = _SR_TYPES["es" if es else "en"].get(sr_type, sr_type.replace("_", " "))
        if es:
            return f"solicitud de servicio {effect.get('reference')} creada ({kind_words})"
        return f"service request {effect.get('reference')} created ({kind_words})"
    about = effect.get("receipt") or effect.get("reference")
    words = _EFFECTS_ES.get(kind, kind.replace("_", " ")) if es else kind.replace("_", " ")
    return words + (f" ({about})" if about else "")


def duration_words(seconds: int | None) -> str:
    if seconds is None:
        return "under way"
    minutes, rest = divmod(max(0, seconds), 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def local_time(instant: dt.datetime | None, zone: dt.tzinfo | None = None) -> str:
    if instant is None:
        return ""
    return instant.astimezone(zone).strftime("%Y-%m-%d %H:%M")
