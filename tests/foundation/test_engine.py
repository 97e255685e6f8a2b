"""The pure engine: caller events in, session and actions out, no Flask, no Twilio, no database."""

from __future__ import annotations

import datetime as dt

import pytest

from ivr.core.actions import Gather, HangUpCall, Say
from ivr.core.engine import Engine
from ivr.core.events import CallStarted, Digits, HangUp, NoInput, Speech
from ivr.core.machine import compile_flow
from ivr.core.registry import Context, Outcome, Registry, Services, builtin_registry
from ivr.definitions.cases import CaseBook
from ivr.definitions.flows import load_flow_text
from ivr.world import CaseWorld, MemoryTransaction

NOW = dt.datetime(2026, 11, 23, 10, 0, tzinfo=dt.timezone(dt.timedelta(hours=-5)))

FLOW = """
version: 1
id: mini
start: language
keys:
  representative: {key: "0", phrases: {en: [representative], es: [representante]}}
  repeat: {key: "*", phrases: {en: [repeat], es: [repetir]}}
  previous: {key: "#", phrases: {en: [go back], es: [regresar]}}
messages:
  no_input: {en: "I didn't hear you.", es: "No le escuché."}
  no_match: {en: "I didn't get that.", es: "No le entendí."}
  global_keys: {en: "Press 0 for a representative.", es: "Oprima 0 para un representante."}
  confirm: {en: "I heard {value}. Press 1 if right, 2 if not.", es: "Escuché {value}. Oprima 1 o 2."}
  apology: {en: "Sorry, something went wrong.", es: "Lo sentimos."}
escalation:
  representative: agent
  max_attempts: trouble
states:
  language:
    kind: menu
    bilingual: true
    options:
      "1": {topic: {en: English, es: inglés}, language: en, phrases: {en: [english], es: [english]}, goto: main}
      "2": {topic: {en: Spanish, es: español}, language: es, phrases: {en: [espanol], es: [espanol]}, goto: main}
  main:
    kind: menu
    announce_keys: true
    prompt: {en: "Main menu.", es: "Menú principal."}
    reprompt: {en: "Main.", es: "Principal."}
    options:
      "1": {topic: {en: case status, es: estado del caso}, phrases: {en: [status], es: [estado]}, goto: receipt}
      "2": {topic: {en: more options, es: más opciones}, goto: sub}
      "3": {topic: {en: a broken thing, es: algo roto}, goto: broken}
      "9": {topic: {en: goodbye, es: adiós}, goto: bye}
  sub:
    kind: menu
    prompt: {en: "Sub menu.", es: "Submenú."}
    options:
      "1": {topic: {en: the main menu, es: el menú principal}, goto: main}
  receipt:
    kind: collect
    prompt: {en: "Say or key your receipt number, then pound.", es: "Diga su número de recibo, o márquelo y la tecla numeral."}
    validator: receipt_number
    into: receipt
    confirm: true
    finish_on_key: "#"
    goto: thanks
  thanks:
    kind: message
    prompt: {en: "Thanks for {receipt_readback}.", es: "Gracias."}
    goto: main
  broken:
    kind: action
    run: test_explodes
    on: {done: main}
  agent:
    kind: message
    prompt: {en: "Transferring.", es: "Transfiriendo."}
    goto: bye
  trouble:
    kind: message
    prompt: {en: "Too many tries.", es: "Demasiados intentos."}
    goto: bye
  bye:
    kind: hangup
    prompt: {en: "Goodbye.", es: "Adiós."}
"""


def _registry() -> Registry:
    """The built-in behaviours plus one that fails, in a registry of the test's own."""
    shipped = builtin_registry()
    registry = Registry(dict(shipped.actions), dict(shipped.guards), dict(shipped.validators), dict(shipped.variables))

    @registry.action("test_explodes", outcomes=("done",))
    def _explodes(ctx: Context) -> Outcome:
        """Fails, as a buggy behaviour would."""
        raise RuntimeError("boom")

    return registry


@pytest.fixture(scope="module")
def engine() -> Engine:
    registry = _registry()
    flow = load_flow_text(FLOW, "tests/mini.yaml", registry)
    return Engine({"mini": compile_flow(flow, registry)}, Services())


@pytest.fixture
def world() -> CaseWorld:
    return CaseWorld(CaseBook(()), MemoryTransaction())


@pytest.fixture
def started(engine: Engine, world: CaseWorld):
    session = engine.new_session("CA-engine", CallStarted(NOW))
    return engine.step(session, CallStarted(NOW), world).session


@pytest.fixture
def at_main(engine: Engine, world: CaseWorld, started):
    return engine.step(started, Digits(NOW, "1"), world).session


def says(step) -> list[str]:
    return [action.text for action in step.actions if isinstance(action, Say)]


def prompt_ids(step) -> list[str]:
    return [action.prompt_id for action in step.actions if isinstance(action, Say)]


def test_step_unpacks_as_session_and_actions(engine, world, started):
    """`step(session, event)` gives back `(session, actions)`, as the engine's contract says."""
    session, actions = engine.step(started, Digits(NOW, "1"), world)
    assert session.state == "main"
    assert isinstance(actions[-1], Gather)


def test_step_does_not_change_the_session_it_was_given(engine, world, started):
    """The engine works on a copy: the caller's session object is left as it was."""
    engine.step(started, Digits(NOW, "1"), world)
    assert started.state == "language"


def test_call_start_says_the_language_menu_in_both_languages(engine, world):
    """The opening menu names each option in its own language, each said in that language (DESIGN.md §3)."""
    session = engine.new_session("CA-lang", CallStarted(NOW))
    step = engine.step(session, CallStarted(NOW), world)
    assert [(say.text, say.language) for say in step.says] == [
        ("For English, press 1.", "en"), ("Para español, oprima 2.", "es"),
    ]


def test_choosing_spanish_keeps_spanish_for_the_rest_of_the_call(engine, world, started):
    """The language chosen at the start is kept for the whole call."""
    session = engine.step(started, Digits(NOW, "2"), world).session
    step = engine.step(session, Digits(NOW, "2"), world)
    assert step.session.language == "es"
    assert says(step) == ["Submenú. Para el menú principal, oprima 1."]


def test_main_menu_announces_the_global_keys(engine, world, started):
    """The main menu tells callers the keys that work in every menu."""
    step = engine.step(started, Digits(NOW, "1"), world)
    assert says(step)[-1].endswith("Press 0 for a representative.")


def test_speech_selects_an_option_by_phrase(engine, world, at_main):
    """Saying an option's phrase chooses it, like pressing its key."""
    step = engine.step(at_main, Speech(NOW, "uh, my case status please"), world)
    assert step.session.state == "receipt"


def test_no_input_reprompts_with_the_shorter_prompt(engine, world, at_main):
    """After silence the caller hears the no-input message and the shorter reprompt."""
    step = engine.step(at_main, NoInput(NOW), world)
    assert prompt_ids(step) == ["messages.no_input", "main.reprompt"]
    assert says(step)[1].startswith("Main. For case status, press 1.")


def test_no_input_and_no_match_are_counted_apart(engine, world, at_main):
    """Two silences and two wrong keys do not add up to the maximum of three."""
    session = at_main
    for event in (NoInput(NOW), Digits(NOW, "7"), NoInput(NOW), Digits(NOW, "7")):
        session = engine.step(session, event, world).session
    assert (session.state, session.no_input, session.no_match) == ("main", 2, 2)


def test_the_third_no_match_escalates(engine, world, at_main):
    """At the maximum of three attempts the flow's max-attempts state takes the call."""
    session = at_main
    for _ in range(2):
        session = engine.step(session, Digits(NOW, "7"), world).session
    step = engine.step(session, Digits(NOW, "7"), world)
    assert step.entered == ("trouble", "bye")
    assert isinstance(step.actions[-1], HangUpCall)


def test_star_repeats_the_full_prompt_without_counting_an_attempt(engine, world, at_main):
    """`*` repeats the menu and is not a failed attempt."""
    step = engine.step(at_main, Digits(NOW, "*"), world)
    assert prompt_ids(step) == ["main.prompt"]
    assert step.session.no_match == 0


def test_pound_returns_to_the_previous_menu(engine, world, at_main):
    """`#` goes back to the menu the caller came from."""
    sub = engine.step(at_main, Digits(NOW, "2"), world).session
    step = engine.step(sub, Digits(NOW, "#"), world)
    assert step.session.state == "main"


def test_zero_asks_for_a_representative_from_any_menu(engine, world, at_main):
    """`0` leads to the flow's representative state from any menu."""
    sub = engine.step(at_main, Digits(NOW, "2"), world).session
    step = engine.step(sub, Digits(NOW, "0"), world)
    assert step.entered[0] == "agent"


def test_saying_representative_works_like_zero(engine, world, at_main):
    """The representative phrase is honoured in every menu too."""
    step = engine.step(at_main, Speech(NOW, "representative"), world)
    assert step.entered[0] == "agent"


def test_collected_value_is_read_back_for_confirmation(engine, world, at_main):
    """A collect with `confirm: true` reads the value back and waits for 1 or 2."""
    session = engine.step(at_main, Digits(NOW, "1"), world).session
    step = engine.step(session, Speech(NOW, "I O E zero nine one two three four five six seven eight"), world)
    assert step.session.state == "receipt.confirm"
    assert says(step)[0].startswith("I heard I O E")


def test_rejecting_the_read_back_asks_again(engine, world, at_main):
    """Pressing 2 at the read-back returns to the question."""
    session = engine.step(at_main, Digits(NOW, "1"), world).session
    session = engine.step(session, Speech(NOW, "I O E 0912345678"), world).session
    step = engine.step(session, Digits(NOW, "2"), world)
    assert step.session.state == "receipt"


def test_invalid_input_to_a_collect_is_a_no_match(engine, world, at_main):
    """Input the validator refuses counts as no-match and reprompts."""
    session = engine.step(at_main, Digits(NOW, "1"), world).session
    step = engine.step(session, Digits(NOW, "123#"), world)
    assert (step.session.state, step.session.no_match) == ("receipt", 1)


def test_a_failing_action_gets_an_apology_and_the_last_menu(engine, world, at_main):
    """A behaviour that raises never leaves the caller in dead air."""
    step = engine.step(at_main, Digits(NOW, "3"), world)
    assert step.fault == "RuntimeError"
    assert prompt_ids(step)[0] == "messages.apology"
    assert step.session.state == "main"


def test_junk_digits_are_a_no_match(engine, world, at_main):
    """Characters that are not phone keys are dropped; nothing left is a no-match."""
    step = engine.step(at_main, Digits(NOW, "abc!?"), world)
    assert (step.session.state, step.session.no_match) == ("main", 1)


def test_hang_up_ends_the_session_without_actions(engine, world, at_main):
    """A hang-up closes the call and asks the shell for nothing."""
    step = engine.step(at_main, HangUp(NOW), world)
    assert step.session.ended and step.actions == ()
