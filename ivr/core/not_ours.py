"""Words of a global said of something that is not the line's: another agency's office asked to be put through to,
a program's opening date (the s6 round, sub70), and an appointment at a consulate or an embassy (the s7 round, sub71).

A submenu's keywords score the representative global by "transfer me" and the hours global by "open", so "can you
transfer me to the passport office" went to a representative and "when does the registration for the new program
open" to the line's hours, both sure of it.  The office put through to is another agency's (seed 001: inquiries
outside USCIS jurisdiction are redirected with the right agency's contact information, at the main menu's other
agencies); a program opening is no hour the line keeps.  "oiga ustedes hacen las citas para el consulado" went to a new
field office appointment, sure of it: a consulate's or an embassy's appointment (a visa interview abroad) is the
Department of State's, not a field office's nor an Application Support Center's, so no appointment option of a
submenu takes it.  Read on the text as said, accents dropped, once per
utterance, only in the submenus of a line (`understanding.Model._understood`): the main menu's outcomes do not move.
"""

from __future__ import annotations

import functools
import re
import unicodedata

_AGENCY = {
    "en": r"(?:passport|passports|irs|dmv|d m v|i r s|state department|department of state|consulate|embassy|"
          r"social security|post office|police|motor vehicles|tax)",
    "es": r"(?:pasaporte|pasaportes|consulado|embajada|departamento de estado|seguro social|correo|policia|"
          r"impuestos|hacienda|irs|dmv)",
}
"""Another agency or office named by its business."""
_PUT_THROUGH = {
    "en": rf"\b(?:transfer|connect|put|send|patch) (?:me|us) (?:through )?(?:to|with|over to)(?: the| a| your)? "
          rf"{_AGENCY['en']}\b",
    "es": rf"\b(?:transfi[eé]rame|comun[ií]queme|comun[ií]came|con[eé]cteme|p[aá]seme|p[aá]same|me (?:pasa|comunica|"
          rf"transfiere)) (?:con|a|al)(?: la| el| los)? (?:oficina (?:de|del) (?:los? |las? )?)?{_AGENCY['es']}\b",
}
"""Being put through to another agency's office ("transfer me to the passport office", "comuníqueme con el
consulado"): not a person of ours asked for."""
_OPENING = {
    "en": r"\b(?:registration|registrations|lottery|program|programs|sign ?ups?|enrollment|filing (?:period|window|"
          r"season)|application (?:period|window)|applications|entries)\b(?: \w+){0,5} (?:opens?|opening|starts?|"
          r"begins?)\b|\b(?:open|start|begin)s? (?:taking|accepting|receiving)\b",
    "es": r"\b(?:registro|inscripcion\w*|programa|loteria|convocatoria|solicitudes)\b(?: \w+){0,5} (?:abre|abren|"
          r"empieza|empiezan|inicia|inician|comienza|comienzan)\b|\b(?:abren|empiezan|comienzan) (?:a )?(?:recibir|"
          r"aceptar|tomar)\b",
}
"""A program, a registration or a lottery opening, or starting to take applications: no hours of the line."""


_ABROAD = {
    "en": r"(?:consulate|consulates|consular|embassy|embassies|state department|department of state|nvc|n v c|"
          r"national visa center)",
    "es": r"(?:consulado|consulados|consular|embajada|embajadas|departamento de estado|centro nacional de visas)",
}
"""The Department of State's offices: a consulate, an embassy, the National Visa Center."""
_APPOINTMENT_WORD = {
    "en": r"(?:appointment|appointments|appt|interview|interviews|slot|slots)",
    "es": r"(?:cita|citas|entrevista|entrevistas)",
}
_ELSEWHERE = {
    language: rf"\b{_APPOINTMENT_WORD[language]}\b(?: [\w']+){{0,4}} {_ABROAD[language]}\b|"
              rf"\b{_ABROAD[language]}\b(?: [\w']+){{0,4}} {_APPOINTMENT_WORD[language]}\b"
    for language in ("en", "es")
}
"""An appointment or an interview said with a consulate, an embassy or the State Department within a few words
("do you set up the appointments for the consulate", "la cita del consulado", "my embassy interview")."""


def _plain(text: str) -> str:
    plain = " ".join(text.lower().replace("’", "'").split())
    if plain.isascii():
        return plain
    return "".join(c for c in unicodedata.normalize("NFKD", plain) if not unicodedata.combining(c))


@functools.cache
def _patterns(language: str) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    return (re.compile(_PUT_THROUGH.get(language, _PUT_THROUGH["en"])),
            re.compile(_OPENING.get(language, _OPENING["en"])),
            re.compile(_ELSEWHERE.get(language, _ELSEWHERE["en"])))


@functools.lru_cache(maxsize=4096)
def put_through_elsewhere(text: str, language: str) -> bool:
    """Whether the caller asks to be put through to another agency's office ("can you connect me with the irs"):
    in a submenu of a line, no person global."""
    return _patterns(language)[0].search(_plain(text)) is not None


@functools.lru_cache(maxsize=4096)
def program_opening(text: str, language: str) -> bool:
    """Whether the caller asks when a program, a registration or a lottery opens ("when does daca start accepting
    applications", "cuándo abren las inscripciones"): in a submenu of a line, no hours global."""
    return _patterns(language)[1].search(_plain(text)) is not None


@functools.lru_cache(maxsize=4096)
def appointment_abroad(text: str, language: str) -> bool:
    """Whether the caller speaks of an appointment or an interview at a consulate, an embassy or the State Department
    ("can you book my interview at the embassy", "hacen las citas para el consulado"): in a submenu of a line, no
    appointment option of ours."""
    return _patterns(language)[2].search(_plain(text)) is not None
