"""`twofold backup` and `twofold restore`: what each checks, in order, before it writes anything.

A restore writes only into an empty deployment (no household, no account), from a backup of the same kind
of database made by this Twofold or an older one (then it migrates), and says when the keys configured here
cannot open what the backup's keys sealed.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import DatabaseError

from twofold.home.archive import (
    DATABASE_NAMES,
    SNAPSHOT_NAMES,
    BackupError,
    Manifest,
    grouped,
    key_fingerprints,
    missing_keys,
    read_archive,
    target_path,
    twofold_version,
    unknown_migrations,
    write_archive,
)
from twofold.home.snapshot import (
    applied_migrations,
    count_rows,
    database_kind,
    known_migrations,
    pg_tool,
    postgresql_restore,
    postgresql_snapshot,
    sqlite_facts,
    sqlite_restore,
    sqlite_snapshot,
)
from twofold.households.models import Household
from twofold.sealing import CannotUnseal, unseal

SEALED_PREFIX = "sealed_"  # the naming every sealed field follows (wellbeing.models)

NOT_READY = (
    "The database could not be backed up ({error}). Check that it is up and that DATABASE_URL or "
    "TWOFOLD_DATA_DIR points at it; if it was never migrated, run `twofold migrate` first."
)
OTHER_DATABASE = (
    "This backup is of a {backup} database and this Twofold uses {here}: a backup restores only into the "
    "same kind of database. Nothing was changed."
)
NEWER_THAN_CODE = (
    "This backup was made by Twofold {version}, newer than this one ({here}): it has migrations this version "
    "does not know ({migrations}). Install Twofold {version} or newer, then restore. Nothing was changed."
)
CANNOT_RESTORE = (
    "The database here could not be used ({error}). Check that it is up and that DATABASE_URL or "
    "TWOFOLD_DATA_DIR points at it, then run `twofold restore` again."
)
NOT_EMPTY = (
    "The database here already has {households} household(s) and {accounts} account(s). A restore replaces "
    "the whole database, so it only writes into an empty one, and nothing was changed. Point "
    "TWOFOLD_DATA_DIR (SQLite) or DATABASE_URL (PostgreSQL) at a new, empty database and run "
    "`twofold restore` again."
)


@dataclass(frozen=True)
class Written:
    path: Path
    manifest: Manifest


@dataclass(frozen=True)
class Restored:
    manifest: Manifest
    migrated: list[str]  # migrations applied after the restore, when the backup was older than the code
    missing_keys: list[int]  # positions of the backup's keys not configured here
    unreadable: dict[str, int]  # model label to rows no configured key opens
    households: int


def take_backup(path: Path, *, now: dt.datetime | None = None) -> Written:
    created = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    kind = database_kind()
    if kind == "postgresql":
        pg_tool("pg_dump")  # before anything else, so a missing tool is the first thing said
    destination = target_path(path, created_at=created)
    households_table = Household._meta.db_table
    # Beside the destination (one file system, so the final move is atomic), private (mkdtemp makes it 0700).
    with tempfile.TemporaryDirectory(dir=destination.parent, prefix=".twofold-backup-") as work:
        snapshot = Path(work) / SNAPSHOT_NAMES[kind]
        try:
            if kind == "sqlite":
                sqlite_snapshot(snapshot)
                applied, households = sqlite_facts(snapshot, households_table=households_table)
            else:
                applied, households = applied_migrations(), count_rows(households_table)
                postgresql_snapshot(snapshot)
        except (DatabaseError, sqlite3.DatabaseError) as error:
            raise BackupError(NOT_READY.format(error=error)) from None
        manifest = Manifest(
            twofold_version=twofold_version(),
            database=kind,
            created_at=created.isoformat(),
            migrations=grouped(applied),
            key_fingerprints=key_fingerprints(),
            households=households,
        )
        write_archive(destination, manifest, snapshot)
    return Written(path=destination, manifest=manifest)


def _check_compatible(manifest: Manifest, known: set[tuple[str, str]]) -> None:
    kind = database_kind()
    if manifest.database != kind:
        raise BackupError(
            OTHER_DATABASE.format(backup=DATABASE_NAMES[manifest.database], here=DATABASE_NAMES[kind])
        )
    unknown = unknown_migrations(manifest, known)
    if unknown:
        raise BackupError(
            NEWER_THAN_CODE.format(
                version=manifest.twofold_version, here=twofold_version(), migrations=", ".join(unknown)
            )
        )


def _check_empty() -> None:
    households = count_rows(Household._meta.db_table)
    accounts = count_rows(get_user_model()._meta.db_table)
    if households or accounts:
        raise BackupError(NOT_EMPTY.format(households=households, accounts=accounts))


def unreadable_sealed_values() -> dict[str, int]:
    """Per model, the rows holding a sealed value that no configured key opens."""
    found: dict[str, int] = {}
    for model in apps.get_models():
        fields = [f.attname for f in model._meta.concrete_fields if f.name.startswith(SEALED_PREFIX)]
        if not fields:
            continue
        for values in model._default_manager.values_list(*fields).iterator():
            try:
                for value in values:
                    if value:
                        unseal(value)
            except CannotUnseal:
                found[model._meta.label] = found.get(model._meta.label, 0) + 1
    return found


def restore_backup(path: Path) -> Restored:
    try:
        return _restore(path)
    except (DatabaseError, sqlite3.DatabaseError) as error:
        raise BackupError(CANNOT_RESTORE.format(error=error)) from None


def _restore(path: Path) -> Restored:
    known = known_migrations()
    with tempfile.TemporaryDirectory(prefix="twofold-restore-") as work:
        manifest, snapshot = read_archive(path, Path(work))
        _check_compatible(manifest, known)
        _check_empty()
        missing = missing_keys(manifest, key_fingerprints())
        if manifest.database == "sqlite":
            sqlite_restore(snapshot)
        else:
            postgresql_restore(snapshot)
    in_backup = {(app, name) for app, names in manifest.migrations.items() for name in names}
    # An older backup: bring its schema up to this code's, as an upgrade would.
    call_command("migrate", interactive=False, verbosity=0)
    migrated = sorted(f"{app}.{name}" for app, name in applied_migrations() - in_backup)
    return Restored(
        manifest=manifest,
        migrated=migrated,
        missing_keys=missing,
        unreadable=unreadable_sealed_values(),
        households=count_rows(Household._meta.db_table),
    )
