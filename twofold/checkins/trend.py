"""Fairness, sleep, mood and connection per parent over the revealed weeks: rows and chart geometry.

Only revealed weeks are in the trend, for every parent alike: a parent's own unrevealed answers stay on
the check-in page, so the trend never changes shape the moment the other parent answers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from twofold.checkins.gaps import RATINGS
from twofold.insights.charts import WIDE, Frame, Line, LineChart, Tick, XLabel, n, thin
from twofold.insights.periods import iso_week

TREND_WEEKS = 12
TITLES = {
    "fairness": "How fair the split feels",
    "sleep": "Sleep",
    "mood": "Mood",
    "connection": "How connected we feel",
}
# forms.SOLO_WORDS: a lone parent rates the share of the care and the support around them.
SOLO_TITLES = {
    **TITLES,
    "fairness": "How fair the share of the care feels",
    "connection": "How supported I feel",
}


@dataclass(frozen=True)
class Rated:
    """One parent's ratings in one revealed week."""

    week: dt.date
    member_id: int
    name: str
    fairness: int
    sleep: int
    mood: int
    connection: int


@dataclass(frozen=True)
class TrendRow:
    week: str
    name: str
    cells: tuple[int, ...]  # in the order of RATINGS


def trend_rows(rated: Sequence[Rated]) -> list[TrendRow]:
    """The chart's text equivalent: a row per parent per week, oldest week first."""
    ordered = sorted(rated, key=lambda r: (r.week, r.name))
    return [TrendRow(iso_week(r.week), r.name, tuple(getattr(r, s) for s in RATINGS)) for r in ordered]


def rating_chart(
    rated: Sequence[Rated], subject: str, people: Sequence[tuple[int, str]], frame: Frame = WIDE
) -> LineChart:
    """One line per parent for one rating (0-10), weeks along the bottom."""
    weeks = sorted({r.week for r in rated})
    step = frame.plot_width / max(len(weeks) - 1, 1)
    left = frame.left

    def y(value: int) -> float:
        return frame.top + frame.plot_height * (1 - value / 10)

    lines = []
    for series, (member_id, name) in enumerate(people):
        mine = {r.week: getattr(r, subject) for r in rated if r.member_id == member_id}
        dots = tuple(
            (n(left + i * step), n(y(mine[week])), f"{name}, {iso_week(week)}: {mine[week]} out of 10")
            for i, week in enumerate(weeks)
            if week in mine
        )
        if dots:
            points = " ".join(f"{x},{yy}" for x, yy, _ in dots)
            lines.append(Line(series, name, points, dots))
    ticks = tuple(Tick(n(y(v)), str(v)) for v in (0, 2, 4, 6, 8, 10))
    labels = tuple(XLabel(n(left + i * step), iso_week(week)[-3:]) for i, week in enumerate(weeks))
    return LineChart(tuple(lines), ticks, thin(labels), frame)
