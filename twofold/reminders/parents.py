"""The reminders for parents themselves, sent in the day: the weekly check-in opens or is ready to read, and a
screening offer, which says only "Twofold has something for you" on any lock screen or in any inbox.

A batch costs a fixed number of queries; only a parent whose screening offer may start today (a child reaches
a milestone, or their own screen was finished two weeks ago) is read one by one, and that is rare.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence

from django.urls import reverse

from twofold.checkins.models import Checkin, CheckinSettings
from twofold.checkins.schedule import current_window, first_week
from twofold.households.models import Child, Household, Member, Role
from twofold.reminders import words
from twofold.reminders.topics import Topic
from twofold.wellbeing.models import Screening
from twofold.wellbeing.offers import AFTER_ELEVATED, MILESTONES, screening_offer

# Twofold's own choice: a check-in opens at midnight, but its reminder waits for the morning.
SENT_AT = dt.time(10, 0)
SEND_FOR = dt.timedelta(hours=1)
READY_FOR = dt.timedelta(days=1)


def reminders(
    households: Sequence[Household], children: dict[int, Child], now: dt.datetime
) -> list[words.Reminder]:
    if not households:
        return []
    parents: dict[int, list[int]] = {}
    for member_id, household_id in (
        Member.objects.current()
        .filter(household_id__in=[h.pk for h in households], role=Role.PARENT)
        .values_list("pk", "household_id")
    ):
        parents.setdefault(household_id, []).append(member_id)
    return [
        *_checkin_opens(households, parents, now),
        *_checkin_ready([h.pk for h in households], now),
        *_screening_offers(households, parents, children, now),
    ]


def in_the_morning(household: Household, now: dt.datetime) -> bool:
    local = now.astimezone(household.zone)
    start = dt.datetime.combine(local.date(), SENT_AT, household.zone)
    return start <= now < start + SEND_FOR


def _checkin_opens(
    households: Sequence[Household], parents: dict[int, list[int]], now: dt.datetime
) -> Iterator[words.Reminder]:
    morning = [h for h in households if in_the_morning(h, now) and parents.get(h.pk)]
    if not morning:
        return
    days = dict(CheckinSettings.objects.filter(household__in=morning).values_list("household_id", "day"))
    for household in morning:
        zone = household.zone
        window = current_window(now, days.get(household.pk, 6), zone, first_week(household.created_at, zone))
        if window.opens_on != now.astimezone(zone).date():
            continue
        yield words.Reminder(
            household_id=household.pk,
            topic=Topic.CHECKIN,
            key=f"checkin-open:{window.monday.isoformat()}",
            title="This week's check-in is open",
            body="Two minutes each, private until you have both answered.",
            url=reverse("checkins:home"),
            tag=f"checkin-{household.pk}",
            only=frozenset(parents[household.pk]),
        )


def _checkin_ready(ids: list[int], now: dt.datetime) -> Iterator[words.Reminder]:
    ready = Checkin.objects.filter(
        household_id__in=ids,
        week__gte=(now - dt.timedelta(days=21)).date(),
        revealed_at__gt=now - READY_FOR,
        revealed_at__lte=now,
        read_at__isnull=True,
    ).values_list("pk", "household_id", "member_id")
    for pk, household_id, member_id in ready:
        yield words.Reminder(
            household_id=household_id,
            topic=Topic.CHECKIN,
            key=f"checkin-ready:{pk}",
            title="Your check-in is ready to read",
            body="Everyone has answered: read it together when you can.",
            url=reverse("checkins:home"),
            tag=f"checkin-{household_id}",
            only=frozenset({member_id}),
        )


def _screening_offers(
    households: Sequence[Household],
    parents: dict[int, list[int]],
    children: dict[int, Child],
    now: dt.datetime,
) -> Iterator[words.Reminder]:
    morning = {h.pk: h for h in households if in_the_morning(h, now) and parents.get(h.pk)}
    if not morning:
        return
    candidates = {m for h in _milestone_today(morning, children, now) for m in parents[h]}
    candidates |= _elevated_two_weeks_ago(morning, now)
    for member in Member.objects.filter(pk__in=candidates).select_related("household"):
        if screening_offer(member=member, now=now) is None:
            continue
        yield words.Reminder(
            household_id=member.household_id,
            topic=Topic.SCREENING,
            key=f"screening:{member.pk}:{now.astimezone(member.household.zone).date().isoformat()}",
            title=words.SCREENING_TITLE,
            body=words.SCREENING_BODY,
            url=reverse("wellbeing:home"),
            tag="twofold",
            only=frozenset({member.pk}),
        )


def _milestone_today(morning: dict[int, Household], children: dict[int, Child], now: dt.datetime) -> set[int]:
    found = set()
    for child in children.values():
        household = morning.get(child.household_id)
        if household is None:
            continue
        today = now.astimezone(household.zone).date()
        if any(child.birth_date + age == today for age, _ in MILESTONES):
            found.add(household.pk)
    return found


def _elevated_two_weeks_ago(morning: dict[int, Household], now: dt.datetime) -> set[int]:
    """Parents who finished a screen about two weeks ago: whether it was elevated, screening_offer reads."""
    around = now - AFTER_ELEVATED
    return set(
        Screening.objects.filter(
            member__household_id__in=list(morning),
            finished_at__gt=around - dt.timedelta(days=1, hours=12),
            finished_at__lte=around + dt.timedelta(hours=12),
        ).values_list("member_id", flat=True)
    )
