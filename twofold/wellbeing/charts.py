"""A parent's own scores over time, one chart per questionnaire, with the band lines drawn across.

Plain values in (dates and totals, the parent's bands), SVG markup out, every text escaped. The table beside
the chart on the page carries the same figures for screen readers and for anyone who prefers numbers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from django.utils.safestring import SafeString

from twofold.insights.charts import Frame, both_widths, svg
from twofold.wellbeing.instruments import BandSet

# The wide chart names each band in a margin on the right; the narrow one, a phone's, has no room for a
# margin and names each band just above its line, inside the plot.
WIDE = Frame("wide", 640, 220, 40, 150, 12, 30)
NARROW = Frame("narrow", 300, 200, 30, 8, 12, 30)


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
    after the lowest begins: drawn for a desktop and for a phone (`both_widths`)."""
    return both_widths(
        lambda frame: _trend_svg(
            frame, points=points, bands=bands, max_total=max_total, title_id=title_id, title=title
        ),
        WIDE,
        NARROW,
    )


def _trend_svg(
    frame: Frame, *, points: Sequence[Point], bands: BandSet, max_total: int, title_id: str, title: str
) -> SafeString:
    left, top, height = frame.left, frame.top, frame.height
    plot_w, plot_h = frame.plot_width, frame.plot_height
    margin = frame.right > 100

    def y(total: float) -> float:
        return top + plot_h * (1 - total / max_total)

    step = plot_w / max(len(points) - 1, 1)
    xs = [left + (i * step if len(points) > 1 else plot_w / 2) for i in range(len(points))]
    body = [
        f'<line class="grid" x1="{left}" x2="{left + plot_w}" y1="{_n(y(0))}" y2="{_n(y(0))}"/>',
        f'<text class="tick" x="{left - 6}" y="{_n(y(0))}" text-anchor="end" dy="4">0</text>',
        f'<text class="tick" x="{left - 6}" y="{_n(y(max_total))}" text-anchor="end" dy="4">'
        f"{max_total}</text>",
    ]
    for band in bands.bands[1:]:
        yy = _n(y(band.low))
        where = f'x="{_n(left + plot_w + 6)}" y="{yy}" dy="4"'
        if not margin:
            where = f'x="{_n(left + plot_w)}" y="{yy}" dy="-4" text-anchor="end"'
        body.append(
            f'<line class="threshold" x1="{left}" x2="{_n(left + plot_w)}" y1="{yy}" y2="{yy}"/>'
            f'<text class="tick band-label" {where}>{escape(f"{band.low}+ {band.label}")}</text>'
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
    # The first and last dates, each kept inside the chart; a single result's date sits under its dot.
    ends = [(x, p, "middle") for x, p in zip(xs, points, strict=True)]
    if len(points) > 1:
        ends = [(xs[0], points[0], "start"), (xs[-1], points[-1], "end")]
    for x, p, anchor in ends:
        body.append(
            f'<text class="tick" x="{_n(x)}" y="{height - 10}" text-anchor="{anchor}">'
            f"{escape(f'{p.on:%-d %b}')}</text>"
        )
    return svg(frame, title_id, title, body)
