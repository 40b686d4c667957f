"""Checks on shifts set by hand: pure, so the page's form, the API and the tests share one set of rules.

A hand-made plan may leave part of the night uncovered (the plan then says so, plainly); everything else
here is refused with a message that says what to change.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from twofold.insights.periods import Night, in_night
from twofold.nights.planner import moment_in

NOT_A_MEMBER = "Choose someone in this household."
ENDS_BEFORE_START = "A shift has to end after it starts: make “to” later than “from”."
OUTSIDE_NIGHT = "Keep shifts inside the night, {start} to {end} (the household's night window)."
OVERLAPS = "This shift overlaps {name}'s {start}–{end}: someone is on duty at a time, so move one of them."
NO_SHIFTS = "Give the night at least one shift, or go back to the planner's plan."


@dataclass(frozen=True)
class Duty:
    member_id: int
    start: dt.datetime
    end: dt.datetime


@dataclass(frozen=True)
class Problem:
    row: int  # which shift, from 0, in the order given
    field: str  # "member", "start" or "end"
    message: str


def place_clock(clock: dt.time, night: Night, zone: ZoneInfo, *, is_end: bool) -> dt.datetime | None:
    """A local clock time placed in the night, or None when the night window does not contain it."""
    local_start = night.start.astimezone(zone).time()
    local_end = night.end.astimezone(zone).time()
    if clock == local_end and is_end:
        return night.end
    if not in_night(clock, local_start, local_end):
        return None
    return moment_in(clock, night, zone)


def check(
    duty: Sequence[Duty], night: Night, zone: ZoneInfo, members: Collection[int], names: dict[int, str]
) -> list[Problem]:
    """Every problem with these shifts; an empty list means they can be kept."""
    if not duty:
        return [Problem(0, "member", NO_SHIFTS)]
    problems: list[Problem] = []
    window = OUTSIDE_NIGHT.format(start=_clock(night.start, zone), end=_clock(night.end, zone))
    for i, d in enumerate(duty):
        if d.member_id not in members:
            problems.append(Problem(i, "member", NOT_A_MEMBER))
        if not night.start <= d.start < night.end:
            problems.append(Problem(i, "start", window))
        if not night.start < d.end <= night.end:
            problems.append(Problem(i, "end", window))
        elif d.end <= d.start:
            problems.append(Problem(i, "end", ENDS_BEFORE_START))
    if problems:
        return problems
    ordered = sorted(range(len(duty)), key=lambda i: (duty[i].start, i))
    for before, after in zip(ordered, ordered[1:], strict=False):
        if duty[after].start < duty[before].end:
            b = duty[before]
            problems.append(
                Problem(
                    after,
                    "start",
                    OVERLAPS.format(
                        name=names.get(b.member_id, "someone"),
                        start=_clock(b.start, zone),
                        end=_clock(b.end, zone),
                    ),
                )
            )
    return problems


def _clock(moment: dt.datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")
