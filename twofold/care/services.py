"""Writes to the care log. Pages, the API and the CLI all log care through these functions."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from twofold.care.bulk import insert_events, insert_rows
from twofold.care.details import build_detail, check_detail, detail_of
from twofold.care.kinds import KEYS, definition
from twofold.care.models import CareEvent
from twofold.care.rules import TIMER_KINDS, birth_errors, response_errors, time_errors
from twofold.care.selectors import running_timer_of
from twofold.households.models import Child, Member

NOT_A_TIMER = "Only feeds, sleeps and crying can be timed."
HELPER_EDITS_OWN = "Helpers can change only the care they did or logged."
BY_NOT_MEMBER = "Choose someone who is a member of this household."


@dataclass(frozen=True)
class Logged:
    event: CareEvent
    created: bool


def _check_by(member: Member, by: Member) -> None:
    if by.household_id != member.household_id or not by.is_active:
        raise ValidationError({"by": BY_NOT_MEMBER})


def _check_child(member: Member, child: Child) -> None:
    if child.household_id != member.household_id:
        raise ValidationError({"child": "Choose a child in this household."})


def _running_timer_message(event: CareEvent) -> str:
    label = event.get_kind_display().lower()
    return f"A {label} timer is already running for {event.child.name}: stop it first."


def _check_no_running_timer(child: Child, kind: str, exclude_pk: int | None = None) -> None:
    existing = running_timer_of(child=child, kind=kind, exclude_pk=exclude_pk)
    if existing is not None:
        raise ValidationError({"kind": _running_timer_message(existing)})


# The fields an import sets itself rather than reads from a file: not checked again on each of a year's rows.
_SET_BY_IMPORT = [
    "household",
    "child",
    "by",
    "logged_by",
    "kind",
    "client_id",
    "created_at",
    "updated_at",
    "deleted_at",
    "deleted_by",
    "running",
    "clock_note",
]


def _validate(event: CareEvent, now: dt.datetime, *, imported: bool = False) -> None:
    errors = time_errors(kind=event.kind, start=event.start, end=event.end, now=now)
    if "start" not in errors:
        child = event.child
        zone = event.household.zone
        errors |= birth_errors(
            kind=event.kind, start=event.start, zone=zone, name=child.name, born=child.birth_date
        )
    errors |= response_errors(
        kind=event.kind,
        response=event.response,
        settled_after_minutes=event.settled_after_minutes,
    )
    if errors:
        raise ValidationError(errors)
    if imported:
        # Unique checks would find nothing: the importer sorts out client_ids already in the log per chunk.
        event.full_clean(exclude=_SET_BY_IMPORT, validate_unique=False, validate_constraints=False)
    else:
        event.full_clean(exclude=["household", "child", "by", "logged_by"], validate_constraints=False)


def _existing(member: Member, client_id: uuid.UUID | None) -> CareEvent | None:
    if client_id is None:
        return None
    return CareEvent.objects.filter(household_id=member.household_id, client_id=client_id).first()


def log_care_event(
    *,
    member: Member,
    child: Child,
    kind: str,
    start: dt.datetime | None = None,
    end: dt.datetime | None = None,
    by: Member | None = None,
    details: dict[str, Any] | None = None,
    response: str = "",
    settled_after_minutes: int | None = None,
    note: str = "",
    client_id: uuid.UUID | None = None,
    running: bool = False,
    clock_note: str = "",
    now: dt.datetime | None = None,
) -> Logged:
    """Record care. A retried request with the same client_id returns the first event unchanged."""
    now = now or timezone.now()
    # A retried timer start must find its timer before the "already running" check refuses it. A retried
    # log needs no look-up first: the unique client_id makes the insert fail, and the first event is returned.
    existing = _existing(member, client_id) if running else None
    if existing is not None:
        return Logged(existing, created=False)
    if kind not in KEYS:
        raise ValidationError({"kind": f"Unknown kind. Choose one of: {', '.join(KEYS)}."})
    by = by or member
    _check_child(member, child)
    _check_by(member, by)
    event = CareEvent(
        household=member.household,
        child=child,
        kind=kind,
        by=by,
        logged_by=member,
        start=start or now,
        end=None if running else end,
        running=running,
        response=response,
        settled_after_minutes=settled_after_minutes,
        note=note,
        client_id=client_id or uuid.uuid4(),
        clock_note=clock_note,
    )
    _validate(event, now)
    detail = build_detail(kind, event, details or {})
    if running:
        _check_no_running_timer(child, kind)
    try:
        with transaction.atomic():
            event.save()
            if detail is not None:
                # Every detail model has its event; build_detail (care/details.py) is typed as returning a
                # bare Model until it names KindDetail.
                detail.event = event  # type: ignore[attr-defined]
                detail.save()
    except IntegrityError:
        # Two requests raced: the same client_id twice, or two sleeps started at once.
        existing = _existing(member, event.client_id)
        if existing is not None:
            return Logged(existing, created=False)
        _check_no_running_timer(child, kind)
        raise
    return Logged(event, created=True)


def start_timer(
    *,
    member: Member,
    child: Child,
    kind: str,
    by: Member | None = None,
    details: dict[str, Any] | None = None,
    client_id: uuid.UUID | None = None,
    start: dt.datetime | None = None,
    clock_note: str = "",
    now: dt.datetime | None = None,
) -> Logged:
    if kind not in TIMER_KINDS:
        raise ValidationError({"kind": NOT_A_TIMER})
    starts_with = definition(kind).default_details
    if not details and starts_with is not None:
        details = starts_with(child.feeding_method)
    return log_care_event(
        member=member,
        child=child,
        kind=kind,
        by=by,
        details=details,
        client_id=client_id,
        start=start,
        running=True,
        clock_note=clock_note,
        now=now,
    )


def check_can_change(member: Member, event: CareEvent) -> None:
    if event.household_id != member.household_id:
        raise PermissionDenied("Not your household's event.")
    if not member.is_parent and member.pk not in (event.by_id, event.logged_by_id):
        raise PermissionDenied(HELPER_EDITS_OWN)


@dataclass(frozen=True)
class Stopped:
    event: CareEvent
    # False when the timer had already stopped (another phone, a retried send): nothing was changed.
    stopped: bool


@transaction.atomic
def stop_timer(
    *,
    member: Member,
    event: CareEvent,
    end: dt.datetime | None = None,
    details: dict[str, Any] | None = None,
    response: str | None = None,
    settled_after_minutes: int | None = None,
    clock_note: str = "",
    now: dt.datetime | None = None,
) -> Stopped:
    """End a running timer. A timer that has already stopped is returned as it is: the first end stands."""
    check_can_change(member, event)
    # Read again under a row lock, so of two stops at once the second sees the first's end rather than
    # overwriting it. SQLite ignores the lock; there this transaction begins IMMEDIATE and waits its turn.
    current = CareEvent.objects.select_for_update().get(pk=event.pk)
    if not current.running:
        return Stopped(current, stopped=False)
    now = now or timezone.now()
    current.end = end or now
    current.running = False
    if clock_note:
        current.clock_note = clock_note
    if response is not None:
        current.response = response
        current.settled_after_minutes = settled_after_minutes
    return Stopped(_save_changes(current, details, now), stopped=True)


@transaction.atomic
def update_care_event(
    *,
    member: Member,
    event: CareEvent,
    fields: dict[str, Any],
    details: dict[str, Any] | None = None,
    now: dt.datetime | None = None,
) -> CareEvent:
    """Change an event's times, who did it, response or note, and its kind's details."""
    check_can_change(member, event)
    allowed = {"child", "by", "start", "end", "response", "settled_after_minutes", "note"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This cannot be changed."))
    if "by" in fields:
        _check_by(member, fields["by"])
    if "child" in fields:
        _check_child(member, fields["child"])
        if event.running:
            _check_no_running_timer(fields["child"], event.kind, exclude_pk=event.pk)
    for name, value in fields.items():
        setattr(event, name, value)
    if event.running and event.end is not None:
        event.running = False
    return _save_changes(event, details, now or timezone.now())


def _save_changes(event: CareEvent, details: dict[str, Any] | None, now: dt.datetime) -> CareEvent:
    _validate(event, now)
    detail = detail_of(event)
    if details:
        if detail is None:
            detail = build_detail(event.kind, event, details)
        else:
            for name, value in details.items():
                if not hasattr(detail, name) or name in ("id", "event", "event_id"):
                    raise ValidationError({name: "Not a field of this kind."})
                setattr(detail, name, value)
            check_detail(event.kind, detail)
    event.save()
    if detail is not None:
        detail.save()
    return event


def delete_care_event(*, member: Member, event: CareEvent, now: dt.datetime | None = None) -> None:
    """Deleting hides the event; undo brings it back whole."""
    check_can_change(member, event)
    event.deleted_at = now or timezone.now()
    event.deleted_by = member
    event.save(update_fields=["deleted_at", "deleted_by", "updated_at"])


def restore_care_event(*, member: Member, event: CareEvent) -> CareEvent:
    check_can_change(member, event)
    if event.deleted_at is None:
        return event
    if event.running:
        _check_no_running_timer(event.child, event.kind, exclude_pk=event.pk)
    event.deleted_at = None
    event.deleted_by = None
    try:
        with transaction.atomic():
            event.save(update_fields=["deleted_at", "deleted_by", "updated_at"])
    except IntegrityError:
        # The same timer was started on another phone since the check above.
        _check_no_running_timer(event.child, event.kind, exclude_pk=event.pk)
        raise
    return event


# ---- Imports (twofold/imports): many past events checked one by one, then written together ----


def check_imported_event(
    *,
    member: Member,
    child: Child,
    kind: str,
    start: dt.datetime,
    end: dt.datetime | None,
    by: Member,
    details: dict[str, Any],
    note: str,
    client_id: uuid.UUID,
    response: str = "",
    settled_after_minutes: int | None = None,
    logged_by: Member | None = None,
    now: dt.datetime,
) -> tuple[CareEvent, Any]:
    """An imported event and its detail, unsaved, checked by every rule a logged one meets.

    `by` (and `logged_by`, when a Twofold export says who logged it) may be a former member: imported care
    was often done by someone no longer in the household.
    """
    if kind not in KEYS:
        raise ValidationError({"kind": f"Unknown kind. Choose one of: {', '.join(KEYS)}."})
    _check_child(member, child)
    logged_by = logged_by or member
    if by.household_id != member.household_id or logged_by.household_id != member.household_id:
        raise ValidationError({"by": BY_NOT_MEMBER})
    # Ids rather than objects: Django checks each object given for a foreign key, on every one of a year's
    # rows. The household and the child are cached as they are for the rules below, by and logged_by unused.
    event = CareEvent(
        household_id=member.household_id,
        child_id=child.pk,
        kind=kind,
        by_id=by.pk,
        logged_by_id=logged_by.pk,
        start=start,
        end=end,
        response=response,
        settled_after_minutes=settled_after_minutes,
        note=note,
        client_id=client_id,
        created_at=now,
    )
    CareEvent.household.field.set_cached_value(event, member.household)
    CareEvent.child.field.set_cached_value(event, child)
    _validate(event, now, imported=True)
    return event, build_detail(kind, event, details)


def save_imported_events(pairs: list[tuple[CareEvent, Any]]) -> list[CareEvent]:
    """Write checked events (check_imported_event) and their details in a few statements, not two per event.

    The caller holds the transaction and forgets the remembered nights they fall in: bulk writes send no
    signals."""
    events = [event for event, _ in pairs]
    insert_events(events)
    by_model: dict[type[models.Model], list[Any]] = {}
    for event, detail in pairs:
        if detail is not None:
            detail.event = event
            by_model.setdefault(type(detail), []).append(detail)
    for details in by_model.values():
        insert_rows(details)
    return events


def remove_imported_events(*, member: Member, event_ids: models.QuerySet[Any, int]) -> int:
    """Undo an import: its events go for good (they were never logged here, and the same file may be
    imported again). Parents only; how many went."""
    if not member.is_parent:
        raise PermissionDenied("Only a parent can undo an import.")
    # A subquery, not a list: a year of care is more ids than SQLite takes as parameters.
    events = CareEvent.objects.filter(household_id=member.household_id, pk__in=event_ids)
    count = events.count()
    events.delete()
    return count
