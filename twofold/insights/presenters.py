"""The Us page's tables as lists of strings, so templates only print (and charts have a text twin)."""

from __future__ import annotations

from dataclasses import dataclass

from twofold.care.labels import event_label
from twofold.care.models import Kind
from twofold.insights.percent import shown, whole_percents
from twofold.insights.week import Person, WeekReport, hours_minutes


@dataclass(frozen=True)
class PersonRow:
    series: int
    name: str
    role: str
    events: int
    event_share: str
    minutes: str
    minute_share: str
    day_events: int
    night_events: int
    night_wakings: int
    average_sleep: str


@dataclass(frozen=True)
class TableRow:
    label: str
    cells: tuple[str, ...]


def _minutes(total: float) -> str:
    minutes = round(total)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d}" if hours else f"{minutes} min"


def active_people(report: WeekReport) -> list[Person]:
    """Parents always; helpers and former members only when they did something this week or in the trend."""
    seen = {m for m, load in report.load.members.items() if load.total.events} | {
        m for point in report.trend for m, share in point.night_share.items() if share
    }
    return [p for p in report.people if p.is_parent or p.id in seen]


def person_rows(report: WeekReport, people: list[Person]) -> list[PersonRow]:
    rows = []
    events, minutes = report.load.event_percents(), report.load.minute_percents()
    for i, person in enumerate(people):
        load = report.load.members.get(person.id)
        average = report.average_longest_sleep.get(person.id)
        rows.append(
            PersonRow(
                series=i,
                name=person.name,
                role="parent" if person.is_parent else "helper",
                events=load.total.events if load else 0,
                event_share=shown(events.get(person.id, 0)),
                minutes=_minutes(load.total.minutes if load else 0),
                minute_share=shown(minutes.get(person.id, 0)),
                day_events=load.day.events if load else 0,
                night_events=load.night.events if load else 0,
                night_wakings=report.handled.get(person.id, 0),
                average_sleep=hours_minutes(average) if person.is_parent else "",
            )
        )
    return rows


def kind_rows(report: WeekReport, people: list[Person], locale: str) -> list[TableRow]:
    rows = []
    for kind in Kind.values:
        cells = []
        for person in people:
            load = report.load.members.get(person.id)
            tally = load.by_kind.get(kind) if load else None
            if tally is None or tally.events == 0:
                cells.append("—")
            elif tally.minutes >= 1:
                cells.append(f"{tally.events} · {_minutes(tally.minutes)}")
            else:
                cells.append(str(tally.events))
        if any(c != "—" for c in cells):
            rows.append(TableRow(event_label(kind, locale), tuple(cells)))
    return rows


def sleep_rows(report: WeekReport, parents: list[Person]) -> list[TableRow]:
    rows = []
    for duty in report.duties:
        label = f"{duty.night.of:%a} {duty.night.of.day} {duty.night.of:%b}"
        if duty not in report.complete:
            label += " (still going)"
        cells = [hours_minutes(duty.longest_sleep.get(p.id)) for p in parents]
        cells.append(str(duty.wakings))
        rows.append(TableRow(label, tuple(cells)))
    return rows


def trend_rows(report: WeekReport, people: list[Person]) -> list[TableRow]:
    rows = []
    for point in report.trend:
        if point.wakings:
            percents = whole_percents(point.night_share)
            cells = [shown(percents.get(p.id, 0)) for p in people]
        else:
            cells = ["—" for _ in people]
        rows.append(TableRow(point.week, (*cells, str(point.wakings))))
    return rows
