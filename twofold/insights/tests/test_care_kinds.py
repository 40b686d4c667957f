"""Which kinds the readings count comes from each kind's definition: a weighing or a note is not care work."""

from __future__ import annotations

import datetime as dt

from twofold.insights.load import care_load
from twofold.insights.spans import NO_MINUTES_KINDS, NOT_CARE_KINDS, WAKING_KINDS, CareSpan

NOON = dt.datetime(2026, 11, 2, 12, tzinfo=dt.UTC)


def test_a_weighing_is_not_care_and_wakes_nobody():
    assert {"weight", "note"} <= NOT_CARE_KINDS
    assert "weight" not in WAKING_KINDS
    assert {"sleep"} == NO_MINUTES_KINDS


def test_a_weighing_adds_nothing_to_the_load():
    spans = [
        CareSpan(1, "weight", NOON, NOON + dt.timedelta(minutes=10)),
        CareSpan(2, "feed", NOON, NOON + dt.timedelta(minutes=20)),
    ]
    load = care_load(
        spans,
        lo=NOON - dt.timedelta(days=1),
        hi=NOON + dt.timedelta(days=1),
        is_night=lambda moment: False,
        now=NOON + dt.timedelta(hours=1),
    )
    assert set(load.members) == {2}
    assert load.members[2].total.events == 1
