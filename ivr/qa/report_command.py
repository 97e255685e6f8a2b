"""`ivr report`: how the stored calls of a period went — a page with charts, a CSV, a summary.

    ivr report --from 2026-11-23 --to 2026-11-23 -o report.html --csv report.csv
    ivr report --channel rehearsals        # the trainer room's rehearsals instead of the live line

Thin shell over `ivr.qa.analytics` (the counting) and `ivr.qa.analytics_report`
(the page and the CSV).  Reads the store the app writes (`--db`, else
IVR_DATABASE_URL, else the instance folder's SQLite file).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ivr.cli import writable
from ivr.errors import display_path

if TYPE_CHECKING:
    from ivr.qa.analytics import CallSummary
    from ivr.store.base import Store

__all__ = ["CHANNELS", "register", "stored_summaries"]

# Which stored calls a report covers: the live line's, or the trainer room's.
CHANNELS = {"live": ("phone",), "rehearsals": ("softphone", "rehearsal", "console"), "all": ()}


def register(main: click.Group) -> None:
    main.add_command(report_command)


def stored_summaries(store: Store, channel: str) -> Iterator[CallSummary]:
    """Each stored call of the channel, summarised (every transcript is read once)."""
    from ivr.qa import transcript as transcripts
    from ivr.qa.analytics import summarise

    wanted = CHANNELS[channel]
    for record in store.iter_calls():
        if wanted and record.channel not in wanted:
            continue
        for recorded in transcripts.from_entries(store.transcript(record.call_sid)):
            yield summarise(recorded)


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date (YYYY-MM-DD)", param_hint=option) from None


@click.command("report")
@click.option("--from", "start", metavar="DATE", help="First day (Eastern), YYYY-MM-DD; default: the first call.")
@click.option("--to", "end", metavar="DATE", help="Last day (Eastern), included; default: the last call.")
@click.option("--channel", type=click.Choice(sorted(CHANNELS)), default="live", show_default=True,
              help="The live line's calls, the trainer room's rehearsals, or all.")
@click.option("--db", "database", metavar="URL", help="The store to read (default: IVR_DATABASE_URL, else INSTANCE/ivr.sqlite3).")
@click.option("--instance", type=click.Path(file_okay=False, path_type=Path), default=Path("instance"), show_default=True)
@click.option("-o", "--html", "html_path", type=click.Path(dir_okay=False, path_type=Path), help="Write the page with charts here.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path), help="Write every figure as CSV here.")
def report_command(start: str | None, end: str | None, channel: str, database: str | None, instance: Path,
                   html_path: Path | None, csv_path: Path | None) -> None:
    """How calls went: containment, abandonment by state, tiers and why, service requests, busiest hours."""
    from ivr import config as configuration
    from ivr.qa.analytics import analyse
    from ivr.qa.analytics_report import report_csv, report_html
    from ivr.qa.commands import recorded_store_url
    from ivr.store.line import open_store

    for target in (html_path, csv_path):
        if target is not None:
            writable(target)
    first, last = _date(start, "--from"), _date(end, "--to")
    if first and last and last < first:
        raise click.BadParameter(f"{last} is before --from {first}", param_hint="--to")
    url = recorded_store_url(database, configuration.resolve({}).get("DATABASE_URL"), instance)
    store = open_store(url, serving=False)
    try:
        report = analyse(stored_summaries(store, channel), first, last)
    finally:
        store.close()
    click.echo(f"{report.calls} calls; {report.contained} ended in self-service ({report.containment:.0%}), "
               f"{report.abandoned} abandoned; reached Tier 1 {report.reached['tier1']}, Tier 2 {report.reached['tier2']}, "
               f"a supervisor {report.reached['supervisor']}")
    if html_path is not None:
        title = f"Call report: {channel}" + (f", {first} to {last}" if first or last else "")
        html_path.parent.mkdir(parents=True, exist_ok=True)
        html_path.write_text(report_html(report, title), encoding="utf-8")
        click.echo(f"wrote {display_path(html_path)}")
    if csv_path is not None:
        csv_path.parent.mkdir(parents=True, exist_ok=True)
        csv_path.write_text(report_csv(report), encoding="utf-8")
        click.echo(f"wrote {display_path(csv_path)}")
