"""The adapter's writes: each entry becomes care through Twofold's own services, by the caller's member.

So every rule of the log holds for Baby Buddy's clients as for the pages: plausible times, one running
timer of a kind per child, isolation, and the care is recorded as done by the person whose key sent it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, nullcontext
from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.http import Http404
from rest_framework import serializers

from twofold.babybuddy.base import Resource
from twofold.babybuddy.models import Timer
from twofold.babybuddy.resources import ERROR_FIELDS, day_start
from twofold.care import services as care
from twofold.care.models import CareEvent
from twofold.care.rules import time_errors
from twofold.households.api import User, acting_member
from twofold.households.models import Child, Household, Member

REQUIRED = "This field is required."
TIMER_ELSEWHERE = "This timer belongs to another household than the child: choose the child's own timer."
CHOOSE_CHILD_FOR_TIMER = (
    "You are in several households: give the timer a child, so Twofold knows whose clock and log it is in."
)
NO_HOUSEHOLD = "You are not a member of any household yet."


@contextmanager
def baby_buddy_errors(resource: Resource) -> Iterator[None]:
    """A service's refusal as a 400 naming Baby Buddy's fields, each with a list of messages."""
    try:
        yield
    except DjangoValidationError as error:
        if not hasattr(error, "error_dict"):
            raise serializers.ValidationError({"non_field_errors": error.messages}) from None
        renamed = _renamed(resource)
        errors: dict[str, list[str]] = {}
        for name, messages in error.message_dict.items():
            errors.setdefault(renamed.get(name, name), []).extend(str(m) for m in messages)
        raise serializers.ValidationError(errors) from None


def _renamed(resource: Resource) -> dict[str, str]:
    times = {"span": {}, "moment": {"start": "time"}, "day": {"start": "date"}}[resource.shape]
    return ERROR_FIELDS | resource.errors | times | {"note": resource.note_field}


def _times(
    resource: Resource, data: dict[str, Any], household: Household, now: dt.datetime, creating: bool
) -> dict[str, Any]:
    """Twofold's start and end from the fields of the resource's shape that were sent."""
    if resource.shape == "span":
        return {name: data[name] for name in ("start", "end") if name in data}
    if resource.shape == "moment":
        return {"start": data["time"]} if data.get("time") else {}
    if data.get("date"):
        return {"start": day_start(data["date"], household, now)}
    return {"start": day_start(now.astimezone(household.zone).date(), household, now)} if creating else {}


def _from_timer(data: dict[str, Any], now: dt.datetime) -> Timer | None:
    """Baby Buddy's rule: a timer given with an entry sets its start and end (and child, when it has one)."""
    timer: Timer | None = data.pop("timer", None)
    if timer is not None:
        data["start"], data["end"] = timer.start, now
        if timer.child is not None:
            data["child"] = timer.child
    return timer


def _missing(resource: Resource, data: dict[str, Any]) -> None:
    # Baby Buddy's `time` and `date` default to now and today; only a span must say when.
    needed = ["child", *(["start", "end"] if resource.shape == "span" else [])]
    missing = [name for name in (*needed, *resource.required) if data.get(name) in (None, "")]
    if missing:
        raise serializers.ValidationError(dict.fromkeys(missing, [REQUIRED]))


def _note(resource: Resource, data: dict[str, Any], note: str | None) -> str | None:
    if note is not None:
        return note
    if resource.note_field == "notes" and "notes" in data:
        return data["notes"] or ""
    return None


def _member(members: Mapping[int, Member], household_id: int) -> Member:
    """The caller's member in the household (read once for the request); 404 when they are not in it."""
    member = members.get(household_id)
    if member is None:
        raise Http404("You are not a member of this household.")
    return member


def log_entry(
    *, members: Mapping[int, Member], resource: Resource, data: dict[str, Any], now: dt.datetime
) -> CareEvent:
    timer = _from_timer(data, now)
    # The entry and its timer's end are one change; an entry alone is already one in care's service (a
    # transaction around it would only add a savepoint).
    with transaction.atomic() if timer is not None else nullcontext():
        return _log(members=members, resource=resource, data=data, timer=timer, now=now)


def _log(
    *,
    members: Mapping[int, Member],
    resource: Resource,
    data: dict[str, Any],
    timer: Timer | None,
    now: dt.datetime,
) -> CareEvent:
    _missing(resource, data)
    child: Child = data["child"]
    if timer is not None and timer.household_id != child.household_id:
        raise serializers.ValidationError({"timer": [TIMER_ELSEWHERE]})
    member = _member(members, child.household_id)
    with baby_buddy_errors(resource):
        change = resource.fields_in(data, child.household, None)
        times = _times(resource, data, child.household, now, creating=True)
        logged = care.log_care_event(
            member=member,
            child=child,
            kind=resource.kind,
            details=change.details,
            note=_note(resource, data, change.note) or "",
            now=now,
            **times,
        )
    if timer is not None:
        # Only once the entry is logged: a refused entry leaves the timer running, as Baby Buddy does.
        timer.delete()
    return logged.event


@transaction.atomic
def change_entry(
    *,
    members: Mapping[int, Member],
    resource: Resource,
    event: CareEvent,
    data: dict[str, Any],
    now: dt.datetime,
) -> CareEvent:
    timer = _from_timer(data, now)
    if timer is not None and timer.household_id != event.household_id:
        raise serializers.ValidationError({"timer": [TIMER_ELSEWHERE]})
    member = _member(members, event.household_id)
    with baby_buddy_errors(resource):
        change = resource.fields_in(data, event.household, event)
        fields = _times(resource, data, event.household, now, creating=False)
        if data.get("child") is not None:
            fields["child"] = data["child"]
        note = _note(resource, data, change.note)
        if note is not None:
            fields["note"] = note
        care.update_care_event(member=member, event=event, fields=fields, details=change.details, now=now)
    if timer is not None:
        timer.delete()
    return event


def delete_entry(*, members: Mapping[int, Member], event: CareEvent) -> None:
    care.delete_care_event(member=_member(members, event.household_id), event=event)


def _timer_member(user: User, child: Child | None, household: Household | None) -> Member:
    if child is not None:
        return acting_member(user=user, household_id=child.household_id)
    if household is None:
        raise serializers.ValidationError({"child": [NO_HOUSEHOLD]})
    return acting_member(user=user, household_id=household.pk)


def _check_start(data: dict[str, Any], now: dt.datetime) -> None:
    """A timer's start is checked as any care's start is: not in the future, not from years back."""
    if data.get("start"):
        errors = time_errors(kind="feed", start=data["start"], end=None, now=now)
        if errors:
            raise serializers.ValidationError({name: [message] for name, message in errors.items()})


def start_timer(
    *, user: User, data: dict[str, Any], home: Household | None, several: bool, now: dt.datetime
) -> Timer:
    """A Baby Buddy timer; one without a child belongs to the caller's household (they must say which when
    they have several)."""
    _check_start(data, now)
    child: Child | None = data.get("child")
    if child is None and several:
        raise serializers.ValidationError({"child": [CHOOSE_CHILD_FOR_TIMER]})
    member = _timer_member(user, child, home)
    timer = Timer(household=member.household, child=child, member=member, name=data.get("name") or "")
    if data.get("start"):
        timer.start = data["start"]
    timer.save()
    return timer


def change_timer(*, user: User, timer: Timer, data: dict[str, Any], now: dt.datetime) -> Timer:
    acting_member(user=user, household_id=timer.household_id)
    _check_start(data, now)
    child: Child | None = data.get("child", timer.child)
    if child is not None and child.household_id != timer.household_id:
        raise serializers.ValidationError({"child": [TIMER_ELSEWHERE]})
    timer.child = child
    if "name" in data:
        timer.name = data["name"] or ""
    if data.get("start"):
        timer.start = data["start"]
    timer.save()
    return timer


def restart_timer(*, user: User, timer: Timer, now: dt.datetime) -> Timer:
    acting_member(user=user, household_id=timer.household_id)
    timer.start = now
    timer.save(update_fields=["start"])
    return timer


def delete_timer(*, user: User, timer: Timer) -> None:
    acting_member(user=user, household_id=timer.household_id)
    timer.delete()
