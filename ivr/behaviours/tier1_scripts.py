"""The simulated Tier 1 representative: answers only from the response scripts in force.

Seed 003_29c9fde61bf22c66.txt: "Information provided by Tier 1 will be limited
in verbiage and format by informational response scripts that are created and
provided by USCIS."  DOMAIN.md §1.3: Tier 1 cannot answer case-specific
questions beyond Case Status Online, transfer calls to local offices or
service centers, or give legal advice.

Owns the topic question (`live_topic` validator, `{tier1_topic_menu}`), the
answer (`live_tier1_answer`: a script's text, recorded as `id@version` in
`session.scripts_heard`, or a refusal outcome), what may follow a script (its
`may_follow`), and the biometrics hand-off from self-service (seed
000_183b307099edfec1.txt: good cause, untimely requests taken only by the
Contact Center).

Also owns saying Tier 1's wording scripts (`ivr.definitions.script_wording`): each
wording `<name>` is the prompt variable `{tier1_<name>}`, the sentences of the
wording script in force with the call's facts filled in (the script recorded as
heard, `id@version`, like an answer's); the identity lock, the
late-request note and the biometrics questions pick their wording by the call's
facts.  Nothing here holds words of its own: every sentence comes from a script.
"""

from __future__ import annotations

import dataclasses
import logging
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, NamedTuple

from ivr.behaviours.case_status import status_in
from ivr.behaviours.verification import call_lock
from ivr.behaviours.live_assistance import (
    REQUEST_VARS,
    SUPERVISOR,
    asks_for_supervisor,
    create_service_request,
    hear,
    scripts_in_force,
    verified_case,
)
from ivr.core.options import say_option
from ivr.core.matching import PhraseIndex, normalize
from ivr.core.understanding import CLOSE, Understanding
from ivr.core.registry import REGISTRY, Context, Effect, Outcome
from ivr.definitions.script_wording import WORDING, fill
from ivr.definitions.script_reading import CLAUSE, FORM, LONE, NAMED, NOT_OURS, OWN, SCRIPT_ROUTE_AT, SITUATION
from ivr.definitions.topic_situations import FOLLOW_UP_SCRIPT, as_asked, request_followed
from ivr.definitions.scripts import Script, ScriptSet
from ivr.rules.biometrics import GOOD_CAUSES, is_untimely
from ivr.rules.hours import local_zone
from ivr.rules.service_requests import SR_TYPES
from ivr.rules.service_requests import topic as sr_topic
from ivr.rules.spoken import say_date, say_time

if TYPE_CHECKING:
    from ivr.core.flow import ScriptLine, ScriptLines
    from ivr.core.machine import CompiledFlow, CompiledState

log = logging.getLogger(__name__)

GOOD_CAUSE_RECORDED = "good_cause_recorded"
BIOMETRICS_HANDOFF = "biometrics_reschedule"
FIELD_OFFICE_HANDOFF = "field_office_appointment"
SERVICE_REQUEST_HANDOFF = "service_request"
NOT_SELF_SERVICE = "not_self_service"
CONFIDENTIAL_CHANGE_OF_ADDRESS = "confidential_change_of_address"
"""The `vars["handoff_topic"]` values with which self-service hands a request to Tier 1."""

# The service request a script's subject leads to: by script id first, then by its topics.
_SR_TYPE_BY_SCRIPT = {"notice-not-received": "notice_not_received"}
_SR_TYPE_BY_TOPIC = {
    "card_not_received": "card_not_received",
    "change_of_address": "change_of_address",
    "expedite": "expedite",
    "accommodations": "accommodation",
    "processing_times": "outside_normal_processing_time",
}

_ANOTHER_AGENCY = frozenset({"other_agency", "ice_checkin"})
"""Script topics about another agency's cases (seed 001: other agencies' inquiries are redirected)."""

# What Tier 1 may not do (DOMAIN.md §1.3), recognised in what the caller says.
_REFUSALS = {
    "en": PhraseIndex.build(
        [
            (
                "case_details",
                (
                    "case details", "details of my case", "details about my case", "when is my",
                    "what time is my",
                    "where is my appointment", "my a number", "who is my officer", "why was my case",
                    "why is my case", "what is in my file", "my interview date", "appointment details",
                ),
            ),
            (
                "legal_advice",
                (
                    "legal advice", "legal question", "should i file", "should i apply", "am i eligible",
                    "what should i do", "lawyer", "attorney", "is it legal", "do i qualify", "would i qualify",
                ),
            ),
            (
                "local_office",
                (
                    "transfer me", "transfer my call", "connect me", "talk to the local office",
                    "speak to the local office", "speak with the local office", "call the local office",
                    "local office phone number", "talk to the service center", "speak to the service center",
                    "speak with the service center", "service center phone number",
                ),
            ),
        ]
    ),
    "es": PhraseIndex.build(
        [
            (
                "case_details",
                (
                    "detalles de mi caso", "detalles del caso", "cuando es mi", "a que hora es mi",
                    "donde es mi cita", "mi numero a", "quien es mi oficial", "por que mi caso",
                    "que hay en mi expediente", "fecha de mi entrevista", "detalles de la cita",
                ),
            ),
            (
                "legal_advice",
                (
                    "consejo legal", "asesoria legal", "pregunta legal", "debo presentar", "soy elegible",
                    "que debo hacer", "abogado", "califico", "puedo calificar",
                ),
            ),
            (
                "local_office",
                (
                    "transfierame", "transferir mi llamada", "comuniqueme", "hablar con la oficina local",
                    "llamar a la oficina local", "telefono de la oficina local",
                    "hablar con el centro de servicio",
                ),
            ),
        ]
    ),
}


_LAWYER_EN = r"(?:immigration )?(?:lawyer|attorney|lawyers|attorneys)"
_LAWYER_ES = r"(?:abogado|abogada|abogados|abogadas)"
_WHICH_LAWYER_EN = r"(?:(?:old|former|previous|last|first|new|current|ex|family|company|employer s) )?"
_WHICH_LAWYER_ES = r"(?:(?:antiguo|antigua|anterior|ex|primer|primera|nuevo|nueva|actual) )?"
"""Which of the caller's lawyers ("my old lawyer filed one and i did the other myself", "mi antiguo abogado"): still
the caller's own, a report (round 24)."""
_OWN_LAWYER = {
    "en": re.compile(
        rf"\b(?:my|our|his|her|their) {_WHICH_LAWYER_EN}{_LAWYER_EN}\b"
        rf"|\b(?:don t|do not|didn t|did not|can t|cannot|couldn t) (?:have|afford|get|find) (?:a |an |any )?"
        rf"{_LAWYER_EN}\b"
        rf"|\b(?:no|without a|without an|without any) {_LAWYER_EN}\b"
        rf"|\b(?:the|a|an) {_LAWYER_EN} (?:told|tells|said|says|mentioned)\b"
        rf"|\bthe {_LAWYER_EN} (?:who|that) (?:was|is|had|has|helped|helps|filed|did|handled)\b"
        rf"|\b(?:the|a) (?:\w+ ){{0,2}}?{_LAWYER_EN} (?:never|doesn t|does not|won t|will not|didn t|did not) "
        rf"(?:answers?|respond|responds|calls? (?:me )?back|gets? back)\b"
    ),
    "es": re.compile(
        rf"\b(?:mi|mis|nuestro|nuestra|nuestros|su|sus) {_WHICH_LAWYER_ES}{_LAWYER_ES}\b"
        rf"|\b(?:no tengo|no tenemos|no tiene|no tienen|sin) (?:un |una |ningun |ninguna )?{_LAWYER_ES}\b"
        rf"|\b(?:el|la|un|una) {_LAWYER_ES} (?:me |nos |le |les )?(?:dijo|dice|recomendo|comento)\b"
        rf"|\b(?:me|nos|le|les) (?:dijo|dice|recomendo|comento) (?:el|la|un|una) {_LAWYER_ES}\b"
        rf"|\b(?:el|la) {_LAWYER_ES} que (?:me |nos |le |les )?(?:ayudaba|ayudo|llevaba|lleva|tenia|tengo|hizo|metio)\b"
    ),
}
"""A lawyer the caller mentions, in normalised words: their own ("my lawyer says you sent me a letter ... nothing
ever came"), one they do not have ("todavía no tengo abogado, quiero ver si me la pueden posponer"), or what a lawyer
told them ("qué es eso del procesamiento prioritario que me dijo el abogado"), or one they had ("el abogado que me
ayudaba cerró su oficina"; the t14/t15 round), or one who never answers ("the company lawyer never answers my
emails"; round 18): a report, not a request for legal advice; the caller's other words decide (DOMAIN.md §1.3 refuses the advice, not the mention; issue 16 round 12)."""

_NUMBER_WRITTEN = {
    "en": re.compile(r"\b(?:write|put|include|add|writing|putting|wrote|put down|write down) my a number\b"),
    "es": re.compile(r"\b(?:escribir|escribo|escribirle|poner|pongo|ponerle|anotar|anoto) mi numero a\b"),
}
"""The caller's A-number written on something they send ("if i pay with a personal check do i need to write my a
number on it"): how to pay or file, not the case's details asked (issue 16 round 12)."""
_NUMBER_HELD = {
    "en": re.compile(r"\b(?:i|we) (?:only |just )?(?:got|have|ve got|ve only got|had|know) (?:is )?my a number\b"
                     r"(?! (?:wrong|incorrect|misspelled|mixed up|on|in|printed|changed)\b)"
                     r"|\ball (?:i|we) (?:have|got|ve got|had|know) is my a number\b"
                     r"|\b(?:look|looking|pull|find|check|search)(?: \w+){0,3}? (?:with|by|using|off|from) (?:just |only )?"
                     r"my a number\b"),
    "es": re.compile(r"\b(?:tengo|tenemos|traigo|me se) (?:solo |nomas |nada mas )?(?:mi|el) numero a\b"
                     r"|\b(?:buscar|buscarlo|buscarla|checar|checarlo|revisar|ver|encontrar)(?: \w+){0,3}? con "
                     r"(?:solo |nomas )?(?:mi|el) numero a\b"),
}
"""The caller's A-number held or offered to find the case by ("i can't find my receipt notice, i only got my a number,
is that enough to tell me what's going on with my case", "all i have is my a number", "can you look it up by my a
number"): what the caller has to be found by, not the case's details asked (round 22); not one told wrong or printed
somewhere ("i have my a number wrong on my card")."""
_A_NUMBER = {"en": "a number", "es": "numero a"}


def number_told(said: str, language: str) -> str:
    """`said` without the caller's A-number written on something sent (`_NUMBER_WRITTEN`) or held to be found by
    (`_NUMBER_HELD`): neither asks the case's details (rounds 12 and 22).  Most questions name no A-number: a substring
    test first."""
    if _A_NUMBER[language] not in said:
        return said
    return _NUMBER_HELD[language].sub(" ", _NUMBER_WRITTEN[language].sub(" ", said))


_THE_LAWYER = {
    "en": re.compile(rf"\b(?:the|that) {_LAWYER_EN}\b"),
    "es": re.compile(rf"\b(?:el|la|ese|esa) {_LAWYER_ES}\b"),
}
"""The lawyer told of again ("... la dirección de mi abogado y el abogado ya cerró la oficina"): after the caller's
own lawyer (`_OWN_LAWYER`), the same one, told of, not asked for (round 20)."""


_TOLD_WRONG = {
    "en": re.compile(r"\b(?:wrong|incorrect|misspelled|typo|mistake|fix|fixed|correct|corrected|correction)\b"),
    "es": re.compile(r"\b(?:mal|equivocad[oa]|error|corregir|corrigieran|corregido|correccion|arreglar|arreglaran)\b"),
}
"""A detail told wrong or to be corrected ("my receipt notice had my a number wrong"): what a request was about."""


def request_about_detail(said: str, language: str) -> bool:
    """Whether the caller asks after a request one of ours opened (`request_followed`) to correct a detail told wrong
    (`_TOLD_WRONG`): the A-number or receipt number named is what the request was about, not a case detail asked
    (DOMAIN.md §5: a service request answered within 15 days, scripts/service-request-follow-up; round 21)."""
    return request_followed(said, language, FOLLOW_UP_SCRIPT) and _TOLD_WRONG[language].search(said) is not None


def refusal_in(said: str, language: str) -> str | None:
    """What Tier 1 may not do (`REFUSALS`) that the caller asks in so many words (normalised), or None: a phrase
    said as written, its words together ("my a number", not "a fax number where ... my papers"); the longest
    wins.  A lawyer of the caller's own (`_OWN_LAWYER`) asks nothing, nor that lawyer told of again (`_THE_LAWYER`)."""
    unowned = _OWN_LAWYER[language].sub(" ", said)
    if unowned != said:  # the caller's own lawyer named: "the lawyer" after it is that one
        unowned = _THE_LAWYER[language].sub(" ", unowned)
    joined = f" {number_told(unowned, language)} "
    best: tuple[int, str] | None = None
    for tokens, choice in _REFUSALS[language].entries:
        if f" {' '.join(tokens)} " in joined and (best is None or len(tokens) > best[0]):
            best = (len(tokens), choice)
    return best[1] if best is not None else None


# --- the topic question --------------------------------------------------------------------------


TOPIC_VALIDATOR = "live_topic"
"""The validator of the topic question: a collect whose words go to the scripts in force (`ivr understand` knows it by this)."""


@REGISTRY.validator(TOPIC_VALIDATOR, readback=lambda value, language: value)
def live_topic(value: str, kind: str, language: str) -> str | None:
    """A topic key (1-9) as `key:N`, anything said as `said:<words>`, or 'supervisor'."""
    if kind == "digits":
        return f"key:{value}" if len(value) == 1 and value in "123456789" else None
    if asks_for_supervisor(value):
        return SUPERVISOR
    words = normalize(value)
    return f"said:{words}" if words else None


REFUSALS = ("case_details", "legal_advice", "local_office")
"""What Tier 1 refuses (DOMAIN.md §1.3): case details beyond the status, legal advice, a transfer to a local office."""


EXAMPLES = "examples"
"""`TopicAnswer.learnt` when the examples classifier read the script (`ScriptSet.learnt_read`)."""
NEAREST = "nearest"
"""`TopicAnswer.learnt` when the nearest training examples read it (`ScriptSet.nearest_read`)."""


class TopicAnswer(NamedTuple):
    """What Tier 1 does with the caller's words at the topic question (`answer_read`)."""

    refusal: str | None  # what Tier 1 may not do (`REFUSALS`), else None
    script: Script | None  # the script to read, else None
    # what read the script when no rule read one: `EXAMPLES` (the examples classifier, `ScriptSet.learnt_read`) or
    # `NEAREST` (the nearest examples, `ScriptSet.nearest_read`); None when a rule read it or none was read
    learnt: str | None = None
    read: Understanding | None = None  # the scripts' model's reading of the words as asked (`ScriptSet.reading`)
    own: Mapping[str, float] | None = None  # every script's score in that model


def answer_for(
    scripts: ScriptSet,
    said: str,
    language: str,
    flow: CompiledFlow | None = None,
    question: str | None = None,
) -> tuple[str | None, Script | None]:
    """What Tier 1 does with the caller's words (normalised): `(refusal, None)` for what it may not do (`REFUSALS`),
    `(None, script)` for the script to read, or `(None, None)` when no script answers (`answer_read`)."""
    answer = answer_read(scripts, said, language, flow, question)
    return answer.refusal, answer.script


def answer_read(
    scripts: ScriptSet,
    said: str,
    language: str,
    flow: CompiledFlow | None = None,
    question: str | None = None,
) -> TopicAnswer:
    """What Tier 1 does with the caller's words (normalised), and whether the examples classifier read the script.

    A script the scripts' own model is sure of is read; else, when the question (`question`, a state of `flow`)
    has `script_lines:`, the line's model reads the question and one of its line's scripts in force is read
    (`read_by_line`); else the examples classifier may read one it is sure of (`ScriptSet.learnt_read`), else the
    nearest examples one the classifier agrees with (`ScriptSet.nearest_read`, round 19)."""
    heard = said
    # a letter or notice mailed about a card is that notice, and of a card and a notice the one that never came is
    # the thing asked about (round 12), for every reader
    said = as_asked(said, language)
    refusal = refusal_in(said, language)
    said = number_told(said, language)  # "write my a number on the check", "i only got my a number": no case detail
    read, own = scripts.reading(said, language)  # the scripts' model runs once: its reading and every script's score
    script = scripts.by_id(read.choice) if read.choice is not None else None

    def answer(refusal: str | None, script: Script | None, learnt: str | None = None) -> TopicAnswer:
        return TopicAnswer(refusal, script, learnt, read, own)

    # "When is my court date" asks for another agency's case detail: not USCIS's to refuse, its script redirects.
    another_agency = script is not None and not _ANOTHER_AGENCY.isdisjoint(script.topics)
    if refusal == "case_details" and request_about_detail(said, language):
        refusal = None  # "somebody put in a request because my a number was wrong, did it get done" (round 21)
    if refusal is not None and not (refusal == "case_details" and another_agency):
        return answer(refusal, None)
    # the caller named one of two close scripts' things, or asked for one in so many words in a clause of a long
    # question: that script, whatever the line says
    if read.by in (NAMED, CLAUSE, SITUATION):
        return answer(None, script)
    if read.by == NOT_OURS:  # another agency's document, another business's errand: no line reads it (round 12)
        return answer(None, None)
    if flow is not None and question is not None:
        lines = flow.states[question].state.script_lines if question in flow.states else None
        if lines is not None:
            script = read_by_line(scripts, said, language, lines, flow.states, script, own)
    # the line's script looked at again as the scripts' model's reading was: "can my interview be moved to the
    # afternoon" moves no home (round 12), "i got my green card when i was eight" misses no card (round 15), a field
    # office's letter to come in whose date must move is that appointment, a letter the caller has misses no notice
    # (round 20)
    if script is not None and (looked := scripts.second_look(script.id, said, language)) != script.id:
        return answer(None, scripts.by_id(looked) if looked is not None else None)
    if script is None:  # no rule read a script: the examples classifier, when sure and the keywords agree (round 14)
        learnt = scripts.learnt_read(heard, language)
        if learnt is not None:
            return answer(None, scripts.by_id(learnt), EXAMPLES)
        nearest = scripts.nearest_read(heard, language)  # else the nearest examples, the classifier agreeing (round 19)
        return answer(None, scripts.by_id(nearest), NEAREST) if nearest is not None else answer(None, None)
    return answer(None, script)


_SHOWN_BY = (LONE, NAMED, FORM, OWN, CLAUSE, SITUATION, NOT_OURS)
"""How the scripts' model read a question, as a reading shows it; any other of its ways shows as "scripts"."""


def topic_reading(
    scripts: ScriptSet,
    said: str,
    language: str,
    flow: CompiledFlow | None = None,
    question: str | None = None,
) -> tuple[TopicAnswer, Understanding]:
    """What Tier 1 does with the caller's words (normalised, `answer_read`) and how it read them, as an
    `Understanding` for the step, its transcript entry and trainers: what Tier 1 refuses (the refusal as the choice,
    `by` "refusal"), the script read (its id as the choice, with the scripts' scores and runners-up; `by` as
    `ivr.definitions.script_reading` read it, "scripts" for its keywords, "examples" when the examples classifier
    read it, "nearest" when the nearest training examples did, "lines" when the line the main menu's model named gave
    another script than the scripts' model alone would), or not understood (no script answers, whatever the scripts'
    own reading of the words).  The scripts' model runs once, in `answer_read`."""
    answer = answer_read(scripts, said, language, flow, question)
    own_read, own = answer.read, answer.own
    if own_read is None or own is None:  # an answer made elsewhere (a test's): the scripts' model reads the words here
        own_read, own = scripts.reading(said, language)
    read = own_read if own_read.by in _SHOWN_BY else dataclasses.replace(own_read, by="scripts")
    if answer.refusal is not None:
        return answer, dataclasses.replace(read, outcome="route", choice=answer.refusal, score=1.0, by="refusal")
    script = answer.script
    if script is None:
        return answer, (read if read.choice is None else dataclasses.replace(read, outcome="not_understood", choice=None))
    if answer.learnt is not None:  # the examples classifier or the nearest examples read it, no rule having read one
        return answer, dataclasses.replace(read, outcome="route", choice=script.id, by=answer.learnt)
    if read.choice != script.id:  # the line the main menu's model named gave the script
        score = own.get(script.id, 0.0)  # its own score, in the first 3 or not
        return answer, dataclasses.replace(read, outcome="route", choice=script.id, score=score, by="lines")
    return answer, read


def lines_named(lines: ScriptLines, states: Mapping[str, CompiledState], said: str, language: str) -> tuple[ScriptLine, ...]:
    """The lines the model of `lines.menu` (the main menu) names for what was said: the line it routes to, the two
    it would ask between, or none."""
    understood = states[lines.menu].understanding[language].understand(said)
    named = (understood.choice,) if understood.outcome == "route" and understood.choice is not None else understood.asked
    return tuple(line for line in (lines.line_for(choice) for choice in named) if line is not None)


def read_by_line(
    scripts: ScriptSet,
    said: str,
    language: str,
    lines: ScriptLines,
    states: Mapping[str, CompiledState],
    sure: Script | None = None,
    own: Mapping[str, float] | None = None,
) -> Script | None:
    """The script of the line the main menu's model names (`lines_named`) for what was said, among the scripts in
    force: a line's only script; among several, the one with the most evidence (the mean of its scores in the
    models that know it: the scripts' own and, for a choice of the line's submenu, the submenu's), ties to the
    first listed; None when nothing tells them apart, or when the runner-up is as likely (within `CLOSE`: Tier 1
    does not guess between two of its scripts), or when the main menu only asks between two lines and the scripts'
    own model leans to a script of neither (`_elsewhere_leads`: two unsure readings that disagree).  A script the
    scripts' own model is sure of (`sure`) is kept unless the line names it among others: then the best of them is
    read, the line's submenu deciding too.  `own` are the scripts' own scores when the caller has them
    (`ScriptSet.reading`: `answer_for` runs the scripts' model once), else they are computed here.

    Issue 16 round 8: a line's script none of the caller's words supports (0.00 in the scripts' model) is not read;
    when the menu routes to one line, a script outside it `CLOSE` or more ahead of all its scripts in the scripts'
    model overrules the line (no script read); two scripts the scripts' model would route to but for each other
    (`_asked_between`) are told apart by the line when it holds one of them; and two of a line's scripts as likely
    in the evidence are told apart by the scripts' own margin when the submenu does not lean the other way
    (`_own_decides`)."""
    candidates: dict[str, Script] = {}
    named = lines_named(lines, states, said, language)
    for line in named:
        for script_id in line.scripts:
            script = scripts.by_id(script_id)
            if script is not None and script_id not in candidates:
                candidates[script_id] = script
    if sure is not None and (sure.id not in candidates or len(candidates) == 1):
        return sure
    if own is None:
        own = scripts.scores(said, language)
    # a line's script no word of the caller's supports (the scripts' model gives it 0.00) is not read by the line
    candidates = {script_id: script for script_id, script in candidates.items()
                  if own.get(script_id, 0.0) > 0.0 or (sure is not None and script_id == sure.id)}
    if sure is None and _elsewhere_leads(own, candidates, CLOSE if len(named) == 1 else 0.0):
        return None
    between = _asked_between(own)
    if sure is None and len(between) == 2 and len(set(between) & set(candidates)) == 1:
        return candidates[next(script_id for script_id in between if script_id in candidates)]
    if len(candidates) <= 1:
        return next(iter(candidates.values()), None)
    scores: dict[str, list[float]] = {script_id: [own.get(script_id, 0.0)] for script_id in candidates}
    for line in named:
        if line.menu is not None and line.by_choice:
            sub = dict(states[line.menu].understanding[language].scores(said)[0])
            for choice, script_id in line.by_choice:
                if script_id in scores:
                    scores[script_id].append(sub.get(choice, 0.0))
    evidence = {script_id: sum(found) / len(found) for script_id, found in scores.items()}
    ranked = sorted(evidence, key=lambda script_id: evidence[script_id], reverse=True)  # stable: first listed of equals
    best = evidence[ranked[0]]
    if best <= 0.0:
        return sure
    if sure is None and evidence[ranked[1]] > best - CLOSE and not _own_decides(scores, ranked[0], ranked[1]):
        return None  # two of the line's scripts as likely: no guess
    return candidates[ranked[0]]


def _own_decides(scores: Mapping[str, list[float]], first: str, second: str) -> bool:
    """Whether the scripts' own model (each list's first score) tells two of a line's scripts apart by `CLOSE` or
    more while the line's submenu (the rest) does not lean the other way: then the submenu only dilutes the margin
    ("my work trip runs through the day of my biometrics": its biometrics menu scores rescheduling and what to bring
    alike; issue 16 round 8)."""
    own_first, *sub_first = scores[first]
    own_second, *sub_second = scores[second]
    return own_first - own_second >= CLOSE and sum(sub_first) >= sum(sub_second)


def _asked_between(own: Mapping[str, float]) -> tuple[str, ...]:
    """The two scripts the scripts' own model would route to but for each other (the best from `SCRIPT_ROUTE_AT`,
    the second within `CLOSE` of it), or none: when the line the main menu names holds one of them and not the
    other, the line tells them apart (issue 16 round 8: "where do i look up how long a card replacement takes", the
    wait's script and the forms' close, the service requests' line holding the wait's)."""
    ranked = sorted(own.items(), key=lambda pair: pair[1], reverse=True)[:2]
    if len(ranked) == 2 and ranked[0][1] >= SCRIPT_ROUTE_AT and ranked[0][1] - ranked[1][1] < CLOSE:
        return (ranked[0][0], ranked[1][0])
    return ()


def _elsewhere_leads(own: Mapping[str, float], candidates: Mapping[str, Script], by: float = 0.0) -> bool:
    """The scripts' own model puts a script outside the named lines ahead of every one of theirs (by more than
    `by`): when the main menu only asks between lines, two unsure readings disagree and Tier 1 does not guess ("mi
    papá está muy enfermo en otro país y necesito mi permiso de viaje pronto": the menu asks outside-us or special
    lines, the scripts' model leans to expedite).  When the menu routes to one line, the scripts' model must lead
    its scripts by `CLOSE` or more to overrule it (issue 16 round 8: "which form is it for the work permit, the
    i-765", the forms' script well ahead, the menu's service requests reading a card never received)."""
    best_elsewhere = max((score for script_id, score in own.items() if script_id not in candidates), default=0.0)
    best_named = max((own.get(script_id, 0.0) for script_id in candidates), default=0.0)
    return best_elsewhere > best_named + by if by else best_elsewhere > best_named


@REGISTRY.variable("tier1_topic_menu")
def tier1_topic_menu(ctx: Context) -> str:
    """The keyed topics of the scripts in force: 'For <label>, press <key>.' one per sentence."""
    menu = scripts_in_force(ctx).menu(ctx.language)
    return " ".join(say_option(label, key, ctx.language) for key, label in menu)


@REGISTRY.action(
    "live_tier1_answer",
    outcomes=("answered", "supervisor", "case_details", "legal_advice", "local_office", "unknown"),
    params=("question",),
    sets=("script_text", "live_script", "live_script_follow", "live_sr_type", "case_status"),
)
def live_tier1_answer(ctx: Context) -> Outcome:
    """Find the script for the caller's topic (`live_topic`) and say its text; refuse what Tier 1 may not."""
    choice = str(ctx.session.vars.get("live_topic", ""))
    if choice == SUPERVISOR:
        return Outcome("supervisor")
    scripts = scripts_in_force(ctx)
    if choice.startswith("key:"):
        script = scripts.by_key(choice.removeprefix("key:"))
    else:
        answer, ctx.understood = topic_reading(scripts, choice.removeprefix("said:"), ctx.language, ctx.flow, ctx.args.get("question"))
        if answer.refusal is not None:
            return Outcome(answer.refusal)
        script = answer.script
    if script is None:
        return Outcome("unknown")
    hear(ctx, script)
    vars_ = ctx.session.vars
    vars_["script_text"] = script.text[ctx.language]
    vars_["live_script"] = script.id
    vars_["live_script_follow"] = ",".join(script.may_follow)
    vars_["live_sr_type"] = _service_request_type(script.id, script.topics)
    for key in ("expedite_criterion", "expedite_evidence"):  # an earlier expedite's answers are not this request's
        vars_.pop(key, None)
    case = verified_case(ctx)
    if case is not None:
        vars_["case_status"] = status_in(case.status, ctx.language)
    return Outcome("answered")


def _service_request_type(script_id: str, topics: tuple[str, ...]) -> str:
    if script_id in _SR_TYPE_BY_SCRIPT:
        return _SR_TYPE_BY_SCRIPT[script_id]
    return next((_SR_TYPE_BY_TOPIC[topic] for topic in topics if topic in _SR_TYPE_BY_TOPIC), "other")


def _follows(ctx: Context, step: str) -> bool:
    return step in str(ctx.session.vars.get("live_script_follow", "")).split(",")


@REGISTRY.guard("live_script_offers_service_request")
def live_script_offers_service_request(ctx: Context) -> bool:
    """The script just read lets Tier 1 make a service request for the office that has the case."""
    return _follows(ctx, "service_request_offer")


@REGISTRY.guard("live_script_allows_tier2")
def live_script_allows_tier2(ctx: Context) -> bool:
    """The script just read lets Tier 1 pass the call to a Tier 2 officer."""
    return _follows(ctx, "tier2_transfer")


@REGISTRY.guard("live_may_read_status")
def live_may_read_status(ctx: Context) -> bool:
    """The caller asked for their case status and is verified: Tier 1 may read the status, nothing more."""
    return ctx.session.vars.get("live_script") == "case-status" and ctx.session.verified_receipt is not None


# --- biometrics hand-off (seed 000) ---------------------------------------------------------------


@REGISTRY.action(
    "live_tier1_handoff",
    outcomes=("biometrics", "field_office", "service_request", "service_request_officer", "none"),
    sets=("live_handoff_taken", "live_sr_type", "sr_topic"),
)
def live_tier1_handoff(ctx: Context) -> Outcome:
    """What self-service handed over (`handoff_topic`), taken once: Tier 1 then skips the topic question."""
    vars_ = ctx.session.vars
    topic = str(vars_.get("handoff_topic", ""))
    if not topic or vars_.get("live_handoff_taken") == topic:
        return Outcome("none")
    vars_["live_handoff_taken"] = topic
    reason = str(vars_.get("handoff_reason", ""))
    if topic == BIOMETRICS_HANDOFF:
        return Outcome("biometrics")
    if topic == FIELD_OFFICE_HANDOFF:
        return Outcome("field_office")
    if topic == SERVICE_REQUEST_HANDOFF and reason in SR_TYPES:
        vars_["live_sr_type"] = reason
        vars_["sr_topic"] = sr_topic(reason, ctx.language)
        for key in ("sr_detail", "expedite_criterion", "expedite_evidence"):  # an earlier request's details
            vars_.pop(key, None)
        # A type self-service may not make, and a VAWA/T/U change of address (the change-of-address
        # script: "I can take the change on this call"), are Tier 1's; an unroutable case is an officer's.
        tier1_may = vars_.get("handoff_detail") in (NOT_SELF_SERVICE, CONFIDENTIAL_CHANGE_OF_ADDRESS)
        return Outcome("service_request" if tier1_may else "service_request_officer")
    return Outcome("none")


@REGISTRY.guard("live_task_biometrics")
def live_task_biometrics(ctx: Context) -> bool:
    """Tier 1 is taking a biometrics rescheduling request (identity was checked for it)."""
    return ctx.session.vars.get("live_task") == "biometrics"


@REGISTRY.action(
    "live_biometrics_start",
    outcomes=("verify", "ready", "no_appointment"),
    sets=("live_task", "bio_appointment_spoken", "bio_note", "bio_why"),
)
def live_biometrics_start(ctx: Context) -> Outcome:
    """Take over a biometrics rescheduling request: identity, the appointment, whether it is late."""
    vars_ = ctx.session.vars
    vars_["live_task"] = "biometrics"
    case = verified_case(ctx)
    if case is None:
        return Outcome("verify")
    if case.biometrics is None:
        vars_.pop("live_task", None)
        return Outcome("no_appointment")
    appointment = case.biometrics.appointment
    language = ctx.language
    local = appointment.astimezone(local_zone(appointment))
    vars_["bio_appointment_spoken"] = f"{say_date(local.date(), language)}, {say_time(appointment, language)}"
    late = is_untimely(appointment, ctx.now)
    # Seed 000: a passed appointment is a late request, one the caller could not attend; a coming one, cannot.
    vars_["bio_note"] = wording(ctx, "biometrics_late") if late else ""
    vars_["bio_why"] = wording(ctx, "biometrics_why_late" if late else "biometrics_why")
    return Outcome("ready")


@REGISTRY.action(
    "live_record_good_cause",
    outcomes=("created", "overseas", "no_office"),
    params=("cause",),
    sets=(*REQUEST_VARS, "good_cause", "bio_next"),
)
def live_record_good_cause(ctx: Context) -> Outcome:
    """Record the caller's good cause (one of seed 000's six); send the request to the office with the case."""
    code = ctx.args.get("cause", "")
    cause = next((c for c in GOOD_CAUSES if c.code == code), None)
    case = verified_case(ctx)
    if cause is None or case is None or case.biometrics is None:
        raise LookupError(f"cannot record good cause {code!r} without a verified case with biometrics")
    appointment = case.biometrics.appointment
    late = is_untimely(appointment, ctx.now)
    request = create_service_request(
        ctx,
        case,
        "other",
        {
            "about": BIOMETRICS_HANDOFF,
            "good_cause": cause.code,
            "untimely": late,
            "appointment": appointment.isoformat(),
        },
        check_open=False,
    )
    vars_ = ctx.session.vars
    vars_.update(request.values)
    vars_.pop("live_task", None)
    if request.outcome != "created":
        return Outcome(request.outcome)
    ctx.emit(
        Effect(
            GOOD_CAUSE_RECORDED,
            {
                "receipt": case.receipt_number,
                "cause": cause.code,
                "appointment": appointment.isoformat(),
                "untimely": late,
                "reference": request.values["sr_reference"],
                "tier": ctx.session.tier,
            },
        )
    )
    vars_["good_cause"] = cause.es if ctx.language == "es" else cause.en
    # Whether the reason is good cause is USCIS's decision (seed 000), not Tier 1's promise.
    vars_["bio_next"] = wording(ctx, "biometrics_next_late" if late else "biometrics_next")
    return Outcome("created")


# --- wording scripts: every other sentence Tier 1 says --------------------------------------------

_LOCKED = {"receipt": "locked_receipt", "caller": "locked_caller"}
"""The identity lock (`ivr.behaviours.verification.call_lock`) -> its wording; any other lock is `locked_call`."""
_CHOSEN_AT_RUN_TIME = frozenset(
    {"locked_call", "locked_receipt", "locked_caller", "biometrics_late", "biometrics_why", "biometrics_why_late",
     "biometrics_next", "biometrics_next_late"}
)
"""Wordings a behaviour picks by the call's facts (`{tier1_identity_locked}`, `{bio_note}`, `{bio_why}`, `{bio_next}`)."""


def wording(ctx: Context, name: str) -> str:
    """The sentences of wording `name` from the wording script in force, the call's facts filled in; the
    script saying them is recorded as heard (`id@version` in `session.scripts_heard`, once), as the console's
    Tier 1 and the answers (`hear`) record theirs, so a transcript shows which wording version a caller heard."""
    in_force = scripts_in_force(ctx)
    text = in_force.says(name, ctx.language)
    if text is None:
        log.warning("no wording script in force says %r", name)
        return ""
    script = next((script for script in in_force.wordings if name in script.says), None)
    if script is not None:
        hear(ctx, script)
    return fill(text, ctx.session.vars) if "{" in text else str(text)


@REGISTRY.variable("tier1_identity_locked")
def tier1_identity_locked(ctx: Context) -> str:
    """Why the call can verify nobody and what the caller can do instead (wording locked_call, _receipt or _caller)."""
    return wording(ctx, _LOCKED.get(call_lock(ctx.session) or "", "locked_call"))


def _say_wording(name: str) -> Callable[[Context], str]:
    def variable(ctx: Context) -> str:
        return wording(ctx, name)

    variable.__doc__ = f"The wording '{name}' of the Tier 1 wording script in force (scripts/tier1-*)."
    return variable


for _name in WORDING:
    if _name not in _CHOSEN_AT_RUN_TIME:
        REGISTRY.variable(f"tier1_{_name}")(_say_wording(_name))
