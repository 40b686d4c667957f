"""A backup of a demo household, restored elsewhere, shows every page and every sealed screening the same.

Both run the real `twofold` script: `backup` while the source is live, `restore` into a fresh deployment,
then the same member reads every page of each at the same frozen instant.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import shutil
import tarfile
from collections.abc import Iterator
from importlib.metadata import version
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from twofold.home.archive import MANIFEST, SNAPSHOT_NAMES, fingerprint
from twofold.home.management.commands.backup import KEYS_KEPT_APART
from twofold.home.management.commands.restore import ALL_OPEN
from twofold.home.tests.roundtrip import TAKE_SCREENINGS, read_every_page

DEFAULT_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def make_source(run_twofold, environ: dict[str, str]) -> None:
    for command in (("migrate", "--no-input"), ("demo", "--weeks", "3", "--seed", "7")):
        done = run_twofold(*command, environ=environ)
        assert done.returncode == 0, done.stderr
    took = run_twofold("shell", "-c", TAKE_SCREENINGS, environ=environ)
    assert took.returncode == 0, took.stderr


def assert_identical(source: dict, restored: dict) -> None:
    assert len(source["sealed"]) == 4
    assert restored["sealed"] == source["sealed"]
    assert restored["pages"].keys() == source["pages"].keys()
    served = [key for key, (status, _) in source["pages"].items() if status == 200]
    assert len(served) > 80, "too few pages answered to prove anything"
    different = [key for key in source["pages"] if restored["pages"][key] != source["pages"][key]]
    assert different == []


def assert_manifest(archive: Path, *, database: str) -> None:
    """The manifest says what a restore checks, and names the key by fingerprint: the key is nowhere."""
    key = os.environ["TWOFOLD_ENCRYPTION_KEYS"]
    with tarfile.open(archive) as opened:
        assert sorted(opened.getnames()) == sorted([MANIFEST, SNAPSHOT_NAMES[database]])
        found = json.loads(opened.extractfile(MANIFEST).read())  # type: ignore[union-attr]
    assert found["format"] == "twofold-backup" and found["database"] == database
    assert found["households"] == 1 and found["key_fingerprints"] == [fingerprint(key)]
    assert "0001_initial" in found["migrations"]["households"]
    assert found["twofold_version"] == version("twofold")
    assert key.encode() not in gzip.decompress(archive.read_bytes())


def round_trip(run_twofold, tmp_path, *, source: dict[str, str], target: dict[str, str]) -> None:
    make_source(run_twofold, source)
    backups = tmp_path / "backups"
    backups.mkdir()

    backed_up = run_twofold("backup", str(backups), environ=source)

    assert backed_up.returncode == 0, backed_up.stderr
    assert KEYS_KEPT_APART in backed_up.stdout
    (archive,) = backups.iterdir()
    assert archive.name.startswith("twofold-backup-") and archive.name.endswith(".tar.gz")
    assert archive.stat().st_mode & 0o777 == 0o600
    assert_manifest(archive, database="postgresql" if "DATABASE_URL" in source else "sqlite")

    restored = run_twofold("restore", str(archive), environ=target)

    assert restored.returncode == 0, restored.stderr
    assert "Restored 1 household(s)" in restored.stdout and ALL_OPEN in restored.stdout
    at = dt.datetime.now(dt.UTC).isoformat()  # one instant for both readings, whatever it is
    before = read_every_page(run_twofold, tmp_path / "source.json", at=at, environ=source)
    after = read_every_page(run_twofold, tmp_path / "restored.json", at=at, environ=target)
    assert_identical(before, after)


def test_a_sqlite_backup_restores_to_an_identical_household(run_twofold, tmp_path):
    elsewhere = tmp_path / "elsewhere" / "data"  # a data directory that does not exist yet

    round_trip(run_twofold, tmp_path, source={}, target={"TWOFOLD_DATA_DIR": str(elsewhere)})

    assert (elsewhere / "twofold.sqlite3").stat().st_mode & 0o777 == 0o600


def _postgres_server() -> str:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith("postgres") else DEFAULT_POSTGRES


@pytest.fixture
def postgres_pair() -> Iterator[tuple[str, str]]:
    """Two databases of this test's own on the PostgreSQL server, made empty and dropped afterwards."""
    # The server DATABASE_URL names (its own database may not exist: Django tests in test_<name>), reached
    # through its maintenance database.
    base = _postgres_server().rsplit("/", 1)[0]
    missing = [tool for tool in ("pg_dump", "pg_restore") if shutil.which(tool) is None]
    if missing:
        pytest.skip(f"{' and '.join(missing)} not on PATH (PostgreSQL's client tools)")
    try:
        admin = psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as error:
        pytest.skip(f"PostgreSQL does not answer at {base}: {error}")
    names = [f"twofold_backup_{side}_{os.getpid()}" for side in ("src", "dst")]
    with admin:
        for name in names:
            admin.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(name)))
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        try:
            yield f"{base}/{names[0]}", f"{base}/{names[1]}"
        finally:
            for name in names:
                admin.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))


def test_a_postgresql_backup_restores_to_an_identical_household(run_twofold, tmp_path, postgres_pair):
    source, target = postgres_pair
    # Migrated first, as a new deployment would be: the restore replaces the empty tables.
    assert run_twofold("migrate", "--no-input", environ={"DATABASE_URL": target}).returncode == 0

    round_trip(run_twofold, tmp_path, source={"DATABASE_URL": source}, target={"DATABASE_URL": target})
