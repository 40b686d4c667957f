"""Sending what the sweep made: each notification claimed by one worker, then sent by the member's channels.

The claim is a conditional UPDATE that exactly one worker wins, on SQLite and PostgreSQL alike, committed
before anything is sent. A claim is a lease: a worker that crashes mid-send leaves the row `sending`, and once
LEASE has passed a later pass may claim it again, so it is neither stuck nor hidden.

Each channel is marked begun (committed) before it is tried, and a later claim never tries a channel an
earlier one began: it may have gone out. So a reminder goes out at most once by each channel, never twice,
even after a crash (a missed reminder is better than a doubled one at 3 a.m.); what a crash can lose is only
the channel it was in. A later claim sends the channels never begun (all of them when the crash came before
any), and stops after MAX_TRIES claims. A worker slower than its lease notices its claim was taken at its
next mark and stops there.
One failed send is logged with why and marked failed; the worker goes on with the rest.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import socket

from django.db.models import F, Q
from django.utils import timezone

from twofold.reminders.channels import CHANNELS, wants
from twofold.reminders.models import Notification, ReminderSettings, Sending

logger = logging.getLogger("twofold.reminders")
TAKE = 100
# Longer than one send can take: push waits up to 10 s for each of at most 20 devices, then email.
LEASE = dt.timedelta(minutes=5)
MAX_TRIES = 3
BEGUN = None  # in `reached`: the channel was begun and whether it arrived is not known
GAVE_UP = f"The worker stopped while sending this {MAX_TRIES} times; it is not tried again."


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"[:64]


def _ready(now: dt.datetime) -> Q:
    """Pending ones, and those whose claim lapsed (their worker crashed or stalled)."""
    return Q(sending=Sending.PENDING) | Q(sending=Sending.SENDING, claimed_at__lt=now - LEASE)


def send_pending(worker: str | None = None) -> int:
    """Send every ready notification this worker wins; returns how many it sent."""
    worker = worker or worker_name()
    sent = 0
    while True:
        now = timezone.now()
        ids = list(
            Notification.objects.filter(_ready(now)).order_by("pk").values_list("pk", flat=True)[:TAKE]
        )
        if not ids:
            return sent
        for pk in ids:
            claimed_at = claim(pk, worker, now)
            if claimed_at is not None:
                sent += deliver(pk, worker, claimed_at)


def has_pending() -> bool:
    return Notification.objects.filter(_ready(timezone.now())).exists()


def claim(pk: int, worker: str, now: dt.datetime | None = None) -> dt.datetime | None:
    """Claim a ready notification for `worker`; the claim's time when it won, None when another worker has it.
    On PostgreSQL a second UPDATE waits for the first and re-checks the condition, so one of two wins."""
    now = now or timezone.now()
    won = Notification.objects.filter(_ready(now), pk=pk).update(
        sending=Sending.SENDING, claimed_by=worker, claimed_at=now, tries=F("tries") + 1
    )
    return now if won == 1 else None


def deliver(pk: int, worker: str, claimed_at: dt.datetime) -> int:
    """Send a claimed notification by each channel the member wants and no earlier claim began; 1 when it
    went out, 0 when it failed or the claim was lost."""
    notification = Notification.objects.select_related("member__user").get(pk=pk)
    ours = Notification.objects.filter(pk=pk, claimed_by=worker, claimed_at=claimed_at)
    if notification.tries > MAX_TRIES:
        ours.update(sending=Sending.FAILED, error=GAVE_UP)
        return 0
    member = notification.member
    choice = ReminderSettings.objects.filter(member=member).first() or ReminderSettings(member=member)
    reached: dict[str, int | None] = dict(notification.reached)
    try:
        for name, channel in CHANNELS.items():
            if name in reached or not wants(name, choice, sum(n or 0 for n in reached.values())):
                continue
            reached[name] = BEGUN
            if not ours.update(reached=reached):
                return 0  # this worker's lease ran out and another claimed it: that one goes on
            reached[name] = channel(member, notification)
    except Exception as error:  # noqa: BLE001 (any channel's failure: log it, mark it, go on with the rest)
        logger.warning("Reminder %s to member %s could not be sent: %s", pk, member.pk, error, exc_info=True)
        ours.update(sending=Sending.FAILED, reached=reached, error=f"{type(error).__name__}: {error}"[:300])
        return 0
    return ours.update(sending=Sending.SENT, reached=reached)
