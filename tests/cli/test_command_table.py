"""The `ivr` group names each command's module (`ivr.cli.COMMANDS`) and imports it only when that command runs."""

from __future__ import annotations

import importlib

import click
import pytest

from ivr.cli import COMMANDS


def _registered_by(module: str) -> set[str]:
    group = click.Group()
    importlib.import_module(module).register(group)
    return set(group.commands)


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_each_command_is_registered_by_the_module_the_table_names(name: str) -> None:
    """Asking for a command imports the module named for it, and that module adds a command of that name."""
    assert name in _registered_by(COMMANDS[name])


def test_the_table_names_every_command_its_modules_register() -> None:
    """A command added to one of the modules but left out of the table would be unreachable: there is none."""
    registered = set().union(*(_registered_by(module) for module in set(COMMANDS.values())))
    assert registered == set(COMMANDS)
