"""Servers started as child processes that stop when the process that started them dies.

`ivr bench` and the two-server tests start gunicorn masters in sessions of their own, so that
one `killpg` stops a master and its workers; their `finally` blocks and fixtures stop them.  A
parent killed outright (SIGKILL, a CI job's timeout, a test run cut short) runs no `finally`,
and its servers would serve on, orphaned, holding their ports and the machine's CPU: a load or
fault test must stop by itself.  `stop_with_parent` gives `subprocess.Popen` a `preexec_fn`
that asks Linux to send the child SIGTERM when its parent dies (`prctl(PR_SET_PDEATHSIG)`,
which survives the `exec` of gunicorn); gunicorn's master stops its workers on SIGTERM.

Linux sends the signal when the *thread* that started the child ends, so start servers from a
thread that lives as long as they should (the main thread, as the bench and the tests do).
Elsewhere than Linux there is no such request, and `stop_with_parent` gives None (no `preexec_fn`).
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
from collections.abc import Callable
from typing import Any

_PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


def _load_prctl() -> Any:
    """libc's `prctl`, loaded once in the parent (a child between fork and exec should only call it), or None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True).prctl
    except (OSError, AttributeError):
        return None


_PRCTL = _load_prctl()


def stop_with_parent() -> Callable[[], None] | None:
    """A `preexec_fn` that has the child sent SIGTERM when this process dies; None where that cannot be asked."""
    if _PRCTL is None:
        return None
    prctl, parent = _PRCTL, os.getpid()

    def ask() -> None:
        prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        if os.getppid() != parent:  # the parent died before the request was made: nobody will stop this child
            os._exit(1)

    return ask
