"""The softphone page's own words (its chrome), in the reader's language.

The softphone is read by a trainee or trainer whose account has a language
(`ivr users add … --language es`); the call they rehearse has its own (the
language menu).  The page follows its reader: every title, button, status line
and sentence the page writes about the call is in the reader's language, and
what the caller heard or said is in the call's language (marked with `lang`).
An English reader rehearsing a Spanish call reads an English page with Spanish
prompts; a Spanish reader reads a Spanish page.  No sentence mixes the two.

`words(language)` is what the template and `softphone.js` (as JSON) use;
`tests/spanish/test_softphone_language.py` holds the two tables to the same keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_EN: dict[str, str] = {
    "page_title": "Softphone",
    "subtitle": "rehearsals use training cases in your own world; phone callers never hear them",
    "phone": "Phone",
    "language": "Language",
    "language_in_call": "Choose in the call",
    "date": "Date",
    "time": "Time",
    "zone": "Time zone",
    "case": "Training case",
    "no_case": "No case",
    "from": "Calling from",
    "live_help": "Live help by",
    "live_help_flow": "The simulated tiers of the flow",
    "live_help_tier1": "A trainee at the agent console (Tier 1)",
    "live_help_tier12": "Trainees at the console (Tier 1 and Tier 2)",
    "live_help_all": "Trainees at the console (every tier)",
    "call": "Call",
    "hang_up": "Hang up",
    "sound_on": "Sound on",
    "muted": "Muted",
    "resume": "Go back to your call in progress",
    "resume_hint": "(started {started}; the page was left or reloaded)",
    "now": "Now:",
    "not_in_call": "Not in a call",
    "keys_typed": "Keys typed, not sent yet",
    "keypad": "Keypad",
    "star": "star",
    "pound": "pound",
    "say_something": "Say something",
    "say_placeholder": "Say something (e.g. “representative”)",
    "say": "Say",
    "say_nothing": "Say nothing",
    "ask_supervisor": "Ask for a supervisor",
    "sound_upset": "Sound upset",
    "call_title": "Call",
    "summary": "Summary",
    "transcript": "Transcript",
    "download": "Download (YAML, replayable)",
    "checklist": "Checklist",
    "flow": "Flow",
    "page": "Page",
    "overview": "Overview (all topics)",
    "follow": "Follow the call",
    "author": "Author view (identifiers)",
    "zoom": "Zoom",
    "zoom_out": "Zoom out",
    "zoom_fit": "Fit",
    "zoom_in": "Zoom in",
    "diagram_hint": "The current step is highlighted in orange; steps already passed are outlined in green.",
    "diagram": "Flow diagram",
    "signed_out": "You are signed out: reload the page and sign in again.",
    "back_in_call": "You are back in the call: it goes on where it was.",
    "call_ended": "Call ended",
    "not_listening": "Not listening",
    "listening_for": "Listening for {what}",
    "keys": "keys",
    "speech": "speech",
    "keys_or_speech": "keys or speech",
    "digits": "{n} digits",
    "end_with": "end with {key}",
    "you_called": "You called",
    "you_called_and_chose": "You called and chose {language}",
    "you_said": "You said {words}",
    "you_said_nothing": "You said nothing",
    "you_hung_up": "You hung up",
    "ended_at_console": "The call was ended at the agent console",
    "you_pressed": "You pressed {keys}",
    "lang_en": "English",
    "lang_es": "Spanish",
    "done_of": "{done} of {total}",
    "assigned_note": "Assigned: {name} ({done} of {total} done)",
    "assigned": "(assigned)",
    "tier_ivr": "IVR",
    "tier_tier1": "Tier 1",
    "tier_tier2": "Tier 2",
    "tier_supervisor": "Supervisor",
}

_ES: dict[str, str] = {
    "page_title": "Teléfono de práctica",
    "subtitle": "las prácticas usan casos de capacitación en su propio mundo; las personas que llaman nunca los oyen",
    "phone": "Teléfono",
    "language": "Idioma",
    "language_in_call": "Elegirlo en la llamada",
    "date": "Fecha",
    "time": "Hora",
    "zone": "Zona horaria",
    "case": "Caso de capacitación",
    "no_case": "Sin caso",
    "from": "Llama desde",
    "live_help": "Asistencia en vivo a cargo de",
    "live_help_flow": "Los niveles simulados del flujo",
    "live_help_tier1": "Un aprendiz en la consola de agentes (Nivel 1)",
    "live_help_tier12": "Aprendices en la consola (Nivel 1 y Nivel 2)",
    "live_help_all": "Aprendices en la consola (todos los niveles)",
    "call": "Llamar",
    "hang_up": "Colgar",
    "sound_on": "Sonido activado",
    "muted": "Silenciado",
    "resume": "Volver a su llamada en curso",
    "resume_hint": "(empezó el {started}; se salió de la página o se recargó)",
    "now": "Ahora:",
    "not_in_call": "Sin llamada",
    "keys_typed": "Teclas oprimidas, todavía sin enviar",
    "keypad": "Teclado",
    "star": "asterisco",
    "pound": "numeral",
    "say_something": "Diga algo",
    "say_placeholder": "Diga algo (por ejemplo, «representante»)",
    "say": "Decir",
    "say_nothing": "No decir nada",
    "ask_supervisor": "Pedir un supervisor",
    "sound_upset": "Sonar molesto",
    "call_title": "Llamada",
    "summary": "Resumen",
    "transcript": "Transcripción",
    "download": "Descargar (YAML, se puede volver a reproducir)",
    "checklist": "Lista de práctica",
    "flow": "Flujo",
    "page": "Página",
    "overview": "Vista general (todos los temas)",
    "follow": "Seguir la llamada",
    "author": "Vista de autor (identificadores)",
    "zoom": "Zoom",
    "zoom_out": "Alejar",
    "zoom_fit": "Ajustar",
    "zoom_in": "Acercar",
    "diagram_hint": "El paso actual está resaltado en naranja; los pasos ya recorridos tienen borde verde.",
    "diagram": "Diagrama del flujo",
    "signed_out": "Su sesión terminó: recargue la página e inicie sesión de nuevo.",
    "back_in_call": "Volvió a la llamada: sigue donde estaba.",
    "call_ended": "Llamada terminada",
    "not_listening": "Sin escuchar",
    "listening_for": "Escuchando: {what}",
    "keys": "teclas",
    "speech": "voz",
    "keys_or_speech": "teclas o voz",
    "digits": "{n} dígitos",
    "end_with": "termina con {key}",
    "you_called": "Llamó",
    "you_called_and_chose": "Llamó y eligió {language}",
    "you_said": "Dijo {words}",
    "you_said_nothing": "No dijo nada",
    "you_hung_up": "Colgó",
    "ended_at_console": "La llamada se terminó en la consola de agentes",
    "you_pressed": "Oprimió {keys}",
    "lang_en": "inglés",
    "lang_es": "español",
    "done_of": "{done} de {total}",
    "assigned_note": "Asignada: {name} ({done} de {total} hechas)",
    "assigned": "(asignada)",
    "tier_ivr": "Sistema automatizado",
    "tier_tier1": "Nivel 1",
    "tier_tier2": "Nivel 2",
    "tier_supervisor": "Supervisor",
}

ZONE_NAMES = {
    "en": {},
    "es": {"Eastern": "Este", "Central": "Centro", "Mountain": "Montaña", "Pacific": "Pacífico", "Hawaii": "Hawái"},
}

_WORDS = {"en": MappingProxyType(_EN), "es": MappingProxyType(_ES)}


def words(language: str) -> Mapping[str, str]:
    """The page's words in the reader's language (English for any other)."""
    return _WORDS.get(language, _WORDS["en"])


def zone_name(name: str, language: str) -> str:
    """A time zone's label ("Eastern") in the reader's language ("Este")."""
    return ZONE_NAMES.get(language, {}).get(name, name)
