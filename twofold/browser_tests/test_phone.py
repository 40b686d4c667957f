"""Every chart and table page at a phone's width (360 × 740) in a real browser, on the demo household: no
page scrolls sideways, each chart is drawn for the phone with its table beside it, and no table hides a
column (issue "Capture at 3 a.m.", point 5).

Set TWOFOLD_PHONE_SHOTS to a folder to keep a full-page screenshot of each page there.
"""

from __future__ import annotations

import datetime as dt
import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import time_machine
from django.core.management import call_command
from playwright.sync_api import Page, ViewportSize, expect

from twofold.care.services import log_care_event
from twofold.households.models import Member
from twofold.insights.periods import iso_week
from twofold.nights.models import NightPlan
from twofold.wellbeing import services as wellbeing
from twofold.wellbeing.instruments import PHQ9
from twofold.wellbeing.tests.answers import answers_for_total

pytestmark = pytest.mark.browser

PHONE: ViewportSize = {"width": 360, "height": 740}
# A Wednesday morning in London: the demo's nights, plans and past check-ins fall around it.
NOW = dt.datetime(2026, 11, 18, 9, 30, tzinfo=dt.UTC)
SHOTS = os.environ.get("TWOFOLD_PHONE_SHOTS")

# What every page must satisfy at 360 px, measured in the page. `overflowing` lists what pokes out on the
# right: an element wider than the screen, or a scroll box whose content is wider than itself (a table
# there would be cut off behind a swipe even though the page itself does not scroll).
MEASURE = """() => {
  const width = document.documentElement.clientWidth;
  const overflowing = [];
  for (const el of document.querySelectorAll("main *")) {
    if (el.closest(".sr-only, table.stack > thead")) continue;  // clipped to a pixel: for screen readers
    const box = el.getBoundingClientRect();
    if (box.width && box.right > width + 0.5) overflowing.push(el.tagName + "." + el.className);
  }
  for (const el of document.querySelectorAll(".table-scroll")) {
    if (el.scrollWidth > el.clientWidth + 0.5) overflowing.push("scrolling " + el.className);
  }
  return {scrollWidth: document.documentElement.scrollWidth, overflowing: overflowing.slice(0, 5)};
}"""


@pytest.fixture
def demo(transactional_db) -> Iterator[dict[str, Member]]:
    with time_machine.travel(NOW, tick=False):
        call_command("demo", weeks=6, seed=3, stdout=io.StringIO())
        alex = Member.objects.get(user__username="alex@demo.twofold")
        sam = Member.objects.get(user__username="sam@demo.twofold")
        # Wellbeing is private, so the demo has none: Alex's own PHQ-9 over three weeks.
        for weeks_ago, total in ((3, 12), (2, 8), (0, 5)):
            with time_machine.travel(NOW - dt.timedelta(weeks=weeks_ago), tick=False):
                screening = wellbeing.start_screening(member=alex, instrument=PHQ9.key)
                for item, position in answers_for_total(PHQ9, total).items():
                    wellbeing.record_answer(member=alex, screening=screening, item=item, position=position)
                wellbeing.finish_screening(member=alex, screening=screening)
        yield {"alex": alex, "sam": sam}


def open_phone(logged_in: Callable[[Member], Page], member: Member) -> Page:
    page = logged_in(member)
    page.set_viewport_size(PHONE)
    return page


def check_fits(page: Page, url: str, shot: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    measured = page.evaluate(MEASURE)
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        height = page.evaluate("document.documentElement.scrollHeight")
        for n, top in enumerate(range(0, height, 1400)):
            page.screenshot(
                path=Path(SHOTS) / f"{shot}-{n}.png",
                full_page=True,
                clip={"x": 0, "y": top, "width": PHONE["width"], "height": min(1400, height - top)},
            )
    assert measured["scrollWidth"] <= PHONE["width"], (url, measured)
    assert measured["overflowing"] == [], (url, measured)


def check_charts(page: Page, count: int) -> None:
    """`count` charts, each drawn for the phone (the desktop drawing hidden) with a table in its card."""
    pairs = page.locator(".chart-pair")
    expect(pairs).to_have_count(count)
    for i in range(count):
        pair = pairs.nth(i)
        expect(pair.locator("svg.chart-narrow")).to_be_visible()
        expect(pair.locator("svg.chart-wide")).to_be_hidden()
        box = pair.locator("svg.chart-narrow").bounding_box()
        assert box is not None and box["width"] >= 250 and box["x"] + box["width"] <= PHONE["width"]
        card = pair.locator("xpath=ancestor::section[contains(@class, 'card')][1]")
        expect(card.locator("table").first).to_be_attached()


def test_every_chart_and_table_page_fits_a_phone(
    demo: dict[str, Member], logged_in: Callable[[Member], Page]
) -> None:
    alex = demo["alex"]
    this_monday = NOW.date() - dt.timedelta(days=NOW.date().weekday())
    last_week = iso_week(this_monday - dt.timedelta(weeks=1))
    plan = NightPlan.objects.filter(household=alex.household).order_by("night").first()
    assert plan is not None

    with time_machine.travel(NOW, tick=False):
        page = open_phone(logged_in, alex)
        for url, shot, charts in (
            ("/us/", "us-this-week", 2),
            (f"/us/?week={last_week}", "us-last-week", 2),
            ("/checkin/history/", "checkin-history", 4),
            ("/bonding/trend/", "bonding-trend", 1),
            ("/bonding/crying/", "bonding-crying", 1),
            ("/wellbeing/", "wellbeing", 1),
            ("/growth/", "growth", 1),
        ):
            check_fits(page, url, shot)
            check_charts(page, charts)
        for url, shot in (
            (f"/nights/plans/{plan.pk}/", "night-plan"),
            (f"/nights/plans/{plan.pk}/against-log/", "night-against"),
        ):
            check_fits(page, url, shot)
            expect(page.locator("table.stack").first).to_be_visible()


def test_the_checkin_reveal_leads_with_the_answers_and_the_largest_gap(
    demo: dict[str, Member], logged_in: Callable[[Member], Page]
) -> None:
    this_monday = NOW.date() - dt.timedelta(days=NOW.date().weekday())
    # Last week's check-in is open until Saturday; the one before it is the demo's latest revealed one.
    revealed_week = iso_week(this_monday - dt.timedelta(weeks=2))
    with time_machine.travel(NOW, tick=False):
        page = open_phone(logged_in, demo["sam"])
        check_fits(page, f"/checkin/?week={revealed_week}", "checkin-reveal")

        side = page.locator("table.checkin-side")
        expect(side).to_be_visible()
        # Both parents' answers in view, each labelled with its parent's name.
        fairness = side.locator("tr", has_text="How fair the split feels")
        expect(fairness.locator('td[data-label="Alex"]')).to_be_visible()
        expect(fairness.locator('td[data-label="Sam"]')).to_be_visible()
        largest = page.locator(".checkin-largest-gap")
        expect(largest).to_be_visible()
        folded = page.locator("main details")
        assert folded.count() >= 2
        for i in range(folded.count()):
            expect(folded.nth(i)).not_to_have_attribute("open", "")
        order = page.evaluate(
            """() => {
              const all = [...document.querySelectorAll("main *")];
              const at = (sel) => all.indexOf(document.querySelector(sel));
              return {
                side: at("table.checkin-side"), gap: at(".checkin-largest-gap"), folded: at("main details")
              };
            }"""
        )
        assert 0 <= order["side"] < order["gap"] < order["folded"], order
        # A folded section opens with the keyboard, no script needed.
        summary = folded.first.locator("summary")
        summary.focus()
        page.keyboard.press("Enter")
        expect(folded.first).to_have_attribute("open", "")


def test_a_long_unbroken_note_wraps_instead_of_widening_the_page(
    demo: dict[str, Member], logged_in: Callable[[Member], Page]
) -> None:
    alex = demo["alex"]
    child = alex.household.children.first()
    assert child is not None
    with time_machine.travel(NOW, tick=False):
        event = log_care_event(
            member=alex,
            child=child,
            kind="bath",
            start=NOW - dt.timedelta(minutes=5),
            note="x" * 400,
            now=NOW,
        ).event
        page = open_phone(logged_in, alex)
        for url, shot in (("/", "today-long-note"), ("/history/", "history-long-note")):
            check_fits(page, url, shot)
        check_fits(page, f"/events/{event.pk}/", "edit-long-note")
