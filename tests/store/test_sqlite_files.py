"""The SQLite file and the instance folder are private to their owner (issue 10 point 3, second bullet)."""

from __future__ import annotations

import os
import stat

from ivr.store.sql import SqlStore, default_sqlite_url
from ivr.core.session import Session


def mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def test_the_instance_folder_and_database_file_are_created_owner_only(tmp_path):
    """The folder is 0700; the database file and its WAL files are 0600 whatever the umask."""
    old = os.umask(0o022)
    try:
        url = default_sqlite_url(tmp_path / "instance")
        store = SqlStore(url)
        with store.call("CA1") as tx:
            tx.load_session()
            tx.save_session(Session("CA1", "f", "v", "s", "t"), "phone")
        files = sorted((tmp_path / "instance").iterdir())
        assert mode(tmp_path / "instance") == 0o700
        assert [p.name for p in files][0] == "ivr.sqlite3"
        assert {p.name: mode(p) for p in files} == {p.name: 0o600 for p in files}
        store.close()
    finally:
        os.umask(old)


def test_a_database_url_to_a_new_file_creates_it_owner_only(tmp_path):
    """DATABASE_URL naming a file that does not exist yet: its folders are 0700 and the file 0600."""
    SqlStore(f"sqlite:///{tmp_path / 'deep' / 'calls.sqlite3'}").close()
    assert mode(tmp_path / "deep") == 0o700
    assert mode(tmp_path / "deep" / "calls.sqlite3") == 0o600
