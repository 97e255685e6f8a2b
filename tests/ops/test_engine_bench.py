"""The in-process engine timing of `ivr bench` (issue 11): an honest comparison, never a speed assertion."""

from __future__ import annotations

import pytest

from ivr.ops import engine_bench
from ivr.ops.bench import BENCH_CALL


@pytest.fixture(scope="module")
def timing() -> engine_bench.EngineTiming:
    """One tiny timing of the bench call (its numbers mean nothing; its counts do)."""
    return engine_bench.time_engine(BENCH_CALL[:-1], repeat=1, number=1)


def test_the_engine_is_timed_over_every_step_of_the_bench_call(timing):
    """Each input of the call is one engine step."""
    assert timing.steps == len(BENCH_CALL) - 1


def test_the_floor_fires_the_triggers_the_call_fires(timing):
    """The floor is the 23 triggers the case-status call fires (language, menus, two verifications), no fewer."""
    assert timing.triggers == 23


def test_the_timed_engine_is_the_webhooks_not_replays_traced_one(monkeypatch):
    """Replay's traced flows only note transitions for coverage: the timed engine steps through untraced flows."""
    from ivr.qa import replay

    fired = []
    original = replay._TracedFlow.fire

    def noting(self, model, trigger, ctx):
        fired.append(trigger)
        return original(self, model, trigger, ctx)

    monkeypatch.setattr(replay._TracedFlow, "fire", noting)
    engine_bench.time_engine(BENCH_CALL[:-1], repeat=1, number=1)
    assert len(fired) == 23  # the recording pass only: the timed passes fire on the untraced flows
