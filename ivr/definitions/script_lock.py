"""The published lock of the Tier 1 script library: `scripts/published.lock`, and publishing.

One `id@version sha256` line per published version (the SHA-256 of the version
file's normalised text, `content_hash`), with who published it, when and why after
a `#`.  `read_lock` reads it for `ivr.definitions.scripts.load_scripts`, which
refuses a published version edited since; `publish` checks the whole library
(drafts included) and adds drafts to the lock; `publication_records` says what
the lock records of each version.  Loading the files and checking them is
`ivr.definitions.scripts`'s.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ivr.errors import ConfigError, Problem, display_path

LOCK_NAME = "published.lock"


@dataclass(frozen=True)
class LockEntry:
    """A published version's line in the lock: its hash, and the line it is on."""

    digest: str
    line: int


def publish(
    root: Path | str | None = None,
    ids: Iterable[str] | None = None,
    by: str = "",
    note: str = "",
    at: dt.datetime | None = None,
) -> list[str]:
    """Add the drafts under `root` (of `ids` only, when given) to its lock; return the refs newly published.

    Everything is checked first (drafts included): nothing is published while any
    file has a problem.  `by`, `at` and `note` are recorded on each lock line, after a `#`.
    """
    from ivr.definitions.scripts import SCRIPTS_ROOT, load_scripts  # loading reads the lock through this module

    root = Path(root if root is not None else SCRIPTS_ROOT)
    library = load_scripts(root, include_drafts=True)
    wanted = set(ids) if ids is not None else None
    if wanted is not None:
        known = set(library.versions) | set(library.wordings)
        unknown = sorted(wanted - known)
        if unknown:
            raise ConfigError(f"no script {', '.join(unknown)} (known: {', '.join(sorted(known))})")
    every = sorted((*library.refs(), *library.wording_refs()), key=parse_ref)
    refs = [ref for ref in every if ref in library.draft_refs and (wanted is None or parse_ref(ref)[0] in wanted)]
    if not refs:
        return []
    record = _lock_comment(by, note, at)
    lines = []
    for ref in refs:
        id_, number = parse_ref(ref)
        text = (root / id_ / f"v{number}.yaml").read_text(encoding="utf-8")
        lines.append(f"{ref} {content_hash(text)}{record}\n")
    lock_path = root / LOCK_NAME
    existing = lock_path.read_text(encoding="utf-8") if lock_path.exists() else _LOCK_HEADER
    if existing and not existing.endswith("\n"):
        existing += "\n"
    _write_atomically(lock_path, existing + "".join(lines))
    return refs


def content_hash(text: str) -> str:
    """SHA-256 of a version file's text with line endings and trailing blanks normalised.

    A checkout that turns LF into CRLF, or an editor that trims trailing spaces,
    does not count as an edit; any other change does, comments included.
    """
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    normalised = "\n".join(lines).strip("\n") + "\n"
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


_LOCK_HEADER = (
    "# Published Tier 1 response script versions: id@version and the SHA-256 of the\n"
    "# version file's normalised text.  Written by `ivr scripts publish`; do not edit.\n"
    "# A published version is never edited: publish a new version instead.\n"
)
_LOCK_LINE = re.compile(
    r"(?P<id>[^\s@]+)@(?P<version>[1-9][0-9]*)\s+(?P<digest>[0-9a-f]{64})(?:\s+#\s?(?P<record>.*))?"
)


def _lock_comment(by: str, note: str, at: dt.datetime | None) -> str:
    """`  # 2026-11-28T08:00:00+00:00 by jane: the note` (who, when and why, on the lock line)."""
    parts = []
    if at is not None:
        parts.append(at.isoformat(timespec="seconds"))
    if by:
        parts.append(f"by {' '.join(by.split())}")
    head = " ".join(parts)
    text = " ".join(note.split())
    if not head and not text:
        return ""
    return f"  # {head}{': ' if head and text else ''}{text}"


def publication_records(root: Path | str | None = None) -> dict[str, str]:
    """What the lock says of each published ref: when, by whom and why (the text after `#`)."""
    if root is None:
        from ivr.definitions.scripts import SCRIPTS_ROOT

        root = SCRIPTS_ROOT
    path = Path(root) / LOCK_NAME
    records: dict[str, str] = {}
    if path.exists():
        for raw in path.read_text(encoding="utf-8").splitlines():
            found = _LOCK_LINE.fullmatch(raw.strip())
            if found is not None:
                records[f"{found['id']}@{found['version']}"] = found["record"] or ""
    return records


def read_lock(root: Path, problems: list[Problem]) -> dict[str, LockEntry]:
    path = root / LOCK_NAME
    if not path.exists():
        return {}
    shown = display_path(path)
    entries: dict[str, LockEntry] = {}
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        found = _LOCK_LINE.fullmatch(line)
        if found is None:
            problems.append(
                Problem(shown, number, "", f"cannot read '{line}' (expected 'id@version sha256')")
            )
            continue
        ref = f"{found['id']}@{found['version']}"
        if ref in entries:
            problems.append(Problem(shown, number, ref, f"listed twice (first on line {entries[ref].line})"))
            continue
        entries[ref] = LockEntry(found["digest"], number)
    return entries


def parse_ref(ref: str) -> tuple[str, int]:
    id_, at, version = ref.partition("@")
    if not at or not id_ or not re.fullmatch(r"[1-9][0-9]*", version):
        raise ValueError(f"'{ref}' is not a script reference (id@version, like case-status@1)")
    return id_, int(version)


def _write_atomically(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
