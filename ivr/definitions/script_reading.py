"""When Tier 1 reads a response script from the scripts' own model: the read/no-guess rule.

The scripts' model (`ivr.definitions.scripts.ScriptSet`, keywords over each script's label and phrases) scores every
script in force for what the caller said; this module owns what Tier 1 does with those scores, and how a caller's
recogniser writes a form's number before the model sees it (`spoken_forms`).

A script is read (`decide`) when the model is sure of it:

* it routes to it from `SCRIPT_ROUTE_AT`, or asks between two from `SCRIPT_TIE_AT` (the better is read);
* **a lone candidate**: the best scores from `LONE_AT`, every other script at least `LONE_MARGIN` below it, and
  `LONE_WORDS` of the caller's words are its own, one shared word not being enough ("i can't really afford the fee
  for my citizenship is there any way to get it waived": forms and fees alone); when the runner-up is of its kind
  and the caller named the best's own label word, not the runner-up's, the margin is from the third (`_apart`: a
  notice that never came, its card runner-up close; issue 16, round 6);
* **the named one of two**: two scripts of a kind (their labels share a word) from `NAMED_AT` lie within `CLOSE` of
  each other, and the caller said a word of one's label that the other's label lacks, and none the other way ("an
  approval notice ... never showed up": a notice, not a card), as a representative reads the script of the thing
  named;
* **a form by its number** (`ScriptSet.reading`, `form_read`): when nothing else is read and the scripts' model
  leads, no other script within `CLOSE`, to a script whose phrases alone name a form's number the caller said
  (`ivr.core.wording.FORM_NUMBER`, "ar11"), that script is read ("do i gotta fill out the a are eleven when i move":
  AR-11 is a change-of-address phrase only); a number several scripts name (the I-765: its fee, its wait) decides
  nothing, nor one whose script does not lead clearly ("did my husband's I-130 get approved": forms and fees 0.48,
  the case's status 0.37).  The scripts' phrases tie each number to its script: data, not code.  Before it, a form
  of USCIS's table (`ivr.rules.uscis_forms`) named with one kind of question (its verb: a status, how long, a cost)
  is read as that kind's script (`ScriptSet.reading`: "what stage is my n six hundred in" -> the case's status).
* **a script's own word, or the caller abroad** (`OWN`, issue 16 round 7): when nothing else is read and nothing
  marks another business, a script's own unmistakable word said alone (`ivr.rules.own_words`) decides it; else a
  country or city abroad said as where the caller is (`ABROAD`) reads the calls from abroad (`ABROAD_SCRIPT`), a
  move or retirement to it said as living there (`settled_abroad`, round 9).
* **what was mailed about a card** (`mailed_about`, issue 16 round 10): a letter, a notice or "something" mailed about
  a card is read as that notice by every reader at the topic question, the card itself mailed staying the card.
* **a relative's place abroad, a misheard card** (`theirs_abroad`, `misheard`, issue 16 round 11): a relative's country
  or city said as where they are ("my wife is stuck back in ...", "mi hijo se quedó en ...") is read as "there",
  before the scripts' model: only the caller abroad reads the calls from abroad; a recogniser's "green cart" is the
  green card, for every reader at the topic question.
* **the clauses of a long question** (`CLAUSE`, `clause_read`, issue 16 round 9): when nothing else is read, each run
  of `CLAUSE_WORDS` words is read as a whole question; the one script they read, if it is the whole's best too.

Otherwise nothing is read: Tier 1 does not guess between two of its scripts, nor read one on a shared word; nor does
it read a lone or named reading when the caller names another business or errand (`elsewhere`: "what time does the
bank open on saturday" has our hours for its lone candidate), a place named as where the caller is or sends from
being none ("by fax from the library"); nor any reading when the question's object is another agency's document
(`another_agencys`: "how much is the fee to renew my driver's license").  Before the model sees the words, a
language the caller says someone speaks, any the CLDR names, becomes "my language" (`languages_named`).

The numbers were set on tests/understanding/topics.yaml (the development corpus with its out-of-scope questions:
332 questions at round 4, t3 spent among them), by sweeping them with the rule on and off: the loosest values that
read no question the rule-off reading had not got confidently wrong.  `LONE_MARGIN`: 0.18 reads "which form do i use
to replace a green card that got stolen" as a card not received, 0.232 "my dad has dementia ... can i come with him
to the interview" as a notice ("come" is read "receive"); 0.25 is the next round value above them.  `LONE_AT` and
`NAMED_AT` are the model's own `ASK_AT` and `ROUTE_AT`: lower values read nothing more.  See docs/understanding-log.md,
round 4.  Pure computation; no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from typing import TYPE_CHECKING

from ivr.core.concepts import about_ours, concepts
from ivr.core.territories import COUNTRY
from ivr.core.lexicon import ELSEWHERE, SHADOWED
from ivr.core.understanding import CLOSE, ELSEWHERE_CONCEPTS, Understanding, thresholds_outcome
from ivr.core.wording import FORM_NUMBER, content, tokens

if TYPE_CHECKING:
    from ivr.definitions.scripts import Script

__all__ = [
    "LONE_AT",
    "LONE_MARGIN",
    "LONE_WORDS",
    "NAMED_AT",
    "SCRIPT_ROUTE_AT",
    "SCRIPT_TIE_AT",
    "ABROAD",
    "ABROAD_SCRIPT",
    "NOT_OURS",
    "businesses_named",
    "errand_elsewhere",
    "FORM",
    "CLAUSE",
    "CLAUSE_STEP",
    "CLAUSE_WORDS",
    "clause_read",
    "OWN",
    "LONE",
    "NAMED",
    "another_agencys",
    "languages_named",
    "decide",
    "elsewhere",
    "form_read",
    "forms_named",
    "joined_splits",
    "settled_abroad",
    "ours_named",
    "misheard",
    "theirs_abroad",
    "spoken_forms",
]

SCRIPT_ROUTE_AT = 0.66
"""A script is read for what the caller said from this score (scripts have few phrases: one shared word is not
enough)."""
SCRIPT_TIE_AT = 0.75
"""Two scripts both this close: the better (or first by id) is read; Tier 1 asks no clarifying question."""
LONE_AT = 0.45
"""A lone candidate is read from this score when every other script lies `LONE_MARGIN` or more below it."""
LONE_MARGIN = 0.25
"""How far below the best every other script must lie for the best to be a lone candidate."""
LONE_WORDS = 2
"""How many of the caller's words a lone candidate's label and phrases must know."""
NAMED_AT = 0.5
"""Two close scripts from this score: the one whose label's own word the caller said is read."""
LONE, NAMED, FORM, OWN, CLAUSE, SITUATION = "lone", "named", "form", "own", "clause", "situation"
NOT_OURS = "not_ours"
"""How a question no script answers was decided (`Understanding.by` of a reading not understood): another agency's
document or another business's errand (`another_agencys`, `errand_elsewhere`): no reader at the topic question reads
a script for it, the line's neither."""
"""How a reading that no sure route made was decided (`Understanding.by`): a lone candidate, the named one of two, a
form's number that one script's phrases name, a script's own word (`ivr.rules.own_words`) or the caller abroad, the
clauses of a long question (`clause_read`), or a situation whose script is plain (`ivr.definitions.topic_situations`)."""
CLAUSE_WORDS = 10
"""How many consecutive words one clause of a long question holds (`clause_read`): set on topics.yaml and t7 (6, 8,
10, 12 tried; 10 read most with no confident wrong more than without clauses; issue 16, round 9)."""
CLAUSE_STEP = 2
"""How many words one clause starts after the one before."""
ABROAD = COUNTRY
"""The token `ivr.core.wording.tokens` makes of a country or city abroad said as where the caller is ("i live in
Toronto now", "ahora vivo en Guatemala"; not where a relative is, nor a birthplace or a document's country): any of
the world's (CLDR's country names, GeoNames's cities), as the main menu and the country submenu read them."""
ABROAD_SCRIPT = "outside-us"
"""The script read for a caller abroad when nothing else is read (issue 16, round 7)."""


def decide(
    ranked: tuple[tuple[str, float], ...],
    words: tuple[str, ...],
    labels: Mapping[str, frozenset[str]],
    said: frozenset[str],
    vocabulary: Mapping[str, frozenset[str]] | None = None,
) -> Understanding:
    """The scripts' reading of one utterance from their model's `ranked` scores (best first) and `words`: a route to
    the script read (its id the choice), else not understood; `labels` are each script's label words, `vocabulary`
    the words of its label and phrases, and `said` the caller's, all as `ivr.core.wording.content` gives them.  A
    lone candidate needs `LONE_WORDS` of the caller's words in its vocabulary: one shared word is not enough ("qué
    tiempo hace" is no processing time)."""
    alternatives = ranked[:3]
    if not ranked:
        return Understanding("not_understood", None, 0.0, (), words)
    best, top = ranked[0]
    second, runner = ranked[1] if len(ranked) > 1 else ("", 0.0)
    outcome = thresholds_outcome(top, runner)
    chosen: str | None = None
    by = "keywords"
    if (outcome == "route" and top >= SCRIPT_ROUTE_AT) or (outcome == "ask" and top >= SCRIPT_TIE_AT):
        chosen = best
    elif top >= LONE_AT and top - _apart(ranked, labels, said) >= LONE_MARGIN and \
            len(said & (vocabulary or {}).get(best, frozenset())) >= LONE_WORDS:
        chosen, by = best, LONE
    elif runner >= NAMED_AT and top - runner < CLOSE:
        chosen, by = named_of_two(best, second, labels, said), NAMED
    if chosen is None:
        return Understanding("not_understood", None, top, alternatives, words)
    score = dict(ranked)[chosen]
    return Understanding("route", chosen, score, alternatives, words, by)


_SETTLED = {
    "en": re.compile(r"\b(?:retired|moved|relocated|settled|emigrated|retire|move|relocate|settle)"
                     r"(?: down| over| back| out| away)? (?:to|in) "),
    "es": re.compile(r"\b(?:nos|me) (?:mudamos|mude|jubilamos|jubile|retiramos|retire|fuimos|fui|establecimos|"
                     r"estableci|radicamos|radique) (?:a vivir )?(?:a|en|para) "),
}
"""A caller who says they settled in a country: retired, moved or relocated to it, "nos mudamos a", "me jubilé en"
(issue 16, round 9: "we retired to costa rica ... can i ask it from down here")."""
_LIVES_IN = {"en": "live in ", "nos": "vivimos en ", "me": "vivo en "}


def settled_abroad(said: str, language: str) -> str:
    """`said` (normalised words) with a move or retirement to a place said as living there ("we retired to costa
    rica" -> "we live in costa rica", "nos mudamos a colombia" -> "vivimos en colombia"), so that
    `ivr.core.wording.tokens` reads a country or city abroad as where the caller is (`ABROAD`) as it reads "i live
    in ...": someone else's move stays someone else's, as there."""
    return _SETTLED[language].sub(
        lambda match: _LIVES_IN[match.group(0).split()[0] if language == "es" else "en"], said
    )


def clause_read(said: str, language: str, read: Callable[[str, str], str | None]) -> str | None:
    """The one script the clauses of a long question read, if they read one (issue 16, round 9).

    The scripts' model scores a script by how much of what was said its phrase explains, so a plain request inside
    a story ("... if my cook's work permit doesn't come through soon i'm gonna have to close down is there a way to
    speed it up") scores below the route threshold: the story's words dilute it.  Each run of `CLAUSE_WORDS`
    consecutive words (every `CLAUSE_STEP`) is read as the model reads a whole question, `read` giving the script a
    sure route reads for it or None; when the clauses that read a script all read the same one, it is returned.
    Two clauses that read two scripts (context that names another script) read none: Tier 1 does not guess.  The
    caller (`ScriptSet.reading`) keeps it only when the whole question's best score is that script's too."""
    words = said.split()
    if len(words) <= CLAUSE_WORDS:
        return None
    found: set[str] = set()
    for start in range(0, len(words) - CLAUSE_WORDS + CLAUSE_STEP, CLAUSE_STEP):
        chosen = read(" ".join(words[start:start + CLAUSE_WORDS]), language)
        if chosen is not None:
            found.add(chosen)
            if len(found) > 1:
                return None  # two scripts read: none, whatever the rest read
    return next(iter(found)) if found else None


def _apart(ranked: tuple[tuple[str, float], ...], labels: Mapping[str, frozenset[str]], said: frozenset[str]) -> float:
    """The score a lone candidate must lead by `LONE_MARGIN`: the runner-up's, or, when the runner-up is of the
    best's kind and the caller named the best's own label word and not the runner-up's (`named_of_two`: "a notice
    ... never came", a notice against a card), the third's (issue 16, round 6)."""
    if len(ranked) < 2:
        return 0.0
    if named_of_two(ranked[0][0], ranked[1][0], labels, said) == ranked[0][0]:
        return ranked[2][1] if len(ranked) > 2 else 0.0
    return ranked[1][1]


_SENT_FROM = {
    "en": re.compile(r"\b(?:from|at) (?:the |my |a |our |his |her |their |)(?:public |local |county |city )?\w+(?: s)?"
                     r"(?: office)?\b"
                     r"|\b(?:my |the |our |his |her )?\w+(?: s)? office (?=(?:fax|faxes|send|sends|mail|email)\b)"),
    "es": re.compile(r"\b(?:desde|en) (?:la |el |mi |una |un |nuestra |nuestro |su )?\w+\b"
                     r"(?: de(?:l| la| mi)? \w+)?"),
}
"""Where the caller is or sends from ("by fax from the library", "i'm at the public library", "por fax desde la
farmacia", "my doctor's office faxes it over"): a place named so is no business of the question's, whose object
decides (issue 16, round 5; a public or local place, round 12)."""

_OTHER_AGENCY_DOCUMENT = {
    "en": re.compile(r"\bdrivers? licen[sc]es?\b|\bdriver s licen[sc]es?\b|\blicen[sc]e plates?\b"
                     r"|\bsocial security cards?\b|\bbirth certificates?\b|\bmarriage licen[sc]es?\b"
                     r"|\b(?:report|library|gift|insurance|medicaid|medicare|bank|ebt|membership|birthday|voter) cards?\b"
                     r"|\b(?:road|driving|driver s|drivers) tests?\b"
                     r"|\b(?:u s|us|american|united states) passports?\b|\bpassport cards?\b"
                     r"|\bstimulus (?:checks?|payments?|money)\b|\btax refunds?\b"
                     r"|\b(?:social security|unemployment|disability|ssi|child support) (?:checks?|payments?|benefits?)\b"),
    "es": re.compile(r"\blicencias? (?:de manejar|de conducir|para manejar|para conducir)\b|\bplacas? del? carro\b"
                     r"|\btarjetas? del? seguro social\b|\bactas? de nacimiento\b|\blicencias? de matrimonio\b"
                     r"|\bpasaportes? (?:americanos?|estadounidenses?|de (?:los )?estados unidos)\b"
                     r"|\bcheques? (?:de|del) (?:estimulo|seguro social|desempleo|incapacidad)\b"
                     r"|\breembolsos? de (?:los )?impuestos\b"),
}
"""Another agency's document (a state's driver's licence, its plates; a Social Security card, a county's birth
certificate or marriage licence: round 15), or another institution's card (a school's report card, a bank's, an
insurer's: round 16), a state's road test (round 18), a U.S. passport (the State Department's, round 20), a
stimulus check, a tax refund, a Social Security or unemployment check (the IRS's, the SSA's, a state's: round 21,
"my stimulus check never came" is no card of ours not received): a
question whose object it is (its fee, its renewal, a copy, one that never came) is theirs, which no script of ours
answers, though "fee", "renew", "lost" and "never came" are our scripts' words."""
_AS_EVIDENCE = {
    "en": re.compile(r"\b(?:application|case|fax|faxes|faxed|faxing|translation|translated|evidence)\b"),
    "es": re.compile(r"\b(?:solicitud|caso|fax|traduccion|traducida|evidencia)\b"),
}
"""Another agency's document sent with an application, for a case, by fax, translated, as evidence: evidence for our
case ("do i fax the translation of my birth certificate"), ours to answer (`another_agencys`), though a question
naming these alone is not ours whatever business it names ("can you fax my prescription to the pharmacy")."""

_OUR_OCCASIONS = {
    "en": frozenset("fingerprint fingerprints biometrics biometric appointment interview id identification".split()),
    "es": frozenset("huellas biometría biometria biométricos biometricos cita entrevista identificación "
                    "identificacion".split()),
}
"""Where another agency's document is ours to ask about: shown as identity at our appointment or interview ("will they
accept my driver's license at the fingerprint appointment")."""


_NATION_EN = (r"(?:mexican|guatemalan|salvadoran|salvadorean|honduran|nicaraguan|costa rican|panamanian|colombian|"
              r"venezuelan|peruvian|ecuadorian|bolivian|chilean|argentinian|argentine|brazilian|dominican|cuban|haitian|"
              r"jamaican|indian|pakistani|bangladeshi|nigerian|ghanaian|kenyan|ethiopian|filipino|philippine|chinese|"
              r"vietnamese|korean|japanese|polish|ukrainian|russian|canadian|british|irish|italian|spanish|german|french)")
_NATION_ES = (r"(?:mexicano|guatemalteco|salvadoreno|hondureno|nicaraguense|costarricense|panameno|colombiano|venezolano|"
              r"peruano|ecuatoriano|boliviano|chileno|argentino|brasileno|dominicano|cubano|haitiano)")
_CONSULATE = {
    "en": re.compile(rf"\b{_NATION_EN} (?:consulate|embassy)\b|\bconsulate of (?!the united states\b|the u s\b|the us\b)\w+"
                     r"|\bmatricula\b"),
    "es": re.compile(rf"\bconsulado (?:{_NATION_ES}|de (?!estados unidos\b|los estados unidos\b|eeuu\b|ee uu\b)\w+)\b"
                     r"|\bmatricula consular\b"),
}
"""Another nation's consulate or embassy (not the United States'), or its matrícula consular ("an appointment at the
mexican consulate for my matricula card", "el consulado de guatemala"): that nation's errand, when none of our
matters is named beside it (`ours_named`; round 24)."""
_CONSULATE_SAID = {"en": ("consulate", "embassy", "matricula"), "es": ("consulado", "matricula")}
"""The words `_CONSULATE` needs, as a substring test first."""
_ERRAND_ELSEWHERE = {
    "en": re.compile(
        r"\b(?:send|sending|wire|wiring|mail|mailing) (?:some )?money (?:to|for) (?:my|our|his|her|their|a|the)\b"
        r"|\bappointment with (?:the|my|his|her|our|their) (?:doctor|dentist|eye doctor|pediatrician)\b"
        r"|\b(?:buy|get|order|purchase) (?:\w+ )?tickets? (?:to|for)\b"
        r"|\btolls?\b(?! free)|\bturnpike\b|\be ?z ?pass\b"
        r"|\b(?:parking|speeding|traffic|red light) (?:tickets?|fines?|citations?)\b"
        r"|\bregist(?:er|ering|ered) to vote\b|\bvoter registration\b|\bsign(?:ing)? up to vote\b"
        r"|\b(?:small claims|traffic|family|divorce|municipal|housing|eviction|bankruptcy|probate|custody|landlord tenant) "
        r"(?:court|courts|judge)\b|\bsmall claims\b"
    ),
    "es": re.compile(
        r"\b(?:mandar|enviar|mando|envio|mandarle|enviarle) (?:un poco de )?(?:dinero|plata|una remesa) "
        r"(?:a|para) (?:mi|mis|su|sus|nuestra|nuestro|la|el|los|las)\b"
        r"|\bcita (?:\w+ ){0,3}?con (?:el|la|su|mi) (?:doctor|doctora|dentista|medico|medica|pediatra)\b"
        r"|\b(?:comprar|conseguir|sacar) (?:\w+ )?(?:boletos?|entradas?) (?:para|del?)\b"
        r"|\bpeajes?\b|\bcasetas? de cobro\b|\bmultas? (?:de|por) (?:transito|trafico|estacionamiento|exceso de velocidad)\b"
        r"|\b(?:registrarme|registrarse|registrarnos|me registro|inscribirme|inscribirse|me inscribo) (?:para|a) votar\b"
        r"|\bregistro de votantes\b"
        r"|\b(?:corte|tribunal|juzgado) (?:de reclamos menores|de menores cuantias|familiar|de familia|de transito|"
        r"de divorcio|de desalojo)\b"
    ),
}
"""Another business's errand in so many words: money sent to family ("quiero mandar dinero a mi mamá en honduras
cuánto cobran por el envío": a remittance's fee, no fee of ours; "abroad" is where the money goes), an appointment
with a doctor ("quiero cambiar la cita de mi esposo con el doctor": no biometrics moved), tickets to buy for an
event ("where do i buy tickets for the county fair": round 20), a toll or a traffic ticket disputed ("i got charged a
toll on the turnpike", "una multa de tránsito": a state's or a toll road's, no appointment of ours moved; "toll free"
is our number: round 21), registering to vote (an election office's: "i just became a citizen and i wanna register
to vote") or another court's case ("served papers for small claims court", "corte familiar": round 23; the
immigration court is ours, `ivr.rules.own_words`); another nation's consulate is `_CONSULATE` (round 24).  Our appointments named
beside it (`_OURS_NAMED`) make it context ("my appointment with the doctor is the day of my biometrics").  Issue
16, round 12."""


_OURS_NAMED = {
    "en": frozenset("fingerprint fingerprints prints biometrics biometric interview uscis immigration oath".split()),
    "es": frozenset("huellas biometria biometricos entrevista uscis inmigracion juramento".split()),
}
"""Our appointments or ourselves named, beside another business's errand: the errand is then context."""


def errand_elsewhere(said: str, language: str) -> bool:
    """Whether the question is another business's errand (`_ERRAND_ELSEWHERE`) with none of our occasions named, or
    another nation's consulate's (`_CONSULATE`) with none of our matters named: no script answers it."""
    if _ERRAND_ELSEWHERE[language].search(said) is not None and _OURS_NAMED[language].isdisjoint(said.split()):
        return True
    return any(word in said for word in _CONSULATE_SAID[language]) and \
        _CONSULATE[language].search(said) is not None and not ours_named(said, language)


_OUR_MATTERS = {
    "en": re.compile(r"\b(?:fingerprints?|prints|biometrics?|re entry permit|reentry permit|travel document|advance parole|"
                     r"asylum|tps|ead|e a d|employment authorization|"
                     r"daca|green card|work permit|uscis|immigration|citizenship|naturalization|petition|"
                     r"approval notice|receipt notice|interview|r f e|rfe|requests? for evidence|evidence letter)\b"),
    "es": re.compile(r"\b(?:huellas|biometricos|biometria|permiso de reingreso|permiso de viaje|advance parole|asilo|tps|"
                     r"daca|green card|residencia|mica|"
                     r"permiso de trabajo|tarjeta de trabajo|tarjeta verde|uscis|inmigracion|ciudadania|peticion|entrevista|"
                     r"r f e|rfe|"
                     r"(?:peticion|solicitud|pedido) de (?:mas )?evidencias?)\b"),
}
"""Our appointments, documents and cases named in so many words: a question naming one is ours, whatever business it
also names as its context ("i broke my hand playing basketball, can my fingerprint appointment wait"; `ours_named`),
a request for evidence among them ("my r f e answer is due friday and the post office is closed monday, can i fax it":
the post office is how it goes, round 22), advance parole among them ("they play a tournament in spain but her
advance parole's still pending": the team is its context), and the work permit by its letters ("my e a d was picked
up by the postal service": the postal service is how it went; round 23)."""


def ours_named(said: str, language: str) -> bool:
    """Whether the caller names one of our appointments, documents or cases (`_OUR_MATTERS`), a petition filed for a
    relative (`_FILED_FOR`, round 23) or one of our forms by its number (`FORM_NUMBER`)."""
    return _OUR_MATTERS[language].search(said) is not None or _FILED_FOR[language].search(said) is not None or \
        any(map(FORM_NUMBER.fullmatch, tokens(said, language)))


def another_agencys(said: str, language: str) -> bool:
    """Whether the question's object is another agency's document (`_OTHER_AGENCY_DOCUMENT`: "how much is the fee to
    renew my driver's license") with none of our occasions for it named (`_OUR_OCCASIONS`): then no script is read,
    however sure the scripts' model is (issue 16, round 5)."""
    found = _OTHER_AGENCY_DOCUMENT[language].search(said)
    return found is not None and _OUR_OCCASIONS[language].isdisjoint(said.split()) and \
        _AS_EVIDENCE[language].search(said) is None and not ours_named(said, language)


def elsewhere(said: str, language: str) -> bool:
    """Whether the caller names another business or errand (`ivr.core.understanding.ELSEWHERE_CONCEPTS`, a word of
    `lexicon.ELSEWHERE`), not about their own case (`concepts.about_ours`): "what time does the bank open" is no
    question of our hours, though hours is its lone candidate.  A lone or named reading is not read then.  A place
    named as where the caller is or sends from (`_SENT_FROM`: "by fax from the library") is left out first: the
    question's object decides."""
    if about_ours(said, language):
        return False
    said = _SENT_FROM[language].sub(" ", said)
    if not ELSEWHERE_CONCEPTS.isdisjoint(concepts(said, language)):
        return True
    words = ELSEWHERE.get(language, frozenset())
    shadowed = SHADOWED.get(language, frozenset())
    return any(word in words and word not in shadowed for word in said.split())


def businesses_named(said: str, language: str) -> frozenset[str]:
    """The words of `lexicon.ELSEWHERE` the caller names as the question's object (a place where the caller is or
    sends from left out, `_SENT_FROM`), as `ivr.core.wording.content` gives them; none when the question is about the
    caller's own case (`concepts.about_ours`).  A script read only by its model's keywords whose label and phrases
    never name one of them is not read (`ScriptSet.reading`: "what time does the dmv open" is no question of our
    hours, "my mom's medicare card never came" no notice of ours; issue 16, round 12)."""
    if about_ours(said, language):
        return frozenset()
    words = ELSEWHERE.get(language, frozenset())
    shadowed = SHADOWED.get(language, frozenset())
    named = [word for word in _SENT_FROM[language].sub(" ", said).split() if word in words and word not in shadowed]
    return frozenset(content(" ".join(named), language)) if named else frozenset()


_MAILED_ABOUT = {
    "en": re.compile(
        r"\b(?:something|a letter|letter|a notice|notice|papers?|mail)\b(?: [a-z']+){0,5}? "
        r"(?:about|regarding|for) (?:my |his |her |our |their |the )?((?:green |new |renewed )?card)\b"
    ),
    "es": re.compile(
        r"\b(?:recibo|carta|aviso|papel)\b(?: de| del| sobre)(?: la| el| mi| su)? (?:renovaci[oó]n |reemplazo )?"
        r"(?:de |del )?(?:la |el |mi |su )?((?:tarjeta|mica)(?: de residencia)?)\b"
    ),
}
"""A letter, a notice or something mailed about a card (issue 16, round 10): what was mailed is a notice."""
_NOTICE_WORD = {"en": "notice", "es": "aviso"}


_MISHEARD: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "en": (
        (re.compile(r"\bgreen cart(s?)\b"), r"green card\1"),
        (re.compile(r"\beyes (?=check ?ins?\b|check in\b|officers?\b)"), "ice "),
    ),
}
"""What the recogniser mishears of a thing's name (issue 16, round 11): "green cart" is a green card; "eyes" before a
check-in or an officer is ICE ("my eyes check ins every month": round 21)."""


def misheard(said: str, language: str) -> str:
    """`said` with a recogniser's slip on a thing's name put right ("my green cart never came" -> "my green card never
    came", "my eyes check ins" -> "my ice check ins"), for every reader at the topic question: a cart is never what a
    caller asks USCIS about, nor are eyes checked in."""
    for slip, right in _MISHEARD.get(language, ()):
        said = slip.sub(right, said)
    return said


_RELATIVE = {
    "en": r"(?:wife|husband|spouse|son|daughter|stepson|stepdaughter|kids?|children|child|mom|mother|dad|father|"
          r"parents?|brother|sister|grandma|grandmother|grandpa|grandfather|aunt|uncle|cousin|fiance|fiancee|"
          r"nephew|niece|family|boyfriend|girlfriend|baby)",
    "es": r"(?:esposa|esposo|hijo|hija|hijos|hijas|hijastro|hijastra|mam[aá]|madre|pap[aá]|padre|padres|hermano|"
          r"hermana|abuela|abuelo|abuelos|t[ií]a|t[ií]o|primo|prima|sobrino|sobrina|familia|novio|novia|prometido|"
          r"prometida|beb[eé])",
}
_FILED_FOR = {
    "en": re.compile(rf"\b(?:file|filed|filing|apply|applied|applying|petition|petitioned|petitioning|sponsor|sponsored|"
                     rf"sponsoring) (?:for )?(?:my|our|his|her) (?:\w+ )?{_RELATIVE['en']}\b"),
    "es": re.compile(rf"\b(?:pedir|pedi|pedimos|meter|meterle|meti|arreglar|arreglarle|arregle|patrocinar|"
                     rf"aplicar|aplique) (?:a |por |para )?(?:mi|mis|nuestro|nuestra|su|sus) {_RELATIVE['es']}\b"),
}
"""A petition for a relative, said as filed or asked for them ("how much is it to file for my fiance", "quiero pedir
a mi mamá"): one of our cases (`ours_named`), whatever business its other words mark ("pay it in monthly
installments"; round 23)."""
_INSTITUTION = {
    "en": r"(?:hospital|clinic|consulate|embassy)",
    "es": r"(?:hospital|clinica|consulado|embajada)",
}
"""A place where something is done for someone (a treatment, an interview), not where the caller lives
(`_THEIRS_ABROAD`: "a clinical trial ... only at a hospital in ...", "my wife's interview at the consulate in ...";
round 20)."""
_EVENT = {
    "en": r"(?:tournament|wedding|funeral|conference|competition|championship|game|match|meet|camp|concert|festival)",
    "es": r"(?:torneo|boda|funeral|velorio|conferencia|competencia|campeonato|partido|concierto|festival)",
}
"""An event held in a place ("they play a tournament in spain next month", "la boda de mi sobrina en guatemala"): where
it is held, not where the caller lives (`_THEIRS_ABROAD`, round 23)."""
_THEIRS_ABROAD = {
    "en": re.compile(
        rf"(?:\b(?:my|our|his|her|their|a) (?:[\w']+ )?{_RELATIVE['en']}(?:'s| s)?"
        r"(?: (?!i\b|i'm\b|we're\b|we (?:are|both|all)\b|me\b|us\b)[\w']+){0,8}? "
        r"(?:is|are|'s|s|who's|whos|who is|who are|still|stuck|stranded|back|living|staying|lives|live)"
        r"(?: still| stuck| stranded| back| over| there| living| staying)*"
        rf"|\b(?:my|our|his|her|their) (?:[\w']+ )?{_RELATIVE['en']}"
        rf"|\b(?:a|an|the) (?:[\w']+ )?(?:{_INSTITUTION['en']}|{_EVENT['en']})"
        r"|\b(?:served|wounded|injured|fought)) (in) "
    ),
    "es": re.compile(
        rf"(?:\b(?:mi|mis|su|sus|nuestro|nuestra|nuestros|nuestras) {_RELATIVE['es']}"
        r"(?: (?!yo\b|nosotros\b|estoy\b|estamos\b)\w+){0,8}? "
        r"(?:est[aá]|est[aá]n|sigue|siguen|se qued[oó]|se quedaron|vive|viven|anda|andan|qued[oó]|operar|operaron|"
        r"operan|internad[oa]|hospitalizad[oa])"
        r"(?: todav[ií]a| a[uú]n| atrapad[oa]s?| varad[oa]s?| all[aá]| del? \w+)*"
        rf"|\b(?:mi|mis|su|sus|nuestro|nuestra|nuestros|nuestras) {_RELATIVE['es']}"
        rf"|\b(?:el|la|un|una) (?:{_INSTITUTION['es']}|{_EVENT['es']})"
        r"|\b(?:serv[ií]|sirvi[oó]|herid[oa]s?)) (en) "
    ),
}
"""Someone of the caller's family said to be in a place ("my wife is stuck back in ...", "her son who's still in
...", "mi esposo se quedó en ...", "mi hija está en ..."; issue 16, round 11), or said with it ("my married daughter
in ...", "a petition for my sister in ...", "mi hermana en ..."), or operated on there ("a mi esposa la van a operar
del corazón en ..."); or a hospital, clinic, consulate or embassy in a place (round 20), or an event held there
(`_EVENT`: "a tournament in spain", round 23), or where a service member served, fought or was wounded ("i got
wounded in afghanistan and i'm at walter reed": round 23; one stationed there is there): someone's place, or where a
thing is done or was, not where the caller lives."""
_THERE = {"en": "there", "es": "allá"}
_PLACE_WORDS = 4
"""The most words of a place name read after a relative's "in" / "en" ("the dominican republic")."""


def _place_after(rest: list[str], language: str) -> int:
    """How many of the words `rest` (after "in" / "en") name a country or city abroad, 0 when none does."""
    for length in range(min(_PLACE_WORDS, len(rest)), 0, -1):
        read = tokens(" ".join([_IN[language], *rest[:length]]), language)
        if read[-1] == COUNTRY and len(read) <= 3:
            return length
    return 0


_IN = {"en": "in", "es": "en"}


def theirs_abroad(said: str, language: str) -> str:
    """`said` with a relative's country or city abroad said as "there" ("my wife is stuck back in nigeria and ..."
    -> "my wife is stuck back there and ...", "mi esposo se quedó en guatemala" -> "mi esposo se quedó allá"), so
    that neither the scripts' model nor `ivr.core.wording.tokens` reads the caller abroad (`ABROAD`): the calls from
    abroad are for a caller who is abroad; someone else abroad is context of what they ask (their petition sped
    up, the form to bring them; issue 16, round 11).  The caller said there too ("my wife and i are in ...") and a
    relative's place at home ("my daughter's n six hundred is in review") are left as said."""
    pattern = _THEIRS_ABROAD.get(language)
    if pattern is None:
        return said
    out, at = [], 0
    for found in pattern.finditer(said):
        rest = said[found.end():].split()
        length = _place_after(rest, language)
        if length == 0:
            continue
        out.append(said[at:found.start(1)] + _THERE[language])
        after = said[found.end():]
        at = found.end() + len(after) - len(after.lstrip()) + len(" ".join(rest[:length]))  # the place's end
    return "".join(out) + said[at:] if out else said


def mailed_about(said: str, language: str) -> str:
    """`said` with a card named only as what a letter or notice was about read as that notice ("they mailed me
    something about my green card interview but nothing came": a notice that never came, not a card; "nunca llegó
    el recibo de la renovación de la mica": el recibo; issue 16, round 10), for the labels' words: the card itself
    not come ("my renewed card was mailed but never came") is left as said."""
    pattern = _MAILED_ABOUT.get(language)
    if pattern is None:
        return said
    return pattern.sub(lambda found: found.group(0)[: found.start(1) - found.start(0)] + _NOTICE_WORD[language], said)


def named_of_two(first: str, second: str, labels: Mapping[str, frozenset[str]], said: frozenset[str]) -> str | None:
    """Of two close scripts of a kind (their labels share a word), the one whose label has a word the caller said
    that the other's label lacks (and not both): "a notice you did not receive" against "a card you did not receive",
    the caller saying "notice"."""
    first_label, second_label = labels.get(first, frozenset()), labels.get(second, frozenset())
    if first_label.isdisjoint(second_label):  # not two of a kind: nothing said tells one thing from the other
        return None
    own_first, own_second = first_label - second_label, second_label - first_label
    first_named, second_named = bool(own_first & said), bool(own_second & said)
    if first_named and not second_named:
        return first
    if second_named and not first_named:
        return second
    return None


# --- forms named by number, as a recogniser writes them ------------------------------------------------------------

_LETTERS = {
    "en": (("a are", "ar"), ("ay are", "ar"), ("a r", "ar"), ("a our", "ar"), ("eye", "i"), ("i dash", "i"),
           ("n dash", "n"), ("ar dash", "ar")),
    "es": (("a erre", "ar"), ("a r", "ar"), ("ene", "n"), ("i guion", "i"), ("i latina", "i"), ("n guion", "n"),
           ("ar guion", "ar")),
}
"""How a recogniser writes a form's letters before its number (AR-11 "a are eleven", I-765 "eye seven sixty five",
N-400 "ene cuatrocientos"), and the letter `ivr.core.wording` joins to the number ("ar11", "i765", "n400")."""

_NUMBER_WORDS = {
    "en": "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
          "seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred",
    "es": "cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciseis "
          "diecisiete dieciocho diecinueve veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa cien "
          "ciento doscientos trescientos cuatrocientos quinientos seiscientos setecientos ochocientos novecientos",
}
"""The number words a form's number may start with, per language (folded, as `normalize` leaves them)."""


@cache
def _letters_pattern(language: str) -> re.Pattern[str]:
    letters = "|".join(re.escape(spoken) for spoken, _ in sorted(_LETTERS[language], key=lambda pair: -len(pair[0])))
    numbers = "|".join(_NUMBER_WORDS[language].split())
    return re.compile(rf"\b({letters}) (?=(?:[0-9]{{2,4}}|(?:{numbers}))\b)")


# --- languages named, from the CLDR's list (Babel) ---------------------------------------------------------------------

_SPEAKING = {
    "en": r"(?:speak|speaks|speaking|spoke|talks?)(?: only| just| in| mostly)?",
    "es": r"(?:habla|hablan|hable|hablen|hablar|hablo|hablamos)(?: solo| solamente| nada mas| en| puro)?",
}
"""The words before a language a caller says someone speaks ("people that speak korean", "mi mamá solo habla
vietnamita" as "habla vietnamita")."""
_OUR_LANGUAGES = frozenset({"en", "es"})
"""The line's own languages: "do you speak spanish" asks for the line's language, no other language's hours."""
_LANGUAGE_WORD = {"en": "my language", "es": "mi idioma"}
"""What a language the caller names becomes, as the live-assistance script's phrases say it ("someone who speaks my
language")."""


@cache
def _languages_pattern(language: str) -> re.Pattern[str]:
    """Every language name the CLDR gives in `language` (Babel), folded as `ivr.core.matching.normalize` leaves a
    caller's words, after a speaking word (`_SPEAKING`): compiled once per language."""
    from babel import Locale

    from ivr.core.matching import normalize

    names = {normalize(name) for code, name in Locale(language).languages.items()
             if code.split("_")[0] not in _OUR_LANGUAGES and normalize(name)}
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=lambda name: (-len(name), name)))
    return re.compile(rf"\b({_SPEAKING[language]}) (?:{alternatives})\b")


def languages_named(said: str, language: str) -> str:
    """`said` (normalised words) with any language a caller says someone speaks, from the CLDR's list, made "my
    language" ("mi idioma"): "do y'all have people that speak korean" -> "... speak my language", as the
    live-assistance script's phrases name the languages it answers for (issue 16, round 5: every language, not the
    few a corpus names).  English and Spanish, the line's own, are left as said."""
    return _languages_pattern(language).sub(lambda match: f"{match.group(1)} {_LANGUAGE_WORD[language]}", said)


def spoken_forms(said: str, language: str) -> str:
    """`said` (normalised words) with a form's letters as a recogniser writes them before its number made the form's
    letter: "do i fill out the a are eleven" -> "do i fill out the ar eleven" (read as "ar11")."""
    pairs = dict(_LETTERS[language])
    return _letters_pattern(language).sub(lambda match: f"{pairs[match.group(1)]} ", said)


# --- words a recogniser splits that the model cannot join ---------------------------------------------------------

_SPLITS = {
    "en": (*((f"{whose} a dress", f"{whose} address") for whose in ("my", "your", "our", "his", "her", "their", "the",
                                                                   "new", "old", "mailing", "home")),
           ("of a dress", "of address"), ("add dress", "address"), ("add dresses", "addresses"), ("ad dress", "address"), ("add ress", "address"),
           ("bio metrics", "biometrics"), ("bio metric", "biometric"),
           ("finger prints", "fingerprints"), ("finger print", "fingerprint"), ("finger printing", "fingerprinting"),
           ("feel office", "field office"), ("feel offices", "field offices"), ("d m v", "dmv")),
    "es": (("di reccion", "direccion"), ("direc cion", "direccion"), ("de reccion", "direccion"),
           ("di recion", "direccion"), ("bio metricos", "biometricos"), ("bio metrica", "biometrica"),
           ("bio metria", "biometria"), ("a celeren", "aceleren"), ("a celere", "acelere"), ("a celerar", "acelerar")),
}
"""A word the recogniser splits, as said, and the word meant (folded, as `normalize` leaves it; issue 16 round 8):
one neither half of which the scripts' model can join ("update my a dress": "a" is a stop word, "adress" no word it
knows; after "my", "the", "new": "buy a dress" is a dress), or one a script's own phrase spells split ("bio metrics appointment" is a rescheduling phrase: the halves
said would lean to it, whatever the question about biometrics)."""


@cache
def _splits_pattern(language: str) -> re.Pattern[str]:
    return re.compile(r"\b(" + "|".join(re.escape(split) for split, _ in
                                      sorted(_SPLITS[language], key=lambda pair: -len(pair[0]))) + r")\b")


def joined_splits(said: str, language: str) -> str:
    """`said` (normalised words) with a word the recogniser split (`_SPLITS`) joined: "how do i update my a dress"
    -> "how do i update my address"."""
    pairs = dict(_SPLITS[language])
    return _splits_pattern(language).sub(lambda match: pairs[match.group(1)], said)


def forms_named(scripts: Iterable[Script], language: str) -> dict[str, frozenset[str]]:
    """Each form's number the scripts' phrases name (as `ivr.core.wording.tokens` joins it: "ar11"), with the ids of
    the scripts naming it: compiled once per set of scripts in force."""
    named: dict[str, set[str]] = {}
    for script in scripts:
        for phrase in script.phrases[language]:
            for word in tokens(phrase, language):
                if FORM_NUMBER.fullmatch(word):
                    named.setdefault(word, set()).add(script.id)
    return {form: frozenset(ids) for form, ids in named.items()}


def form_read(words: Iterable[str], forms: Mapping[str, frozenset[str]]) -> str | None:
    """The script whose phrases alone name a form's number among the caller's `words`; None when none does, or when
    the numbers said lead to different scripts."""
    read = {next(iter(forms[word])) for word in words if len(forms.get(word, ())) == 1}
    return next(iter(read)) if len(read) == 1 else None
