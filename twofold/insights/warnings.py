"""The sleep warning on Today: plain words for both parents, with something to try tonight."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from twofold.insights.thresholds import SHORT_SLEEP_NIGHTS
from twofold.insights.week import Person


@dataclass(frozen=True)
class SleepWarning:
    headline: str
    tonight: tuple[str, ...]


def sleep_warning(
    short: Sequence[Person], parents: Sequence[Person], has_helpers: bool, breastfed: bool = False
) -> SleepWarning | None:
    """`breastfed`: some child of the household is breast or mixed fed, so a swap needs words for feeds."""
    if not short:
        return None
    names = [p.name for p in short]
    if len(names) == 1:
        headline = (
            f"{names[0]}'s longest sleep has been under 4 hours for {SHORT_SLEEP_NIGHTS} nights running."
        )
    else:
        headline = (
            f"{' and '.join(names)} have each had under 4 hours of unbroken sleep "
            f"for {SHORT_SLEEP_NIGHTS} nights running."
        )
    rested = [p for p in parents if p not in short]
    tonight: list[str] = []
    for person in short:
        if rested:
            feeds = " (with a breastfed baby: bringing the baby to feed, then changing and settling)"
            tonight.append(
                f"Swap a shift: tonight {rested[0].name} handles the wakings in one half of the night"
                f"{feeds if breastfed else ''}, so {person.name} gets one protected block of sleep."
            )
            break
    if len(short) > 1 or not rested:
        tonight.append("Split the night in two, so each of you has one half with no wakings to handle.")
    tonight.append(
        "Ask a helper to take a night or an evening shift."
        if has_helpers
        else "Ask someone you trust to take a night or an evening, and invite them as a helper."
    )
    return SleepWarning(headline, tuple(tonight))
