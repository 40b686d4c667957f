"""Nights when the clocks change in London: the night is as long as it is lived."""

import datetime as dt

from twofold.nights.planner import plan_night

from .build import ALEX, SAM, H, local, night, quiet, request

SPRING = night(2026, 3, 28)  # clocks go forward at 01:00 GMT: an 8-hour night
AUTUMN = night(2026, 10, 24)  # clocks go back at 02:00 BST: a 10-hour night


def test_the_spring_night_is_eight_hours_split_in_two():
    plan = plan_night(request(on=SPRING), quiet())
    assert [(s.member_id, local(s.start), local(s.end)) for s in plan.shifts] == [
        (ALEX, "22:00", "03:00"),
        (SAM, "03:00", "07:00"),
    ]
    assert [s.end - s.start for s in plan.shifts] == [4 * H, 4 * H]
    assert "The clocks change tonight, so the night is 8 h, not 9 h." in plan.explanation


def test_the_autumn_night_is_ten_hours_and_meets_both_targets():
    plan = plan_night(request(on=AUTUMN), quiet())
    assert [s.end - s.start for s in plan.shifts] == [5 * H, 5 * H]
    assert local(plan.shifts[0].end) == "02:00"  # the second 02:00, in GMT
    assert plan.shifts[0].end == dt.datetime(2026, 10, 25, 2, 0, tzinfo=dt.UTC)
    assert plan.unmet == ()
    assert "The clocks change tonight, so the night is 10 h, not 9 h." in plan.explanation


def test_an_ordinary_night_mentions_no_clock_change():
    plan = plan_night(request(), quiet())
    assert not any("clocks change" in line for line in plan.explanation)
