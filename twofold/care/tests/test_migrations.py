"""The migration to one running timer per child and kind keeps an existing log that broke the rule."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

from twofold.care.models import CareEvent

BEFORE = [("care", "0003_tap_time")]


@pytest.mark.django_db(transaction=True)
def test_duplicate_running_timers_are_stopped_when_the_newest_began_and_the_newest_runs_on(world):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    OldEvent = old_apps.get_model("care", "CareEvent")
    now = timezone.now()
    starts = [now - dt.timedelta(minutes=minutes) for minutes in (50, 30, 10)]
    feeds = [
        OldEvent.objects.create(
            household_id=world.alex.household_id,
            child_id=world.ada.pk,
            kind="feed",
            by_id=world.alex.pk,
            logged_by_id=member.pk,
            start=start,
            running=True,
        ).pk
        for member, start in zip((world.alex, world.sam, world.alex), starts, strict=True)
    ]
    crying = OldEvent.objects.create(
        household_id=world.alex.household_id,
        child_id=world.ada.pk,
        kind="settle",
        by_id=world.sam.pk,
        logged_by_id=world.sam.pk,
        start=starts[0],
        running=True,
    ).pk

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    events = CareEvent.objects.in_bulk([*feeds, crying])
    assert [(events[pk].running, events[pk].end) for pk in feeds] == [
        (False, starts[2]),
        (False, starts[2]),
        (True, None),
    ]
    assert events[crying].running and events[crying].end is None
