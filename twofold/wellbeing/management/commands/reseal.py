"""`twofold reseal`: re-seal every screening with the newest key, so an old key can be retired."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from twofold.wellbeing.models import Screening
from twofold.wellbeing.sealing import reseal


class Command(BaseCommand):
    help = "Re-seal all screening answers and results with the first key in TWOFOLD_ENCRYPTION_KEYS."

    def handle(self, *args: Any, **options: Any) -> None:
        count = 0
        try:
            with transaction.atomic():
                for screening in Screening.objects.select_for_update().iterator():
                    screening.sealed_answers = reseal(screening.sealed_answers)
                    if screening.sealed_result:
                        screening.sealed_result = reseal(screening.sealed_result)
                    screening.save(update_fields=["sealed_answers", "sealed_result"])
                    count += 1
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Re-sealed {count} screening(s) with the newest key. Old keys can now be removed.")
