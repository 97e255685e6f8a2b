"""The flow and script loaders `ivr validate` checks the shipped tree with, reusing what it found valid.

Reading and checking the shipped flow (its YAML, its fragments and training examples, every
rule) and the script library (twice: with its drafts, and as published for the scenarios)
were four fifths of `ivr validate`.  For the files under the shipped folders (`flows/`,
`scripts/`), `load_flow` and `load_scripts` here keep what the real loaders returned in the
instance folder (`ivr.config.instance_folder`, where `create_app()` keeps its own caches),
with the SHA-256 of every file they read, the data files the checks use and the program's key
(`ivr.definitions.flow_cache`), and give it back only while all of that is unchanged.  A file
edited, added or removed since, or the program changed: the real loader runs and reports every
problem with its `file:line`, as always.  A definition with problems is never kept, so a broken
file is read and reported at every run.  Anywhere else (a path given on the command line outside
those folders) they are the real loaders, and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from ivr import config as settings
from ivr.core.flow import Flow
from ivr.core.registry import Registry, builtin_registry
from ivr.definitions import flow_cache, flows, scripts
from ivr.definitions.scripts import ScriptLibrary


def load_flow(path: Path | str, registry: Registry | None = None) -> Flow:
    """`ivr.definitions.flows.load_flow`: from the instance folder for a shipped flow checked valid before."""
    registry = registry or builtin_registry()
    if not _inside(path, flows.FLOWS_ROOT):
        return flows.load_flow(path, registry)
    return flow_cache.checked_flow(path, registry, settings.instance_folder())


def load_scripts(root: Path | str | None = None, include_drafts: bool = False) -> ScriptLibrary:
    """`ivr.definitions.scripts.load_scripts`: from the instance folder for a shipped library found valid."""
    root = scripts.SCRIPTS_ROOT if root is None else root
    if not _inside(root, scripts.SCRIPTS_ROOT):
        return scripts.load_scripts(root, include_drafts=include_drafts)
    return flow_cache.cached_scripts(root, include_drafts, settings.instance_folder())


def _inside(path: Path | str, folder: Path) -> bool:
    return Path(path).resolve().is_relative_to(folder.resolve())
