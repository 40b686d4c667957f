"""The growth chart drawn into the summary's PDF as vector lines, from the same plain values as the page's SVG
(`growth.chart.Drawing`): the same centile lines, points, gridlines and labels."""

from __future__ import annotations

from fpdf import FPDF

from twofold.growth.centiles import LINE_NAMES
from twofold.growth.chart import Drawing, age_ticks, value_scale

GRID = (221, 221, 221)
CENTILE = (160, 160, 160)
CHILD = (47, 111, 159)  # the page's first series colour
MUTED = (90, 90, 90)
LEFT_ROOM, RIGHT_ROOM, BOTTOM_ROOM = 14.0, 11.0, 5.0


def draw_chart(pdf: FPDF, drawing: Drawing, *, x: float, y: float, width: float, height: float) -> None:
    """Draw the chart in the box at (x, y), in millimetres; the caller moves on below it."""
    scale = value_scale(drawing, 6)
    left, top = x + LEFT_ROOM, y + 2
    plot_w, plot_h = width - LEFT_ROOM - RIGHT_ROOM, height - BOTTOM_ROOM - 2
    first, last = drawing.ages
    span = max(last - first, 1e-6)

    def px(age: float) -> float:
        return left + plot_w * (age - first) / span

    def py(value: float) -> float:
        shown = value / drawing.axis.per_unit
        return top + plot_h * (1 - (shown - scale.low) / (scale.high - scale.low))

    pdf.set_font(size=6.5)
    pdf.set_text_color(*MUTED)
    pdf.set_line_width(0.15)
    pdf.set_draw_color(*GRID)
    for tick in scale.ticks():
        yy = py(tick * drawing.axis.per_unit)
        pdf.line(left, yy, left + plot_w, yy)
        pdf.text(x, yy + 1, f"{tick:g} {drawing.axis.unit}")
    for age, label in age_ticks(drawing.ages, 8):
        pdf.text(px(age) - pdf.get_string_width(label) / 2, top + plot_h + 4, label)
    pdf.set_draw_color(*CENTILE)
    for name, line in zip(LINE_NAMES, drawing.lines, strict=True):
        if len(line) < 2:
            continue
        pdf.set_line_width(0.35 if name == "50th" else 0.15)
        pdf.polyline([(px(a), py(v)) for a, v in line])
        end_age, end_value = line[-1]
        pdf.text(px(end_age) + 1, py(end_value) + 1, name)
    pdf.set_draw_color(*CHILD)
    pdf.set_fill_color(*CHILD)
    pdf.set_line_width(0.5)
    points = [(px(p.age_years), py(p.value)) for p in drawing.points]
    if len(points) > 1:
        pdf.polyline(points)
    for cx, cy in points:
        pdf.circle(x=cx, y=cy, radius=0.8, style="F")
    pdf.set_text_color(0, 0, 0)
    pdf.set_draw_color(0, 0, 0)
    pdf.set_line_width(0.2)
