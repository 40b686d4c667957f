"""Exclusive breastfeeding: the parent on duty does everything but the feed; the feeding parent only feeds."""

import datetime as dt

from twofold.nights.explain import NO_FEEDER
from twofold.nights.planner import plan_night
from twofold.nights.plans import Feeding

from .build import ALEX, PAT, SAM, H, alex, local, pat, pattern, request, sam

# A feed is expected in the half hours from 23:00 and from 03:00 every night.
FEEDS = pattern({dt.time(23): 1.0, dt.time(3): 1.0}, {dt.time(23): 1.0, dt.time(3): 1.0})


def test_the_feeding_parents_block_is_off_duty_and_free_of_feeds():
    plan = plan_night(request(alex(can_feed=True), sam(), feeding=Feeding.BREAST), FEEDS)
    assert [(s.member_id, local(s.start), local(s.end)) for s in plan.shifts] == [
        (ALEX, "22:00", "02:30"),
        (SAM, "02:30", "07:00"),
    ]
    block = plan.block_for(ALEX)
    assert (local(block.start), local(block.end)) == ("03:30", "07:00")  # the 03:00 feed still wakes Alex
    assert plan.block_for(SAM).length == 4.5 * H


def test_the_plan_says_who_brings_the_baby_and_who_only_feeds():
    plan = plan_night(request(alex(can_feed=True), sam(), feeding=Feeding.BREAST), FEEDS)
    said = "\n".join(plan.explanation)
    assert "Whoever is on duty brings the baby to Alex, then changes, winds and settles" in said
    assert (
        "Alex only feeds and goes back to sleep (about 1 feed expected while someone else is on duty)" in said
    )
    assert "During Alex's own shift, Alex does everything." in said
    assert plan.shifts[1].expected_feeds == 1.0


def test_an_unmet_target_for_the_feeding_parent_names_the_feeds():
    plan = plan_night(request(alex(can_feed=True), sam(), feeding=Feeding.BREAST), FEEDS)
    assert plan.unmet[0].startswith("Alex's protected block is 3 h 30 min, short of the 5 h target.")
    assert "Breastfeeding wakes Alex for feeds (about 2 feeds a night in the log)" in plan.unmet[0]


def test_with_bottles_nobody_off_duty_is_woken_for_feeds():
    plan = plan_night(request(alex(can_feed=True), sam(), feeding=Feeding.BOTTLE), FEEDS)
    assert plan.block_for(ALEX).length == plan.block_for(SAM).length == 4.5 * H
    assert "Feeds are by bottle (formula or expressed milk), so whoever is on duty feeds." in plan.explanation


def test_on_a_helpers_night_the_feeding_parent_still_feeds():
    plan = plan_night(
        request(alex(can_feed=True), sam(), pat(), feeding=Feeding.BREAST, helper_night=True), FEEDS
    )
    assert [s.member_id for s in plan.shifts] == [PAT]
    assert plan.block_for(SAM).length == 9 * H
    block = plan.block_for(ALEX)
    assert (local(block.start), local(block.end)) == ("23:30", "03:00")
    assert not any("Alex's own shift" in line for line in plan.explanation)
    assert any("about 2 feeds expected while someone else is on duty" in line for line in plan.explanation)


def test_breastfeeding_with_nobody_marked_as_feeding_is_explained():
    plan = plan_night(request(alex(), sam(), feeding=Feeding.BREAST), FEEDS)
    assert not plan.feasible
    assert plan.unmet == (NO_FEEDER,)
