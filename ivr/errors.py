"""The project's error hierarchy.

`IVRError` is the base.  `DefinitionError` carries one problem found in a
flow, script or case-data file with its location; `DefinitionErrors` carries
every problem of a load at once, because an author fixing a file wants the
whole list, not one error per run.  `ReplayMismatch` carries the diff between
a recorded and a replayed call.
"""

from __future__ import annotations

import functools
import os
from dataclasses import dataclass
from pathlib import Path


class IVRError(Exception):
    """Base class of every error this package raises on purpose."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a definition file, with where it is."""

    path: str
    line: int
    where: str
    what: str

    def __str__(self) -> str:
        where = f" {self.where}:" if self.where else ""
        return f"{self.path}:{self.line}:{where} {self.what}"


class DefinitionError(IVRError):
    """A flow, script or case-data file is wrong; `problems` lists every fault."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = sorted(problems, key=lambda p: (p.path, p.line, p.where))
        super().__init__("\n".join(str(p) for p in self.problems))


class ReplayMismatch(IVRError):
    """A replayed call took another path than the recording; `diff` says where."""

    def __init__(self, diff: str) -> None:
        self.diff = diff
        super().__init__(diff)


class ConfigError(IVRError):
    """A configuration value is missing or malformed."""


def display_path(path: Path | str) -> str:
    """The path as a user typed or sees it: relative to the working folder when inside it."""
    text = str(path)
    folder, name = os.path.split(text)
    if not name or name in (".", "..") or os.path.islink(text):  # the file itself is a link: resolve it all
        return _display_path(os.getcwd(), text)
    cwd = os.getcwd()
    shown = _display_path(cwd, folder or ".")
    if os.path.isabs(shown):  # the folder is outside the working folder (the path may still lead back in)
        return _display_path(cwd, text)
    return name if shown == "." else os.path.join(shown, name)


@functools.lru_cache(maxsize=8192)
def _display_path(cwd: str, path: str) -> str:
    # Cached by folder (display_path resolves a file's folder, then names the file in it):
    # resolving symbolic links costs a system call per folder, and a replay of thousands
    # of files in a few folders shows each path several times.
    try:
        return str(Path(path).resolve().relative_to(Path(cwd).resolve()))
    except ValueError:
        return path
