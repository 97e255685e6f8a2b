"""A prompt variable the flow can set but this call's path did not: the sentence naming it is left out, never holed."""

from __future__ import annotations

import logging

import pytest

from ivr.core.engine import Engine
from ivr.core.events import CallStarted, Digits
from ivr.core.machine import compile_flow
from ivr.core.registry import Context, Outcome, Registry, Services
from ivr.definitions.cases import CaseBook
from ivr.definitions.flows import load_flow_text
from ivr.world import CaseWorld, MemoryTransaction

from tests.foundation.test_engine import NOW

FLOW = """
version: 1
id: holes
start: main
keys:
  representative: {key: "0"}
  repeat: {key: "*"}
  previous: {key: "#"}
messages:
  no_input: {en: "I didn't hear you.", es: "No le escuché."}
  no_match: {en: "I didn't get that.", es: "No le entendí."}
  global_keys: {en: "Press 0 for a representative.", es: "Oprima 0 para un representante."}
  confirm: {en: "I heard {value}.", es: "Escuché {value}."}
  apology: {en: "Sorry, something went wrong.", es: "Lo sentimos."}
escalation:
  representative: bye
  max_attempts: bye
states:
  main:
    kind: menu
    prompt: {en: "Main menu.", es: "Menú principal."}
    options:
      "1": {topic: {en: our hours, es: el horario}, goto: look}
      "9": {topic: {en: goodbye, es: adiós}, goto: bye}
  look:
    kind: action
    run: maybe_hours
    on: {done: hours}
  hours:
    kind: message
    prompt:
      en: "Our lines are open. Representatives are available {open_hours}. Thank you for calling."
      es: "Nuestras líneas están abiertas. Los representantes están disponibles {open_hours}. Gracias por llamar."
    goto: slots
  slots:
    kind: menu
    prompt: {en: "These times are free.", es: "Estas horas están libres."}
    options:
      "1": {topic: {en: "{slot_1}", es: "el {slot_1}"}, goto: bye}
      "2": {topic: {en: "{slot_2}", es: "el {slot_2}"}, goto: bye}
  bye:
    kind: hangup
    prompt: {en: "Goodbye.", es: "Adiós."}
"""


@pytest.fixture
def engine() -> Engine:
    """The flow above, whose action declares `open_hours` and two slots but, on this path, sets only `slot_1`."""
    registry = Registry()

    @registry.action("maybe_hours", outcomes=("done",), sets=("open_hours", "slot_1", "slot_2"))
    def _maybe_hours(ctx: Context) -> Outcome:
        """Finds one free time and no published hours."""
        ctx.session.vars["slot_1"] = "Monday at 9 a.m."
        return Outcome("done")

    return Engine({"holes": compile_flow(load_flow_text(FLOW, "tests/holes.yaml", registry), registry)}, Services())


def _said_after_choosing_hours(engine: Engine) -> list[str]:
    world = CaseWorld(CaseBook(()), MemoryTransaction())
    session = engine.new_session("CA-holes", CallStarted(NOW))
    session = engine.step(session, CallStarted(NOW), world).session
    return [say.text for say in engine.step(session, Digits(NOW, "1"), world).says]


def test_a_sentence_naming_an_unset_variable_is_left_out(engine: Engine) -> None:
    """"Representatives are available {open_hours}." with no hours on this path: the caller hears the other
    sentences, whole, and no "available ." with a hole in it."""
    said = _said_after_choosing_hours(engine)

    assert "Our lines are open. Thank you for calling." in said
    assert not any("available" in text or " ." in text for text in said)


def test_a_menu_option_whose_topic_is_unset_is_not_offered_as_a_hole(engine: Engine) -> None:
    """A menu option whose topic is an unset variable is left out; the options that are set are still offered."""
    said = " ".join(_said_after_choosing_hours(engine))

    assert "For Monday at 9 a.m., press 1." in said
    assert "press 2" not in said and "For ," not in said


def test_an_unset_variable_is_logged_by_name(engine: Engine, caplog: pytest.LogCaptureFixture) -> None:
    """What was left out is logged by the variable's name, once per text, so the flow's author can find it."""
    with caplog.at_level(logging.WARNING, logger="ivr.core.engine"):
        _said_after_choosing_hours(engine)

    messages = [record.getMessage() for record in caplog.records]
    assert sum("'open_hours' is not set" in message for message in messages) == 1
    assert any("'slot_2' is not set" in message for message in messages)
