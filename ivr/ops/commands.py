"""The operators' commands: `ivr load URL` (the load caller), `ivr bench` (capacity on this machine) and `ivr native`
(the understanding compiled).

Thin shells over `ivr.ops.load`, `ivr.ops.bench` and `ivr.ops.native`.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import click


def register(main: click.Group) -> None:
    """Add the operators' commands to the `ivr` command group."""
    main.add_command(load_command)
    main.add_command(bench_command)
    main.add_command(native_command)


@click.command("load")
@click.argument("url")
@click.option("--token", envvar="TWILIO_AUTH_TOKEN", metavar="TOKEN",
              help="The deployment's Twilio auth token, to sign webhooks (default: TWILIO_AUTH_TOKEN).")
@click.option("--public-base-url", envvar="IVR_PUBLIC_BASE_URL", metavar="URL",
              help="The URL the deployment checks signatures against, when it sits behind a proxy (default: IVR_PUBLIC_BASE_URL).")
@click.option("--calls", "test_calls", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Test calls (*.call.yaml files or folders) the callers follow, in turn (repeatable). "
                   "Default: random walks of the menus heard.")
@click.option("-n", "--number", default=100, show_default=True, type=click.IntRange(min=1), help="Calls to place in all.")
@click.option("-c", "--concurrency", default=10, show_default=True, type=click.IntRange(min=1),
              help="Callers on the line at once, each placing one call after another.")
@click.option("--think", default=0.0, show_default=True, type=click.FloatRange(min=0), help="Seconds between a caller's steps.")
@click.option("--duration", default=60.0, show_default=True, type=click.FloatRange(min=0.1),
              help="Seconds after which no new request is sent.")
@click.option("--seed", default=1, show_default=True, type=int, help="Seed of the random walks and think times.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
def load_command(url: str, token: str | None, public_base_url: str | None, test_calls: tuple[Path, ...], number: int,
                 concurrency: int, think: float, duration: float, seed: int, as_json: bool) -> None:
    """Drive a deployment at URL as Twilio would: signed webhooks of many concurrent calls.

    Reports throughput, latency percentiles, errors and answers that were not TwiML;
    exits 1 when any request failed.
    """
    from ivr.ops.load import Plan, deployment_url, run, scripts_from

    if not token:
        raise click.ClickException("TWILIO_AUTH_TOKEN: not set (give the deployment's token with --token)")
    scripts = scripts_from(test_calls) if test_calls else ()
    if test_calls and not scripts:
        raise click.ClickException(f"no *.call.yaml files in {', '.join(map(str, test_calls))}")
    plan = Plan(url, token, scripts, callers=concurrency, calls=number, duration=duration, think=think,
                public_base_url=public_base_url, seed=seed)
    if deployment_url(url) != url.rstrip("/"):
        click.echo(f"{url} is the voice webhook's URL: calling the deployment at {deployment_url(url)}", err=True)
    try:
        report = run(plan)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="URL") from None
    if as_json:
        click.echo(json.dumps(report.to_dict(), indent=1))
    else:
        for line in report.lines():
            click.echo(line)
    if report.failed:
        raise SystemExit(1)


@click.command("bench")
@click.option("--quick", is_flag=True, help="Every part briefly, without wrk: checks the report's shape, not the speed.")
@click.option("--port", default=8400, show_default=True, type=click.IntRange(1024, 65530),
              help="First of four consecutive loopback ports for the servers.")
@click.option("--rounds", type=click.IntRange(min=1), help="Interleaved throughput rounds (default 3).")
@click.option("--seconds", type=click.FloatRange(min=0.5), help="Seconds per throughput run (default 10).")
@click.option("--open-calls", type=click.IntRange(min=1), help="Calls held open (default 15,000).")
@click.option("--open-seconds", type=click.FloatRange(min=1), help="Seconds the open calls are held (default 40).")
@click.option("--open-workers", type=click.IntRange(min=1),
              help="Gunicorn sync workers serving the open calls (default: `ivr serve --production`'s number).")
@click.option("--replay-calls", type=click.IntRange(min=1), help="Calls replayed (default 50,000).")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path), help="Also write the results as JSON.")
@click.option("--readme", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Also put the report between this README's bench markers.")
@click.option("--in-process", is_flag=True,
              help="Only the webhooks' CPU per request, called through WSGI in this process (no server, no client).")
@click.option("--profile", is_flag=True, help="With --in-process: also the app's heaviest functions (cProfile).")
def bench_command(quick: bool, port: int, rounds: int | None, seconds: float | None, open_calls: int | None,
                  open_seconds: float | None, open_workers: int | None, replay_calls: int | None, json_path: Path | None,
                  readme: Path | None, in_process: bool, profile: bool) -> None:
    """Measure the webhook against the cheapest honest webhook and bare Flask, open calls, the engine and replay.

    Starts its own gunicorn servers on 127.0.0.1 (PORT to PORT+3) and stops them at the end.
    """
    from dataclasses import replace

    from ivr.ops import bench

    if in_process:
        from ivr.ops.profile import measure, recorded_in_process

        call = recorded_in_process(bench.TOKEN, bench.CLOCK)
        measured = measure(call, bench.TOKEN, bench.CLOCK, calls=20 if quick else 200, rounds=rounds or (2 if quick else 5),
                         profile=profile)
        click.echo("\n".join(measured.lines()))
        return

    settings = replace(bench.QUICK if quick else bench.Settings(), port=port)
    if rounds is not None:
        settings = replace(settings, rounds=rounds)
    if seconds is not None:
        settings = replace(settings, seconds=seconds)
    if open_calls is not None:
        settings = replace(settings, open_calls=open_calls)
    if open_seconds is not None:
        settings = replace(settings, open_seconds=open_seconds)
    if open_workers is not None:
        settings = replace(settings, open_workers=open_workers)
    if replay_calls is not None:
        settings = replace(settings, replay_calls=replay_calls)
    try:
        result = bench.run_bench(settings, say=lambda line: click.echo(line, err=True))
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from None
    lines = bench.report_lines(result)
    click.echo("\n".join(lines))
    if json_path is not None:
        json_path.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    if readme is not None:
        bench.write_readme(readme, lines)
        click.echo(f"wrote the report into {os.fspath(readme)}", err=True)


@click.command("native")
@click.option("--force", is_flag=True, help="Compile again even when a build of these sources is in place.")
@click.option("--check", is_flag=True, help="Compile nothing: say whether a build of these sources is in place "
                                            "(exit 1 when there is none).")
def native_command(force: bool, check: bool) -> None:
    """Compile the understanding of callers' words with mypyc (about a minute; `make test` and `make serve` run it).

    The build is kept in the environment (`<sys.prefix>/ivr-native/`) under a key of the sources: every later start
    uses it until a compiled module's source changes, and runs the pure Python then (or with IVR_NATIVE=0).
    Exits 1 with one line when it cannot compile (no C compiler, no mypyc): the simulator runs as pure Python.
    """
    from ivr.core import native
    from ivr.ops.native import BuildError, build

    if check:
        target = native.build_for()
        if not native.completed(target).is_file():
            raise click.ClickException(f"no build of these sources (run `ivr native`): {target} is missing")
        click.echo(f"built: {target}")
        return
    try:
        built = build(force=force)
    except BuildError as exc:
        raise click.ClickException(f"cannot compile the understanding, which runs as pure Python: {exc}") from None
    if built.made:
        click.echo(f"compiled the understanding in {built.seconds:.0f} s: {built.folder}")
    else:
        click.echo(f"up to date: {built.folder}")
