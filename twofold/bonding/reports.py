"""The bonding pages' readings, built once from the selectors and the pure functions, for pages, API and
export alike. Nothing here renders HTML."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from twofold.bonding import colic, selectors
from twofold.bonding.crying import CryingDay, WhatHelped, daily_crying_minutes, what_helped
from twofold.bonding.models import BondingPlan, DayStatus
from twofold.bonding.norms import CryingNorm, crying_norm_for_days
from twofold.bonding.plan import (
    BOTTLE_CHOICES,
    BY_KEY,
    PLAN_AGE_WEEKS,
    Activity,
    activities_for,
    open_step,
    suggestion_for,
)
from twofold.bonding.selectors import DayRow, PlanRow
from twofold.bonding.trend import YOU, TrendReading, Voice, WeekPoint, reading_for, settling_trend
from twofold.households.models import Child

CRYING_DAYS = 28  # four weeks on the crying page: enough to see a pattern, short enough to read
TREND_WEEKS = 12  # the settling trend's window


def local_midnight(day: dt.date, zone: ZoneInfo) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=zone).astimezone(dt.UTC)


# ---- Today's suggestion ----


@dataclass(frozen=True)
class Suggestion:
    plan: BondingPlan | PlanRow
    activity: Activity
    outcome: DayRow | None  # today's done or skipped, if either
    step: int
    done_total: int
    older_child: bool

    @property
    def done(self) -> bool:
        return self.outcome is not None and self.outcome.status == DayStatus.DONE

    @property
    def bottles(self) -> tuple[str, ...]:
        """The bottles a bottle feed can be logged as, for this child: a mixed-fed baby's parent picks."""
        if self.activity.key != "bottle_feed":
            return ()
        return BOTTLE_CHOICES.get(self.plan.child.feeding_method, ())

    @property
    def skipped(self) -> bool:
        return self.outcome is not None and self.outcome.status == DayStatus.SKIPPED


def suggestion_of(plan: BondingPlan | PlanRow, days: list[DayRow], today: dt.date) -> Suggestion:
    """Today's one suggestion for a plan: the activity done or skipped today if either, else the plan's
    pick for the day (deterministic: the same day and history always give the same activity)."""
    mine = [d for d in days if d.plan_id == plan.pk]
    outcome = next((d for d in mine if d.day == today), None)
    counts = selectors.done_counts([d for d in mine if d.day != today], plan.pk)
    age_days = max(0, (today - plan.child.birth_date).days)
    activities = activities_for(plan.child.feeding_method)
    if outcome is not None and outcome.activity in BY_KEY:
        activity = BY_KEY[outcome.activity]
    else:
        day_index = max(0, (today - plan.started_on).days)
        activity = suggestion_for(day_index, age_days // 7, plan.child.feeding_method, counts)
    return Suggestion(
        plan=plan,
        activity=activity,
        outcome=outcome,
        step=open_step(activities, counts),
        done_total=sum(counts.values()) + (1 if outcome and outcome.status == DayStatus.DONE else 0),
        older_child=age_days // 7 >= PLAN_AGE_WEEKS,
    )


# ---- Crying ----


@dataclass(frozen=True)
class CryingDayRow:
    day: CryingDay
    age_days: int | None  # None before the birth date
    norm: CryingNorm | None

    @property
    def week(self) -> int | None:
        return self.norm.week if self.norm else None


@dataclass(frozen=True)
class CryingReport:
    child: Child
    rows: tuple[CryingDayRow, ...]
    wessel: colic.ColicResult
    modified: colic.ColicResult
    rome: colic.RomeCheck
    helped: WhatHelped
    names: dict[int, str]
    today: dt.date

    @property
    def age_weeks_today(self) -> int:
        return max(0, (self.today - self.child.birth_date).days) // 7 + 1

    @property
    def beyond_norms(self) -> bool:
        return all(r.norm is None or r.norm.band is None for r in self.rows)


def crying_report(*, child: Child, now: dt.datetime, days: int = CRYING_DAYS) -> CryingReport:
    """The last `days` local days of crying beside the norm for each day's age, the colic checks over the
    whole log since the birth, and what helped over the same window as the days. Two queries."""
    zone = child.household.zone
    today = now.astimezone(zone).date()
    first = max(child.birth_date, today - dt.timedelta(days=days - 1))
    first = min(first, today)
    # Colic reads the whole log since the birth: one query for every episode, split by day in Python.
    spans = selectors.crying_spans(
        child=child,
        lo=local_midnight(child.birth_date, zone),
        hi=local_midnight(today + dt.timedelta(1), zone),
    )
    all_days = daily_crying_minutes(spans, zone, min(child.birth_date, today), today, now)
    minutes = {d.day: d.minutes for d in all_days}
    window = [d for d in all_days if d.day >= first]
    rows = tuple(
        CryingDayRow(
            d, (d.day - child.birth_date).days, crying_norm_for_days((d.day - child.birth_date).days)
        )
        for d in window
    )
    lo = local_midnight(first, zone)
    recent = [s for s in spans if s.start >= lo]
    rome = colic.rome_iv(
        birth_date=child.birth_date,
        crying_from=next((d.day for d in all_days if d.minutes > 0), None),
        last_logged=next((d.day for d in reversed(all_days) if d.minutes > 0), None),
        today=today,
        cannot_prevent_or_soothe=None,
        fever=None,
        faltering_growth=None,
        illness=None,
        daily_minutes=minutes,
    )
    return CryingReport(
        child=child,
        rows=rows,
        wessel=colic.wessel(minutes, child.birth_date),
        modified=colic.modified_wessel(minutes, child.birth_date),
        rome=rome,
        helped=what_helped(recent),
        names=selectors.names_of(household=child.household),
        today=today,
    )


# ---- The settling trend ----


@dataclass(frozen=True)
class CaregiverTrend:
    member_id: int
    name: str
    weeks: tuple[WeekPoint, ...]
    reading: TrendReading


def settling_report(
    *,
    child: Child,
    now: dt.datetime,
    weeks: int = TREND_WEEKS,
    names: dict[int, str] | None = None,
    viewer_id: int | None = None,
) -> list[CaregiverTrend]:
    """Each caregiver's weeks over the last `weeks` local weeks (this one included), and its reading: the
    viewer's own in the second person, everyone else's by name (all by name when there is no viewer)."""
    zone = child.household.zone
    today = now.astimezone(zone).date()
    monday = today - dt.timedelta(days=today.weekday())
    lo = local_midnight(monday - dt.timedelta(weeks=weeks - 1), zone)
    sessions = selectors.settling_sessions(child=child, lo=lo, hi=now + dt.timedelta(minutes=1))
    names = names if names is not None else selectors.names_of(household=child.household)
    trend = settling_trend(sessions, zone)
    return [
        CaregiverTrend(
            member,
            names.get(member, "Someone who left"),
            points,
            reading_for(
                points,
                YOU if member == viewer_id else Voice(names.get(member, "someone who left")),
                age_weeks=max(0, (today - child.birth_date).days) // 7,
            ),
        )
        for member, points in trend.items()
    ]
