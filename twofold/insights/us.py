"""The Us page's own part: the week's report, charts and tables, for the top floor to compose."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from twofold.households.models import Member
from twofold.insights import presenters
from twofold.insights.charts import bar_chart_svg, both_widths, line_chart_svg, share_trend_chart, sleep_chart
from twofold.insights.periods import iso_week, night_of, parse_iso_week
from twofold.insights.selectors import week_report_for
from twofold.insights.thresholds import RESETTLE_ALLOWANCE, SHORT_SLEEP, SOURCE
from twofold.insights.week import WeekReport

FUTURE_WEEK = "That week has not happened yet, so here is this week."
LAST_WEEK_FIRST = "This week has only just begun, so here is last week."


class WeekPage(NamedTuple):
    context: dict[str, object]
    status: int
    report: WeekReport


def _monday(wanted: str, today: dt.date) -> tuple[dt.date, str | None]:
    this_monday = today - dt.timedelta(days=today.weekday())
    if not wanted:
        return this_monday, None
    try:
        monday = parse_iso_week(wanted)
    except ValueError as error:
        return this_monday, f"{error} Showing this week instead."
    if monday > this_monday:
        return this_monday, FUTURE_WEEK
    return monday, None


def week_page(*, member: Member, wanted: str, now: dt.datetime) -> WeekPage:
    """The Us page's own part for the week asked for (`wanted`, an ISO week, or "" for this one)."""
    household = member.household
    today = now.astimezone(household.zone).date()
    wanted = wanted.strip()
    monday, problem = _monday(wanted, today)
    note = None
    first_night = night_of(monday, household.zone, household.night_start, household.night_end)
    if not wanted and first_night.end > now:
        # On a Monday morning this week has no finished night yet: last week says more.
        monday -= dt.timedelta(weeks=1)
        note = LAST_WEEK_FIRST
    report = week_report_for(household=household, monday=monday, now=now)
    people = presenters.active_people(report)
    parents = [p for p in people if p.is_parent]
    context: dict[str, object] = {
        "report": report,
        "people": presenters.person_rows(report, people),
        "parents": parents,
        "kinds": presenters.kind_rows(report, people, household.locale),
        "sleep_rows": presenters.sleep_rows(report, parents),
        "trend_rows": presenters.trend_rows(report, people),
        "sleep_svg": both_widths(
            lambda frame: bar_chart_svg(
                sleep_chart(report.duties, parents, SHORT_SLEEP, frame),
                title_id="sleep-chart-title",
                title="Bar chart of each parent's longest sleep per night; "
                "the table below has the same figures.",
            )
        ),
        "trend_svg": both_widths(
            lambda frame: line_chart_svg(
                share_trend_chart(report.trend, people, frame),
                title_id="trend-chart-title",
                title="Line chart of each person's share of the night wakings per week; "
                "the table below has the same figures.",
            )
        ),
        # Each table cell's column name, for the phone layout where a row becomes a block (data-label).
        "sleep_labels": [p.name for p in parents] + ["Wakings"],
        "trend_labels": [p.name for p in people] + ["Wakings"],
        "kind_labels": [p.name for p in people],
        "week": report.week.label,
        "week_start": monday,
        "week_end": monday + dt.timedelta(days=6),
        "previous_week": iso_week(monday - dt.timedelta(weeks=1)),
        "next_week": iso_week(monday + dt.timedelta(weeks=1))
        if monday + dt.timedelta(weeks=1) <= today
        else None,
        "source": SOURCE,
        "allowance_minutes": int(RESETTLE_ALLOWANCE.total_seconds() // 60),
        "problem": problem,
        "note": note,
    }
    return WeekPage(context, 400 if problem and problem != FUTURE_WEEK else 200, report)
