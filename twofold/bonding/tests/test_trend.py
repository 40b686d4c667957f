"""The settling trend per caregiver and week, and the reading chosen for it, on hand-built sessions."""

import datetime as dt
from fractions import Fraction
from zoneinfo import ZoneInfo

from twofold.bonding.trend import (
    AGE_CURVE,
    LESS_FAMILIAR,
    NO_NORM,
    TOO_EARLY,
    WHEN_TO_ASK,
    WINDING_IS_NOT_A_CURE,
    Reading,
    SettlingSession,
    WeekPoint,
    reading_for,
    settling_trend,
)

LONDON = ZoneInfo("Europe/London")
ALEX, SAM = 1, 2
MONDAY = dt.date(2026, 11, 2)


def at(day: dt.date, hour: int) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON).astimezone(dt.UTC)


def week(n: int, responses: str, minutes=(), member=ALEX) -> list[SettlingSession]:
    """Sessions in week n (0 = the week of MONDAY): one letter per response, c calm, s settled, f fussy,
    x crying, - not recorded."""
    names = {"c": "calm", "s": "settled", "f": "fussy", "x": "crying", "-": ""}
    day = MONDAY + dt.timedelta(weeks=n)
    mins = list(minutes) + [None] * len(responses)
    return [
        SettlingSession(member, at(day + dt.timedelta(days=i % 7), 18), names[r], mins[i])
        for i, r in enumerate(responses)
    ]


def test_each_caregiver_gets_their_own_weeks_with_share_median_and_count():
    sessions = week(0, "csfx-", minutes=(5, 10, 20)) + week(0, "ss", member=SAM) + week(2, "cf", minutes=(8,))
    trend = settling_trend(sessions, LONDON)
    assert trend[ALEX] == (
        WeekPoint(MONDAY, 5, 4, 2, 10),
        WeekPoint(MONDAY + dt.timedelta(weeks=1), 0, 0, 0, None),
        WeekPoint(MONDAY + dt.timedelta(weeks=2), 2, 2, 1, 8),
    )
    assert trend[ALEX][0].share == Fraction(1, 2)
    assert trend[ALEX][1].share is None
    assert trend[SAM] == (WeekPoint(MONDAY, 2, 2, 2, None),)


def test_a_sunday_night_session_belongs_to_the_local_week():
    # 23:30 on Sunday 8 November in London is still that week, whatever UTC says.
    late_sunday = dt.datetime(2026, 11, 8, 23, 30, tzinfo=LONDON)
    trend = settling_trend([SettlingSession(ALEX, late_sunday.astimezone(dt.UTC), "calm")], LONDON)
    assert trend[ALEX][0].monday == MONDAY
    summer = dt.datetime(2026, 7, 5, 23, 30, tzinfo=LONDON)  # Sunday, BST: 22:30 UTC
    assert settling_trend([SettlingSession(ALEX, summer, "calm")], LONDON)[ALEX][0].monday == dt.date(
        2026, 6, 29
    )


def points(*weeks_of_sessions):
    sessions = [
        s for n, (responses, minutes) in enumerate(weeks_of_sessions) for s in week(n, responses, minutes)
    ]
    return settling_trend(sessions, LONDON)[ALEX]


def test_one_comparable_week_is_too_early():
    reading = reading_for(points(("ccx", ()), ("cx", ())))  # the second week has only 2 sessions
    assert reading.reading is Reading.TOO_EARLY
    assert reading.paragraphs[0] == TOO_EARLY
    assert NO_NORM in reading.paragraphs
    assert AGE_CURVE in reading.paragraphs


def test_a_larger_calm_share_than_earlier_weeks_reads_calmer_and_credits_age_too():
    reading = reading_for(points(("cxxx", ()), ("ccxx", ())))
    assert reading.reading is Reading.CALMER
    assert reading.paragraphs[0].text.startswith(
        "Week of 9 November: 2 of 4 sessions ended calm or settled (50 %)"
    )
    assert "against 25 % in your earlier weeks" in reading.paragraphs[0].text
    assert AGE_CURVE in reading.paragraphs


def test_a_shorter_median_to_settle_reads_calmer_even_with_the_same_share():
    reading = reading_for(points(("cxx", (20, 30, 40)), ("cxx", (10, 10, 40))))
    assert reading.reading is Reading.CALMER
    assert "Median time to settle: 10 minutes, against 30 minutes before." in reading.paragraphs[0].text


def test_no_change_for_less_than_four_weeks_reads_not_yet():
    reading = reading_for(points(("ccxx", ()), ("ccxx", ()), ("ccxx", ())))
    assert reading.reading is Reading.NOT_YET
    assert LESS_FAMILIAR in reading.paragraphs
    assert WHEN_TO_ASK not in reading.paragraphs


def test_no_change_after_four_weeks_suggests_more_to_try_and_when_to_ask():
    reading = reading_for(points(("ccxx", ()), ("ccxx", ()), ("ccxx", ()), ("cxcx", ())))
    assert reading.reading is Reading.NO_PROGRESS
    assert WHEN_TO_ASK in reading.paragraphs
    assert WINDING_IS_NOT_A_CURE in reading.paragraphs
    assert all(p.source is not None for p in reading.paragraphs[1:-1])


def test_a_bounce_back_after_a_hard_week_reads_calmer_against_the_pooled_earlier_weeks():
    reading = reading_for(points(("ccxx", ()), ("cxxx", ()), ("ccxx", ())))
    assert reading.reading is Reading.CALMER
    assert "against 38 % in your earlier weeks" in reading.paragraphs[0].text


def test_quiet_weeks_between_still_count_towards_four_weeks():
    sessions = week(0, "ccxx") + week(3, "ccxx")
    reading = reading_for(settling_trend(sessions, LONDON)[ALEX])
    assert reading.reading is Reading.NO_PROGRESS


def test_a_steady_nine_in_ten_settled_is_good_news_with_nothing_to_try():
    steady = ("cccccccccx", ())
    reading = reading_for(points(steady, steady, steady, steady))
    assert reading.reading is Reading.GOING_WELL
    assert "good news" in reading.paragraphs[1].text
    assert WHEN_TO_ASK not in reading.paragraphs and WINDING_IS_NOT_A_CURE not in reading.paragraphs


def test_a_fall_from_nine_in_ten_to_two_in_ten_is_never_calmer_for_a_minute_less_to_settle():
    reading = reading_for(points(("cccccccccx", (10, 10, 10)), ("ccxxxxxxxx", (9, 9, 9))))
    assert reading.reading is Reading.LESS_SETTLED
    assert WHEN_TO_ASK in reading.paragraphs
    assert "2 of 10 sessions ended calm or settled (20 %), against 90 %" in reading.paragraphs[0].text


def test_a_minute_either_way_is_not_a_change():
    reading = reading_for(points(("ccxx", (10, 10)), ("ccxx", (9, 9))))
    assert reading.reading is Reading.NOT_YET


def test_past_the_first_year_the_reading_suggests_no_baby_tips():
    flat = ("ccxx", ())
    reading = reading_for(points(flat, flat, flat, flat), age_weeks=160)
    assert reading.reading is Reading.NO_PROGRESS
    texts = " ".join(p.text for p in reading.paragraphs)
    assert "massage" not in texts and "Skin-to-skin" not in texts and "swaddling" not in texts
    assert AGE_CURVE not in reading.paragraphs
    assert WHEN_TO_ASK in reading.paragraphs


def test_no_paragraph_or_source_the_trend_can_show_cites_a_blog():
    flat = ("ccxx", ())
    shown = reading_for(points(flat, flat, flat, flat)).paragraphs
    for p in shown:
        assert "blog" not in p.text.lower()
        assert p.source is None or "blog" not in p.source.cite.lower()
