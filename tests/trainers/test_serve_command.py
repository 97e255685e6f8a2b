"""`ivr serve --demo`: the app with the softphone on, the demo clock, a SQLite file in ./instance."""

from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask

from ivr.cli import main


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict:
    """Run `ivr serve` without serving: capture the app and the arguments `Flask.run` was given."""
    seen: dict = {}

    def run(app: Flask, **kwargs) -> None:
        seen.update(app=app, **kwargs)

    monkeypatch.setattr(Flask, "run", run)
    for name in ("IVR_CLOCK", "IVR_DATABASE_URL", "IVR_SOFTPHONE"):
        monkeypatch.delenv(name, raising=False)
    return seen


def test_serve_prints_the_softphone_url(runner, served, tmp_path: Path) -> None:
    """The URL to open is printed on start, and the app is served on the host and port asked for."""
    result = runner.invoke(main, ["serve", "--demo", "--host", "127.0.0.1", "--port", "5123", "--instance", str(tmp_path)])

    assert result.exit_code == 0, result.output
    assert "open http://127.0.0.1:5123/phone" in result.output
    assert (served["host"], served["port"]) == ("127.0.0.1", 5123)
    served["app"].extensions["ivr"].store.close()


def test_demo_serves_the_softphone_at_the_demo_instant_with_data_in_the_instance(runner, served, tmp_path: Path) -> None:
    """--demo turns the softphone on, freezes the clock at Monday 2026-11-23 10:00 Eastern, keeps data in INSTANCE."""
    runner.invoke(main, ["serve", "--demo", "--instance", str(tmp_path)])

    app = served["app"]
    assert app.test_client().get("/phone").status_code == 302  # to the sign-in page
    assert app.extensions["ivr"].clock.now().isoformat() == "2026-11-23T10:00:00-05:00"
    assert (tmp_path / "ivr.sqlite3").exists()
    app.extensions["ivr"].store.close()


def test_a_configured_clock_wins_over_the_demo_instant(runner, served, tmp_path: Path, monkeypatch) -> None:
    """With IVR_CLOCK set, --demo keeps that clock."""
    monkeypatch.setenv("IVR_CLOCK", "2026-12-25T09:00:00-05:00")

    runner.invoke(main, ["serve", "--demo", "--instance", str(tmp_path)])

    assert served["app"].extensions["ivr"].clock.now().isoformat() == "2026-12-25T09:00:00-05:00"
    served["app"].extensions["ivr"].store.close()


def test_without_demo_the_clock_is_real(runner, served, tmp_path: Path) -> None:
    """Without --demo and CLOCK, calls run at the real time."""
    runner.invoke(main, ["serve", "--instance", str(tmp_path)])

    assert served["app"].extensions["ivr"].clock.frozen is None
    served["app"].extensions["ivr"].store.close()


def test_demo_on_loopback_prints_how_to_sign_in_as_the_demo_trainer_and_trainee(runner, served, tmp_path: Path) -> None:
    """`make run` stays one command: the demo accounts are made and their passwords printed, and they work."""
    import re

    from ivr.web.testing import csrf_token

    result = runner.invoke(main, ["serve", "--demo", "--instance", str(tmp_path)])

    printed = dict(re.findall(r"account '(\w+)', password '([\w-]+)'", result.output))
    assert set(printed) == {"trainer", "trainee"}
    client = served["app"].test_client()
    signed = client.post("/signin", data={"username": "trainee", "password": printed["trainee"],
                                          "csrf_token": csrf_token(client)})
    assert signed.status_code == 302
    assert client.get("/phone").status_code == 200
    served["app"].extensions["ivr"].store.close()


def test_demo_accounts_are_not_made_when_serving_beyond_loopback(runner, served, tmp_path: Path) -> None:
    """On 0.0.0.0 no account with a printed password is made: the output says how to add one."""
    result = runner.invoke(main, ["serve", "--demo", "--host", "0.0.0.0", "--instance", str(tmp_path)])

    assert "password" not in result.output and "ivr users add" in result.output
    assert served["app"].extensions["accounts"].count() == 0
    served["app"].extensions["ivr"].store.close()


@pytest.mark.parametrize("port", ["99999", "0", "-1"])
def test_a_port_that_does_not_exist_is_a_usage_error(runner, served, tmp_path: Path, port: str) -> None:
    """`--port 99999` was served on port 34463 (99999 - 65536) under a banner naming 99999; now it is refused."""
    result = runner.invoke(main, ["serve", "--port", port, "--instance", str(tmp_path)])
    assert result.exit_code == 2
    assert "Invalid value for '--port'" in result.output and "1<=x<=65535" in result.output
    assert "app" not in served
