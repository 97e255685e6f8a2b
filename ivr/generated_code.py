"""The methods `dataclasses` generates, compiled at an earlier start and reused: a bytecode cache for them.

`@dataclass` writes the source of each class's `__init__`, `__repr__`, `__eq__`, `__hash__` and
(frozen) `__setattr__`/`__delattr__`, and compiles it with `exec`, at every import: Python's own
bytecode cache keeps a module's code, never these.  The app's modules define about 110
dataclasses (`ivr.core.agent` alone 17), and compiling their 580 generated functions was about
65 ms of each `create_app()` here, a fifth of it.

`reusing_generated_code()` keeps each compiled function by its exact source text (what
`dataclasses` would compile; the text names the class's fields, defaults and annotations, so a
changed class is a new text) in one file beside the package's bytecode
(`importlib.util.cache_from_source`: `__pycache__`, or under `PYTHONPYCACHEPREFIX`), and hands
`dataclasses` the kept code instead of compiling the text again.  The code is what compiling the
same text gives, so the classes are the same.  Like Python's own cache:

* nothing is written when the user asked for no bytecode (`PYTHONDONTWRITEBYTECODE`,
  `sys.dont_write_bytecode`): the text is compiled as always;
* the file is tied to the interpreter (its version and bytecode tag: another one ignores it),
  loaded only when this user wrote it and nobody else can change it, and replaced whole (a
  concurrent start reads all or nothing);
* a file that cannot be read or written means compiling the text, nothing else.

Only the `exec` that `dataclasses` calls is replaced (a name in that module, shadowing the
built-in), and only while the block runs: the app's imports (`ivr.__getattr__`) and a command's
(`ivr.cli`).
"""

from __future__ import annotations

import builtins
import dataclasses
import importlib.util
import marshal
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType
from typing import Any

_LIMIT = 5000  # kept texts at most: past it, the file keeps only what the last start used
_HEADER = (1, sys.version, getattr(sys.implementation, "cache_tag", None))


def cache_path() -> Path | None:
    """Where the kept code lives: beside the `ivr` package's own bytecode; None if Python keeps none."""
    try:
        beside = importlib.util.cache_from_source(str(Path(__file__).with_name("__init__.py")))
    except NotImplementedError:  # no bytecode tag: this interpreter keeps no bytecode
        return None
    return Path(beside).with_name(f"dataclass-code.{sys.implementation.cache_tag}.marshal")


_kept: dict[Path, dict[str, CodeType]] = {}  # what was read from each file (once a process), with what was made since


@contextmanager
def reusing_generated_code(path: Path | None = None) -> Iterator[None]:
    """While the block runs, `dataclasses` takes kept code for a method's text instead of compiling it."""
    path = cache_path() if path is None else path
    if path is None or "exec" in vars(dataclasses):  # nowhere to keep it, or already in such a block
        yield
        return
    kept = _kept.get(path)
    if kept is None:
        kept = _kept[path] = _read(path)
    made: dict[str, CodeType] = {}
    used: set[str] = set()

    def exec_kept(source: Any, globals: Any = None, locals: Any = None) -> None:
        if isinstance(source, str):
            code = kept.get(source)
            if code is None:
                # as `exec` compiles a text: no `from __future__` of this module carried into it
                code = kept[source] = made[source] = compile(source, "<string>", "exec", dont_inherit=True)
            used.add(source)
            source = code
        builtins.exec(source, globals, locals)

    dataclasses.exec = exec_kept  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del dataclasses.exec  # type: ignore[attr-defined]
        if made and not sys.dont_write_bytecode:
            _write(path, kept if len(kept) <= _LIMIT else {text: kept[text] for text in used})


def _read(path: Path) -> dict[str, CodeType]:
    try:
        status = path.stat()
        if status.st_uid != os.getuid() or status.st_mode & 0o022:
            return {}  # only a file this user wrote, and nobody else could change, is ever loaded
        header, codes = marshal.loads(path.read_bytes())  # whole: `marshal.load` reads a file in small pieces
        if header != _HEADER or not isinstance(codes, dict):
            return {}
        return codes
    except Exception:  # noqa: BLE001: no file, another version's, a broken one: compile as always
        return {}


def _write(path: Path, codes: dict[str, CodeType]) -> None:
    import tempfile  # only when something new was compiled

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=path.name, dir=path.parent)  # mode 0600
    except OSError:  # a read-only install: the next start compiles again, nothing else
        return
    try:
        with os.fdopen(handle, "wb") as file:
            marshal.dump((_HEADER, codes), file)
        os.replace(temporary, path)
    except (OSError, ValueError):
        Path(temporary).unlink(missing_ok=True)
