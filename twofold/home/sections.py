"""The ordered lists of what each app contributes to the shared pages and outputs.

This is the one place that knows every app: adding an app's card to Today, its part of the Us page or its
section of the export is one line here. Lower apps never import this module, nor each other's sections.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from twofold.bonding import export as bonding_export
from twofold.bonding import today as bonding_today
from twofold.checkins import export as checkins_export
from twofold.checkins import today as checkins_today
from twofold.checkins import us as checkins_us
from twofold.checkins.models import AgreementReview, Checkin
from twofold.circle import export as circle_export
from twofold.circle import today as circle_today
from twofold.circle import us as circle_us
from twofold.growth import today as growth_today
from twofold.health import cards as health_cards
from twofold.households.models import Child, Household, Member
from twofold.insights import today as insights_today
from twofold.insights.week import WeekReport
from twofold.intake import today as intake_today
from twofold.intake.models import Writing
from twofold.nights import export as nights_export
from twofold.nights import today as nights_today
from twofold.nights import us as nights_us
from twofold.sealing import SealedColumns
from twofold.wellbeing import today as wellbeing_today
from twofold.wellbeing.models import Screening


@dataclass(frozen=True)
class TodayAsk:
    """What every Today section is given: who is looking, when, and the children already read."""

    member: Member
    now: dt.datetime
    children: Sequence[Child]


@dataclass(frozen=True)
class TodayCard:
    """One app's cards on Today: `build` fills the context its `template` reads, under `name`."""

    name: str
    template: str
    build: Callable[[TodayAsk], dict[str, Any]]


@dataclass(frozen=True)
class UsPart:
    """One app's part of the Us page, built from the week's report so nothing reads the week twice."""

    name: str
    template: str
    build: Callable[[Member, WeekReport, dt.datetime], dict[str, Any]]


# Top to bottom, between the running timers and each child's day: tonight's shifts, then what asks for a
# parent's attention (a screening offer, a concern, the check-in), then the bonding suggestion and the
# short-sleep card.
TODAY_CARDS: tuple[TodayCard, ...] = (
    # A fever in a young baby is the most urgent thing on Today: first, for every member.
    TodayCard(
        "health",
        "health/_today.html",
        lambda ask: health_cards.health_context(
            household=ask.member.household, children=ask.children, now=ask.now
        ),
    ),
    TodayCard(
        "nights", "nights/_today.html", lambda ask: nights_today.today_context(member=ask.member, now=ask.now)
    ),
    TodayCard(
        "circle", "circle/_today.html", lambda ask: circle_today.today_context(member=ask.member, now=ask.now)
    ),
    TodayCard(
        "wellbeing",
        "wellbeing/_today.html",
        lambda ask: wellbeing_today.today_context(member=ask.member, now=ask.now, children=ask.children),
    ),
    TodayCard(
        "checkin",
        "checkins/_today.html",
        lambda ask: checkins_today.today_context(member=ask.member, now=ask.now),
    ),
    TodayCard(
        "bonding",
        "bonding/_today.html",
        lambda ask: bonding_today.today_context(member=ask.member, now=ask.now),
    ),
    TodayCard(
        "intake", "intake/_today.html", lambda ask: intake_today.today_context(member=ask.member, now=ask.now)
    ),
    TodayCard(
        "readings",
        "insights/_today.html",
        lambda ask: insights_today.today_context(member=ask.member, now=ask.now),
    ),
    TodayCard(
        "growth",
        "growth/_today.html",
        lambda ask: growth_today.today_context(member=ask.member, children=ask.children),
    ),
)

# After each parent's sleep and before the trend: the nights against their plans, then the check-in.
US_PARTS: tuple[UsPart, ...] = (
    UsPart("nights", "nights/_us.html", lambda m, r, n: nights_us.us_context(member=m, report=r, now=n)),
    UsPart("checkin", "checkins/_us.html", lambda m, r, n: checkins_us.us_context(member=m, report=r, now=n)),
    UsPart("circle", "circle/_us.html", lambda m, r, n: circle_us.us_context(member=m, report=r, now=n)),
)

# The household export's sections after the log itself, each under its own key.
EXPORT_SECTIONS: tuple[tuple[str, Callable[[Household], Any]], ...] = (
    ("checkins", checkins_export.export_section),
    ("nights", nights_export.export_section),
    ("bonding", bonding_export.export_section),
    ("circle", circle_export.export_section),
)

# Every sealed column, which `twofold reseal` moves to the newest key (twofold/sealing.py). An app that seals
# a new column adds it here; a test fails for any sealed_* field left out.
SEALED: tuple[SealedColumns, ...] = (
    SealedColumns(Screening, ("sealed_answers", "sealed_result"), "screening(s)"),
    SealedColumns(Checkin, ("sealed_answers",), "check-in answer(s)"),
    SealedColumns(AgreementReview, ("sealed_outcome",), "agreement review(s)"),
    SealedColumns(Writing, ("sealed_text", "sealed_summary"), "writing(s)"),
)
