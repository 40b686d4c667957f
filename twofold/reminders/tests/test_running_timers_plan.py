"""The pass reads running timers through their own small index, so a household's cost does not grow with the
length of its log (benchmarks/reminders.py measures it); a kind filter or an order once made SQLite read every
event of the kind."""

from __future__ import annotations

import datetime as dt

import pytest

from twofold.care.models import CareEvent, Kind
from twofold.reminders.selectors import running_timers
from twofold.tests.plans import query_plan, settle

START = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)


@pytest.mark.django_db
def test_running_timers_are_read_through_the_running_index_without_a_sort(world):
    household, child = world.alex.household, world.ada
    # A log of finished feeds and one running, so PostgreSQL's statistics see what a real log looks like.
    CareEvent.objects.bulk_create(
        CareEvent(
            household=household,
            child=child,
            kind=Kind.FEED,
            by=world.alex,
            logged_by=world.alex,
            start=START + dt.timedelta(hours=3 * n),
            end=START + dt.timedelta(hours=3 * n, minutes=20),
        )
        for n in range(400)
    )
    CareEvent.objects.create(
        household=household,
        child=child,
        kind=Kind.FEED,
        by=world.alex,
        logged_by=world.alex,
        start=START + dt.timedelta(days=60),
        running=True,
    )
    settle("care_careevent")
    text = query_plan(running_timers([household.pk]))
    # Either index over running timers alone will do (PostgreSQL may take the one-per-child constraint's).
    assert "event_running" in text or "one_running_timer_per_child_and_kind" in text
    assert "TEMP B-TREE" not in text and "Sort" not in text
