"""The worker end to end on SQLite and PostgreSQL: events and a plan in, the right notifications out, once."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from twofold.care.services import log_care_event, start_timer
from twofold.nights.edits import Duty
from twofold.nights.services import edit_shifts, make_plan
from twofold.reminders.models import FeedInterval, Notification, ReminderSettings, Sending

EVENING = dt.datetime(2026, 12, 5, 20, 0, tzinfo=dt.UTC)  # London is on UTC in December
NIGHT = dt.date(2026, 12, 5)
CHANGE = dt.datetime(2026, 12, 6, 2, 30, tzinfo=dt.UTC)
M = dt.timedelta(minutes=1)


def worker_at(instant: dt.datetime) -> None:
    with time_machine.travel(instant, tick=False):
        call_command("worker", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123


@pytest.fixture
def tonight(world):
    """Alex on until 02:30, Sam from 02:30; a feed at 23:30 every 3 h; a sleep timer since 20:30."""
    with time_machine.travel(EVENING, tick=False):
        plan = make_plan(member=world.alex, day=NIGHT, now=EVENING)
        start = dt.datetime(2026, 12, 5, 22, tzinfo=dt.UTC)
        edit_shifts(
            member=world.alex,
            plan=plan,
            duty=[
                Duty(world.alex.pk, start, CHANGE),
                Duty(world.sam.pk, CHANGE, start + dt.timedelta(hours=9)),
            ],
            now=EVENING,
        )
        FeedInterval.objects.create(household=world.alex.household, minutes=180)
        start_timer(
            member=world.alex, child=world.ada, kind="sleep", start=EVENING + 30 * M, now=EVENING + 30 * M
        )
    last_feed = dt.datetime(2026, 12, 5, 23, 30, tzinfo=dt.UTC)
    with time_machine.travel(last_feed + 20 * M, tick=False):
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind="feed",
            start=last_feed,
            end=last_feed + 20 * M,
            details={"method": "formula", "amount_ml": 90},
        )
    every = ["checkin", "feed", "medicine", "screening", "shift", "timer"]
    for member in (world.alex, world.pat):
        ReminderSettings.objects.create(member=member, topics=every)
    ReminderSettings.objects.create(member=world.sam, topics=every, email="always")
    return world


def notes(member) -> list[tuple[str, str]]:
    return sorted(Notification.objects.filter(member=member).values_list("topic", "title"))


@pytest.mark.django_db(transaction=True)
def test_the_night_reminders_reach_whoever_is_on_duty_at_the_minute_and_only_once(tonight):
    world = tonight
    for minute in range(0, 60, 10):
        worker_at(CHANGE - dt.timedelta(hours=1) + minute * M)
    assert Notification.objects.count() == 0

    worker_at(CHANGE)
    worker_at(CHANGE)  # the same minute again, as a second worker would
    worker_at(CHANGE + M)
    worker_at(CHANGE + 20 * M)

    assert notes(world.sam) == [
        ("feed", "A feed is due for Ada"),
        ("shift", "Your night shift starts at 02:30"),
        ("timer", "Ada's sleep timer has been running for 6 h"),
    ]
    # Alex's protected block starts as her shift ends: nothing reaches her; the helper and the other household
    # get nothing either.
    assert notes(world.alex) == []
    assert notes(world.pat) == []
    assert notes(world.robin) == []
    shift = Notification.objects.get(member=world.sam, topic="shift")
    assert shift.body == "Ada: last feed 23:30, running: sleep since 20:30."
    timer = Notification.objects.get(member=world.sam, topic="timer")
    assert [a["action"] for a in timer.actions] == ["stop", "keep"]
    # Sent once each, by email as Sam chose.
    assert set(Notification.objects.values_list("sending", flat=True)) == {Sending.SENT}
    assert sorted(m.subject for m in mail.outbox) == sorted(title for _, title in notes(world.sam))
    assert {tuple(m.to) for m in mail.outbox} == {("sam@example.com",)}


@pytest.mark.django_db(transaction=True)
def test_in_the_day_a_feed_reminder_goes_to_every_member_who_turned_it_on(world):
    now = dt.datetime(2026, 12, 6, 14, 0, tzinfo=dt.UTC)
    FeedInterval.objects.create(household=world.alex.household, minutes=180)
    ReminderSettings.objects.create(member=world.alex, topics=["feed"])
    ReminderSettings.objects.create(member=world.pat, topics=["feed"])
    with time_machine.travel(now - dt.timedelta(hours=3), tick=False):
        log_care_event(member=world.sam, child=world.ada, kind="feed", details={"method": "formula"})
    worker_at(now)
    assert [n.member for n in Notification.objects.order_by("member_id")] == [world.alex, world.pat]
    assert not mail.outbox  # email is off by default
