"""QA commands of the `ivr` command line: `ivr replay` and `ivr transcripts export`.

`ivr replay PATH…` runs test calls and transcripts against the current flows
and scripts: a line per file, the first divergence of each failure as a diff,
then `N passed, N failed` (exit 1 on any failure).  `ivr transcripts export`
writes the store's transcripts as YAML files, redacted unless `--keep-pii`;
`ivr transcripts purge` removes those older than the retention period.

Thin shells over `ivr.qa.replay`, `ivr.qa.redact` and `ivr.qa.transcript`.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from ivr.cli import writable
from ivr.errors import ConfigError, display_path
from ivr.qa import transcript as transcripts
from ivr.qa.replay import ReplayResult, Replayer, file_names, replay_paths
from ivr.qa.report import group_failures, signature

PROGRESS_AFTER = 20  # files: a progress bar for larger sets, when stderr is a terminal


def register(main: click.Group) -> None:
    """Add the QA commands to the `ivr` command group."""
    main.add_command(replay_command)
    main.add_command(transcripts_group)


def _config(flows: tuple[Path, ...], scripts: Path | None) -> dict[str, Any]:
    config: dict[str, Any] = {}
    if flows:
        config["FLOWS"] = [str(path) for path in flows]
    if scripts is not None:
        config["SCRIPTS_DIR"] = str(scripts)
    return config


_flows_option = click.option(
    "--flows", multiple=True, type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A flow file to use (repeatable; default: IVR_FLOWS or flows/*.yaml).",
)
_scripts_option = click.option(
    "--scripts", "scripts", type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="The scripts folder to use (default: IVR_SCRIPTS_DIR or scripts/).",
)


# --- replay ------------------------------------------------------------------------------------


@click.command("replay")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("-j", "--jobs", default=1, show_default=True, type=click.IntRange(min=0),
              help="Processes to replay on; 0 uses every core.")
@click.option("--junit-xml", "junit", type=click.Path(dir_okay=False, path_type=Path), help="Also write a JUnit XML report.")
@click.option("--coverage", is_flag=True, help="Report the share of states and transitions exercised, and what was never reached.")
@click.option("-q", "--quiet", is_flag=True, help="Print only failures and the closing line.")
@click.option("--progress/--no-progress", default=None,
              help="A progress bar on stderr (default: for more than 20 files when stderr is a terminal).")
@click.option("--html", "html", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write a self-contained HTML report: summary, grouped divergences, each failing call's timeline.")
@click.option("--against", "against", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="A draft flow file (or a folder of them): report, grouped, how the draft changes each call "
                   "instead of checking the calls (repeatable).")
@click.option("--against-scripts", "against_scripts", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="A draft scripts folder, for the impact report (with or without --against).")
@click.option("--list", "full_list", is_flag=True, help="With --against: list every changed call, not one example per group.")
@click.option("--accept", is_flag=True,
              help="Rewrite each failing transcript with what the current flows say (after reviewing the diffs). "
                   "Test calls are never rewritten.")
@_flows_option
@_scripts_option
def replay_command(paths: tuple[Path, ...], jobs: int, junit: Path | None, coverage: bool, quiet: bool,
                   progress: bool | None, html: Path | None, against: tuple[Path, ...], against_scripts: Path | None,
                   full_list: bool, accept: bool, flows: tuple[Path, ...], scripts: Path | None) -> None:
    """Replay test calls (*.call.yaml) and transcripts (*.transcript.yaml) against the current flows and scripts.

    PATHS are files or folders (searched recursively).  Exit status 1 when any file fails.
    """
    for target in (junit, html):
        if target is not None:
            writable(target)
    try:
        files = file_names(paths)  # the paths' text: a `Path` per file cost more than the listing
    except FileNotFoundError as missing:
        raise click.ClickException(f"no such file or folder: {missing}") from None
    if not files:
        raise click.ClickException(f"no *.call.yaml or *.transcript.yaml files in {', '.join(map(str, paths))}")
    config = _config(flows, scripts)
    if against or against_scripts is not None:
        _impact(files, config, against, against_scripts, full_list)
        return
    started = time.perf_counter()
    seen: dict[tuple[str, ...], str] = {}
    with _progress(len(files), progress) as show:
        results = replay_paths(files, config, jobs, on_result=lambda result: show(_report(result, quiet, seen)), coverage=coverage)
    seconds = time.perf_counter() - started
    failed = sum(1 for result in results if not result.passed)
    if coverage:
        from ivr.qa.coverage import measure

        for flow in measure(Replayer(config).flows, results):
            click.echo(flow.report())
    if junit is not None:
        from ivr.qa.junit import junit_xml

        junit.parent.mkdir(parents=True, exist_ok=True)
        junit.write_text(junit_xml(results, seconds), encoding="utf-8")
    if html is not None:
        _write_html(html, results, seconds, config)
    groups = [group for group in group_failures(results) if group.count > 1]
    if groups:
        distinct = len(group_failures(results))
        click.echo(f"{failed} failures, {distinct} distinct divergence{'s' if distinct != 1 else ''}; shared by several files:")
        for group in groups:
            click.echo(f"  {group.count} files: {group.example.path} and {group.count - 1} more")
    if not quiet:
        steps = sum(result.steps for result in results)
        click.echo(f"replayed {len(results)} files ({steps} steps) in {seconds:.2f}s: {len(results) / seconds:.0f} calls/s")
    click.echo(f"{len(results) - failed} passed, {failed} failed")
    if accept and failed:
        failed -= _accept(results, config)
    if failed:
        sys.exit(1)


def _accept(results: list[ReplayResult], config: dict[str, Any]) -> int:
    """Re-record the failing transcripts that could be read; how many were rewritten."""
    from ivr.errors import IVRError

    replayer = Replayer(config)
    accepted = 0
    for result in results:
        if result.passed or result.kind != "transcript":
            continue
        try:
            recorded = transcripts.load_transcript(result.path)
            transcripts.write(replayer.rerecord(recorded), result.path)
        except IVRError as error:
            click.echo(f"not accepted: {result.path}: {error}", err=True)
            continue
        accepted += 1
        click.echo(f"accepted {result.path}")
    return accepted


def _report(result: ReplayResult, quiet: bool, seen: dict[tuple[str, ...], str]) -> str | None:
    """A file's line; a failure's diff is shown once per distinct divergence (`seen`: signature -> first file)."""
    if result.passed:
        return None if quiet else f"PASS {result.path}"
    key = signature(result.diff)
    if key in seen:
        return f"FAIL {result.path} (the same divergence as {seen[key]})"
    seen[key] = result.path
    indented = "\n".join(f"    {line}" for line in result.diff.splitlines())
    return f"FAIL {result.path}\n{indented}"


def _write_html(target: Path, results: list[ReplayResult], seconds: float, config: dict[str, Any]) -> None:
    """The HTML report; failing calls are played once more to draw their timelines."""
    from ivr.qa.impact import play
    from ivr.qa.report import Timeline, TimelineStep, html_report

    replayer = Replayer(config)

    def timeline_of(result: ReplayResult) -> Timeline | None:
        played = play(replayer, result.path)
        if played.error:
            return None
        steps = tuple(
            TimelineStep(given.describe(), tuple(seen.lines()[:-1]) if seen else (), seen.state if seen else "(not running)")
            for given, seen in zip(played.inputs, played.observed)
        )
        return Timeline(steps, result.steps)

    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(html_report(results, seconds, timeline_of), encoding="utf-8")
    click.echo(f"wrote {display_path(target)}")


def _impact(files: list[str], config: dict[str, Any], against: tuple[Path, ...], against_scripts: Path | None,
            full_list: bool) -> None:
    """`--against`: play every file with the current definitions and with the draft; print the grouped changes."""
    from ivr.qa.impact import measure_impact

    draft = dict(config)
    if against:
        draft["FLOWS"] = [str(path) for path in _flow_files(against)]
    if against_scripts is not None:
        draft["SCRIPTS_DIR"] = str(against_scripts)
    baseline_replayer, draft_replayer = Replayer(config), Replayer(draft)
    current = {flow_id.partition("@")[0] for flow_id in baseline_replayer.flows}
    drafted = {flow_id.partition("@")[0] for flow_id in draft_replayer.flows}
    if against and not drafted & current:
        raise click.ClickException(
            f"--against: {', '.join(map(str, against))} hold{'s' if len(against) == 1 else ''} flow "
            f"{', '.join(repr(flow_id) for flow_id in sorted(drafted))}, a draft of no current flow "
            f"({', '.join(sorted(current))}): a draft keeps the id of the flow it changes")
    with _progress(len(files)) as show:
        report = measure_impact(files, baseline_replayer, draft_replayer, on_call=lambda: show(None))
    for line in report.lines(full_list):
        click.echo(line)


def _flow_files(paths: tuple[Path, ...]) -> list[Path]:
    """Flow files named, or the top-level *.yaml of folders named (fragments sit in sub-folders)."""
    found: list[Path] = []
    for path in paths:
        found += sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    if not found:
        raise click.ClickException(f"no flow files in {', '.join(map(str, paths))}")
    return found


class _progress:
    """Prints report lines; with many files and a terminal, under a tqdm progress bar.

    Under the bar, lines are written in batches (at most ten times a second): clearing and
    redrawing the bar for each of 50,000 lines would cost more than replaying some calls.
    """

    FLUSH_EVERY = 0.1  # seconds

    def __init__(self, total: int, wanted: bool | None = None) -> None:
        self.bar: Any = None
        self.pending: list[str] = []
        self.flushed = 0.0
        if wanted or (wanted is None and total > PROGRESS_AFTER and sys.stderr.isatty()):
            from tqdm import tqdm  # type: ignore[import-untyped]

            self.bar = tqdm(total=total, unit="call", file=sys.stderr, leave=False)

    def __enter__(self) -> Callable[[str | None], None]:
        def show(line: str | None) -> None:
            if self.bar is None:
                if line is not None:
                    click.echo(line)
                return
            if line is not None:
                self.pending.append(line)
            self.bar.update(1)
            now = time.monotonic()
            if self.pending and now - self.flushed >= self.FLUSH_EVERY:
                self._flush(now)

        return show

    def _flush(self, now: float) -> None:
        self.flushed = now
        lines, self.pending = self.pending, []
        self.bar.write("\n".join(lines))

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            if self.pending:
                self._flush(time.monotonic())
            self.bar.close()


# --- transcripts ---------------------------------------------------------------------------------


@click.group("transcripts")
def transcripts_group() -> None:
    """Recorded calls: export them as replayable YAML files."""


@transcripts_group.command("export")
@click.option("--db", "database", metavar="URL", help="The store to read (default: IVR_DATABASE_URL, else INSTANCE/ivr.sqlite3).")
@click.option("--instance", type=click.Path(file_okay=False, path_type=Path), default=Path("instance"), show_default=True,
              help="The app's instance folder (where the default database lives).")
@click.option("--call", "calls", multiple=True, metavar="CALL_SID", help="Export only this call (repeatable).")
@click.option("-o", "--out", type=click.Path(file_okay=False, path_type=Path), default=Path("transcripts"), show_default=True,
              help="Folder to write the *.transcript.yaml files to.")
@click.option("--keep-pii", is_flag=True, help="Keep real receipt numbers, A-numbers, dates of birth, phone numbers and names.")
@click.option("--verify/--no-verify", default=True, show_default=True,
              help="Re-record each redacted call with the current flows and check it takes the original's path "
                   "(without: substitution only).")
@_flows_option
@_scripts_option
def export_command(database: str | None, instance: Path, calls: tuple[str, ...], out: Path, keep_pii: bool, verify: bool,
                   flows: tuple[Path, ...], scripts: Path | None) -> None:
    """Write the store's call transcripts as *.transcript.yaml files, identifiers redacted by default."""
    from ivr import config as configuration
    from ivr.store.line import open_store

    if database:
        try:
            configuration.check_database_url(database, "--db")
        except ConfigError as error:
            raise click.ClickException(str(error)) from None
    url = recorded_store_url(database, configuration.resolve({}).get("DATABASE_URL"), instance)
    writable(out, folder=True)  # made even for no calls: the README replays it next
    store = open_store(url, serving=False)
    try:
        sids = list(calls) or [record.call_sid for record in store.iter_calls()]
        recorded = [(sid, transcripts.from_entries(store.transcript(sid))) for sid in sids]
    finally:
        store.close()
    missing = [sid for sid, found in recorded if not found]
    if calls and missing:
        raise click.ClickException(f"no transcript for call(s) {', '.join(missing)}")
    from ivr.qa.export import RedactionLeak, export

    replayer = Replayer(_config(flows, scripts)) if not keep_pii else None
    redactor = None
    if replayer is not None:
        from ivr.qa.redact import Redactor, collect_validators

        redactor = Redactor(collect_validators([flow.flow for flow in replayer.flows.values()]))
    from ivr.qa.titles import slug, title

    flows_by_id = {flow_id: flow.flow for flow_id, flow in (replayer or Replayer(_config(flows, scripts))).flows.items()}
    written = refused = 0
    for sid, found in recorded:
        for index, original in enumerate(found):
            try:
                exported = export(original, redactor, replayer if verify else None)
            except RedactionLeak as leak:
                refused += 1
                click.echo(f"error: {leak}: not exported", err=True)
                continue
            if exported.warning:
                click.echo(f"warning: call {sid}: {exported.warning}", err=True)
            named = title(exported.transcript, flows_by_id.get(exported.transcript.flow_id))
            name = transcripts.file_name(exported.transcript, index, slug(named))
            target = transcripts.write(exported.transcript, out / name, named)
            written += 1
            click.echo(f"wrote {display_path(target)}")
    click.echo(f"{written} transcript{'s' if written != 1 else ''} exported{'' if keep_pii else ' (redacted)'} to {display_path(out)}")
    if refused:
        sys.exit(1)


@transcripts_group.command("purge")
@click.option("--db", "database", metavar="URL", help="The store to purge (default: IVR_DATABASE_URL, else INSTANCE/ivr.sqlite3).")
@click.option("--instance", type=click.Path(file_okay=False, path_type=Path), default=Path("instance"), show_default=True,
              help="The app's instance folder (where the default database lives).")
@click.option("--older-than", "older_than", metavar="AGE",
              help="Remove calls that started longer ago than this: '30d', '12h' (default: RETENTION_DAYS days).")
def purge_command(database: str | None, instance: Path, older_than: str | None) -> None:
    """Remove old transcripts and call sessions, and old identity failures; case changes and requests stay.

    "Now" is the app's clock (CLOCK when set, so a frozen demo purges relative to its own instant).
    """
    from ivr import config as configuration
    from ivr.clock import Clock
    from ivr.errors import ConfigError
    from ivr.store.line import open_store

    try:
        settings = configuration.resolve({})
    except ConfigError as error:
        raise click.ClickException(str(error)) from None
    age = parse_age(older_than) if older_than else dt.timedelta(days=int(settings["RETENTION_DAYS"]))
    now = Clock.parse(settings.get("CLOCK")).now()
    url = recorded_store_url(database, settings.get("DATABASE_URL"), instance)
    store = open_store(url, serving=False)
    try:
        report = store.purge(now - age)
    finally:
        store.close()
    # counts only: no call id or identifier is printed
    click.echo(f"purged {report.calls} call{'s' if report.calls != 1 else ''} "
               f"({report.transcript_entries} transcript entries) and {report.identity_failures} identity failures "
               f"older than {_age_text(age)}")


def recorded_store_url(database: str | None, configured: str | None, instance: Path) -> str:
    """The URL of the store a reading command opens: --db, else DATABASE_URL, else INSTANCE/ivr.sqlite3.

    A SQLite file that is not there is an error (one line), not a new empty store reported as
    "0 calls": the command was run from another folder, or the path was mistyped."""
    url = database or configured or f"sqlite:///{instance / 'ivr.sqlite3'}"
    if url.startswith("sqlite:///") and ":memory:" not in url:
        path = Path(url.removeprefix("sqlite:///").split("?")[0])
        if not path.is_file():
            where = "--db" if database else "DATABASE_URL" if configured else "--instance"
            raise click.ClickException(f"no database at {display_path(path)}: nothing has been recorded there "
                                       f"(`ivr serve` and `make run` record calls in INSTANCE/ivr.sqlite3; check {where})")
    return url


def parse_age(text: str) -> dt.timedelta:
    """'30d' / '12h' / '90m' as a duration; a `click.BadParameter` otherwise."""
    match = re.fullmatch(r"\s*([0-9]+)\s*([dhm])\s*", text)
    if match is None or int(match[1]) < 1:
        raise click.BadParameter(f"'{text}' is not an age such as 30d, 12h or 90m", param_hint="--older-than")
    unit = {"d": "days", "h": "hours", "m": "minutes"}[match[2]]
    if int(match[1]) > {"d": 1, "h": 24, "m": 24 * 60}[match[2]] * MAX_AGE_DAYS:
        raise click.BadParameter(f"'{text}' is more than {MAX_AGE_DAYS // 365} years (nothing is that old)", param_hint="--older-than")
    return dt.timedelta(**{unit: int(match[1])})


MAX_AGE_DAYS = 36_500
"""The oldest age `--older-than` takes: a hundred years back is still a date (a larger one overflowed)."""


def _age_text(age: dt.timedelta) -> str:
    return f"{age.days} days" if age.seconds == 0 else str(age)
