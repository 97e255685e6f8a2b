"""`ivr users add|list|remove|reset-password`: accounts from the terminal, in the app's database."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from ivr.cli import main
from ivr.web.commands import open_accounts


@pytest.fixture
def users(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run `ivr users …` against a fresh instance folder."""
    monkeypatch.delenv("IVR_DATABASE_URL", raising=False)
    runner = CliRunner()

    def run(*args: str, password: str | None = None):
        extra = ["--password-stdin"] if password is not None else []
        return runner.invoke(main, ["users", *args, *extra, "--instance", str(tmp_path)],
                             input=(password + "\n") if password is not None else None)

    run.instance = tmp_path
    return run


def test_an_added_account_is_listed_with_its_role(users) -> None:
    """`users add` makes the account; `users list` shows name, role and shown name."""
    added = users("add", "ana", "--role", "trainer", "--name", "Ana Torres", password="long enough")
    listed = users("list")

    assert added.exit_code == 0, added.output
    assert "ana" in listed.output and "trainer" in listed.output and "Ana Torres" in listed.output


def test_the_password_is_asked_twice_without_echo(users) -> None:
    """Without --password-stdin the password is prompted for (hidden, confirmed), never an argument."""
    result = CliRunner().invoke(main, ["users", "add", "bo", "--role", "qa", "--instance", str(users.instance)],
                                input="long enough\nlong enough\n")

    assert result.exit_code == 0, result.output
    assert open_accounts(users.instance).authenticate("bo", "long enough", "cli") is not None


def test_reset_password_changes_what_signs_in(users) -> None:
    """After a reset only the new password works."""
    users("add", "ana", "--role", "trainee", password="first password")

    users("reset-password", "ana", password="second password")

    book = open_accounts(users.instance)
    assert book.authenticate("ana", "second password", "cli") is not None
    assert book.authenticate("ana", "first password", "cli") is None


def test_remove_deletes_the_account(users) -> None:
    """A removed account no longer exists."""
    users("add", "ana", "--role", "trainee", password="long enough")

    removed = users("remove", "ana")

    assert removed.exit_code == 0 and open_accounts(users.instance).get("ana") is None


@pytest.mark.parametrize(("args", "password", "message"), [
    (("add", "ana", "--role", "trainee"), "short", "at least 8"),
    (("remove", "nobody"), None, "no account 'nobody'"),
    (("reset-password", "nobody"), "long enough", "no account 'nobody'"),
], ids=["short-password", "remove-unknown", "reset-unknown"])
def test_mistakes_get_a_one_line_error_and_exit_1(users, args, password, message) -> None:
    """A user error is one line on stderr and exit status 1."""
    result = users(*args, password=password)

    assert result.exit_code == 1 and message in result.output


def test_a_taken_name_is_refused(users) -> None:
    """Two accounts cannot share a name."""
    users("add", "ana", "--role", "trainee", password="long enough")

    again = users("add", "ana", "--role", "trainer", password="long enough")

    assert again.exit_code == 1 and "already an account 'ana'" in again.output
