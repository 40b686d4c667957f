"""Chart geometry for server-rendered SVG: plain numbers in, coordinates out; templates draw them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from twofold.insights.nights import NightSummary
from twofold.insights.week import Person, TrendPoint, hours_minutes

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 36


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int
    title: str


@dataclass(frozen=True)
class Tick:
    y: float
    label: str


@dataclass(frozen=True)
class XLabel:
    x: float
    label: str


@dataclass(frozen=True)
class BarChart:
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    labels: tuple[XLabel, ...]
    threshold_y: float | None
    threshold_label: str
    width: int = WIDTH
    height: int = HEIGHT


def _plot_height() -> float:
    return HEIGHT - TOP - BOTTOM


def sleep_chart(
    duties: Sequence[NightSummary], parents: Sequence[Person], threshold: dt.timedelta
) -> BarChart:
    """Each parent's longest sleep opportunity per night, with Twofold's 4-hour line."""
    top_hours = max([9.0] + [d.night.length.total_seconds() / 3600 for d in duties])
    scale = _plot_height() / top_hours
    group = (WIDTH - LEFT - RIGHT) / max(len(duties), 1)
    bar_width = min(28.0, (group - 8) / max(len(parents), 1))
    bars, labels = [], []
    for i, duty in enumerate(duties):
        x0 = LEFT + i * group + (group - bar_width * len(parents)) / 2
        labels.append(XLabel(LEFT + i * group + group / 2, f"{duty.night.of:%a}"))
        for j, parent in enumerate(parents):
            hours = duty.longest_sleep.get(parent.id, duty.night.length).total_seconds() / 3600
            height = hours * scale
            longest = hours_minutes(duty.longest_sleep.get(parent.id))
            title = f"{parent.name}, night of {duty.night.of:%a %-d %b}: {longest}"
            bars.append(
                Bar(x0 + j * bar_width, TOP + _plot_height() - height, bar_width - 2, height, j, title)
            )
    ticks = tuple(Tick(TOP + _plot_height() - h * scale, f"{h} h") for h in range(0, int(top_hours) + 1, 2))
    threshold_y = TOP + _plot_height() - threshold.total_seconds() / 3600 * scale
    return BarChart(tuple(bars), ticks, tuple(labels), threshold_y, "4 h: Twofold's short-sleep line")


@dataclass(frozen=True)
class Line:
    series: int
    name: str
    points: str
    dots: tuple[tuple[float, float, str], ...]


@dataclass(frozen=True)
class LineChart:
    lines: tuple[Line, ...]
    ticks: tuple[Tick, ...]
    labels: tuple[XLabel, ...]
    width: int = WIDTH
    height: int = HEIGHT


def share_trend_chart(trend: Sequence[TrendPoint], people: Sequence[Person]) -> LineChart:
    """Each person's share of the night wakings, week by week (weeks with no wakings leave a gap)."""
    step = (WIDTH - LEFT - RIGHT) / max(len(trend) - 1, 1)

    def y(share: Fraction) -> float:
        return TOP + _plot_height() * (1 - float(share))

    lines = []
    for j, person in enumerate(people):
        dots = tuple(
            (
                LEFT + i * step,
                y(point.night_share.get(person.id, Fraction(0))),
                f"{person.name}, {point.week}: "
                f"{round(float(point.night_share.get(person.id, 0)) * 100)} % of {point.wakings} wakings",
            )
            for i, point in enumerate(trend)
            if point.wakings
        )
        if any(point.night_share.get(person.id) for point in trend):
            lines.append(Line(j, person.name, " ".join(f"{x:.1f},{yy:.1f}" for x, yy, _ in dots), dots))
    ticks = tuple(Tick(y(Fraction(p, 100)), f"{p} %") for p in (0, 25, 50, 75, 100))
    labels = tuple(XLabel(LEFT + i * step, point.week[-3:]) for i, point in enumerate(trend))
    return LineChart(tuple(lines), ticks, labels)
