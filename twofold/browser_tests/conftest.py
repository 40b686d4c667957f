"""Real Chromium against a live server: one browser per session, a fresh browser context per person."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Callable, Generator, Iterator
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from twofold.browser_tests.chromium import CHROMIUM, CHROMIUM_ARGS
from twofold.households.models import Member

# The world's households are in London (twofold/conftest.py).
WORLD_ZONE = "Europe/London"

DEFAULT_TIMEOUT_MS = 10_000
expect.set_options(timeout=DEFAULT_TIMEOUT_MS)
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

_FAILED = pytest.StashKey[bool]()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.failed:
        item.stash[_FAILED] = True
    return report


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    # Playwright's sync API runs an asyncio event loop in the test thread from here to the end of the
    # session. Django takes every ORM call made from that thread meanwhile (these tests' setup, and any
    # test that runs after this one) for a call from async code, and refuses it. The calls are in fact
    # synchronous, and the live server answers in its own thread, so the guard is off while the loop runs.
    guard = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    if guard is None:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = guard


@pytest.fixture
def new_person(browser: Browser, live_server, request: pytest.FixtureRequest) -> Iterator[Callable[[], Page]]:
    """Opens a page in a fresh browser context: its own cookies, so each call is another person.

    Relative URLs go to the live server. When the test fails, every open page is saved as a screenshot in
    test-artifacts/.
    """
    contexts: list[BrowserContext] = []

    def open_page() -> Page:
        # A light system theme, so that a dark page is the app's choice and not the browser's.
        context = browser.new_context(base_url=live_server.url, color_scheme="light", locale="en-GB")
        context.set_default_timeout(DEFAULT_TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page

    failed = request.node.stash.get(_FAILED, False)
    for n, context in enumerate(contexts):
        if failed:
            ARTIFACTS.mkdir(exist_ok=True)
            name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
            for m, page in enumerate(context.pages):
                with contextlib.suppress(PlaywrightError):  # a crashed page has no picture to give
                    page.screenshot(path=ARTIFACTS / f"{name}-{n}-{m}.png", full_page=True)
        context.close()


@pytest.fixture
def page(new_person: Callable[[], Page]) -> Page:
    return new_person()


@pytest.fixture
def logged_in(new_person: Callable[[], Page], live_server) -> Callable[[Member], Page]:
    """A page already logged in as a member, for tests about pages rather than about logging in."""

    def open_as(member: Member) -> Page:
        page = new_person()
        assert member.user is not None
        client = Client()
        client.force_login(member.user)
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        page.context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )
        return page

    return open_as


def next_ordinary_afternoon(now: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """15:00 household time on the next Wednesday after `now`: daytime, a weekday, and a night ahead
    without a clock change (the clocks change on Sunday mornings)."""
    today = now.astimezone(zone).date()
    days = (2 - today.weekday()) % 7 or 7
    return dt.datetime.combine(today + dt.timedelta(days=days), dt.time(15), tzinfo=zone)


@pytest.fixture
def an_ordinary_afternoon() -> Iterator[dt.datetime]:
    """Runs the test (and the live server, which is in this process) at `next_ordinary_afternoon`, the clock
    ticking on: for pages whose look or content follows the hour, such as the night theme. Forward only,
    so everything the fixtures stored is in the past. Chromium keeps its own clock."""
    afternoon = next_ordinary_afternoon(timezone.now(), ZoneInfo(WORLD_ZONE))
    with time_machine.travel(afternoon, tick=True):
        yield afternoon
