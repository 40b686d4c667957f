"""Capture at 3 a.m. in a real browser: taps logged at the tap, Quick log offline, the outbox, installing."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Browser, Dialog, Page, ViewportSize, expect

from twofold.browser_tests.chromium import CHROMIUM, CHROMIUM_ARGS
from twofold.care import services
from twofold.care.models import CareEvent
from twofold.households.models import Member

pytestmark = pytest.mark.browser

WAITING = "#outbox [data-outbox-count]"
PHONE: ViewportSize = {"width": 390, "height": 844}


def controlled_by_the_worker(page: Page, path: str) -> None:
    """Open `path` once the service worker controls the page, so it is kept for offline use."""
    page.goto(path)
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    # Quick log asks the worker to keep the forms it opens; let it finish.
    page.wait_for_function(
        "caches.keys().then(keys => Promise.all(keys.map(k => caches.open(k)"
        ".then(c => c.match('/log/feed/'))))).then(found => found.some(Boolean))"
    )


def test_a_tab_left_open_for_an_hour_logs_the_nappy_at_the_tap(world, logged_in: Callable[[Member], Page]):
    start = timezone.now()
    with time_machine.travel(start, tick=True) as traveller:
        page = logged_in(world.alex)
        page.set_viewport_size(PHONE)
        page.clock.install()
        page.goto("/log/")
        # An hour and five minutes pass on the phone and on the server before the tap.
        traveller.shift(dt.timedelta(minutes=65))
        page.clock.fast_forward("01:05:00")
        page.get_by_role("button", name="Wet", exact=True).click()
        expect(page.get_by_role("status").filter(has_text="Nappy logged for Ada (Alex).")).to_be_visible()
        tapped = start + dt.timedelta(minutes=65)
    event = CareEvent.objects.get(kind="nappy")
    assert abs(event.start - tapped) < dt.timedelta(seconds=30)
    assert event.clock_note == ""


def test_offline_quick_log_queues_three_logs_and_sends_each_once_with_its_tap_time(
    world, logged_in: Callable[[Member], Page]
):
    page = logged_in(world.sam)
    page.set_viewport_size(PHONE)
    controlled_by_the_worker(page, "/log/")
    page.context.set_offline(True)
    page.reload()  # Quick log opens from this phone's copy
    expect(page.get_by_role("button", name="Wet", exact=True)).to_be_visible()
    offline_at = timezone.now()

    page.get_by_role("button", name="Wet", exact=True).click()
    expect(page.locator(WAITING)).to_have_text("1 waiting to send")

    page.locator("a[data-kind='feed']").click()  # the feed form opens offline too
    page.get_by_label("Bottle of formula").check()
    page.get_by_label(re.compile("^Amount")).fill("120")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/log/$"))
    expect(page.locator(WAITING)).to_have_text("2 waiting to send")

    page.get_by_role("button", name=re.compile(r"^▶ Feed")).click()
    timer = page.locator("[data-offline-timer]")
    expect(timer).to_contain_text("Feed")
    expect(timer.locator(".elapsed")).to_have_text(re.compile(r"^0:0\d$"))
    timer.get_by_role("button", name="Stop").click()
    expect(page.locator(WAITING)).to_have_text("3 waiting to send")
    page.locator("#outbox summary").click()
    expect(page.locator("#outbox li")).to_have_count(3)
    assert not CareEvent.objects.exists()

    page.context.set_offline(False)
    page.evaluate("setTimeout(() => window.dispatchEvent(new Event('online')), 0)")
    expect(page.locator("#outbox")).to_be_hidden()
    events = list(CareEvent.objects.order_by("start", "id"))
    assert [e.kind for e in events] == ["nappy", "feed", "feed"]
    assert all(e.by == world.sam and not e.running for e in events)
    assert all(abs(e.start - offline_at) < dt.timedelta(minutes=2) for e in events)
    bottle = next(e for e in events if e.kind == "feed" and e.end is None)
    assert bottle.feed.amount_ml == 120 and bottle.feed.method == "formula"

    page.goto("/")
    timeline = page.locator("ul.timeline")
    expect(timeline.locator("li")).to_have_count(3)


def test_a_server_error_keeps_the_tap_in_the_outbox_until_it_can_be_sent(
    world, logged_in: Callable[[Member], Page], monkeypatch: pytest.MonkeyPatch
):
    page = logged_in(world.alex)
    page.goto("/log/")
    working = services.log_care_event

    def broken(**kwargs: object) -> None:
        raise RuntimeError("the database is away")

    monkeypatch.setattr(services, "log_care_event", broken)
    page.get_by_role("button", name="Dirty", exact=True).click()
    expect(page.locator(WAITING)).to_have_text("1 waiting to send")
    assert not CareEvent.objects.exists()

    monkeypatch.setattr(services, "log_care_event", working)
    page.evaluate("setTimeout(() => window.dispatchEvent(new Event('focus')), 0)")
    expect(page.locator("#outbox")).to_be_hidden()
    assert CareEvent.objects.get().nappy.contents == "dirty"


def test_two_phones_start_a_sleep_offline_and_the_second_is_told(world, logged_in: Callable[[Member], Page]):
    alex, sam = logged_in(world.alex), logged_in(world.sam)
    for page in (alex, sam):
        page.goto("/log/")
        page.context.set_offline(True)
        page.get_by_role("button", name=re.compile(r"^▶ Sleep")).click()
        expect(page.locator(WAITING)).to_have_text("1 waiting to send")

    # Alex's phone finds a signal first.
    for page in (alex, sam):
        page.context.set_offline(False)
        page.evaluate("setTimeout(() => window.dispatchEvent(new Event('online')), 0)")
        expect(page.locator(WAITING)).not_to_have_text("1 waiting to send")
    expect(alex.locator("#outbox")).to_be_hidden()
    expect(sam.locator(WAITING)).to_have_text("1 not sent")
    sam.locator("#outbox summary").click()
    expect(sam.locator("#outbox li")).to_contain_text(
        "Alex's phone already started a sleep for Ada at", use_inner_text=True
    )
    assert CareEvent.objects.filter(kind="sleep").count() == 1

    sam.locator("#outbox").get_by_role("button", name="Discard").click()
    expect(sam.locator("#outbox")).to_be_hidden()


def test_chromium_finds_twofold_installable(world, browser: Browser, live_server, tmp_path):
    # A real profile: Chromium never offers to install from a private (incognito) window.
    context = browser.browser_type.launch_persistent_context(
        tmp_path, executable_path=CHROMIUM, args=CHROMIUM_ARGS, base_url=live_server.url
    )
    try:
        client = Client()
        client.force_login(world.alex.user)
        session_id = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session_id, "url": live_server.url}]
        )
        page = context.pages[0] if context.pages else context.new_page()
        controlled_by_the_worker(page, "/log/")
        answer = context.new_cdp_session(page).send("Page.getInstallabilityErrors")
        assert answer["installabilityErrors"] == []
    finally:
        context.close()


def test_logging_out_with_logs_waiting_asks_before_discarding_them(
    world, logged_in: Callable[[Member], Page]
):
    page = logged_in(world.alex)
    page.goto("/log/")
    page.context.set_offline(True)
    page.get_by_role("button", name="Wet", exact=True).click()
    expect(page.locator(WAITING)).to_have_text("1 waiting to send")

    asked: list[str] = []
    accept = False

    def on_dialog(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.on("dialog", on_dialog)
    page.get_by_role("button", name="Log out").click()
    page.wait_for_function("document.querySelector('form.logout') !== null")
    for _ in range(150):  # the question comes once the outbox has been read (up to 15 s on two busy cores)
        if asked:
            break
        page.wait_for_timeout(100)
    assert asked == ["1 log has not been sent yet. Log out and discard it?"]
    expect(page.locator(WAITING)).to_have_text("1 waiting to send")  # still here, still logged in

    # Said yes (still offline, so the log-out itself waits for a connection): the waiting log is discarded.
    accept = True
    page.get_by_role("button", name="Log out").click()
    for _ in range(150):
        if len(asked) == 2:
            break
        page.wait_for_timeout(100)
    assert len(asked) == 2
    page.context.set_offline(False)
    again = page.context.new_page()
    again.goto("/log/")
    assert again.evaluate("TwofoldOutbox.all().then(items => items.length)") == 0
    assert not CareEvent.objects.exists()
