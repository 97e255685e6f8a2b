"""`make run` installs what running needs, `make test` what testing needs (issue 17).

A fresh clone's `make run` used to install Playwright, mypy and the PostgreSQL
driver (a 416 MB venv) to serve a SQLite demo.  These tests read the Makefile's
recipes (`make -n`) and pyproject.toml: they change when either does.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _dry_run(target: str) -> str:
    """The commands `make` would run for `target` from scratch (-B), without running them."""
    done = subprocess.run(["make", "--no-print-directory", "-n", "-B", target], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=True)
    return done.stdout


def _pip_installs(commands: str) -> list[str]:
    return [line for line in commands.splitlines() if "pip install" in line and "--upgrade pip" not in line]


def test_make_run_installs_the_project_without_extras() -> None:
    """`make run` installs the project alone: one `pip install -e .`, no extra."""
    assert [re.sub(r"\s+", " ", line.split("pip install", 1)[1]).strip() for line in _pip_installs(_dry_run("run"))] == [
        "--quiet -e ."
    ]


def test_make_test_adds_the_test_and_postgres_extras() -> None:
    """`make test` installs the project, then the test tools, the PostgreSQL driver and mypyc on top (the suite
    tests the understanding compiled, as `make serve` runs it: `ivr native`)."""
    installs = _pip_installs(_dry_run("test"))
    assert installs[0].rstrip().endswith("-e .") and installs[-1].rstrip().endswith("-e '.[test,postgres,native]'")


def test_make_test_and_make_serve_compile_the_understanding_and_make_run_does_not() -> None:
    """`make test` and `make serve` run `ivr native` before the suite or the server, going on without it (pure Python)
    when it cannot compile; the demo of `make run` installs no compiler tools and compiles nothing."""
    for target in ("test", "serve"):
        commands = _dry_run(target)
        assert ".venv/bin/ivr native || echo" in commands, target
        assert commands.index("ivr native") < commands.index("pytest" if target == "test" else "ivr serve"), target
    assert "ivr native" not in _dry_run("run")


def test_no_test_only_package_is_a_runtime_dependency() -> None:
    """Nothing the test extra brings (pytest, Playwright, mypy, …) or the PostgreSQL driver is in the base dependencies."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    def names(requirements: list[str]) -> set[str]:
        return {re.split(r"[<>=!~\[; ]", requirement, maxsplit=1)[0].lower() for requirement in requirements}

    base = names(project["dependencies"])
    extras = project["optional-dependencies"]
    assert base.isdisjoint(names(extras["test"]) | names(extras["postgres"]))
