"""Dataclass methods compiled at an earlier start and reused (ivr/generated_code.py): the same classes, faster starts."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path
from typing import Any

import pytest

from ivr import generated_code
from ivr.generated_code import reusing_generated_code


def define() -> type:
    @dataclasses.dataclass(frozen=True)
    class Point:
        x: int
        y: int = 0
        tags: tuple[str, ...] = ()

    return Point


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(generated_code, "_kept", {})  # as a new process: nothing read yet
    monkeypatch.setattr("sys.dont_write_bytecode", False)
    return tmp_path / "pycache" / "dataclass-code.marshal"


@pytest.fixture
def compiled(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every method text compiled (not taken from the kept code)."""
    texts: list[str] = []

    def counting(source: str, *args: Any, **kwargs: Any) -> Any:
        texts.append(source)
        return compile(source, *args, **kwargs)

    monkeypatch.setattr(generated_code, "compile", counting, raising=False)
    return texts


def behaviour(point_class: type) -> tuple[Any, ...]:
    point = point_class(1, tags=("a",))
    with pytest.raises(dataclasses.FrozenInstanceError):
        point.x = 2
    return (repr(point), point == point_class(1, 0, ("a",)), hash(point) == hash(point_class(1, 0, ("a",))),
            point_class.__init__.__annotations__, [field.name for field in dataclasses.fields(point_class)])


def test_a_class_made_from_kept_code_behaves_as_one_compiled_afresh(cache: Path, compiled: list[str]) -> None:
    """The second start compiles nothing, and its class is the class Python makes without the cache."""
    with reusing_generated_code(cache):
        first = define()
    assert compiled and cache.exists()
    generated_code._kept.clear()  # a later start reads the file
    made = len(compiled)
    with reusing_generated_code(cache):
        second = define()
    assert len(compiled) == made
    assert behaviour(second) == behaviour(first) == behaviour(define())


def test_the_block_leaves_dataclasses_as_it_found_it(cache: Path) -> None:
    """Only `dataclasses`' own `exec` is replaced, and only inside the block (even when it raises)."""
    with pytest.raises(RuntimeError), reusing_generated_code(cache):
        assert "exec" in vars(dataclasses)
        raise RuntimeError
    assert "exec" not in vars(dataclasses)


def test_nothing_is_kept_when_the_user_asked_for_no_bytecode(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PYTHONDONTWRITEBYTECODE (`sys.dont_write_bytecode`) is respected: the texts are compiled, nothing written."""
    monkeypatch.setattr("sys.dont_write_bytecode", True)
    with reusing_generated_code(cache):
        define()
    assert not cache.exists()


def test_a_file_others_could_write_is_never_loaded(cache: Path, compiled: list[str]) -> None:
    """Kept code is run: only a file this user wrote and nobody else can change is read (as the flow cache)."""
    with reusing_generated_code(cache):
        define()
    os.chmod(cache, 0o666)
    generated_code._kept.clear()
    made = len(compiled)
    with reusing_generated_code(cache):
        define()
    assert len(compiled) == 2 * made


def test_another_interpreters_file_is_ignored(cache: Path, compiled: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The file is tied to the interpreter's version: another one's code is compiled afresh, not run."""
    with reusing_generated_code(cache):
        define()
    generated_code._kept.clear()
    monkeypatch.setattr(generated_code, "_HEADER", (1, "another Python", "cpython-99"))
    made = len(compiled)
    with reusing_generated_code(cache):
        define()
    assert len(compiled) == 2 * made


def test_a_broken_file_means_compiling(cache: Path, compiled: list[str]) -> None:
    """A file that is not what this module wrote is compiled around, never an error."""
    cache.parent.mkdir(parents=True)
    cache.write_bytes(b"not marshal data")
    cache.chmod(0o600)
    with reusing_generated_code(cache):
        point = define()
    assert compiled and behaviour(point) == behaviour(define())
