"""The member's Reminders page and the in-app list on every page."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from twofold.conftest import client_for, page_text
from twofold.reminders.models import FeedInterval, Notification, ReminderSettings

NOW = dt.datetime(2026, 12, 6, 15, 0, tzinfo=dt.UTC)


def note(member, key: str, title: str) -> Notification:
    return Notification.objects.create(
        household=member.household,
        member=member,
        topic="feed",
        key=key,
        title=title,
        body="Body",
        url="/log/",
        tag="t",
        created_at=NOW,
    )


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_a_member_chooses_what_they_receive(world):
    client = client_for(world.sam)
    page = page_text(client.get("/reminders/"))
    assert "What I receive" in page and "Nothing yet." in page
    response = client.post(
        "/reminders/",
        {
            "topics": ["feed", "shift"],
            "night_reminders": "on",
            "in_my_block": ["medicine"],
            "quiet_from": "13:00",
            "quiet_until": "15:00",
            "email": "fallback",
        },
    )
    assert response.status_code == 302
    saved = ReminderSettings.objects.get(member=world.sam)
    assert (saved.topics, saved.in_my_block, saved.email) == (["feed", "shift"], ["medicine"], "fallback")
    assert saved.quiet_from == dt.time(13, 0)


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_half_a_quiet_hours_pair_is_refused_with_what_to_do(world):
    response = client_for(world.sam).post("/reminders/", {"quiet_from": "13:00", "email": "never"})
    assert response.status_code == 400
    assert "Give quiet hours both a start and an end" in page_text(response)
    assert not ReminderSettings.objects.filter(member=world.sam).exists()


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_pause_for_a_while_and_resume(world):
    client = client_for(world.sam)
    client.post("/reminders/pause/", {"hours": "3"})
    assert ReminderSettings.objects.get(member=world.sam).paused_until == NOW + dt.timedelta(hours=3)
    assert "Paused until" in page_text(client.get("/reminders/"))
    client.post("/reminders/pause/", {"resume": "1"})
    assert ReminderSettings.objects.get(member=world.sam).paused_until is None


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_only_a_parent_sets_the_households_feed_interval(world):
    assert client_for(world.pat).post("/reminders/feed-interval/", {"minutes": "150"}).status_code == 404
    assert not FeedInterval.objects.exists()
    client_for(world.alex).post("/reminders/feed-interval/", {"minutes": "150"})
    assert FeedInterval.objects.get(household=world.alex.household).minutes == 150


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_every_page_lists_a_members_own_recent_notifications_only(world):
    note(world.sam, "a", "A feed is due for Ada")
    note(world.robin, "b", "A feed is due for Bo")
    client = client_for(world.sam)
    assert 'hx-get="/reminders/recent/?next=/"' in page_text(client.get("/"))
    listed = page_text(client.get("/reminders/recent/", {"next": "/"}))
    assert "A feed is due for Ada" in listed and "A feed is due for Bo" not in listed
    assert "new" in listed and 'name="next" value="/"' in listed
    assert client.post("/reminders/read/", {"next": "/"})["Location"] == "/"
    assert Notification.objects.get(member=world.sam).read_at == NOW
    assert Notification.objects.get(member=world.robin).read_at is None
    assert "A feed is due for Bo" not in page_text(client.get("/reminders/"))


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_the_list_never_sends_a_reader_to_another_site(world):
    note(world.sam, "a", "A feed is due for Ada")
    listed = page_text(client_for(world.sam).get("/reminders/recent/", {"next": "https://evil.example/"}))
    assert "evil.example" not in listed and 'name="next" value=""' in listed
