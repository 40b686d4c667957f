"""The bonding plan: sourced how-to text, bottle feeds only with bottles, graded steps, and a deterministic
suggestion a day."""

import pytest

from twofold.bonding.plan import (
    ACTIVITIES,
    BY_KEY,
    FOR_BABIES,
    MISSING_GUIDANCE,
    PLAN_AGE_WEEKS,
    TIMES_TO_OPEN_NEXT_STEP,
    activities_for,
    open_step,
    suggestion_for,
)

STEP_1 = {"skin_to_skin", "talking_reading", "nappy_and_play", "bottle_feed"}


def test_every_how_to_line_has_a_source():
    for activity in ACTIVITIES:
        assert activity.how_to, activity.key
        for line in activity.how_to:
            assert line.text.strip()
            assert line.source.cite.strip(), (activity.key, line.text)


def test_winding_is_never_called_a_cure():
    winding = [line for a in ACTIVITIES for line in a.how_to if "Wind" in line.text]
    assert winding
    assert all("not a cure" in line.text for line in winding)


def test_the_bath_waits_for_a_sourced_safety_guide():
    assert not BY_KEY["bath"].ready
    assert "bath" in MISSING_GUIDANCE
    assert all(a.key != "bath" for a in activities_for("formula"))


def test_a_bottle_feed_is_only_suggested_where_the_baby_has_bottles():
    assert "bottle_feed" not in {a.key for a in activities_for("breast")}
    for method in ("expressed", "formula", "mixed"):
        assert "bottle_feed" in {a.key for a in activities_for(method)}


def test_the_first_suggestions_come_from_step_one_and_take_turns_by_day():
    picks = [suggestion_for(day, 2, "breast", {}).key for day in range(3)]
    assert picks == ["skin_to_skin", "talking_reading", "nappy_and_play"]
    assert suggestion_for(3, 2, "breast", {}).key == "skin_to_skin"


def test_the_same_inputs_always_give_the_same_suggestion():
    done = {"skin_to_skin": 1}
    assert {suggestion_for(5, 4, "formula", done).key for _ in range(10)} == {
        suggestion_for(5, 4, "formula", done).key
    }


def test_the_least_done_activity_comes_first():
    done = {"skin_to_skin": 2}
    assert suggestion_for(0, 3, "breast", done).key == "talking_reading"
    assert suggestion_for(1, 3, "breast", done).key == "nappy_and_play"
    assert suggestion_for(2, 3, "breast", done).key == "talking_reading"


def test_settling_with_the_other_parent_nearby_comes_before_settling_alone():
    activities = activities_for("breast")
    step_1_done = {"skin_to_skin": TIMES_TO_OPEN_NEXT_STEP}
    assert open_step(activities, {"skin_to_skin": TIMES_TO_OPEN_NEXT_STEP - 1}) == 1
    assert open_step(activities, step_1_done) == 2
    step_2_done = step_1_done | {"massage": 2, "walk": 1}
    assert open_step(activities, step_2_done) == 3
    # A new step is suggested first: nobody has done it yet.
    assert suggestion_for(0, 6, "breast", step_2_done).key == "settle_nearby"
    nearby_done = step_2_done | {"settle_nearby": TIMES_TO_OPEN_NEXT_STEP}
    assert open_step(activities, nearby_done) == 4
    assert suggestion_for(0, 6, "breast", nearby_done).key == "settle_alone"


def test_settling_alone_is_never_suggested_before_settling_nearby_was_done():
    done = dict.fromkeys(STEP_1 | {"massage", "walk"}, 10)
    picks = {suggestion_for(day, 8, "formula", done).key for day in range(20)}
    assert "settle_alone" not in picks
    assert "settle_nearby" in picks


def test_negative_days_or_weeks_are_refused():
    with pytest.raises(ValueError):
        suggestion_for(-1, 0, "breast", {})


def test_past_the_first_year_no_activity_made_for_babies_is_suggested():
    toddler = {suggestion_for(day, PLAN_AGE_WEEKS + 100, "formula", {}).key for day in range(60)}
    baby = {suggestion_for(day, 8, "formula", {}).key for day in range(60)}
    assert toddler and not toddler & FOR_BABIES
    assert baby & FOR_BABIES
