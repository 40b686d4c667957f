"""`twofold restore PATH`: bring a backup back into an empty deployment, then migrate it to this code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from twofold.home.archive import DATABASE_NAMES, BackupError
from twofold.home.backup import Restored, restore_backup

# Tests import these.
KEYS_NOT_HERE = (
    "The backup was made with {count} sealing key(s); key(s) {positions} of that list (fingerprints "
    "{fingerprints}) are not in TWOFOLD_ENCRYPTION_KEYS here."
)
CANNOT_OPEN = (
    "{rows} sealed row(s) cannot be opened with the keys configured here ({where}): their parents will see a "
    "note in their place. Add the keys the backup was made with to TWOFOLD_ENCRYPTION_KEYS and restart; "
    "nothing needs restoring again."
)
ALL_OPEN = "Every sealed value opens with the keys configured here."


class Command(BaseCommand):
    help = (
        "Restore a backup written by `twofold backup` into an empty database of the same kind (SQLite to "
        "SQLite, PostgreSQL to PostgreSQL), then migrate it. Stop the server first."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", metavar="PATH", help="The .tar.gz file `twofold backup` wrote.")

    def handle(self, *args: Any, path: str, **options: Any) -> None:
        try:
            restored = restore_backup(Path(path).expanduser())
        except (BackupError, ImproperlyConfigured) as error:
            raise CommandError(str(error)) from None
        manifest = restored.manifest
        kind = DATABASE_NAMES[manifest.database]
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {restored.households} household(s) from a {kind} backup made "
                f"{manifest.created_at} by Twofold {manifest.twofold_version}."
            )
        )
        if restored.migrated:
            self.stdout.write(f"Migrated it to this version: {', '.join(restored.migrated)}.")
        self._say_keys(restored)

    def _say_keys(self, restored: Restored) -> None:
        marks = restored.manifest.key_fingerprints
        if restored.missing_keys:
            self.stderr.write(
                KEYS_NOT_HERE.format(
                    count=len(marks),
                    positions=", ".join(str(n) for n in restored.missing_keys),
                    fingerprints=", ".join(marks[n - 1] for n in restored.missing_keys),
                )
            )
        if restored.unreadable:
            where = ", ".join(f"{label}: {rows}" for label, rows in sorted(restored.unreadable.items()))
            self.stderr.write(CANNOT_OPEN.format(rows=sum(restored.unreadable.values()), where=where))
        else:
            self.stdout.write(ALL_OPEN)
