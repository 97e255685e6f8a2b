"""`ivr native`: the understanding compiled by mypyc, used only when the build matches the sources (issue 16's cost).

The loader's rules are checked on builds laid out by hand; the compiler itself on a small package of the same module
names (a real mypyc and C compiler run, about ten seconds), so that what these tests hold is the mechanism, not the
minute the shipped modules take.  That the compiled understanding answers as the pure Python does is held by
`tests/understanding/test_outcomes_unchanged.py`, run both ways.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from ivr.cli import main
from ivr.core import native
from ivr.ops import native as builder

COMPILER = Path("/usr/bin/gcc").exists() or Path("/usr/bin/cc").exists()


@pytest.fixture
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An environment of its own (`sys.prefix`), where builds are kept, and IVR_NATIVE unset."""
    prefix = tmp_path / "env"
    prefix.mkdir()
    monkeypatch.setattr(sys, "prefix", str(prefix))
    monkeypatch.delenv(native.DISABLE, raising=False)
    return prefix


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    """A copy of the compiled modules' sources, to change."""
    folder = tmp_path / "sources"
    folder.mkdir()
    for source in native.sources():
        (folder / source.name).write_bytes(source.read_bytes())
    return folder


def _lay_out(folder: Path, complete: bool = True) -> Path:
    """A build of `folder`'s sources as `ivr native` leaves it (its package folder), without compiling."""
    build = native.build_for(folder)
    native.package(build).mkdir(parents=True)
    if complete:
        native.completed(build).write_text("made by hand\n")
    return native.package(build)


def test_the_build_of_the_sources_as_they_are_goes_first_on_the_package_path(environment: Path, sources: Path) -> None:
    package = _lay_out(sources)
    path = ["/the/sources"]
    assert native.use_compiled(path, sources) is True
    assert path == [str(package), "/the/sources"]
    assert package.is_relative_to(environment / "ivr-native")


def test_a_source_changed_since_the_build_leaves_the_pure_python_in_use(environment: Path, sources: Path) -> None:
    _lay_out(sources)
    changed = sources / "concepts.py"
    changed.write_text(changed.read_text() + "\n# edited\n")
    path = ["/the/sources"]
    assert native.use_compiled(path, sources) is False
    assert path == ["/the/sources"]


def test_a_build_never_finished_is_not_used(environment: Path, sources: Path) -> None:
    _lay_out(sources, complete=False)
    assert native.use_compiled([], sources) is False


def test_ivr_native_0_keeps_the_pure_python(environment: Path, sources: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _lay_out(sources)
    monkeypatch.setenv(native.DISABLE, "0")
    assert native.use_compiled([], sources) is False


def test_the_suite_runs_the_compiled_understanding_where_there_is_a_build() -> None:
    """`make test` compiles first (and CI has a C compiler): the suite tests what `make run` serves."""
    expected = os.environ.get(native.DISABLE, "1").strip() != "0" and \
        native.completed(native.build_for()).is_file()
    if os.environ.get("CI"):
        assert expected, "CI ran `make test` without a build of the understanding: `ivr native` failed"
    assert native.compiled() is expected


def test_ivr_native_check_says_there_is_no_build(environment: Path) -> None:
    result = CliRunner().invoke(main, ["native", "--check"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "no build of these sources (run `ivr native`)" in result.output


def test_ivr_native_without_mypyc_is_one_line_and_exit_1(environment: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "mypyc", None)  # `import mypyc` raises ImportError
    result = CliRunner().invoke(main, ["native"])
    assert result.exit_code == 1
    assert result.output == ("Error: cannot compile the understanding, which runs as pure Python: "
                             "mypyc is not installed (it comes with mypy: pip install mypy)\n")


# --- the compiler, on a small package of the same module names ---

def _small_package(root: Path, understanding: str) -> Path:
    """`root/ivr/core/`: every compiled module's name, each a small typed module; `understanding` its own source."""
    core = root / "ivr" / "core"
    core.mkdir(parents=True)
    (root / "ivr" / "__init__.py").write_text("")
    for name in native.MODULES:
        (core / f"{name}.py").write_text(f"def name() -> str:\n    return {name!r}\n")
    (core / "understanding.py").write_text(understanding)
    return core


@pytest.mark.skipif(not COMPILER and not os.environ.get("CI"), reason="no C compiler on this machine")
def test_ivr_native_compiles_each_module_into_a_build_the_package_loads(environment: Path, tmp_path: Path) -> None:
    core = _small_package(tmp_path / "small", "from ivr.core.wording import name\n\n\n"
                                             "def said() -> str:\n    return 'understood by ' + name()\n")
    built = builder.build(sources=core)
    assert built.made and built.folder == native.build_for(core)
    assert builder.build(sources=core).made is False  # a build of the same sources is already in place
    (core / "__init__.py").write_text(f"__path__.insert(0, {str(built.folder / 'ivr' / 'core')!r})\n")
    loaded = subprocess.run(
        [sys.executable, "-c", "import ivr.core.understanding as u; print(u.said(), u.__file__.endswith('.py'))"],
        env={**os.environ, "PYTHONPATH": str(tmp_path / "small")}, capture_output=True, text=True, cwd=tmp_path)
    assert loaded.stdout.split("\n")[0] == "understood by wording False", loaded.stderr


@pytest.mark.skipif(not COMPILER and not os.environ.get("CI"), reason="no C compiler on this machine")
def test_a_module_mypyc_rejects_is_one_line_naming_the_file_and_line(environment: Path, tmp_path: Path) -> None:
    core = _small_package(tmp_path / "small", "def said() -> int:\n    return 'not a number'\n")
    with pytest.raises(builder.BuildError) as raised:
        builder.build(sources=core)
    message = str(raised.value)
    assert "understanding.py:2: error: Incompatible return value type" in message and "\n" not in message
    assert not native.build_for(core).exists()
    assert (environment / "ivr-native" / "last-failed.log").is_file()
