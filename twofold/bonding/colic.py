"""Colic checks on a baby's logged crying: Wessel, the modified Wessel rule and Rome IV's criteria.

A check is never a diagnosis (Decisions, Crying): every result ends with "ask a health professional", met or
not. The checks read only what was logged: a day with no log counts as a day without 3 hours of crying, so
a short log can miss a pattern but never invents one.

The modified rule's "in any one week" (EVIDENCE.md §3.2) is any 7 days in a row. Wessel's "more than 3 days
a week, for more than 3 weeks" counts weeks of life from the birth date (days 0–6 are week 1), weeks in a
row: Twofold's reading, which the page says.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from twofold.bonding.evidence import (
    COLIC_HOURS_MIN,
    MODIFIED_DAYS_IN_WEEK,
    MODIFIED_WESSEL,
    ROME_IV,
    ROME_IV_RESEARCH_DAYS,
    ROME_IV_UNDER_MONTHS,
    WESSEL_1954,
    WESSEL_DAYS_PER_WEEK,
    WESSEL_WEEKS,
    Source,
)
from twofold.households.ages import age_in_words

ASK_A_PROFESSIONAL = (
    "This is not a diagnosis. Ask a health professional (your GP, health visitor or paediatrician) about "
    "your baby's crying: they can check for other causes and help you cope."
)
ASK_ANYWAY = (
    "If the crying worries you, ask a health professional anyway: these rules describe a pattern, and your "
    "worry counts whatever the numbers say."
)
RED_FLAGS_FIRST = "If your baby seems unwell, the red flags come first, whatever this check says."
FROM_THE_LOG = "Based only on the crying you logged: a day without a log counts as a day under 3 hours."

WESSEL_MET = (
    "The log shows more than 3 hours of crying a day, on more than 3 days a week, for more than 3 weeks in "
    "a row (weeks of life, counted from the birth date): the pattern the Wessel “rule of threes” describes."
)
WESSEL_NOT_MET = (
    "The log does not show the Wessel pattern (more than 3 hours a day, more than 3 days a week, for more "
    "than 3 weeks; Twofold counts weeks of life, from the birth date)."
)
MODIFIED_MET = (
    "In at least one week (any 7 days in a row) the log shows more than 3 hours of crying on 3 or more "
    "days: the pattern the modified rule describes."
)
MODIFIED_NOT_MET = "No 7 days in a row in the log have more than 3 hours of crying on 3 or more days."


class Status(StrEnum):
    MET = "met"
    NOT_MET = "not_met"
    UNKNOWN = "unknown"  # only a health professional can say (fever, growth, illness)
    NOT_YET = "not_yet"  # cannot be answered yet: the crying is still going, or none is logged


@dataclass(frozen=True)
class WeekCount:
    week: int  # week of life
    long_days: int  # days long enough for the rule (more than 3 hours; 3 hours or more for Rome IV)


@dataclass(frozen=True)
class ColicResult:
    rule: str
    met: bool
    wording: str
    weeks: tuple[WeekCount, ...]
    source: Source
    ask: str = ASK_A_PROFESSIONAL
    caveats: tuple[str, ...] = (FROM_THE_LOG, RED_FLAGS_FIRST)


@dataclass(frozen=True)
class Criterion:
    name: str
    status: Status
    wording: str


@dataclass(frozen=True)
class RomeCheck:
    criteria: tuple[Criterion, ...]
    research_long_days: bool  # research use: the log has ≥3 h on ≥3 days of one week
    source: Source
    ask: str = ASK_A_PROFESSIONAL

    @property
    def all_met(self) -> bool:
        return all(c.status is Status.MET for c in self.criteria)

    @property
    def any_not_met(self) -> bool:
        return any(c.status is Status.NOT_MET for c in self.criteria)


def is_long_day(minutes: float) -> bool:
    """More than 3 hours: exactly 3 hours is not more than 3 hours."""
    return minutes > COLIC_HOURS_MIN


def at_least_three_hours(minutes: float) -> bool:
    """Rome IV's research criteria say "3 hours or more": here exactly 3 hours counts."""
    return minutes >= COLIC_HOURS_MIN


def long_days_per_week(
    daily_minutes: Mapping[dt.date, float],
    birth_date: dt.date,
    *,
    long: Callable[[float], bool] = is_long_day,
) -> tuple[WeekCount, ...]:
    """Long days in each week of life from the first to the last logged day, empty weeks included."""
    counts: Counter[int] = Counter()
    weeks = [_week(day, birth_date) for day in daily_minutes if day >= birth_date]
    if not weeks:
        return ()
    for day, minutes in daily_minutes.items():
        if day >= birth_date and long(minutes):
            counts[_week(day, birth_date)] += 1
    return tuple(WeekCount(week, counts[week]) for week in range(min(weeks), max(weeks) + 1))


def wessel(daily_minutes: Mapping[dt.date, float], birth_date: dt.date) -> ColicResult:
    weeks = long_days_per_week(daily_minutes, birth_date)
    run = longest = 0
    for week in weeks:
        run = run + 1 if week.long_days > WESSEL_DAYS_PER_WEEK else 0
        longest = max(longest, run)
    met = longest > WESSEL_WEEKS
    wording = WESSEL_MET if met else WESSEL_NOT_MET
    return ColicResult("wessel", met, wording, weeks, WESSEL_1954, ASK_A_PROFESSIONAL if met else ASK_ANYWAY)


def modified_wessel(daily_minutes: Mapping[dt.date, float], birth_date: dt.date) -> ColicResult:
    weeks = long_days_per_week(daily_minutes, birth_date)
    long_days = sorted(
        day for day, minutes in daily_minutes.items() if day >= birth_date and is_long_day(minutes)
    )
    # Any one week: some 7 days in a row, wherever they start, hold MODIFIED_DAYS_IN_WEEK long days.
    met = any(
        (long_days[i + MODIFIED_DAYS_IN_WEEK - 1] - long_days[i]).days < 7
        for i in range(len(long_days) - MODIFIED_DAYS_IN_WEEK + 1)
    )
    wording = MODIFIED_MET if met else MODIFIED_NOT_MET
    return ColicResult(
        "modified_wessel", met, wording, weeks, MODIFIED_WESSEL, ASK_A_PROFESSIONAL if met else ASK_ANYWAY
    )


def rome_iv(
    *,
    birth_date: dt.date,
    crying_from: dt.date | None,
    last_logged: dt.date | None,
    today: dt.date,
    cannot_prevent_or_soothe: bool | None,
    fever: bool | None,
    faltering_growth: bool | None,
    illness: bool | None,
    daily_minutes: Mapping[dt.date, float],
) -> RomeCheck:
    """Rome IV's three clinical criteria as far as parents can answer them; `None` means not answered.

    Fever, faltering growth and illness are for a health professional to rule out: a "no" from the parent is
    recorded as unknown, not met, because only an examination can say so. A "yes" rules the pattern out of
    Rome IV's definition, and is a reason to ask a health professional soon."""
    age = _under_five_months(birth_date, crying_from, last_logged, today)
    if cannot_prevent_or_soothe is None:
        soothe = Criterion(
            "cannot_soothe",
            Status.UNKNOWN,
            "Twofold does not ask this: tell a health professional whether you can usually prevent or soothe "
            "the crying.",
        )
    elif cannot_prevent_or_soothe:
        soothe = Criterion(
            "cannot_soothe",
            Status.MET,
            "Long bouts of crying with no clear cause that you could not prevent or soothe.",
        )
    else:
        soothe = Criterion("cannot_soothe", Status.NOT_MET, "You could usually prevent or soothe the crying.")
    signs = [("fever", fever), ("faltering_growth", faltering_growth), ("illness", illness)]
    if any(answer for _, answer in signs):
        healthy = Criterion(
            "no_fever_growth_or_illness",
            Status.NOT_MET,
            "You noticed fever, poor growth or illness: ask a health professional soon, and check the red "
            "flags.",
        )
    else:
        healthy = Criterion(
            "no_fever_growth_or_illness",
            Status.UNKNOWN,
            "Only a health professional can rule out fever, faltering growth and illness.",
        )
    weeks = long_days_per_week(daily_minutes, birth_date, long=at_least_three_hours)
    research = any(week.long_days >= ROME_IV_RESEARCH_DAYS for week in weeks)
    return RomeCheck((age, soothe, healthy), research, ROME_IV)


def _under_five_months(
    birth_date: dt.date, first_logged: dt.date | None, last_logged: dt.date | None, today: dt.date
) -> Criterion:
    """Rome IV's age criterion says the crying starts and stops before 5 months. Twofold can only read the
    log: it says when logged crying began and last happened, and nothing about crying nobody logged."""
    five_months = add_months(birth_date, ROME_IV_UNDER_MONTHS)
    name = "under_5_months"
    if first_logged is None:
        return Criterion(name, Status.NOT_YET, "No crying logged yet, so there is nothing to check.")
    if first_logged >= five_months:
        return Criterion(
            name,
            Status.NOT_MET,
            "The crying logged started at 5 months or later: Rome IV describes crying that "
            "starts and stops before 5 months.",
        )
    if today < five_months:
        return Criterion(
            name,
            Status.NOT_YET,
            f"The crying started before 5 months (your baby is {age_in_words(birth_date, today)}). Whether "
            "it stops before 5 months cannot be known yet.",
        )
    last = last_logged or first_logged
    if last >= five_months:
        return Criterion(
            name,
            Status.NOT_MET,
            f"The log shows crying at 5 months or older (the last logged on {last:%-d %B %Y}): Rome IV "
            "describes crying that starts and stops before 5 months.",
        )
    return Criterion(
        name,
        Status.MET,
        f"The crying logged started and stopped before 5 months: the last was on {last:%-d %B %Y}, at "
        f"{age_in_words(birth_date, last)}. Crying that was not logged is not counted.",
    )


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day of the month `months` later, or the month's last day when it is shorter (31 Jan + 1 =
    28 or 29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _week(day: dt.date, birth_date: dt.date) -> int:
    return (day - birth_date).days // 7 + 1
