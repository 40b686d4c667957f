"""`twofold reseal`: re-seal every sealed value (screenings, check-in answers, reviews of agreements) with
the newest key, so an old key can be retired."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from twofold.home.sections import SEALED
from twofold.sealing import Unopened, reseal_rows, resealed_text


class Command(BaseCommand):
    help = (
        "Re-seal all screening answers and results, check-in answers and reviews of agreements with the "
        "first key in TWOFOLD_ENCRYPTION_KEYS, all or nothing: if any row cannot be opened, nothing changes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            counts = reseal_rows(SEALED)
        except (Unopened, ImproperlyConfigured) as error:
            raise CommandError(str(error)) from None
        self.stdout.write(resealed_text(counts))
