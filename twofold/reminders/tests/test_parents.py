"""The parents' own reminders through the worker: the check-in opens and is ready, and a screening offer."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail

from twofold.checkins.models import Checkin
from twofold.reminders.models import Notification, ReminderSettings
from twofold.reminders.tests.test_worker import worker_at

SUNDAY = dt.datetime(2026, 12, 6, 10, 5, tzinfo=dt.UTC)  # Alex and Sam's check-in day (the default)


@pytest.mark.django_db(transaction=True)
def test_the_check_in_opens_for_the_parents_in_the_morning_and_is_ready_for_its_author(world):
    worker_at(SUNDAY - dt.timedelta(hours=10))  # it opened at midnight: nobody is told then
    assert not Notification.objects.exists()
    worker_at(SUNDAY)
    opened = Notification.objects.filter(title="This week's check-in is open")
    assert sorted(n.member.display_name for n in opened) == ["Alex", "Sam"]
    assert not Notification.objects.filter(member__in=[world.pat, world.robin]).exists()

    Checkin.objects.create(
        household=world.alex.household,
        member=world.sam,
        week=dt.date(2026, 11, 30),
        sealed_answers="x",
        revealed_at=SUNDAY + dt.timedelta(hours=1),
    )
    worker_at(SUNDAY + dt.timedelta(hours=2))
    ready = Notification.objects.get(title="Your check-in is ready to read")
    assert ready.member == world.sam


@pytest.mark.django_db(transaction=True)
def test_a_screening_offer_says_only_that_twofold_has_something(world):
    ReminderSettings.objects.create(member=world.alex, email="always")
    thirteen_weeks = dt.datetime(2026, 12, 31, 10, 0, tzinfo=dt.UTC)  # Ada, born 1 October, is 3 months old
    worker_at(thirteen_weeks)
    offers = Notification.objects.filter(topic="screening")
    assert sorted(n.member.display_name for n in offers) == ["Alex", "Sam"]
    for offer in offers:
        assert (offer.title, offer.body) == ("Twofold has something for you", "Open Twofold to see it.")
    assert [m.subject for m in mail.outbox] == ["Twofold has something for you"]
    assert "check" not in mail.outbox[0].body.lower() and "mood" not in mail.outbox[0].body.lower()
