"""Consistent copies of the database while the app runs, and putting one back, on SQLite and PostgreSQL.

SQLite: the online backup API copies the whole file in one step, as one read transaction, so the copy is
the database at one moment; in WAL mode writers go on meanwhile. PostgreSQL: `pg_dump` reads in one
transaction (a snapshot) in its custom format, and `pg_restore` loads it.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder

from twofold.datadir import DATABASE_FILE_MODE
from twofold.home.archive import BackupError

SQLITE_BUSY_SECONDS = 20  # as the app's own connections wait (settings.py)
NO_PG_TOOL = (
    "{tool} was not found on PATH. It comes with PostgreSQL's client tools, of the server's major version "
    "or newer: on Debian or Ubuntu `apt-get install postgresql-client`, on macOS `brew install libpq`. "
    "Then run this again."
)
PG_TOOL_FAILED = "{tool} failed: {reason}"
DAMAGED = "The database in this backup is damaged ({reason}), so nothing was restored. Use another backup."
# PostgreSQL's client tools read the connection from these, so the password never appears on a command line.
PG_ENV = {
    "HOST": "PGHOST",
    "PORT": "PGPORT",
    "USER": "PGUSER",
    "PASSWORD": "PGPASSWORD",
    "NAME": "PGDATABASE",
}
PG_OPTION_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
}


def database_kind() -> str:
    if connection.vendor in ("sqlite", "postgresql"):
        return connection.vendor
    raise BackupError(f"Twofold backs up SQLite and PostgreSQL, not {connection.vendor}.")


def known_migrations() -> set[tuple[str, str]]:
    """Every migration this code has, applied or not."""
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def applied_migrations() -> set[tuple[str, str]]:
    return set(MigrationRecorder(connection).applied_migrations())


def count_rows(table: str) -> int:
    """Rows in a table of the configured database; 0 when it has no such table yet (never migrated)."""
    with connection.cursor() as cursor:
        if table not in connection.introspection.table_names(cursor):
            return 0
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 (a model's table)
        row = cursor.fetchone()
    return int(row[0]) if row else 0


# SQLite


def sqlite_path() -> str:
    return str(connection.settings_dict["NAME"])


def _copy_sqlite(source: str, destination: str) -> None:
    # mode=rw: a missing source is an error, not a new empty database.
    source_uri = f"{Path(source).resolve().as_uri()}?mode=rw"
    with (
        sqlite3.connect(source_uri, uri=True, timeout=SQLITE_BUSY_SECONDS) as src,
        sqlite3.connect(destination) as dst,
    ):
        src.backup(dst)  # pages=-1: the whole database in one step, so one consistent moment
    src.close()
    dst.close()


def sqlite_snapshot(destination: Path) -> None:
    if not Path(sqlite_path()).is_file():
        raise sqlite3.OperationalError(f"there is no database file at {sqlite_path()}")
    _copy_sqlite(sqlite_path(), str(destination))


def sqlite_facts(snapshot: Path, *, households_table: str) -> tuple[set[tuple[str, str]], int]:
    """The snapshot's own applied migrations and households, read from the copy rather than the live file."""
    with sqlite3.connect(snapshot) as db:
        rows = db.execute("SELECT app, name FROM django_migrations")
        applied = {(str(app), str(name)) for app, name in rows}
        (households,) = db.execute(f'SELECT COUNT(*) FROM "{households_table}"').fetchone()  # noqa: S608
    db.close()
    return applied, int(households)


def sqlite_restore(snapshot: Path) -> None:
    """Replace the configured SQLite database with the snapshot, page by page, companions and all."""
    try:
        with sqlite3.connect(snapshot) as db:
            (verdict,) = db.execute("PRAGMA quick_check").fetchone()
        db.close()
    except sqlite3.DatabaseError as error:
        verdict = str(error)
    if verdict != "ok":
        raise BackupError(DAMAGED.format(reason=verdict))
    target = sqlite_path()
    connection.close()  # the restore writes the file under Django; it reconnects afterwards
    Path(target).touch(mode=DATABASE_FILE_MODE, exist_ok=True)
    _copy_sqlite(str(snapshot), target)
    os.chmod(target, DATABASE_FILE_MODE)


# PostgreSQL


def pg_tool(tool: str) -> str:
    """The path of one of PostgreSQL's client tools, or what to install."""
    found = shutil.which(tool)
    if found is None:
        raise BackupError(NO_PG_TOOL.format(tool=tool))
    return found


def _pg_environment() -> dict[str, str]:
    settings_dict: dict[str, Any] = connection.settings_dict
    env = dict(os.environ)
    for key, variable in PG_ENV.items():
        if settings_dict.get(key):
            env[variable] = str(settings_dict[key])
    for option, variable in PG_OPTION_ENV.items():
        value = (settings_dict.get("OPTIONS") or {}).get(option)
        if value:
            env[variable] = str(value)
    return env


def _run_pg_tool(tool: str, *arguments: str) -> None:
    result = subprocess.run(  # noqa: S603 (PostgreSQL's own tool, found on PATH, fixed arguments)
        [pg_tool(tool), "--no-password", *arguments],
        env=_pg_environment(),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        reason = result.stderr.strip() or f"exit status {result.returncode}"
        raise BackupError(PG_TOOL_FAILED.format(tool=tool, reason=reason))


def postgresql_snapshot(destination: Path) -> None:
    _run_pg_tool("pg_dump", "--format=custom", f"--file={destination}")


def postgresql_restore(snapshot: Path) -> None:
    """Load the dump into the configured database, which the caller has found empty of households.

    Its tables (a `migrate` run before the restore) are dropped first, so the dump's own schema is the one
    that stands and the migrations recorded with it are true."""
    # A dump pg_restore cannot read is refused before anything is dropped.
    try:
        _run_pg_tool("pg_restore", "--list", str(snapshot))
    except BackupError as error:
        raise BackupError(DAMAGED.format(reason=error)) from None
    with connection.cursor() as cursor:
        # Only Twofold's own tables: a database shared with something else keeps the rest.
        existing = set(connection.introspection.table_names(cursor))
        tables = sorted(existing & {*connection.introspection.django_table_names(), "django_migrations"})
        if tables:
            quoted = ", ".join(connection.ops.quote_name(table) for table in tables)
            cursor.execute(f"DROP TABLE {quoted} CASCADE")
    connection.close()
    name = str(connection.settings_dict["NAME"])
    _run_pg_tool(
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={name}",
        str(snapshot),
    )
