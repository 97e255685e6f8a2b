"""Fixtures for the operators' tools: apps served over real HTTP on loopback, on this project's ports.

`serve(app)` runs a WSGI app on 127.0.0.1 in a thread (werkzeug's threaded
server) and yields its base URL; ports are picked free from 8410-8499.
"""

from __future__ import annotations

import os
import random
import socket
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from werkzeug.serving import make_server

PORTS = range(8410, 8500)  # this project's loopback ports for tests


def free_ports(count: int = 1) -> int:
    """The first of `count` consecutive free loopback ports in `PORTS` (several test runs may share the machine)."""
    rng = random.Random(os.getpid())
    for _ in range(200):
        first = rng.randrange(PORTS.start, PORTS.stop - count)
        if all(_free(port) for port in range(first, first + count)):
            return first
    raise RuntimeError(f"no {count} free consecutive ports in {PORTS.start}-{PORTS.stop - 1}")


def _free(port: int) -> bool:
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


@pytest.fixture(scope="session")
def port_finder() -> Callable[[int], int]:
    """`free_ports(count)`, for tests that start servers of their own."""
    return free_ports


@pytest.fixture
def serve() -> Iterator[Callable[[Any], str]]:
    """Serve WSGI apps over HTTP for the test; each is stopped afterwards."""
    servers = []

    def start(app: Any) -> str:
        for attempt in range(5):
            port = free_ports()
            try:
                server = make_server("127.0.0.1", port, app, threaded=True)
                break
            except OSError:  # taken between the probe and the bind
                if attempt == 4:
                    raise
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{port}"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()
