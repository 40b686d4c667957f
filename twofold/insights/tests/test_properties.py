"""Properties that must hold for any log: shares add up, sleep fits the night, moved care moves minutes."""

import datetime as dt
from fractions import Fraction
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.insights.load import care_load
from twofold.insights.nights import night_duty
from twofold.insights.periods import in_night, night_of
from twofold.insights.spans import CareSpan

LONDON = ZoneInfo("Europe/London")
MEMBERS = [1, 2, 3]
KINDS = ["feed", "nappy", "sleep", "settle", "bath", "play", "pumping", "medicine", "note"]
BASE = dt.datetime(2026, 10, 20, 0, 0, tzinfo=dt.UTC)  # spans reach over the autumn clock change
NOW = BASE + dt.timedelta(days=12)


@st.composite
def spans(draw) -> CareSpan:
    start = BASE + dt.timedelta(minutes=draw(st.integers(0, 10 * 24 * 60)))
    length = draw(st.one_of(st.none(), st.integers(0, 180)))
    end = None if length is None else start + dt.timedelta(minutes=length)
    running = end is None and draw(st.booleans())
    return CareSpan(draw(st.sampled_from(MEMBERS)), draw(st.sampled_from(KINDS)), start, end, running)


def _is_night(moment: dt.datetime) -> bool:
    return in_night(moment.astimezone(LONDON).time(), dt.time(22), dt.time(7))


def _load(log):
    return care_load(log, lo=BASE, hi=NOW, is_night=_is_night, now=NOW, member_ids=MEMBERS)


@given(st.lists(spans(), max_size=60))
def test_shares_add_up_to_the_whole(log):
    load = _load(log)
    if load.events:
        assert sum(load.event_share(m) for m in MEMBERS) == 1
    if load.minutes > 0:
        assert abs(sum(load.minute_share(m) for m in MEMBERS) - 1) < Fraction(1, 10**9)
    if load.night_events:
        assert sum(load.night_event_share(m) for m in MEMBERS) == 1
    for member in load.members.values():
        assert member.total.events == member.day.events + member.night.events


@given(
    st.lists(spans(), max_size=60),
    st.dates(dt.date(2026, 10, 20), dt.date(2026, 10, 29)),
    st.sampled_from([(dt.time(22), dt.time(7)), (dt.time(20, 30), dt.time(6)), (dt.time(0), dt.time(5))]),
)
@settings(max_examples=150)
def test_sleep_opportunity_never_exceeds_the_night(log, day, window):
    night = night_of(day, LONDON, *window)
    duty = night_duty(log, night, parent_ids=[1, 2], now=NOW)
    for longest in duty.longest_sleep.values():
        assert dt.timedelta(0) <= longest <= night.length
    assert sum(duty.handled.values()) == len(duty.wakings)


@given(st.lists(spans(), min_size=1, max_size=40), st.data())
def test_moving_an_event_moves_exactly_its_minutes(log, data):
    index = data.draw(st.integers(0, len(log) - 1))
    moved = log[index]
    to = data.draw(st.sampled_from([m for m in MEMBERS if m != moved.member_id]))
    after = [*log[:index], CareSpan(to, moved.kind, moved.start, moved.end, moved.running), *log[index + 1 :]]
    before_load, after_load = _load(log), _load(after)
    counted = moved.kind != "note" and BASE <= moved.start < NOW
    minutes = moved.care_minutes(NOW) if counted else 0
    giver_before = before_load.members[moved.member_id].total.minutes
    giver_after = after_load.members[moved.member_id].total.minutes
    taker_before = before_load.members[to].total.minutes
    taker_after = after_load.members[to].total.minutes
    assert abs((giver_before - giver_after) - minutes) < 1e-6
    assert abs((taker_after - taker_before) - minutes) < 1e-6
    assert abs(before_load.minutes - after_load.minutes) < 1e-6
