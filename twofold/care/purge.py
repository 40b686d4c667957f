"""Purging deleted care: a deleted event stays restorable for the retention period, then goes for good."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from twofold.care.details import DETAIL_MODELS
from twofold.care.models import CareEvent


def purge_cutoff(*, now: dt.datetime, retention_days: int) -> dt.datetime:
    """Events deleted before this moment have been kept long enough."""
    return now - dt.timedelta(days=retention_days)


@transaction.atomic
def purge_deleted_events(*, now: dt.datetime, retention_days: int) -> int:
    """Remove events deleted longer ago than the retention period, with their details; how many went.

    Running it twice is harmless: the second run finds nothing old enough left."""
    old = CareEvent.objects.filter(
        deleted_at__isnull=False, deleted_at__lt=purge_cutoff(now=now, retention_days=retention_days)
    )
    count = old.count()
    if count:
        old.delete()
    return count


def erase_log(*, household_id: int) -> int:
    """Remove a household's whole log, for the household's deletion; how many events went.

    In a few statements, not one per event: an event's delete signal only forgets the remembered night it
    falls in, and the household's remembered nights go with the household. Whatever else points at an
    event (a bonding plan's day) must be gone first; the database refuses otherwise, and nothing is lost.
    """
    for model in DETAIL_MODELS.values():
        model._default_manager.filter(event__household_id=household_id).delete()
    events = CareEvent.objects.filter(household_id=household_id)
    return events._raw_delete(events.db)
