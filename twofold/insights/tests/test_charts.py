"""The SVG charts: geometry as one-decimal strings, so the markup stays short and the same on every run."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

from twofold.insights.charts import bar_chart_svg, sleep_chart
from twofold.insights.nights import NightSummary
from twofold.insights.periods import night_of
from twofold.insights.thresholds import SHORT_SLEEP
from twofold.insights.week import Person

LONDON = ZoneInfo("Europe/London")
ALEX, SAM = Person(1, "Alex", True), Person(2, "Sam", True)
ONE_DECIMAL = re.compile(r"^-?\d+\.\d$")


def night(day: int, alex: dt.timedelta, sam: dt.timedelta) -> NightSummary:
    return NightSummary(
        night=night_of(dt.date(2026, 11, day), LONDON, dt.time(22, 0), dt.time(7, 0)),
        wakings=1,
        handled={ALEX.id: 1, SAM.id: 0},
        awake_minutes={ALEX.id: 20.0, SAM.id: 0.0},
        longest_sleep={ALEX.id: alex, SAM.id: sam},
    )


def test_sleep_chart_geometry_is_one_decimal_strings():
    # Three nights make a group width of 584/3, whose floats run to many decimals unless formatted.
    nights = [
        night(16, dt.timedelta(hours=3, minutes=7), dt.timedelta(hours=7)),
        night(17, dt.timedelta(hours=2, minutes=13), dt.timedelta(hours=5, minutes=41)),
        night(18, dt.timedelta(hours=4), dt.timedelta(hours=6, minutes=1)),
    ]
    chart = sleep_chart(nights, [ALEX, SAM], SHORT_SLEEP)

    assert len(chart.bars) == 6
    for bar in chart.bars:
        for value in (bar.x, bar.y, bar.width, bar.height):
            assert isinstance(value, str)
            assert ONE_DECIMAL.match(value), value
    for tick in chart.ticks:
        assert ONE_DECIMAL.match(tick.y), tick.y


def test_sleep_chart_markup_carries_no_long_floats():
    nights = [night(16, dt.timedelta(hours=3, minutes=7), dt.timedelta(hours=7))] * 3
    svg = bar_chart_svg(sleep_chart(nights, [ALEX, SAM], SHORT_SLEEP), title_id="sleep", title="Sleep")

    assert not re.search(r"\d\.\d{2,}", svg)
