"""`ivr serve --production`: gunicorn serving signed Twilio webhooks (issue 9, point 10)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest
from click.testing import CliRunner
from twilio.request_validator import RequestValidator

from ivr.cli import main
from ivr.serving import default_workers, gunicorn_options
from tests.live_line.conftest import OPEN, TOKEN, form

PORT = 8231  # this worktree's port range is 8200-8299


def _post(url: str, params: dict[str, str], signature: str | None) -> tuple[int, str, str]:
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    if signature:
        headers["X-Twilio-Signature"] = signature
    request = urllib.request.Request(url, data=urlencode(params).encode(), headers=headers, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers.get("X-IVR-State", ""), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, "", ""


@pytest.fixture
def production_server(tmp_path):
    """`ivr serve --production` on a loopback port, stopped by its process id afterwards."""
    env = {**os.environ, "TWILIO_AUTH_TOKEN": TOKEN, "IVR_CLOCK": OPEN, "IVR_DATABASE_URL": f"sqlite:///{tmp_path}/calls.sqlite3"}
    process = subprocess.Popen(
        [sys.executable, "-m", "ivr", "serve", "--production", "--host", "127.0.0.1", "--port", str(PORT), "--workers", "2"],
        cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    base = f"http://127.0.0.1:{PORT}"
    for _ in range(150):  # readiness, not speed: up to ~15 s on a loaded machine
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).close()
            break
        except OSError:
            if process.poll() is not None:
                break
            time.sleep(0.1)
    yield base, process
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_production_server_answers_a_signed_call_and_refuses_an_unsigned_one(production_server):
    """Gunicorn serves the app: a signed incoming call hears the language menu; an unsigned one gets 403."""
    base, process = production_server
    assert process.poll() is None, process.stdout.read() if process.stdout else ""
    params = form(From="+12025550143")
    signature = RequestValidator(TOKEN).compute_signature(base + "/voice", params)
    status, state, body = _post(base + "/voice", params, signature)
    assert (status, state) == (200, "language") and "Para español, oprima 2." in body
    assert _post(base + "/voice", params, None)[0] == 403


def test_production_serving_refuses_to_start_without_an_auth_token(tmp_path, monkeypatch):
    """Without TWILIO_AUTH_TOKEN every webhook would get 403, so the server does not start: one line, exit 1."""
    monkeypatch.delenv("TWILIO_AUTH_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["serve", "--production", "--port", str(PORT + 1)])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: TWILIO_AUTH_TOKEN is not set: every Twilio webhook would be refused (403)"


@pytest.mark.parametrize("cores, workers", [(1, 2), (2, 3), (4, 5), (16, 8)])
def test_default_workers_over_sqlite_are_one_per_core_and_one_more(cores, workers):
    """Over SQLite, cores + 1 sync workers (at least 2, at most 8): more only queue for the cores and the one writer."""
    assert default_workers(cores) == workers
    assert default_workers(cores, "sqlite:///instance/ivr.sqlite3") == workers


@pytest.mark.parametrize("cores, workers", [(1, 3), (2, 5), (4, 8), (16, 8)])
def test_default_workers_over_postgresql_follow_the_two_per_core_rule_capped_at_eight(cores, workers):
    """Over PostgreSQL, whose round trips a worker waits on, gunicorn's (2 x cores) + 1 sync workers, at most 8."""
    assert default_workers(cores, "postgresql+psycopg://ivr@db/ivr") == workers


def test_a_worker_outlives_twilios_webhook_timeout():
    """A worker is only restarted after twice Twilio's 15 s webhook timeout, and each worker opens its own store."""
    options = gunicorn_options("127.0.0.1", PORT, None)
    assert (options["timeout"], options["preload_app"], options["worker_class"]) == (30, False, "sync")
