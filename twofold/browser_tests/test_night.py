"""At night Quick log turns dark by itself: a bright screen at 3 a.m. wakes the baby and the other parent."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from twofold.households.models import Member

pytestmark = pytest.mark.browser

# Page backgrounds from twofold.css (--bg): the browser itself is set to a light theme.
LIGHT_BACKGROUND = "rgb(247, 245, 240)"
DARK_BACKGROUND = "rgb(20, 22, 31)"


def set_night(page: Page, start: dt.datetime, end: dt.datetime) -> None:
    page.goto("/household/")
    page.get_by_label("Night starts at").fill(f"{start:%H:%M}")
    page.get_by_label("Night ends at").fill(f"{end:%H:%M}")
    page.get_by_role("region", name="Household details").get_by_role("button", name="Save").click()
    expect(page.get_by_role("status").filter(has_text="Household details saved.")).to_be_visible()


def test_quick_log_is_dark_at_night(world, logged_in: Callable[[Member], Page]) -> None:
    page = logged_in(world.alex)
    now = timezone.now().astimezone(world.alex.household.zone)
    html = page.locator("html")

    set_night(page, start=now + dt.timedelta(hours=2), end=now + dt.timedelta(hours=3))
    page.goto("/log/")
    expect(html).to_have_attribute("data-theme", "auto")
    expect(page.locator("body")).to_have_css("background-color", LIGHT_BACKGROUND)

    set_night(page, start=now - dt.timedelta(hours=1), end=now + dt.timedelta(hours=1))
    page.goto("/log/")
    expect(html).to_have_attribute("data-theme", "dark")
    expect(page.locator("body")).to_have_css("background-color", DARK_BACKGROUND)
