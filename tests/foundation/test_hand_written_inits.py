"""The engine's hottest dataclasses write their `__init__` out by hand (`Say`, `Outcome`, `Context`, the
store's `Answer`, the identity check's `Standing` and `Verification`):
a field added to the class and forgotten in its `__init__` would be silently absent, so these tests
hold each hand-written `__init__` to the dataclass's fields, in order, and check every field is set."""

from __future__ import annotations

import dataclasses
import datetime as dt
import inspect

import pytest

from ivr.core.actions import Say
from ivr.core.registry import Context, Outcome, Services
from ivr.behaviours.verification import Verification
from ivr.core.session import Session
from ivr.rules.verification import Standing
from ivr.store.base import Answer

HAND_WRITTEN = (Say, Outcome, Context, Answer, Standing, Verification)


@pytest.mark.parametrize("cls", HAND_WRITTEN, ids=lambda cls: cls.__name__)
def test_a_hand_written_init_takes_every_field_in_order(cls: type) -> None:
    """The `__init__`'s parameters are the dataclass's fields, by name and in order."""
    parameters = list(inspect.signature(cls.__init__).parameters)[1:]
    assert parameters == [field.name for field in dataclasses.fields(cls)]


def _made(cls: type) -> object:
    if cls is Say:
        return Say("Main menu.", "en", "main_menu.prompt")
    if cls is Outcome:
        return Outcome("found")
    if cls is Answer:
        return Answer("token:1", "<Response/>", "main_menu", "ivr")
    if cls is Standing:
        return Standing()
    if cls is Verification:
        return Verification("mismatch")
    return Context(Session.__new__(Session), object(), dt.datetime(2026, 11, 30, 9, tzinfo=dt.timezone.utc),  # type: ignore[arg-type]
                   Services())


@pytest.mark.parametrize("cls", HAND_WRITTEN, ids=lambda cls: cls.__name__)
def test_a_hand_written_init_sets_every_field(cls: type) -> None:
    """Every field of an instance made by the hand-written `__init__` is in the instance itself."""
    made = _made(cls)
    assert {field.name for field in dataclasses.fields(cls)} <= set(vars(made))


def test_hand_written_inits_keep_dataclass_equality() -> None:
    """Two instances made alike are equal, and a frozen one still refuses assignment."""
    assert Say("Hi.", "en", "p") == Say("Hi.", "en", "p") and Outcome("a") == Outcome("a")
    assert Standing(1, 2, 3) == Standing(call=1, receipt=2, caller=3) and hash(Standing()) == hash(Standing(0, 0, 0))
    assert Verification("verified", receipt="IOE0912345678") == Verification("verified", None, "IOE0912345678")
    with pytest.raises(dataclasses.FrozenInstanceError):
        Say("Hi.", "en", "p").text = "Bye."  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        Standing().call = 1  # type: ignore[misc]


def _makers() -> list[tuple[type, object]]:
    from ivr.core.engine import Step, _step
    from ivr.core.understanding import Understanding, _understanding

    return [(Step, _step), (Understanding, _understanding)]


@pytest.mark.parametrize(("cls", "maker"), _makers(), ids=lambda item: getattr(item, "__name__", ""))
def test_a_hand_written_maker_takes_every_field_in_order(cls: type, maker: object) -> None:
    """The makers that build a frozen dataclass without its `__init__` (`engine._step`, `understanding._understanding`)
    take the dataclass's fields, by name and in order, so a field added to the class cannot be forgotten."""
    assert list(inspect.signature(maker).parameters) == [field.name for field in dataclasses.fields(cls)]  # type: ignore[arg-type]


def test_a_made_understanding_equals_the_dataclasss_own() -> None:
    """`_understanding` makes what `Understanding(...)` makes, every field set and equal."""
    from ivr.core.understanding import Understanding, _understanding

    values = ("route", "2", 0.9, (("2", 0.9),), ("biometrics",), "settled", (("2", 0.9),))
    assert _understanding(*values) == Understanding(*values)  # type: ignore[arg-type]
