"""Fixtures for the operators' tools: apps served over real HTTP on loopback, on this project's ports.

`serve(app)` runs a WSGI app on 127.0.0.1 in a thread (werkzeug's threaded
server) and yields its base URL; each pytest-xdist worker has its own ports.
"""

from __future__ import annotations

import itertools
import os
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from werkzeug.serving import make_server

_WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)
_PORTS = itertools.count(8410 + 20 * _WORKER)


def free_port() -> int:
    """A loopback port of this worker's block (8410-8489)."""
    return next(_PORTS)


@pytest.fixture
def serve() -> Iterator[Callable[[Any], str]]:
    """Serve WSGI apps over HTTP for the test; each is stopped afterwards."""
    servers = []

    def start(app: Any) -> str:
        port = free_port()
        server = make_server("127.0.0.1", port, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
