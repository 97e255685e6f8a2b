"""`ivr validate`: the command line over `ivr.trainers.validate`.

Its own module, so a flow author's check imports only the loaders it runs (not the
rehearsal, the graph or replay that `ivr.trainers.commands` and `ivr.qa` bring).
"""

from __future__ import annotations

from pathlib import Path

import click

from ivr.trainers.validate import validate


def register(main: click.Group) -> None:
    """Add `ivr validate` to the `ivr` command group."""
    main.add_command(validate_command)


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
def validate_command(paths: tuple[Path, ...]) -> None:
    """Check flows, scripts, case data and the directory (all shipped ones by default).

    Prints every problem as FILE:LINE: WHERE: WHAT and exits 1 on any problem, 0 when clean.
    """
    report = validate(paths)
    for line in report.checked:
        click.echo(f"checked {line}")
    for problem in report.problems:
        click.echo(str(problem))
    if report.problems:
        files = len({p.path for p in report.problems})
        click.echo(f"{len(report.problems)} problem{'s' if len(report.problems) != 1 else ''} in "
                   f"{files} file{'s' if files != 1 else ''}.", err=True)
        raise SystemExit(1)
    click.echo("No problems.")
