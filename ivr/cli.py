"""The `ivr` command line: one click group; each tool's module registers its commands here.

Commands live next to what they drive (`ivr.trainers.commands`,
`ivr.qa.commands`, …); this module only gathers them, so `ivr --help` lists
everything, and turns the project's errors into messages: a definition error
prints its `file:line: where: what` lines, a configuration error its message,
both with exit status 1.
"""

from __future__ import annotations

from typing import Any

import click

from ivr.errors import ConfigError, DefinitionError


class _Group(click.Group):
    """A click group that reports the project's errors as users' errors (exit 1), not tracebacks."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except DefinitionError as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            ctx.exit(1)
        except ConfigError as error:
            raise click.ClickException(str(error)) from None


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="ivr-simulator", prog_name="ivr")
def main() -> None:
    """IVR simulator for a government contact center (modelled on the USCIS Contact Center)."""


from ivr.trainers import commands as _trainers  # noqa: E402
from ivr.qa import commands as _qa  # noqa: E402
from ivr.web import commands as _web  # noqa: E402
from ivr.qa import publishing as _publishing  # noqa: E402
from ivr.ops import commands as _ops  # noqa: E402

_trainers.register(main)
_qa.register(main)
_web.register(main)
_publishing.register(main)
_ops.register(main)
