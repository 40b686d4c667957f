"""Purging deleted care: a deleted event stays restorable for the retention period, then goes for good."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

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
