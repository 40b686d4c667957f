"""The worker's reminders reach the on-duty parent's phone by web push, before any email, and the parent in
their protected block gets nothing on theirs: the push service in the test reads what arrives."""

from __future__ import annotations

import pytest

from twofold.push.services import allow_device
from twofold.push.tests.pushservice import Browser, start_push_service
from twofold.reminders.models import Notification

from .test_worker import CHANGE, tonight, worker_at  # noqa: F401 (tonight is a fixture)

PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36"


@pytest.fixture
def push_service(settings):
    settings.TWOFOLD_PUSH_LOCAL_ENDPOINTS = True
    service, server = start_push_service()
    yield service
    server.shutdown()
    server.server_close()


def phone_of(member, service) -> Browser:
    browser = Browser()
    allow_device(
        user=member.user,
        endpoint=f"{service.url}/{member.display_name}",
        p256dh=browser.p256dh,
        auth=browser.auth,
        user_agent=PHONE,
    )
    return browser


@pytest.mark.django_db(transaction=True)
def test_the_parent_coming_on_duty_gets_the_push_and_the_sleeping_one_none(tonight, push_service):  # noqa: F811
    world = tonight
    sams_phone = phone_of(world.sam, push_service)
    phone_of(world.alex, push_service)
    worker_at(CHANGE)
    arrived = {r.path: r for r in push_service.received}
    assert set(arrived) == {"/Sam"}  # nothing on Alex's phone: her protected block starts at 02:30
    titles = {sams_phone.decrypt(r.body)["title"] for r in push_service.received}
    assert titles == set(Notification.objects.filter(member=world.sam).values_list("title", flat=True))
    assert "Your night shift starts at 02:30" in titles
