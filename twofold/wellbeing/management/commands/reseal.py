"""`twofold reseal`: re-seal every screening with the newest key, so an old key can be retired."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from twofold.wellbeing.models import Screening
from twofold.wellbeing.sealing import CannotUnseal, reseal

# Tests import these.
NOTHING_CHANGED = (
    "Nothing was re-sealed: {count} screening(s) cannot be opened with the keys in TWOFOLD_ENCRYPTION_KEYS "
    "({rows}). Put back the key they were sealed with (at the end of the list), restart and run "
    "`twofold reseal` again; only if that key is lost for good, delete those screenings to go on."
)


class Command(BaseCommand):
    help = (
        "Re-seal all screening answers and results with the first key in TWOFOLD_ENCRYPTION_KEYS, all or "
        "nothing: if any screening cannot be opened, nothing changes."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        resealed: list[Screening] = []
        unreadable: list[str] = []
        try:
            with transaction.atomic():
                for screening in Screening.objects.select_for_update().order_by("pk").iterator():
                    try:
                        screening.sealed_answers = reseal(screening.sealed_answers)
                        if screening.sealed_result:
                            screening.sealed_result = reseal(screening.sealed_result)
                    except CannotUnseal:
                        unreadable.append(f"#{screening.pk} {screening.instrument}")
                        continue
                    resealed.append(screening)
                # All or nothing: one row no key opens means nothing is written, so the operator can put the
                # missing key back and run again without a half-rotated table.
                if unreadable:
                    raise CommandError(
                        NOTHING_CHANGED.format(count=len(unreadable), rows=", ".join(unreadable))
                    )
                Screening.objects.bulk_update(resealed, ["sealed_answers", "sealed_result"], batch_size=500)
        except ImproperlyConfigured as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Re-sealed {len(resealed)} screening(s) with the newest key. Old keys can now be removed."
        )
