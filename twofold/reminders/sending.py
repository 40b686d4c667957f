"""Sending what the sweep made: each notification claimed by one worker, then sent by the member's channels.

The claim is a conditional UPDATE (pending -> sending) that exactly one worker wins, on SQLite and
PostgreSQL alike, committed before anything is sent: a worker that crashes mid-send leaves the row
`sending`, and no worker sends it again. At most once, never twice: a missed reminder is better than a
doubled one at 3 a.m.
One failed send is logged with why and marked failed; the worker goes on with the rest.
"""

from __future__ import annotations

import logging
import os
import socket

from django.db import transaction
from django.utils import timezone

from twofold.reminders.channels import CHANNELS, wants
from twofold.reminders.models import Notification, ReminderSettings, Sending

logger = logging.getLogger("twofold.reminders")
TAKE = 100


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


def send_pending(worker: str | None = None) -> int:
    """Send every pending notification this worker wins; returns how many it sent."""
    worker = worker or worker_name()
    sent = 0
    while True:
        ids = list(
            Notification.objects.filter(sending=Sending.PENDING)
            .order_by("pk")
            .values_list("pk", flat=True)[:TAKE]
        )
        if not ids:
            return sent
        for pk in ids:
            if claim(pk, worker):
                sent += deliver(pk)


def has_pending() -> bool:
    return Notification.objects.filter(sending=Sending.PENDING).exists()


def claim(pk: int, worker: str) -> bool:
    with transaction.atomic():
        won = Notification.objects.filter(pk=pk, sending=Sending.PENDING).update(
            sending=Sending.SENDING, claimed_by=worker, claimed_at=timezone.now()
        )
    return won == 1


def deliver(pk: int) -> int:
    """Send a claimed notification by each channel the member wants; 1 when it went out, 0 when it failed."""
    notification = Notification.objects.select_related("member__user").get(pk=pk)
    member = notification.member
    choice = ReminderSettings.objects.filter(member=member).first() or ReminderSettings(member=member)
    reached: dict[str, int] = {}
    try:
        for name, channel in CHANNELS.items():
            if wants(name, choice, sum(reached.values())):
                reached[name] = channel(member, notification)
    except Exception as error:  # noqa: BLE001 (any channel's failure: log it, mark it, go on with the rest)
        logger.warning("Reminder %s to member %s could not be sent: %s", pk, member.pk, error, exc_info=True)
        Notification.objects.filter(pk=pk).update(
            sending=Sending.FAILED, reached=reached, error=f"{type(error).__name__}: {error}"[:300]
        )
        return 0
    Notification.objects.filter(pk=pk).update(sending=Sending.SENT, reached=reached)
    return 1
