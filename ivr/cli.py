"""The `ivr` command line: one click group; each tool's module registers its commands here.

Commands live next to what they drive (`ivr.trainers.commands`,
`ivr.qa.commands`, …); this module only names them (`COMMANDS`) and imports a
command's module when that command runs, so `ivr validate` loads the loaders it
checks with and not replay, the web rooms or the load caller (`ivr --help`
imports them all to list them).  It turns the project's errors into messages: a definition error
prints its `file:line: where: what` lines, a configuration error its message,
both with exit status 1; a file that cannot be written is one line too (`cannot write FILE:
why`), checked by `writable` before a long command starts where it can be.

Before any command runs, the settings from the environment (`IVR_CLOCK`,
`IVR_TIER_ROUTING`, `IVR_CASES_FILE`, `IVR_DATABASE_URL`, …) are checked, so a
bad one is one line on stderr naming it, and exit status 1, whatever the
command; a database that cannot be opened is one line too (`DATABASE_URL:
cannot open the database: …`), never a library's traceback.
"""

from __future__ import annotations

import errno
import importlib
import os
from pathlib import Path
from typing import Any

import click

from ivr import config as settings
from ivr.collector import collector_paused, skip_last_passes
from ivr.generated_code import reusing_generated_code
from ivr.errors import ConfigError, DefinitionError
from ivr.private_files import private_folder


COMMANDS: dict[str, str] = {
    "validate": "ivr.trainers.validate_command",
    "graph": "ivr.trainers.commands",
    "rehearse": "ivr.trainers.commands",
    "coverage": "ivr.trainers.commands",
    "serve": "ivr.trainers.commands",
    "understand": "ivr.trainers.understand",
    "replay": "ivr.qa.commands",
    "transcripts": "ivr.qa.commands",
    "flows": "ivr.qa.publishing",
    "scripts": "ivr.qa.publishing",
    "report": "ivr.qa.report_command",
    "load": "ivr.ops.commands",
    "bench": "ivr.ops.commands",
    "native": "ivr.ops.commands",
    "users": "ivr.web.commands",
}
"""Each command's name -> the module whose `register(main)` adds it (with its siblings)."""


class _Group(click.Group):
    """A click group that reports the project's errors as users' errors (exit 1), not tracebacks.

    A command's module (`COMMANDS`) is imported only when the command is asked for (or listed by --help).
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(COMMANDS))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS and cmd_name not in self.commands:
            # modules live as long as the process (ivr.collector), their dataclasses' methods compiled once (ivr.generated_code)
            with collector_paused(), reusing_generated_code():
                importlib.import_module(COMMANDS[cmd_name]).register(self)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            with reusing_generated_code():  # what the command imports as it runs (its loaders) too
                return super().invoke(ctx)
        except DefinitionError as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            ctx.exit(1)
        except ConfigError as error:
            raise click.ClickException(str(error)) from None
        except OSError as error:
            if error.errno == errno.EPIPE or settings.database_problem(error) is not None:
                raise
            shown = error.filename if error.filename is not None else ""
            raise click.ClickException(f"{shown}: {error.strerror or error}" if shown else str(error)) from None
        except Exception as error:
            unopened = settings.database_problem(error)
            if unopened is None:
                raise
            raise click.ClickException(unopened) from None


EXIT_UNCOLLECTED = frozenset({"validate"})
"""Commands whose process skips the collector's last passes at its exit (`ivr.collector.skip_last_passes`): they
write nothing but through `with` blocks, so no file of theirs waits for the collector to be flushed and closed."""


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ivr-simulator", prog_name="ivr")
@click.pass_context
def main(ctx: click.Context) -> None:
    """IVR simulator for a government contact center (modelled on the USCIS Contact Center)."""
    settings.check(settings.resolve({}))  # runs before any command (not for --help)
    if ctx.invoked_subcommand in EXIT_UNCOLLECTED:
        skip_last_passes()


def writable(path: Path, folder: bool = False, private: bool = False) -> Path:
    """Make sure `path` (a file, or with `folder` a folder) can be written, making its folders (with
    `private`, a new folder readable by its owner only, like the instance folder); else stop with one
    line, `cannot write PATH: why`.  Commands call it before their work, so a rehearsal or a long
    replay is not done for nothing."""
    target = path if folder else path.parent
    try:
        if private:
            private_folder(target)
        target.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        blocker = next((p for p in (target, *target.parents) if p.exists()), None)
        why = f"'{blocker}' is a file, not a folder" if blocker is not None and not blocker.is_dir() else error.strerror
        raise click.ClickException(f"cannot write {path}: {why}") from None
    if not folder and path.is_dir():
        raise click.ClickException(f"cannot write {path}: it is a folder")
    if not os.access(target, os.W_OK):
        raise click.ClickException(f"cannot write {path}: permission denied")
    return path
