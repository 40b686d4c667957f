"""`twofold purge`: remove care events deleted longer ago than TWOFOLD_DELETED_RETENTION_DAYS."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError
from django.utils import timezone

from twofold.care.purge import purge_deleted_events

DATABASE_NOT_READY = "The database is not ready ({error}). Run `twofold migrate` first, then try again."


class Command(BaseCommand):
    help = (
        "Remove care events deleted more than TWOFOLD_DELETED_RETENTION_DAYS days ago (30 by default). "
        "Safe to run as often as you like; run it daily."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        days: int = settings.TWOFOLD_DELETED_RETENTION_DAYS
        try:
            count = purge_deleted_events(now=timezone.now(), retention_days=days)
        except DatabaseError as error:
            raise CommandError(DATABASE_NOT_READY.format(error=error)) from None
        noun = "event" if count == 1 else "events"
        self.stdout.write(f"Purged {count} deleted care {noun} (kept for {days} days after deletion).")
