"""The weekly report outside the Us page: a JSON document (API and `twofold report --format json`) and text.

Both are built from the same WeekReport the page shows, so every adapter says the same thing. Numbers in
the document are plain: minutes and percentages with one decimal, shares `null` when there was nothing
to share, instants as UTC ISO 8601, days and clock times in the household's zone. Keys come in a fixed
order, so the same week gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from twofold.care.models import Kind
from twofold.households.models import Household
from twofold.insights import presenters
from twofold.insights.nights import NightSummary
from twofold.insights.periods import iso_week, parse_iso_week
from twofold.insights.thresholds import (
    RESETTLE_ALLOWANCE,
    SHORT_SLEEP,
    SHORT_SLEEP_NIGHTS,
    SOURCE,
    WAKING_GAP,
)
from twofold.insights.week import Person, WeekReport

FUTURE_WEEK = "{week} has not happened yet. This week is {this_week}: ask for it or an earlier week."
NOT_A_WEEK = "{problem} This week is {this_week}."

Document = dict[str, Any]

PEOPLE_COLUMNS = (
    "Person",
    "Role",
    "Events",
    "Share",
    "Care time",
    "Share",
    "Day",
    "Night",
    "Wakings",
    "Longest sleep",
)
LONGEST_SLEEP_MEANS = (
    "Longest sleep is each parent's average longest unbroken stretch over the nights that ended."
)
NO_NIGHTS_YET = "No nights of this week have begun yet."


def requested_week(text: str | None, *, today: dt.date) -> dt.date:
    """The Monday of the ISO week asked for (this week when none is), or ValueError saying what to ask."""
    this_monday = today - dt.timedelta(days=today.weekday())
    if text is None or not text.strip():
        return this_monday
    try:
        monday = parse_iso_week(text)
    except ValueError as error:
        raise ValueError(NOT_A_WEEK.format(problem=error, this_week=iso_week(today))) from None
    if monday > this_monday:
        raise ValueError(FUTURE_WEEK.format(week=iso_week(monday), this_week=iso_week(today)))
    return monday


def _minutes(value: float | dt.timedelta | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, dt.timedelta):
        value = value.total_seconds() / 60
    return round(value, 1)


def _percent(share: Fraction | None) -> float | None:
    return None if share is None else round(float(share) * 100, 1)


def _instant(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def _role(person: Person) -> str:
    # The report follows the sleep of the household's current parents; everyone else's care counts as help.
    return "parent" if person.is_parent else "helper"


def _person(report: WeekReport, person: Person) -> Document:
    load = report.load
    mine = load.members.get(person.id)
    by_kind = mine.by_kind if mine else {}
    return {
        "id": person.id,
        "name": person.name,
        "role": _role(person),
        "events": mine.total.events if mine else 0,
        "event_share": _percent(load.event_share(person.id) if load.events else None),
        "care_minutes": _minutes(mine.total.minutes if mine else 0.0),
        "minute_share": _percent(load.minute_share(person.id) if load.minutes > 0 else None),
        "day_events": mine.day.events if mine else 0,
        "night_events": mine.night.events if mine else 0,
        "night_wakings_handled": report.handled.get(person.id, 0),
        "by_kind": {
            kind: {"events": by_kind[kind].events, "minutes": _minutes(by_kind[kind].minutes)}
            for kind in Kind.values
            if kind in by_kind and by_kind[kind].events
        },
    }


def _night(report: WeekReport, duty: NightSummary) -> Document:
    return {
        "date": duty.night.of.isoformat(),
        "start": _instant(duty.night.start),
        "end": _instant(duty.night.end),
        "complete": duty in report.complete,
        "wakings": duty.wakings,
        "parents": [
            {
                "id": parent.id,
                "longest_sleep_minutes": _minutes(duty.longest_sleep.get(parent.id, duty.night.length)),
                "minutes_awake": _minutes(duty.awake_minutes.get(parent.id, 0.0)),
                "wakings_handled": duty.handled.get(parent.id, 0),
            }
            for parent in report.parents
        ],
    }


def _parent(report: WeekReport, parent: Person) -> Document:
    found = report.streaks[parent.id]
    return {
        "id": parent.id,
        "name": parent.name,
        "average_longest_sleep_minutes": _minutes(report.average_longest_sleep.get(parent.id)),
        "streaks": {
            "handled_every_waking_nights": found.carried_every_waking,
            "short_sleep_nights": found.short_sleep,
        },
    }


def _threshold_minutes(delta: dt.timedelta) -> int:
    return int(delta.total_seconds() // 60)


def report_document(report: WeekReport, household: Household) -> Document:
    """The week as plain JSON-able values, for the API and `twofold report --format json`."""
    week = report.week
    return {
        "household": {"id": household.pk, "name": household.name},
        "week": {
            "label": week.label,
            "first_day": week.monday.isoformat(),
            "last_day": (week.monday + dt.timedelta(days=6)).isoformat(),
            "start": _instant(week.start),
            "end": _instant(week.end),
        },
        "night_window": {
            "start": f"{household.night_start:%H:%M}",
            "end": f"{household.night_end:%H:%M}",
            "time_zone": household.time_zone,
        },
        "sentences": list(report.sentences),
        "totals": {
            "events": report.load.events,
            "care_minutes": _minutes(report.load.minutes),
            "night_events": report.load.night_events,
            "night_wakings": report.wakings,
            "nights_begun": len(report.duties),
            "nights_ended": len(report.complete),
        },
        "people": [_person(report, person) for person in report.people],
        "parents": [_parent(report, parent) for parent in report.parents],
        "nights": [_night(report, duty) for duty in report.duties],
        "trend": [
            {
                "week": point.week,
                "wakings": point.wakings,
                "night_share": [
                    {
                        "id": person.id,
                        "percent": _percent(point.night_share.get(person.id, Fraction(0)))
                        if point.wakings
                        else None,
                    }
                    for person in report.people
                ],
            }
            for point in report.trend
        ],
        "thresholds": {
            "resettle_allowance_minutes": _threshold_minutes(RESETTLE_ALLOWANCE),
            "short_sleep_minutes": _threshold_minutes(SHORT_SLEEP),
            "short_sleep_nights": SHORT_SLEEP_NIGHTS,
            "waking_gap_minutes": _threshold_minutes(WAKING_GAP),
            "source": SOURCE,
        },
    }


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], *, left: int = 1) -> list[str]:
    """Columns padded to their widest cell: the first `left` (words) to the left, numbers to the right."""
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        padded = [
            cell.ljust(width) if i < left else cell.rjust(width)
            for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(padded).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(row) for row in rows)]


def report_text(report: WeekReport, household: Household) -> str:
    """A plain-text weekly summary, as the printable page says it: sentences, who did what, each night."""
    monday = report.week.monday
    sunday = monday + dt.timedelta(days=6)
    title = f"{household.name}: the week of {monday.day} {monday:%B %Y} ({report.week.label})"
    people = presenters.active_people(report)
    parents = [p for p in people if p.is_parent]
    lines = [
        title,
        "=" * len(title),
        f"Monday {monday.day} {monday:%B} to Sunday {sunday.day} {sunday:%B %Y}",
        "",
    ]
    lines += [*report.sentences, ""]

    lines += ["Who did what", ""]
    lines += _table(
        PEOPLE_COLUMNS,
        [
            (
                row.name,
                row.role,
                str(row.events),
                row.event_share,
                row.minutes,
                row.minute_share,
                str(row.day_events),
                str(row.night_events),
                str(row.night_wakings),
                row.average_sleep,
            )
            for row in presenters.person_rows(report, people)
        ],
        left=2,
    )
    lines += ["", LONGEST_SLEEP_MEANS, ""]

    night = f"{household.night_start:%H:%M} to {household.night_end:%H:%M}, {household.time_zone}"
    lines += [f"Longest sleep each night ({night})", ""]
    sleep_rows = presenters.sleep_rows(report, parents)
    if sleep_rows:
        lines += _table(
            ("Night", *(p.name for p in parents), "Wakings"), [(row.label, *row.cells) for row in sleep_rows]
        )
    else:
        lines.append(NO_NIGHTS_YET)
    lines += ["", SOURCE, ""]
    return "\n".join(lines)
