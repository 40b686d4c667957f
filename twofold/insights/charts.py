"""Server-rendered SVG charts: plain numbers in, geometry out, and the markup drawn from the geometry.

The markup is built here rather than in a template: looping over dozens of shapes in the template engine
cost more than the rest of the Us page. Every text that goes into it is escaped.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from html import escape

from django.utils.safestring import SafeString, mark_safe

from twofold.insights.nights import NightSummary
from twofold.insights.percent import shown, whole_percents
from twofold.insights.week import Person, TrendPoint, hours_minutes

WIDTH, HEIGHT = 640, 240
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 36
# About how wide one character of a 12-unit label is, in SVG units, with room between two labels.
CHAR_WIDTH, LABEL_GAP = 7.0, 8.0


@dataclass(frozen=True)
class Frame:
    """A chart's drawing area in SVG units, and the name of the screens it is drawn for.

    Every chart is drawn twice: `WIDE` for a desktop and `NARROW` for a phone, where a 300-unit viewBox in
    a 360 px screen's card keeps the 12-unit labels at about 12 px. CSS shows the one that fits
    (`.chart-wide`, `.chart-narrow` in twofold.css).
    """

    name: str
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int

    @property
    def plot_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def plot_height(self) -> float:
        return self.height - self.top - self.bottom

    @property
    def label_y(self) -> int:
        return self.height - self.bottom + 22


WIDE = Frame("wide", WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM)
NARROW = Frame("narrow", 300, 220, 44, 14, 10, 32)


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
    frame: Frame = WIDE


def thin(labels: Sequence[XLabel]) -> tuple[XLabel, ...]:
    """Every k-th label, k as small as keeps the longest from touching the next; the last is always kept
    (the latest week is the one a parent looks for)."""
    if len(labels) < 2:
        return tuple(labels)
    spacing = min(abs(float(b.x) - float(a.x)) for a, b in zip(labels, labels[1:], strict=False))
    needed = max(len(label.label) for label in labels) * CHAR_WIDTH + LABEL_GAP
    every = max(1, math.ceil(needed / spacing)) if spacing > 0 else len(labels)
    last = len(labels) - 1
    return tuple(label for i, label in enumerate(labels) if (last - i) % every == 0)


def sleep_chart(
    duties: Sequence[NightSummary],
    parents: Sequence[Person],
    threshold: dt.timedelta,
    frame: Frame = WIDE,
) -> BarChart:
    """Each parent's longest sleep opportunity per night, with Twofold's 4-hour line."""
    top_hours = max([9.0] + [d.night.length.total_seconds() / 3600 for d in duties])
    plot_height, left, top = frame.plot_height, frame.left, frame.top
    scale = plot_height / top_hours
    group = frame.plot_width / max(len(duties), 1)
    bar_width = min(28.0, (group - 8) / max(len(parents), 1))
    bars, labels = [], []
    for i, duty in enumerate(duties):
        x0 = left + i * group + (group - bar_width * len(parents)) / 2
        labels.append(XLabel(n(left + i * group + group / 2), f"{duty.night.of:%a}"))
        for j, parent in enumerate(parents):
            hours = duty.longest_sleep.get(parent.id, duty.night.length).total_seconds() / 3600
            height = hours * scale
            longest = hours_minutes(duty.longest_sleep.get(parent.id))
            title = f"{parent.name}, night of {duty.night.of:%a %-d %b}: {longest}"
            bars.append(
                Bar(
                    n(x0 + j * bar_width),
                    n(top + plot_height - height),
                    n(bar_width - 2),
                    n(height),
                    j,
                    title,
                )
            )
    ticks = tuple(Tick(n(top + plot_height - h * scale), f"{h} h") for h in range(0, int(top_hours) + 1, 2))
    threshold_y = top + plot_height - threshold.total_seconds() / 3600 * scale
    return BarChart(
        tuple(bars), ticks, thin(labels), n(threshold_y), "4 h: Twofold's short-sleep line", frame
    )


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
    frame: Frame = WIDE


def share_trend_chart(
    trend: Sequence[TrendPoint], people: Sequence[Person], frame: Frame = WIDE
) -> LineChart:
    """Each person's share of the night wakings, week by week (weeks with no wakings leave a gap)."""
    step = frame.plot_width / max(len(trend) - 1, 1)
    left = frame.left

    def y(share: Fraction) -> float:
        return frame.top + frame.plot_height * (1 - float(share))

    lines = []
    percents = [whole_percents(point.night_share) for point in trend]
    for j, person in enumerate(people):
        dots = tuple(
            (
                left + i * step,
                y(point.night_share.get(person.id, Fraction(0))),
                f"{person.name}, {point.week}: "
                f"{shown(percents[i].get(person.id, 0))} of {point.wakings} wakings",
            )
            for i, point in enumerate(trend)
            if point.wakings
        )
        if any(point.night_share.get(person.id) for point in trend):
            points = " ".join(f"{n(x)},{n(yy)}" for x, yy, _ in dots)
            lines.append(Line(j, person.name, points, tuple((n(x), n(yy), title) for x, yy, title in dots)))
    ticks = tuple(Tick(n(y(Fraction(p, 100))), f"{p} %") for p in (0, 25, 50, 75, 100))
    labels = tuple(XLabel(n(left + i * step), point.week[-3:]) for i, point in enumerate(trend))
    return LineChart(tuple(lines), ticks, thin(labels), frame)


def _axes(ticks: Sequence[Tick], labels: Sequence[XLabel], frame: Frame) -> list[str]:
    parts = []
    width, label_y = frame.width, frame.label_y
    for t in ticks:
        parts.append(
            f'<line class="grid" x1="{frame.left}" x2="{width}" y1="{t.y}" y2="{t.y}"/>'
            # From the left edge, not right-aligned to the plot: a wide label ("100 %") at a phone's larger
            # type then runs a little into the plot instead of being cut off at the edge.
            f'<text class="tick" x="2" y="{t.y}" dy="4">{escape(t.label)}</text>'
        )
    for label in labels:
        x, anchor = label.x, "middle"
        if float(label.x) + len(label.label) * CHAR_WIDTH / 2 > width - 2:
            # The last point sits at the right edge: a centred label there would be cut in half.
            x, anchor = n(width - 2), "end"
        parts.append(
            f'<text class="tick" x="{x}" y="{label_y}" text-anchor="{anchor}">{escape(label.label)}</text>'
        )
    return parts


def svg(frame: Frame, title_id: str, title: str, body: Sequence[str]) -> SafeString:
    """The chart's markup for one frame; the narrow one's title id is suffixed, so both can be on a page."""
    if frame.name != WIDE.name:
        title_id = f"{title_id}-{frame.name}"
    return mark_safe(  # noqa: S308  every text inside is escaped by the callers
        f'<svg class="chart chart-{frame.name}" viewBox="0 0 {frame.width} {frame.height}" role="img" '
        f'aria-labelledby="{escape(title_id)}" focusable="false"><title id="{escape(title_id)}">'
        f"{escape(title)}</title>" + "".join(body) + "</svg>"
    )


def both_widths(
    draw: Callable[[Frame], SafeString], wide: Frame = WIDE, narrow: Frame = NARROW
) -> SafeString:
    """The chart drawn for a desktop and for a phone, side by side in the markup; CSS shows one of them
    (the hidden one is hidden from screen readers too), so a phone's chart is drawn for it and not shrunk.
    A chart with margins of its own passes its own pair of frames, named "wide" and "narrow" too."""
    return mark_safe(  # noqa: S308  both are built escaped
        f'<div class="chart-pair">{draw(wide)}{draw(narrow)}</div>'
    )


def bar_chart_svg(chart: BarChart, *, title_id: str, title: str) -> SafeString:
    body = _axes(chart.ticks, (), chart.frame)
    body += [
        f'<rect class="bar series-{b.series}" x="{b.x}" y="{b.y}" width="{b.width}" height="{b.height}">'
        f"<title>{escape(b.title)}</title></rect>"
        for b in chart.bars
    ]
    if chart.threshold_y is not None:
        body.append(
            f'<line class="threshold" x1="{chart.frame.left}" x2="{chart.frame.width}" '
            f'y1="{chart.threshold_y}" y2="{chart.threshold_y}"/>'
        )
    body += _axes((), chart.labels, chart.frame)
    return svg(chart.frame, title_id, title, body)


def line_chart_svg(chart: LineChart, *, title_id: str, title: str) -> SafeString:
    body = _axes(chart.ticks, chart.labels, chart.frame)
    for line in chart.lines:
        body.append(f'<polyline class="line series-{line.series}" points="{line.points}"/>')
        body += [
            f'<circle class="dot series-{line.series}" cx="{x}" cy="{y}" r="4">'
            f"<title>{escape(t)}</title></circle>"
            for x, y, t in line.dots
        ]
    return svg(chart.frame, title_id, title, body)
