"""The garbage collector around start-up and exit: what a start makes is kept, not searched for garbage.

Importing the app's modules and building it (`create_app()`) make about 150,000 objects that live
as long as the process.  With the collector on, each 700 new objects started a pass over the
young ones, each tenth of those a pass over the middle generation, and one full pass over
everything: about 35 ms of a start on this machine, finding next to no garbage.
`collector_paused()` holds it off while they are made, then hands everything made to the
oldest generation without a pass over it (`gc.freeze()` then `gc.unfreeze()`, two list
splices), so the young passes after the start see only what requests leave behind.  What was
garbage among it is freed by the next full pass, as before.  That pass costs more once: the
young passes would have stopped tracking the tuples and dicts that hold no containers, so the
first full pass after a start took 29-35 ms here instead of 15-22 (it comes after about 70,000
objects more have been made).  Under gunicorn a worker freezes its start-up objects at its first
webhook (`ivr.adapters.voice`), and full passes never scan them at all.  When something is
frozen already (a caller's own `gc.freeze()`), the hand-over is skipped, so nothing of theirs is
unfrozen: the collector is only turned back on, and its next young pass takes what was made.

`freeze_start_up(environ)` finishes the job under a pre-forking server (gunicorn): once per worker, at its
first request, what the worker built at start (flows, compiled machines, case data: about 90,000 objects)
leaves the collector's sight for good (`gc.freeze`), so its full passes scan only what requests leave
behind (measured in process: 4 µs per webhook less).  Elsewhere (tests, the development server, replay)
nothing is frozen: apps built and dropped there must stay collectable.

`skip_last_passes()` does the same for a command's exit: the collector's last passes over
everything a command built, while the interpreter shuts down, free memory the process is about to
give back whole (30 ms of `ivr validate`'s 0.25 s here).  Objects are still freed when their
modules are torn down, as before; only the search for cycles is skipped, so an object kept
alive by a cycle is never finalised: a file left open in one would not be flushed.  Only the
commands that close every file they write (`ivr.cli.EXIT_UNCOLLECTED`) ask for it.
"""

from __future__ import annotations

import atexit
import gc
import os
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

_exit_registered = False
_frozen = False  # this process's start-up objects are frozen (a forked child starts unfrozen)


@contextmanager
def collector_paused() -> Iterator[None]:
    """No collection while the block runs; what it made goes to the oldest generation, unsearched."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            if gc.get_freeze_count() == 0:
                gc.freeze()
                gc.unfreeze()
            gc.enable()


def skip_last_passes() -> None:
    """At this process's exit, leave what it built out of the collector's last passes (registered once)."""
    global _exit_registered
    if not _exit_registered:
        _exit_registered = True
        atexit.register(gc.freeze)


def freeze_start_up(environ: Mapping[str, Any]) -> None:
    """At a request: the first one a gunicorn worker serves freezes what the worker built; any other does nothing."""
    global _frozen
    if _frozen:
        return
    _frozen = True
    if str(environ.get("SERVER_SOFTWARE", "")).startswith("gunicorn/"):
        gc.freeze()


def _unfrozen() -> None:
    global _frozen
    _frozen = False


os.register_at_fork(after_in_child=_unfrozen)  # noted at fork: `os.getpid` per request is a system call
