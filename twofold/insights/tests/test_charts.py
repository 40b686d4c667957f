"""The SVG charts: geometry as one-decimal strings, so the markup stays short and the same on every run."""

import datetime as dt
import re
from fractions import Fraction
from zoneinfo import ZoneInfo

from twofold.insights.charts import (
    CHAR_WIDTH,
    NARROW,
    XLabel,
    bar_chart_svg,
    both_widths,
    share_trend_chart,
    sleep_chart,
    thin,
)
from twofold.insights.nights import NightSummary
from twofold.insights.periods import night_of
from twofold.insights.thresholds import SHORT_SLEEP
from twofold.insights.week import Person, TrendPoint

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


def test_thin_keeps_the_last_label_and_spaces_the_rest_so_they_never_touch():
    labels = [XLabel(f"{44 + i * 20:.1f}", f"W{40 + i}") for i in range(9)]
    kept = thin(labels)

    assert kept[-1] == labels[-1]
    xs = [float(label.x) for label in kept]
    assert all(b - a >= 3 * CHAR_WIDTH for a, b in zip(xs, xs[1:], strict=False))
    assert thin(labels[:1]) == tuple(labels[:1])


def test_thin_keeps_every_label_when_there_is_room():
    labels = [XLabel(f"{44 + i * 80:.1f}", "Mon") for i in range(7)]
    assert thin(labels) == tuple(labels)


def test_the_narrow_sleep_chart_fits_its_frame_with_every_night_labelled():
    nights = [night(day, dt.timedelta(hours=3), dt.timedelta(hours=6)) for day in range(16, 23)]
    chart = sleep_chart(nights, [ALEX, SAM], SHORT_SLEEP, NARROW)

    assert chart.frame is NARROW and len(chart.labels) == 7
    for bar in chart.bars:
        assert NARROW.left <= float(bar.x) and float(bar.x) + float(bar.width) <= NARROW.width - NARROW.right


def test_a_chart_drawn_for_both_widths_has_two_titled_drawings_with_distinct_ids():
    nights = [night(16, dt.timedelta(hours=3), dt.timedelta(hours=7))]
    markup = both_widths(
        lambda frame: bar_chart_svg(
            sleep_chart(nights, [ALEX, SAM], SHORT_SLEEP, frame), title_id="sleep", title="Sleep"
        )
    )

    assert markup.startswith('<div class="chart-pair">')
    assert 'class="chart chart-wide" viewBox="0 0 640 240"' in markup
    assert 'class="chart chart-narrow" viewBox="0 0 300 220"' in markup
    assert 'aria-labelledby="sleep"' in markup and 'aria-labelledby="sleep-narrow"' in markup


def test_the_narrow_share_trend_thins_its_week_labels():
    trend = [
        TrendPoint(f"2026-W{30 + i}", 4, {ALEX.id: Fraction(1, 2), SAM.id: Fraction(1, 2)}) for i in range(16)
    ]
    wide = share_trend_chart(trend, [ALEX, SAM])
    narrow = share_trend_chart(trend, [ALEX, SAM], NARROW)

    assert len(wide.labels) == 16
    assert len(narrow.labels) < 16 and narrow.labels[-1].label == "W45"
