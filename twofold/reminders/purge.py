"""Notifications do not pile up: the sent and failed ones older than KEEP_FOR go, a batch at a time.

KEEP_FOR is Twofold's own choice, not a clinical number: long enough that the in-app list (the last few) and
the Reminders page (the last 30) still show last month's, short enough that a year of nights leaves no trace.
The sweep never makes an occasion again once it is this old (a feed, a dose, a shift or a check-in is
looked at for days at most), except a timer left running for a month, which is asked about once more.
Pending and claimed ones stay, whatever their age: the sending decides what becomes of them.
"""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet

from twofold.reminders.models import Notification, Sending

KEEP_FOR = dt.timedelta(days=30)
BATCH = 1000
DONE = (Sending.SENT, Sending.FAILED)


def purge(now: dt.datetime, *, batch: int = BATCH) -> int:
    """Delete the finished notifications older than KEEP_FOR; how many went. Each batch reads its ids through
    the (created_at) index, oldest first: only the rows past KEEP_FOR, never the whole table."""
    gone = 0
    while True:
        ids = list(oldest_finished(now, batch))
        if not ids:
            return gone
        gone += Notification.objects.filter(pk__in=ids).delete()[0]
        if len(ids) < batch:
            return gone


def oldest_finished(now: dt.datetime, batch: int) -> QuerySet[Notification, int]:
    return (
        Notification.objects.filter(created_at__lt=now - KEEP_FOR, sending__in=DONE)
        .order_by("created_at")
        .values_list("pk", flat=True)[:batch]
    )
