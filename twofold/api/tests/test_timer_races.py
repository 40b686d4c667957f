"""Two phones starting or stopping one timer at the same moment, over real HTTP against the live server.

The database keeps one running timer per child and kind (care/models.py); a stop re-reads its timer under a
lock, so a second stop finds it stopped and changes nothing. Each race runs a few times.
"""

from __future__ import annotations

import datetime as dt
from functools import partial

import pytest
from django.utils import timezone

from twofold.care.models import CareEvent
from twofold.care.services import start_timer
from twofold.tests.live import api_of, at_once

TIMERS = "/api/v1/timers/"
TRIALS = 5
ALREADY_RUNNING = {"kind": ["A feed timer is already running for Ada: stop it first."]}

pytestmark = pytest.mark.django_db(transaction=True)


def test_two_phones_starting_a_feed_at_once_make_one_running_feed(world, live_server):
    alex, sam = api_of(live_server.url, world.alex), api_of(live_server.url, world.sam)
    feed = {"child": world.ada.pk, "kind": "feed"}
    for trial in range(TRIALS):
        answers = at_once(
            [partial(alex.post, TIMERS, feed, as_json=True), partial(sam.post, TIMERS, feed, as_json=True)]
        )

        assert sorted(a.status for a in answers) == [201, 400], f"trial {trial}: {answers}"
        assert next(a.json() for a in answers if a.status == 400) == ALREADY_RUNNING
        running = CareEvent.objects.filter(child=world.ada, kind="feed", running=True)
        assert [e.pk for e in running] == [next(a.json()["id"] for a in answers if a.status == 201)]
        CareEvent.objects.filter(kind="feed").update(running=False, end=timezone.now())


def test_two_phones_stopping_a_feed_at_once_end_it_once(world, live_server):
    alex, sam = api_of(live_server.url, world.alex), api_of(live_server.url, world.sam)
    for trial in range(TRIALS):
        started = timezone.now() - dt.timedelta(minutes=30)
        feed = start_timer(member=world.alex, child=world.ada, kind="feed", start=started).event
        stop = f"{TIMERS}{feed.pk}/stop/"
        ends = [started + dt.timedelta(minutes=20), started + dt.timedelta(minutes=25)]

        answers = at_once(
            [
                partial(alex.post, stop, {"end": ends[0].isoformat()}, as_json=True),
                partial(sam.post, stop, {"end": ends[1].isoformat()}, as_json=True),
            ]
        )

        assert [a.status for a in answers] == [200, 200], f"trial {trial}: {answers}"
        feed.refresh_from_db()
        assert not feed.running and feed.end in ends
        # Both phones are shown the one end that stands, and a later stop leaves it alone.
        assert {dt.datetime.fromisoformat(a.json()["end"]) for a in answers} == {feed.end}
        again = alex.post(stop, {"end": timezone.now().isoformat()}, as_json=True)
        assert again.status == 200 and dt.datetime.fromisoformat(again.json()["end"]) == feed.end
        assert CareEvent.objects.get(pk=feed.pk).end == feed.end
