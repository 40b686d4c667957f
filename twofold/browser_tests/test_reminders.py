"""A reminder the worker made shows in the list atop a page, in real Chromium, and leads to its page."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from twofold.care.services import start_timer
from twofold.households.models import Member
from twofold.reminders.tests.test_worker import worker_at

pytestmark = pytest.mark.browser


def test_a_long_feed_timer_reminder_shows_on_every_page_and_opens_quick_log(
    world, logged_in: Callable[[Member], Page]
) -> None:
    now = timezone.now().replace(microsecond=0)
    start_timer(member=world.alex, child=world.ada, kind="feed", start=now - dt.timedelta(hours=2), now=now)
    # With no plan tonight, and outside any night, every member who kept the defaults gets this one.
    worker_at(now)

    page = logged_in(world.sam)
    page.goto("/history/")
    listed = page.locator("#notifications")
    expect(listed.locator("summary")).to_contain_text("new")
    listed.locator("summary").click()
    link = listed.get_by_role("link", name="Ada's feed timer has been running for 2 h")
    expect(link).to_be_visible()
    link.click()
    expect(page).to_have_url(re.compile(r"/log/$"))
