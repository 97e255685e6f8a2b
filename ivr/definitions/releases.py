"""Published flow versions: immutable snapshots of a flow's files, with who published them, when and why.

    flows/releases/<flow id>/v<N>/<flow file>            the flow file as published
    flows/releases/<flow id>/v<N>/<its included files>   every file it includes, laid out as in flows/
    flows/releases/<flow id>/v<N>/RELEASE.yaml           version, sha256, published_at, published_by, note, source

`publish_flow` validates the working copy (the draft) and copies it into the
next version; publishing an older version again (`source=v<K>`) is how a flow
is rolled back.  A release is never edited: `load_releases` compares every
snapshot with the SHA-256 its RELEASE.yaml records and refuses an edited one.

A released flow is loaded under the id `<flow id>@<N>`, so a call records the
version it ran, keeps it to the end even when a newer one is published, and
replays against it.  The phone line runs the latest release of each flow (or a
pinned one, per called number: `FLOW_PINS`); rehearsals run the draft.  A flow
that was never published runs its working copy everywhere.

Files are read only here, at start-up or from the CLI.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import shutil
import tempfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from ivr.core.flow import Flow
from ivr.core.registry import Registry
from ivr.definitions.flows import FLOWS_ROOT, load_flow
from ivr.errors import ConfigError, DefinitionError, Problem, display_path

__all__ = [
    "RELEASES_ROOT",
    "RELEASE_FILE",
    "Release",
    "flow_files",
    "latest",
    "LiveLine",
    "live_flow_ids",
    "live_line",
    "load_release",
    "load_releases",
    "publish_flow",
    "released_id",
]

RELEASES_ROOT = FLOWS_ROOT / "releases"
RELEASE_FILE = "RELEASE.yaml"
_VERSION_DIR = re.compile(r"v([1-9][0-9]*)")
_RELEASED_ID = re.compile(r"(?P<flow>.+)@(?P<version>[1-9][0-9]*)")


@dataclass(frozen=True)
class Release:
    """One published version of a flow."""

    flow_id: str
    version: int
    folder: Path
    flow_file: Path  # the snapshot's top-level flow file
    sha256: str
    published_at: str
    published_by: str
    note: str
    source: str  # "draft", or "v<K>" when an older version was published again

    @property
    def ref(self) -> str:
        return released_id(self.flow_id, self.version)


def released_id(flow_id: str, version: int) -> str:
    """The id a released flow runs under: `uscis_contact_center@3`."""
    return f"{flow_id}@{version}"


def split_released_id(flow_id: str) -> tuple[str, int | None]:
    """`("x", 3)` for `x@3`; `("x", None)` for a working copy's id."""
    found = _RELEASED_ID.fullmatch(flow_id)
    return (found["flow"], int(found["version"])) if found else (flow_id, None)


# --- reading -------------------------------------------------------------------------------------


def load_releases(root: Path | str = RELEASES_ROOT) -> dict[str, list[Release]]:
    """Every flow's releases, oldest first; an edited or unreadable release is a `DefinitionError`."""
    root = Path(root)
    found: dict[str, list[Release]] = {}
    problems: list[Problem] = []
    if not root.is_dir():
        return found
    for flow_folder in sorted(path for path in root.iterdir() if path.is_dir()):
        versions = []
        for folder in flow_folder.iterdir():
            match = _VERSION_DIR.fullmatch(folder.name)
            if folder.is_dir() and match:
                versions.append((int(match[1]), folder))
        for version, folder in sorted(versions):
            release = _read_release(flow_folder.name, version, folder, problems)
            if release is not None:
                found.setdefault(flow_folder.name, []).append(release)
    if problems:
        raise DefinitionError(problems)
    return found


def latest(releases: Iterable[Release]) -> Release | None:
    ordered = sorted(releases, key=lambda release: release.version)
    return ordered[-1] if ordered else None


def load_release(release: Release, registry: Registry | None = None) -> Flow:
    """The released flow, validated, under its released id (`flow@N`)."""
    flow = load_flow(release.flow_file, registry)
    return replace(flow, id=release.ref)


def live_flow_ids(
    releases: Mapping[str, list[Release]], working: Iterable[str], pins: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Which flow id the phone line runs, per flow: its latest release, or the working copy if never published.

    `pins` (`FLOW_PINS`) map a called number to `flow@N`; they are checked here, at start-up.
    """
    live = {}
    for flow_id in working:
        newest = latest(releases.get(flow_id, ()))
        live[flow_id] = newest.ref if newest is not None else flow_id
    for number, ref in (pins or {}).items():
        flow_id, version = split_released_id(str(ref))
        known = {release.version for release in releases.get(flow_id, ())}
        if version is None or version not in known:
            listed = ", ".join(f"{flow_id}@{v}" for v in sorted(known)) or "none"
            raise ConfigError(f"FLOW_PINS: {number}: '{ref}' is not a published flow version (published: {listed})")
    return live


@dataclass(frozen=True)
class LiveLine:
    """What the phone line runs: the released flows to load, the flow per flow id, and per called number."""

    flows: tuple[Flow, ...]  # released flows (ids `flow@N`) the line needs
    by_flow: Mapping[str, str]  # working flow id -> the id the line runs
    by_number: Mapping[str, str]  # called number -> flow@N (FLOW_PINS)

    def flow_for(self, working_flow: str, called: str | None) -> str:
        """The flow id a new phone call to `called` starts on."""
        if called and called in self.by_number:
            return self.by_number[called]
        return self.by_flow.get(working_flow, working_flow)


def live_line(
    working: Iterable[str], root: Path | str, pins: Mapping[str, str] | None, registry: Registry | None = None
) -> LiveLine:
    """Load what the phone line runs (at start-up): the latest release of each flow, and the pinned ones."""
    releases = load_releases(root)
    by_flow = live_flow_ids(releases, working, pins)
    wanted = set(by_flow.values()) | {str(ref) for ref in (pins or {}).values()}
    flows = tuple(
        load_release(release, registry)
        for versions in releases.values()
        for release in versions
        if release.ref in wanted
    )
    return LiveLine(flows, by_flow, {str(number): str(ref) for number, ref in (pins or {}).items()})


def _read_release(flow_id: str, version: int, folder: Path, problems: list[Problem]) -> Release | None:
    info_path = folder / RELEASE_FILE
    shown = display_path(info_path)
    try:
        info = yaml.safe_load(info_path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as error:
        problems.append(Problem(shown, 1, "", f"cannot read the release record: {type(error).__name__}"))
        return None
    if not isinstance(info, dict) or not isinstance(info.get("files"), list) or not info.get("sha256"):
        problems.append(Problem(shown, 1, "", "not a release record (expected version, flow, files, sha256, …)"))
        return None
    files = [folder / str(name) for name in info["files"]]
    missing = [display_path(path) for path in files if not path.is_file()]
    if missing:
        problems.append(Problem(shown, 1, "files", f"missing from the release: {', '.join(missing)}"))
        return None
    digest = _digest(folder, files)
    if digest != info["sha256"]:
        problems.append(
            Problem(shown, 1, "sha256", f"{flow_id} v{version} was edited after it was published: "
                    "a release is never changed; publish a new version instead")
        )
        return None
    return Release(
        flow_id=flow_id,
        version=version,
        folder=folder,
        flow_file=files[0],
        sha256=digest,
        published_at=str(info.get("published_at", "")),
        published_by=str(info.get("published_by", "")),
        note=str(info.get("note", "")),
        source=str(info.get("source", "draft")),
    )


# --- publishing ----------------------------------------------------------------------------------


def flow_files(flow_file: Path) -> list[Path]:
    """The flow file, every file its `include:` names and its training `examples:` and `settled:` files, the flow
    file first."""
    data = yaml.safe_load(flow_file.read_text(encoding="utf-8")) or {}
    names = list(data.get("include") or []) if isinstance(data, dict) else []
    for key in ("examples", "settled"):
        if isinstance(data, dict) and isinstance(data.get(key), str):
            names.append(data[key])
    return [flow_file] + [flow_file.parent / str(name) for name in names]


def publish_flow(
    flow_file: Path | str,
    by: str,
    note: str,
    at: dt.datetime,
    root: Path | str = RELEASES_ROOT,
    registry: Registry | None = None,
    source: str = "draft",
) -> Release:
    """Validate `flow_file` (with its includes) and record it as the flow's next version.

    Refuses (ConfigError) when the content is the same as the latest release's: nothing to publish.
    """
    flow_file, root = Path(flow_file), Path(root)
    flow = load_flow(flow_file, registry)  # a DefinitionError stops here: nothing half-published
    flow_id, _ = split_released_id(flow.id)
    files = flow_files(flow_file)
    relative = [path.relative_to(flow_file.parent) for path in files]
    existing = load_releases(root).get(flow_id, [])
    newest = latest(existing)
    version = newest.version + 1 if newest is not None else 1
    with tempfile.TemporaryDirectory(dir=root.parent if root.parent.exists() else None) as scratch:
        staging = Path(scratch) / f"v{version}"
        for path, rel in zip(files, relative):
            (staging / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, staging / rel)
        digest = _digest(staging, [staging / rel for rel in relative])
        if newest is not None and digest == newest.sha256:
            raise ConfigError(f"{flow_id}: nothing to publish: the same as v{newest.version}")
        record: dict[str, Any] = {
            "version": version,
            "flow": flow_id,
            "files": [rel.as_posix() for rel in relative],
            "sha256": digest,
            "published_at": at.isoformat(timespec="seconds"),
            "published_by": by,
            "note": note,
            "source": source,
        }
        header = "# A published flow version: never edit these files; publish a new version instead.\n"
        (staging / RELEASE_FILE).write_text(header + yaml.safe_dump(record, sort_keys=False, allow_unicode=True),
                                            encoding="utf-8")
        target = root / flow_id / f"v{version}"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.move(str(staging), target)
    [release] = [r for r in load_releases(root)[flow_id] if r.version == version]
    return release


def _digest(folder: Path, files: Iterable[Path]) -> str:
    """SHA-256 over each file's path (relative to the release) and bytes, in order."""
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes().replace(b"\r\n", b"\n") + b"\0")
    return digest.hexdigest()
