"""Where an imported event came from, in words for its page: which app's file, who brought it in and when."""

from __future__ import annotations

from django.utils import timezone
from django.utils.dateformat import format as date_format

from twofold.care.models import CareEvent
from twofold.imports.formats import BY_KEY
from twofold.imports.models import ImportedEvent


def origin_of(event: CareEvent) -> str | None:
    link = ImportedEvent.objects.filter(event_id=event.pk).select_related("batch__by__household").first()
    if link is None:
        return None
    batch = link.batch
    module = BY_KEY.get(batch.source)
    app = module.LABEL if module else batch.source
    day = date_format(timezone.localtime(batch.created_at, batch.by.household.zone), "j F Y")
    return f"Brought in from {app} ({batch.filename}) by {batch.by.display_name} on {day}."
