"""A parent's own scores over time, one chart per questionnaire, with the band lines drawn across.

Plain values in (dates and totals, the parent's bands), SVG markup out, every text escaped. The table beside
the chart on the page carries the same figures for screen readers and for anyone who prefers numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString, mark_safe

from twofold.wellbeing.instruments import BandSet

WIDTH, HEIGHT = 640, 220
LEFT, RIGHT, TOP, BOTTOM = 40, 150, 12, 30


@dataclass(frozen=True)
class Point:
    on: dt.date
    total: int


def _n(value: float) -> str:
    return f"{value:.1f}"


def trend_svg(
    *, points: Sequence[Point], bands: BandSet, max_total: int, title_id: str, title: str
) -> SafeString:
    """A line of `points` (oldest first) on a 0..max_total scale, with a labelled line where each band
    after the lowest begins."""
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(total: float) -> float:
        return TOP + plot_h * (1 - total / max_total)

    step = plot_w / max(len(points) - 1, 1)
    xs = [LEFT + (i * step if len(points) > 1 else plot_w / 2) for i in range(len(points))]
    body = [
        f'<line class="grid" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{_n(y(0))}" y2="{_n(y(0))}"/>',
        f'<text class="tick" x="{LEFT - 6}" y="{_n(y(0))}" text-anchor="end" dy="4">0</text>',
        f'<text class="tick" x="{LEFT - 6}" y="{_n(y(max_total))}" text-anchor="end" dy="4">'
        f"{max_total}</text>",
    ]
    for band in bands.bands[1:]:
        yy = _n(y(band.low))
        body.append(
            f'<line class="threshold" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{yy}" y2="{yy}"/>'
            f'<text class="tick" x="{LEFT + plot_w + 6}" y="{yy}" dy="4">'
            f"{escape(f'{band.low}+ {band.label}')}</text>"
        )
    if len(points) > 1:
        line = " ".join(f"{_n(x)},{_n(y(p.total))}" for x, p in zip(xs, points, strict=True))
        body.append(f'<polyline class="line series-0" points="{line}"/>')
    for x, p in zip(xs, points, strict=True):
        label = f"{p.on:%-d %b %Y}: {p.total} out of {max_total}"
        body.append(
            f'<circle class="dot series-0" cx="{_n(x)}" cy="{_n(y(p.total))}" r="4">'
            f"<title>{escape(label)}</title></circle>"
        )
    if points:
        for x, p in ((xs[0], points[0]), (xs[-1], points[-1])):
            body.append(
                f'<text class="tick" x="{_n(x)}" y="{HEIGHT - 10}" text-anchor="middle">'
                f"{escape(f'{p.on:%-d %b}')}</text>"
            )
    return mark_safe(  # noqa: S308  every text inside is escaped above
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{escape(title_id)}" '
        f'focusable="false"><title id="{escape(title_id)}">{escape(title)}</title>' + "".join(body) + "</svg>"
    )
