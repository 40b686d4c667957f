"""The plan set beside the log, the morning after: which wakings fell in whose shift, who got up for them,
and each parent's longest sleep opportunity against their planned protected block.

Pure. A waking belongs to the shift it started in. It was "as planned" when the member on duty took part
in it (for a breastfed baby the other parent feeding during someone else's shift is part of the plan);
"covered by someone else" when only others got up; "outside the plan" when no shift covered that moment.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from twofold.insights.nights import Waking, night_duty
from twofold.insights.periods import Night
from twofold.insights.spans import CareSpan

Interval = tuple[int, dt.datetime, dt.datetime]  # member id, start, end


class Fit(StrEnum):
    AS_PLANNED = "as_planned"
    COVERED = "covered"  # the member on duty did not get up; someone else did
    NO_SHIFT = "no_shift"  # no shift covered that moment


@dataclass(frozen=True)
class Attributed:
    waking: Waking
    on_duty: int | None  # the member whose shift it fell in
    fit: Fit

    @property
    def handled_by(self) -> int:
        return self.waking.handled_by


@dataclass(frozen=True)
class SleepAgainstPlan:
    member_id: int
    planned: dt.timedelta
    actual: dt.timedelta

    @property
    def met(self) -> bool:
        return self.actual >= self.planned


@dataclass(frozen=True)
class NightAgainstPlan:
    night: Night
    wakings: tuple[Attributed, ...]
    sleep: tuple[SleepAgainstPlan, ...]
    ended: bool

    def count(self, fit: Fit) -> int:
        return sum(1 for a in self.wakings if a.fit is fit)

    def in_shift_of(self, member_id: int) -> int:
        return sum(1 for a in self.wakings if a.on_duty == member_id)

    def handled_in_own_shift(self, member_id: int) -> int:
        return sum(1 for a in self.wakings if a.on_duty == member_id and member_id in a.waking.members())

    def covered_for_others(self, member_id: int) -> int:
        """Wakings this member got up for in someone else's shift, or when nobody was on duty."""
        return sum(1 for a in self.wakings if a.on_duty != member_id and a.handled_by == member_id)


def on_duty_at(shifts: Sequence[Interval], moment: dt.datetime) -> int | None:
    return next((m for m, start, end in shifts if start <= moment < end), None)


def attribute(waking: Waking, shifts: Sequence[Interval]) -> Attributed:
    who = on_duty_at(shifts, waking.start)
    if who is None:
        return Attributed(waking, None, Fit.NO_SHIFT)
    if who in waking.members():
        return Attributed(waking, who, Fit.AS_PLANNED)
    return Attributed(waking, who, Fit.COVERED)


def compare(
    spans: Sequence[CareSpan],
    night: Night,
    *,
    shifts: Sequence[Interval],
    planned: Mapping[int, dt.timedelta],
    now: dt.datetime,
) -> NightAgainstPlan:
    """The night as logged, against its plan. `planned` is each parent's planned protected block."""
    duty = night_duty(spans, night, parent_ids=list(planned), now=now)
    wakings = tuple(attribute(w, shifts) for w in duty.wakings)
    sleep = tuple(
        SleepAgainstPlan(member, length, duty.longest_sleep.get(member, night.length))
        for member, length in planned.items()
    )
    return NightAgainstPlan(night, wakings, sleep, night.end <= now)
