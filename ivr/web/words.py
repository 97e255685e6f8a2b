"""The shared top bar and the rooms' titles, in the reader's language.

Every room's page begins with the same top bar (`templates/base.html`): the
brand, the rooms' links, who is signed in and their role, the sign-out button,
the skip link; each room's page has its title (the browser tab's and the page's
heading).  They follow the reader's language (`ivr users add … --language es`),
as the softphone's own words do (`ivr.web.softphone.words`): a Spanish reader
reads "Consola de agentes", "Cerrar sesión", "(Aprendiz)".  The rooms' other
words are their own.  `room_words(language)` is what `base.html` and the rooms'
templates use (as `tw`); `tests/spanish/test_top_bar_language.py` holds the two
tables to the same keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

_EN: dict[str, str] = {
    "brand": "IVR simulator",
    "brand_room": "trainer room",
    "skip": "Skip to content",
    "rooms": "Rooms",
    "sign_out": "Sign out",
    "role_trainer": "Trainer",
    "role_trainee": "Trainee",
    "role_qa": "Quality assurance",
    "role_admin": "Administrator",
    "softphone": "Softphone",
    "console": "Agent console",
    "console_scores": "Console scores",
    "console_scores_heading": "Agent console: the class's scores",
    "dashboard": "Trainer dashboard",
    "phone_calls": "Phone calls",
    "phone_call": "Phone call",
    "report": "Call report",
    "stepper": "Step through a call",
    "qa": "QA",
}

_ES: dict[str, str] = {
    "brand": "Simulador de IVR",
    "brand_room": "sala de capacitación",
    "skip": "Ir al contenido",
    "rooms": "Salas",
    "sign_out": "Cerrar sesión",
    "role_trainer": "Capacitador",
    "role_trainee": "Aprendiz",
    "role_qa": "Control de calidad",
    "role_admin": "Administrador",
    "softphone": "Teléfono de práctica",
    "console": "Consola de agentes",
    "console_scores": "Puntuaciones de la consola",
    "console_scores_heading": "Consola de agentes: las puntuaciones de la clase",
    "dashboard": "Panel del capacitador",
    "phone_calls": "Llamadas telefónicas",
    "phone_call": "Llamada telefónica",
    "report": "Informe de llamadas",
    "stepper": "Recorrer una llamada paso a paso",
    "qa": "Control de calidad",
}

_WORDS: Mapping[str, Mapping[str, str]] = MappingProxyType({"en": MappingProxyType(_EN), "es": MappingProxyType(_ES)})


def room_words(language: str | None) -> Mapping[str, str]:
    """The top bar's and the rooms' titles' words in the reader's language (English for any other)."""
    return _WORDS.get(language or "en", _WORDS["en"])


def role_name(role: str, language: str | None) -> str:
    """A role's name in the reader's language ('trainee' -> 'Trainee', 'Aprendiz')."""
    return room_words(language).get(f"role_{role}", role)
