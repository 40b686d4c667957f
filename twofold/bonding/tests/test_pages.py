"""The bonding pages over real HTTP: plans and the one-tap response, Today, privacy, the crying timer's
coping link and one-tap stop, the crying and trend pages on hand-built logs, red flags by country."""

from __future__ import annotations

import datetime as dt
from unittest import mock

import pytest
import time_machine
from django.utils import timezone

from twofold.bonding.models import BondingPlan, DayStatus, PlanDay
from twofold.bonding.services import start_plan
from twofold.bonding.tests.helpers import at, cry
from twofold.bonding.today import today_context
from twofold.care.models import CareEvent, Kind
from twofold.care.services import log_care_event, start_timer
from twofold.conftest import client_for
from twofold.households.services import add_child

pytestmark = pytest.mark.django_db


def test_a_parent_starts_a_plan_for_themselves_and_only_one_with_each_child(world):
    sam = client_for(world.sam)
    response = sam.post("/bonding/plans/start/", {"child": world.ada.pk}, follow=True)
    assert "Your plan with Ada has started" in response.content.decode()
    plan = BondingPlan.objects.get()
    assert (plan.member, plan.child, plan.created_by, plan.status) == (
        world.sam,
        world.ada,
        world.sam,
        "active",
    )
    again = sam.post("/bonding/plans/start/", {"child": world.ada.pk}, follow=True)
    assert "You already have a plan with Ada" in again.content.decode()
    assert BondingPlan.objects.count() == 1


def test_helpers_and_other_households_cannot_reach_plans_or_trends(world):
    plan = start_plan(member=world.sam, child=world.ada)
    pat, robin = client_for(world.pat), client_for(world.robin)
    for url in ("/bonding/", "/bonding/trend/", "/bonding/crying/"):
        assert pat.get(url).status_code == 404
    assert robin.post(f"/bonding/plans/{plan.pk}/pause/").status_code == 404
    assert robin.post("/bonding/plans/start/", {"child": world.ada.pk}).status_code == 404
    # The red flags and the coping card are for everyone in the household.
    assert pat.get("/bonding/red-flags/").status_code == 200
    assert pat.get("/bonding/coping/").status_code == 200


def test_the_other_parent_sees_a_plan_but_cannot_change_it(world):
    plan = start_plan(member=world.sam, child=world.ada)
    alex = client_for(world.alex)
    assert "Sam has a plan with Ada" in alex.get("/bonding/").content.decode()
    response = alex.post(
        f"/bonding/plans/{plan.pk}/do/", {"activity": "skin_to_skin", "response": "calm"}, follow=True
    )
    assert "Only Sam can change their own plan." in response.content.decode()
    assert not CareEvent.objects.exists()


# Ada is 7 weeks old: a baby, so the plan still offers what it offers babies (skin-to-skin first).
@time_machine.travel(dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC), tick=False)
def test_today_shows_the_plans_one_suggestion_and_logs_it_with_the_response_in_one_tap(world):
    plan = start_plan(member=world.sam, child=world.ada)
    sam = client_for(world.sam)
    page = sam.get("/").content.decode()
    assert "Today with Ada: Skin-to-skin" in page  # day 0 of a new plan: the first step-1 activity
    assert "Erlandsson" in page  # the how-to carries its source
    assert "Today with Ada" not in client_for(world.alex).get("/").content.decode()  # Alex has no plan

    sam.post(f"/bonding/plans/{plan.pk}/do/", {"activity": "skin_to_skin", "response": "fussy", "next": "/"})
    event = CareEvent.objects.get()
    assert (event.kind, event.by, event.logged_by, event.response) == (
        Kind.SKIN_TO_SKIN,
        world.sam,
        world.sam,
        "fussy",
    )
    day = PlanDay.objects.get()
    assert (day.status, day.event, day.activity) == (DayStatus.DONE, event, "skin_to_skin")
    page = sam.get("/").content.decode()
    assert "Done today" in page

    # Changing the response is one more tap, and "settled" can carry its minutes.
    sam.post(f"/bonding/events/{event.pk}/response/", {"response": "settled", "settled_after_minutes": "12"})
    event.refresh_from_db()
    assert (event.response, event.settled_after_minutes) == ("settled", 12)
    bad = sam.post(f"/bonding/events/{event.pk}/response/", {"response": "grumpy"}, follow=True)
    assert "Choose one of" in bad.content.decode()
    again = sam.post(
        f"/bonding/plans/{plan.pk}/do/", {"activity": "skin_to_skin", "response": "calm"}, follow=True
    )
    assert "already done" in again.content.decode()
    assert CareEvent.objects.count() == 1


def test_a_bottle_feed_logs_the_bottle_chosen_for_a_mixed_fed_baby(world):
    plan = start_plan(member=world.sam, child=world.ada)
    client_for(world.sam).post(
        f"/bonding/plans/{plan.pk}/do/", {"activity": "bottle_feed", "bottle": "formula", "response": "calm"}
    )
    assert CareEvent.objects.get().feed.method == "formula"


def test_skip_hides_the_suggestion_for_today_and_can_be_undone(world):
    plan = start_plan(member=world.sam, child=world.ada)
    sam = client_for(world.sam)
    sam.post(f"/bonding/plans/{plan.pk}/skip/", {"activity": "skin_to_skin"})
    assert "Skipped for today" in sam.get("/").content.decode()
    sam.post(f"/bonding/plans/{plan.pk}/unskip/")
    assert "Did it? Tap how Ada responded" in sam.get("/").content.decode()


def test_a_paused_plan_makes_no_suggestion_until_resumed(world):
    plan = start_plan(member=world.sam, child=world.ada)
    sam = client_for(world.sam)
    sam.post(f"/bonding/plans/{plan.pk}/pause/")
    assert "Today with Ada" not in sam.get("/").content.decode()
    sam.post(f"/bonding/plans/{plan.pk}/resume/")
    assert "Today with Ada" in sam.get("/").content.decode()
    sam.post(f"/bonding/plans/{plan.pk}/end/")
    plan.refresh_from_db()
    assert plan.status == "ended"
    assert "Start a plan" in sam.get("/bonding/").content.decode()


@time_machine.travel(dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC), tick=False)  # Ada at 7 weeks
def test_todays_bonding_card_costs_at_most_two_queries(world, django_assert_max_num_queries):
    start_plan(member=world.sam, child=world.ada)
    sam = type(world.sam).objects.select_related("household").get(pk=world.sam.pk)
    with django_assert_max_num_queries(2):
        context = today_context(member=sam, now=timezone.now())
    assert context["suggestions"][0].activity.key == "skin_to_skin"
    pat = type(world.pat).objects.select_related("household").get(pk=world.pat.pk)
    with django_assert_max_num_queries(0):
        assert today_context(member=pat, now=timezone.now()) == {}


def test_a_running_crying_timer_always_shows_the_coping_link_and_stops_in_one_tap(world):
    event = start_timer(member=world.pat, child=world.ada, kind="settle").event
    pat = client_for(world.pat)
    for url in ("/", "/log/"):
        assert "Feeling overwhelmed? What to do now" in pat.get(url).content.decode()
    start_timer(member=world.alex, child=world.ada, kind="sleep")
    assert client_for(world.alex).get("/").content.decode().count("Feeling overwhelmed?") == 1  # not on sleep

    CareEvent.objects.filter(pk=event.pk).update(start=timezone.now() - dt.timedelta(minutes=14))
    response = pat.post(f"/bonding/crying/{event.pk}/stop/", {"outcome": "settled", "next": "/"}, follow=True)
    assert "settled after 14 min" in response.content.decode()
    event.refresh_from_db()
    assert (event.running, event.response, event.settled_after_minutes, event.settle.outcome) == (
        False,
        "settled",
        14,
        "settled",
    )


def test_stopping_a_crying_timer_still_crying_opens_the_coping_card(world):
    event = start_timer(member=world.sam, child=world.ada, kind="settle").event
    response = client_for(world.sam).post(f"/bonding/crying/{event.pk}/stop/", {"outcome": "still_crying"})
    assert response["Location"] == "/bonding/coping/"
    event.refresh_from_db()
    assert (event.response, event.settle.outcome) == ("crying", "still_crying")


def test_the_coping_card_says_what_to_do_with_the_countrys_number(world):
    page = client_for(world.pat).get("/bonding/coping/").content.decode()
    assert "safe to put your baby down on their back in their cot" in page
    assert "Never shake or hurt a baby" in page
    assert "999" in page and "Cry-sis" in page  # a UK household: its emergency number and crying line
    us = client_for(world.robin).get("/bonding/coping/").content.decode()
    assert "911" in us and "999" not in us
    assert "no crying or parenting helpline on record for your country" in us


def test_red_flags_use_the_households_emergency_number_and_never_a_uk_111_abroad(world):
    uk = client_for(world.alex).get("/bonding/red-flags/").content.decode()
    assert "Call 999 or go to A&amp;E now" in uk and "Call NHS 111 or your GP today" in uk
    us = client_for(world.robin).get("/bonding/red-flags/").content.decode()
    assert "Call 911 or go to the emergency department now" in us
    assert "111" not in us
    assert "Floppy when you pick them up." in us
    # The fever item's note names UK services: only a UK household reads it.
    assert "NHS Wales advises 999 or A&amp;E under 1 month" in uk
    assert "NHS Wales advises" not in us and "999" not in us


def test_the_crying_page_compares_each_day_with_the_norm_for_the_age(world):
    # Ada was born on 1 October 2026; 20 October is day 19 (week 3), 18 November day 48 (week 7).
    day = dt.date(2026, 10, 20)
    for hour in (9, 14, 19):
        cry(world.alex, world.ada, at(world.ada, day, hour), 65, tried=["rocking"], outcome="settled")
    cry(world.sam, world.ada, at(world.ada, day, 22), 30, tried=["rocking", "sling"], outcome="handed_over")
    client = client_for(world.alex)
    now = at(world.ada, dt.date(2026, 10, 21), 12)
    with mock.patch("twofold.bonding.views.timezone.now", return_value=now):
        page = client.get("/bonding/crying/").content.decode()
    assert "225 min" in page  # 3 × 65 + 30
    assert "117–133 min" in page
    assert "This is not a diagnosis" in page
    assert "Rocking" in page and "Sling or carrier" in page
    assert "Feeling overwhelmed? What to do now" in page


def test_an_older_sibling_gets_no_norm_but_a_plain_sentence(world):
    older = add_child(
        member=world.alex, name="Noor", birth_date=dt.date(2024, 3, 1), feeding_method="formula"
    )
    page = client_for(world.alex).get(f"/bonding/crying/?child={older.pk}").content.decode()
    assert "After 12 weeks, crying usually keeps falling" in page
    assert "no figure past 12 weeks old" in page


def test_the_trend_page_reads_a_parents_own_weeks(world):
    monday = dt.date(2026, 11, 2)
    for week, responses in enumerate(("xxxc", "xxcc", "xccc")):
        for i, r in enumerate(responses):
            start = at(world.ada, monday + dt.timedelta(weeks=week, days=i), 19)
            log_care_event(
                member=world.sam,
                child=world.ada,
                kind="skin_to_skin",
                start=start,
                end=start + dt.timedelta(minutes=15),
                response={"x": "crying", "c": "calm"}[r],
                now=start + dt.timedelta(minutes=16),
            )
    now = at(world.ada, dt.date(2026, 11, 20), 12)
    with mock.patch("twofold.bonding.views.timezone.now", return_value=now):
        page = client_for(world.sam).get("/bonding/trend/").content.decode()
    assert "Your reading" in page
    assert (
        "Week of 16 November: 3 of 4 sessions ended calm or settled (75 %), "
        "against 38 % in your earlier weeks" in page
    )
    assert "No study has measured how quickly babies settle with each parent" in page
    assert '<svg class="chart chart-wide"' in page and '<svg class="chart chart-narrow"' in page
    assert '<table class="stack compact">' in page
