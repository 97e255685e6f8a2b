"""Instructions of one understanding step, for callgrind (issue 16's cost goal).

    PYTHONHASHSEED=0 valgrind --tool=callgrind --toggle-collect=functools_reduce --callgrind-out-file=/dev/null \
        .venv/bin/python tools/ic16.py MODE N [TEXT_INDEX]

MODE: `und` (`Model.understand` in the main menu), `step` (an engine step saying the text), `key` (pressing 2),
`none`; N calls after warm-up, each as on a sentence never heard before (`as_new`); TEXT_INDEX into
`BENCH_UTTERANCES` (0).  The calls run inside one `functools.reduce`, which nothing else at start-up calls, so
`--toggle-collect=functools_reduce` counts them alone: "Collected" over N is one call's instructions, the same to a
few hundred from run to run (without it, a run's start-up varies by ~500k instructions and N = 0 must be taken off).
"""
import functools
import gc
import sys

from ivr.core.events import CallStarted, Digits, Speech
from ivr.definitions.cases import DEMO_CASES_PATH, DEMO_CLOCK, load_cases
from ivr.qa.replay import Replayer
from ivr.trainers.understand import BENCH_UTTERANCES, as_new
from ivr.world import CaseWorld, MemoryTransaction

mode, n = sys.argv[1], int(sys.argv[2])
text = BENCH_UTTERANCES[int(sys.argv[3]) if len(sys.argv) > 3 else 0]
language = "es" if "quiero" in text else "en"
engine = Replayer().engine({})
flow = engine.flow()
world = CaseWorld(load_cases(DEMO_CASES_PATH), MemoryTransaction())
now = DEMO_CLOCK
s = engine.new_session("CAbench", CallStarted(now))
s = engine.step(s, CallStarted(now), world).session
s = engine.step(s, Digits(now, "1"), world).session
m = flow.states["main_menu"].understanding[language]
ev = Speech(now, text, 0.9)
fs = {
    "step": as_new(lambda: engine.step(s, ev, world)),
    "und": as_new(lambda: m.understand(text, 0.9)),
    "key": as_new(lambda: engine.step(s, Digits(now, "2"), world)),
    "none": as_new(lambda: None),
}
f = fs[mode]
f()
f()
gc.collect()
gc.freeze()
functools.reduce(lambda _, __: f(), range(n), None)
