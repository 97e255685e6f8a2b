"""The package's type hints hold: `mypy --strict` (configured in pyproject.toml) finds nothing in ivr/."""

from __future__ import annotations

from pathlib import Path

import pytest

mypy_api = pytest.importorskip("mypy.api")
ROOT = Path(__file__).resolve().parents[1]


def test_ivr_package_is_mypy_strict_clean(monkeypatch, tmp_path):
    """Every module of ivr/ type-checks under mypy --strict."""
    monkeypatch.chdir(ROOT)
    out, err, status = mypy_api.run(["--cache-dir", str(tmp_path / "mypy-cache"), "-p", "ivr"])
    assert status == 0, out + err
