"""An appointment moved, not ended, and one already had, not one wanted: the caller's verbs of moving, postponing or pushing back an appointment, or another
day asked, with no verb of ending it (seed 001: "Customers may cancel or reschedule field office appointments"; the s4
round).

At the menus of a line that offer cancelling an appointment (`machine.line_models`: the option whose state cancels),
such a sentence is no cancel (`understanding.Model._understood` bars that option): "se puede mover la cita … voy a
andar de viaje" went to cancelling, sure of it, by the trip.  Left undecided otherwise, a move is the menu's option
that reschedules, and a cancel in so many words the option that cancels (`understanding.Model._understand`).  Read on the text as said, accents dropped, once per
utterance, only in those menus.
"""

from __future__ import annotations

import functools
import re

from ivr.core.plain_said import plain_said
from ivr.core.per_sentence import per_sentence
from ivr.core.prefilter import Prefiltered, prefiltered

_MOVING = {
    "en": (r"\b(?:move|moving) (?:it|that|this|them|my|the|our|his|her)\b",
           r"\bmove (?:it|that|this) (?:to|till|until)\b",
           r"\bpush(?:ed|ing)? (?:it|that|this|them|my \w+|the \w+)? ?back\b",
           r"\b(?:postpone\w*|reschedul\w*|push(?:ed)? back)\b",
           r"\bchange (?:the|my|our) (?:date|day|time)\b",
           r"\b(?:another|a different|a later|some other) (?:day|date|week|time)\b",
           r"\b(?:slid(?:e|ing)|bump(?:ed|ing)?|shift(?:ed|ing)?|scoot(?:ed|ing)?) (?:it|that|this|them|my \w+|the \w+) "
           r"(?:over |up |back )?(?:to|till|until|into)\b",
           r"\b(?:push|pushed|pushing|move|moved) (?:it|that|this|them|my \w+|the \w+) (?:out |over )?(?:till|until|"
           r"past|to after|till after|until after|after)\b",
           r"\b(?:set|put|make|schedule|book) (?:it|that|this|them|my \w+|the \w+) (?:for|to|till|until) "
           r"(?:when|after) (?:i|we|he|she|they|im|i'm|were|we're)\b(?: [\w']+){0,2} "
           r"(?:back|home|return|returns|returned)\b"),
    "es": (r"\b(?:mover\w*|muev\w*|posponer\w*|pospon\w*|aplaz\w*|reprogram\w*|recorrer\w*|recorr\w*)\b",
           r"\bpas\w* (?:\w+ )?para (?:otro|otra|despues|mas adelante|la otra|el otro)\b",
           r"\bcambi\w* (?:de|la) (?:fecha|dia)\b",
           r"\b(?:otro dia|otra fecha|otra semana)\b",
           r"\bpas\w* (?:\w+ )?(?:a|para) (?:la|el) (?:siguiente|proxima|proximo) (?:semana|mes)\b"),
}
"""An appointment moved: a verb of moving said of it, or another day asked (not "we moved to texas": a house); pushed
till after a day ("can we push it till after eid": the submenus' round 15); set for when the caller is back ("can we
set it for when i'm back": round 16)."""
_ENDING = {
    "en": r"\b(?:cancel\w*|call (?:it|that|this) off|get rid of|scratch|scrap|"
          r"(?:not|never) (?:going|gonna) (?:to )?(?:go|make it|"
          r"need)|(?:don'?t|do not|won'?t|no longer) need|(?:needs?|has|have|got) to go away)\b",
    "es": r"\b(?:cancel\w*|anul\w*|borr\w*|ya no (?:voy a ir|vamos a ir|la necesito|lo necesito|necesito|quiero ir|"
          r"quiero la cita|voy a necesitar))\b",
}
"""An appointment ended: cancelling it, calling it off, not going or no longer needing it."""
_CANCELLED = {
    "en": r"\b(?:cancel\w*|call (?:it|that|this) off|get rid of|take (?:it|that|this|(?:the|that|this|my) appointment) off|"
          r"drop (?:it|that|(?:the|that|my) appointment)|(?:scratch|scrap|nix) (?:it|that|this|(?:the|that|this|my) "
          r"(?:\w+ )?(?:appointment|visit|interview))|(?:appointment|visit|interview|it|this|that) "
          r"(?:needs?|has|have|got) to go away)\b",
    "es": r"\b(?:cancel\w*|anul\w*|borr\w*|quit\w* (?:la|mi|esa) cita|quitel[ao]|quiteme(?:la)?)\b",
}
"""An appointment ended in so many words (`cancelled`): not "i don't need it", which may be help no longer needed;
taken off or dropped ("just take that appointment off", "quite la cita": the s5 round), scratched or scrapped ("so
scratch the office visit": the submenus' round 13); a visit that "needs to go away" (round 16)."""
_DECLINED = {
    "en": r"\b(?:(?:do ?n'?t|do not|don t) (?:want|need)|no need for|(?:not|n'?t) (?:looking for|asking for|after|trying to "
          r"get)|no)(?: \w+){0,2} (?:a |an |any )?(?:new|another|different|other|later) (?:date|day|time|appointment|one)\b",
    "es": r"\b(?:no (?:quiero|necesito|busco|ocupo|me interesa|pido)|ya no quiero|sin)(?: \w+){0,2} (?:otra|otro|nueva|"
          r"nuevo) (?:fecha|cita|dia|hora)\b",
}
"""Another date declined ("i don't want a new date", "no need for another day", "ya no quiero otra fecha", "no
necesito otra cita"; the s6 round): no move asked, whatever the words of a new date score for rescheduling."""


@functools.cache
def _patterns(language: str) -> tuple[Prefiltered, Prefiltered, Prefiltered, Prefiltered]:
    moving = _MOVING.get(language, _MOVING["en"])
    return (prefiltered("|".join(moving)), prefiltered(_ENDING.get(language, _ENDING["en"])),
            prefiltered(_CANCELLED.get(language, _CANCELLED["en"])),
            prefiltered(_DECLINED.get(language, _DECLINED["en"])))


@per_sentence()
def moved(text: str, language: str) -> bool:
    """Whether the caller asks to move an appointment and says nothing of ending it: "can we push it back a week",
    "se puede pasar la cita para otro día" (not "cancel it, i'll pick another day myself")."""
    plain = plain_said(text)
    moving, ending, _, declined = _patterns(language)
    return moving.search(plain) is not None and ending.search(plain) is None and declined.search(plain) is None


@per_sentence()
def move_declined(text: str, language: str) -> bool:
    """Whether the caller says they want no other date ("nah just cancel it i don't want a new date", "anule la cita
    no quiero otro día"): at a menu that reschedules, not that option (`understanding.Model._understood`)."""
    return _patterns(language)[3].search(plain_said(text)) is not None


@per_sentence()
def cancelled(text: str, language: str) -> bool:
    """Whether the caller cancels in so many words: "we're moving back home so cancel the appointment", "i want to get
    rid of the appointment" (whatever a move of house or "back" scored for another option); not a cancel taken back
    ("i changed my mind about cancelling": `cancel_taken_back`)."""
    return _patterns(language)[2].search(plain_said(text)) is not None and not cancel_taken_back(text, language)


_HOW_LONG = {
    "en": r"\bhow (?:long|much time)\b(?: [\w']+){0,8} (?:take|takes|last|lasts|in there|inside|be there|stay there)\b",
    "es": r"\bcuanto (?:tiempo|rato)?(?: \w+){0,6} (?:dura|duran|tarda|tardan|toma|adentro|ahi dentro|ahi adentro)\b",
}
"""How long an appointment lasts, or how long one is inside ("how long am i going to be inside for the fingerprints",
"cuánto rato me tienen adentro"): a question of the visit, no cancel (the submenus' round 14)."""
_CANCEL_WORD = re.compile(r"\b(?:cancel\w*|anul\w*)\b")


@per_sentence()
def how_long_asked(text: str, language: str) -> bool:
    """Whether the caller asks how long the visit lasts and names no cancelling (`_HOW_LONG`): at a menu that
    cancels, not that option (`understanding.Model._understood`)."""
    plain = plain_said(text)
    return _how_long(language).search(plain) is not None and _CANCEL_WORD.search(plain) is None


@functools.cache
def _how_long(language: str) -> Prefiltered:
    return prefiltered(_HOW_LONG.get(language, _HOW_LONG["en"]))


_TAKEN_BACK = {
    "en": r"\b(?:changed my mind (?:about|on) (?:the )?cancel\w*|(?:don't|dont|do not|rather not|no longer want to) "
          r"cancel\w*|(?:forget|scratch) (?:the|that|about the|about) cancel\w*)\b",
    "es": r"\b(?:cambie de (?:opinion|idea) (?:sobre|de|con) (?:la )?cancel\w*|(?:ya no|mejor no) (?:quiero )?"
          r"(?:cancelar\w*|la cancele|cancele)|no la cancele)\b",
}
"""A cancel taken back ("i changed my mind about cancelling i'd rather set up another office visit", "mejor no la
cancele"): at a menu that cancels, not that option (`understanding.Model._understood`; the submenus' round 17)."""
@per_sentence()
def cancel_taken_back(text: str, language: str) -> bool:
    """Whether the caller takes back a cancel (`_TAKEN_BACK`)."""
    return _taken_back_pattern(language).search(plain_said(text)) is not None


@functools.cache
def _taken_back_pattern(language: str) -> Prefiltered:
    return prefiltered(_TAKEN_BACK.get(language, _TAKEN_BACK["en"]))


_HAD = {
    "en": r"\b(?:already (?:have|had|booked|scheduled|made|got|set up)|i (?:have|had|got) (?:an|my|a) appointment|"
          r"(?:booked|scheduled|made) (?:an|my|the) appointment|my appointment(?: \w+){0,5} (?:is|was) (?:on|at|for|"
          r"next|tomorrow|today|this|in)|appointment (?:i|we) (?:have|booked|made|got)|(?:i|we) "
          r"(?:have|got|'ve got|ve got) (?:one|it|an appointment|a visit) (?:already )?(?:set|scheduled|booked|"
          r"set up|lined up) (?:for|on|at)\b)\b",
    "es": r"\b(?:ya (?:tengo|tenia|hice|saque|agende|programe|me dieron)|tengo (?:una|mi) cita|mi cita(?: \w+){0,5} "
          r"(?:es|era|esta) (?:el|para|a|en|manana|hoy))\b",
}
"""An appointment already had: booked, scheduled, had, or its date said; one set for a day ("i have one set for friday
morning": round 16)."""
_WANTED = {
    "en": r"\b(?:(?:need|want|like|have|going) to (?:get|book|make|schedule|set up|request)|(?:can|could|may|should) i "
          r"(?:get|book|make|schedule|set up|request)|should get (?:an|a)|(?:get|book|make|schedule|set up|request) "
          r"(?:an|a|one) (?:appointment|time|visit|slot)|" + r"{asked})\b",
    "es": r"\b(?:(?:necesito|quiero|ocupo|quisiera|tengo que|hay que) (?:sacar|hacer|agendar|pedir|programar|solicitar)|"
          r"como (?:saco|hago|pido|agendo|programo|solicito)|" + r"{asked})\b",
}
"""An appointment wanted: getting, booking, making or scheduling one, or asked of the line (`_BOOK_ME`)."""
_BOOK_ME = {
    "en": r"(?:can|could|would|will) you (?:please )?(?:book|schedule|set up|make|get|sign) (?:me|us)\b|"
          r"(?:book|schedule|sign) (?:me|us) (?:up|in|for)|put (?:me|us) down for",
    "es": r"apunteme|apuntenme|agendeme|agendenme|saqueme|programeme|anoteme|anotenme|(?:me|nos) (?:puede|pueden|"
          r"podria|podrian) (?:apuntar|agendar|sacar|dar|hacer|programar|anotar) (?:una|la|para una) cita|"
          r"(?:me|nos) (?:puede|pueden|podria|podrian) (?:apuntar|agendar|programar|anotar) (?:para|en|a)\b",
}
"""An appointment asked of the line in so many words ("can you book me an office visit", "apúnteme para una cita"; the
s12 and s13 round; "me pueden agendar para ir a la oficina", no appointment named: the submenus' round 15): one to be
booked now, not how appointments go (`book_me`)."""
_WANTED = {language: pattern.replace("{asked}", _BOOK_ME[language]) for language, pattern in _WANTED.items()}


@per_sentence()
def book_me(text: str, language: str) -> bool:
    """Whether the caller asks the line to book them an appointment in so many words (`_BOOK_ME`)."""
    return _asked(language)[0].search(plain_said(text)) is not None


@per_sentence()
def appointment_had(text: str, language: str) -> bool | None:
    """True when the caller speaks of an appointment already had and none wanted ("i already booked an appointment
    at the local office"), False when of one wanted and none had ("my lawyer said i should get an appointment"), None
    when neither or both."""
    plain = plain_said(text)
    _, had_pattern, wanted_pattern, _ = _asked(language)
    had = had_pattern.search(plain) is not None
    wanted = wanted_pattern.search(plain) is not None
    return had if had != wanted else None



_IN_GENERAL = {
    "en": r"\b(?:what (?:\w+ )?happens|what (?:should|do|can|will|would) (?:i|we) expect|what to expect|how long (?:do|does|"
          r"will|would|is|are|can)|how (?:does|do|is|will|would) (?:it|an?|the|these|those|one|that)(?: \w+){0,4} go|"
          r"(?:how|what) (?:an?|the) (?:\w+ )?(?:visit|appointment) (?:goes|is like)|who (?:is|will be|would be) there|"
          r"how (?:does|do) (?:that|it|this|these|those|they|(?:the |these |those )?(?:office )?(?:appointments|visits))"
          r"(?: part| bit| side)? work|(?:is there|what is|what's|whats) (?:a |the )?(?:limit|maximum|cap) (?:on|to|of) "
          r"(?:how many|the number of) (?:\w+ ){0,2}(?:appointments|visits)|(?:can|do|could) (?:i|we) (?:get to )?(?:pick|choose) (?:which|what|the) (?:office|location|day)|"
          r"(?:is there|are there|what(?:'s|s| is| are)(?: the)?) (?:a |any )?(?:fee|fees|charge|cost|price) "
          r"(?:for|to (?:book|make|get|have)) (?:[\w']+ ){0,4}(?:appointments?|visits?)|(?:are|is) (?:they|these|"
          r"those|it|the (?:\w+ )?(?:appointments|visits|appointment|visit)) free|how much (?:does|do|is|are) "
          r"(?:an?|the|one|these|those) (?:\w+ )?(?:appointments?|visits?)(?: cost)?|(?:appointments?|visits?) cost "
          r"(?:anything|money|something|a fee)|(?:do|does) (?:it|they|one|that) cost (?:anything|money|something)|"
          r"what (?:are|is) (?:the|those|these|that|this|an?) (?:\w+ )?(?:visits?|appointments?) (?:for|about)|"
          r"why would (?:i|we|someone|anyone|somebody|people) (?:even )?(?:need|have|want) to (?:go|come) (?:in )?to "
          r"(?:a|an|the) (?:local |field )?office|"
          r"(?:is|are) (?:these|those|the|this|that|they|it) (?:\w+ )?(?:\w+ )?(?:visits?|appointments?) "
          r"(?:the same(?: thing)? as|different from|separate from|part of)|"
          r"(?:walk ?in|walk up|show up|take a number|first come)(?: [\w']+){0,8} or (?:do |does |is |are )?(?:[\w']+ )"
          r"{0,3}(?:book|booked|schedule|scheduled|appointment|appointments|make an appointment)|(?:by appointment|"
          r"appointment) only)\b",
    "es": r"\b(?:que (?:\w+ )?pasa|que (?:debo|puedo|hay que|tengo que) esperar|cuanto (?:dura|tarda|tiempo (?:dura|tarda|"
          r"toma))|como (?:es|son|va|funciona) (?:una|la|las|esa|esas) cita|quien (?:esta|va a estar|estara)|"
          r"como funciona(?:n)? (?:eso|esto|eso de las citas|las citas|las visitas)|(?:cuanto cuesta|cuanto "
          r"cobran|cobran|tiene (?:algun )?costo|hay que pagar|se paga|son gratis|es gratis)(?: \w+){0,3} (?:la|las|"
          r"una|esa|esas|estas) (?:citas?|visitas?)|para que (?:son|sirven|es) (?:esas|las|estas|esa|la) (?:citas?|"
          r"visitas?)|"
          r"hay (?:un )?(?:limite|maximo) de "
          r"(?:cuantas )?(?:citas|visitas)|(?:puedo|podemos) (?:escoger|elegir) "
          r"(?:a )?(?:que|cual|la) (?:oficina|dia)|(?:llegar|ir|presentarse|caerle) sin cita o|"
          r"(?:nomas|solo) (?:llega|llego|se llega)(?: \w+){0,6} o (?:hay que|tengo que|se tiene que|necesito) "
          r"(?:sacar|hacer|pedir|agendar))\b",
}
"""How appointments go, asked in general: what happens, what to expect, how long, who is there; how it works, walk-in
or booked (the s7 round: "do you just take a number or do you gotta book ahead"); how the visits work, which office
one can pick (the submenus' round 13: "so how do the visits work now", "can i choose the location"); what one costs,
whether they are free, what they are for (round 15: "is there a fee for one of these office appointments or are they
free", "what are those visits for"); whether they are the same thing as an interview or separate (round 16: "are
these field office visits the same thing as my interview")."""


@per_sentence()
def asked_in_general(text: str, language: str) -> bool:
    """Whether the caller asks how appointments go and speaks of none had or wanted ("what happens at one of those
    office appointments", "cuánto dura una cita en la oficina"; the s5 round): seed 001's how appointments work."""
    plain = plain_said(text)
    _, had, wanted, in_general = _asked(language)
    return in_general.search(plain) is not None and had.search(plain) is None and wanted.search(plain) is None


@functools.cache
def _asked(language: str) -> tuple[Prefiltered, Prefiltered, Prefiltered, Prefiltered]:
    """`_BOOK_ME` (as a whole phrase), `_HAD`, `_WANTED` and `_IN_GENERAL`, compiled once with their gates."""
    return (prefiltered(rf"\b(?:{_BOOK_ME.get(language, _BOOK_ME['en'])})\b"),
            prefiltered(_HAD.get(language, _HAD["en"])),
            prefiltered(_WANTED.get(language, _WANTED["en"])),
            prefiltered(_IN_GENERAL.get(language, _IN_GENERAL["en"])))
