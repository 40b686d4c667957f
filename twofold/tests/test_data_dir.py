"""A data directory Twofold creates is 0700 and its SQLite file 0600: only its own account reads the logs."""

from __future__ import annotations

import stat
from pathlib import Path

from twofold.datadir import ensure_data_dir


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_migrate_creates_a_private_data_directory_and_database_file(run_twofold, tmp_path):
    data = tmp_path / "new" / "data"
    result = run_twofold("migrate", "--no-input", environ={"TWOFOLD_DATA_DIR": str(data)})
    assert result.returncode == 0, result.stderr
    assert mode(data) == 0o700
    database = data / "twofold.sqlite3"
    assert mode(database) == 0o600
    for companion in (data / "twofold.sqlite3-wal", data / "twofold.sqlite3-shm"):
        if companion.exists():
            assert mode(companion) == 0o600


def test_an_existing_database_file_left_readable_is_made_private_on_the_next_connection(
    run_twofold, migrated_data_dir
):
    database = migrated_data_dir / "twofold.sqlite3"
    database.chmod(0o644)
    assert run_twofold("showmigrations", "households").returncode == 0
    assert mode(database) == 0o600


def test_an_existing_data_directory_is_left_as_the_operator_made_it(tmp_path):
    tmp_path.chmod(0o750)
    ensure_data_dir(tmp_path)
    assert mode(tmp_path) == 0o750


def test_a_missing_data_directory_is_private_whatever_the_umask(tmp_path):
    import os

    previous = os.umask(0o002)
    try:
        ensure_data_dir(tmp_path / "data")
    finally:
        os.umask(previous)
    assert mode(tmp_path / "data") == 0o700
