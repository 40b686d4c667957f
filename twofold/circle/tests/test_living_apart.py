"""A parent marked as living elsewhere (or back home): the coming nights already planned follow it, except a
night they agreed and a night set by hand, which the parent who marked it is told about."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine

from twofold.circle import services
from twofold.circle.page import moved_words
from twofold.circle.tests.build import LONDON, NOW, SATURDAY, ask_saturday_night, text
from twofold.conftest import client_for
from twofold.nights.edits import Duty
from twofold.nights.models import HowMade, NightPlan
from twofold.nights.services import Replanned, edit_shifts, make_plan

pytestmark = pytest.mark.django_db

FRIDAY = SATURDAY - dt.timedelta(days=1)
SUNDAY = SATURDAY + dt.timedelta(days=1)


def on_duty(household, day: dt.date) -> set[str]:
    plan = NightPlan.objects.get(household=household, night=day)
    return {s.member.display_name for s in plan.shifts.select_related("member")}


def test_the_words_say_where_someone_sleeps_and_what_became_of_the_nights():
    assert moved_words("Sam", True, Replanned((), ())) == "Sam is living elsewhere for now."
    assert moved_words("Sam", False, Replanned((SATURDAY,), ())) == (
        "Sam is back home. 1 planned night made again to follow it."
    )
    assert moved_words("Sam", True, Replanned((FRIDAY, SUNDAY), (SATURDAY,))) == (
        "Sam is living elsewhere for now. 2 planned nights made again to follow it. The night of Sat 28 Nov "
        "was set by hand and stays as it is: plan again from Nights when it suits you."
    )
    assert "Fri 27 Nov and Sat 28 Nov were set by hand and stay as they are" in moved_words(
        "Sam", True, Replanned((), (FRIDAY, SATURDAY))
    )


@time_machine.travel(NOW, tick=False)
def test_moving_out_makes_the_coming_nights_again_without_them_and_moving_back_with_them(world):
    household = world.alex.household
    for day in (FRIDAY, SATURDAY):
        make_plan(member=world.alex, day=day, now=NOW)
        assert on_duty(household, day) == {"Alex", "Sam"}
    moved = client_for(world.alex).post(f"/circle/living/{world.sam.pk}/", {"apart": "1"}, follow=True)
    assert "Sam is living elsewhere for now. 2 planned nights made again to follow it." in text(moved)
    assert on_duty(household, FRIDAY) == on_duty(household, SATURDAY) == {"Alex"}
    assert NightPlan.objects.get(night=SATURDAY).made_by_id == world.alex.pk

    again = services.set_living_apart(member=world.alex, about=world.sam, apart=True, now=NOW)
    assert again == Replanned((), ())  # sent twice: nothing moved, nothing made again

    back = client_for(world.alex).post(f"/circle/living/{world.sam.pk}/", {"apart": "0"}, follow=True)
    assert "Sam is back home. 2 planned nights made again to follow it." in text(back)
    assert on_duty(household, FRIDAY) == on_duty(household, SATURDAY) == {"Alex", "Sam"}


@time_machine.travel(NOW, tick=False)
def test_a_night_they_agreed_and_a_night_set_by_hand_stay_as_they_are(world):
    household = world.alex.household
    services.set_living_apart(member=world.alex, about=world.sam, apart=True, now=NOW)
    services.take(member=world.sam, request=ask_saturday_night(world.alex), now=NOW)
    assert on_duty(household, SATURDAY) == {"Sam"}
    services.set_living_apart(member=world.alex, about=world.sam, apart=False, now=NOW)
    assert on_duty(household, SATURDAY) == {"Sam"}  # agreed: back home or not, Sam said they'd do it
    sunday = make_plan(member=world.alex, day=SUNDAY, now=NOW)
    start = dt.datetime(2026, 11, 29, 22, 0, tzinfo=LONDON)
    edit_shifts(
        member=world.alex,
        plan=sunday,
        duty=[Duty(world.sam.pk, start, start + dt.timedelta(hours=9))],
        now=NOW,
    )

    replanned = services.set_living_apart(member=world.alex, about=world.sam, apart=True, now=NOW)

    assert replanned == Replanned((), (SUNDAY,))
    assert on_duty(household, SATURDAY) == {"Sam"}  # the night Sam agreed
    assert on_duty(household, SUNDAY) == {"Sam"}  # set by hand, kept for a parent to plan again
    assert NightPlan.objects.get(night=SUNDAY).how == HowMade.BY_HAND


@time_machine.travel(NOW, tick=False)
def test_nights_already_over_and_other_households_are_left_alone(world):
    with time_machine.travel(NOW - dt.timedelta(days=3), tick=False):
        make_plan(member=world.alex, day=dt.date(2026, 11, 20), now=NOW - dt.timedelta(days=3))
    make_plan(member=world.robin, day=SATURDAY, now=NOW)
    before = list(NightPlan.objects.order_by("pk").values_list("pk", "updated_at"))

    replanned = services.set_living_apart(member=world.alex, about=world.sam, apart=True, now=NOW)

    assert replanned == Replanned((), ())
    assert list(NightPlan.objects.order_by("pk").values_list("pk", "updated_at")) == before


def test_a_night_under_way_stays_as_planned_and_the_next_follows_the_move(world):
    household = world.alex.household
    saturday_evening = dt.datetime(2026, 11, 28, 12, 0, tzinfo=LONDON)
    with time_machine.travel(saturday_evening, tick=False):
        for day in (SATURDAY, SUNDAY):
            make_plan(member=world.alex, day=day, now=saturday_evening)
    sunday_small_hours = dt.datetime(2026, 11, 29, 5, 15, tzinfo=LONDON)
    with time_machine.travel(sunday_small_hours, tick=False):
        replanned = services.set_living_apart(
            member=world.alex, about=world.sam, apart=True, now=sunday_small_hours
        )

    assert replanned == Replanned((SUNDAY,), ())
    assert on_duty(household, SATURDAY) == {"Alex", "Sam"}  # Sam's shift that night was already done
    assert on_duty(household, SUNDAY) == {"Alex"}
