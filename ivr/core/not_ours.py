"""Words of a global said of something that is not the line's: another agency's office asked to be put through to,
a program's opening date (the s6 round, sub70), and an appointment at a consulate or an embassy (the s7 round, sub71);
another agency's papers sought at our appointment, being told by text or email, a line in another language (round 10).

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

from ivr.core.plain_said import plain_said
from ivr.core.per_sentence import per_sentence
from ivr.core.prefilter import Prefiltered, prefiltered

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
          r"begins?)\b|\b(?:open|start|begin)s? (?:taking|accepting|receiving)\b|\bwhat time (?:is |was |will )?(?:my|our|"
          r"his|her|their|the) (?:[\w']+ ){0,3}(?:appointment|appointments|appt|interview|biometrics|ceremony)\b",
    "es": r"\b(?:registro|inscripcion\w*|programa|loteria|convocatoria|solicitudes)\b(?: \w+){0,5} (?:abre|abren|"
          r"empieza|empiezan|inicia|inician|comienza|comienzan)\b|\b(?:abren|empiezan|comienzan) (?:a )?(?:recibir|"
          r"aceptar|tomar)\b|\ba que hora (?:es|era|sera|va a ser|tengo) (?:mi|la|su|nuestra)? ?(?:[\w']+ ){0,3}(?:cita|"
          r"entrevista|ceremonia)\b",
}
"""A program, a registration or a lottery opening, or starting to take applications; the time of an appointment
("what time my field office appointment is tomorrow", round 11): no hours of the line."""


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


_SERVICE = {
    "en": r"(?:social security (?:card|number)|ssn|s s n|passport|passports|driver'?s license|state id|id card)",
    "es": r"(?:(?:tarjeta|numero) (?:del? )?seguro social|seguro social|pasaporte|pasaportes|licencia de (?:manejo|"
          r"manejar|conducir))",
}
"""Another agency's papers: a Social Security card or number, a passport, a driver's license."""
_GETTING = {
    "en": r"(?:get|getting|apply for|renew|renewing|replace|replacing|process|processing|do|sort out|take care of)",
    "es": r"(?:tramit\w*|sacar|sacan|saco|renovar|renuevan|reponer|reponen|hacer|hacen|pedir|solicitar|arreglar)",
}
"""Getting papers done ("tramitar", "renew")."""
_SERVICE_THERE = {
    language: rf"\b{_APPOINTMENT_WORD[language]}\b(?: [\w']+){{0,4}} {_GETTING[language]}(?: [\w']+){{0,3}} "
              rf"{_SERVICE[language]}\b"
    for language in ("en", "es")
}
"""Another agency's papers sought at our appointment ("en esa cita me pueden tramitar el número de seguro social",
"can i get my social security card at that appointment" is read the other way by `_THERE_SERVICE`): the Social
Security Administration's card or the State Department's passport is no appointment option of ours (the s8 round)."""
_THERE_SERVICE = {
    language: rf"\b{_GETTING[language]}(?: [\w']+){{0,3}} {_SERVICE[language]}\b(?: [\w']+){{0,4}} (?:at|in|during|en|durante) (?:that|this|the|my|esa|esta|"
              rf"la|mi) {_APPOINTMENT_WORD[language]}\b"
    for language in ("en", "es")
}
_DONE_ELSEWHERE = {
    "en": r"\b(?:apostille|apostilles|apostilled|apostil|apostiled|notarize|notarized|notarizing|notarise|notarised|"
          r"(?:renew|renewed|renewing|issue|issued|replace|replaced|make|get|apply for|process)(?: \w+){0,3} "
          r"(?:consular (?:id|i d|card|identification)|matricula consular|matricula card))\b",
    "es": r"\b(?:apostill\w*|apostil|notariz\w*|notari[ae]r\w*|(?:renov\w*|sac\w*|tramit\w*|hac\w*|expedi\w*|"
          r"repon\w*)(?: \w+){0,3} (?:matricula consular|(?:credencial|identificacion) consular))\b",
}
"""A document service no office of ours does: an apostille (a state's or a country's seal on a public document) or a
notary's stamp ("en esa oficina me pueden apostillar unos papeles", "do you notarize translations there"): no
appointment option of ours (the submenus' round 13); a consulate's ID card renewed or issued there
("me pueden renovar la matrícula consular"; not the card shown as one's ID: round 14)."""
_TOLD_BY = {
    "en": r"\b(?:text|txt|email|e-mail|e mail) (?:me|us)\b|\bby (?:text|texts|text message|text messages|sms|email|e-mail|"
          r"e mail|whatsapp)\b|\b(?:via|through|over) (?:text|sms|email|whatsapp)\b",
    "es": r"\b(?:por|en) (?:mensaje|mensajes|mensajito|texto|sms|correo electronico|email|whatsapp)\b|"
          r"\b(?:textear\w*|mandeme un (?:mensaje|texto)|envieme un (?:mensaje|texto))\b",
}
"""Another way to be told: a text message, an email, WhatsApp ("can you text me directions to the office", "get these
status updates by text message instead"): the line tells by voice only, so no option of a menu of the line sends it
(the s8 and s9 rounds; not hearing the status again, nor an office's address read out)."""
_NO_ONE_WANTED = {
    "en": r"\b(?:report\w* (?:a |an |the |this |that )?(?:scam|fraud)|(?:scam|scammer|scammers|fraud|fraudulent|"
          r"fake) (?:phone )?(?:call|calls|caller|callers|email|emails|text|texts|letter|letters)|(?:pretend\w*|"
          r"claim\w*|posed|posing) (?:to be|as|they (?:were|are)|he was|she was) (?:from |with )?(?:immigration|"
          r"uscis|u s c i s|ice|the government|an? (?:immigration )?(?:officer|agent|official))|impersonat\w*|"
          r"help (?:me |us |him |her |my \w+ )?(?:to )?fill(?:ing)? (?:out|in|my|the|this|that|a|an|our|his|her|"
          r"these|those|their))\b",
    "es": r"\b(?:estaf\w*|fraude\w*|se (?:hace|hacia|hizo|hacen|hacian|hicieron) pasar por|haciendose pasar por|"
          r"fingiendo ser|ayud\w* (?:a )?(?:llenar|rellenar)\w*)\b",
}
"""Someone said who is no one asked for: a scam reported, someone pretending to be immigration ("is this where i
report a scam call from somebody pretending to be immigration", "se hicieron pasar por inmigración"), or someone to
fill out a form ("can somebody help me fill out my n four hundred", "me pueden ayudar a llenar la forma": no agent
fills a form in); a person asked for in so many words stays (`understanding.Model._understood`; round 15)."""
_COLLOQUIAL_LANGUAGES = frozenset({"haitian", "creole", "kreyol", "creol", "mandarin", "farsi", "mixteco", "zapoteco",
                                   "k'iche", "kiche", "quiche", "mam"})
"""Languages as callers name them where the CLDR's list (`_language_names`) has another name or none."""
_LANGUAGE_ASKED = {
    "en": r"\b(?=(?:(?:line|number|option|someone|somebody|anyone|agent|person|representative|interpreter)s? (?:in|for|"
          r"that speaks?|who speaks?|speaking) (?P<after>[\w']+(?: [\w']+){0,2})|(?P<before>(?:[\w']+ ){1,3})(?:line|"
          r"speaker|speaking (?:agent|person|representative))\b))",
    "es": r"\b(?=(?:(?:(?:linea|numero|opcion|alguien|agente|persona|representante|interprete)s? (?:en|de|para|que "
          r"hable)|en|hablan|habla) (?P<after>[\w']+(?: [\w']+){0,2})))",
}
"""Where a language is named as the one a line or a person should speak: the words after "a line in", "someone who
speaks", "alguien que hable", "en", or before "line", "speaker" (`language_line` looks them up)."""


@functools.cache
def _language_names() -> frozenset[str]:
    """Every language the CLDR names in English or Spanish (Babel), as `plain_said` leaves a caller's words, but the
    line's own two, with the callers' own names for some (`_COLLOQUIAL_LANGUAGES`): read once, on first use."""
    from babel import Locale

    names = {plain_said(name) for ours in ("en", "es") for code, name in Locale(ours).languages.items()
             if code.split("_")[0] not in ("en", "es")}
    return frozenset(names) | _COLLOQUIAL_LANGUAGES


def _a_language(words: str, from_start: bool) -> bool:
    """Whether the first (or last) one to three of `words` name a language (`_language_names`)."""
    said = words.split()
    names = _language_names()
    return any(" ".join(said[:n] if from_start else said[-n:]) in names for n in range(1, min(3, len(said)) + 1))



@functools.cache
def _patterns(language: str) -> tuple[Prefiltered, Prefiltered, Prefiltered]:
    return (prefiltered(_PUT_THROUGH.get(language, _PUT_THROUGH["en"])),
            prefiltered(_OPENING.get(language, _OPENING["en"])),
            prefiltered(_ELSEWHERE.get(language, _ELSEWHERE["en"])))


@functools.cache
def _others(language: str) -> tuple[Prefiltered, Prefiltered, Prefiltered]:
    return (prefiltered(_SERVICE_THERE.get(language, _SERVICE_THERE["en"]) + "|" +
                        _THERE_SERVICE.get(language, _THERE_SERVICE["en"]) + "|" +
                        _DONE_ELSEWHERE.get(language, _DONE_ELSEWHERE["en"])),
            prefiltered(_TOLD_BY.get(language, _TOLD_BY["en"])),
            prefiltered(_LANGUAGE_ASKED.get(language, _LANGUAGE_ASKED["en"])))


@per_sentence()
def put_through_elsewhere(text: str, language: str) -> bool:
    """Whether the caller asks to be put through to another agency's office ("can you connect me with the irs"):
    in a submenu of a line, no person global."""
    return _patterns(language)[0].search(plain_said(text)) is not None


@per_sentence()
def program_opening(text: str, language: str) -> bool:
    """Whether the caller asks when a program, a registration or a lottery opens ("when does daca start accepting
    applications", "cuándo abren las inscripciones"): in a submenu of a line, no hours global."""
    return _patterns(language)[1].search(plain_said(text)) is not None


@per_sentence()
def appointment_abroad(text: str, language: str) -> bool:
    """Whether the caller speaks of an appointment or an interview at a consulate, an embassy or the State Department
    ("can you book my interview at the embassy", "hacen las citas para el consulado"): in a submenu of a line, no
    appointment option of ours."""
    return _patterns(language)[2].search(plain_said(text)) is not None


@per_sentence()
def service_elsewhere(text: str, language: str) -> bool:
    """Whether the caller seeks another agency's papers at our appointment ("en esa cita me pueden tramitar el número
    de seguro social") or a document service no office of ours does (`_DONE_ELSEWHERE`: an apostille): in a submenu
    of a line, no appointment option of ours (`_SERVICE_THERE`)."""
    return _others(language)[0].search(plain_said(text)) is not None


@per_sentence()
def told_another_way(text: str, language: str) -> bool:
    """Whether the caller asks to be told by text message, email or WhatsApp ("text me directions to the office"):
    in a submenu of a line, no option of the menu's own (`_TOLD_BY`)."""
    return _others(language)[1].search(plain_said(text)) is not None


@functools.cache
def _no_one(language: str) -> Prefiltered:
    return prefiltered(_NO_ONE_WANTED.get(language, _NO_ONE_WANTED["en"]))


@per_sentence()
def no_one_wanted(text: str, language: str) -> bool:
    """Whether the someone said is no one asked for (`_NO_ONE_WANTED`: a scam reported, someone filling a form in): in
    a submenu of a line, no person global unless one is asked for in so many words."""
    return _no_one(language).search(plain_said(text)) is not None


@per_sentence()
def language_line(text: str, language: str) -> bool:
    """Whether the caller asks for a line or a person in another language, any the CLDR names ("do you have a line in
    haitian creole", "una línea en francés"): the contact center answers in English and Spanish, so in a submenu of a
    line this is no option of the menu's own (the s9 round)."""
    for found in _others(language)[2].finditer(plain_said(text)):
        after, before = found.group("after"), found.groupdict().get("before")
        if (after and _a_language(after, from_start=True)) or (before and _a_language(before, from_start=False)):
            return True
    return False
