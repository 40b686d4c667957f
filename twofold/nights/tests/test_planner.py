"""The planner on hand-built nights with known answers: splits, constraints, helpers, alternate nights."""

import datetime as dt

import pytest

from twofold.insights.periods import nights_between
from twofold.nights.evidence import NOT_PROVEN, SAFE_SLEEP
from twofold.nights.explain import TRY_AGAIN
from twofold.nights.planner import plan_night, plan_week
from twofold.nights.plans import Fairness, PlanRequest

from .build import ALEX, LONDON, NIGHT, PAT, SAM, SEVEN, TEN, H, alex, local, pat, quiet, request, sam


def shifts(plan) -> list[tuple[int, str, str]]:
    return [(s.member_id, local(s.start), local(s.end)) for s in plan.shifts]


def test_two_parents_split_the_night_down_the_middle():
    plan = plan_night(request(), quiet())
    assert shifts(plan) == [(ALEX, "22:00", "02:30"), (SAM, "02:30", "07:00")]
    assert plan.block_for(ALEX).length == plan.block_for(SAM).length == 4.5 * H
    assert (local(plan.block_for(ALEX).start), local(plan.block_for(ALEX).end)) == ("02:30", "07:00")


def test_two_five_hour_targets_cannot_fit_a_nine_hour_night_and_the_plan_says_why():
    plan = plan_night(request(), quiet())
    assert plan.feasible
    assert len(plan.unmet) == 2
    assert "Alex's protected block is 4 h 30 min, short of the 5 h target" in plan.unmet[0]
    assert "targets add up to 10 h" in plan.unmet[0]


def test_targets_that_fit_leave_nothing_unmet():
    plan = plan_night(request(alex(min_block=4 * H), sam(min_block=4 * H)), quiet())
    assert plan.unmet == ()


def test_the_plan_is_presented_as_sensible_not_proven_and_keeps_safe_sleep():
    plan = plan_night(request(), quiet())
    assert NOT_PROVEN in plan.explanation
    assert SAFE_SLEEP in plan.explanation
    assert not any("bed" in line.lower() or "sofa" in line.lower() for line in plan.explanation)


def test_a_work_morning_keeps_that_parent_off_the_last_shift():
    plan = plan_night(request(alex(), sam(work_morning=True)), quiet())
    assert shifts(plan) == [(SAM, "22:00", "02:30"), (ALEX, "02:30", "07:00")]
    assert "Sam has a work morning, so is not on duty at the end of the night." in plan.explanation


def test_duty_stays_inside_each_persons_free_time():
    plan = plan_night(request(alex(), sam(available_until=dt.time(1, 0))), quiet())
    assert shifts(plan) == [(SAM, "22:00", "01:00"), (ALEX, "01:00", "07:00")]
    assert plan.block_for(ALEX).length == 3 * H
    assert plan.block_for(SAM).length == 6 * H


def test_free_time_can_be_an_exact_datetime():
    midnight = dt.datetime(2026, 11, 17, 0, 0, tzinfo=LONDON)
    plan = plan_night(request(alex(available_from=midnight), sam()), quiet())
    assert shifts(plan) == [(SAM, "22:00", "02:30"), (ALEX, "02:30", "07:00")]


def test_a_helpers_night_protects_both_parents_all_night():
    plan = plan_night(request(alex(), sam(), pat(), helper_night=True), quiet())
    assert shifts(plan) == [(PAT, "22:00", "07:00")]
    assert plan.block_for(ALEX).length == plan.block_for(SAM).length == 9 * H
    assert plan.unmet == ()
    assert "Tonight is a helper's night." in plan.explanation


def test_a_helper_is_not_on_duty_unless_it_is_their_night():
    plan = plan_night(request(alex(), sam(), pat()), quiet())
    assert PAT not in {s.member_id for s in plan.shifts}


def test_parents_share_what_a_part_night_helper_leaves_evenly():
    helper = pat(available_until=dt.time(3, 0))
    plan = plan_night(request(alex(), sam(), helper, helper_night=True), quiet())
    assert shifts(plan) == [(PAT, "22:00", "03:00"), (ALEX, "03:00", "05:00"), (SAM, "05:00", "07:00")]
    assert plan.block_for(ALEX).length == 5 * H
    assert plan.block_for(SAM).length == 7 * H


def test_protect_lower_gives_the_longer_block_to_the_parent_who_slept_least():
    people = (alex(recent_sleep=4 * H), sam(recent_sleep=3 * H), pat(available_until=dt.time(3, 0)))
    plan = plan_night(request(*people, helper_night=True, fairness=Fairness.PROTECT_LOWER), quiet())
    assert shifts(plan) == [(PAT, "22:00", "03:00"), (ALEX, "03:00", "07:00")]
    assert plan.block_for(SAM).length == 9 * H
    assert any("went to Sam, who has slept least lately" in line for line in plan.explanation)


def test_alternate_nights_give_one_parent_the_whole_night_on():
    plan = plan_night(request(fairness=Fairness.ALTERNATE, turn=SAM), quiet())
    assert shifts(plan) == [(SAM, "22:00", "07:00")]
    assert plan.block_for(ALEX).length == 9 * H
    assert plan.unmet == (
        "Sam has no protected block tonight: it is their night on, and the next one is theirs to sleep.",
    )


def test_a_week_of_alternate_nights_takes_turns():
    nights = nights_between(dt.date(2026, 11, 16), dt.date(2026, 11, 22), LONDON, TEN, SEVEN)
    week = plan_week(request(fairness=Fairness.ALTERNATE), quiet(), nights)
    assert [p.shifts[0].member_id for p in week] == [ALEX, SAM, ALEX, SAM, ALEX, SAM, ALEX]
    assert all(len(p.shifts) == 1 for p in week)


def test_a_week_of_split_nights_swaps_early_and_late_shifts():
    nights = nights_between(dt.date(2026, 11, 16), dt.date(2026, 11, 22), LONDON, TEN, SEVEN)
    week = plan_week(request(alex(), sam(), pat()), quiet(), nights, helper_nights={dt.date(2026, 11, 20)})
    firsts = [p.shifts[0].member_id for p in week]
    assert firsts == [ALEX, SAM, ALEX, SAM, PAT, SAM, ALEX]
    assert shifts(week[4]) == [(PAT, "22:00", "07:00")]


def test_nobody_free_for_part_of_the_night_is_explained_not_bent():
    plan = plan_night(
        request(alex(available_from=dt.time(2, 0)), sam(available_until=dt.time(1, 0))), quiet()
    )
    assert not plan.feasible
    assert plan.shifts == () and plan.protected == ()
    assert plan.unmet == ("Nobody is free to be on duty from 01:00 to 02:00.",)
    assert TRY_AGAIN in plan.explanation


def test_two_work_mornings_and_no_helper_is_explained():
    plan = plan_night(request(alex(work_morning=True), sam(work_morning=True)), quiet())
    assert not plan.feasible
    assert plan.unmet == (
        "Everyone free at the end of the night (Alex and Sam) has a work morning, "
        "and someone has to be up then.",
    )


def test_two_work_mornings_fit_when_a_helper_takes_the_end_of_the_night():
    people = (alex(work_morning=True), sam(work_morning=True), pat(available_from=dt.time(4, 0)))
    plan = plan_night(request(*people, helper_night=True), quiet())
    assert plan.shifts[-1].member_id == PAT
    assert plan.shifts[-1].end == NIGHT.end


def test_alternate_night_when_the_parent_on_is_not_free_all_night_is_explained():
    plan = plan_night(
        request(alex(), sam(available_until=dt.time(3, 0)), fairness=Fairness.ALTERNATE, turn=SAM), quiet()
    )
    assert not plan.feasible
    assert plan.unmet == (
        "Alternate nights: tonight is Sam's night on.",
        "Nobody is free to be on duty from 03:00 to 07:00.",
    )


def test_the_same_request_always_gives_the_same_plan():
    people = (alex(), sam(recent_sleep=3 * H), pat(available_until=dt.time(2, 0)))
    one = plan_night(request(*people, helper_night=True, fairness=Fairness.PROTECT_LOWER), quiet())
    two = plan_night(request(*people, helper_night=True, fairness=Fairness.PROTECT_LOWER), quiet())
    assert one == two


def test_a_request_needs_a_parent_and_distinct_people():
    with pytest.raises(ValueError, match="at least one parent"):
        PlanRequest(NIGHT, LONDON, (pat(),))
    with pytest.raises(ValueError, match="only once"):
        PlanRequest(NIGHT, LONDON, (alex(), alex()))
