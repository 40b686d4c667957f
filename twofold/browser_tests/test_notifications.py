"""Notifications in a real Chromium: the service worker shows a push with its buttons, a tap opens the right
page, and a button sends its form through the outbox, waiting on the phone when there is no signal.

The push arrives through the DevTools protocol (`ServiceWorker.deliverPushMessage`), as if from the browser's
push service. DevTools cannot click a notification, so the click is the worker's own `notificationclick`
handler run with the real notification the worker showed: a NotificationEvent dispatched inside the worker.
"""

from __future__ import annotations

import contextlib
import json
import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page, Worker, expect

from twofold.care import services
from twofold.care.models import CareEvent
from twofold.households.models import Member
from twofold.push.payload import build_payload

pytestmark = pytest.mark.browser

SHOWN = """() => self.registration.getNotifications().then((shown) => shown.map((n) => ({
    title: n.title, body: n.body, tag: n.tag, actions: n.actions.map((a) => [a.action, a.title]),
})))"""

# The worker's notificationclick handler, run on the notification it showed (the `action` is the button).
CLICK = """(action) => self.registration.getNotifications().then(([shown]) => {
    self.dispatchEvent(new NotificationEvent("notificationclick", { notification: shown, action }));
})"""


def worker_of(page: Page) -> Worker:
    """Open a page once the service worker controls it, and return the worker."""
    page.goto("/account/notifications/")
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    [worker] = page.context.service_workers
    return worker


# The same, read from the page through the registration: the worker may have been stopped between pushes
# (a service worker is, when idle), and a handle to the stopped one then sees nothing.
PAGE_SHOWN = """() => navigator.serviceWorker.ready.then((r) => r.getNotifications()).then((shown) =>
    shown.map((n) => ({
        title: n.title, body: n.body, tag: n.tag, actions: n.actions.map((a) => [a.action, a.title]),
    })))"""

# A message to the active worker starts it again if it was stopped (no handler is needed), offline too.
WAKE = "() => navigator.serviceWorker.ready.then((r) => r.active.postMessage('wake'))"


def shown(page: Page, *, expected: int, within: float = 15) -> list[dict]:
    """The notifications the registration shows, once there are `expected` of them (waited for up to 15 s:
    on two busy cores a worker woken by a push has taken more than 5)."""
    found: list[dict] = []
    for _ in range(int(within * 10)):
        found = page.evaluate(PAGE_SHOWN)
        if len(found) == expected:
            return found
        page.wait_for_timeout(100)
    return found


def push_shown(page: Page, payload: dict, origin: str) -> list[dict]:
    """Deliver a push and return what the registration shows once the worker has shown it.

    DevTools' deliverPushMessage answers before the worker has the push, and says nothing if it never gets
    it: under full load a push has been lost that way (twice, in whole `make test` runs; never alone). A
    push service keeps a message until the browser takes it, so this delivers again after 5 s, as the service
    would, up to three times. Each payload has a tag, so a second delivery replaces the first, never adds."""
    assert payload["tag"], "a push the test may deliver twice needs a tag"
    found: list[dict] = []
    for _ in range(3):
        deliver(page, payload, origin)
        found = shown(page, expected=1, within=5)
        if found:
            return found
    return found


def click(page: Page, action: str) -> None:
    """Tap the notification (or one of its buttons) in the running worker, waking it if it was stopped."""
    shown(page, expected=1)
    for _ in range(100):
        for worker in reversed(page.context.service_workers):
            with contextlib.suppress(PlaywrightError):  # a stopped worker's handle
                if worker.evaluate(SHOWN):
                    worker.evaluate(CLICK, action)
                    return
        page.evaluate(WAKE)
        page.wait_for_timeout(100)
    raise AssertionError("No service worker shows a notification to tap.")


def deliver(page: Page, payload: dict, origin: str) -> None:
    """A push as the push service would deliver it, decrypted by the browser: through DevTools."""
    devtools = page.context.new_cdp_session(page)
    registrations: list[dict] = []
    devtools.on(
        "ServiceWorker.workerRegistrationUpdated", lambda event: registrations.extend(event["registrations"])
    )
    devtools.send("ServiceWorker.enable")
    for _ in range(500):  # the registrations are reported as events soon after enable (up to 10 s when busy)
        if registrations:
            break
        page.wait_for_timeout(20)
    [registration] = [r for r in registrations if not r.get("isDeleted")]
    devtools.send(
        "ServiceWorker.deliverPushMessage",
        {"origin": origin, "registrationId": registration["registrationId"], "data": json.dumps(payload)},
    )


def feed_timer_push(event: CareEvent) -> dict:
    return dict(
        build_payload(
            title="Is the feed still going?",
            body="Ada's feed timer has run for 1 h 40 min.",
            url=f"/events/{event.pk}/",
            tag=f"timer-{event.pk}",
            actions=[
                {"action": "stop", "title": "Stop the timer", "post": f"/timers/{event.pk}/stop/"},
                {"action": "plan", "title": "Open the plan", "url": "/nights/"},
            ],
        )
    )


@pytest.fixture
def feed_running(world) -> CareEvent:
    return services.start_timer(member=world.alex, child=world.ada, kind="feed").event


def test_a_push_shows_its_notification_and_a_tap_or_a_button_opens_the_right_page(
    world, logged_in: Callable[[Member], Page], live_server, feed_running
):
    page = logged_in(world.alex)
    page.context.grant_permissions(["notifications"])
    worker_of(page)
    # The page's own script ran (under the Content-Security-Policy) and offers to allow this browser.
    expect(page.get_by_text("This device does not get notifications yet.")).to_be_visible()
    expect(page.get_by_role("button", name="Allow notifications on this device")).to_be_visible()

    assert push_shown(page, feed_timer_push(feed_running), live_server.url) == [
        {
            "title": "Is the feed still going?",
            "body": "Ada's feed timer has run for 1 h 40 min.",
            "tag": f"timer-{feed_running.pk}",
            "actions": [["stop", "Stop the timer"], ["plan", "Open the plan"]],
        }
    ]
    click(page, "")
    expect(page).to_have_url(re.compile(rf"/events/{feed_running.pk}/$"))
    assert shown(page, expected=0) == []

    # The same push again, and its "Open the plan" button opens the plan.
    assert len(push_shown(page, feed_timer_push(feed_running), live_server.url)) == 1
    click(page, "plan")
    expect(page).to_have_url(re.compile(r"/nights/$"))


def test_stopping_the_timer_from_the_notification_with_no_signal_waits_and_is_sent_once(
    world, logged_in: Callable[[Member], Page], live_server, feed_running
):
    page = logged_in(world.alex)
    page.context.grant_permissions(["notifications"])
    worker_of(page)
    assert len(push_shown(page, feed_timer_push(feed_running), live_server.url)) == 1

    page.context.set_offline(True)
    click(page, "stop")
    page.wait_for_function(
        "navigator.serviceWorker.ready.then(r => r.getNotifications())"
        ".then(n => n.length === 1 && n[0].body.includes('kept on this phone'))"
    )
    waiting = page.evaluate("TwofoldOutbox.all()")
    assert [(item["url"], item["label"]) for item in waiting] == [
        (f"/timers/{feed_running.pk}/stop/", "Stop the timer")
    ]
    feed_running.refresh_from_db()
    assert feed_running.end is None

    page.context.set_offline(False)
    stopped_at = timezone.now()
    page.evaluate("TwofoldOutbox.flush()")
    page.evaluate("TwofoldOutbox.flush()")  # a second round sends nothing twice
    feed_running.refresh_from_db()
    assert feed_running.end is not None
    assert abs(feed_running.end - stopped_at).total_seconds() < 60
    assert page.evaluate("TwofoldOutbox.all()") == []
    assert CareEvent.objects.filter(kind="feed").count() == 1
