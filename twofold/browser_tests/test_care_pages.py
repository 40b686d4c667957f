"""Quick log and Today in a real browser: timers, undo, and forms that keep what was typed."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from twofold.care.models import CareEvent, Kind
from twofold.households.models import Member

pytestmark = pytest.mark.browser


def test_timer_survives_a_reload(world, logged_in: Callable[[Member], Page]) -> None:
    page = logged_in(world.alex)
    page.goto("/log/")
    page.get_by_role("button", name=re.compile(r"^▶ Sleep")).click()

    timer = page.locator("[data-timer='sleep']")
    expect(timer).to_contain_text("Sleep · Ada · Alex")
    expect(timer.get_by_role("button", name="Stop")).to_be_visible()

    # The phone was locked for 25 minutes: the timer started that long ago, and the page is reloaded.
    event = CareEvent.objects.get(kind=Kind.SLEEP, running=True)
    started = timezone.now() - dt.timedelta(minutes=25)
    CareEvent.objects.filter(pk=event.pk).update(start=started)
    page.clock.install()  # the page's clock, so the test can let a minute pass without waiting for it
    page.reload()

    elapsed = timer.locator(".elapsed")
    expect(elapsed).to_have_text(re.compile(r"^25:\d\d$"))
    assert dt.datetime.fromisoformat(elapsed.get_attribute("data-started") or "") == started
    page.clock.run_for("01:05")
    expect(elapsed).to_have_text(re.compile(r"^26:\d\d$"))

    timer.get_by_role("button", name="Stop").click()
    expect(page.get_by_role("status").filter(has_text="Sleep stopped.")).to_be_visible()
    page.goto("/")
    expect(page.locator("[data-timer]")).to_have_count(0)
    row = page.locator(".timeline li[data-kind='sleep']")
    expect(row).to_contain_text("Sleep · 25 min")
    expect(row).to_contain_text("Alex")


def test_deleted_event_comes_back_with_undo(world, logged_in: Callable[[Member], Page]) -> None:
    page = logged_in(world.alex)
    page.goto("/log/")
    page.get_by_role("button", name="Wet", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Nappy logged for Ada (Alex).")).to_be_visible()

    page.goto("/")
    timeline = page.locator("ul.timeline")
    expect(timeline.get_by_text("Nappy: wet")).to_be_visible()
    timeline.get_by_role("link", name=re.compile(r"^Edit Nappy at ")).click()
    expect(page.get_by_role("heading", name="Edit: Nappy")).to_be_visible()
    page.get_by_role("button", name="Delete").click()

    expect(page).to_have_url(re.compile(r"/$"))
    undo = page.get_by_role("status").filter(has_text="deleted.")
    expect(undo).to_contain_text(re.compile(r"Nappy at \d\d:\d\d deleted\."))
    expect(page.get_by_text("Nappy: wet")).to_have_count(0)
    expect(page.get_by_text("Nothing logged yet today.")).to_be_visible()

    undo.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("status").filter(has_text="Brought back.")).to_be_visible()
    expect(page.locator("ul.timeline").get_by_text("Nappy: wet")).to_be_visible()
    expect(page.get_by_role("button", name="Undo")).to_have_count(0)


def test_validation_error_keeps_input(world, logged_in: Callable[[Member], Page]) -> None:
    page = logged_in(world.alex)
    page.goto("/log/")
    page.get_by_role("link", name=re.compile(r"^Feed")).click()
    expect(page.get_by_role("heading", name="Feed", exact=True)).to_be_visible()

    now = timezone.now().astimezone(world.alex.household.zone)
    page.get_by_label("Bottle of formula").check()
    page.get_by_label("Started").fill(f"{now - dt.timedelta(minutes=10):%Y-%m-%dT%H:%M}")
    page.get_by_label("Ended").fill(f"{now - dt.timedelta(minutes=30):%Y-%m-%dT%H:%M}")
    page.get_by_role("textbox", name="Note").fill("Took the left side first, then dozed off")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("alert")).to_have_text("Not logged yet: put right what is marked above.")
    ended = page.locator(".field.has-error", has=page.get_by_label("Ended"))
    ended_error = "The end is before the start. Swap them or correct one."
    expect(ended.locator("[data-tap-error]")).to_have_text(ended_error)
    expect(page.get_by_label("Ended")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("textbox", name="Note")).to_have_value("Took the left side first, then dozed off")
    expect(page.get_by_label("Bottle of formula")).to_be_checked()
    assert not CareEvent.objects.filter(kind=Kind.FEED).exists()


def test_each_refused_field_is_marked_beside_itself(world, logged_in: Callable[[Member], Page]) -> None:
    page = logged_in(world.alex)
    page.goto(f"/log/medicine/?child={world.ada.pk}")
    page.get_by_label("Dose", exact=True).fill("2.5 ml")
    page.get_by_label("Shortest gap between doses (hours)").fill("-1")
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_role("alert")).to_have_text("Not logged yet: put right what is marked above.")
    medicine = page.locator(".field.has-error", has=page.get_by_label("Medicine", exact=True))
    expect(medicine.locator("[data-tap-error]")).to_have_text("This field is required.")
    gap = page.locator(".field.has-error", has=page.get_by_label("Shortest gap between doses (hours)"))
    expect(gap.locator("[data-tap-error]")).to_contain_text("greater than or equal to 0")
    expect(page.get_by_label("Dose", exact=True)).to_have_value("2.5 ml")

    page.get_by_label("Medicine", exact=True).fill("Paracetamol")
    page.get_by_label("Shortest gap between doses (hours)").fill("4")
    page.get_by_role("button", name="Save").click()
    expect(page).to_have_url(re.compile(r"/log/$"))  # Quick log, once it is logged
    assert CareEvent.objects.get(kind=Kind.MEDICINE).medicine.name == "Paracetamol"
