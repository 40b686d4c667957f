"""The planner's vocabulary: who shares the night, what they asked for, and the plan that comes back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from twofold.insights.periods import Night
from twofold.nights.evidence import DEFAULT_TARGET

Clock = dt.time | dt.datetime


class Feeding(StrEnum):
    BOTTLE = "bottle"  # formula or expressed milk: whoever is on duty feeds
    BREAST = "breast"  # exclusive breastfeeding: the feeding parent is woken for every feed


class Fairness(StrEnum):
    EVEN = "even"
    PROTECT_LOWER = "protect_lower"
    ALTERNATE = "alternate"


@dataclass(frozen=True)
class Person:
    """Someone who can share the night. Times are local clock times for any night, or exact datetimes."""

    member_id: int
    name: str
    role: str = "parent"  # "parent" or "helper"
    available_from: Clock | None = None
    available_until: Clock | None = None
    work_morning: bool = False
    min_block: dt.timedelta = DEFAULT_TARGET
    can_feed: bool = False  # the breastfeeding parent
    recent_sleep: dt.timedelta | None = None  # their usual longest block lately, for PROTECT_LOWER
    # A parent's own night: a protected block only counts between their usual bedtime and latest wake-up.
    sleep_from: Clock | None = None
    sleep_until: Clock | None = None

    @property
    def is_parent(self) -> bool:
        return self.role == "parent"


@dataclass(frozen=True)
class PlanRequest:
    night: Night
    zone: ZoneInfo
    people: tuple[Person, ...]
    feeding: Feeding = Feeding.BOTTLE
    fairness: Fairness = Fairness.EVEN
    helper_night: bool = False
    turn: int | None = None  # ALTERNATE: the parent whose night on it is; the first parent when None

    def __post_init__(self) -> None:
        ids = [p.member_id for p in self.people]
        if len(set(ids)) != len(ids):
            raise ValueError("Each person can appear only once in a plan.")
        if not any(p.is_parent for p in self.people):
            raise ValueError("A plan needs at least one parent.")

    @property
    def parents(self) -> tuple[Person, ...]:
        return tuple(p for p in self.people if p.is_parent)

    @property
    def feeder(self) -> Person | None:
        """The breastfeeding parent; with BOTTLE feeds nobody is woken for feeds off duty."""
        if self.feeding is not Feeding.BREAST:
            return None
        return next((p for p in self.parents if p.can_feed), None)

    def name_of(self, member_id: int) -> str:
        return next(p.name for p in self.people if p.member_id == member_id)


@dataclass(frozen=True)
class Shift:
    member_id: int
    start: dt.datetime
    end: dt.datetime
    expected_wakings: float
    expected_feeds: float


@dataclass(frozen=True)
class Block:
    """A parent's protected block: [start, end), empty when they have none tonight."""

    member_id: int
    start: dt.datetime
    end: dt.datetime

    @property
    def length(self) -> dt.timedelta:
        return self.end - self.start


@dataclass(frozen=True)
class Plan:
    night: Night
    shifts: tuple[Shift, ...]
    protected: tuple[Block, ...]
    explanation: tuple[str, ...]
    unmet: tuple[str, ...]

    @property
    def feasible(self) -> bool:
        return bool(self.shifts)

    def block_for(self, member_id: int) -> Block:
        return next(b for b in self.protected if b.member_id == member_id)
