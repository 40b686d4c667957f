"""Real web push on the wire: what pywebpush sends reaches a push service, signed and readable by the browser
alone; gone devices are removed and one failing device never stops the others."""

from __future__ import annotations

import logging
import time

import pytest
from django.utils import timezone

from twofold.households.services import leave_household
from twofold.push import vapid
from twofold.push.models import PushDevice
from twofold.push.payload import SCREENING_OFFER, PayloadError
from twofold.push.send import TIME_TO_LIVE_SECONDS, send_to_member
from twofold.push.services import allow_device
from twofold.push.tests.pushservice import Browser, verified_vapid_claims

PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36"
STOP = {"action": "stop", "title": "Stop the timer", "post": "/timers/7/stop/"}
KEEP = {"action": "keep", "title": "Keep it going", "url": "/"}


def a_device(member, service, name: str) -> tuple[PushDevice, Browser]:
    browser = Browser()
    device = allow_device(
        user=member.user,
        endpoint=f"{service.url}/{name}",
        p256dh=browser.p256dh,
        auth=browser.auth,
        user_agent=PHONE,
    )
    return device, browser


def remind(member, **overrides):
    push = {
        "title": "Is the feed still going?",
        "body": "Ada's feed timer has run for 1 h 40 min.",
        "url": "/log/",
        "tag": "timer-7",
        "actions": [STOP, KEEP],
    } | overrides
    return send_to_member(member, **push)


def test_a_push_arrives_signed_by_this_server_and_readable_by_the_browser_alone(world, push_service):
    device, browser = a_device(world.alex, push_service, "alex-phone")

    assert remind(world.alex) == 1

    [request] = push_service.received
    assert request.path == "/alex-phone"
    assert request.headers["content-encoding"] == "aes128gcm"
    assert request.headers["ttl"] == str(TIME_TO_LIVE_SECONDS)
    assert request.headers["urgency"] == "high"
    assert len(request.headers["topic"]) == 32
    claims = verified_vapid_claims(request.headers["authorization"], vapid.public_key())
    assert claims["aud"] == push_service.url
    assert claims["sub"] == "mailto:twofold@localhost"
    assert time.time() < claims["exp"] <= time.time() + 24 * 3600
    assert browser.decrypt(request.body) == {
        "title": "Is the feed still going?",
        "body": "Ada's feed timer has run for 1 h 40 min.",
        "url": "/log/",
        "tag": "timer-7",
        "actions": [STOP, KEEP],
    }
    # Nothing readable travels outside the encryption.
    assert b"feed" not in request.body
    device.refresh_from_db()
    assert device.last_reached_at is not None
    assert device.last_problem == ""


def test_another_browser_cannot_read_the_push(world, push_service):
    a_device(world.alex, push_service, "alex-phone")
    remind(world.alex)
    with pytest.raises(Exception):  # noqa: B017 (the AEAD tag does not match: any error will do)
        Browser().decrypt(push_service.received[0].body)


def test_gone_devices_are_removed_and_a_failing_one_never_stops_the_others(world, push_service, caplog):
    expired, _ = a_device(world.alex, push_service, "expired")
    unknown, _ = a_device(world.alex, push_service, "unknown")
    broken, _ = a_device(world.alex, push_service, "broken")
    laptop, browser = a_device(world.alex, push_service, "laptop")
    push_service.answers = {"/expired": 410, "/unknown": 404, "/broken": 500}

    with caplog.at_level(logging.INFO, logger="twofold.push.send"):
        assert remind(world.alex) == 1

    assert sorted(r.path for r in push_service.received) == ["/broken", "/expired", "/laptop", "/unknown"]
    assert set(PushDevice.objects.values_list("pk", flat=True)) == {broken.pk, laptop.pk}
    broken.refresh_from_db()
    assert broken.last_problem == "the push service answered HTTP 500"
    assert broken.last_reached_at is None
    assert (
        f"Push to device {broken.pk} of user {world.alex.user_id} failed: the push service answered HTTP 500"
        in (caplog.text)
    )
    assert (
        f"Push device {expired.pk} of user {world.alex.user_id} is gone (HTTP 410): removed." in caplog.text
    )
    assert (
        f"Push device {unknown.pk} of user {world.alex.user_id} is gone (HTTP 404): removed." in caplog.text
    )
    laptop_request = next(r for r in push_service.received if r.path == "/laptop")
    assert browser.decrypt(laptop_request.body)["title"] == "Is the feed still going?"


def test_a_push_service_that_cannot_be_reached_is_logged_and_the_rest_still_sent(world, push_service, caplog):
    unreachable = allow_device(
        user=world.alex.user,
        endpoint="http://127.0.0.1:9/nobody-listens",
        p256dh=Browser().p256dh,
        auth=Browser().auth,
        user_agent=PHONE,
    )
    a_device(world.alex, push_service, "phone")

    assert remind(world.alex) == 1

    unreachable.refresh_from_db()
    assert unreachable.last_problem == "the push service could not be reached (ConnectionError)"
    assert "could not be reached" in caplog.text


def test_a_push_reaches_only_the_members_own_devices(world, push_service):
    a_device(world.alex, push_service, "alex")
    a_device(world.sam, push_service, "sam")
    a_device(world.robin, push_service, "robin")

    assert remind(world.sam) == 1
    assert [r.path for r in push_service.received] == ["/sam"]


def test_someone_who_left_the_household_gets_nothing(world, push_service):
    a_device(world.pat, push_service, "pat")
    leave_household(member=world.pat)
    world.pat.refresh_from_db()

    assert remind(world.pat) == 0
    assert push_service.received == []


def test_a_member_with_no_device_reaches_nobody(world, push_service):
    assert remind(world.alex) == 0


def test_the_screening_offer_goes_out_saying_only_that_twofold_has_something(world, push_service):
    _, browser = a_device(world.sam, push_service, "sam")

    assert (
        remind(world.sam, title="Twofold", body=SCREENING_OFFER, url="/wellbeing/", tag="offer", actions=[])
        == 1
    )

    shown = browser.decrypt(push_service.received[0].body)
    assert (shown["title"], shown["body"]) == ("Twofold", "Twofold has something for you")


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Twofold", "Time for your mood check"),
        ("Your EPDS score is ready", "Twofold has something for you"),
        ("Twofold", "A short questionnaire about how you feel"),
        ("Twofold", "Your wellbeing check is ready"),
    ],
)
def test_words_about_mood_never_leave_the_server(world, push_service, title, body):
    a_device(world.sam, push_service, "sam")
    with pytest.raises(PayloadError):
        remind(world.sam, title=title, body=body, actions=[])
    assert push_service.received == []


def test_a_button_about_mood_is_refused_too(world, push_service):
    a_device(world.sam, push_service, "sam")
    with pytest.raises(PayloadError):
        remind(world.sam, actions=[{"action": "open", "title": "See your score", "url": "/wellbeing/"}])
    assert push_service.received == []


def test_reaching_a_device_notes_when(world, push_service):
    device, _ = a_device(world.alex, push_service, "alex")
    before = timezone.now()
    remind(world.alex)
    device.refresh_from_db()
    assert device.last_reached_at is not None and device.last_reached_at >= before
