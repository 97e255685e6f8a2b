"""The instance folder's secret key (sessions' signing key), made on first use: private from the start."""

from __future__ import annotations

import os
import stat

from ivr.web.security import SECRET_FILE, secret_key


def test_the_instance_folder_made_for_the_secret_key_is_private(tmp_path):
    """Issue 10.3: the folder that will also hold the calls' database is created 0700, the key 0600."""
    instance = tmp_path / "instance"
    secret_key(instance)
    assert stat.S_IMODE(os.stat(instance).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(instance / SECRET_FILE).st_mode) == 0o600


def test_the_secret_key_is_the_same_on_every_use(tmp_path):
    """A restart (or a second worker) signs with the key made first: people stay signed in."""
    assert secret_key(tmp_path) == secret_key(tmp_path)
