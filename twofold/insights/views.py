"""The Us page and its printable weekly summary: parents only."""

from __future__ import annotations

import datetime as dt

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from twofold.checkins.us import us_context as checkin_us
from twofold.households.access import MemberRequest, parent_required
from twofold.insights import presenters
from twofold.insights.charts import bar_chart_svg, line_chart_svg, share_trend_chart, sleep_chart
from twofold.insights.periods import iso_week, night_of, parse_iso_week
from twofold.insights.selectors import week_report_for
from twofold.insights.thresholds import RESETTLE_ALLOWANCE, SHORT_SLEEP, SOURCE
from twofold.nights.us import us_context as nights_us

FUTURE_WEEK = "That week has not happened yet, so here is this week."
LAST_WEEK_FIRST = "This week has only just begun, so here is last week."


def _monday(request: MemberRequest, today: dt.date) -> tuple[dt.date, str | None]:
    this_monday = today - dt.timedelta(days=today.weekday())
    wanted = request.GET.get("week", "").strip()
    if not wanted:
        return this_monday, None
    try:
        monday = parse_iso_week(wanted)
    except ValueError as error:
        return this_monday, f"{error} Showing this week instead."
    if monday > this_monday:
        return this_monday, FUTURE_WEEK
    return monday, None


def _context(request: MemberRequest) -> tuple[dict[str, object], int]:
    household = request.household
    now = timezone.now()
    today = now.astimezone(household.zone).date()
    monday, problem = _monday(request, today)
    note = None
    first_night = night_of(monday, household.zone, household.night_start, household.night_end)
    if not request.GET.get("week") and first_night.end > now:
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
        "sleep_svg": bar_chart_svg(
            sleep_chart(report.duties, parents, SHORT_SLEEP),
            title_id="sleep-chart-title",
            title="Bar chart of each parent's longest sleep per night; the table below has the same figures.",
        ),
        "trend_svg": line_chart_svg(
            share_trend_chart(report.trend, people),
            title_id="trend-chart-title",
            title="Line chart of each person's share of the night wakings per week; "
            "the table below has the same figures.",
        ),
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
        "nights": nights_us(member=request.member, report=report, now=now),
        "checkin": checkin_us(member=request.member, report=report, now=now),
    }
    return context, 400 if problem and problem != FUTURE_WEEK else 200


@parent_required
def us(request: MemberRequest) -> HttpResponse:
    context, status = _context(request)
    return render(request, "insights/us.html", context, status=status)


@parent_required
def summary(request: MemberRequest) -> HttpResponse:
    context, status = _context(request)
    return render(request, "insights/summary.html", context, status=status)
