"""Flows loaded and compiled at an earlier start, reused while nothing they were made from has changed.

Reading and checking the shipped flow (its YAML, every rule, the phrase indexes) and
compiling its states (prompts, hints, the understanding models) were about half of
`create_app()`.  The app keeps what `load_flows` returned and each flow's
`compile_parts` in its instance folder (`flow-cache.pickle`, readable by its owner
only), together with what made them:

* the SHA-256 of every file read: each flow file and each fragment it includes, and the
  data files the loaders hold them to (`_data_files` below);
* a key over the program: every `ivr` module's source file (its path, size and time
  of change, as Python's own bytecode cache checks it), Python's version, the registry's
  names and the flow paths asked for (made absolute).

The working folder is not part of the key: `ivr replay` run from any folder (the bench's is new
at every run) reuses what the app or an earlier run kept.  The one thing a loaded flow holds
that depends on it, the path it shows (`Flow.path`, relative to the working folder), is kept
absolute and shown again relative to the folder a start runs from.

A start uses what was kept only when every one of those still matches; anything else
(a flow or fragment edited, added or removed from an `include:`, the program changed,
a file that cannot be read, a cache file someone else could have written) loads the
flows as always, with every problem reported as always, and keeps the result afresh.
Only the `transitions` machine (whose guards are the registry's functions) is built at
every start.

The published Tier 1 scripts are kept the same way (`cached_scripts`, `script-cache.pickle`):
reading and checking their 44 versions was a quarter of what was left of a start.  Their key
also holds the list of files under the scripts folder, so a version added or removed is a
change like an edited one.  A library with its drafts (what `ivr validate` checks) is kept in
a file of its own (`script-cache-drafts.pickle`), so the two never push each other out.

Besides their own files, the loaders hold a definition to two data files, hashed into every
entry: the Spanish glossary (avoided forms) and the contact directory (an SMS must fit its
segments with the longest office name).

`ivr validate` (through `ivr.definitions.checked`) keeps each shipped flow it found valid the
same way (`checked_flow`, `checked-flow-NAME.pickle`: the flow only, not its compiled states),
and reads it back only while the flow file, every file it includes and the data files above
are unchanged; a flow with problems is never kept, so they are found again, with their lines,
at every run.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ivr.core.flow import Flow
from ivr.core.machine import CompiledFlow, FlowParts, compile_flow, compile_parts
from ivr.core.registry import Registry
from ivr.definitions.flows import load_flow, load_flows
from ivr.definitions.scripts import ScriptLibrary, load_scripts
from ivr.errors import display_path
from ivr.rules.directory import DEFAULT_PATH as DIRECTORY_PATH
from ivr.rules.glossary import DEFAULT_PATH as GLOSSARY_PATH

CACHE_NAME = "flow-cache.pickle"
SCRIPTS_CACHE_NAME = "script-cache.pickle"
DRAFTS_CACHE_NAME = "script-cache-drafts.pickle"
CHECKED_FLOW_NAME = "checked-flow-{}.pickle"
_FORMAT = 9  # 3: `understanding.Model.entries` (issue 16, part B); 4: keyed by the files, not the working folder; 5: `State.script_lines`; 6: submenus hold the main menu's model (`Model.main`); 7: their options to the main menu and to goodbye (`Model.start`, `end`); 8: the option that plays a thing again (`Model.again`); 9: the option for a change of address (`Model.address`)
_SOURCE = Path(__file__).resolve().parents[1]  # the ivr package


def cached_flows(paths: Iterable[Path | str] | None, registry: Registry, folder: Path | str) -> dict[str, CompiledFlow]:
    """`load_flows(paths, registry)`, compiled; from the cache in `folder` when it was made from exactly these files."""
    asked = None if paths is None else [os.path.abspath(path) for path in paths]
    key = _program_key(asked, registry)
    cache = Path(folder) / CACHE_NAME
    kept = _read(cache, key)
    if not isinstance(kept, dict):
        read: list[Path] = []
        flows = load_flows(asked, registry, read)
        kept = {flow_id: (_absolute(flow), compile_parts(flow, registry)) for flow_id, flow in flows.items()}
        _write(cache, key, [*read, *_data_files()], kept)
    return {flow_id: compile_flow(_shown(flow), registry, parts) for flow_id, (flow, parts) in kept.items()}


def checked_flow(path: Path | str, registry: Registry, folder: Path | str) -> Flow:
    """`load_flow(path, registry)`; from the cache in `folder` when a check of these files found it valid.

    The flow only (what checking it builds), one file per flow file (its name's stem): `ivr validate`."""
    path = Path(path)
    key = _program_key(["checked flow", os.path.abspath(path)], registry)
    cache = Path(folder) / CHECKED_FLOW_NAME.format(path.stem)
    kept = _read(cache, key)
    if isinstance(kept, Flow):
        return _shown(kept)
    read: list[Path] = []
    flow = load_flow(path, registry, read)  # a flow with problems raises here: never kept
    _write(cache, key, [*read, *_data_files()], _absolute(flow))
    return flow


def cached_scripts(root: Path | str, include_drafts: bool, folder: Path | str) -> ScriptLibrary:
    """`load_scripts(root, include_drafts)`; from the cache in `folder` when it was made from exactly these files."""
    root = Path(os.path.abspath(root))
    files = sorted(path for path in root.rglob("*") if path.is_file()) if root.is_dir() else []
    key = _program_key(["scripts", str(root), include_drafts, [str(path) for path in files]], None)
    cache = Path(folder) / (DRAFTS_CACHE_NAME if include_drafts else SCRIPTS_CACHE_NAME)
    kept = _read(cache, key)
    if isinstance(kept, ScriptLibrary):
        return kept
    library = load_scripts(root, include_drafts=include_drafts)
    _write(cache, key, [*files, *_data_files()], library)
    return library


def _absolute(flow: Flow) -> Flow:
    """The flow as kept: the path it shows made absolute (it was relative to the folder it was loaded from)."""
    absolute = os.path.abspath(flow.path)
    return flow if absolute == flow.path else dataclasses.replace(flow, path=absolute)


def _shown(flow: Flow) -> Flow:
    """A kept flow, its path shown as `load_flow` shows it from the working folder (`display_path`)."""
    shown = display_path(flow.path)
    return flow if shown == flow.path else dataclasses.replace(flow, path=shown)


def _data_files() -> list[Path]:
    """The data files every loader holds definitions to, besides their own files: the Spanish glossary (the
    forms a prompt must avoid) and the contact directory (an SMS naming an office must fit the longest)."""
    return [GLOSSARY_PATH, DIRECTORY_PATH]


def _program_key(asked: list[Any] | None, registry: Registry | None) -> str:
    digest = hashlib.sha256(repr((_FORMAT, sys.version, asked)).encode())
    for name in ("actions", "guards", "validators", "variables") if registry is not None else ():
        digest.update(repr(sorted(getattr(registry, name))).encode())
    digest.update(_modules_digest().encode())
    return digest.hexdigest()


@functools.cache
def _modules_digest() -> str:
    """Every `ivr` module's path, size and time of change, once per process (the flows' key and the scripts' share
    it): a running program is the code it imported, whatever happens to the files later."""
    digest = hashlib.sha256()
    for source in sorted(_SOURCE.rglob("*.py")):
        status = source.stat()
        digest.update(f"{source}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _file_hashes(files: Iterable[Path]) -> list[tuple[str, str]]:
    """Each file's absolute path and SHA-256: a later start from another working folder reads the same files."""
    return [(os.path.abspath(path), hashlib.sha256(path.read_bytes()).hexdigest()) for path in files]


def _read(cache: Path, key: str) -> Any:
    """What was kept when the cache holds it for `key` and every file read is unchanged; else None."""
    try:
        status = cache.stat()
        if status.st_uid != os.getuid() or status.st_mode & 0o022:
            return None  # only a file this user wrote, and nobody else could change, is ever loaded
        with cache.open("rb") as file:
            kept_key, hashes = pickle.load(file)
            if kept_key != key or _file_hashes(Path(name) for name, _ in hashes) != hashes:
                return None
            return pickle.load(file)
    except Exception:  # noqa: BLE001: no cache, another version's, a file gone: load the files as always
        return None


def _write(cache: Path, key: str, read: list[Path], kept: Any) -> None:
    """Keep `kept` with what made it (written whole, then renamed: a concurrent start reads all or nothing)."""
    try:
        cache.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=cache.name, dir=cache.parent)  # mode 0600
    except OSError:  # a read-only instance folder: the next start loads the flows again, nothing else
        return
    try:
        with os.fdopen(handle, "wb") as file:
            pickle.dump((key, _file_hashes(read)), file, protocol=pickle.HIGHEST_PROTOCOL)
            pickle.dump(kept, file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, cache)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):  # a part that cannot be kept: none is
        Path(temporary).unlink(missing_ok=True)
