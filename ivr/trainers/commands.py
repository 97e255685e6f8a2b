"""The trainers' commands: `ivr graph`, `ivr rehearse`, `ivr coverage`, `ivr serve` (`ivr validate` is `validate_command`).

Each command is a small click function over the modules of this package;
`register(main)` adds them to the `ivr` group (`ivr.cli`).  User errors are
`ClickException`s (exit 1), usage errors exit 2.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shlex
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import click

from ivr import config as settings
from ivr.cli import writable
from ivr.clock import parse_instant
from ivr.core.flow import Flow
from ivr.core.registry import builtin_registry
from ivr.definitions.cases import DEMO_CLOCK, Case
from ivr.definitions.flows import load_flow, load_flows
from ivr.errors import ConfigError, DefinitionError, display_path
from ivr.qa import transcript as transcripts
from ivr.trainers import graph as graphs
from ivr.trainers.coverage import CoverageLog, branches, trainee_name

if TYPE_CHECKING:  # Flask, SQLAlchemy and the call service load only for the commands that run calls
    from ivr.app import Runtime
    from ivr.trainers.practice import PracticeCall

INSTANCE = Path("instance")
COVERAGE_FILE = "coverage.json"
REHEARSALS = "rehearsals"
GRAPH_FORMATS = {".svg": "svg", ".mmd": "mmd", ".mermaid": "mmd", ".dot": "dot", ".gv": "dot", ".json": "json"}

_instance_option = click.option(
    "--instance", type=click.Path(file_okay=False, path_type=Path), default=INSTANCE, show_default=True,
    help="Folder for the database, transcripts and coverage.",
)


def register(main: click.Group) -> None:
    """Add the trainers' commands to the `ivr` command group."""
    for command in (graph_command, rehearse_command, coverage_command, serve_command):
        main.add_command(command)


# --- graph ----------------------------------------------------------------------------------


@click.command("graph")
@click.argument("flow", required=False)
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write here; the format follows the suffix (.svg .mmd .dot .json). Default: Mermaid on stdout.")
@click.option("--format", "fmt", type=click.Choice(["svg", "mmd", "dot", "json"]), help="Override the suffix.")
@click.option("--builtin", is_flag=True, help="SVG from the built-in layout even when Graphviz is installed.")
@click.option("--overview", is_flag=True, help="One box per topic (the states named `topic.*`): a picture for a README.")
def graph_command(flow: str | None, output: Path | None, fmt: str | None, builtin: bool, overview: bool) -> None:
    """Draw a flow (an id or a file; the default flow when left out): menus, transitions, escalation.

    SVG is laid out by Graphviz when `dot` is installed; Mermaid (.mmd) needs nothing.
    """
    if output is not None:
        writable(output)
    chosen = _load_flow(flow)
    if fmt is None:
        fmt = GRAPH_FORMATS.get(output.suffix.lower(), None) if output is not None else "mmd"
        if fmt is None:
            raise click.BadParameter(f"cannot tell the format of '{output}' (use .svg, .mmd, .dot or .json, or --format)",
                                     param_hint="-o")
    graph = graphs.flow_graph(chosen)
    if overview:
        graph = graphs.overview(graph)
    if fmt == "svg":
        if not builtin and graphs.dot_program() is None:
            click.echo("Graphviz is not installed (apt-get install graphviz): using the built-in layout.", err=True)
        text = graphs.render_svg(graph, use_dot=not builtin)
    elif fmt == "dot":
        text = graphs.to_dot(graph)
    elif fmt == "json":
        text = json.dumps(graph.to_dict(), indent=1) + "\n"
    else:
        text = graphs.to_mermaid(graph)
    if output is None:
        click.echo(text, nl=False)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    click.echo(f"wrote {output} ({fmt}, {len(graph.nodes)} boxes, {len(graph.edges)} arrows)", err=True)


def _load_flow(name: str | None) -> Flow:
    """A flow by file path or by id among the shipped flows."""
    if name is not None and (name.endswith((".yaml", ".yml")) or os.sep in name):
        if not Path(name).is_file():
            raise click.BadParameter(f"no such file '{name}'", param_hint="FLOW")
        return _flow_file(Path(name))  # its problems print as `ivr validate` prints them
    try:
        flows = load_flows(None, builtin_registry())
    except DefinitionError as error:
        raise click.ClickException(f"the flow has problems (run `ivr validate`):\n{error}") from None
    wanted = name or settings.resolve({})["DEFAULT_FLOW"]
    if wanted not in flows:
        if name is None:
            return next(iter(flows.values()))
        raise click.BadParameter(f"unknown flow '{name}' (known: {', '.join(sorted(flows))})", param_hint="FLOW")
    return flows[wanted]


def _flow_file(path: Path) -> Flow:
    """A flow given as a file, loaded through `ivr validate`'s path: the same problems, said the same way.

    A fragment (states only) stands for the flow that includes it; any other kind of file is refused.
    """
    from ivr.trainers.validate import Report, classify, validate

    report = validate([path])
    if report.problems:
        raise DefinitionError(report.problems)
    flows = [found for kind, found in classify(path, Report()) if kind == "flow"]
    if not flows:
        raise click.BadParameter(f"'{path}' is not a flow (`ivr validate {path}` says what it is)", param_hint="FLOW")
    return load_flow(flows[0], builtin_registry())


# --- rehearse ---------------------------------------------------------------------------------


@click.command("rehearse")
@click.argument("flow", required=False)
@click.option("--lang", type=click.Choice(["en", "es"]), help="Choose this language at the language menu.")
@click.option("--at", "at", metavar="ISO-TIME", help="Simulated start, e.g. 2026-11-23T19:55:00-05:00.")
@click.option("--case", "receipt", metavar="RECEIPT", help="Play the caller of this case (shows what they know).")
@click.option("--from", "caller", metavar="NUMBER", help="The caller's phone number.")
@click.option("--trainee", envvar="IVR_TRAINEE", help="Whose coverage checklist this rehearsal counts for.")
@click.option("--db", metavar="URL", help="A database to keep the world in (default: a fresh demo world).")
@click.option("--transcript", "transcript_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to save the transcript (default: INSTANCE/rehearsals/).")
@click.option("--drafts", is_flag=True, help="Hear draft Tier 1 scripts as if published (flows: rehearsals run the draft).")
@click.option("--pin", "pins", multiple=True, metavar="ID@N", help="Hear this version of a Tier 1 script (repeatable; drafts too).")
@_instance_option
def rehearse_command(flow: str | None, lang: str | None, at: str | None, receipt: str | None, caller: str | None,
                     trainee: str | None, db: str | None, transcript_path: Path | None, drafts: bool,
                     pins: tuple[str, ...], instance: Path) -> None:
    """Rehearse a call in the terminal: type keys (1, 0912345678#) or words; /help for commands.

    Piped input works too: printf '1\\n8\\n9\\n' | ivr rehearse.  At the end: a summary, the
    transcript saved for `ivr replay`, and the trainee's coverage counted.
    """
    try:
        name = trainee_name(trainee)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--trainee") from None
    from ivr.trainers.practice import PracticeCall, case_card
    from ivr.trainers.rehearse import rehearse
    from ivr.web.rehearsals import RehearsalBook
    from ivr.web.timeline import summarize

    writable(instance, folder=True, private=True)
    if transcript_path is not None:
        writable(transcript_path)
    try:
        CoverageLog(instance / COVERAGE_FILE).trainees()  # counted after the call: a damaged file is said now
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    runtime = _runtime(flow, db, instance, drafts or bool(pins), _script_pins(pins))
    try:
        start = _start_instant(at, runtime)
        case = _find_case(runtime, receipt) if receipt else None
        book = RehearsalBook(getattr(runtime.store, "engine"))
        call = PracticeCall(runtime.calls, channel="rehearsal", caller=caller or (case.phone if case else None),
                            world=book.world(name))  # the trainee's training world, never the phone line's
        book.start(call.call_sid, name, call.flow.id, call.world, start, lang, case.receipt_number if case else None)
        click.echo(f"Rehearsing {call.flow.title} at {start.strftime('%A %Y-%m-%d %H:%M %z')}"
                   f"{f' from {call.caller}' if call.caller else ''} (trainee: {name}).")
        for line in case_card(case) if case else ():
            click.echo(line)
        click.echo("Type keys (1, 0912345678#) or words; /help for commands.\n")
        first = call.start(at=start, language=lang)
        interactive = sys.stdin.isatty()
        rehearse(call, _lines(sys.stdin, interactive), click.echo, first=first, echo_input=not interactive,
                 width=min(100, shutil.get_terminal_size((88, 24)).columns - 2))
        _wrap_up(runtime, call, name, instance, transcript_path, flow if flow is not None and Path(flow).is_file() else None)
        if call.session is not None:
            book.finish(call.call_sid, summarize(call.flow, call.session, runtime.store.transcript(call.call_sid)))
    finally:
        runtime.store.close()


def _find_case(runtime: Runtime, receipt: str) -> Case:
    """A case of the training data (rehearsals never run on the phone line's cases)."""
    cases = runtime.calls.training or runtime.cases
    case = cases.get(receipt.strip().upper().replace("-", "").replace(" ", ""))
    if case is None:
        known = ", ".join(c.receipt_number for c in list(cases)[:6])
        raise click.BadParameter(f"no case '{receipt}' in the case data (e.g. {known}, …)", param_hint="--case")
    return case


def _wrap_up(runtime: Runtime, call: PracticeCall, trainee: str, instance: Path, transcript_path: Path | None,
             flow_file: str | None = None) -> None:
    """After the call: count the trainee's coverage, print the summary in plain words, save the transcript."""
    from ivr.trainers.labels import labels_for
    from ivr.web.timeline import summarize, summary_rows

    assert call.session is not None
    entries = runtime.store.transcript(call.call_sid)
    recorded = transcripts.from_entries(entries)
    saved = None
    if recorded:  # saved first: nothing after the call may lose it
        target = transcript_path or instance / REHEARSALS / transcripts.file_name(recorded[-1])
        saved = display_path(transcripts.write(recorded[-1], target))
    log = CoverageLog(instance / COVERAGE_FILE)
    done = log.record(trainee, call.flow, entries)
    click.echo("")
    labels = labels_for(call.flow, "en")  # the terminal's chrome is English; only what the caller heard is in the call's language
    turns = len(call.turns)
    click.echo(f"Call over after {turns} turn{'s' if turns != 1 else ''}; it ended at: {labels.state(call.session.state)}.")
    summary = summarize(call.flow, call.session, entries)
    summary["effects"] = call.changes  # what the trainer saw change: the case rehearsed, not the stored token of its receipt
    for heading, words in summary_rows(summary, labels, runtime.engine.services.scripts):
        click.echo(f"{heading}: {words}")
    names = {branch.id: branch.label for branch in branches(call.flow, labels.language)}
    click.echo("Branches rehearsed: " + ("; ".join(names.get(b, b) for b in sorted(done)) or "none"))
    checklist = log.checklist(trainee, call.flow)
    click.echo(f"Coverage: {checklist.done} of {checklist.total} branches rehearsed by {trainee} "
               f"(ivr coverage --trainee '{trainee}').")
    if saved:
        flows = f" --flows {shlex.quote(flow_file)}" if flow_file else ""  # a flow file rehearsed: replay needs it too
        click.echo(f"Transcript: {saved} (replay it with: {ivr_command()} replay{flows} {shlex.quote(saved)})")


def _script_pins(pins: tuple[str, ...]) -> dict[str, int]:
    """`--pin id@N` options as SCRIPT_PINS."""
    parsed: dict[str, int] = {}
    for pin in pins:
        id_, at, version = pin.partition("@")
        if not at or not id_ or not version.isdigit() or int(version) < 1:
            raise click.BadParameter(f"'{pin}' is not a script version (id@N, like case-status@2)", param_hint="--pin")
        parsed[id_] = int(version)
    return parsed


def _runtime(flow: str | None, db: str | None, instance: Path, drafts: bool = False,
             pins: dict[str, int] | None = None) -> Runtime:
    from ivr.app import build_runtime

    if db:
        try:
            settings.check_database_url(db, "--db")
        except ConfigError as error:
            raise click.ClickException(str(error)) from None
    overrides: dict[str, Any] = {"DATABASE_URL": db or "sqlite://", "TIER_ROUTING": {}}
    if drafts:
        overrides["SCRIPT_DRAFTS"] = True
    if pins:
        overrides["SCRIPT_PINS"] = pins
    if flow is not None:
        chosen = _load_flow(flow)
        overrides["DEFAULT_FLOW"] = chosen.id
        if Path(flow).is_file():
            overrides["FLOWS"] = [flow]
    try:
        return build_runtime(settings.resolve(overrides), instance)
    except (ConfigError, DefinitionError) as error:
        raise click.ClickException(str(error)) from None


def _start_instant(at: str | None, runtime: Runtime) -> dt.datetime:
    """--at, else the configured CLOCK, else the demo instant for the demo data, else now."""
    if at:
        try:
            return parse_instant(at, "--at")
        except ConfigError as exc:
            raise click.BadParameter(str(exc).removeprefix("--at: "), param_hint="--at") from None
    if runtime.clock.frozen is not None:
        return runtime.clock.frozen
    if not runtime.settings.get("CASES_FILE"):
        return DEMO_CLOCK
    return dt.datetime.now(dt.timezone.utc).astimezone()


def ivr_command() -> str:
    """How to run `ivr` from here, as the user can type it: `ivr` when it is on the PATH, else its path."""
    program = Path(sys.argv[0])
    on_path = shutil.which("ivr")
    if program.name == "ivr" and on_path and Path(on_path).resolve() == program.resolve():
        return "ivr"
    beside = Path(sys.executable).with_name("ivr")  # the console script of this interpreter's venv
    if beside.exists():
        return display_path(beside)
    return f"{display_path(sys.executable)} -m ivr"


def _lines(stream: TextIO, interactive: bool) -> Iterator[str]:
    if not interactive:
        yield from stream
        return
    try:  # line editing and history for input(), where the platform has it
        import readline  # noqa: F401
    except ImportError:
        pass
    while True:
        try:
            yield input("> ")
        except (EOFError, KeyboardInterrupt):
            click.echo("")
            return


# --- coverage -----------------------------------------------------------------------------------


@click.command("coverage")
@click.argument("flow", required=False)
@click.option("--trainee", envvar="IVR_TRAINEE", help="Whose checklist (default: 'trainee').")
@click.option("--all", "everyone", is_flag=True, help="Every trainee's checklist.")
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a checklist.")
@_instance_option
def coverage_command(flow: str | None, trainee: str | None, everyone: bool, as_json: bool, instance: Path) -> None:
    """A trainee's checklist: the branches rehearsed (terminal and softphone) and not yet."""
    chosen = _load_flow(flow)
    log = CoverageLog(instance / COVERAGE_FILE)
    try:
        names = log.trainees() if everyone else [trainee_name(trainee)]
        checklists = [log.checklist(name, chosen) for name in names]
    except ValueError as exc:  # a bad name, or a coverage file that is not one
        raise click.ClickException(str(exc)) from None
    if as_json:
        click.echo(json.dumps([c.to_dict() for c in checklists], indent=1))
        return
    if not checklists:
        click.echo(f"No rehearsals recorded in {instance / COVERAGE_FILE} yet.")
    for checklist in checklists:
        click.echo(checklist.render())


# --- serve ------------------------------------------------------------------------------------------


@click.command("serve")
@click.option("--demo", is_flag=True, help=f"Freeze the clock at the demo instant {DEMO_CLOCK.isoformat()} (unless IVR_CLOCK is set).")
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=5000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--reset", is_flag=True, help="Start from the case data again (forget what earlier calls changed).")
@click.option("--production", is_flag=True,
              help="Serve a real Twilio number with gunicorn (needs TWILIO_AUTH_TOKEN; the softphone only if IVR_SOFTPHONE).")
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Gunicorn worker processes with --production [default: cores + 1 over SQLite, 2 x cores + 1 over PostgreSQL, at most 8].")
@_instance_option
def serve_command(demo: bool, host: str, port: int, reset: bool, production: bool, workers: int | None,
                  instance: Path) -> None:
    """Run the app with the browser softphone at /phone (and the Twilio webhooks at /voice).

    With --production, run it under gunicorn for a real Twilio number instead
    (docs/live-line.md).
    """
    from ivr import create_app
    from ivr.web.commands import demo_users
    from ivr.web.security import LOOPBACK, secret_key

    instance.mkdir(parents=True, exist_ok=True)
    database = instance.resolve() / "ivr.sqlite3"
    config: dict[str, Any] = {} if production else {"SOFTPHONE": True}
    if not os.environ.get("IVR_SECRET_KEY"):
        config["SECRET_KEY"] = secret_key(instance.resolve())  # kept in INSTANCE: a restart keeps people signed in
    if host not in ("0.0.0.0", "", "::") and not os.environ.get("IVR_ALLOWED_HOSTS"):
        config["ALLOWED_HOSTS"] = [host]
    if not os.environ.get("IVR_DATABASE_URL"):
        if reset:
            for leftover in (database, database.with_name(database.name + "-wal"), database.with_name(database.name + "-shm")):
                leftover.unlink(missing_ok=True)
        config["DATABASE_URL"] = f"sqlite:///{database}"
    if demo and not os.environ.get("IVR_CLOCK"):
        config["CLOCK"] = DEMO_CLOCK.isoformat()
    if production:
        _serve_production(config, host, port, workers)
        return
    try:
        app = create_app(config)
    except (ConfigError, DefinitionError) as error:
        raise click.ClickException(str(error)) from None
    app.instance_path = str(instance.resolve())
    shown_host = "127.0.0.1" if host in ("0.0.0.0", "") else host
    click.echo(f"IVR simulator: open http://{shown_host}:{port}/phone in a browser (Ctrl+C to stop).")
    if demo and host in LOOPBACK:
        for username, password, role in demo_users(app.extensions["accounts"]):
            click.echo(f"  sign in as the demo {role}: account '{username}', password '{password}'")
    else:
        click.echo("  sign in with an account made by `ivr users add NAME --role trainer|trainee|qa|admin`")
    click.echo(f"  clock: {app.extensions['ivr'].clock.now().isoformat()}"
               f"{' (frozen)' if app.extensions['ivr'].clock.frozen else ''}; data: {config.get('DATABASE_URL', 'IVR_DATABASE_URL')}")
    sys.stdout.flush()
    try:
        app.run(host=host, port=port, threaded=True, use_reloader=False)
    except OSError as exc:
        raise click.ClickException(f"cannot serve on {host}:{port}: {exc.strerror or exc}") from None



def _serve_production(config: dict[str, Any], host: str, port: int, workers: int | None) -> None:
    from ivr.serving import check_production, default_workers, serve_production

    try:
        resolved = check_production(config)
    except ConfigError as error:
        raise click.ClickException(str(error)) from None
    workers = workers or default_workers(database_url=resolved.get("DATABASE_URL"))
    click.echo(f"IVR simulator (production): gunicorn on http://{host}:{port}, {workers} workers; "
               f"point the number's 'A call comes in' webhook at <public URL>/voice (Ctrl+C to stop).")
    sys.stdout.flush()
    try:
        serve_production(config, host, port, workers)
    except (ConfigError, DefinitionError) as error:
        raise click.ClickException(str(error)) from None
