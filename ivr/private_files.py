"""Folders only their owner can read: the instance folder holds the calls' database and the sign-in key.

Whoever makes such a folder first (the store, the web rooms' secret key, a CLI
command writing into the instance) makes it 0700, whatever the umask; a folder
that exists already is left as its owner set it.
"""

from __future__ import annotations

import os
from pathlib import Path


def private_folder(path: Path) -> None:
    """Create `path` (and its parents) readable by its owner only (0700), unless it exists."""
    if not path.exists():
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(path, 0o700)
