"""Servers the bench starts stop when the process that started them is killed outright (`ivr.ops.children`).

The brief: load and fault tests "are bounded in count and time, and stop by themselves".  A bench or test run
killed with SIGKILL (a CI timeout) runs no `finally`; before `stop_with_parent`, its gunicorn servers served on,
orphaned (seen on 2026-11-29: two masters and their workers left by a test run cut short at its timeout).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")

_PARENT = textwrap.dedent("""
    import sys, time
    from pathlib import Path
    from ivr.ops.bench import serving
    with serving("ivr.ops.baselines:bare_app()", int(sys.argv[1]), 1, Path(sys.argv[2])) as master:
        print(master, flush=True)
        time.sleep(600)  # killed long before
""")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with open(f"/proc/{pid}/stat") as stat:  # a zombie (stopped, not yet reaped by init) counts as gone
        return stat.read().rsplit(")", 1)[1].split()[0] != "Z"


def test_a_bench_server_stops_when_the_bench_is_killed_outright(tmp_path: Path) -> None:
    port = _free_port()
    parent = subprocess.Popen([sys.executable, "-c", _PARENT, str(port), str(tmp_path)], stdout=subprocess.PIPE,
                              text=True)
    try:
        assert parent.stdout is not None
        master = int(parent.stdout.readline())  # the server is up and answering
        assert _alive(master)
        parent.send_signal(signal.SIGKILL)  # no `finally` runs in the parent
        parent.wait()
        deadline = time.monotonic() + 20
        while _alive(master) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(master), "the bench's gunicorn outlived the bench"
        with pytest.raises(OSError):
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
    finally:
        if parent.poll() is None:
            parent.kill()
        try:
            os.killpg(master, signal.SIGKILL)  # never leave it behind, whatever the test found
        except (ProcessLookupError, NameError, PermissionError):
            pass
