from __future__ import annotations

import datetime as dt

from django.http import HttpRequest
from django.utils import timezone

from twofold.households.words import words_for


def in_night(local: dt.time, start: dt.time, end: dt.time) -> bool:
    """Whether a local time falls in a night window that may wrap past midnight."""
    if start <= end:
        return start <= local < end
    return local >= start or local < end


def household_context(request: HttpRequest) -> dict[str, object]:
    household = getattr(request, "household", None)
    theme = "auto"
    if household is not None:
        local = timezone.now().astimezone(household.zone).time()
        # Dark by default at night: bright screens at 3 a.m. wake everyone.
        if in_night(local, household.night_start, household.night_end):
            theme = "dark"
    return {
        "member": getattr(request, "member", None),
        "household": household,
        # For `local_words`: "" (a member with no household, such as one removed) reads the general words.
        "household_country": household.country if household else "",
        "words": words_for(household.locale if household else "en-GB"),
        "theme": theme,
    }
