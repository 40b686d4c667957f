"""The top floor tells Quick log who is on duty tonight, from the nights app, without care importing it."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.urls import reverse

from twofold.care import hooks
from twofold.conftest import client_for, page_text
from twofold.nights.duty import on_duty_now
from twofold.nights.models import NightPlan, Shift

LONDON_NIGHT = dt.date(2026, 12, 1)  # the night of 1 to 2 December, 22:00 to 07:00 in London (UTC+0)


def _plan(world) -> None:
    plan = NightPlan.objects.create(household=world.alex.household, night=LONDON_NIGHT)
    at = lambda day, hour: dt.datetime(2026, 12, day, hour, tzinfo=dt.UTC)  # noqa: E731
    Shift.objects.create(plan=plan, member=world.alex, start=at(1, 22), end=at(2, 2))
    Shift.objects.create(plan=plan, member=world.sam, start=at(2, 2), end=at(2, 7))


def test_home_registers_the_nights_provider():
    previous = hooks.register_on_duty(hooks._nobody)
    hooks.register_on_duty(previous)
    assert previous is on_duty_now


def test_on_duty_is_whoever_holds_the_shift_now(world):
    _plan(world)
    household = world.alex.household
    assert on_duty_now(household, dt.datetime(2026, 12, 1, 23, tzinfo=dt.UTC)) == world.alex.pk
    assert on_duty_now(household, dt.datetime(2026, 12, 2, 3, tzinfo=dt.UTC)) == world.sam.pk
    assert on_duty_now(household, dt.datetime(2026, 12, 2, 2, tzinfo=dt.UTC)) == world.sam.pk  # [start, end)


def test_nobody_is_on_duty_by_day_or_without_a_plan(world, django_assert_num_queries):
    household = world.alex.household
    assert on_duty_now(household, dt.datetime(2026, 12, 2, 3, tzinfo=dt.UTC)) is None  # no plan
    _plan(world)
    with django_assert_num_queries(0):
        assert on_duty_now(household, dt.datetime(2026, 12, 2, 12, tzinfo=dt.UTC)) is None


def test_another_households_plan_puts_nobody_on_duty(world):
    _plan(world)
    assert on_duty_now(world.robin.household, dt.datetime(2026, 12, 2, 8, tzinfo=dt.UTC)) is None


@time_machine.travel(dt.datetime(2026, 12, 2, 3, tzinfo=dt.UTC), tick=False)
def test_at_3am_quick_log_puts_sam_on_duty_first_and_still_logs_as_the_viewer(world):
    _plan(world)
    page = page_text(client_for(world.alex).get(reverse("care:quick_log")))
    picker = page[page.index('aria-label="Who is doing it"') :]
    picker = picker[: picker.index("</nav>")]
    assert picker.index("Sam") < picker.index("Alex (you)")
    assert picker.count("on duty") == 1 and 'data-on-duty="1">Sam' in picker
    assert 'aria-current="true">Alex (you)' in picker  # who is recorded stays the viewer
    assert f'name="by" value="{world.alex.pk}"' in page


@time_machine.travel(dt.datetime(2026, 12, 2, 3, tzinfo=dt.UTC), tick=False)
def test_a_helper_on_duty_sees_their_own_shift_marked(world):
    plan = NightPlan.objects.create(household=world.alex.household, night=LONDON_NIGHT, helper_night=True)
    start, end = dt.datetime(2026, 12, 2, 2, tzinfo=dt.UTC), dt.datetime(2026, 12, 2, 7, tzinfo=dt.UTC)
    Shift.objects.create(plan=plan, member=world.pat, start=start, end=end)
    page = page_text(client_for(world.pat).get(reverse("care:quick_log")))
    assert 'data-on-duty="1">Pat (you) <small class="on-duty">on duty</small>' in page
