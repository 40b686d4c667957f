"""What a temperature means for a young baby, and when the log has gone quiet on wet nappies: pure functions.

The numbers are EVIDENCE.md's (Decisions; §9.1): 38 °C (100.4 °F) or more under 3 months (90 days, as the
AAP counts them) is red; 39 °C (102.2 °F) or more at 3–6 months is amber. Over 6 months the height of a
temperature alone is not the best guide, so Twofold shows no card for it. No wet nappy for 8 hours under 3
months is an amber sign, but Twofold says only what its own log holds, since a missed log is the likelier
cause.
"""

from __future__ import annotations

import datetime as dt
import enum
from decimal import Decimal

from twofold.households.ages import whole_months

UNDER_3_MONTHS_DAYS = 90
RED_FROM_CELSIUS = Decimal("38.0")
AMBER_FROM_CELSIUS = Decimal("39.0")
AMBER_UNTIL_MONTHS = 6
WET_NAPPY_GAP = dt.timedelta(hours=8)

# Twofold's own choices, not clinical ones: a card stays for a day after the reading, so every member sees it
# whatever their hours, and a later lower reading never hides it; and the wet-nappy note looks back two days
# at most, so a household that has stopped logging nappies is not told so forever.
CARD_LASTS = dt.timedelta(hours=24)
WET_NAPPY_LOOKBACK = dt.timedelta(hours=48)


class Level(enum.StrEnum):
    RED = "red"
    AMBER = "amber"


def age_in_days(birth_date: dt.date, on: dt.date) -> int:
    return max(0, (on - birth_date).days)


def fever_level(celsius: Decimal, *, birth_date: dt.date, taken_on: dt.date) -> Level | None:
    """The card a reading taken on `taken_on` (the household's date) calls for, or None."""
    if age_in_days(birth_date, taken_on) < UNDER_3_MONTHS_DAYS:
        return Level.RED if celsius >= RED_FROM_CELSIUS else None
    if whole_months(birth_date, taken_on) < AMBER_UNTIL_MONTHS and celsius >= AMBER_FROM_CELSIUS:
        return Level.AMBER
    return None


def worst(levels: list[Level | None]) -> Level | None:
    if Level.RED in levels:
        return Level.RED
    return Level.AMBER if Level.AMBER in levels else None


def no_wet_nappy_since(
    last_wet: dt.datetime | None, *, birth_date: dt.date, now: dt.datetime, today: dt.date
) -> dt.datetime | None:
    """The last wet nappy's time when the log has none for 8 hours or more in a baby under 3 months (within
    the lookback), else None. No wet nappy in the lookback at all says nothing: the household may not log
    nappies."""
    if last_wet is None or age_in_days(birth_date, today) >= UNDER_3_MONTHS_DAYS:
        return None
    gap = now - last_wet
    return last_wet if WET_NAPPY_GAP <= gap < WET_NAPPY_LOOKBACK else None
