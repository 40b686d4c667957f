"""The summary for a health visit prints from the browser as it promises: one page per child, in real
Chromium's print layout (the page's own print styles), for one baby and for twins."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable

import pytest
import time_machine
from playwright.sync_api import Page
from pypdf import PdfReader

from twofold.home.demo import create_demo_household
from twofold.households.models import Member

pytestmark = pytest.mark.browser

NOW = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("children", [1, 2])
def test_the_14_day_summary_prints_one_page_per_child(
    db, logged_in: Callable[[Member], Page], children: int
) -> None:
    with time_machine.travel(NOW, tick=True):
        demo = create_demo_household(weeks=20, children=children, now=NOW)
        sam = logged_in(Member.objects.get(user__username="sam@demo.twofold"))
        sam.goto("/health/summary/")
        sam.emulate_media(media="print")
        printed = sam.pdf(format="A4", print_background=False)
    pages = [page.extract_text() for page in PdfReader(io.BytesIO(printed)).pages]
    names = {c.name for c in demo.children}
    assert len(pages) == len(names), [page[:200] for page in pages]
    # Each page is one child's whole summary, with the growth section, and nothing of another child.
    on_each = [{name for name in names if name in page} for page in pages]
    assert all(len(found) == 1 for found in on_each), on_each
    assert set().union(*on_each) == names
    assert all("Weight, length and head" in page for page in pages)
