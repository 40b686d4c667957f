"""Server-rendered SVG charts: plain numbers in, geometry out, and the markup drawn from the geometry.

The markup is built here rather than in a template: looping over dozens of shapes in the template engine
cost more than the rest of the Us page. Every text that goes into it is escaped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from html import escape

from django.utils.safestring import SafeString, mark_safe

from twofold.insights.nights import NightSummary
from twofold.insights.week import Person, TrendPoint, hours_minutes

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 36
# A bottom label centred closer than this to the right edge would not fit: it is right-aligned instead.
RIGHT_LABEL_ROOM = 32


def n(value: float) -> str:
    """A coordinate as SVG wants it: one decimal (formatted here; template filters are slow)."""
    return f"{value:.1f}"


@dataclass(frozen=True)
class Bar:
    x: str
    y: str
    width: str
    height: str
    series: int
    title: str


@dataclass(frozen=True)
class Tick:
    y: str
    label: str


@dataclass(frozen=True)
class XLabel:
    x: str
    label: str


@dataclass(frozen=True)
class BarChart:
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    labels: tuple[XLabel, ...]
    threshold_y: str | None
    threshold_label: str
    width: int = WIDTH
    height: int = HEIGHT
    label_y: int = HEIGHT - 14


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
        labels.append(XLabel(n(LEFT + i * group + group / 2), f"{duty.night.of:%a}"))
        for j, parent in enumerate(parents):
            hours = duty.longest_sleep.get(parent.id, duty.night.length).total_seconds() / 3600
            height = hours * scale
            longest = hours_minutes(duty.longest_sleep.get(parent.id))
            title = f"{parent.name}, night of {duty.night.of:%a %-d %b}: {longest}"
            bars.append(
                Bar(
                    n(x0 + j * bar_width),
                    n(TOP + _plot_height() - height),
                    n(bar_width - 2),
                    n(height),
                    j,
                    title,
                )
            )
    ticks = tuple(
        Tick(n(TOP + _plot_height() - h * scale), f"{h} h") for h in range(0, int(top_hours) + 1, 2)
    )
    threshold_y = TOP + _plot_height() - threshold.total_seconds() / 3600 * scale
    return BarChart(tuple(bars), ticks, tuple(labels), n(threshold_y), "4 h: Twofold's short-sleep line")


@dataclass(frozen=True)
class Line:
    series: int
    name: str
    points: str
    dots: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class LineChart:
    lines: tuple[Line, ...]
    ticks: tuple[Tick, ...]
    labels: tuple[XLabel, ...]
    width: int = WIDTH
    height: int = HEIGHT
    label_y: int = HEIGHT - 14


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
            points = " ".join(f"{n(x)},{n(yy)}" for x, yy, _ in dots)
            lines.append(Line(j, person.name, points, tuple((n(x), n(yy), title) for x, yy, title in dots)))
    ticks = tuple(Tick(n(y(Fraction(p, 100))), f"{p} %") for p in (0, 25, 50, 75, 100))
    labels = tuple(XLabel(n(LEFT + i * step), point.week[-3:]) for i, point in enumerate(trend))
    return LineChart(tuple(lines), ticks, labels)


def _axes(ticks: Sequence[Tick], labels: Sequence[XLabel], width: int, label_y: int) -> list[str]:
    parts = []
    for t in ticks:
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{width}" y1="{t.y}" y2="{t.y}"/>'
            # From the left edge, not right-aligned to the plot: a wide label ("100 %") at a phone's larger
            # type then runs a little into the plot instead of being cut off at the edge.
            f'<text class="tick" x="2" y="{t.y}" dy="4">{escape(t.label)}</text>'
        )
    for label in labels:
        x, anchor = label.x, "middle"
        if float(label.x) > width - RIGHT_LABEL_ROOM:
            # The last point sits at the right edge: a centred label there would be cut in half.
            x, anchor = n(width - 2), "end"
        parts.append(
            f'<text class="tick" x="{x}" y="{label_y}" text-anchor="{anchor}">{escape(label.label)}</text>'
        )
    return parts


def _svg(chart: BarChart | LineChart, title_id: str, title: str, body: list[str]) -> SafeString:
    # The wrapper scrolls sideways on a phone, where the chart keeps a legible minimum width (twofold.css).
    return mark_safe(  # noqa: S308  every text inside is escaped above
        f'<div class="chart-scroll"><svg class="chart" viewBox="0 0 {chart.width} {chart.height}" role="img" '
        f'aria-labelledby="{title_id}" focusable="false"><title id="{title_id}">{escape(title)}</title>'
        + "".join(body)
        + "</svg></div>"
    )


def bar_chart_svg(chart: BarChart, *, title_id: str, title: str) -> SafeString:
    body = _axes(chart.ticks, (), chart.width, chart.label_y)
    body += [
        f'<rect class="bar series-{b.series}" x="{b.x}" y="{b.y}" width="{b.width}" height="{b.height}">'
        f"<title>{escape(b.title)}</title></rect>"
        for b in chart.bars
    ]
    if chart.threshold_y is not None:
        body.append(
            f'<line class="threshold" x1="{LEFT}" x2="{chart.width}" y1="{chart.threshold_y}" '
            f'y2="{chart.threshold_y}"/>'
        )
    body += _axes((), chart.labels, chart.width, chart.label_y)
    return _svg(chart, title_id, title, body)


def line_chart_svg(chart: LineChart, *, title_id: str, title: str) -> SafeString:
    body = _axes(chart.ticks, chart.labels, chart.width, chart.label_y)
    for line in chart.lines:
        body.append(f'<polyline class="line series-{line.series}" points="{line.points}"/>')
        body += [
            f'<circle class="dot series-{line.series}" cx="{x}" cy="{y}" r="4">'
            f"<title>{escape(t)}</title></circle>"
            for x, y, t in line.dots
        ]
    return _svg(chart, title_id, title, body)
