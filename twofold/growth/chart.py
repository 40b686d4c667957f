"""The growth chart: the child's measurements over the nine centile lines, drawn on the server as SVG for
a desktop and for a phone (`insights.charts.both_widths`), every text escaped. The table beside it on the
page carries the same figures.

Plain values in: the lines and points in the reference's units (kg, cm) and ages in years; the axis is
labelled in the household's unit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from django.utils.safestring import SafeString

from twofold.growth.ages import DAYS_PER_YEAR
from twofold.growth.centiles import LINE_NAMES
from twofold.insights.charts import Frame, both_widths, svg

# Room on the right for the centile names.
WIDE = Frame("wide", 640, 320, 44, 52, 12, 36)
NARROW = Frame("narrow", 300, 260, 34, 40, 10, 32)


@dataclass(frozen=True)
class Point:
    age_years: float
    value: float  # in the reference's unit (kg or cm)
    title: str


@dataclass(frozen=True)
class Axis:
    """The value axis in the household's unit: `per_unit` of the reference's unit make one shown unit."""

    unit: str
    per_unit: float


KG_AXIS, LB_AXIS = Axis("kg", 1.0), Axis("lb", 0.45359237)
CM_AXIS, IN_AXIS = Axis("cm", 1.0), Axis("in", 2.54)


def _n(value: float) -> str:
    return f"{value:.1f}"


def _nice_step(span: float, most: int) -> float:
    raw = span / most
    power = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    return next(m * power for m in (1, 2, 5, 10) if m * power >= raw)


def _age_label(years: float, by_months: bool) -> str:
    if by_months:
        return f"{round(years * 12)} m"
    return f"{round(years * DAYS_PER_YEAR / 7)} w"


@dataclass(frozen=True)
class Drawing:
    """A growth chart as plain values: what the SVG here is drawn from, and what any other drawer (the
    summary's PDF) draws from too, so both show the same lines, points and axes."""

    lines: tuple[tuple[tuple[float, float], ...], ...]
    points: tuple[Point, ...]
    ages: tuple[float, float]
    axis: Axis
    title: str


@dataclass(frozen=True)
class Scale:
    """The value axis as shown: from `low` to `high` in the household's unit, a gridline every `step`."""

    low: float
    high: float
    step: float

    def ticks(self) -> list[float]:
        found, tick = [], self.low
        while tick <= self.high + self.step / 2:
            found.append(tick)
            tick += self.step
        return found


def value_scale(drawing: Drawing, most: int) -> Scale:
    """Round gridlines around every line and point, at most about `most` of them."""
    values = [v for line in drawing.lines for _, v in line] + [p.value for p in drawing.points]
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    low_shown, high_shown = low / drawing.axis.per_unit, high / drawing.axis.per_unit
    step = _nice_step(max(high_shown - low_shown, 1e-6), most)
    return Scale(math.floor(low_shown / step) * step, math.ceil(high_shown / step) * step, step)


def age_ticks(ages: tuple[float, float], most: int) -> list[tuple[float, str]]:
    """Labelled ages along the bottom: weeks on a short chart, months on a longer one."""
    first, last = ages
    span = max(last - first, 1e-6)
    by_months = span > 0.5
    age_step = (1 / 12 if span <= 1.5 else 0.25) if by_months else 7 / DAYS_PER_YEAR
    while (span / age_step) > most:
        age_step *= 2
    found = []
    age = math.ceil(max(first, 0) / age_step) * age_step
    while age <= last + 1e-9:
        found.append((age, _age_label(age, by_months)))
        age += age_step
    return found


def growth_svg(drawing: Drawing, *, title_id: str) -> SafeString:
    return both_widths(lambda frame: _draw(frame, drawing, title_id), WIDE, NARROW)


def _draw(frame: Frame, drawing: Drawing, title_id: str) -> SafeString:
    axis, points = drawing.axis, drawing.points
    scale = value_scale(drawing, 6 if frame.name == "wide" else 4)
    first, last = drawing.ages
    span = max(last - first, 1e-6)

    def x(age: float) -> float:
        return frame.left + frame.plot_width * (age - first) / span

    def y(value: float) -> float:
        shown = value / axis.per_unit
        return frame.top + frame.plot_height * (1 - (shown - scale.low) / (scale.high - scale.low))

    body: list[str] = []
    right = _n(frame.left + frame.plot_width)
    for tick in scale.ticks():
        yy = _n(y(tick * axis.per_unit))
        body.append(
            f'<line class="grid" x1="{frame.left}" x2="{right}" y1="{yy}" y2="{yy}"/>'
            f'<text class="tick" x="2" y="{yy}" dy="4">{escape(f"{tick:g} {axis.unit}")}</text>'
        )
    for age, label in age_ticks(drawing.ages, 8 if frame.name == "wide" else 4):
        body.append(
            f'<text class="tick" x="{_n(x(age))}" y="{frame.label_y}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    body.append(_centile_markup(frame, drawing.lines, first, span, scale.low, scale.high, axis))
    if len(points) > 1:
        coords = " ".join(f"{_n(x(p.age_years))},{_n(y(p.value))}" for p in points)
        body.append(f'<polyline class="line series-0" points="{coords}"/>')
    body += [
        f'<circle class="dot series-0" cx="{_n(x(p.age_years))}" cy="{_n(y(p.value))}" r="4">'
        f"<title>{escape(p.title)}</title></circle>"
        for p in points
    ]
    return svg(frame, title_id, drawing.title, body)


# The centile lines are the same for every child of one sex, reference and span: drawn once per worker.
@lru_cache(maxsize=128)
def _centile_markup(
    frame: Frame,
    lines: tuple[tuple[tuple[float, float], ...], ...],
    first: float,
    span: float,
    low_shown: float,
    high_shown: float,
    axis: Axis,
) -> str:
    def x(age: float) -> float:
        return frame.left + frame.plot_width * (age - first) / span

    def y(value: float) -> float:
        shown = value / axis.per_unit
        return frame.top + frame.plot_height * (1 - (shown - low_shown) / (high_shown - low_shown))

    parts = []
    for i, line in enumerate(lines):
        if not line:
            continue
        coords = " ".join(f"{_n(x(a))},{_n(y(v))}" for a, v in line)
        middle = " centile-mid" if LINE_NAMES[i] == "50th" else ""
        parts.append(f'<polyline class="centile{middle}" points="{coords}"/>')
        end_age, end_value = line[-1]
        parts.append(
            f'<text class="tick centile-name" x="{_n(x(end_age) + 4)}" y="{_n(y(end_value))}" dy="4">'
            f"{escape(LINE_NAMES[i])}</text>"
        )
    return "".join(parts)
