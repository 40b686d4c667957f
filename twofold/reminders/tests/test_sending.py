"""Sent at most once: two workers racing, a crash mid-send, and one failure that does not stop the rest."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
import time_machine
from django.db import connection

from twofold.reminders import channels, sending
from twofold.reminders.models import Notification, ReminderSettings, Sending

AT = dt.datetime(2026, 12, 6, 3, 0, tzinfo=dt.UTC)


def pending(world, count: int) -> list[Notification]:
    return [
        Notification.objects.create(
            household=world.alex.household,
            member=world.sam,
            topic="feed",
            key=f"k{n}",
            title=f"T{n}",
            body="",
            url="/",
            tag="t",
        )
        for n in range(count)
    ]


@pytest.fixture
def recorded(monkeypatch):
    """The channels replaced by one that records what it was asked to send (the real send is email's)."""
    calls: list[int] = []
    lock = threading.Lock()

    def channel(member, notification) -> int:
        with lock:
            calls.append(notification.pk)
        return 1

    monkeypatch.setattr(channels, "CHANNELS", {"test": channel})
    monkeypatch.setattr(sending, "CHANNELS", {"test": channel})
    return calls


@pytest.mark.django_db(transaction=True)
def test_two_workers_at_once_send_each_notification_exactly_once(world, recorded):
    made = pending(world, 40)
    barrier = threading.Barrier(2)

    def worker(name: str) -> None:
        barrier.wait()
        try:
            sending.send_pending(worker=name)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(f"w{n}",)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(recorded) == [n.pk for n in made]
    assert set(Notification.objects.values_list("sending", flat=True)) == {Sending.SENT}


@pytest.mark.django_db
def test_a_claim_is_not_taken_again_while_its_lease_runs(world, recorded):
    first, second = pending(world, 2)
    with time_machine.travel(AT, tick=False):
        assert sending.claim(first.pk, "crashed")  # claimed, then the worker died before sending
    with time_machine.travel(AT + sending.LEASE - dt.timedelta(seconds=1), tick=False):
        assert sending.send_pending(worker="next") == 1
    assert recorded == [second.pk]
    assert Notification.objects.get(pk=first.pk).sending == Sending.SENDING


@pytest.mark.django_db
def test_a_claim_left_by_a_crash_before_any_channel_is_sent_once_its_lease_is_over(world, recorded):
    [stuck] = pending(world, 1)
    with time_machine.travel(AT, tick=False):
        sending.claim(stuck.pk, "crashed")
    with time_machine.travel(AT + sending.LEASE + dt.timedelta(seconds=1), tick=False):
        assert sending.has_pending()
        assert sending.send_pending(worker="next") == 1
        assert sending.send_pending(worker="third") == 0
    assert recorded == [stuck.pk]
    stuck.refresh_from_db()
    assert (stuck.sending, stuck.claimed_by, stuck.tries, stuck.reached) == (
        Sending.SENT,
        "next",
        2,
        {"test": 1},
    )


@pytest.mark.django_db
def test_a_channel_begun_before_a_crash_is_never_tried_again_the_ones_after_it_are(world, monkeypatch):
    calls: list[str] = []

    def crashes(member, notification) -> int:
        calls.append("push")
        raise SystemExit  # the worker dies mid-send: nothing after this line of the worker runs

    def email(member, notification) -> int:
        calls.append("email")
        return 1

    monkeypatch.setattr(sending, "CHANNELS", {"push": crashes, "email": email})
    ReminderSettings.objects.create(member=world.sam, email="always")
    [stuck] = pending(world, 1)
    with time_machine.travel(AT, tick=False), pytest.raises(SystemExit):
        sending.send_pending(worker="crashed")
    assert calls == ["push"]
    with time_machine.travel(AT + sending.LEASE + dt.timedelta(seconds=1), tick=False):
        assert sending.send_pending(worker="next") == 1
    assert calls == ["push", "email"]
    stuck.refresh_from_db()
    assert (stuck.sending, stuck.reached) == (Sending.SENT, {"push": None, "email": 1})


@pytest.mark.django_db
def test_a_worker_slower_than_its_lease_stops_when_another_has_taken_the_claim(world, recorded):
    [slow] = pending(world, 1)
    with time_machine.travel(AT, tick=False):
        claimed_at = sending.claim(slow.pk, "slow")
    with time_machine.travel(AT + sending.LEASE + dt.timedelta(seconds=1), tick=False):
        assert sending.send_pending(worker="next") == 1
    assert claimed_at is not None
    assert sending.deliver(slow.pk, "slow", claimed_at) == 0
    assert recorded == [slow.pk]


@pytest.mark.django_db
def test_a_notification_that_keeps_crashing_its_worker_is_given_up_and_still_listed(world, recorded, client):
    [stuck] = pending(world, 1)
    for n in range(sending.MAX_TRIES):
        with time_machine.travel(AT + n * 2 * sending.LEASE, tick=False):
            assert sending.claim(stuck.pk, f"crash {n}")
    with time_machine.travel(AT + sending.MAX_TRIES * 2 * sending.LEASE, tick=False):
        assert sending.send_pending(worker="last") == 0
    assert recorded == []
    stuck.refresh_from_db()
    assert (stuck.sending, stuck.error) == (Sending.FAILED, sending.GAVE_UP)
    client.force_login(world.sam.user)
    assert stuck.title in client.get("/reminders/recent/").content.decode()  # the in-app list on every page
    assert "only here: it could not be sent to your devices" in client.get("/reminders/").content.decode()


@pytest.mark.django_db
def test_one_failed_send_is_logged_and_the_worker_goes_on(world, monkeypatch, caplog):
    first, second = pending(world, 2)

    def flaky(member, notification) -> int:
        if notification.pk == first.pk:
            raise ConnectionError("SMTP server refused the connection")
        return 1

    monkeypatch.setattr(sending, "CHANNELS", {"email": flaky})
    monkeypatch.setattr(channels, "CHANNELS", {"email": flaky})
    ReminderSettings.objects.create(member=world.sam, email="always")
    assert sending.send_pending(worker="w") == 1
    failed = Notification.objects.get(pk=first.pk)
    assert failed.sending == Sending.FAILED
    assert failed.error == "ConnectionError: SMTP server refused the connection"
    assert Notification.objects.get(pk=second.pk).sending == Sending.SENT
    assert "could not be sent: SMTP server refused the connection" in caplog.text


def test_push_plugs_in_through_its_sender_signature():
    got: dict[str, object] = {}

    def send_to_member(member, *, title, body, url, tag, actions) -> int:
        got.update(member=member, title=title, body=body, url=url, tag=tag, actions=actions)
        return 2

    note = Notification(title="T", body="B", url="/log/", tag="feed-1", actions=[{"action": "keep"}])
    assert channels.via_sender(send_to_member)("someone", note) == 2  # type: ignore[arg-type]
    assert got == {
        "member": "someone",
        "title": "T",
        "body": "B",
        "url": "/log/",
        "tag": "feed-1",
        "actions": [{"action": "keep"}],
    }


def test_email_is_a_fallback_only_when_no_device_was_reached():
    from twofold.reminders.models import ReminderSettings

    fallback = ReminderSettings(email="fallback")
    assert channels.wants("email", fallback, 0)
    assert not channels.wants("email", fallback, 1)
    assert channels.wants("email", ReminderSettings(email="always"), 3)
    assert not channels.wants("email", ReminderSettings(email="never"), 0)
