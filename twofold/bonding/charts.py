"""The crying and settling charts as server-rendered SVG, drawn like the Us page's (insights/charts.py).

Each chart has a table with the same figures on its page: the chart is never the only way to read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString

from twofold.bonding.reports import CaregiverTrend, CryingDayRow
from twofold.insights.charts import WIDE, Frame, Line, LineChart, Tick, XLabel, line_chart_svg, n, svg, thin


def crying_chart_svg(
    rows: Sequence[CryingDayRow], *, title_id: str, title: str, frame: Frame = WIDE
) -> SafeString:
    """A bar of crying minutes for each day, and behind the bars the typical band for the day's age."""
    bands = [r.norm.band for r in rows if r.norm is not None and r.norm.band is not None]
    top = max([180.0] + [r.day.minutes for r in rows] + [b.mean_high for b in bands]) * 1.1
    left, bottom = frame.left, frame.top + frame.plot_height
    step = frame.plot_width / max(len(rows), 1)
    width = max(2.0, step - 3 if step > 8 else step - 1)

    def _y(value: float) -> float:
        return bottom - value / top * frame.plot_height

    parts: list[str] = []
    for minutes in range(0, int(top) + 1, 60):
        tick_y = n(_y(minutes))
        parts.append(
            f'<line class="grid" x1="{left}" x2="{frame.width}" y1="{tick_y}" y2="{tick_y}"/>'
            f'<text class="tick" x="{left - 6}" y="{tick_y}" text-anchor="end" dy="4">'
            f"{minutes // 60} h</text>"
        )
    labels = []
    for i, row in enumerate(rows):
        y = _y(row.day.minutes)
        label = f"{row.day.day:%a %-d %b}: {round(row.day.minutes)} min of crying"
        parts.append(
            f'<rect class="bar series-0" x="{n(left + i * step + (step - width) / 2)}" y="{n(y)}" '
            f'width="{n(width)}" height="{n(bottom - y)}"><title>{escape(label)}</title></rect>'
        )
        if i % 7 == 0 or len(rows) <= 7:
            labels.append(XLabel(n(left + i * step + step / 2), f"{row.day.day:%-d %b}"))
    parts += [
        f'<text class="tick" x="{x.x}" y="{frame.label_y}" text-anchor="middle">{escape(x.label)}</text>'
        for x in thin(labels)
    ]
    # The band over the bars, see-through, so neither hides the other.
    for i, row in enumerate(rows):
        norm = row.norm
        if norm is not None and norm.band is not None:
            band = norm.band
            high, low = _y(band.mean_high), _y(band.mean_low)
            label = f"Typical at this age: {band.text}"
            parts.append(
                f'<rect class="norm-band{" interpolated" if norm.interpolated else ""}" '
                f'x="{n(left + i * step)}" y="{n(high - 2)}" width="{n(step)}" height="{n(low - high + 4)}">'
                f"<title>{escape(label)}</title></rect>"
            )
    return svg(frame, title_id, title, parts)


def settling_chart_svg(
    trends: Sequence[CaregiverTrend], *, title_id: str, title: str, frame: Frame = WIDE
) -> SafeString:
    """Each caregiver's share of calm or settled sessions, week by week (weeks without answers: no dot)."""
    mondays = sorted({p.monday for t in trends for p in t.weeks})
    step = frame.plot_width / max(len(mondays) - 1, 1)
    x_of = {monday: frame.left + i * step for i, monday in enumerate(mondays)}

    def y(share: float) -> float:
        return frame.top + frame.plot_height * (1 - share)

    lines = []
    for j, caregiver in enumerate(trends):
        dots = tuple(
            (
                n(x_of[p.monday]),
                n(y(float(p.share))),
                f"{caregiver.name}, week of {p.monday:%-d %b}: {p.calm_or_settled} of {p.with_response} "
                "calm or settled",
            )
            for p in caregiver.weeks
            if p.share is not None
        )
        if dots:
            points = " ".join(f"{x},{yy}" for x, yy, _ in dots)
            lines.append(Line(j, caregiver.name, points, dots))
    ticks = tuple(Tick(n(y(p / 100)), f"{p} %") for p in (0, 25, 50, 75, 100))
    labels = tuple(XLabel(n(x_of[m]), f"{m:%-d %b}") for m in mondays)
    return line_chart_svg(LineChart(tuple(lines), ticks, thin(labels), frame), title_id=title_id, title=title)
