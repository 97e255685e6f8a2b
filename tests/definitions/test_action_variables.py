"""Each action declares the session variables it sets (`sets=`), which the loader checks placeholders against."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivr.cli import main
from ivr.core.registry import REGISTRY, Context, Outcome, builtin_registry

ROOT = Path(__file__).resolve().parents[2]


def test_every_variable_an_action_sets_on_the_test_calls_is_declared(monkeypatch: pytest.MonkeyPatch) -> None:
    """Replaying every test call and transcript, no action sets a session variable its `sets=` leaves out
    (a variable it forgot would make the loader refuse a prompt that is in fact said)."""
    builtin_registry()
    undeclared: dict[str, set[str]] = {}

    def watched(name: str, func):  # type: ignore[no-untyped-def]
        def run(ctx: Context) -> Outcome:
            before = dict(ctx.session.vars)
            outcome = func(ctx)
            changed = {key for key, value in ctx.session.vars.items() if key not in before or before[key] != value}
            extra = changed - REGISTRY.actions[name].sets
            if extra:
                undeclared.setdefault(name, set()).update(extra)
            return outcome  # type: ignore[no-any-return]

        return run

    for name, spec in list(REGISTRY.actions.items()):
        monkeypatch.setitem(REGISTRY.actions, name, dataclasses.replace(spec, func=watched(name, spec.func)))
    monkeypatch.chdir(ROOT)

    result = CliRunner().invoke(main, ["replay", "-q", "tests/calls", "tests/transcripts"])

    assert result.exit_code == 0, result.output
    assert undeclared == {}


def test_every_shipped_action_names_only_variable_names() -> None:
    """What an action declares is a placeholder a prompt could name: lower-case letters, digits and `_`."""
    registry = builtin_registry()
    bad = {name: sorted(v for v in spec.sets if not v.isidentifier() or v != v.lower()) for name, spec in registry.actions.items()}
    assert {name: names for name, names in bad.items() if names} == {}
