"""Learning the night from the log, on hand-built nights with known answers."""

import datetime as dt

from twofold.insights.periods import night_of, nights_between
from twofold.insights.spans import CareSpan
from twofold.nights.learn import learn

from .build import ALEX, LONDON, SAM, SEVEN, TEN, H, M, pattern

MORNING = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> dt.datetime:
    return dt.datetime(2026, month, day, hour, minute, tzinfo=LONDON).astimezone(dt.UTC)


def span(member: int, kind: str, start: dt.datetime, minutes: int | None = None) -> CareSpan:
    return CareSpan(member, kind, start, None if minutes is None else start + minutes * M)


def _learn(spans, first: dt.date, last: dt.date):
    nights = nights_between(first, last, LONDON, TEN, SEVEN)
    return learn(spans, nights, zone=LONDON, night_start=TEN, night_end=SEVEN, now=MORNING)


LOG = [
    # Night of the 16th: a feed then a nappy change is one waking (23:10–23:40); settling at 03:05.
    span(ALEX, "feed", at(16, 23, 10), 20),
    span(SAM, "nappy", at(16, 23, 35), 5),
    span(SAM, "settle", at(17, 3, 5), 10),
    # Night of the 17th: one feed at 02:40.
    span(ALEX, "feed", at(18, 2, 40), 30),
    # The night of the 18th has nothing logged.
]


def test_wakings_land_in_the_half_hour_they_start_in():
    learned = _learn(LOG, dt.date(2026, 11, 16), dt.date(2026, 11, 18))
    assert learned.nights == 2  # the unlogged night is left out, not counted as quiet
    assert len(learned.wakings) == 18  # 22:00 to 07:00 in half hours
    assert learned.wakings[2] == 0.5  # 23:00–23:30
    assert learned.wakings[9] == 0.5  # 02:30–03:00
    assert learned.wakings[10] == 0.5  # 03:00–03:30
    assert learned.per_night == 1.5


def test_waking_length_is_the_median_and_feeds_are_a_share_of_wakings():
    learned = _learn(LOG, dt.date(2026, 11, 16), dt.date(2026, 11, 18))
    assert learned.median_waking == 30 * M  # 30, 10 and 30 minutes
    assert learned.feed_share == 2 / 3
    assert learned.feeds[2] == 0.5 and learned.feeds[9] == 0.5 and learned.feeds[10] == 0.0


def test_only_the_last_fourteen_nights_count():
    old = [span(ALEX, "feed", at(1, 23, 0), 20)]
    learned = _learn(old, dt.date(2026, 11, 1), dt.date(2026, 11, 15))  # fifteen nights
    assert learned.nights == 0
    assert learned.per_night == 0.0
    assert learned.median_waking == dt.timedelta(0)


def test_the_baby_sleeping_is_a_logged_night_without_wakings():
    log = [span(SAM, "sleep", at(16, 22, 30), 300), span(ALEX, "feed", at(18, 1, 0), 20)]
    learned = _learn(log, dt.date(2026, 11, 16), dt.date(2026, 11, 17))
    assert learned.nights == 2
    assert learned.per_night == 0.5


def test_expected_wakings_follow_the_clock_through_a_half_hour():
    learned = pattern({dt.time(2, 30): 1.0})
    night = night_of(dt.date(2026, 11, 16), LONDON, TEN, SEVEN)
    two = night.start + 4 * H
    assert learned.expected(two, two + H, LONDON) == 1.0
    assert learned.expected(two + 30 * M, two + 45 * M, LONDON) == 0.5


def test_a_dst_night_lives_an_hour_more_or_less_of_the_pattern():
    learned = pattern({_clock(i): 0.1 for i in range(18)})
    lengths = {}
    for day in (dt.date(2026, 3, 28), dt.date(2026, 10, 24), dt.date(2026, 11, 16)):
        night = night_of(day, LONDON, TEN, SEVEN)
        lengths[day.month] = round(learned.expected(night.start, night.end, LONDON), 6)
    assert lengths == {3: 1.6, 10: 2.0, 11: 1.8}


def test_a_waking_in_the_repeated_hour_is_placed_by_the_clock():
    # 25 Oct 2026: 01:30 happens twice in London (BST, then GMT); both land in the 01:30 half hour.
    first = dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC)
    log = [span(ALEX, "feed", first, 15), span(SAM, "settle", first + H, 10)]
    learned = _learn(log, dt.date(2026, 10, 24), dt.date(2026, 10, 24))
    assert learned.wakings[7] == 2.0  # 01:30–02:00
    assert learned.per_night == 2.0


def _clock(i: int) -> dt.time:
    minutes = (22 * 60 + 30 * i) % (24 * 60)
    return dt.time(minutes // 60, minutes % 60)


def test_each_minute_of_a_night_takes_its_slot_from_the_local_clock_on_ordinary_and_dst_nights():
    busy = pattern({dt.time(22, 0): 1.0, dt.time(1, 0): 2.0, dt.time(6, 30): 0.5}, {dt.time(1, 0): 1.0})
    for day in (dt.date(2026, 11, 16), dt.date(2027, 3, 27), dt.date(2027, 10, 30)):
        night = night_of(day, LONDON, TEN, SEVEN)
        start = night.start + 7 * M + dt.timedelta(seconds=30)  # off the minute, as a shift may be
        wakes, feeds = busy.per_minute(start, night.end, LONDON)
        moment, expected = start, []
        while moment < night.end:
            slot = busy.slot_of(moment.astimezone(LONDON).time())
            expected.append((busy.wakings[slot] / 30, busy.feeds[slot] / 30) if slot is not None else (0, 0))
            moment += M
        assert list(zip(wakes, feeds, strict=True)) == expected
