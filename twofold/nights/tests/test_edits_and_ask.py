"""Hand-made shifts (checked, then worked out like the planner's) and preferences turned into a request."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from twofold.nights.ask import Preference, Someone, feeder_of, request_for
from twofold.nights.edits import ENDS_BEFORE_START, NO_SHIFTS, NOT_A_MEMBER, Duty, check, place_clock
from twofold.nights.planner import evaluate, plan_night
from twofold.nights.plans import Fairness, Feeding

from .build import ALEX, LONDON, NIGHT, PAT, SAM, SEVEN, TEN, H, M, alex, local, quiet, request, sam

NAMES = {ALEX: "Alex", SAM: "Sam", PAT: "Pat"}
START = NIGHT.start


def test_clock_times_are_placed_in_the_night_and_outside_ones_refused():
    assert place_clock(dt.time(22), NIGHT, LONDON, is_end=False) == START
    assert place_clock(dt.time(2, 30), NIGHT, LONDON, is_end=False) == START + 4.5 * H
    assert place_clock(dt.time(7), NIGHT, LONDON, is_end=True) == NIGHT.end
    assert place_clock(dt.time(7), NIGHT, LONDON, is_end=False) is None
    assert place_clock(dt.time(21, 59), NIGHT, LONDON, is_end=False) is None


def test_checks_say_what_to_change():
    assert check([], NIGHT, LONDON, NAMES, NAMES)[0].message == NO_SHIFTS
    bad = check([Duty(99, START + H, START + 30 * M)], NIGHT, LONDON, NAMES, NAMES)
    assert [(p.field, p.message) for p in bad] == [("member", NOT_A_MEMBER), ("end", ENDS_BEFORE_START)]
    outside = check([Duty(ALEX, START - H, START + H)], NIGHT, LONDON, NAMES, NAMES)
    assert outside[0].field == "start" and "22:00 to 07:00" in outside[0].message


def test_a_hand_made_plan_is_worked_out_like_the_planners_own():
    duty = [(ALEX, START, START + 3 * H), (SAM, START + 3 * H, NIGHT.end)]
    plan = evaluate(request(), quiet(), duty)
    assert plan.block_for(ALEX).length == 6 * H and plan.block_for(SAM).length == 3 * H
    assert "These shifts were set by hand; the shortest protected block is 3 h." in plan.explanation
    assert plan.unmet[0].startswith("Sam's protected block is 3 h, short of the 5 h target.")


def test_a_parent_with_two_shifts_sleeps_between_them():
    duty = [(ALEX, START, START + H), (SAM, START + H, START + 7 * H), (ALEX, START + 7 * H, NIGHT.end)]
    plan = evaluate(request(), quiet(), duty)
    assert plan.block_for(ALEX).length == 6 * H
    assert (local(plan.block_for(ALEX).start), local(plan.block_for(ALEX).end)) == ("23:00", "05:00")


def test_handovers_off_the_quarter_hour_are_kept_exactly():
    duty = [(ALEX, START, START + 3 * H + 7 * M), (SAM, START + 3 * H + 7 * M, NIGHT.end)]
    plan = evaluate(request(), quiet(), duty)
    assert plan.shifts[0].end == START + 3 * H + 7 * M


def test_a_protected_block_falls_between_bedtime_and_wake_up():
    plan = plan_night(request(alex(sleep_until=dt.time(6)), sam(sleep_from=dt.time(23))), quiet())
    assert plan.block_for(ALEX).end <= START + 8 * H  # 06:00
    assert plan.block_for(SAM).start >= START + H  # 23:00
    assert plan.block_for(ALEX).length == plan.block_for(SAM).length == 4.5 * H


def test_a_wake_up_early_in_the_night_shortens_the_block_and_the_plan_says_so():
    plan = plan_night(request(alex(sleep_until=dt.time(1)), sam()), quiet())
    assert plan.block_for(ALEX).end <= START + 3 * H
    assert plan.block_for(ALEX).length < 5 * H
    assert plan.unmet[0].startswith("Alex's protected block is")


def test_preferences_become_the_planners_people():
    people = (
        Someone(ALEX, "Alex", "parent", True),
        Someone(SAM, "Sam", "parent", False),
        Someone(PAT, "Pat", "helper"),
    )
    prefs = {
        SAM: Preference(night_from=dt.time(23), work_mornings="1", target=4 * H),  # works Tuesdays
        PAT: Preference(night_from=dt.time(21), night_until=dt.time(3), available_for_nights=True),
    }
    asked = request_for(
        NIGHT,  # Monday night: Tuesday morning
        zone=LONDON,
        window=(TEN, SEVEN),
        people=people,
        prefs=prefs,
        feeding=Feeding.BREAST,
        feeder_id=feeder_of(people, prefs),
        fairness=Fairness.EVEN,
        helper_night=True,
    )
    alex_, sam_, pat_ = asked.people
    assert alex_.can_feed and not sam_.can_feed  # the parent who gave birth, when nobody is marked
    assert sam_.work_morning and sam_.min_block == 4 * H and sam_.sleep_from == dt.time(23)
    assert pat_.available_from is None  # 21:00 is before the night: the whole evening is free
    assert pat_.available_until == dt.time(3)
    assert asked.helper_night


def test_a_helper_who_has_not_offered_nights_is_left_out():
    people = (Someone(ALEX, "Alex", "parent"), Someone(PAT, "Pat", "helper"))
    asked = request_for(
        NIGHT,
        zone=LONDON,
        window=(TEN, SEVEN),
        people=people,
        prefs={},
        feeding=Feeding.BOTTLE,
        feeder_id=None,
        fairness=Fairness.EVEN,
        helper_night=True,
    )
    assert [p.member_id for p in asked.people] == [ALEX] and not asked.helper_night


@given(st.lists(st.tuples(st.sampled_from([ALEX, SAM]), st.integers(0, 35), st.integers(1, 36)), max_size=4))
def test_any_edit_check_passes_is_a_plan_without_overlaps(rows):
    duty = [Duty(m, START + a * 15 * M, START + b * 15 * M) for m, a, b in rows]
    if check(duty, NIGHT, LONDON, NAMES, NAMES):
        return
    plan = evaluate(request(), quiet(), [(d.member_id, d.start, d.end) for d in duty])
    ordered = sorted(plan.shifts, key=lambda s: s.start)
    assert all(a.end <= b.start for a, b in zip(ordered, ordered[1:], strict=False))
    covered = sum(((s.end - s.start) for s in plan.shifts), dt.timedelta(0))
    gaps = [line for line in plan.unmet if line.startswith("Nobody is on duty")]
    assert (covered == NIGHT.length) == (not gaps)
