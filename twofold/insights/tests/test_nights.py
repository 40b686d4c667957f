"""Night duty and sleep opportunity on hand-built nights with known answers."""

import datetime as dt
from zoneinfo import ZoneInfo

from twofold.insights.nights import Streaks, longest_free_stretch, night_duty, streaks, summarise, wakings_in
from twofold.insights.periods import night_of
from twofold.insights.spans import CareSpan

LONDON = ZoneInfo("Europe/London")
ALEX, SAM, PAT = 1, 2, 3
TEN, SEVEN = dt.time(22, 0), dt.time(7, 0)
NIGHT = night_of(dt.date(2026, 11, 16), LONDON, TEN, SEVEN)  # Mon 22:00 to Tue 07:00 GMT
MORNING = dt.datetime(2026, 11, 17, 12, 0, tzinfo=dt.UTC)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A London time in November (GMT), as UTC."""
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=LONDON).astimezone(dt.UTC)


def span(member, kind, start, minutes=None, running=False):
    end = None if minutes is None else start + dt.timedelta(minutes=minutes)
    return CareSpan(member, kind, start, end, running)


def test_a_quiet_night_leaves_the_whole_window_to_sleep():
    duty = night_duty([], NIGHT, parent_ids=[ALEX, SAM], now=MORNING)
    assert duty.wakings == []
    assert duty.longest_sleep == {ALEX: dt.timedelta(hours=9), SAM: dt.timedelta(hours=9)}
    assert duty.handled == {ALEX: 0, SAM: 0}


def test_wakings_across_midnight_split_the_night():
    spans = [span(ALEX, "feed", at(16, 23, 30), 30), span(ALEX, "feed", at(17, 3, 0), 30)]
    duty = night_duty(spans, NIGHT, parent_ids=[ALEX, SAM], now=MORNING)
    assert duty.handled == {ALEX: 2, SAM: 0}
    assert duty.awake_minutes[ALEX] == 2 * (30 + 15)
    # Free: 22:00-23:30 (1h30), 00:15-03:00 (2h45), 03:45-07:00 (3h15).
    assert duty.longest_sleep[ALEX] == dt.timedelta(hours=3, minutes=15)
    assert duty.longest_sleep[SAM] == dt.timedelta(hours=9)


def test_the_window_is_half_open():
    spans = [
        span(ALEX, "nappy", at(16, 21, 59)),  # before the night
        span(ALEX, "nappy", at(16, 22, 0)),  # the first minute of it
        span(ALEX, "nappy", at(17, 7, 0)),  # the morning, not the night
    ]
    wakings = wakings_in(spans, NIGHT, MORNING)
    assert [w.start for w in wakings] == [at(16, 22, 0)]


def test_events_less_than_10_minutes_apart_are_one_waking_and_10_apart_are_two():
    # The rule the guide and thresholds.py state: "less than 10 minutes apart" (WAKING_GAP).
    feed = span(ALEX, "feed", at(17, 2, 0), 20)
    nappy_soon = span(ALEX, "nappy", at(17, 2, 29))  # 9 minutes after the feed ended
    nappy_later = span(ALEX, "nappy", at(17, 2, 39))  # exactly 10 minutes after the last
    assert len(wakings_in([feed, nappy_soon], NIGHT, MORNING)) == 1
    assert len(wakings_in([feed, nappy_soon, nappy_later], NIGHT, MORNING)) == 2


def test_a_feed_begun_before_the_night_costs_its_minutes_inside_it_and_the_allowance():
    # 21:50 to 22:20: 20 minutes of the night, then 15 to settle; sleep from 22:35 to 07:00 is 8 h 25.
    duty = night_duty([span(ALEX, "feed", at(16, 21, 50), 30)], NIGHT, parent_ids=[ALEX, SAM], now=MORNING)
    assert duty.wakings == []
    assert duty.awake_minutes[ALEX] == 20 + 15
    assert duty.longest_sleep[ALEX] == dt.timedelta(hours=8, minutes=25)
    assert duty.longest_sleep[SAM] == dt.timedelta(hours=9)


def test_two_wakings_close_together_never_cost_more_minutes_than_passed():
    # 02:00-02:10 and 02:21-02:31: 46 minutes from the first start to the last allowance's end.
    spans = [span(ALEX, "nappy", at(17, 2, 0), 10), span(ALEX, "nappy", at(17, 2, 21), 10)]
    duty = night_duty(spans, NIGHT, parent_ids=[ALEX], now=MORNING)
    assert len(duty.wakings) == 2
    assert duty.awake_minutes[ALEX] == 46


def test_a_waking_shared_by_two_counts_once_for_whoever_did_most_and_wakes_both():
    spans = [span(ALEX, "feed", at(17, 2, 0), 30), span(SAM, "nappy", at(17, 2, 10), 5)]
    duty = night_duty(spans, NIGHT, parent_ids=[ALEX, SAM], now=MORNING)
    assert len(duty.wakings) == 1
    assert duty.handled == {ALEX: 1, SAM: 0}
    assert duty.awake_minutes == {ALEX: 45, SAM: 20}
    # Sam was up from 02:10 to 02:30 with the allowance: then 02:30-07:00 is 4 h 30.
    assert duty.longest_sleep[SAM] == dt.timedelta(hours=4, minutes=30)
    assert duty.longest_sleep[ALEX] == dt.timedelta(hours=4, minutes=15)


def test_a_helper_night_protects_both_parents():
    spans = [span(PAT, "feed", at(17, 1, 0), 30), span(PAT, "feed", at(17, 4, 0), 30)]
    duty = night_duty(spans, NIGHT, parent_ids=[ALEX, SAM], now=MORNING)
    assert duty.handled[PAT] == 2 and duty.handled[ALEX] == 0
    assert duty.longest_sleep[ALEX] == duty.longest_sleep[SAM] == dt.timedelta(hours=9)


def test_the_babys_sleep_and_notes_are_not_wakings():
    spans = [span(ALEX, "sleep", at(16, 22, 30), 240), span(SAM, "note", at(17, 3, 0))]
    assert wakings_in(spans, NIGHT, MORNING) == []


def test_a_running_timer_counts_up_to_now():
    now = at(17, 3, 40)
    spans = [span(SAM, "settle", at(17, 3, 0), running=True)]
    duty = night_duty(spans, NIGHT, parent_ids=[ALEX, SAM], now=now)
    assert duty.awake_minutes[SAM] == 40 + 15
    assert duty.longest_sleep[SAM] == dt.timedelta(hours=5)  # 22:00 to 03:00


def test_clock_change_nights_are_as_long_as_lived():
    spring = night_of(dt.date(2026, 3, 28), LONDON, TEN, SEVEN)
    autumn = night_of(dt.date(2026, 10, 24), LONDON, TEN, SEVEN)
    assert spring.length == dt.timedelta(hours=8)
    assert autumn.length == dt.timedelta(hours=10)
    assert night_duty([], autumn, parent_ids=[ALEX], now=MORNING).longest_sleep[ALEX] == dt.timedelta(
        hours=10
    )
    # 01:30 happens twice on the autumn night; a feed at the second 01:30 (BST ended) is inside the night.
    second = dt.datetime(2026, 10, 25, 1, 30, fold=1, tzinfo=LONDON).astimezone(dt.UTC)
    duty = night_duty([span(ALEX, "feed", second, 30)], autumn, parent_ids=[ALEX], now=MORNING)
    assert duty.handled[ALEX] == 1
    # 22:00 BST to 01:30 GMT is 4 h 30 of real time, not 3 h 30; 02:15 GMT to 07:00 GMT is 4 h 45.
    assert duty.longest_sleep[ALEX] == dt.timedelta(hours=4, minutes=45)


def test_a_night_window_that_does_not_cross_midnight():
    night = night_of(dt.date(2026, 11, 17), LONDON, dt.time(0, 30), dt.time(6, 0))
    assert night.length == dt.timedelta(hours=5, minutes=30)
    assert night.start == at(17, 0, 30)


def test_free_stretch_ignores_busy_time_outside_the_night():
    busy = [(NIGHT.start - dt.timedelta(hours=1), NIGHT.start + dt.timedelta(hours=1))]
    assert longest_free_stretch(NIGHT, busy) == dt.timedelta(hours=8)


def test_streaks_count_back_from_the_latest_night():
    nights = [night_of(dt.date(2026, 11, d), LONDON, TEN, SEVEN) for d in (13, 14, 15, 16)]
    duties = []
    for i, night in enumerate(nights):
        # Feeds at midnight and 03:00: free 2 h, 2 h 15 and 3 h 15, so never 4 hours.
        spans = [
            span(ALEX, "feed", night.start + dt.timedelta(hours=2), 30),
            span(ALEX, "feed", night.start + dt.timedelta(hours=5), 30),
        ]
        if i == 0:
            spans.append(span(SAM, "feed", night.start + dt.timedelta(hours=7), 30))
        duties.append(summarise(night_duty(spans, night, parent_ids=[ALEX, SAM], now=MORNING)))
    found = streaks(duties, ALEX)
    assert found.carried_every_waking == 3
    assert found.short_sleep == 4
    assert streaks(duties, SAM) == Streaks(0, 0)
