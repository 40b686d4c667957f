"""The reminders' "done when", in real Chromium with a moved clock: both parents allow notifications on their
phones, tonight's plan is made and a feed timer started on the pages, and the worker, run at chosen
minutes, pushes each reminder to the parent on duty at that minute; the parent in their protected block
gets nothing.

Headless Chromium has no push service, so `pushManager.subscribe` is answered in the page by a subscription
whose endpoint is the test's push service (pushservice.py) and whose keys the test holds; the page's own
script then posts it to Twofold as in any browser. Each push the worker sends there is decrypted with those
keys (RFC 8291) and handed to that phone's service worker over the DevTools protocol, which shows it.
The instants are an ordinary Wednesday night after today (no clock change), whatever today is.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterator
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone
from playwright.sync_api import Page, expect

from twofold.browser_tests.conftest import WORLD_ZONE, next_ordinary_afternoon
from twofold.browser_tests.test_notifications import click, push_shown, worker_of
from twofold.care.models import CareEvent, Kind
from twofold.households.models import Member
from twofold.nights.models import NightPlan
from twofold.push.tests.pushservice import Browser, PushService, start_push_service
from twofold.reminders.tests.test_worker import worker_at
from twofold.reminders.timers import USUAL

pytestmark = pytest.mark.browser
M = dt.timedelta(minutes=1)

# The page's pushManager, answered with the test's subscription (kept across reloads, as a browser keeps it).
SUBSCRIPTION = """(() => {
  const mine = %s;
  const subscription = { endpoint: mine.endpoint, toJSON: () => mine };
  PushManager.prototype.getSubscription = () =>
    Promise.resolve(localStorage.getItem("subscribed") ? subscription : null);
  PushManager.prototype.subscribe = () => {
    localStorage.setItem("subscribed", "yes");
    return Promise.resolve(subscription);
  };
})();"""


@pytest.fixture
def push_service(settings) -> Iterator[PushService]:
    settings.TWOFOLD_PUSH_LOCAL_ENDPOINTS = True
    service, server = start_push_service()
    yield service
    server.shutdown()
    server.server_close()


def allow_notifications(page: Page, service: PushService, name: str) -> Browser:
    """Allow notifications on this phone by its Notifications page; the phone's keys, to read its pushes."""
    phone = Browser()
    mine = {"endpoint": f"{service.url}/{name}", "keys": {"p256dh": phone.p256dh, "auth": phone.auth}}
    page.context.add_init_script(SUBSCRIPTION % json.dumps(mine))
    page.context.grant_permissions(["notifications"])
    worker_of(page)
    page.get_by_role("button", name="Allow notifications on this device").click()
    expect(page.get_by_text("This device gets Twofold's notifications.")).to_be_visible()
    return phone


def first_handover(plan: NightPlan) -> tuple[Member, Member, dt.datetime]:
    """Who hands over to whom, and when: the first shift that ends as another member's begins."""
    shifts = sorted(plan.shifts.select_related("member"), key=lambda s: s.start)
    for before, after in zip(shifts, shifts[1:], strict=False):
        if before.end == after.start and before.member_id != after.member_id:
            return before.member, after.member, after.start
    raise AssertionError(f"Tonight's plan has no handover: {[(s.member, s.start, s.end) for s in shifts]}")


def sleeping(plan: NightPlan, member: Member, at: dt.datetime) -> bool:
    return any(
        b["member"] == member.pk
        and dt.datetime.fromisoformat(b["start"]) <= at < dt.datetime.fromisoformat(b["end"])
        for b in plan.protected
    )


def test_each_reminder_reaches_the_parent_on_duty_at_its_minute_and_never_the_one_asleep(
    world, logged_in: Callable[[Member], Page], live_server, push_service
):
    zone = ZoneInfo(WORLD_ZONE)
    evening = next_ordinary_afternoon(timezone.now(), zone).replace(hour=20)
    pages = {world.alex.pk: logged_in(world.alex), world.sam.pk: logged_in(world.sam)}
    with time_machine.travel(evening, tick=True):
        phones = {
            m.pk: allow_notifications(pages[m.pk], push_service, m.display_name)
            for m in (world.alex, world.sam)
        }
        alex = pages[world.alex.pk]
        alex.goto("/nights/")
        alex.get_by_role("button", name="Make tonight's plan").click()
        expect(alex).to_have_url(re.compile(r"/nights/plans/\d+/$"))
    plan = NightPlan.objects.get(household=world.alex.household, night=evening.date())
    first, second, handover = first_handover(plan)

    # An hour before the handover, the parent on duty starts a feed on their phone.
    with time_machine.travel(handover - 60 * M, tick=True):
        on_duty = pages[first.pk]
        on_duty.goto("/log/")
        on_duty.get_by_role("button", name=re.compile(r"^▶ Feed")).click()
        expect(on_duty.locator("[data-timer='feed']")).to_be_visible()
    feed = CareEvent.objects.get(kind=Kind.FEED, running=True)
    long_feed = (feed.start + USUAL["feed"]).replace(second=0, microsecond=0) + M
    assert handover < long_feed and sleeping(plan, first, long_feed), (
        "the story needs the first parent asleep"
    )

    def pushes_at(instant: dt.datetime) -> dict[str, list[dict]]:
        """The worker's pass at `instant`, and what each phone's push service received, decrypted."""
        already = len(push_service.received)
        worker_at(instant)
        arrived: dict[str, list[dict]] = {}
        for request in push_service.received[already:]:
            member = {"/Alex": world.alex, "/Sam": world.sam}[request.path]
            arrived.setdefault(member.display_name, []).append(phones[member.pk].decrypt(request.body))
        return arrived

    # Before the handover nothing is due: the feed has run only a few minutes.
    assert pushes_at(handover - 59 * M) == {}
    assert pushes_at(handover - M) == {}

    # At the handover, the parent coming on is told, and nothing reaches the one going to sleep.
    arrived = pushes_at(handover)
    assert list(arrived) == [second.display_name]
    [shift] = arrived[second.display_name]
    assert shift["title"] == f"Your night shift starts at {handover.astimezone(zone):%H:%M}"
    phone = pages[second.pk]
    [note] = push_shown(phone, shift, live_server.url)
    assert (note["title"], note["actions"]) == (shift["title"], [["plan", "Open the plan"]])
    click(phone, "plan")
    expect(phone).to_have_url(re.compile(r"/nights/$"))

    # The feed has gone on longer than usual: the parent on duty is asked, the sleeping one is not woken.
    assert pushes_at(long_feed - M) == {}
    arrived = pushes_at(long_feed)
    assert list(arrived) == [second.display_name]
    [asked] = arrived[second.display_name]
    assert asked["title"].startswith("Ada's feed timer has been running for 1 h 3")
    assert asked["body"] == "Is the feed still going?"
    [note] = push_shown(phone, asked, live_server.url)
    assert (note["title"], note["body"], note["actions"]) == (
        asked["title"],
        "Is the feed still going?",
        [["stop", "Stop the timer"], ["keep", "Keep it going"]],
    )
    click(phone, "keep")
    expect(phone).to_have_url(re.compile(r"/log/$"))

    # Each reminder went out once: later passes send nothing again, and nothing ever reached the sleeper.
    assert pushes_at(long_feed + M) == {}
    assert not [r for r in push_service.received if r.path == f"/{first.display_name}"]
