"""Serving the app to a real Twilio number with gunicorn (`ivr serve --production`, `make serve`).

Owns the production server's settings: how many workers, how long a
request may take, and checking the configuration once, in the master,
before any worker starts (a worker that cannot build the app would only
say so in its own log, again and again).  Each worker then builds its own
app after the fork, so no database connection is shared between processes.

Flask's own server (`ivr serve` without `--production`) is for trainers on
one machine; gunicorn is for a line the public calls.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Mapping
from typing import Any

from flask import Flask

from ivr import config as settings
from ivr.errors import ConfigError

TWILIO_TIMEOUT = 15  # seconds Twilio waits for a webhook before it tries the fallback URL
WORKER_TIMEOUT = 2 * TWILIO_TIMEOUT  # gunicorn restarts a worker stuck longer than this
MAX_WORKERS = 8


def default_workers(cores: int | None = None, database_url: str | None = None) -> int:
    """Sync workers for this machine: cores + 1 over SQLite, gunicorn's (2 x cores) + 1 over PostgreSQL; at most 8.

    A webhook is CPU work and one short write.  Over SQLite (one writer at a time, on this
    machine) a worker beyond one per core, plus one to run while another holds the writers'
    lock, only queues for the cores and the lock, and the tail grows: on 2 cores holding
    15,000 open calls (`ivr bench`), 3 workers answered at p99 53-98 ms with no error while 5
    collapsed into 15 s timeouts in 4 runs of 5.  Over PostgreSQL a worker also waits on the
    network, which is what gunicorn's rule of thumb is for.
    """
    cores = cores if cores is not None else multiprocessing.cpu_count()
    if database_url and database_url.startswith("postgresql"):
        return max(2, min(2 * cores + 1, MAX_WORKERS))
    return max(2, min(cores + 1, MAX_WORKERS))


def check_production(config: Mapping[str, Any]) -> dict[str, Any]:
    """The resolved settings of a production server; refuses one that would answer every call with 403."""
    resolved = settings.resolve(config)
    if not resolved.get("TWILIO_AUTH_TOKEN"):
        raise ConfigError("TWILIO_AUTH_TOKEN is not set: every Twilio webhook would be refused (403)")
    return resolved


def gunicorn_options(host: str, port: int, workers: int | None, database_url: str | None = None) -> dict[str, Any]:
    """The gunicorn settings `serve_production` runs with."""
    return {
        "bind": f"{host}:{port}",
        "workers": workers or default_workers(database_url=database_url),
        "worker_class": "sync",
        "timeout": WORKER_TIMEOUT,
        "graceful_timeout": TWILIO_TIMEOUT,
        "keepalive": 5,
        "accesslog": "-",
        "errorlog": "-",
        "preload_app": False,  # each worker opens its own store after the fork
        "proc_name": "ivr",
        "control_socket_disable": True,  # gunicorn >= 25.1: no shared ~/.gunicorn socket between servers
    }


def serve_production(config: Mapping[str, Any], host: str, port: int, workers: int | None = None) -> None:
    """Run gunicorn over `create_app(config)` until it is stopped (SIGTERM or Ctrl+C)."""
    from gunicorn.app.base import BaseApplication

    from ivr import create_app

    app_config = dict(config)
    database_url = settings.resolve(app_config).get("DATABASE_URL")
    probe = create_app(app_config)  # fail here, once, on a bad flow or setting
    probe.extensions["ivr"].store.close()

    class _Server(BaseApplication):  # type: ignore[misc]
        def load_config(self) -> None:
            for key, value in gunicorn_options(host, port, workers, database_url).items():
                if key in self.cfg.settings:  # settings newer than the installed gunicorn are skipped
                    self.cfg.set(key, value)

        def load(self) -> Flask:
            return create_app(app_config)

    _Server().run()
