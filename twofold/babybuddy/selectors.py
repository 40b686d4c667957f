"""The adapter's reads, scoped to the caller's households; each list reads only the page it returns."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F, QuerySet
from django.db.models.functions import Coalesce
from django.utils.text import slugify

from twofold.babybuddy.base import Entry, Resource
from twofold.babybuddy.models import Timer
from twofold.care.details import DETAIL_RELATIONS
from twofold.care.models import CareEvent
from twofold.households.api import User
from twofold.households.models import Child, Household, Member
from twofold.households.selectors import active_memberships


def household_ids(*, user: User) -> list[int]:
    """The caller's households as a list: a single id lets the database walk one index range in order."""
    return sorted(m.household_id for m in active_memberships(user_id=user.pk))


def memberships_of(*, user: User) -> dict[int, Member]:
    """The caller's memberships by household id (households with them), the first household's first: the
    caller's times are on its clock. One query, read once a request."""
    return {m.household_id: m for m in active_memberships(user_id=user.pk).order_by("household_id")}


def home_household(*, user: User) -> Household | None:
    """The household whose clock the caller's times are read and written on: their first."""
    member = active_memberships(user_id=user.pk).order_by("household_id").first()
    return member.household if member else None


# Baby Buddy's end for an event without one (a bottle logged in one tap): its start, so it still sorts and
# filters by end; the index event_kind_recent_end serves exactly this order.
ENDS = Coalesce("end", "start")


def entries(*, households: list[int], resource: Resource) -> QuerySet[CareEvent]:
    """The resource's entries, newest first in Baby Buddy's order: logged care only, timers left out."""
    events = CareEvent.objects.filter(
        household_id__in=households, kind=resource.kind, deleted_at__isnull=True, running=False
    ).alias(ends=ENDS)
    if resource.only is not None:
        events = events.filter(resource.only)
    related = [resource.kind] if resource.kind in DETAIL_RELATIONS else []
    order = (ENDS.desc(), F("id").desc()) if resource.by_end else (F("start").desc(), F("id").desc())
    return events.select_related("household", *related).order_by(*order)


ROW = ("id", "child_id", "household_id", "start", "end", "note")


def entry_rows(events: QuerySet[CareEvent], resource: Resource) -> QuerySet[CareEvent, tuple[Any, ...]]:
    """The entries as plain rows (see `as_entry`): a page of a hundred builds no model objects."""
    return events.values_list(*ROW, *(f"{resource.kind}__{name}" for name in resource.detail_fields))


def as_entry(row: tuple[Any, ...], resource: Resource) -> Entry:
    pk, child, household, start, end, note = row[: len(ROW)]
    return Entry(
        pk,
        child,
        household,
        start,
        end,
        note,
        dict(zip(resource.detail_fields, row[len(ROW) :], strict=True)),
    )


def child_slug(child: Child) -> str:
    """Baby Buddy looks children up by slug; Twofold's names need not be unique, so the id ends it."""
    return f"{slugify(child.name) or 'child'}-{child.pk}"


def child_by_slug(*, children: QuerySet[Child], slug: str) -> Child | None:
    _, _, tail = slug.rpartition("-")
    if not tail.isdigit() or len(tail) > 18:
        return None
    child = children.filter(pk=int(tail)).first()
    return child if child is not None and child_slug(child) == slug else None


def timers(*, user: User) -> QuerySet[Timer]:
    return Timer.objects.filter(household_id__in=household_ids(user=user)).select_related(
        "household", "child", "member"
    )


def local_day(day: dt.date, zone: dt.tzinfo) -> tuple[dt.datetime, dt.datetime]:
    start = dt.datetime.combine(day, dt.time(), tzinfo=zone)
    return start, dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=zone)
