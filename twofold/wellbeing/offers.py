"""When to offer a parent a screen on their own Today (issue 4, "Rhythm").

A pure rule over plain values (`offer_for`) and a thin wrapper that fetches them (`screening_offer`). The
milestones are the issue's own (2 weeks, 6 weeks, 3 months and 6 months after the birth, and two weeks after
an elevated result); they are when Twofold asks, not clinical cut-offs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from twofold.db import Prepared, RawTimestamp, moment
from twofold.households.models import Child, Member
from twofold.sealing import SEALED_WITH_ANOTHER_KEY, CannotUnseal, unseal
from twofold.wellbeing.models import Screening

# Ages of the youngest child at which a screen is offered, with how the offer names them.
MILESTONES: tuple[tuple[dt.timedelta, str], ...] = (
    (dt.timedelta(weeks=2), "2 weeks"),
    (dt.timedelta(weeks=6), "6 weeks"),
    (dt.timedelta(weeks=13), "3 months"),
    (dt.timedelta(weeks=26), "6 months"),
)
# How long an offer stays on Today before it quietly goes (it is an offer, not a chore).
OFFER_LASTS = dt.timedelta(weeks=2)
# How long after an elevated result Twofold offers another look.
AFTER_ELEVATED = dt.timedelta(weeks=2)

# The quick checks an offer leads to (the Wellbeing page offers every questionnaire).
QUICK_CHECKS = ("phq2", "gad2")

MILESTONE_REASON = "{name} is {age} old: a good moment for a two-minute check on how you are."
ELEVATED_REASON = "It has been two weeks since your last check. How are you doing now?"


@dataclass(frozen=True)
class PastScreen:
    """One of the parent's own finished screens, on the household's calendar."""

    finished_on: dt.date
    elevated: bool


@dataclass(frozen=True)
class Offer:
    reason: str
    instruments: tuple[str, ...] = QUICK_CHECKS


def offer_for(
    *,
    youngest: tuple[str, dt.date] | None,
    screens: Sequence[PastScreen],
    today: dt.date,
) -> Offer | None:
    """The offer due `today` for a parent whose youngest child is `youngest` (name, birth date), given
    their own finished screens; None when nothing is due.

    A milestone's offer lasts OFFER_LASTS from the day it is reached, unless a screen was finished on or
    after that day. An elevated latest screen brings an offer AFTER_ELEVATED later, for OFFER_LASTS."""
    latest = max(screens, key=lambda screen: screen.finished_on, default=None)
    if youngest is not None:
        name, birth_date = youngest
        for age, age_words in MILESTONES:
            reached = birth_date + age
            if reached <= today < reached + OFFER_LASTS and (latest is None or latest.finished_on < reached):
                return Offer(MILESTONE_REASON.format(name=name, age=age_words))
    if latest is not None and latest.elevated:
        due = latest.finished_on + AFTER_ELEVATED
        if due <= today < due + OFFER_LASTS:
            return Offer(ELEVATED_REASON)
    return None


def is_elevated(document: dict[str, object] | None) -> bool:
    """A stored result above the lowest band, or with a self-harm answer."""
    if not document:
        return False
    return bool(document.get("safety_flag")) or int(str(document.get("severity", 0))) > 0


# Compiled once (see twofold.db.Prepared): Today is on every parent's screen.
_LATEST_SCREEN = Prepared(
    lambda member: (
        Screening.objects.filter(member_id=member, finished_at__isnull=False)
        .order_by("-finished_at")
        .annotate(finished_s=RawTimestamp("finished_at"))
        .values_list("finished_s", "sealed_result")[:1]
    ),
    member=int,
)


@dataclass(frozen=True)
class TodayScreening:
    """What Today shows of the parent's own screening: an offer when one is due, and a note when their
    latest result cannot be opened (sealed with a key this server no longer has)."""

    offer: Offer | None
    sealed_note: str | None = None


def screening_offer(
    *, member: Member, now: dt.datetime, children: Sequence[Child] | None = None
) -> Offer | None:
    """The offer for this parent's own Today, if one is due (see today_screening)."""
    return today_screening(member=member, now=now, children=children).offer


def today_screening(
    *, member: Member, now: dt.datetime, children: Sequence[Child] | None = None
) -> TodayScreening:
    """The offer and note for this parent's own Today: one query for the latest screen (and one for the
    children, unless the caller already has them)."""
    if not member.is_parent:
        return TodayScreening(offer=None)
    zone = member.household.zone
    if children is None:
        children = list(Child.objects.filter(household_id=member.household_id))
    child = max(children, key=lambda c: (c.birth_date, c.pk), default=None)
    screens = []
    sealed_note = None
    for finished_at, sealed in _LATEST_SCREEN.fetch(member=member.pk):
        try:
            document = unseal(sealed) if sealed else None
        except CannotUnseal:
            # Read as not elevated, so the milestones still offer a check; the note says why it is unread.
            document, sealed_note = None, SEALED_WITH_ANOTHER_KEY
        screens.append(
            PastScreen(
                finished_on=moment(finished_at).astimezone(zone).date(), elevated=is_elevated(document)
            )
        )
    youngest = (child.name, child.birth_date) if child is not None else None
    offer = offer_for(youngest=youngest, screens=screens, today=now.astimezone(zone).date())
    return TodayScreening(offer=offer, sealed_note=sealed_note)
