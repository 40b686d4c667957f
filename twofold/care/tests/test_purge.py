"""Purging deleted care: only events deleted longer ago than the retention period go, and only them."""

from __future__ import annotations

import datetime as dt
from io import StringIO

import time_machine
from django.core.management import call_command

from twofold.care.models import CareEvent, Feed
from twofold.care.services import delete_care_event, log_care_event

NOW = dt.datetime(2027, 3, 10, 12, 0, tzinfo=dt.UTC)


def _event(world, *, at: dt.datetime, deleted_at: dt.datetime | None = None, child=None, member=None):
    member = member or world.alex
    event = log_care_event(
        member=member,
        child=child or world.ada,
        kind="feed",
        start=at,
        end=at + dt.timedelta(minutes=20),
        details={"method": "formula", "amount_ml": 90},
        now=at + dt.timedelta(minutes=30),
    ).event
    if deleted_at is not None:
        delete_care_event(member=member, event=event, now=deleted_at)
    return event


def _purge(settings, days: int = 30) -> str:
    settings.TWOFOLD_DELETED_RETENTION_DAYS = days
    out = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("purge", stdout=out)
    return out.getvalue()


def test_purge_keeps_what_is_inside_the_retention_period(world, settings):
    start = NOW - dt.timedelta(days=40)
    kept_alive = _event(world, at=start)
    too_old = _event(
        world, at=start + dt.timedelta(hours=1), deleted_at=NOW - dt.timedelta(days=30, seconds=1)
    )
    on_the_line = _event(world, at=start + dt.timedelta(hours=2), deleted_at=NOW - dt.timedelta(days=30))
    recent = _event(world, at=start + dt.timedelta(hours=3), deleted_at=NOW - dt.timedelta(days=29))
    elsewhere = _event(
        world, at=start, deleted_at=NOW - dt.timedelta(days=31), child=world.bo, member=world.robin
    )

    assert _purge(settings) == "Purged 2 deleted care events (kept for 30 days after deletion).\n"

    remaining = set(CareEvent.objects.values_list("pk", flat=True))
    assert remaining == {kept_alive.pk, on_the_line.pk, recent.pk}
    assert not Feed.objects.filter(event_id__in=[too_old.pk, elsewhere.pk]).exists()


def test_purge_twice_purges_nothing_the_second_time(world, settings):
    _event(world, at=NOW - dt.timedelta(days=50), deleted_at=NOW - dt.timedelta(days=45))
    assert "Purged 1 deleted care event " in _purge(settings)
    assert "Purged 0 deleted care events" in _purge(settings)


def test_a_shorter_retention_purges_more(world, settings):
    event = _event(world, at=NOW - dt.timedelta(days=3), deleted_at=NOW - dt.timedelta(days=2))
    assert "Purged 0" in _purge(settings, days=7)
    assert "Purged 1" in _purge(settings, days=1)
    assert not CareEvent.objects.filter(pk=event.pk).exists()


def test_retention_zero_purges_every_deleted_event(world, settings):
    _event(world, at=NOW - dt.timedelta(hours=2), deleted_at=NOW - dt.timedelta(minutes=1))
    alive = _event(world, at=NOW - dt.timedelta(hours=1))
    assert "Purged 1" in _purge(settings, days=0)
    assert list(CareEvent.objects.values_list("pk", flat=True)) == [alive.pk]
