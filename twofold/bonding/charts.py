"""The crying and settling charts as server-rendered SVG, drawn like the Us page's (insights/charts.py).

Each chart has a table with the same figures on its page: the chart is never the only way to read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString

from twofold.bonding.reports import CaregiverTrend, CryingDayRow
from twofold.insights.charts import HEIGHT, WIDTH, Line, LineChart, Tick, XLabel, line_chart_svg, n

LEFT, RIGHT, TOP, BOTTOM = 44, 12, 12, 36
PLOT_HEIGHT = HEIGHT - TOP - BOTTOM
PLOT_WIDTH = WIDTH - LEFT - RIGHT


def _y(value: float, top: float) -> float:
    return TOP + PLOT_HEIGHT - value / top * PLOT_HEIGHT


def crying_chart_svg(rows: Sequence[CryingDayRow], *, title_id: str, title: str) -> SafeString:
    """A bar of crying minutes for each day, and behind the bars the typical band for the day's age."""
    bands = [r.norm.band for r in rows if r.norm is not None and r.norm.band is not None]
    top = max([180.0] + [r.day.minutes for r in rows] + [b.mean_high for b in bands]) * 1.1
    step = PLOT_WIDTH / max(len(rows), 1)
    width = max(2.0, step - 3)
    parts: list[str] = []
    for minutes in range(0, int(top) + 1, 60):
        tick_y = n(_y(minutes, top))
        parts.append(
            f'<line class="grid" x1="{LEFT}" x2="{WIDTH}" y1="{tick_y}" y2="{tick_y}"/>'
            f'<text class="tick" x="{LEFT - 6}" y="{tick_y}" text-anchor="end" dy="4">'
            f"{minutes // 60} h</text>"
        )
    for i, row in enumerate(rows):
        y = _y(row.day.minutes, top)
        label = f"{row.day.day:%a %-d %b}: {round(row.day.minutes)} min of crying"
        parts.append(
            f'<rect class="bar series-0" x="{n(LEFT + i * step + 1.5)}" y="{n(y)}" width="{n(width)}" '
            f'height="{n(TOP + PLOT_HEIGHT - y)}"><title>{escape(label)}</title></rect>'
        )
        if i % 7 == 0 or len(rows) <= 7:
            parts.append(
                f'<text class="tick" x="{n(LEFT + i * step + step / 2)}" y="{HEIGHT - 14}" '
                f'text-anchor="middle">{escape(f"{row.day.day:%-d %b}")}</text>'
            )
    # The band over the bars, see-through, so neither hides the other.
    for i, row in enumerate(rows):
        norm = row.norm
        if norm is not None and norm.band is not None:
            band = norm.band
            high, low = _y(band.mean_high, top), _y(band.mean_low, top)
            label = f"Typical for week {norm.week}: {band.text}"
            parts.append(
                f'<rect class="norm-band{" interpolated" if norm.interpolated else ""}" '
                f'x="{n(LEFT + i * step)}" y="{n(high - 2)}" width="{n(step)}" height="{n(low - high + 4)}">'
                f"<title>{escape(label)}</title></rect>"
            )
    return SafeString(  # every text inside is escaped above
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-labelledby="{title_id}" '
        f'focusable="false"><title id="{title_id}">{escape(title)}</title>' + "".join(parts) + "</svg>"
    )


def settling_chart_svg(trends: Sequence[CaregiverTrend], *, title_id: str, title: str) -> SafeString:
    """Each caregiver's share of calm or settled sessions, week by week (weeks without answers: no dot)."""
    mondays = sorted({p.monday for t in trends for p in t.weeks})
    step = PLOT_WIDTH / max(len(mondays) - 1, 1)
    x_of = {monday: LEFT + i * step for i, monday in enumerate(mondays)}

    def y(share: float) -> float:
        return TOP + PLOT_HEIGHT * (1 - share)

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
    return line_chart_svg(LineChart(tuple(lines), ticks, labels), title_id=title_id, title=title)
