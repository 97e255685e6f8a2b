"""Situations at the Tier 1 topic question whose script is plain, read before or over the scripts' own model.

Issue 16, round 12 (topics.yaml's confident wrong readings, t12 and t13): a caller often names the case, a card or a
letter beside what they ask, and the scripts' keywords then read the thing named rather than the situation.  Each
reader here says when a situation's script is the one to read, and which readings it overrules (the case's status, a
card, a wait named beside it); `ivr.definitions.scripts.ScriptSet.reading` applies them (`by: situation`, kept
whatever the line reads), and `ivr.behaviours.tier1_scripts.answer_for` rewrites the words first (`never_came`,
`taken_there`):

* a home moved or mail wanted elsewhere -> the change of address (`moved_home`); an appointment moved is never it
  (`appointment_moved`);
* a case past the posted processing time -> processing times (`past_posted_time`);
* a hurry asked in so many words of a case, a card or a wait -> the expedite (`hurry_asked`);
* a request one of ours opened, asked after -> its follow-up (`request_followed`);
* another day asked for a biometrics appointment -> its rescheduling (`other_day_asked`, round 21);
* a need told at one of our appointments -> the accommodations (`need_at_appointment`, round 20);
* a notice promised by mail that never came -> the notice not received (`notice_promised`); a notice said to have
  come is not missing (`notice_came`); of a card and a notice, the one that never came is the thing asked
  (`never_came`);
* what to bring to a field office appointment -> the field office's script (`field_office_named`), and its date to
  move or the letter that set it (`at_field_office`, round 20);
* a person taken to an appointment is no thing to bring (`taken_there`);
* premium processing's own fee named -> premium processing (`premium_paid`, round 24).

Words are read as `ivr.core.matching.normalize` leaves them (lower case, no accents, no punctuation).  The tests of
each kind, both ways, are tests/behaviours/test_tier1_round12.py.  Pure computation; no I/O.
"""

from __future__ import annotations

import re

from collections.abc import Callable

from ivr.core.concepts import concepts
from ivr.core.home_moves import home_moved
from ivr.definitions.script_reading import mailed_about, misheard, ours_named

__all__ = [
    "SITUATIONS",
    "ACCOMMODATIONS_SCRIPT",
    "ADDRESS_SCRIPT",
    "BRING_SCRIPT",
    "EXPEDITE_SCRIPT",
    "FEES_SCRIPT",
    "FIELD_OFFICE_SCRIPT",
    "FOLLOW_UP_SCRIPT",
    "PREMIUM_SCRIPT",
    "NOTICE_SCRIPT",
    "RESCHEDULE_SCRIPT",
    "STATUS_SCRIPT",
    "TIMES_SCRIPT",
    "appointment_moved",
    "at_field_office",
    "as_asked",
    "bring_asked",
    "bring_meant",
    "fees_meant",
    "field_office_named",
    "hurry_asked",
    "moved_home",
    "need_at_appointment",
    "never_came",
    "notice_came",
    "other_day_asked",
    "notice_promised",
    "past_posted_time",
    "premium_paid",
    "request_followed",
    "situation_read",
    "status_meant",
    "taken_there",
]

_HOME_MOVED_OVER = frozenset({"case-status", "card-not-received", "processing-times"})
"""What a home moved overrules: the case's status, a card, a wait named beside the move ("... and my green card
application is still pending") are its context; a notice or a card that never came is not (`#not_arrived`)."""
ADDRESS_SCRIPT = "change-of-address"
_MOVE_WORDS = {
    "en": frozenset("move moved moving relocate relocated relocating relocation".split()),
    "es": frozenset("mudo mude mudamos mudaron mudar mudarse mudarme mudarnos mudanza mudando mudado cambie cambiamos "
                    "mover moverla muevan".split()),
}
"""The words of a move (`moved_home`): "address" alone is no move ("the mailing address for sending the form"); "nos
tuvimos que mudar" (round 20)."""
_MAIL_ELSEWHERE = {
    "en": re.compile(r"\b(?:my|our|his|her|all my|all our|the) (?:immigration |uscis |\w+ )?(?:stuff|things|mail|papers|"
                     r"documents|paperwork|letters) (?:sent|going|delivered|mailed|forwarded|to go) to (?:my|a|the|our|his|"
                     r"her|their) (?:\w+ ){1,3}?(?:instead|from now on)\b"),
    "es": re.compile(r"\b(?:mis|sus|nuestras|nuestros|las|los) (?:cosas|cartas|papeles|documentos)(?: de inmigracion)? "
                     r"(?:me |nos )?(?:las |los )?(?:manden|envien|lleguen|mandaran|enviaran) a (?:\w+ ){1,3}?"
                     r"(?:mejor|en vez|en lugar)\b"),
}
"""Mail wanted at another place instead, said of the caller's things ("i want my immigration stuff sent to my church
instead", "quiero que mis cartas me las manden a la iglesia mejor"): a change of address (`moved_home`, beside
`home_moves`' mail and letters; round 23)."""
_ELSEWHERE_SAID = {"en": ("instead", "from now on"), "es": ("mejor", "en vez", "en lugar")}
"""The words `_MAIL_ELSEWHERE` needs, as a substring test first: most questions want no mail elsewhere."""
_APPOINTMENT_WORDS = {
    "en": frozenset("appointment appointments biometrics biometric fingerprints prints interview day date".split()),
    "es": frozenset("cita citas biometricos huellas entrevista dia fecha".split()),
}
"""What else a caller moves: an appointment, a day ("can hers be moved to the same day")."""
_UP_TO_DATE = re.compile(r"\b(?:up to date|al dia|al corriente)\b")
"""An address kept current ("keep my address up to date"): no appointment's date (the t14/t15 round)."""
_STATUS_ASKED = {
    "en": re.compile(r"\bstatus of (?:my|our|his|her|the) (?:case|application|petition)\b"),
    "es": re.compile(r"\b(?:estatus|estado) de (?:mi|su|nuestro|el) (?:caso|solicitud|aplicacion|peticion)\b"),
}
"""A status asked in so many words: the move beside it is context."""


def moved_home(said: str, language: str, choice: str | None) -> bool:
    """Whether what the caller said is a home moved (`#address` with nothing missing, or `home_moves.home_moved`)
    and the reading `choice` is none, one a move overrules (`_HOME_MOVED_OVER`) or the change of address itself:
    the change of address is then read, whatever the line's reading ("we are relocating to texas in january and my
    application is still pending"; "can i get my immigration letters sent to my sister's place": not a notice that
    never came; issue 16, round 12)."""
    if choice is not None and choice not in _HOME_MOVED_OVER and choice != ADDRESS_SCRIPT:
        return False
    said = _GOT_MOVING.sub(" ", said)  # "any way to get it moving": a hurry, no move (round 20)
    if _CARD_MISSED[language].search(said) is not None:
        return False  # "everything else came through the forwarding except my new green card": the card (round 20)
    if home_moved(said, language) or any(word in said for word in _ELSEWHERE_SAID[language]) and \
            _MAIL_ELSEWHERE[language].search(said) is not None:
        return True
    words = _UP_TO_DATE.sub(" ", said).split()  # "keep my address up to date": no appointment's date
    if _MOVE_WORDS[language].isdisjoint(words) or not _APPOINTMENT_WORDS[language].isdisjoint(words):
        return False  # "the mailing address for sending the i one thirty", "can hers be moved to the same day"
    if _STATUS_ASKED[language].search(said):
        return False  # "i moved here from ohio last spring ... i want to check the status of my case"
    named = concepts(said, language)
    return "#address" in named and "#not_arrived" not in named and "#lost" not in named


_HOME_WORDS = {
    "en": frozenset("address addresses house home apartment mail mailing live living lived state city ar11".split()),
    "es": frozenset("direccion domicilio casa apartamento departamento correo vivo vivimos vive estado ciudad "
                    "ar11".split()),
}
"""What a home move names (`appointment_moved`): an address, a home, mail, living somewhere."""


_MOVED_AWAY = {
    "en": re.compile(r"\b(?:i|we|she|he|they) (?:just )?(?:moved|relocated) "
                     r"(?:back|to|in|into|here|out|away|from|over)\b"),
    "es": re.compile(r"\b(?:me|nos|se) (?:mude|mudamos|mudo|mudaron|cambie|cambiamos)\b"),
}
"""Someone who moved away, whatever else is named ("i moved back in june ... and my green card interview is coming up"):
a home moved."""


_ON_THE_DAY = {
    "en": re.compile(r"\b(?:appointment|biometrics|biometric|fingerprints|prints|interview)\b(?: \w+){0,3}? "
                     r"(?:on|for) the (?:same )?(?:day|date|week|weekend|morning)\b"),
    "es": re.compile(r"\b(?:cita|huellas|biometricos|entrevista)\b(?: \w+){0,4}? (?:el mismo dia|la misma semana|"
                     r"el dia que|el dia de|el dia en que)\b"),
}
"""An appointment set on the day of something else ("they put my bio metrics on the day i'm supposed to move out of my
apartment", "me pusieron la cita de huellas el mismo día que me mudo"): the appointment is what moves (round 20)."""


def appointment_moved(said: str, language: str) -> bool:
    """Whether the caller moves an appointment, not a home: a move's word and an appointment's (`_APPOINTMENT_WORDS`)
    with nothing of a home (`_HOME_WORDS`): "i got two bio metrics appointments on two different days can i move one"
    is no change of address, whatever "move" scores (issue 16, round 12); nor is an appointment set on the day of a
    move out of a home (`_ON_THE_DAY`, round 20)."""
    words = _UP_TO_DATE.sub(" ", said).split()
    if _MOVE_WORDS[language].isdisjoint(words) or _APPOINTMENT_WORDS[language].isdisjoint(words) or \
            _MOVED_AWAY[language].search(said) is not None:
        return False
    # a home named is the move's, unless the appointment was set on its day: then the appointment moves (round 20)
    return _HOME_WORDS[language].isdisjoint(words) or _ON_THE_DAY[language].search(said) is not None


_TAKEN_THERE = {
    "es": re.compile(r"\b(?:lo|la|me|nos|los|las) (?:lleve|lleven|llevo|llevara|llevaria|llevaran|llevan)\b"),
}
"""A person taken somewhere ("no tiene quién lo lleve a su cita"): a ride, not what to bring ("que lleve documentos"
has no person before it)."""
_TAKE_SOMEONE = {
    "es": re.compile(r"(?<!\ble )(?<!\bles )\b(?:llevar|llevo|lleve|llevaba) (?=a (?:mi|mis|su|sus|nuestro|nuestra|"
                     r"nuestros|nuestras) (?:hijo|hija|hijos|hijas|nino|nina|ninos|bebe|esposo|esposa|mama|papa|madre|"
                     r"padre|abuela|abuelo|hermano|hermana|tia|tio|suegra|suegro) "
                     r"(?:a (?:su|sus)(?! citas? (?:de|para) (?:las |los |la )?(?:huellas|biometricos|biometria|entrevista))"
                     r"|a (?:la escuela|la clinica|el hospital)|al (?:hospital|doctor|medico|dentista|colegio|trabajo|"
                     r"aeropuerto))\b)"),
}
"""A relative taken to their own appointment or elsewhere ("tengo que llevar a mi hijo a su cita en el hospital"): a
person taken, not a thing to bring (round 23); not one brought to ours ("puedo llevar a mi bebé a la cita", "voy a
llevar a mi mamá a su cita de las huellas y no tiene identificación": what she brings is the question), nor a thing
brought for them ("qué le llevo a mi niña")."""


def taken_there(said: str, language: str) -> str:
    """`said` with a person taken somewhere (`_TAKEN_THERE`) said as accompanied ("quién lo lleve" -> "quién lo
    acompañe"), for every reader at the topic question: "llevar" a person is a ride, not the things to bring to the
    appointment (issue 16, round 12: "mi papá no tiene quién lo lleve a su cita de biométricos ese día, se puede
    pasar para otra fecha"); a relative taken, "llevar a mi hijo", as "acompañar a mi hijo" (round 23)."""
    pattern = _TAKEN_THERE.get(language)
    if pattern is None:
        return said
    said = pattern.sub(lambda found: found.group(0).split()[0] + " acompane", said)
    return _TAKE_SOMEONE[language].sub("acompanar ", said) if "llev" in said else said


_PAST_POSTED_TIME = {
    "en": re.compile(
        r"\b(?:website|web site|site|page|online|processing time|processing times)\b(?: \w+){0,3}? "
        r"(?:says|said|shows|showed|lists|listed)\b(?: \w+){0,4}? (?:should take|takes|take|are done|is done|"
        r"get done|gets done|done in|months|weeks)\b"
        r"|\b(?:past|outside|beyond|longer than|over) (?:the )?(?:normal |posted |average |usual )?processing time"
        r"|\b(?:past|outside|beyond|longer than|over) (?:the|what s|what is) (?:normal|usual|regular|average|posted) "
        r"(?:time|wait|timeframe|time frame)\b"
        r"|\blonger than (?:what )?(?:the |your )?(?:website|web site|site|page) (?:says|said|shows)\b"
    ),
    "es": re.compile(
        r"\b(?:ya )?se (?:paso|pasaron) (?:el tiempo|los meses|el plazo) (?:que dice|que marca|de procesamiento)\b"
        r"|\bfuera del tiempo (?:normal )?de procesamiento\b"
        r"|\bmas (?:tiempo )?de lo que dice la (?:pagina|pagina web|web)\b"
    ),
}
"""A case pending past the processing time USCIS posts ("it's been pending sixteen months and the website says it
should take like twelve", "ya se pasó el tiempo que dice la página"): the processing-times script, whose service
request is for a case outside normal processing times (DOMAIN.md §5; issue 16, round 12); past the normal time, its
"processing" unsaid ("he got his card back in march and i'm still pending, is mine past the normal time"), or longer
than the website says (round 22)."""
_PAST_POSTED_OVER = frozenset({"case-status"})
TIMES_SCRIPT = "processing-times"


def past_posted_time(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller says their case is past the posted processing time (`_PAST_POSTED_TIME`) and the reading
    `choice` is none, the case's status (a pending case is its context) or the processing times themselves; a thing
    said not to have come (`#not_arrived`: "it's past the normal time it should have come in the mail") is the card's
    or the notice's, not the case's wait (round 22)."""
    if choice is not None and choice not in _PAST_POSTED_OVER and choice != TIMES_SCRIPT:
        return False
    return _PAST_POSTED_TIME[language].search(said) is not None and "#not_arrived" not in concepts(said, language)


_HURRY_OVER = frozenset({"case-status", "card-not-received", "processing-times"})
"""What a hurry asked overrules: the case, the card or the wait it is asked of are its context."""
_HURRIED = frozenset({"#work_permit", "#green_card", "#pending", "#waiting_long", "#decided", "#months"})
"""What a hurry is asked of, for the expedite: a case, a card or a wait of ours (not an appointment moved sooner)."""
EXPEDITE_SCRIPT = "expedite"
_GET_MOVING = r"\b(?:get|gets|getting|keep|keeps) (?:it|things|this|that|them|(?:my|the|his|her) \w+(?: \w+)?) moving\b"
"""A case got moving ("is there any way to get it moving"): a hurry, no move of a home (round 20)."""
_GOT_MOVING = re.compile(_GET_MOVING)
_HURRY_ASKED = {
    "en": re.compile(r"\b(?:speed|move|bump|hurry|rush|push) (?:\w+ ){0,2}?up\b|\b(?:sooner|faster|quicker|expedite|"
                     r"expedited)\b|\bfront of the (?:line|queue)\b|\btop of the (?:pile|list|stack)\b"
                     r"|\b(?:push|move|put|bump|get|send) (?:it|this|that|them|me|us|(?:my|the|his|her) \w+(?: \w+)?) "
                     r"(?:to|at|on) the (?:front|top)\b|\b(?:approved|done|processed) (?:fast|quick|quickly)\b"
                     r"|\b(?:hurry|rush) (?:it|this|that|things|them)\b|" + _GET_MOVING +
                     r"|\b(?:push|rush|hurry|get|move) (?:it|this|that|them|(?:my|the|his|her|our) \w+(?: \w+)?) through"
                     r"(?! (?:the|a|an|my|our|his|her|their|to|with)\b)"),
    "es": re.compile(r"\b(?:apur\w*|agiliz\w*|aceler\w*|adelant\w*|mas rapido|rapido|urgente|urgencia)\b"),
}
"""A hurry asked in so many words ("can you guys move it up", "is there a way to speed it up", "cómo pido que me lo
apuren", "can you guys hurry it", "any way to get it moving": round 20; "can you push it to the front", "bump my
case to the top": round 22; "can you guys push it through": round 23), not read from a deadline alone ("my old one
expired last week"), nor a thing got through the mail ("get my card through the mail")."""
_EXPEDITE_DECIDED = {
    "en": re.compile(r"\bexpedite(?: request)?s? (?:was |were |got |has been |had been |is |been )?(?:denied|approved|"
                     r"rejected|granted|declined|turned down)\b"),
    "es": re.compile(r"\b(?:expedito|expedite|solicitud de urgencia|peticion de urgencia)\b(?: \w+){0,2}? (?:negaron|"
                     r"rechazaron|aprobaron|negado|negada|rechazado|rechazada|aprobado|aprobada)\b"
                     r"|\b(?:negaron|rechazaron|aprobaron) (?:el|la|mi) (?:expedito|expedite|solicitud de urgencia|"
                     r"peticion de urgencia)\b"),
}
"""An expedite told decided ("my status says expedite request was denied"): a hurry asked before and answered, no
hurry asked now; the case's own status asked beside it is the question (`status_meant`, round 23)."""
_TRAVEL_DOCUMENT = {
    "en": re.compile(r"\btravel (?:permit|document|documents|papers|paperwork)\b|\badvance parole\b"
                     r"|\bre ?entry permit\b"),
    "es": re.compile(r"\bpermiso (?:de|para) (?:viaje|viajar|reingreso)\b|\bparole\b|\bdocumento de viaje\b"),
}
"""A travel document of ours (advance parole, a re-entry permit: DOMAIN.md §5's expedite covers any benefit): what a
hurry is asked of, as a case, a card or a wait are (`_HURRIED`; round 20: "el permiso de viaje no sale, se puede
pedir que lo aceleren")."""


def hurry_asked(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller asks for their case to be hurried in so many words (`_HURRY_ASKED`: "can you guys move it
    up", "cómo pido que me lo apuren", "i need it done sooner") of a case, a card or a wait of theirs (`_HURRIED`),
    none of our appointments named, and the reading `choice` is none, one a hurry overrules (`_HURRY_OVER`) or the
    expedite itself: the expedite script is then read (DOMAIN.md §5: an expedite request; issue 16, round 12); not of
    an expedite told decided with the case's status asked beside it (`_EXPEDITE_DECIDED`, `status_meant`: round 23)."""
    if choice is not None and choice not in _HURRY_OVER and choice != EXPEDITE_SCRIPT:
        return False
    if _HURRY_ASKED[language].search(said) is None or not _APPOINTMENT_WORDS[language].isdisjoint(said.split()):
        return False
    if "expedit" in said and _EXPEDITE_DECIDED[language].search(said) is not None and \
            _STATUS_MEANT[language].search(said) is not None:
        return False  # "expedite request was denied, does that mean my whole case got denied": the status (round 23)
    named = concepts(said, language)
    hurried = not _HURRIED.isdisjoint(named) or _TRAVEL_DOCUMENT[language].search(said) is not None
    return hurried and "#not_arrived" not in named  # a card that never came: its own question


_REQUEST_OPENED = {
    "en": re.compile(
        r"\b(?:lady|man|guy|woman|agent|rep|representative|officer|someone|somebody|person|you|you guys|they|she|he)"
        r"(?: \w+){0,3}? (?:put in|opened|made|submitted|filed|created|started|sent) (?:a|the|my|one) (?:service )?"
        r"(?:request|ticket|referral|inquiry)\b"
        r"|\b(?:the|my|a) (?:service )?(?:request|ticket|referral|inquiry) (?:you|they|she|he|the \w+)(?: guys)? "
        r"(?:opened|made|put in|submitted|filed|created|started)\b"
        r"|\b(?:agent|rep|representative|officer|lady|man|guy|woman|she|he|they)(?: \w+){0,3}? (?:was|were|is|are) "
        r"(?:sending|putting in|opening|making|submitting|filing) (?:a|the|one) (?:service )?(?:request|ticket|referral)\b"
    ),
    "es": re.compile(
        r"\b(?:señor|senor|señora|senora|muchacha|muchacho|agente|representante|persona|alguien|ustedes|usted|"
        r"ella|el|oficial)(?: \w+){0,4}? (?:metio|abrio|hizo|puso|levanto|mando|envio|creo) (?:una|la|un|el) "
        r"(?:solicitud|pedido|reporte|queja|referencia)\b"
        r"|\b(?:la|una) (?:solicitud|queja|referencia|reporte) que (?:me|nos|le) (?:metieron|abrieron|hicieron|"
        r"pusieron|levantaron|abrio|levanto)\b"
    ),
}
"""A request someone of ours opened for the caller ("the lady put in a request to get it fixed", "the request you guys
opened", "el señor con quien hablé metió una solicitud"): asked after, the service request's follow-up (DOMAIN.md §5:
a service request answered within 15 days; issue 16, round 12), or one said to be on its way ("the agent said she was
sending a request over to my local office": round 21), not the case's status."""
_REQUEST_OVER = frozenset({"case-status", "processing-times"})
FOLLOW_UP_SCRIPT = "service-request-follow-up"


def request_followed(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller asks after a request one of ours opened for them (`_REQUEST_OPENED`) and the reading
    `choice` is none, the case's status or a wait (`_REQUEST_OVER`), or the follow-up itself."""
    if choice is not None and choice not in _REQUEST_OVER and choice != FOLLOW_UP_SCRIPT:
        return False
    return _REQUEST_OPENED[language].search(said) is not None


_THINGS = {
    "en": (
        ("card", re.compile(r"\b(?:green card|card|work permit|permit card|employment authorization card|ead)s?\b")),
        ("notice", re.compile(r"\b(?:(?:welcome|approval|receipt|interview|appointment|biometrics?) )?"
                              r"(?:notice|letter)s?\b|\breceipts?\b")),
    ),
    "es": (
        ("card", re.compile(r"\b(?:tarjetas?|micas?|green card|permiso de trabajo)\b")),
        ("notice", re.compile(r"\b(?:cartas?|avisos?|notificaci[oó]n(?:es)?|notice)\b"
                              r"|\brecibos?\b(?! (?:mi|mis|su|sus|el|la|los|las|nuestro|nuestra) (?:correo|correspondencia|"
                              r"cartas?)\b)")),
    ),
}
"""A card and a notice, as a caller names them (`never_came`): "donde recibo mi correo" receives the mail, no receipt
(round 22)."""
_NOT_CAME = {
    "en": re.compile(r"\b(?:never|didn t|did not|hasn t|has not|haven t|have not|still not|not yet) (?:even |yet )?"
                     r"(?:(?:came|come|arrived|arrive|showed up|show up|shown up|made it)\b"
                     r"|(?P<got>got|gotten|get|received|receive)\b)"),
    "es": re.compile(r"\b(?:nunca|no|todav[ií]a no|a[uú]n no) (?:me |nos |le |les |se )?(?:lo |la )?"
                     r"(?:ha |han |he |hemos )?"
                     r"(?:(?:lleg[oó]|llegaron|llegado|llega|llegan)\b|(?P<got>recib[ií]|recibido|recibimos|recibieron|"
                     r"dieron)\b)"),
}
"""A thing that never came: "never came", "haven't received", "nunca me llegó", "no he recibido" (`got`: the thing
may follow the verb; in Spanish it may follow any of them, "nunca me llegó la tarjeta")."""
_NEVER_DID = re.compile(r"\b(?P<verb>come|arrive|show up|get here)(?P<between>(?: \w+){0,3}?)"
                        r"(?: (?:and|but) (?:it|they|that|she|he))? never did\b")
"""A thing "supposed to come separate never did": it never came (`never_came` reads it so); "was supposed to come that
same week and it never did" too, the "and it" dropped: the thing before it is the one that never came (round 23)."""
_CLAUSE_BREAK = re.compile(r"\b(?:but|and|pero|y|aunque|although|though)\b")
_BUT = re.compile(r"\b(?:but|pero|aunque|although|though)\b")
_RELATIVE_CLAUSE = re.compile(r"\b(?:that|which|que)\b")
_AFTER = 5
_THE_ONE = {"en": re.compile(r"\b(?:the|that) (?:one|ones)\b")}
"""A thing told again as "the one" ("i got two receipts but the one for the travel permit never showed up"): the thing
named last before it is the one that never came (`never_came`, round 24)."""


def _last_one(before: str, language: str) -> int | None:
    """Where "the one" stands in the clause just before a negated arrival (`_THE_ONE`), or None: "the one" is told
    again, no thing named in it."""
    pattern = _THE_ONE.get(language)
    if pattern is None or " one" not in before:
        return None
    found = [one for one in pattern.finditer(before) if not _CLAUSE_BREAK.search(before[one.end():])]
    return found[-1].start() if found else None


def never_came(said: str, language: str) -> str:
    """`said` without the thing that came, when a card and a notice are both named and one of them is said never to
    have come ("i got the welcome notice but the actual green card never came": the card; "she was approved for her
    green card but the welcome notice never came": the notice; issue 16, round 12): the other is context, and the
    scripts' model reads the thing missing.  The thing missing is the one named in the words after the negated
    arrival ("haven't received the card", "nunca me llegó la tarjeta"), else the nearest named before it in its
    clause ("the card never came"); "the one" told in that clause, the thing named last before it, whatever "the one"
    is for ("i got two receipts but the one for the travel permit never showed up": the notice; round 24)."""
    things = _THINGS.get(language)
    if things is None:
        return said
    if language == "en" and "never did" in said:
        said = _NEVER_DID.sub(r"\g<verb>\g<between> never came", said)
    named = [(kind, found.start(), found.end()) for kind, pattern in things for found in pattern.finditer(said)]
    if len({kind for kind, _, _ in named}) < 2:
        return said
    missing: set[str] = set()
    for negated in _NOT_CAME[language].finditer(said):
        after = {kind for kind, start, _ in named if negated.end() <= start and
                 len(said[negated.end():start].split()) <= _AFTER and
                 not _BUT.search(said[negated.end():start])}  # "haven't received the card or the notice": both
        if after and (negated.group("got") or language == "es"):
            missing |= after
            continue
        if (one := _last_one(said[:negated.start()], language)) is not None:
            prior = sorted((end, kind) for kind, _, end in named if end <= one)  # "... receipts but the one for ..."
            if prior:
                missing.add(prior[-1][1])
                continue
        before = sorted((start, end, kind) for kind, start, end in named if end <= negated.start() and
                        not _CLAUSE_BREAK.search(said[end:negated.start()]))
        for at, (_, end, kind) in enumerate(before):  # "the letter that extends my card never came": the letter
            if at + 1 == len(before) or _RELATIVE_CLAUSE.search(said[end:before[at + 1][0]]):
                missing.add(kind)
                break
    if len(missing) != 1:
        return said
    (kind,) = missing
    spans = sorted((start, end) for other, start, end in named if other != kind)
    out, at = [], 0
    for start, end in spans:
        if start >= at:
            out.append(said[at:start])
            at = end
    return " ".join("".join(out + [said[at:]]).split())


_CAME = {
    "en": re.compile(r"\b(?:i|we|she|he|they) (?:got|received|have|had) (?:the|my|a|our|his|her|their) (?:\w+ ){0,2}?"
                     r"(?:notice|letter)s?\b|\b(?:notice|letter)s? (?:came|arrived|showed up)\b"
                     r"|\b(?:sent|mailed) (?:me|us|him|her|them|my \w+) (?:a|an|the|this) (?:\w+ ){0,2}?"
                     r"(?:notice|letter)s? "
                     r"(?:to|that|saying|telling|for)\b"
                     r"|\b(?:the|my|this|that) (?:\w+ ){0,3}?(?:notice|letter) (?:says|said|tells|told|asks|asked)\b"),
    "es": re.compile(r"\b(?:me|nos|le|les) (?:llego|llegaron|mandaron|enviaron) (?:la|el|una|un|mi|su) "
                     r"(?:\w+ ){0,2}?(?:carta|aviso|notificacion|cita)s?\b"
                     r"|\b(?:recibi|recibimos|tengo) (?:la|el|una|un|mi) "
                     r"(?:\w+ ){0,2}?(?:carta|aviso|notificacion)\b"
                     r"|\b(?:la|el|mi|esta|esa) (?:carta|aviso|notificacion)(?: \w+){0,5}? dice\b"),
}
"""A notice said to have come ("me llegó la carta para que me tomen las huellas", "i got the appointment letter"), or
one mailed to tell the caller something ("the field office sent me a letter to come in"), or whose words the caller
reads ("the letter says", "en la carta de la cita dice que la lleve": round 20): a letter the caller has is no notice
missing."""
_NOT_MINE = {
    "en": re.compile(r"\bbut (?:not (?:mine|me|to me)|mine (?:never|didn t|did not|hasn t)|"
                     r"i (?:never|didn t|did not))\b"
                     r"|\bbut (?:my|his|her|our|their|the other) (?:\w+ ){0,2}?(?:never did|never came|didn t|did not|"
                     r"hasn t|has not|never showed up)\b"),
    "es": re.compile(r"\b(?:pero|y) (?:a mi|yo|la mia|el mio) no\b"),
}
"""Someone else's notice come and the caller's not ("a mi esposo le llegó la carta con la cita pero a mí no"): the
caller's is missing (`notice_came`); one relative's come and another's not ("my dad's receipt came but my mom's never
did": round 21)."""
NOTICE_SCRIPT = "notice-not-received"


def notice_came(said: str, language: str) -> bool:
    """Whether a notice is said to have come (`_CAME`) and nothing is said not to have come (`_NOT_CAME`): then no
    notice is missing, whatever its words score ("me llegó la carta para que me tomen las huellas pero justo esa
    semana me voy a méxico": the appointment it sets, not a notice not received; issue 16, round 12), nor that nothing
    came (`_NOTHING_CAME`) nor that the caller's did not, someone else's having come (`_NOT_MINE`, round 20)."""
    return _CAME[language].search(said) is not None and _NOT_CAME[language].search(said) is None and \
        _NOTHING_CAME[language].search(said) is None and _NOT_MINE[language].search(said) is None


_CARD_CAME = {
    "en": re.compile(r"\b(?:i|we|she|he|they) (?:got|received|have had|had) (?:the|my|a|our|his|her|their) "
                     r"(?:green card|card|work permit)s? (?:when|back|years|as|since|at|in)\b"),
    "es": re.compile(r"\b(?:me|nos|le) (?:dieron|llego) (?:la|mi|su) (?:tarjeta|mica|residencia) (?:cuando|hace|desde)\b"),
}
"""A card said to have come long ago ("i got my green card when i was like eleven"): its photo, its renewal, not a card
not received (round 15)."""
CARD_SCRIPT = "card-not-received"


def card_came(said: str, language: str) -> bool:
    """Whether a card is said to have come long ago (`_CARD_CAME`) and nothing is said not to have come (`_NOT_CAME`,
    `_CARD_MISSED`): then no card is missing, whatever its words score."""
    return _CARD_CAME[language].search(said) is not None and _NOT_CAME[language].search(said) is None and \
        _CARD_MISSED[language].search(said) is None


_FIELD_OFFICE = {
    "en": re.compile(r"\b(?:field|local) office\b"),
    "es": re.compile(r"\boficina local\b|\boficina de (?:campo|uscis|inmigracion)\b"),
}
_BIOMETRICS_WORDS = {
    "en": frozenset("biometrics biometric fingerprint fingerprints prints asc".split()),
    "es": frozenset("biometricos biometria huellas".split()),
}
BRING_SCRIPT, FIELD_OFFICE_SCRIPT = "biometrics-what-to-bring", "field-office-appointment"


def field_office_named(said: str, language: str) -> bool:
    """Whether the appointment named is at a field office (`_FIELD_OFFICE`), no biometrics named: what to bring to it is
    the field office appointment's script (its source: DOMAIN.md §4, what to bring), not the biometrics' ("en la carta
    de la cita en la oficina local dice que lleve documentos originales"; issue 16, round 12)."""
    return _FIELD_OFFICE[language].search(said) is not None and _BIOMETRICS_WORDS[language].isdisjoint(said.split())


RESCHEDULE_SCRIPT = "biometrics-reschedule"


def at_field_office(choice: str | None, said: str, language: str) -> bool:
    """Whether the script read (`choice`) is the biometrics' (what to bring, `field_office_named`; its rescheduling,
    round 20) or a notice not received that the caller says came (`notice_came`: "the field office sent me a letter to
    come in but that week is my surgery, can i switch it"; round 20), and the appointment named is at a field office,
    no biometrics named: the field office appointment's script is read instead (DOMAIN.md §4)."""
    if choice not in (BRING_SCRIPT, RESCHEDULE_SCRIPT, NOTICE_SCRIPT) or not field_office_named(said, language):
        return False
    return choice != NOTICE_SCRIPT or notice_came(said, language)


_NOTICE_PROMISED = {
    "en": re.compile(r"\b(?:mail|send|mailed|sent|mailing|sending)(?: \w+){0,8}? "
                     r"(?:appointment|notice|letter|interview "
                     r"notice|notice)s?\b"
                     r"|\b(?:appointment|notice|letter)s?\b(?: \w+){0,6}? (?:would|will|was going to|were going to|is going to|"
                     r"should) (?:come|arrive|show up|be (?:mailed|sent))\b"),
    "es": re.compile(r"\b(?:mandar|mandarian|mandarán|mandaran|enviar|enviarian|mandaron|enviaron|mandan|envian)"
                     r"(?: \w+){0,8}? (?:cita|aviso|carta|notificacion)s?\b"),
}
_MAILBOX_EMPTY = (r"(?:en (?:el|mi) (?:buzon|correo) no (?:habia|hay|hubo) nada|no (?:habia|hay|hubo) nada en (?:el|mi) "
                  r"(?:buzon|correo)|no (?:me )?(?:ha llegado|llego) nada)\b")
"""Nothing in the mailbox, in Spanish ("en el buzón no había nada": round 22)."""
_NOTHING_CAME = {
    "en": re.compile(r"\b(?:nothing|it|they|none) (?:ever |has |have |never )?(?:came|come|arrived|showed up)\b"
                     r"|\bnever (?:came|arrived|showed up|got (?:it|anything|them))\b"
                     r"|\b(?:haven t|have not|didn t|did not) (?:gotten|received|got|get) (?:it|anything|them)\b"
                     r"|\b(?:nobody|no one|no body) knows where (?:it|they) (?:went|ended up|is|are)\b"
                     r"|\b(?:my|the|our) (?:mailbox|mail box|mail) (?:is|was|s|has been|stays) (?:still )?(?:empty|"
                     r"empty still)\b|\bnothing (?:is |has been |s been )?in (?:my|the|our) (?:mailbox|mail box)\b"
                     r"|\b(?:and|but) (?:still )?nothing(?: yet| so far)?$"),
    "es": re.compile(r"\b(?:nunca|no) (?:me |nos |le )?(?:ha |han )?(?:llego|llegaron|llegado)(?: nada| nunca)?\b"
                     r"|\bno (?:me |nos )?(?:ha |han )?llegado nada\b|\b" + _MAILBOX_EMPTY +
                     r"|\bnadie sabe (?:donde|a donde|en donde) (?:quedo|esta|fue a dar|paro)\b"),
}
"""A notice promised by mail and nothing come ("the officer said they'd mail me a second interview appointment and
nothing ever came", "me dijeron que me mandarían la cita y nunca me llegó", "a letter ... would come in the mail":
round 23): a notice not received (`notice_promised`); nothing in the mailbox ("en el buzón no había nada"), nobody
knowing where it went ("nadie sabe dónde quedó la mica": round 22); the mailbox still empty, or "it's been a month
and nothing" said last (round 23)."""


_NOTICE_MISSED = {
    "en": re.compile(r"\b(?:notice|letter)s? (?:that )?(?:i|we) (?:never|didn t|did not|haven t|have not|still haven t) "
                     r"(?:received|got|gotten|get)\b"
                     r"|\b(?:never|didn t|did not|haven t|have not|still haven t) (?:ever )?(?:received|got|gotten|get) "
                     r"(?:the|my|a|any|our) (?:receipt|receipt notice|notice|letter)s?\b"
                     r"|\b(?:notice|letter)s? (?:came|arrived|showed up) but (?:my|his|her|our|their|the other) "
                     r"(?:\w+ ){0,2}?(?:never did|never came|didn t|did not|hasn t|has not|never showed up)\b"
                     r"|\b(?:notice|letter)s? (?:went out|was sent|was mailed|got sent|got mailed)\b(?: \w+){0,8}? "
                     r"(?:but |and )?(?:there s |there is |i got |we got |i ve got )?nothing (?:ever )?(?:in|came|"
                     r"showed up|arrived)\b"),
    "es": re.compile(r"\b(?:carta|aviso|notificacion)e?s? que (?:nunca|no|todavia no) (?:me |nos )?(?:ha |han )?"
                     r"(?:llego|llegaron|llegado|recibi|recibimos)\b"
                     r"|\b(?:nunca|no|todavia no|aun no) (?:me |nos |le )?(?:ha |han )?(?:llego|llegaron|llegado|llega|"
                     r"llegan) (?:el|la|los|las|mi|un|una|ningun|ninguna) (?:(?:recibo|carta|aviso|notificacion)e?s?|papel)\b"
                     r"|\b(?:mandaron|enviaron|mando|envio) (?:una|la|un|el|mi) (?:\w+ ){0,2}?(?:carta|aviso|notificacion|"
                     r"recibo)\b(?: \w+){0,8}? (?:pero |y )?" + _MAILBOX_EMPTY),
}
"""A notice or letter the caller says they never received, whatever it was about ("a notice i never received, the one
saying my fee waiver got denied"), or never came in so many words ("nunca me llegó el recibo", "i never got the
receipt": round 20), or one's come and another's not ("my son's approval letter came but my daughter's never did"),
or said to have gone out with nothing in the mailbox ("the site says the notice was mailed in may but there's nothing
in my mailbox": round 21): the notice not received, not what it was about (the t16/t17 round) nor the renewal it was
for.  A paper that never came ("nunca me llegó el papel de que la recibieron", "el papel de recibo") is a notice: a
card is never a paper (round 22; "los papeles" are as often the caller's status, left out)."""


def notice_missed(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller names a notice they never received (`_NOTICE_MISSED`), and no card (`never_came` reads a
    card and a notice named together)."""
    return _NOTICE_MISSED[language].search(said) is not None and _THINGS[language][0][1].search(said) is None


def notice_promised(said: str, language: str, choice: str | None) -> bool:
    """Whether a notice or an appointment was to be mailed and nothing came (`_NOTICE_PROMISED`, `_NOTHING_CAME`), no
    card named, and the reading `choice` is none, the case's status or the notice itself: the notice not received is
    read (DOMAIN.md §5; issue 16, round 12)."""
    if choice is not None and choice not in ("case-status", NOTICE_SCRIPT):
        return False
    if _NOTICE_PROMISED[language].search(said) is None or _NOTHING_CAME[language].search(said) is None:
        return False
    return _THINGS[language][0][1].search(said) is None  # a card named is the card's (`never_came`)


_STATUS_MEANT = {
    "en": re.compile(
        r"\b(?:is it|was it|has it been|is my \w+ (?:case |application |petition )?|did (?:it|they)) (?:still )?"
        r"(?:approved|pending|done|denied|decided|approve it|active|open)\b"
        r"|\b(?:did|has) it (?:get |been )?(?:closed|cancelled|canceled)\b"
        r"|\b(?:if|whether) (?:my|our|his|her|the) (?:\w+ ){0,4}?(?:application|case|petition)(?: s| has)? been "
        r"(?:decided|approved|denied)\b"
        r"|\bif it(?: s| is) (?:still )?(?:pending|approved|denied|decided)\b|\bif it (?:got|was) (?:approved|denied|decided)\b"
        r"|\b(?:if|whether) (?:my|our|his|her|the) (?:\w+ ){0,4}?(?:application|case|petition) (?:got|was) "
        r"(?:decided|approved|denied)\b"
        r"|\b(?:if|whether) anything(?: s| has)? happened\b"
        r"|\b(?:any|some) movement on (?:my|our|his|her|the)\b"
        r"|\bwhat s (?:going on|happening|up) with (?:my|our|his|her|the) (?:\w+ ){0,3}?(?:case|application|petition)\b"
        r"|\b(?:case|status|account|online|website|page)\b(?: \w+){0,4}? (?:says|said|shows|showed)\b(?: \w+){1,8}? "
        r"what (?:does|do|did) (?:that|this|it) (?:even |all )?mean\b"
        r"|\b(?:case|status|account|online|website|page)\b(?: \w+){0,4}? (?:says|said|shows|showed)\b(?: \w+){1,12}? "
        r"(?:should i be worried|is (?:that|this) (?:normal|bad|a bad sign))\b"
        r"|\b(?:where|see where|know where) (?:it s|it is|my (?:\w+ ){0,3}?(?:case|application|petition) is) at\b"
        r"|\bis (?:it|my (?:\w+ ){0,3}?(?:case|application|petition)) (?:still )?(?:just )?sitting (?:there|somewhere|"
        r"on (?:somebody s|someone s|a) desk)\b"
        r"|\b(?:if|whether|has) (?:my|our|his|her|the) (?:\w+ ){0,3}?(?:case|application|petition)(?: has)? moved at all\b"
        r"|\b(?:does|did|would) (?:that|this|it) mean (?:that )?(?:my|our|his|her|the) (?:\w+ ){0,3}?(?:case|application|"
        r"petition) (?:got|was|is|has been|will be|gets) (?:denied|approved|closed|rejected|cancelled|canceled|over)\b"
    ),
    "es": re.compile(
        r"\b(?:ya (?:lo |la |me lo |me la )?(?:aprobaron|salio|resolvieron)|sigue (?:pendiente|en tramite)|"
        r"(?:donde|en donde) puedo ver como va|(?:como|en que|por donde) va (?:mi|el|su|la) (?:caso|tramite|solicitud|"
        r"peticion|aplicacion|asilo|ciudadania|residencia))\b"
        r"|\b(?:caso|estatus|estado|cuenta|pagina)\b(?: \w+){0,4}? dice\b(?: \w+){1,8}? que (?:significa|quiere decir)\b"
        r"|\b(?:caso|estatus|estado|cuenta|pagina)\b(?: \w+){0,4}? (?:dice|decia|sale|salia)\b(?: \w+){1,12}? "
        r"(?:es normal|debo preocuparme|me debo preocupar|tengo que preocuparme)\b"
        r"|\b(?:eso|esto) (?:quiere decir|significa) que (?:ya )?(?:me |le |nos )?(?:negaron|aprobaron|cerraron|rechazaron) "
        r"(?:mi|el|su|todo|la)\b"
    ),
}
"""A case's status asked or a status message to explain, in so many words ("is it approved or is it still pending",
"any movement on my fiance's i one twenty nine f", "my case online says continuation notice was mailed what does that
even mean", "dónde puedo ver cómo va", "is it still active or did it get closed", "if my daughter's green card
application's been decided": round 20; "what's going on with my citizenship case", "can you tell me where it's at",
"is it still just sitting there", "if my case has moved at all", "cómo va el asilo de mi hijo", a status message
"should i be worried or is that normal", "es normal o qué pasó": round 22; "quiero saber en qué va mi caso": round
24): the case status script, when nothing else
is read (the t14/t15 round)."""
STATUS_SCRIPT = "case-status"
_CARD_MAILED = {
    "en": re.compile(r"\b(?:green card|card|work permit|ead|e a d)s? (?:was |were |got |has been |have been |had been )?"
                     r"(?:mailed|sent out|shipped|delivered|picked up by (?:the )?(?:postal service|post office|mail carrier|"
                     r"mailman|usps|u s p s))\b"
                     r"|\b(?:mailed|sent|shipped) (?:me |us |him |her )?(?:my|the|his|her|our) (?:new |replacement |renewed )?"
                     r"(?:green card|card|work permit)\b"),
    "es": re.compile(r"\b(?:tarjeta|mica|permiso de trabajo)(?: \w+){0,4}? (?:la |lo |me la |me lo |se la |se lo )?"
                     r"(?:mandaron|enviaron|iban a mandar|iban a enviar)\b"
                     r"|\b(?:mandaron|enviaron) (?:la|mi|su) (?:tarjeta|mica)\b"),
}
"""A card said mailed, or to be ("my card was mailed last week", "me mandaron la mica", "la tarjeta de trabajo me la
iban a mandar"): where it is is the card's question (round 22); one the tracking shows picked up by the postal
service ("my e a d was picked up by the postal service on the third": round 23)."""
_NOTICE_LOST = {
    "en": re.compile(r"\b(?:lost|misplaced|threw away|thrown away|can t find|cannot find|can not find) (?:my|the|our|his|her) "
                     r"(?:\w+ ){0,2}?(?:notice|letter|receipt)s?\b"),
    "es": re.compile(r"\b(?:perdi|se me perdio|no encuentro|tire|bote) (?:mi|el|la|su) (?:\w+ ){0,2}?(?:carta|aviso|recibo|"
                     r"notificacion)\b"),
}
"""A notice the caller had and lost ("i can't find my receipt notice anywhere", "perdí el recibo"): it came, so it is
no notice not received; a status asked beside it is the question (`status_meant`, round 22)."""


def status_meant(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller asks the case's status in so many words (`_STATUS_MEANT`) and nothing else was read, or the
    status itself was (a form named and its status asked: no line reads it as another script), or a card with none
    said missing, or a fee with none asked about (round 16), or a notice the caller lost (`_NOTICE_LOST`, round 22),
    or an expedite told decided (`_EXPEDITE_DECIDED`: "my status says expedite request was denied, does that mean my
    whole case got denied": round 23);
    never of a card said mailed (`_CARD_MAILED`: "the site says my card was mailed last week, can you tell me where
    it's at" asks after the card, round 22)."""
    if _STATUS_MEANT[language].search(said) is None or _CARD_MAILED[language].search(said) is not None:
        return False
    if choice in (None, STATUS_SCRIPT):
        return True
    if choice == CARD_SCRIPT:  # "quiero saber si sigue pendiente o ya salió" of a card's renewal: no card missing
        return _NOT_CAME[language].search(said) is None and _CARD_MISSED[language].search(said) is None
    if choice == FEES_SCRIPT:  # "sent in the papers to replace his certificate, has anything happened": no fee asked
        return _PAYING[language].search(said) is None and _FORM_ASKED[language].search(said) is None
    if choice == NOTICE_SCRIPT:  # "i lost my receipt notice, can you tell me if my case was approved" (round 22)
        return _NOTICE_LOST[language].search(said) is not None and _NOT_CAME[language].search(said) is None
    if choice == EXPEDITE_SCRIPT:  # "my status says expedite request was denied, does that mean ..." (round 23)
        return _EXPEDITE_DECIDED[language].search(said) is not None
    return False


_PAYING = {
    "en": re.compile(r"\b(?:staple|clip|attach|tape) (?:the |my |a )?(?:check|money order|payment)\b"
                     r"|\b(?:pay|paying|pays|paid)\b(?: \w+){0,6}? (?:in cash|with cash|cash|by check|with a check|"
                     r"(?:personal|cashier s) check|money order|credit card|debit card|online)\b"
                     r"|\bhow (?:do|can|should|would) (?:i|we) (?:pay|repay) (?:it |the fee |that |this |them )?"
                     r"(?:again|over)\b"
                     r"|\b(?:check|payment|money order|card) (?:bounced|was declined|got declined|was rejected|"
                     r"got rejected)\b(?: \w+){0,8}? (?:pay|fee|fees|charge|charged|cost)\b"),
    "es": re.compile(r"\b(?:pagar|pago|pagarla|pagarlo|se paga|se puede pagar)\b(?: \w+){0,6}? (?:en efectivo|efectivo|"
                     r"con cheque|cheque|money order|giro postal|tarjeta de credito|tarjeta de debito|en linea)\b"),
}
"""How to pay a fee asked in so many words ("se puede pagar la aplicación en efectivo ... o tiene que ser con cheque",
"can i pay by money order"): forms and fees (the t14/t15 round); a fee to pay again, a payment that bounced ("my
check bounced, how do i pay it again": round 21, not the case's status the application sent back names)."""
_FORM_ASKED = {
    "en": re.compile(r"\b(?:which|what) form (?:do|should|would|does|can|will) (?:i|we|he|she|they|my \w+) "
                     r"(?:even |really |actually |ever )?(?:use|file|need|fill|send|submit)\b"
                     r"|\b(?:which|what) form is (?:the|it|that|for)\b(?: \w+){0,16}? (?:how much|what s the fee|what is the fee|the fee|"
                     r"what (?:does|do|will) (?:it|that|they) cost|cost)\b"
                     r"|\bwhat (?:do|should|would) (?:i|we) (?:send in|mail in|file|fill out|submit) to (?:get|renew|"
                     r"replace) (?:a new one|my|a new|the|it)\b"
                     r"|\b(?:what s|what is|how much is|is) the (?:filing |application )?fee (?:to|for)\b"
                     r"|\bhow much (?:is it|does it cost|would it cost|will it cost|it costs|do (?:i|we) (?:pay|owe)) to "
                     r"(?:file|apply|renew|replace|petition|sponsor)\b"
                     r"|\b(?:did|has|have|will|is) the (?:filing |application |\w+ )?(?:fee|fees|price|cost)"
                     r"(?: (?:for|of|on)(?: \w+){1,5}?)? (?:go|gone|went|gotten|got|going|been going) (?:up|down)\b"
                     r"|\b(?:did|has|have) the (?:filing |application |\w+ )?(?:fee|fees|price|cost)"
                     r"(?: (?:for|of|on)(?: \w+){1,5}?)? (?:change|changed)\b"),
    "es": re.compile(r"\b(?:que|cual) (?:forma|formulario) (?:uso|lleno|mando|necesito|tengo que|debo|ocupo)\b"
                     r"|\b(?:subio|subieron|cambio|cambiaron|ha subido|han subido|va a subir|van a subir) "
                     r"(?:el precio|la cuota|las cuotas|el costo|lo que cobran|la tarifa)\b"
                     r"|\b(?:el precio|la cuota|las cuotas|el costo|la tarifa) (?:ya )?(?:subio|subieron|cambio|"
                     r"cambiaron|ha subido|han subido|sigue igual|es el mismo|sigue siendo el mismo)\b"),
}
"""Which form to file asked in so many words ("which form do i use to switch from a tourist visa to a student visa"),
or its fee ("what's the fee to replace a lost card", "is the fee for my citizenship any lower": round 20), or whether
the fee went up or changed ("do i send it again with the same amount or did the fee go up", "¿ya subió la cuota?":
round 22): forms and fees."""
FEES_SCRIPT = "forms-and-fees"
_FEES_OVER = frozenset({"case-status", "processing-times"})
_PRICE_ASKED = {
    "en": re.compile(r"\bhow much (?:do|does|will|would) (?:you|y all|you guys|they|it|uscis|immigration) (?:charge|cost)\b"
                     r"|\b(?:two|different|conflicting) (?:different )?(?:prices|fees|amounts|costs)\b"
                     r"|\b(?:what s|what is|which is|which s) the (?:right|correct|current|real|actual) "
                     r"(?:price|fee|amount|cost)\b"
                     r"|\bwhich (?:price|fee|amount) (?:is|s) (?:right|correct|the right one|the real one|current)\b"),
    "es": re.compile(r"\bcuanto (?:le |me |nos |les |te )?(?:cobran|cobra|cuesta|sale|vale)\b"
                     r"|\b(?:sale|es|saldria|seria) (?:mas barato|mas caro|menos caro)\b|\bcuesta (?:menos|mas)\b"
                     r"|(?<!\bque )\b(?:se paga|se cobra|se pagan|se cobran) (?:aparte|por separado|por aparte)\b"
                     r"|\b(?:viene|trae|esta|va) (?:incluido|incluida) (?:\w+ ){0,4}?en (?:el|la) (?:pago|precio|cuota|costo)\b"
                     r"|\b(?:dos|diferentes|distintos) (?:precios|costos|cuotas|cantidades)\b"
                     r"|\b(?:cual es|cual seria) (?:el|la) (?:precio|costo|cuota|cantidad) (?:correct[oa]|actual|"
                     r"verdader[oa])\b"),
}
"""What something costs asked in so many words ("cuánto cobran por meter el perdón", "cuánto le cobran a él"): a fee
of ours when one of our matters is named (`script_reading.ours_named`: a form's number, the citizenship), no bus
ticket's or insurance's (round 22); which of two prices is right, the correct or current fee ("i keep seeing two
different prices for the citizenship application", "what's the correct fee", "cuál es la cuota correcta": round
23); which way costs less, what is paid apart ("sale más barato si meto la renovación por internet", "trae incluido
el examen médico en el pago o eso se paga aparte", not a service "que se paga aparte" described: round 24)."""


PREMIUM_SCRIPT = "premium-processing"
_PREMIUM_FEE = {
    "en": re.compile(r"\bpremium (?:processing )?(?:fee|fees|payment|check|charge)\b"
                     r"|\b(?:fee|fees|pay|paying|payment|check) (?:\w+ ){0,2}?for (?:the )?premium\b"),
    "es": re.compile(r"\b(?:cuota|pago|tarifa|cheque|cargo) (?:de |del |para el |para )(?:servicio |procesamiento )?premium\b"),
}
"""Premium processing's own fee named ("do we send the premium processing fee as a separate check from the filing
fee", "el pago del premium"): premium processing, over the forms and fees its fee words read (round 24)."""
_PREMIUM_OVER = frozenset({None, FEES_SCRIPT})


def premium_paid(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller names premium processing's fee (`_PREMIUM_FEE`, a substring test first) and what was read so
    far is nothing or the forms and fees (`_PREMIUM_OVER`)."""
    return choice in _PREMIUM_OVER and "premium" in said and _PREMIUM_FEE[language].search(said) is not None


def fees_meant(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller asks how to pay a fee or which form to file in so many words (`_PAYING`, `_FORM_ASKED`), or
    what one of our matters costs (`_PRICE_ASKED`, round 22), and nothing else was read, or a status or a wait named
    beside it (the t14/t15 round)."""
    if choice is not None and choice not in _FEES_OVER:
        return False
    if _PAYING[language].search(said) is not None or _FORM_ASKED[language].search(said) is not None:
        return True
    return _PRICE_ASKED[language].search(said) is not None and ours_named(said, language)


_BRING = {
    "en": re.compile(r"\b(?:bring|take with me|take along|have with me|have on me) (?:\w+ ){0,3}?(?:to|for|at) "
                     r"(?:my|the|his|her) (?:\w+ )?(?:biometrics?|fingerprints?|finger print|prints) (?:appointment|place)?"),
    "es": re.compile(r"\b(?:tengo que|hay que|debo|necesito|ocupo) llevar\b"),
}
"""What to bring asked in so many words at a biometrics appointment ("para la cita de bio métricos tengo que llevar el
comprobante"): what to bring, when nothing else is read (the t14/t15 round)."""


def bring_meant(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller asks what to bring to a biometrics appointment in so many words (`_BRING`, biometrics named)
    and nothing else was read."""
    return choice is None and bring_asked(said, language)


def bring_asked(said: str, language: str) -> bool:
    """Whether the caller asks what to bring to a biometrics appointment in so many words (`_BRING`, biometrics
    named), whatever was read."""
    return _BRING[language].search(said) is not None and not _BIOMETRICS_WORDS[language].isdisjoint(said.split())


def as_asked(said: str, language: str) -> str:
    """`said` as every reader at the topic question reads it: a recogniser's slip put right (`misheard`), what was
    mailed about a card a notice (`mailed_about`), of a card and a notice only the one that never came
    (`never_came`), a person taken to an appointment accompanied (`taken_there`)."""
    return taken_there(never_came(mailed_about(misheard(said, language), language), language), language)


Situation = Callable[[str, str, "str | None"], bool]
_CARD_MISSED = {
    "en": re.compile(r"\bstill (?:no|haven t gotten|have not gotten|haven t received|have not received|don t have|do not "
                     r"have) (?:my |the |his |her |a |our )?(?:green card|card|work permit|permit card)\b"
                     r"|\b(?:green card|card|work permit)(?: itself)? (?:never|still hasn t|hasn t|has not|still has not) "
                     r"(?:came|come|arrived|showed up|made it|gotten here|turned up|got here|got to (?:us|me))\b"
                     r"|\b(?:everything|every other|all (?:my|the|of my) other)\b(?: \w+){0,10}? (?:except|but|other than) "
                     r"(?:for )?(?:my|the|our|his|her) (?:new |replacement |renewed )?(?:green card|card|work permit)\b"),
    "es": re.compile(r"\b(?:todavia|aun) no (?:me |le |nos )?(?:ha |han )?(?:llegado|llega|llego) (?:la |mi |su )?"
                     r"(?:tarjeta|mica|green card|residencia)\b"
                     r"|\b(?:tarjeta|mica)(?: \w+){0,3}? (?:nunca|no) (?:me |le |nos )?(?:llego|ha llegado)\b"),
}
"""A card said in so many words not to have come ("still no green card", "the card itself never made it", "todavía no
me llega la mica"), or everything else come but it ("every other piece of mail's been coming through fine except my
new green card": round 20), or never turned up ("our mail's been going to the next town over and the card never
turned up": round 24): the card not received, over a fee paid or a status told as its context (round 15), or a
move told as its context (`moved_home`, round 20)."""
_CARD_OVER = frozenset({None, FEES_SCRIPT, STATUS_SCRIPT})


def card_missed(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller says a card never came (`_CARD_MISSED`), or that it was mailed or to be and nothing came
    (`_CARD_MAILED`, `_NOTHING_CAME`: "they mailed my work permit and the front desk says nothing ever came for me",
    "la tarjeta de trabajo me la iban a mandar a la iglesia ... nunca llegó nada": round 22), no notice named beside
    it (`never_came` reads the two) nor a hurry asked (two questions: neither is read), and what was read so far is
    nothing, a fee or a status (`_CARD_OVER`).  What to bring to the biometrics asked in so many words
    (`bring_asked`) makes the card missing its context: the identity the caller lacks ("my passport is at the embassy
    and my green card hasn't come yet, what else can i bring to the fingerprint appointment": round 22)."""
    if choice not in _CARD_OVER:
        return False
    missed = _CARD_MISSED[language].search(said) is not None or \
        _CARD_MAILED[language].search(said) is not None and _NOTHING_CAME[language].search(said) is not None
    return missed and _THINGS[language][1][1].search(said) is None and \
        _HURRY_ASKED[language].search(said) is None and not bring_asked(said, language)


_ADDRESS_NAMED = {
    "en": re.compile(r"\b(?:my|the|a|our|his|her) (?:change of address|address change)\b"
                     r"|\bchang(?:e|ing) (?:my |our |the )?address\b"),
    "es": re.compile(r"\b(?:el|mi|un|su) cambio de (?:direccion|domicilio)\b"
                     r"|\bcambiar (?:mi |la |su |nuestra )?(?:direccion|domicilio)\b"),
}
"""The change of address named as what the caller is doing ("i'm doing my change of address online and it keeps
asking for a number", "estoy haciendo el cambio de dirección"): the change of address, over a status its receipt
number brings to mind (round 15)."""
_ADDRESS_OVER = frozenset({None, STATUS_SCRIPT})


def address_named(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller names the change of address they are making (`_ADDRESS_NAMED`) and what was read so far is
    nothing or a status (`_ADDRESS_OVER`)."""
    return choice in _ADDRESS_OVER and _ADDRESS_NAMED[language].search(said) is not None


_DURATION_ASKED = {
    "en": re.compile(r"\bhow long (?:does|do|will|is|are|would) (?P<what>(?:\w+ ){0,8}?)(?:take|taking|run|running)\b"
                     r"|\bhow many (?:more )?(?:days|weeks|months|years) (?:till|until|before) (?:it|they|mine|my|his|her)\b"
                     r"|\bhow many (?:days|weeks|months|years) (?:do|does|will|would|should) (?P<which>(?:\w+ ){0,3}?)"
                     r"(?:normally |usually |typically |generally )?take\b"
                     r"|\b(?:it s been|its been|it has been) (?:about |almost |over |like |nearly |more than )?"
                     r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+) "
                     r"(?:days?|weeks?|months?|years?)\b(?: \w+){0,3}? (?:is that|is this|is it) "
                     r"(?:typical|normal|usual|standard)\b"),
    # not "cuánto tiempo se tarda": as often a hearing's length; a wait told and asked normal (round 24)
    "es": re.compile(r"\b(?:ya )?(?:lleva|llevo|llevamos|lleva ya|van|va para) (?:casi |mas de |como )?(?:un|una|dos|tres|"
                     r"cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|\d+) (?:dias?|semanas?|mes|meses|anos?)\b"
                     r"(?: \w+){0,3}? (?:es normal|eso es normal|es lo normal|es tipico|es lo tipico)\b(?P<what>)"),
}
"""How long a kind of case takes, asked in so many words ("how long does the i ninety take to come back", "how many more
weeks till it usually gets approved"): processing times, over a card or a status its words name (round 17); not how
long an appointment or interview itself lasts (`_APPOINTMENT_WORDS` in what takes).  How many months a kind takes
("how many months do those normally take"), a wait told and asked typical ("it's been about a year is that typical
for that form", "ya lleva un año, ¿es normal?"; round 24)."""
_DURATION_OVER = frozenset({None, CARD_SCRIPT, STATUS_SCRIPT, FEES_SCRIPT, TIMES_SCRIPT})


def duration_asked(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller asks how long a case takes (`_DURATION_ASKED`), what takes naming no appointment, and what
    was read so far is nothing, a card, a status, a form or the processing times themselves (`_DURATION_OVER`: no line
    reads it as another script), no fee asked about (`_PAYING`)."""
    if choice not in _DURATION_OVER or choice == FEES_SCRIPT and _PAYING[language].search(said) is not None:
        return False
    found = _DURATION_ASKED[language].search(said)
    if found is None:
        return False
    taken = found.groupdict()
    return _APPOINTMENT_WORDS[language].isdisjoint(f"{taken.get('what') or ''} {taken.get('which') or ''}".split())


ACCOMMODATIONS_SCRIPT = "accommodations"
_NEED_OVER = frozenset({None, CARD_SCRIPT, STATUS_SCRIPT})
_OCCASION_WORDS = {
    "en": frozenset("appointment appointments biometrics biometric fingerprints interview interviews oath ceremony"
                    .split()),
    "es": frozenset("cita citas biometricos huellas entrevista entrevistas juramento ceremonia".split()),
}
"""Our appointments, at which a need is met (`need_at_appointment`)."""


_NOT_A_NEED = {
    "en": re.compile(r"\b(?:wait|move|moved|reschedule|rescheduled|postpone|push it|push back|switch|another day|"
                     r"different day|other day|later date|another date|different date|till|until)\b"
                     r"|\b(?:english|spanish|my language|translate|translator|interpret for)\b"),
    "es": re.compile(r"\b(?:cambiar|cambien|mover|muevan|pasar|pasen|posponer|pospongan|reprogramar|otro dia|otra fecha|"
                     r"hasta que)\b|\b(?:ingles|espanol|mi idioma|traducir|traductor)\b"
                     r"|\b(?:lo|la|me|nos|los|las) acompane\b"),
}
"""What makes a need no accommodation asked at the appointment (`need_at_appointment`): the appointment moved or
waited for ("can my finger print appointment wait till the cast comes off": the biometrics moved), a language, not
a disability ("can my nephew interpret for me, my english isn't so good"), a person taken there (`taken_there`'s ride:
"no tiene quién lo acompañe")."""


_NEED_TOLD = {
    "en": re.compile(r"\b(?:little person|dwarfism|can t reach|cannot reach|too (?:high|tall) for (?:her|him|me|them|us)|"
                     r"short stature)\b"),
    "es": re.compile(r"\b(?:persona pequena|enanismo|no alcanza (?:el|los|la|las) (?:mostrador|mostradores|ventanilla|ventanillas)|"
                     r"muy alt[oa]s? para (?:ella|el|mi))\b"),
}
"""A need the concepts' `#accommodation` does not name, told by the body ("my mom's a little person and the counters
are way too high for her", "no alcanza el mostrador"; "no me alcanza" alone is money short): a need at the appointment all the same (round 24)."""


def need_at_appointment(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller tells a need (`#accommodation`: a feeding tube, Down syndrome, a wheelchair) at one of our
    appointments or interviews (`_OCCASION_WORDS`), and what was read so far is nothing, a card or a status its words
    name (`_NEED_OVER`: "his green card interview" is the occasion, no card missing): the accommodations (DOMAIN.md
    §4: disability accommodations at an appointment, scripts/accommodations; round 20).  A thing said not to have
    come is its own question, and an appointment moved, a language or a ride no need (`_NOT_A_NEED`).  A need told by
    the body (`_NEED_TOLD`: a little person, counters too high) is one too (round 24)."""
    if choice not in _NEED_OVER or _OCCASION_WORDS[language].isdisjoint(said.split()) or \
            _NOT_A_NEED[language].search(said) is not None:
        return False
    named = concepts(said, language)
    told = "#accommodation" in named or _NEED_TOLD[language].search(said) is not None
    return told and "#not_arrived" not in named


_OTHER_DAY = {
    "en": re.compile(r"\b(?:can|could|may) (?:i|we|she|he|they|my \w+) (?:get|go|go in|come in|have|do|switch to|pick|"
                     r"choose|do it) (?:on )?(?:a|another|some other|a different|the other) (?:weekday|week day|day|date)\b"
                     r"|\b(?:can|could|may) (?:i|we|you) (?:move|switch|change|put) (?:mine|hers|his|it|my \w+)(?: \w+)? "
                     r"(?:to|over to) (?:the same day|(?:a |the )?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
                     r"sunday))\b"),
    "es": re.compile(r"\b(?:puedo|podemos|se puede|me pueden|me la pueden) (?:ir|pedir|cambiar|pasar|dar|tener)\b"
                     r"(?: \w+){0,3}? (?:otro dia|otra fecha|entre semana|(?:al|para el|el) (?:lunes|martes|miercoles|"
                     r"jueves|viernes|sabado|domingo))\b"),
}
_BIOMETRICS_NAMED = {
    "en": re.compile(r"\b(?:bio ?metrics?|finger ?prints?|prints)\b"),
    "es": re.compile(r"\b(?:huellas|bio ?metricos|biometria)\b"),
}
_OTHER_OCCASION = {
    "en": re.compile(r"\b(?:interview|field office|local office|oath|ceremony|court|judge|ice)\b"),
    "es": re.compile(r"\b(?:entrevista|oficina local|juramento|ceremonia|corte|juez|ice)\b"),
}
"""Another of our occasions (or another agency's) named, whose day is theirs to move (`other_day_asked`)."""


def other_day_asked(said: str, language: str, choice: str | None) -> bool:
    """Whether the caller asks for another day for a biometrics appointment in so many words ("my bio metrics is on a
    saturday and i keep the sabbath, can i get a weekday instead", `_OTHER_DAY`; a day named, "se puede pasar la mía
    al jueves", "can i move mine to thursday": round 22), nothing else read and no other
    occasion named (`_OTHER_OCCASION`): the biometrics rescheduling (DOMAIN.md §4; seed 000, a biometrics appointment
    rescheduled; scripts/biometrics-reschedule; round 21)."""
    return choice is None and _OTHER_DAY[language].search(said) is not None and \
        _BIOMETRICS_NAMED[language].search(said) is not None and _OTHER_OCCASION[language].search(said) is None


SITUATIONS: tuple[tuple[Situation, str], ...] = (
    (moved_home, ADDRESS_SCRIPT),
    (past_posted_time, TIMES_SCRIPT),
    (hurry_asked, EXPEDITE_SCRIPT),
    (request_followed, FOLLOW_UP_SCRIPT),
    (need_at_appointment, ACCOMMODATIONS_SCRIPT),
    (notice_promised, NOTICE_SCRIPT),
    (notice_missed, NOTICE_SCRIPT),
    (card_missed, CARD_SCRIPT),
    (duration_asked, TIMES_SCRIPT),
    (address_named, ADDRESS_SCRIPT),
    (premium_paid, PREMIUM_SCRIPT),
    (fees_meant, FEES_SCRIPT),
    (status_meant, STATUS_SCRIPT),
    (bring_meant, BRING_SCRIPT),
    (other_day_asked, RESCHEDULE_SCRIPT),
)
"""The situations and their scripts, in the order they are tried: the first that holds is read."""


def situation_read(said: str, language: str, choice: str | None) -> str | None:
    """The script of the first situation of `SITUATIONS` that holds for what the caller said, given the reading
    `choice` so far, or None."""
    return next((script for holds, script in SITUATIONS if holds(said, language, choice)), None)

