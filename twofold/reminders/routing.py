"""Who gets a reminder, as pure functions over plain values: the heart of reminders that wake only whoever is
on duty (EVIDENCE.md §4: a protected block of sleep is the point of the night plan).

The rules, in order:
1. A member gets only the topics they turned on, and nothing while paused or inside their quiet hours.
2. A parent inside tonight's planned protected block gets only the topics they asked for there.
3. Inside the household's night window, a reminder about the baby goes to whoever the plan puts on duty at
   that minute (a shift is [start, end): at the minute a shift changes, the one coming on gets it). With no
   plan, or a minute no shift covers, it goes to the members who chose night reminders.
4. The check-in and a screening offer are never sent inside the night window.
5. Outside the night window, and for every other topic, everyone left gets it.
Times are compared as instants (UTC), so a clock change moves nothing; only the night window and quiet hours
are read on the household's wall clock.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from twofold.reminders.topics import BABY, DAYTIME, Topic


@dataclass(frozen=True)
class Person:
    member_id: int
    topics: frozenset[Topic]
    night_reminders: bool = True
    in_my_block: frozenset[Topic] = frozenset()
    quiet: tuple[dt.time, dt.time] | None = None
    paused_until: dt.datetime | None = None


@dataclass(frozen=True)
class Stretch:
    """A shift on duty or a protected block: [start, end) as instants."""

    member_id: int
    start: dt.datetime
    end: dt.datetime

    def holds(self, at: dt.datetime) -> bool:
        return self.start <= at < self.end


@dataclass(frozen=True)
class Tonight:
    """Tonight's plan as it stands now (hand edits included): shifts and each parent's protected block."""

    shifts: tuple[Stretch, ...]
    protected: tuple[Stretch, ...] = ()


@dataclass(frozen=True)
class Household:
    zone: ZoneInfo
    night_start: dt.time
    night_end: dt.time


def within(local: dt.time, start: dt.time, end: dt.time) -> bool:
    """Whether a wall-clock time falls in [start, end), a window that may wrap past midnight."""
    if start <= end:
        return start <= local < end
    return local >= start or local < end


def is_night(household: Household, at: dt.datetime) -> bool:
    local = at.astimezone(household.zone).time()
    return within(local, household.night_start, household.night_end)


def on_duty(plan: Tonight | None, at: dt.datetime) -> frozenset[int]:
    if plan is None:
        return frozenset()
    return frozenset(s.member_id for s in plan.shifts if s.holds(at))


def in_block(plan: Tonight | None, member_id: int, at: dt.datetime) -> bool:
    return plan is not None and any(b.member_id == member_id and b.holds(at) for b in plan.protected)


def listening(person: Person, topic: Topic, at: dt.datetime, zone: ZoneInfo) -> bool:
    """Rule 1: the member's own choices, whoever is on duty."""
    if topic not in person.topics:
        return False
    if person.paused_until is not None and at < person.paused_until:
        return False
    return person.quiet is None or not within(at.astimezone(zone).time(), *person.quiet)


def recipients(
    topic: Topic,
    at: dt.datetime,
    household: Household,
    people: Sequence[Person],
    plan: Tonight | None,
) -> tuple[int, ...]:
    """The members who get a reminder about `topic` at instant `at`, in the order given."""
    chosen: list[int] = []
    night = is_night(household, at)
    if night and topic in DAYTIME:
        return ()
    duty = on_duty(plan, at)
    for person in people:
        if not listening(person, topic, at, household.zone):
            continue
        if in_block(plan, person.member_id, at) and topic not in person.in_my_block:
            continue
        if topic in BABY and night and not _takes_night(person, duty, plan, at, topic):
            continue
        chosen.append(person.member_id)
    return tuple(chosen)


def _takes_night(
    person: Person, duty: frozenset[int], plan: Tonight | None, at: dt.datetime, topic: Topic
) -> bool:
    if duty:
        # Someone is on shift: them, and a parent in their block who asked for it there (rule 2 let them by).
        return person.member_id in duty or (
            in_block(plan, person.member_id, at) and topic in person.in_my_block
        )
    return person.night_reminders
