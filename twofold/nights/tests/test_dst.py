"""Nights when the clocks change in London: the night is as long as it is lived."""

import datetime as dt

from twofold.nights.planner import moment_in, plan_night

from .build import ALEX, LONDON, SAM, H, local, night, quiet, request

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


def test_a_clock_time_shown_twice_is_its_first_showing():
    # 01:30 comes round twice on the autumn night: first in BST (00:30 UTC), then in GMT (01:30 UTC).
    assert moment_in(dt.time(1, 30), AUTUMN, LONDON) == dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)


def test_a_clock_time_the_clocks_skip_is_the_moment_they_jump():
    # The spring clocks go from 01:00 GMT straight to 02:00 BST: "from 01:30" begins at that jump.
    assert moment_in(dt.time(1, 30), SPRING, LONDON) == dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)
    assert moment_in(dt.time(2, 0), SPRING, LONDON) == dt.datetime(2026, 3, 29, 1, 0, tzinfo=dt.UTC)
    assert moment_in(dt.time(0, 59), SPRING, LONDON) == dt.datetime(2026, 3, 29, 0, 59, tzinfo=dt.UTC)
