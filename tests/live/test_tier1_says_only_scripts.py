"""Every sentence Tier 1 says is a script's, or a connective from a short, named list (issue 12 point 8).

Seed 003_29c9fde61bf22c66.txt: "Information provided by Tier 1 will be limited in
verbiage and format by informational response scripts that are created and
provided by USCIS."  Informational scripts answer the caller's topic; wording
scripts (scripts/tier1-*) hold every other fixed sentence Tier 1 says: refusals,
identity asks, read-backs of what the call did, the biometrics hand-off.  A
Tier 1 state's text may hold only a wording variable (`{tier1_<name>}`), a
value a behaviour fills from scripts, or a connective below.

Two checks: the flow as written (every Tier 1 state, both languages), and the
calls as heard: walks through the engine that reach every Tier 1 state and each
of its prompts, reprompts and no-match texts, in both languages, whose every
spoken sentence must be a script's (its call facts filled in), a connective, an
option sentence the flow or the scripts define, or one of the line's shared
messages (no input, no match, "I heard ...").
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from ivr.core.actions import Say
from ivr.core.events import CallStarted, Digits, Event, NoInput, Speech
from ivr.core.options import say_option
from ivr.definitions.flows import load_flows, template_variables
from ivr.definitions.script_wording import WORDING
from ivr.definitions.scripts import ScriptSet, load_scripts
from ivr.behaviours.request_details import EXPEDITE_CRITERIA
from ivr.world import CaseWorld, MemoryTransaction

SENTENCE_END = re.compile(r"(?<=[.?!])\s+")
DEMO = dt.datetime.fromisoformat("2026-11-23T10:00:00-05:00")

CONNECTIVES: dict[str, dict[str, tuple[str, ...]]] = {
    "greeting and hand-over": {
        "en": ("Thank you for holding.", "This is a customer service representative.", "I'm sorry that did not answer your question.",
               "Thank you for calling the USCIS Contact Center.", "Goodbye."),
        "es": ("Gracias por esperar.", "Le atiende un representante de servicio al cliente.", "Lamento que eso no respondiera su pregunta.",
               "Gracias por llamar al Centro de Contacto de USCIS.", "Adiós."),
    },
    "question that moves the call on": {
        "en": ("How can I help you?", "Tell me your question in a few words, or choose a topic.",
               "Please tell me your question, or press the key of a topic.", "Did that answer your question?",
               "Is there anything else I can help you with?", "Say it, or enter its ten digits and then the pound key."),
        "es": ("¿En qué puedo ayudarle?", "Dígame su pregunta en pocas palabras, o elija un tema.",
               "Por favor, dígame su pregunta, u oprima la tecla de un tema.", "¿Eso respondió su pregunta?",
               "¿Hay algo más en lo que pueda ayudarle?", "Dígalo, o marque sus diez dígitos y después la tecla numeral."),
    },
    "option sentence": {
        "en": ("To speak with a supervisor, say supervisor or press 0.",),
        "es": ("Para hablar con un supervisor, diga supervisor u oprima 0.",),
    },
}
"""Named connectives per language, whole sentences; every other option sentence is `say_option` of a defined option."""

FILLED_FROM_SCRIPTS = {
    "script_text": "an informational script's text (tier1_scripts.live_tier1_answer)",
    "tier1_topic_menu": "the labels of the keyed scripts in force, as option sentences",
    "tier1_identity_locked": "the identity lock's wording (tier1-identity)",
    "bio_note": "the late-request wording, or nothing (tier1-appointments)",
    "bio_why": "the biometrics question, cannot or could not attend (tier1-appointments)",
    "bio_next": "what USCIS does next with a good cause (tier1-appointments)",
    "expedite_criteria_menu": "the published expedite criteria (DOMAIN.md §5), as option sentences",
}
"""Variables a behaviour fills from the scripts in force (checked as heard, below)."""


# --- the flow as written ---------------------------------------------------------------------------


def tier1_texts(language: str) -> Iterator[tuple[str, str]]:
    """(state, text) for every prompt, reprompt, no-input and no-match text of a Tier 1 state."""
    for flow in load_flows().values():
        for name, state in flow.states.items():
            if state.tier != "tier1":
                continue
            for part in ("prompt", "reprompt", "no_input", "no_match"):
                text = getattr(state, part)
                if text is not None and text.in_(language):
                    yield name, text.in_(language)


def written_offenders(language: str) -> set[tuple[str, str]]:
    """(state, sentence or variable) a Tier 1 state writes that is not a wording, a script's filling or a connective."""
    allowed = {sentence for kinds in CONNECTIVES.values() for sentence in kinds[language]}
    found = set()
    for name, text in tier1_texts(language):
        for variable in template_variables(text):
            wording = variable.removeprefix("tier1_")
            if variable not in FILLED_FROM_SCRIPTS and not (variable.startswith("tier1_") and wording in WORDING):
                found.add((name, "{" + variable + "}"))
        words = re.sub(r"\{[a-z0-9_]+\}", " ", text)
        for sentence in SENTENCE_END.split(" ".join(words.split())):
            if sentence and sentence not in allowed:
                found.add((name, sentence))
    return found


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_tier1_state_says_only_wordings_scripts_and_named_connectives(language):
    """Seed 003: "Information provided by Tier 1 will be limited in verbiage and format by informational response scripts"."""
    assert written_offenders(language) == set()


def test_the_connective_list_stays_short():
    """Issue 12 point 8: the fixed words a flow may write itself are a short named list; the rest are scripts."""
    assert set(CONNECTIVES) == {"greeting and hand-over", "question that moves the call on", "option sentence"}
    assert all(len(kind[language]) <= 6 for kind in CONNECTIVES.values() for language in ("en", "es"))


@pytest.mark.parametrize("day", [dt.date(2025, 1, 1), DEMO.date(), dt.date(2026, 12, 1), dt.date.today()])
def test_every_wording_a_tier1_state_names_is_said_by_a_script_in_force(day):
    """Every `{tier1_<name>}` of the flow, and every wording a behaviour picks, has words on each date from the first."""
    scripts = load_scripts().in_force(day)
    assert [name for name in WORDING for language in ("en", "es") if not scripts.says(name, language)] == []


# --- the calls as heard --------------------------------------------------------------------------

Step = tuple[Any, ...]  # ("press", keys) | ("say", {en, es}) | ("silence",) | ("staged", vars, verified receipt)
ANOTHER_PHONE = "+12025550199"
"""LOCKOUT_WALKS call from this phone, so its lock stops no other walk."""

ANA = ("2690250102#", "04121990")  # WAC, California Service Center; biometrics Dec 14
PRIYA = ("2790850108#", "11302001")  # an open card-not-received request
TOMASZ = ("2790050123#", "10271983")  # VSC: an expedite
NOOR = ("2691951119#", "04301994")  # I-918 (U visa): a change of address is Tier 1's
OLUWASEUN = ("2690450104#", "06171993")  # biometrics within 12 hours
INGRID = ("2690550105#", "12011968")  # biometrics passed (Nov 20): a late request
SANTIAGO = ("0991351113#", "08191971")  # the file is held overseas
MEI_LIN, RAFAEL = ("2690350103#", "09031979"), ("2690150101#", "02281987")


def fail(person: tuple[str, str], times: int) -> list[Step]:
    """From the topic question: ask for a service request, then fail the identity check `times` times."""
    wrong = [*verify((person[0], "01011990")), ("press", "1")] * times
    return [("press", "0"), ("press", "7"), ("press", "2"), ("press", "1"), *wrong[:-1]]


def verify(person: tuple[str, str]) -> list[Step]:
    receipt, born = person
    return [("press", receipt), ("press", "1"), ("press", born)]


def said(en: str, es: str) -> Step:
    return ("say", {"en": en, "es": es})


WALKS: dict[str, list[Step]] = {
    "refusals, an answer, a request and the status": [
        ("press", "0"), ("silence",),
        said("what are the details of my case", "cuáles son los detalles de mi caso"), ("press", "2"),
        said("can you transfer me to the local office", "quiero hablar con la oficina local"), ("press", "2"),
        said("I need legal advice", "necesito asesoría legal"), ("press", "1"),
        said("what's the weather like", "qué tiempo hace hoy"), ("press", "1"),
        ("press", "7"), ("press", "2"), ("press", "1"), *verify(ANA),
        ("press", "1"), ("press", "1"), ("press", "1"), ("press", "9"),
    ],
    "a request already open": [("press", "0"), ("press", "6"), ("press", "2"), ("press", "1"), *verify(PRIYA)],
    "an expedite handed over": [
        ("press", "4"), ("press", "2"), *verify(TOMASZ), ("press", "8"), ("silence",), ("press", "9"), ("press", "2"),
        ("press", "1"), ("silence",), ("press", "5"), said("a letter from my doctor", "una carta de mi médico"), ("press", "1"),
    ],
    "a change of address on a U visa case": [
        ("press", "4"), ("press", "2"), *verify(NOOR), ("press", "7"), ("silence",), ("press", "5"),
        said("42 Elm Street apartment 3 Springfield Illinois 62704", "calle Olmo 42 apartamento 3 Springfield Illinois 62704"),
        ("press", "1"),
    ],
    "a biometrics request within 12 hours": [("press", "2"), *verify(OLUWASEUN), ("press", "1"), ("press", "1"), ("press", "9")],
    "a late biometrics request": [("press", "2"), *verify(INGRID), ("press", "1"), ("silence",), ("press", "9"), ("press", "2")],
    "a reason that is not one of the six": [("press", "2"), *verify(INGRID), ("press", "1"), ("press", "7")],
    "a field office appointment": [("press", "3"), ("press", "1"), ("press", "2"), *verify(ANA), ("press", "1"), ("press", "2")],
    "a file held overseas": [("press", "0"), ("press", "7"), ("press", "2"), ("press", "1"), *verify(SANTIAGO)],
    # Staged: no demo case has these, so the hand-over self-service would make is set, then the caller presses 0.
    "biometrics handed over for a case without an appointment": [
        ("staged", {"handoff_topic": "biometrics_reschedule", "handoff_reason": "rescheduled_twice"}, "MSC2691851118"),
        ("press", "0"),
    ],
    "a request no office can take": [
        ("staged", {"handoff_topic": "service_request", "handoff_reason": "card_not_received", "handoff_detail": "no_office"},
         "WAC2690250102"),
        ("press", "0"), ("press", "2"),
    ],
}
"""Calls that, together, reach every Tier 1 state and each of its texts (keys are the same in both languages)."""


LOCKOUT_WALKS: dict[str, list[Step]] = {
    "identity checks fail until the call is locked": [*fail(ANA, 3), ("press", "9")],
    "the receipt's checks are paused": [*fail(ANA, 2)],
    "two more failures from the phone": [*fail(MEI_LIN, 2), ("press", "9")],
    "and two more": [*fail(RAFAEL, 2), ("press", "9")],
    "the phone's checks are paused": [*fail(OLUWASEUN, 1)],
}
"""Calls from one phone, after WALKS in the same world, to each identity lock (issue 10's defaults: 3 failures a
call, 5 a receipt, 10 a phone, in 24 hours)."""


@dataclass
class Walk:
    """A call through the engine over an in-memory world; keeps what Tier 1 said, by prompt id."""

    runtime: Any
    language: str
    world: CaseWorld
    caller: str = "+12025550143"
    heard: list[tuple[str, str]] = field(default_factory=list)

    def __post_init__(self) -> None:
        started = CallStarted(DEMO, self.caller)
        self.session = self.runtime.engine.new_session("CA-tier1-walk", started)
        self.send(started)
        self.send(Digits(DEMO, "1" if self.language == "en" else "2"))

    def send(self, event: Event) -> None:
        step = self.runtime.engine.step(self.session, event, self.world)
        assert step.fault is None, step.fault
        self.session = step.session
        tier1 = self.session.tier == "tier1"
        for action in step.actions:
            if isinstance(action, Say) and (_is_tier1_prompt(action.prompt_id) or (tier1 and action.prompt_id.startswith("messages."))):
                self.heard.append((action.prompt_id, action.text))

    def take(self, step: Step) -> None:
        if step[0] == "press":
            self.send(Digits(DEMO, step[1]))
        elif step[0] == "say":
            self.send(Speech(DEMO, step[1][self.language], 0.92))
        elif step[0] == "silence":
            self.send(NoInput(DEMO))
        else:
            self.session.vars.update(step[1])
            self.session.verified_receipt = step[2]


@functools.cache
def _tier1_states() -> dict[str, Any]:
    """Every Tier 1 state of the shipped flows, loaded once: it is asked of every action a walk hears."""
    return {name: state for flow in load_flows().values() for name, state in flow.states.items() if state.tier == "tier1"}


def _is_tier1_prompt(prompt_id: str) -> bool:
    return prompt_id.rsplit(".", 1)[0] in _tier1_states()


@pytest.fixture(scope="module", params=["en", "es"])
def heard(request: pytest.FixtureRequest) -> tuple[str, list[tuple[str, str]]]:
    """(language, every (prompt id, text) Tier 1 said in the walks)."""
    from ivr import create_app

    app = create_app({"TWILIO_AUTH_TOKEN": "t", "DATABASE_URL": "sqlite://", "CLOCK": DEMO.isoformat()})
    runtime = app.extensions["ivr"]
    everything: list[tuple[str, str]] = []
    try:
        world = CaseWorld(runtime.cases, MemoryTransaction("CA-tier1-walk"))  # one day at the Contact Center
        calls = [(steps, "+12025550143") for steps in WALKS.values()] + [(steps, ANOTHER_PHONE) for steps in LOCKOUT_WALKS.values()]
        for steps, phone in calls:
            walk = Walk(runtime, request.param, world, phone)
            for step in steps:
                walk.take(step)
            everything += walk.heard
    finally:
        runtime.store.close()
    return request.param, everything


def _sentences(text: str) -> list[str]:
    return [s for s in SENTENCE_END.split(" ".join(text.split())) if s]


FACT = r"(?:[^.?!]|(?<=\b[A-Za-z])\.)+?"
"""A call's value inside a sentence: it never ends the sentence (a period only after one letter, as in 'a.m.')."""


def _template(sentence: str) -> str:
    """A script sentence as a pattern: each `{fact}` matches the call's value, within the sentence."""
    return re.sub(r"\\\{[a-z0-9_]+\\\}", lambda _: FACT, re.escape(sentence))


def allowed_speech(language: str, scripts: ScriptSet) -> re.Pattern[str]:
    """What Tier 1 may say in `language`: one or more allowed sentences, each a whole sentence."""
    flow = next(iter(load_flows().values()))
    patterns = [re.escape(s) for script in scripts.scripts for s in _sentences(script.text[language])]
    patterns += [_template(s) for name in WORDING for s in _sentences(scripts.says(name, language) or "")]
    patterns += [re.escape(s) for kind in CONNECTIVES.values() for s in kind[language]]
    options = [say_option(label, key, language) for key, label in scripts.menu(language)]
    options += [say_option(c[language], str(i), language) for i, c in enumerate(EXPEDITE_CRITERIA.values(), start=1)]
    options += [say_option(o.topic.in_(o.language or language), o.key, language) for s in _tier1_states().values() for o in s.options]
    patterns += [re.escape(option) for option in options]
    for name in ("no_input", "no_match", "confirm"):
        patterns += [_template(s.replace("{value}", "{fact}")) for s in _sentences(flow.message(name).in_(language))]
    alternatives = "|".join(sorted(set(patterns), key=len, reverse=True))
    return re.compile(rf"(?:{alternatives})(?: (?:{alternatives}))*")


def test_every_sentence_tier1_says_in_a_call_is_a_scripts_or_a_connective(heard):
    """Seed 003: rendered, with the call's facts and the behaviours' fillings, Tier 1 still says only scripts' words."""
    language, said_ = heard
    allowed = allowed_speech(language, load_scripts().in_force(DEMO))
    offenders = [(prompt, text) for prompt, text in said_ if not allowed.fullmatch(" ".join(text.split()))]
    assert offenders == []


def test_the_walks_reach_every_tier1_text(heard):
    """Each prompt, reprompt and no-match text of every Tier 1 state is heard in the walks, in each language."""
    _, said_ = heard
    expected = {
        f"{name}.{part}"
        for name, state in _tier1_states().items()
        for part in ("prompt", "reprompt", "no_match")
        if getattr(state, part) is not None
    }
    assert expected - {prompt for prompt, _ in said_} == set()


def test_each_identity_lock_is_said_in_its_own_words(heard):
    """Issue 10's three locks (this call, this receipt, this phone) each reach the caller as their wording script says."""
    language, said_ = heard
    scripts = load_scripts().in_force(DEMO)
    locked = [text for prompt, text in said_ if prompt == "tier1.identity_locked.prompt"]
    for name in ("locked_call", "locked_receipt", "locked_caller"):
        wording = scripts.says(name, language)
        assert wording is not None and any(text.startswith(wording) for text in locked), name


def test_nothing_tier1_says_is_left_unfilled(heard):
    """No variable or fact is said as a brace or as silence: every filling came from a script in force or the call."""
    _, said_ = heard
    assert [(p, t) for p, t in said_ if "{" in t or re.search(r"(^|[.?!] )[.?!]", " ".join(t.split())) or not t.strip()] == []


def test_the_biometrics_question_comes_from_the_wording_in_force(heard):
    """Seed 000: a coming appointment is one the caller cannot attend, a passed one could not (issue 12 point 10)."""
    language, said_ = heard
    scripts = load_scripts().in_force(DEMO)
    asked = " ".join(text for prompt, text in said_ if prompt == "tier1.bio.cause.prompt")
    for name, why in (("biometrics_why", {"en": "cannot attend?", "es": "no puede asistir?"}),
                      ("biometrics_why_late", {"en": "could not attend?", "es": "no pudo asistir?"})):
        wording = scripts.says(name, language)
        assert wording is not None and wording.endswith(why[language]) and wording in asked
