"""A backup is one private `.tar.gz`: `manifest.json` beside one consistent snapshot of the database.

The manifest says what a restore must check before it writes anything: which Twofold made it, which
migrations the snapshot has, which kind of database it came from, and fingerprints of the sealing keys that
were configured, never the keys themselves (a backup must not be able to open what it holds).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
import json
import os
import tarfile
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from django.conf import settings

FORMAT = "twofold-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SNAPSHOT_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
DATABASE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
FILE_MODE = 0o600

NOT_A_BACKUP = "{path} is not a Twofold backup ({reason}). Give the .tar.gz file `twofold backup` wrote."
NEWER_FORMAT = (
    "{path} was written by a newer Twofold (backup format {found}; this one reads {known}). "
    "Install Twofold {version} or newer, then restore."
)


class BackupError(Exception):
    """Something the operator can fix, said in words: the commands print it and exit non-zero."""


@dataclass(frozen=True)
class Manifest:
    twofold_version: str
    database: str  # "sqlite" or "postgresql"
    created_at: str  # ISO 8601, UTC
    migrations: dict[str, list[str]]  # app label to the names of its applied migrations
    key_fingerprints: list[str]  # of TWOFOLD_ENCRYPTION_KEYS, in their order
    households: int

    def to_json(self) -> str:
        document = {"format": FORMAT, "format_version": FORMAT_VERSION, **dataclasses.asdict(self)}
        return json.dumps(document, indent=2, sort_keys=True) + "\n"

    @property
    def snapshot_name(self) -> str:
        return SNAPSHOT_NAMES[self.database]


def twofold_version() -> str:
    try:
        return version("twofold")
    except PackageNotFoundError:  # run from a checkout that was never installed
        return "unknown"


def now_utc() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()


def configured_keys() -> list[str]:
    """The sealing keys in use, newest first, as `twofold.sealing.keyring` reads them."""
    from twofold.sealing import _development_key  # the same key debug mode seals with

    keys = [key.strip() for key in settings.TWOFOLD_ENCRYPTION_KEYS if key.strip()]
    if not keys and settings.DEBUG:
        keys = [_development_key().decode()]
    return keys


def fingerprint(key: str) -> str:
    """A short name for a key that cannot be turned back into it (a SHA-256 of 256 random bits)."""
    return hashlib.sha256(b"twofold sealing key fingerprint\0" + key.encode()).hexdigest()[:16]


def key_fingerprints() -> list[str]:
    return [fingerprint(key) for key in configured_keys()]


def missing_keys(manifest: Manifest, present: Iterable[str]) -> list[int]:
    """Positions (from 1) of the backup's keys that are not configured here."""
    here = set(present)
    return [n for n, mark in enumerate(manifest.key_fingerprints, start=1) if mark not in here]


def grouped(applied: Iterable[tuple[str, str]]) -> dict[str, list[str]]:
    by_app: dict[str, list[str]] = {}
    for app, name in applied:
        by_app.setdefault(app, []).append(name)
    return {app: sorted(names) for app, names in sorted(by_app.items())}


def unknown_migrations(manifest: Manifest, known: set[tuple[str, str]]) -> list[str]:
    """The backup's applied migrations this code does not have: it was made by a newer Twofold."""
    return sorted(
        f"{app}.{name}"
        for app, names in manifest.migrations.items()
        for name in names
        if (app, name) not in known
    )


def backup_filename(created_at: dt.datetime) -> str:
    return f"twofold-backup-{created_at.astimezone(dt.UTC):%Y%m%dT%H%M%SZ}.tar.gz"


def target_path(path: Path, *, created_at: dt.datetime) -> Path:
    """Where to write: PATH itself, or a dated file inside PATH when it is a directory (for a timer)."""
    if path.is_dir():
        return path / backup_filename(created_at)
    if path.exists():
        raise BackupError(f"{path} already exists. Give a new file name, or a directory to write into.")
    if not path.parent.is_dir():
        raise BackupError(f"{path.parent} is not a directory. Create it first, or give another path.")
    return path


def write_archive(path: Path, manifest: Manifest, snapshot: Path) -> None:
    """Write the archive beside `path` and move it into place, so a failed backup leaves no half file."""
    partial = path.with_name(f".{path.name}.partial")
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        with os.fdopen(descriptor, "wb") as out, tarfile.open(fileobj=out, mode="w:gz") as archive:
            data = manifest.to_json().encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size, info.mode = len(data), FILE_MODE
            archive.addfile(info, io.BytesIO(data))
            archive.add(snapshot, arcname=manifest.snapshot_name)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def _manifest_from(document: Any, path: Path) -> Manifest:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise BackupError(NOT_A_BACKUP.format(path=path, reason="its manifest is not Twofold's"))
    found = document.get("format_version")
    if not isinstance(found, int) or found > FORMAT_VERSION:
        raise BackupError(
            NEWER_FORMAT.format(
                path=path, found=found, known=FORMAT_VERSION, version=document.get("twofold_version")
            )
        )
    try:
        manifest = Manifest(
            twofold_version=str(document["twofold_version"]),
            database=str(document["database"]),
            created_at=str(document["created_at"]),
            migrations={str(app): [str(n) for n in names] for app, names in document["migrations"].items()},
            key_fingerprints=[str(mark) for mark in document["key_fingerprints"]],
            households=int(document["households"]),
        )
    except (KeyError, TypeError, ValueError, AttributeError):
        raise BackupError(NOT_A_BACKUP.format(path=path, reason="its manifest is incomplete")) from None
    if manifest.database not in SNAPSHOT_NAMES:
        raise BackupError(NOT_A_BACKUP.format(path=path, reason=f"unknown database {manifest.database!r}"))
    return manifest


def read_archive(path: Path, into: Path) -> tuple[Manifest, Path]:
    """The manifest, and the snapshot extracted into the directory `into`."""
    if not path.is_file():
        raise BackupError(f"There is no file at {path}. Give the path of a backup `twofold backup` wrote.")
    try:
        with tarfile.open(path, mode="r:*") as archive:
            names = set(archive.getnames())
            member = archive.extractfile(MANIFEST) if MANIFEST in names else None
            if member is None:
                raise BackupError(NOT_A_BACKUP.format(path=path, reason=f"it has no {MANIFEST}"))
            manifest = _manifest_from(json.loads(member.read()), path)
            if manifest.snapshot_name not in names:
                reason = f"it has no {manifest.snapshot_name}"
                raise BackupError(NOT_A_BACKUP.format(path=path, reason=reason))
            # The "data" filter refuses links and paths outside `into`: a tampered archive writes nowhere
            # else.
            archive.extract(manifest.snapshot_name, path=into, filter="data")
    except tarfile.ReadError:
        raise BackupError(NOT_A_BACKUP.format(path=path, reason="it is not a .tar.gz archive")) from None
    except (tarfile.TarError, OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BackupError(NOT_A_BACKUP.format(path=path, reason=str(error) or type(error).__name__)) from None
    return manifest, into / manifest.snapshot_name
