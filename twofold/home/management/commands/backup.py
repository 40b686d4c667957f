"""`twofold backup PATH`: a consistent snapshot of the database while Twofold runs, with its manifest."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError, CommandParser

from twofold.home.archive import DATABASE_NAMES, BackupError
from twofold.home.backup import take_backup

# Tests import it.
KEYS_KEPT_APART = (
    "Keep the keys apart from this backup, and keep them safe: the mood screenings in it are sealed with "
    "TWOFOLD_ENCRYPTION_KEYS and cannot be read without them (the backup holds their fingerprints, not the "
    "keys). A restore needs the same TWOFOLD_ENCRYPTION_KEYS, and the same TWOFOLD_SECRET_KEY if signed-in "
    "phones are to stay signed in."
)


def readable_size(size: int) -> str:
    for unit in ("bytes", "kB", "MB"):
        if size < 1000:
            return f"{size:.0f} {unit}"
        size //= 1000
    return f"{size:,} GB"


class Command(BaseCommand):
    help = (
        "Write a consistent backup of the database (SQLite's online backup or pg_dump) with a manifest, "
        "while Twofold runs. PATH is a new file, or a directory to write a dated file into."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", metavar="PATH", help="A new .tar.gz file, or a directory.")

    def handle(self, *args: Any, path: str, **options: Any) -> None:
        try:
            written = take_backup(Path(path).expanduser())
        except (BackupError, ImproperlyConfigured) as error:
            raise CommandError(str(error)) from None
        manifest = written.manifest
        kind = DATABASE_NAMES[manifest.database]
        size = readable_size(written.path.stat().st_size)
        self.stdout.write(
            self.style.SUCCESS(
                f"Wrote {written.path.resolve()}: {manifest.households} household(s), "
                f"{kind}, Twofold {manifest.twofold_version}, {size}."
            )
        )
        self.stdout.write(KEYS_KEPT_APART)
