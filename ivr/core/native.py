"""The understanding's modules as compiled to C by mypyc, used only when a build matches their sources.

Understanding a caller's words is plain Python over dicts, sets and strings, run on every spoken step: the kind of
code mypyc (the compiler mypy and black are built with) makes markedly faster from the type hints the modules already
carry (a spoken main-menu step: 70 -> 41 µs).  `ivr native` (`ivr.ops.native`, run by `make test`, `make serve` and
`make bench`) compiles `MODULES` into `<environment>/ivr-native/<key>/`, where `<environment>` is `sys.prefix` (the
virtual environment: compiled code is for one interpreter) and `key` is a SHA-256 over the modules' sources, this list
and the interpreter's extension suffix.

`use_compiled`, run when `ivr.core` is imported, puts the build whose key matches the sources as they are now ahead
of the sources on the package's path, so `import ivr.core.understanding` loads the compiled module.  A module edited
since the build, a build never made (no C compiler) or `IVR_NATIVE=0` leaves the pure Python in use: the same
answers, more slowly (`tests/understanding/test_outcomes_unchanged.py` holds both to the golden outcomes).  Reading the
sources to key them costs about half a millisecond a start.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import os
import sys
from collections.abc import MutableSequence
from pathlib import Path

MODULES = (
    "understanding", "settled", "bayes", "wording", "concepts", "split_words", "menu_globals", "not_ours",
    "home_moves", "appointment_moves", "lexicon", "plain_said", "prefilter",
)
"""The modules of `ivr.core` compiled: the understanding of callers' words and the word rules it reads with."""

GROUP = "ivr.core._native"
"""mypyc's name for the shared library the modules are compiled into (`ivr/core/_native__mypyc.*.so`)."""

FORMAT = 1
"""Raised when the way a build is made changes, so that older builds are not used."""

DISABLE = "IVR_NATIVE"
"""The environment variable that, set to 0, keeps the pure Python in use."""

_SOURCES = Path(__file__).resolve().parent


def builds_folder() -> Path:
    """Where builds are kept: `ivr-native/` in this interpreter's environment (`sys.prefix`)."""
    return Path(sys.prefix) / "ivr-native"


def sources(folder: Path = _SOURCES) -> list[Path]:
    """The compiled modules' source files, in `MODULES` order."""
    return [folder / f"{name}.py" for name in MODULES]


def key(folder: Path = _SOURCES) -> str:
    """The build key of the sources in `folder` as they are now (a missing source is keyed as empty)."""
    digest = hashlib.sha256(repr((FORMAT, MODULES, importlib.machinery.EXTENSION_SUFFIXES[0])).encode())
    for source in sources(folder):
        digest.update(source.name.encode() + b"\0")
        try:
            digest.update(source.read_bytes())
        except OSError:
            pass
        digest.update(b"\0")
    return digest.hexdigest()[:24]


def build_for(folder: Path = _SOURCES) -> Path:
    """The folder the build of these sources is (or would be) in: its package tree starts there (`ivr/core/`)."""
    return builds_folder() / key(folder)


def package(build: Path) -> Path:
    """A build's `ivr.core` folder, which goes on the package path."""
    return build / "ivr" / "core"


def completed(build: Path) -> Path:
    """The mark a build's last step writes: a build without it was never finished, and is not used."""
    return package(build) / "COMPLETE"


def use_compiled(path: MutableSequence[str], folder: Path = _SOURCES) -> bool:
    """Put the build matching the sources in `folder` first on the package path `path`, if there is one and
    `IVR_NATIVE` is not 0; whether it did."""
    if os.environ.get(DISABLE, "1").strip() == "0":
        return False
    build = build_for(folder)
    if not completed(build).is_file():
        return False
    path.insert(0, str(package(build)))
    return True


def compiled() -> bool:
    """Whether the understanding in use is the compiled one (`ivr.core.understanding` loaded from a build)."""
    from ivr.core import understanding

    return not (understanding.__file__ or "").endswith(".py")
