"""The care log's pure rules, tested without the database."""

import datetime as dt
from zoneinfo import ZoneInfo

from twofold.care.day import EventFact, ago, clock_on_day, local_day_bounds, minutes_within, summarise_day
from twofold.care.rules import CLOCK_SKEW, OLDEST_START, TOO_OLD, response_errors, time_errors

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)
LONDON = ZoneInfo("Europe/London")


def test_end_before_start_names_the_end():
    errors = time_errors(kind="feed", start=NOW, end=NOW - dt.timedelta(minutes=1), now=NOW)
    assert "before the start" in errors["end"]


def test_small_clock_skew_is_allowed_but_the_future_is_not():
    assert time_errors(kind="nappy", start=NOW + CLOCK_SKEW, end=None, now=NOW) == {}
    assert "future" in time_errors(kind="nappy", start=NOW + CLOCK_SKEW * 2, end=None, now=NOW)["start"]


def test_implausibly_long_feed_is_questioned():
    errors = time_errors(kind="feed", start=NOW - dt.timedelta(hours=5), end=NOW, now=NOW)
    assert "longer than 3 h" in errors["end"]


def test_response_only_for_care_involving_the_baby():
    assert "response" in response_errors(kind="pumping", response="calm", settled_after_minutes=None)
    assert response_errors(kind="bath", response="settled", settled_after_minutes=4) == {}
    assert "settled_after_minutes" in response_errors(kind="bath", response="calm", settled_after_minutes=4)


def test_local_days_are_23_and_25_hours_on_clock_changes():
    spring = local_day_bounds(dt.date(2026, 3, 29), LONDON)
    autumn = local_day_bounds(dt.date(2026, 10, 25), LONDON)
    assert spring[1] - spring[0] == dt.timedelta(hours=23)
    assert autumn[1] - autumn[0] == dt.timedelta(hours=25)


def test_minutes_are_clipped_to_the_day_and_running_events_count_to_now():
    lo, hi = local_day_bounds(dt.date(2026, 11, 23), LONDON)
    overnight = minutes_within(lo - dt.timedelta(hours=1), lo + dt.timedelta(hours=2), lo, hi, NOW)
    assert overnight == 120
    assert minutes_within(NOW - dt.timedelta(minutes=30), None, lo, hi, NOW, running=True) == 30
    assert minutes_within(NOW - dt.timedelta(minutes=30), None, lo, hi, NOW) == 0  # a nappy is a moment


def test_day_summary_counts_kinds_and_members():
    lo, hi = local_day_bounds(dt.date(2026, 11, 23), LONDON)
    start = lo + dt.timedelta(hours=8)
    facts = [
        EventFact("feed", 1, 10, start, start + dt.timedelta(minutes=15)),
        EventFact("feed", 1, 11, start + dt.timedelta(hours=3), None),
        EventFact("nappy", 1, 11, start, None),
    ]
    summary = summarise_day(facts, lo, hi, NOW)
    assert summary.totals["feed"].count == 2 and summary.totals["nappy"].count == 1
    assert summary.by_member == {10: {"feed": 1}, 11: {"feed": 1, "nappy": 1}}


def test_ago_reads_naturally():
    assert ago(None, NOW) == "—"
    assert ago(NOW, NOW) == "just now"
    assert ago(NOW - dt.timedelta(minutes=130), NOW) == "2 h 10 min ago"
    assert ago(NOW - dt.timedelta(days=3), NOW) == "3 days ago"


def test_a_start_more_than_ten_years_ago_is_a_typo_in_the_year():
    assert time_errors(kind="nappy", start=NOW - OLDEST_START, end=None, now=NOW) == {}
    too_old = NOW - OLDEST_START - dt.timedelta(minutes=1)
    assert time_errors(kind="nappy", start=too_old, end=None, now=NOW) == {"start": TOO_OLD}


def test_a_time_carries_its_day_unless_it_is_today():
    now = dt.datetime(2027, 3, 28, 0, 30, tzinfo=dt.UTC)  # 00:30 on the morning the clocks go forward
    assert clock_on_day(dt.datetime(2027, 3, 28, 0, 10, tzinfo=dt.UTC), now, LONDON) == "00:10"
    assert clock_on_day(dt.datetime(2027, 3, 27, 23, 50, tzinfo=dt.UTC), now, LONDON) == "yesterday 23:50"
    assert clock_on_day(dt.datetime(2027, 3, 28, 23, 30, tzinfo=dt.UTC), now, LONDON) == "tomorrow 00:30"
    assert clock_on_day(dt.datetime(2027, 3, 28, 22, 30, tzinfo=dt.UTC), now, LONDON) == "23:30"
    assert clock_on_day(dt.datetime(2027, 3, 25, 7, 56, tzinfo=dt.UTC), now, LONDON) == "Thu 25 Mar 07:56"
