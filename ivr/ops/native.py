"""Compiling the understanding's modules with mypyc: `ivr native` (`make test`, `make serve` and `make bench` run it).

`build` compiles `ivr.core.native.MODULES` from the sources beside `ivr.core.native` into the folder their key
names (`ivr.core.native.build_for`), in a child process whose output (mypy's and the C compiler's) is kept in
`build.log` and shown only when the build fails.  It builds into a temporary folder and renames it into place, so a
start never sees half a build, and two builds at once both succeed.  A build that already matches the sources costs
their hash; builds of older sources are pruned, keeping the latest `KEEP`.

Run as `python -m ivr.ops.native SOURCES OUT`, this module is that child: it runs mypyc (`mypyc.build.mypycify`)
and setuptools' `build_ext` over the sources.  No configuration file is read: the child works in its own folder, and
mypy is told what it needs on its command line.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ivr.core import native

KEEP = 3
"""Builds kept in the environment's `ivr-native/` folder: the current one and the latest others (another branch's)."""

OPT_LEVEL = "1"
"""The C compiler's optimisation level for the compiled modules."""


class BuildError(Exception):
    """The modules could not be compiled (no mypyc, no C compiler, a type error mypyc rejects); the message says why
    in one line, the log keeps the rest."""


@dataclass(frozen=True)
class Built:
    """A build in place: its folder, whether this call made it, and the seconds it took."""

    folder: Path
    made: bool
    seconds: float


def build(force: bool = False, sources: Path | None = None) -> Built:
    """Compile the modules of `sources` (default: this `ivr.core`) unless a build of them is already in place."""
    folder = sources or Path(native.__file__).resolve().parent
    target = native.build_for(folder)
    started = time.perf_counter()
    if native.completed(target).is_file() and not force:
        return Built(target, False, 0.0)
    try:
        import mypyc  # noqa: F401: only to say plainly that it is missing
    except ImportError:
        raise BuildError("mypyc is not installed (it comes with mypy: pip install mypy)") from None
    builds = native.builds_folder()
    try:
        builds.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".building-", dir=builds))
    except OSError as exc:
        raise BuildError(f"cannot write {builds}: {exc.strerror or exc}") from None
    try:
        out = work / "out"
        done = subprocess.run([sys.executable, "-m", "ivr.ops.native", str(folder), str(out)], cwd=work,
                              capture_output=True, text=True, env={**os.environ, native.DISABLE: "0"})
        log = work / "build.log"
        log.write_text(done.stdout + done.stderr)
        if done.returncode != 0:
            kept = builds / "last-failed.log"
            shutil.copyfile(log, kept)
            raise BuildError(f"{_reason(done.stdout + done.stderr)} (the whole log: {kept})")
        if native.key(folder) != target.name:
            raise BuildError("the sources changed while they were compiled: run it again")
        native.completed(out).write_text(f"{target.name}\n")
        if force and target.exists():
            shutil.rmtree(target)
        try:
            out.rename(target)
        except OSError:  # another build of the same sources finished first: its build is as good
            if not native.completed(target).is_file():
                raise
    finally:
        shutil.rmtree(work, ignore_errors=True)
    _prune(builds, target)
    return Built(target, True, time.perf_counter() - started)


def _reason(log: str) -> str:
    """The one line of a failed build's log that says why: the compiler's or mypy's first error, else its last line."""
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    for marker in ("error:", "Error:", "not found", "No such file"):
        for line in lines:
            if marker in line:
                return line
    return lines[-1] if lines else "the compiler stopped without saying why"


def _prune(builds: Path, current: Path) -> None:
    """Remove all but the latest `KEEP` builds (the current one always stays)."""
    others = sorted((entry for entry in builds.iterdir() if entry.is_dir() and not entry.name.startswith(".")
                     and entry != current), key=lambda entry: entry.stat().st_mtime, reverse=True)
    for stale in others[KEEP - 1:]:
        shutil.rmtree(stale, ignore_errors=True)


def _compile(sources: Path, out: Path) -> None:
    """The child's work: C from mypyc, then the extension modules into `out` (`ivr/core/*.so`)."""
    from mypyc.build import mypycify
    from setuptools import Distribution

    options = ["--config-file=", "--ignore-missing-imports", "--follow-imports=silent",
               "--cache-dir", str(Path.cwd() / "mypy-cache")]
    extensions = mypycify([*options, *map(str, native.sources(sources))], opt_level=OPT_LEVEL,
                          group_name=native.GROUP, target_dir=str(Path.cwd() / "c"))
    distribution = Distribution({"name": "ivr-native", "ext_modules": extensions})
    command = distribution.get_command_obj("build_ext")
    command.build_lib = str(out)
    command.build_temp = str(Path.cwd() / "objects")
    distribution.run_command("build_ext")


if __name__ == "__main__":
    _compile(Path(sys.argv[1]), Path(sys.argv[2]))
