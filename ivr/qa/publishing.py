"""`ivr flows …` and `ivr scripts …`: publish, list and compare versions of flows and Tier 1 scripts.

    ivr flows publish uscis_contact_center --note "Hours option reworded"
    ivr flows publish uscis_contact_center --from 2 --note "Roll back"    # an older version, again
    ivr flows list uscis_contact_center
    ivr flows diff uscis_contact_center 2 draft
    ivr scripts publish biometrics-reschedule --note "New wording from HQ"
    ivr scripts list [ID]
    ivr scripts diff biometrics-reschedule 1 2

A published version is immutable (`ivr.definitions.releases`, the scripts'
lock); the phone line runs it, rehearsals may run the draft.  Thin shells:
the work is in `ivr.definitions.releases`, `ivr.definitions.scripts` and
`ivr.qa.definition_diff`.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from ivr.core.flow import Flow

from ivr.errors import display_path

__all__ = ["register"]


def register(main: click.Group) -> None:
    """Add `ivr flows` and `ivr scripts` to the command group."""
    main.add_command(flows_group)
    main.add_command(scripts_group)


def _who(by: str | None) -> str:
    if by:
        return by
    try:
        return os.environ.get("IVR_USER") or getpass.getuser()
    except (KeyError, OSError):  # no passwd entry in some containers
        return "unknown"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


_by_option = click.option("--by", metavar="NAME", help="Who publishes (default: IVR_USER, else the login name).")
def _a_note(ctx: click.Context, param: click.Parameter, value: str) -> str:
    """A published version is kept for good with its note: a blank one says nothing about why."""
    if not value.strip():
        raise click.BadParameter("say why you publish (it is kept with the version for good)")
    return value.strip()


_note_option = click.option("--note", "-m", required=True, callback=_a_note, help="Why: recorded with the version.")


# --- flows ---------------------------------------------------------------------------------------


@click.group("flows")
def flows_group() -> None:
    """Published flow versions: publish the draft, list versions, compare two."""


def _draft_file(flow: str, flows_dir: Path) -> Path:
    candidate = Path(flow)
    if candidate.suffix in {".yaml", ".yml"}:
        if not candidate.is_file():
            raise click.ClickException(f"no flow file {flow}")
        return candidate
    path = flows_dir / f"{flow}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(p.stem for p in flows_dir.glob("*.yaml"))) or "none"
        raise click.ClickException(f"no flow '{flow}' in {display_path(flows_dir)} (known: {known})")
    return path


_flows_dir_option = click.option(
    "--flows-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="The folder of the working flows (default: the shipped flows/).",
)
_releases_option = click.option(
    "--releases", "releases_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="Where published versions are kept (default: flows/releases/).",
)


def _dirs(flows_dir: Path | None, releases_dir: Path | None) -> tuple[Path, Path]:
    from ivr.definitions.flows import FLOWS_ROOT

    flows_dir = flows_dir or FLOWS_ROOT
    return flows_dir, releases_dir or flows_dir / "releases"


@flows_group.command("publish")
@click.argument("flow")
@_note_option
@_by_option
@click.option("--from", "from_version", type=click.IntRange(min=1), help="Publish this older version again (a roll-back).")
@_flows_dir_option
@_releases_option
def flows_publish(flow: str, note: str, by: str | None, from_version: int | None, flows_dir: Path | None,
                  releases_dir: Path | None) -> None:
    """Record the draft of FLOW (an id, or a flow file) as its next published version."""
    from ivr.definitions.releases import load_releases, publish_flow

    flows_dir, releases_dir = _dirs(flows_dir, releases_dir)
    if from_version is None:
        source, source_file = "draft", _draft_file(flow, flows_dir)
    else:
        flow_id = Path(flow).stem
        older = {release.version: release for release in load_releases(releases_dir).get(flow_id, [])}
        if from_version not in older:
            raise click.ClickException(f"{flow_id} has no published version {from_version} (published: {_versions(older)})")
        source, source_file = f"v{from_version}", older[from_version].flow_file
    release = publish_flow(source_file, _who(by), note, _now(), releases_dir, source=source)
    click.echo(f"published {release.ref} ({'from ' + source if source != 'draft' else 'the draft'}) "
               f"in {display_path(release.folder)}")


@flows_group.command("list")
@click.argument("flow", required=False)
@_flows_dir_option
@_releases_option
def flows_list(flow: str | None, flows_dir: Path | None, releases_dir: Path | None) -> None:
    """The published versions of FLOW (every flow when left out), newest last; the live one marked."""
    from ivr.definitions.releases import load_releases

    flows_dir, releases_dir = _dirs(flows_dir, releases_dir)
    releases = load_releases(releases_dir)
    wanted = [Path(flow).stem] if flow else sorted(releases)
    if flow and wanted[0] not in releases:
        _draft_file(flow, flows_dir)  # a flow that does not exist is an error, not "never published"
        click.echo(f"{wanted[0]}: never published (the phone line runs the working copy)")
        return
    for flow_id in wanted:
        versions = releases[flow_id]
        for release in versions:
            live = "  <- live" if release is versions[-1] else ""
            source = f" (again from {release.source})" if release.source != "draft" else ""
            click.echo(f"{release.ref}  {release.published_at}  by {release.published_by}{source}: {release.note}{live}")


@flows_group.command("diff")
@click.argument("flow")
@click.argument("old")
@click.argument("new", default="draft")
@_flows_dir_option
@_releases_option
def flows_diff(flow: str, old: str, new: str, flows_dir: Path | None, releases_dir: Path | None) -> None:
    """Compare two versions of FLOW in words: OLD and NEW are version numbers, `live` or `draft` (the default NEW)."""
    from ivr.qa.definition_diff import diff_flows

    flows_dir, releases_dir = _dirs(flows_dir, releases_dir)
    before, after = _flow_version(flow, old, flows_dir, releases_dir), _flow_version(flow, new, flows_dir, releases_dir)
    lines = diff_flows(before, after)
    click.echo(f"{Path(flow).stem} {old} -> {new}: {len(lines)} change{'s' if len(lines) != 1 else ''}")
    for line in lines:
        click.echo(f"  {line}")


def _flow_version(flow: str, which: str, flows_dir: Path, releases_dir: Path) -> Flow:
    from ivr.core.registry import builtin_registry
    from ivr.definitions.flows import load_flow
    from ivr.definitions.releases import latest, load_release, load_releases

    registry = builtin_registry()
    if which == "draft":
        return load_flow(_draft_file(flow, flows_dir), registry)
    flow_id = Path(flow).stem
    releases = {release.version: release for release in load_releases(releases_dir).get(flow_id, [])}
    if which == "live":
        newest = latest(releases.values())
        if newest is None:
            raise click.ClickException(f"{flow_id} was never published: compare with `draft`")
        return load_release(newest, registry)
    if not which.isdigit() or int(which) not in releases:
        raise click.ClickException(f"{flow_id} has no version '{which}' (published: {_versions(releases)}; or live, draft)")
    return load_release(releases[int(which)], registry)


def _versions(releases: Mapping[int, object]) -> str:
    return ", ".join(str(version) for version in sorted(releases)) or "none"


# --- scripts -------------------------------------------------------------------------------------


@click.group("scripts")
def scripts_group() -> None:
    """Tier 1 response scripts: publish drafts, list versions, compare two."""


_scripts_dir_option = click.option(
    "--scripts", "scripts_dir", type=click.Path(file_okay=False, path_type=Path), default=None,
    help="The scripts folder (default: the shipped scripts/).",
)


def _scripts_root(scripts_dir: Path | None) -> Path:
    from ivr.definitions.scripts import SCRIPTS_ROOT

    return scripts_dir or SCRIPTS_ROOT


@scripts_group.command("publish")
@click.argument("ids", nargs=-1)
@_note_option
@_by_option
@_scripts_dir_option
def scripts_publish(ids: tuple[str, ...], note: str, by: str | None, scripts_dir: Path | None) -> None:
    """Publish the drafts of script IDS (every draft when none is named): they become immutable."""
    from ivr.definitions.scripts import publish

    refs = publish(_scripts_root(scripts_dir), ids or None, _who(by), note, _now())
    if not refs:
        raise click.ClickException(f"nothing to publish: no draft of {', '.join(ids) if ids else 'any script'}")
    for ref in refs:
        click.echo(f"published {ref}")


@scripts_group.command("list")
@click.argument("script_id", required=False)
@_scripts_dir_option
def scripts_list(script_id: str | None, scripts_dir: Path | None) -> None:
    """Every version of every script (or of SCRIPT_ID): effective date, published or draft, who and why."""
    from ivr.definitions.scripts import Script, Wording, load_scripts, publication_records

    root = _scripts_root(scripts_dir)
    library = load_scripts(root, include_drafts=True)
    records = publication_records(root)
    every: dict[str, tuple[Script | Wording, ...]] = {**library.versions, **library.wordings}  # and Tier 1's wording scripts
    ids = [script_id] if script_id else sorted(every)
    for id_ in ids:
        if id_ not in every:
            raise click.ClickException(f"no script {id_} (known: {', '.join(sorted(every))})")
        for script in every[id_]:
            status = "draft" if script.ref in library.draft_refs else "published"
            record = records.get(script.ref, "")
            click.echo(f"{script.ref}  effective {script.effective.isoformat()}  {status}{'  ' + record if record else ''}")


@scripts_group.command("diff")
@click.argument("script_id")
@click.argument("old", type=click.IntRange(min=1))
@click.argument("new", type=click.IntRange(min=1))
@_scripts_dir_option
def scripts_diff(script_id: str, old: int, new: int, scripts_dir: Path | None) -> None:
    """Compare two versions of a script in words (drafts included)."""
    from ivr.definitions.scripts import load_scripts
    from ivr.qa.definition_diff import diff_scripts, diff_wordings

    library = load_scripts(_scripts_root(scripts_dir), include_drafts=True)
    try:
        if script_id in library.wordings:  # one of Tier 1's wording scripts
            lines = diff_wordings(library.get_wording(f"{script_id}@{old}"), library.get_wording(f"{script_id}@{new}"))
        else:
            lines = diff_scripts(library.get(f"{script_id}@{old}"), library.get(f"{script_id}@{new}"))
    except KeyError as missing:
        raise click.ClickException(str(missing).strip("'\"")) from None
    click.echo(f"{script_id} {old} -> {new}: {len(lines)} change{'s' if len(lines) != 1 else ''}")
    for line in lines:
        click.echo(f"  {line}")
