"""The worker's work as tasks of Django's task framework (django-tasks backport, django-tasks-db queue)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from twofold.reminders import sending
from twofold.reminders.purge import purge
from twofold.reminders.sweep import sweep


@task()
def send_reminders() -> int:
    return sending.send_pending()


def tick(now: dt.datetime) -> int:
    """One minute's pass: make the notifications, queue their sending when there is something to send, and
    purge the old ones (one indexed query when there are none)."""
    found = sweep(now)
    purge(now)
    if sending.has_pending():
        send_reminders.enqueue()
    return found
