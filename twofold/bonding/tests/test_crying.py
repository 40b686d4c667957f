"""Crying minutes per local day (midnight and DST days) and what helped, on hand-built episodes."""

import datetime as dt
from zoneinfo import ZoneInfo

from twofold.bonding.crying import CryingDay, CryingSpan, Tally, daily_crying_minutes, what_helped

LONDON = ZoneInfo("Europe/London")
ALEX, SAM = 1, 2
NOW = dt.datetime(2026, 12, 1, 12, 0, tzinfo=dt.UTC)


def local(year, month, day, hour, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=LONDON).astimezone(dt.UTC)


def cry(start, minutes=None, member=ALEX, **kwargs):
    end = None if minutes is None else start + dt.timedelta(minutes=minutes)
    return CryingSpan(member, start, end, **kwargs)


def test_an_episode_across_midnight_is_split_between_the_two_days():
    spans = [cry(local(2026, 11, 16, 23, 30), 45)]
    days = daily_crying_minutes(spans, LONDON, dt.date(2026, 11, 16), dt.date(2026, 11, 17), NOW)
    assert days == (
        CryingDay(dt.date(2026, 11, 16), 30.0, 1, 0),
        CryingDay(dt.date(2026, 11, 17), 15.0, 1, 0),
    )


def test_local_midnight_not_utc_midnight_divides_the_days_in_summer():
    # 00:30 BST on 2 July is 23:30 UTC on 1 July: it belongs to 2 July at home.
    spans = [cry(local(2026, 7, 2, 0, 30), 20)]
    days = daily_crying_minutes(spans, LONDON, dt.date(2026, 7, 1), dt.date(2026, 7, 2), NOW)
    assert [d.minutes for d in days] == [0.0, 20.0]


def test_the_spring_forward_night_loses_no_crying_minutes():
    # Clocks go from 01:00 GMT to 02:00 BST on 29 March 2026: 00:30 to 03:30 local is 2 hours of crying.
    start = local(2026, 3, 29, 0, 30)
    end = local(2026, 3, 29, 3, 30)
    spans = [CryingSpan(ALEX, start, end)]
    days = daily_crying_minutes(spans, LONDON, dt.date(2026, 3, 28), dt.date(2026, 3, 29), NOW)
    assert [d.minutes for d in days] == [0.0, 120.0]


def test_the_autumn_day_has_25_hours_to_fill():
    # 25 October 2026: the clocks go back, so the local day is 25 hours long.
    start = local(2026, 10, 24, 23, 0)
    end = local(2026, 10, 26, 1, 0)
    days = daily_crying_minutes(
        [CryingSpan(ALEX, start, end)], LONDON, dt.date(2026, 10, 24), dt.date(2026, 10, 26), NOW
    )
    assert [d.minutes for d in days] == [60.0, 25 * 60.0, 60.0]


def test_a_running_timer_counts_up_to_now_and_a_logged_moment_uses_settled_after():
    now = local(2026, 11, 16, 20, 10)
    spans = [
        CryingSpan(ALEX, local(2026, 11, 16, 19, 40), running=True),
        CryingSpan(SAM, local(2026, 11, 16, 8, 0), settled_after_minutes=12),
        CryingSpan(SAM, local(2026, 11, 16, 9, 0)),  # a moment, no length
    ]
    (day,) = daily_crying_minutes(spans, LONDON, dt.date(2026, 11, 16), dt.date(2026, 11, 16), now)
    assert day == CryingDay(dt.date(2026, 11, 16), 42.0, 3, 1)


def test_days_without_crying_are_listed_with_zero():
    days = daily_crying_minutes([], LONDON, dt.date(2026, 11, 16), dt.date(2026, 11, 18), NOW)
    assert [(d.minutes, d.episodes) for d in days] == [(0.0, 0)] * 3


def test_what_helped_counts_each_technique_and_caregiver():
    start = local(2026, 11, 16, 18, 0)
    spans = [
        cry(start, 10, ALEX, tried=("rocking", "sling"), outcome="asleep"),
        cry(start, 30, ALEX, tried=("rocking",), outcome="still_crying"),
        cry(start, 20, SAM, tried=("sling", "sling"), outcome="settled"),
        cry(start, 40, SAM, tried=("feeding",), outcome="handed_over"),
        cry(start, None, SAM, tried=("feeding",), response="settled", settled_after_minutes=6),
        CryingSpan(ALEX, start, running=True, tried=("white_noise",)),
    ]
    helped = what_helped(spans)
    assert helped.by_technique == (
        Tally("feeding", 2, 1, 1, 0, 6),
        Tally("rocking", 2, 1, 1, 0, 10.0),
        Tally("sling", 2, 2, 0, 0, 15.0),
        Tally("white_noise", 1, 0, 0, 1, None),
    )
    assert helped.by_caregiver == (
        Tally(ALEX, 3, 1, 1, 1, 10.0),
        Tally(SAM, 3, 2, 1, 0, 13.0),
    )
    assert [t.key for t in helped.by_caregiver_and_technique[SAM]] == ["feeding", "sling"]
    assert helped.by_technique[2].settled_share == 1
    assert helped.by_technique[3].settled_share is None


def test_two_carers_logging_overlapping_spells_count_the_crying_once():
    # 18:00-19:00 and 18:30-19:30: the baby cried for 90 minutes, not 120; both spells are still spells.
    spans = [cry(local(2026, 11, 16, 18), 60), cry(local(2026, 11, 16, 18, 30), 60, member=SAM)]
    days = daily_crying_minutes(spans, LONDON, dt.date(2026, 11, 16), dt.date(2026, 11, 16), NOW)
    assert days == (CryingDay(dt.date(2026, 11, 16), 90.0, 2, 0),)


def test_an_overlap_across_midnight_is_counted_once_on_each_side():
    spans = [cry(local(2026, 11, 16, 23, 30), 60), cry(local(2026, 11, 16, 23, 45), 30, member=SAM)]
    days = daily_crying_minutes(spans, LONDON, dt.date(2026, 11, 16), dt.date(2026, 11, 17), NOW)
    assert [d.minutes for d in days] == [30.0, 30.0]
