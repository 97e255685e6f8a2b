"""The `ivr` command line: one click group; each tool's module registers its commands here.

Commands live next to what they drive (`ivr.trainers.commands`,
`ivr.qa.commands`, …); this module only gathers them, so `ivr --help` lists
everything, and turns the project's errors into messages: a definition error
prints its `file:line: where: what` lines, a configuration error its message,
both with exit status 1.

Before any command runs, the settings from the environment (`IVR_CLOCK`,
`IVR_TIER_ROUTING`, `IVR_CASES_FILE`, `IVR_DATABASE_URL`, …) are checked, so a
bad one is one line on stderr naming it, and exit status 1, whatever the
command; a database that cannot be opened is one line too (`DATABASE_URL:
cannot open the database: …`), never a library's traceback.
"""

from __future__ import annotations

from typing import Any

import click

from ivr import config as settings
from ivr.errors import ConfigError, DefinitionError


_LAZY: dict[str, str] = {}  # command name -> the module whose `register(main)` adds it


class _Group(click.Group):
    """A click group that reports the project's errors as users' errors (exit 1), not tracebacks.

    Commands named in `_LAZY` are imported only when asked for (or listed by --help).
    """

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(set(super().list_commands(ctx)) | set(_LAZY))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in _LAZY and cmd_name not in self.commands:
            import importlib

            importlib.import_module(_LAZY[cmd_name]).register(self)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DefinitionError as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            ctx.exit(1)
        except ConfigError as error:
            raise click.ClickException(str(error)) from None
        except Exception as error:
            unopened = settings.database_problem(error)
            if unopened is None:
                raise
            raise click.ClickException(unopened) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ivr-simulator", prog_name="ivr")
def main() -> None:
    """IVR simulator for a government contact center (modelled on the USCIS Contact Center)."""
    settings.check(settings.resolve({}))  # runs before any command (not for --help)


from ivr.trainers import commands as _trainers  # noqa: E402
from ivr.qa import commands as _qa  # noqa: E402
from ivr.qa import publishing as _publishing  # noqa: E402
from ivr.qa import report_command as _report  # noqa: E402
from ivr.ops import commands as _ops  # noqa: E402

_trainers.register(main)
_qa.register(main)
_publishing.register(main)
_report.register(main)
_ops.register(main)
# Commands whose modules import Flask and SQLAlchemy at import time: registered on first use
# (`ivr validate` starts in a fraction of the time without them).
_LAZY["users"] = "ivr.web.commands"
from ivr.trainers import understand as _understand  # noqa: E402

_understand.register(main)
