"""The medicine reminder through the worker, from the gap and daily most the parent copied from the label."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from twofold.care.services import log_care_event
from twofold.reminders.models import Notification
from twofold.reminders.tests.test_worker import worker_at

EIGHT = dt.datetime(2026, 12, 6, 8, 0, tzinfo=dt.UTC)
H = dt.timedelta(hours=1)


LABEL = {"min_gap_minutes": 240, "max_per_24h": 2}


def give(world, at: dt.datetime, label: dict | None = LABEL) -> None:
    with time_machine.travel(at, tick=False):
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind="medicine",
            details={"name": "Paracetamol", "dose": "2.5 ml", **(label or {})},
        )


@pytest.mark.django_db(transaction=True)
def test_with_no_gap_entered_no_medicine_reminder_is_made(world):
    give(world, EIGHT, label=None)
    worker_at(EIGHT + 4 * H)
    assert not Notification.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_next_dose_is_announced_as_allowed_from_the_parents_gap(world):
    give(world, EIGHT)
    worker_at(EIGHT + 4 * H - dt.timedelta(minutes=1))
    assert not Notification.objects.exists()
    worker_at(EIGHT + 4 * H)
    made = list(Notification.objects.filter(topic="medicine"))
    assert {n.title for n in made} == {"Paracetamol for Ada: the next dose is allowed from 12:00"}
    assert sorted(n.member.display_name for n in made) == ["Alex", "Pat", "Sam"]

    give(world, EIGHT + 5 * H)  # the second dose: the most in 24 hours the parent entered
    worker_at(EIGHT + 24 * H)
    full = Notification.objects.filter(topic="medicine").exclude(pk__in=[n.pk for n in made]).first()
    assert full is not None
    assert full.title == "Paracetamol for Ada: the next dose is allowed from 08:00"
    assert full.body.startswith("That is the most doses in 24 hours you entered:")
