"""Old notifications are purged in the worker's pass: the finished ones past KEEP_FOR, a batch at a time,
read through their own index; the young, the pending and the ones being sent stay."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.management import call_command

from twofold.reminders.models import Notification, Sending
from twofold.reminders.purge import KEEP_FOR, oldest_finished, purge
from twofold.tests.plans import query_plan

NOW = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)


def made(world, key: str, age: dt.timedelta, sending: str) -> Notification:
    return Notification.objects.create(
        household=world.alex.household,
        member=world.sam,
        topic="feed",
        key=key,
        title=key,
        body="",
        url="/",
        tag="t",
        created_at=NOW - age,
        sending=sending,
    )


def kept() -> set[str]:
    return set(Notification.objects.values_list("key", flat=True))


@pytest.mark.django_db
def test_finished_notifications_past_the_age_go_in_batches_and_everything_else_stays(world):
    old = KEEP_FOR + dt.timedelta(minutes=1)
    for n in range(5):
        made(world, f"old-sent-{n}", old + n * dt.timedelta(days=1), Sending.SENT)
    made(world, "old-failed", old, Sending.FAILED)
    made(world, "old-pending", old, Sending.PENDING)
    made(world, "old-sending", old, Sending.SENDING)
    made(world, "young-sent", KEEP_FOR - dt.timedelta(minutes=1), Sending.SENT)

    assert purge(NOW, batch=2) == 6
    assert kept() == {"old-pending", "old-sending", "young-sent"}
    assert purge(NOW, batch=2) == 0


@pytest.mark.django_db(transaction=True)
def test_the_worker_pass_purges(world):
    made(world, "old", KEEP_FOR + dt.timedelta(hours=1), Sending.SENT)
    made(world, "young", dt.timedelta(hours=1), Sending.SENT)
    with time_machine.travel(NOW, tick=False):
        call_command("worker", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    assert kept() == {"young"}


@pytest.mark.django_db
def test_the_purge_reads_through_its_own_index_and_never_sorts(world):
    text = query_plan(oldest_finished(NOW, 1000))
    assert "notification_oldest" in text
    assert "TEMP B-TREE" not in text and "Sort" not in text
