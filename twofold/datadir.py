"""The data directory and the SQLite file hold the households' logs: only Twofold's own account reads them."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper

DIRECTORY_MODE = 0o700
DATABASE_FILE_MODE = 0o600
# SQLite's companions in WAL mode, beside the database file while it is open.
SQLITE_COMPANIONS = ("", "-wal", "-shm")


def ensure_data_dir(path: Path) -> None:
    """Create the data directory, private to this account, if missing; an existing one is left alone."""
    if path.exists():
        return
    path.mkdir(parents=True, mode=DIRECTORY_MODE)
    path.chmod(DIRECTORY_MODE)  # whatever the umask


def restrict_sqlite_file(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    """On each new SQLite connection (connection_created), make the database file and its companions 0600.

    SQLite creates the file with the process's umask (often 0644, readable by every account on the machine);
    the journal files it makes later copy the database file's mode.
    """
    if connection.vendor != "sqlite":
        return
    name = str(connection.settings_dict["NAME"])
    if name == ":memory:" or name.startswith("file:"):
        return
    for suffix in SQLITE_COMPANIONS:
        path = Path(name + suffix)
        if path.exists() and stat.S_IMODE(path.stat().st_mode) != DATABASE_FILE_MODE:
            path.chmod(DATABASE_FILE_MODE)
