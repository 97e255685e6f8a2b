"""What the engine precomputes per state (`ivr.core.plans`): shared prompts, per-call templates, every state planned."""

from __future__ import annotations

import dataclasses

import pytest

from ivr.core.actions import Gather, Say
from ivr.core.engine import Engine
from ivr.core.events import CallStarted, Digits
from ivr.core.machine import build_model, compile_flow
from ivr.core.plans import Line, plan_flow
from ivr.core.registry import Services
from ivr.core.session import Session
from ivr.definitions.cases import DEMO_CASES_PATH, CaseBook, load_cases
from ivr.definitions.flows import load_flow_text
from ivr.world import CaseWorld, MemoryTransaction

from tests.foundation.test_engine import FLOW, NOW, _registry


@pytest.fixture(scope="module")
def compiled():
    registry = _registry()
    return compile_flow(load_flow_text(FLOW, "tests/mini.yaml", registry), registry)


@pytest.fixture
def engine(compiled) -> Engine:
    return Engine({"mini": compiled}, Services())


@pytest.fixture
def world() -> CaseWorld:
    return CaseWorld(CaseBook(()), MemoryTransaction())


def _at_main(engine: Engine, world: CaseWorld, call_sid: str):
    session = engine.new_session(call_sid, CallStarted(NOW))
    session = engine.step(session, CallStarted(NOW), world).session
    return engine.step(session, Digits(NOW, "1"), world)


def test_every_state_of_the_machine_has_a_plan(compiled):
    """Each machine state, a collect's read-back (`x.confirm`) included, is planned once, before any call."""
    assert set(plan_flow(compiled)) == set(compiled.machine.states)


def test_a_static_prompt_is_one_say_shared_by_every_call(engine, world):
    """A prompt without a template is built once: two calls hear the same `Say` and the same `Gather` objects."""
    first, second = _at_main(engine, world, "CA-one"), _at_main(engine, world, "CA-two")
    assert [type(a) for a in first.actions] == [Say, Gather]
    assert all(a is b for a, b in zip(first.actions, second.actions, strict=True))


def test_a_template_prompt_is_filled_for_each_call(compiled):
    """A prompt that names a variable stays a template in the plan, to be filled with each call's values."""
    plan = plan_flow(compiled)["thanks"]
    assert plan.prompt["en"] == (Line("Thanks for {receipt_readback}.", "thanks.prompt"),)


def test_a_read_back_is_asked_with_the_value_heard(engine, world):
    """The read-back question says the value this call gave, after the planned question text."""
    at_main = _at_main(engine, world, "CA-read-back").session
    at_receipt = engine.step(at_main, Digits(NOW, "1"), world).session
    step = engine.step(at_receipt, Digits(NOW, "2690250102#"), world)
    assert step.session.state == "receipt.confirm"
    assert step.says[-1].text.startswith("I heard ") and "2" in step.says[-1].text
    assert isinstance(step.actions[-1], Gather) and step.actions[-1].num_digits == 1


def test_an_engine_plans_a_flow_swapped_in_after_it_was_made(compiled, world):
    """Replacing a compiled flow in `engine.flows` takes effect at the next step (its states are planned then)."""
    engine = Engine({"mini": compiled}, Services())
    registry = _registry()
    changed = compile_flow(load_flow_text(FLOW.replace("Main menu.", "The main menu."), "tests/mini.yaml", registry), registry)
    engine.flows["mini"] = changed
    assert _at_main(engine, world, "CA-swap").says[0].text.startswith("The main menu.")


def test_a_session_copy_shares_no_list_or_dict_with_the_original():
    """The engine's copy of a session can be changed freely: every list and dict in it is its own."""
    original = Session("CA-copy", "mini", "v1", "main", "2026-11-23T10:00:00-05:00", path=["language", "main"])
    copy = original.copy()
    assert copy == original
    for field in dataclasses.fields(Session):
        value = getattr(original, field.name)
        if isinstance(value, (list, dict)):
            assert getattr(copy, field.name) is not value, field.name


def test_reading_a_case_again_copies_it_only_once(monkeypatch):
    """The world notes what a step read the first time a case is read; later reads do not copy the case again."""
    from ivr.definitions.cases import Case

    cases = load_cases(DEMO_CASES_PATH)
    world = CaseWorld(cases, MemoryTransaction())
    receipt = next(iter(cases)).receipt_number
    copies = []
    original = Case.to_dict
    monkeypatch.setattr(Case, "to_dict", lambda self: copies.append(1) or original(self))
    for _ in range(3):
        assert world.case(receipt) is not None
    assert len(copies) == 1


def test_states_asking_the_same_choices_share_one_understanding_model():
    """Compiling builds one model per distinct set of choices: the shipped flow's collects of a tier share theirs."""
    from ivr.core.registry import builtin_registry
    from ivr.definitions.flows import load_flows

    registry = builtin_registry()
    [flow] = [flow for flow in load_flows(None, registry).values()][:1]
    compiled = compile_flow(flow, registry)
    collects = [s for s in compiled.states.values() if s.state.kind == "collect" and s.state.tier == "ivr"]
    assert len(collects) > 2
    models = {id(s.understanding["en"]) for s in collects}
    assert len(models) < len(collects)
    for state in collects:  # shared, yet each state's model is the one its own choices make
        assert state.understanding["en"] == build_model(flow, state.state, "en")


def test_the_states_a_call_passes_through_are_planned_as_such(compiled):
    """Actions, messages and branches are passed through in a step (`StatePlan.passes`); menus, collects, their
    read-backs and hang-ups are where a step stops."""
    plans = plan_flow(compiled)
    assert {name for name, plan in plans.items() if plan.passes} == {
        name for name, state in compiled.flow.states.items() if state.kind in ("action", "message", "branch")
    }
    assert not plans["receipt.confirm"].passes


# The mini flow with its representative's message and a branch going round each other (the branch's way out
# is never taken in a test, but it lets the flow load: every state can reach a hang-up).
LOOP_FLOW = FLOW.replace(
    '    prompt: {en: "Transferring.", es: "Transfiriendo."}\n    goto: bye',
    '    prompt: {en: "Transferring.", es: "Transfiriendo."}\n    goto: trouble',
).replace(
    '  trouble:\n    kind: message\n    prompt: {en: "Too many tries.", es: "Demasiados intentos."}\n    goto: bye',
    '  trouble:\n    kind: branch\n    branches:\n      - when: test_never\n        goto: bye\n      - goto: agent',
)


def test_a_step_going_round_states_it_passes_through_stops_as_a_fault(world):
    """A step that would pass through states for ever is stopped after `MAX_HOPS` transitions: the caller hears
    the apology and the last menu again, and the step says why (`EngineFault`)."""
    registry = _registry()
    registry.guard("test_never")(lambda ctx: False)
    assert LOOP_FLOW != FLOW
    loop = Engine({"mini": compile_flow(load_flow_text(LOOP_FLOW, "tests/loop.yaml", registry), registry)}, Services())
    at_main = _at_main(loop, world, "CA-loop").session
    step = loop.step(at_main, Digits(NOW, "0"), world)
    assert step.fault == "EngineFault"
    assert [a.text for a in step.actions if isinstance(a, Say)] == [
        "Sorry, something went wrong.",
        "Main menu. For case status, press 1. For more options, press 2. For a broken thing, press 3. "
        "For goodbye, press 9. Press 0 for a representative.",
    ]
    assert step.session.state == "main"
