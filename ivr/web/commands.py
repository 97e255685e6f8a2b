"""`ivr users add|list|remove|reset-password`: the accounts of the web rooms, from the terminal.

The accounts live in the app's database: `IVR_DATABASE_URL`, else the SQLite
file of `--instance` (the one `ivr serve` uses).  Passwords are read from the
terminal without echo (or from standard input with `--password-stdin`),
never from the command line, where other users could see them.
"""

from __future__ import annotations

import os
import secrets
import sys
from pathlib import Path

import click

from ivr.web.accounts import ROLE_NAMES, ROLES, AccountError, Accounts

INSTANCE = Path("instance")
DEMO_USERS = (("trainer", "trainer", "Demo Trainer"), ("trainee", "trainee", "Demo Trainee"))

_instance_option = click.option(
    "--instance", type=click.Path(file_okay=False, path_type=Path), default=INSTANCE, show_default=True,
    help="Folder whose ivr.sqlite3 holds the accounts (unless IVR_DATABASE_URL is set).",
)


def register(main: click.Group) -> None:
    main.add_command(users)


def open_accounts(instance: Path) -> Accounts:
    """The account book of the database `ivr serve` would use."""
    from ivr.store.sql import SqlStore

    url = os.environ.get("IVR_DATABASE_URL")
    if not url:
        instance.mkdir(parents=True, exist_ok=True)
        url = f"sqlite:///{instance.resolve() / 'ivr.sqlite3'}"
    return Accounts(SqlStore(url).engine)


def demo_users(accounts: Accounts) -> list[tuple[str, str, str]]:
    """The demo trainer and trainee, with fresh passwords: (account name, password, role) each.

    Only for `ivr serve --demo` on a loopback address: accounts made here are marked demo, and an
    account of the same name made by a person is left alone (and not listed).
    """
    made: list[tuple[str, str, str]] = []
    for username, role, display in DEMO_USERS:
        password = "demo-" + secrets.token_hex(4)
        existing = accounts.get(username)
        if existing is None:
            accounts.add(username, password, role, display_name=display, demo=True)
        elif existing.demo:
            accounts.set_password(username, password)
        else:
            continue
        made.append((username, password, role))
    return made


@click.group("users")
def users() -> None:
    """Accounts of the trainer room: trainers, trainees, QA and administrators."""


@users.command("add")
@click.argument("username")
@click.option("--role", type=click.Choice(ROLES), required=True, help="What the account may open.")
@click.option("--name", "display_name", help="The name shown on pages (default: the account name).")
@click.option("--language", type=click.Choice(["en", "es"]), default="en", show_default=True,
              help="The language of the flow labels this person reads.")
@click.option("--password-stdin", is_flag=True, help="Read the password from standard input.")
@_instance_option
def add_command(username: str, role: str, display_name: str | None, language: str, password_stdin: bool,
                instance: Path) -> None:
    """Add an account (asks for its password)."""
    password = _password(password_stdin)
    book = open_accounts(instance)
    try:
        user = book.add(username, password, role, display_name=display_name, language=language)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Added {user.username} ({ROLE_NAMES[user.role]}).")


@users.command("list")
@_instance_option
def list_command(instance: Path) -> None:
    """The accounts, one a line: name, role, shown name."""
    people = open_accounts(instance).list()
    if not people:
        click.echo("No accounts yet: add one with `ivr users add NAME --role trainer`.")
    for user in people:
        demo = "  (demo)" if user.demo else ""
        click.echo(f"{user.username:<24} {user.role:<8} {user.display_name}{demo}")


@users.command("remove")
@click.argument("username")
@_instance_option
def remove_command(username: str, instance: Path) -> None:
    """Remove an account (signs it out everywhere)."""
    try:
        open_accounts(instance).remove(username)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"Removed {username.strip().lower()}.")


@users.command("reset-password")
@click.argument("username")
@click.option("--password-stdin", is_flag=True, help="Read the new password from standard input.")
@_instance_option
def reset_password_command(username: str, password_stdin: bool, instance: Path) -> None:
    """Give an account a new password (signs it out everywhere)."""
    password = _password(password_stdin)
    try:
        open_accounts(instance).set_password(username, password)
    except AccountError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(f"New password set for {username.strip().lower()}.")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return str(click.prompt("Password", hide_input=True, confirmation_prompt=True))
