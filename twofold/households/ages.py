"""A child's age as people say it: days at first, then weeks, then months, then years and months."""

from __future__ import annotations

import datetime as dt

# Weeks read naturally up to about six months; after that parents count in months.
WEEKS_UNTIL_DAYS = 183


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def whole_months(birth_date: dt.date, today: dt.date) -> int:
    """Completed calendar months: a child born on 31 January is one month old on 28 February's end."""
    months = (today.year - birth_date.year) * 12 + today.month - birth_date.month
    if today.day < birth_date.day:
        # Not yet the birth day this month, unless this month is too short to have it.
        next_day = today + dt.timedelta(days=1)
        if next_day.month == today.month:
            months -= 1
    return max(0, months)


def age_in_words(birth_date: dt.date, today: dt.date) -> str:
    """“10 days old”, “3 weeks old”, “7 months old”, “1 year and 4 months old”, “3 years old”."""
    days = max(0, (today - birth_date).days)
    if days < 14:
        return f"{_plural(days, 'day')} old"
    if days < WEEKS_UNTIL_DAYS:
        return f"{_plural(days // 7, 'week')} old"
    months = whole_months(birth_date, today)
    years, months = divmod(months, 12)
    if not years:
        return f"{_plural(months, 'month')} old"
    if not months:
        return f"{_plural(years, 'year')} old"
    return f"{_plural(years, 'year')} and {_plural(months, 'month')} old"
