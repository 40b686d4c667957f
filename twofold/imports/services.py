"""Preview an import, then import it: one streaming pass over the file each time, in chunks, so a year of
care never sits in memory. The import is one transaction, idempotent and undoable for a week."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone

from twofold.care.kinds import find
from twofold.care.models import CareEvent, Kind
from twofold.care.services import check_imported_event, remove_imported_events, save_imported_events
from twofold.households.models import Child, Member
from twofold.households.services import add_child, add_former_member
from twofold.imports import formats
from twofold.imports.files import Bundle
from twofold.imports.formats import Format
from twofold.imports.mapping import KEEP_NAME, NEW_CHILD, SKIP_CHILD, Choices, Resolver
from twofold.imports.models import ImportBatch, ImportedEvent, PersonChoice
from twofold.imports.rows import Row, Skip
from twofold.insights.records import forget

CHUNK = 1000
# The preview lists this many skipped rows and duplicates; it counts them all.
LISTED = 200
UNDO_DAYS = 7
# Twofold's own id space: the same row of the same format is the same client_id in every import.
NAMESPACE = uuid.UUID("5b0e8f0e-7c1b-4b8e-9d0c-2f6a1c3e4d5f")
LEFT_OUT = "You chose to leave out the rows for “{name}”."
NO_CHILD = "No child here matches “{name}”: choose which child this is, or add {name} on the household page."


@dataclass
class Preview:
    format: Format
    filename: str
    counts: Counter[tuple[str, str]] = field(default_factory=Counter)
    people: dict[str, str] = field(default_factory=dict)
    children: dict[str, str] = field(default_factory=dict)
    # The same answers as form values: a member id or KEEP_NAME; a child id or SKIP_CHILD.
    people_chosen: dict[str, str] = field(default_factory=dict)
    children_chosen: dict[str, str] = field(default_factory=dict)
    first: dt.datetime | None = None
    last: dt.datetime | None = None
    skipped: list[Skip] = field(default_factory=list)
    skipped_count: int = 0
    reasons: Counter[tuple[str, str]] = field(default_factory=Counter)
    duplicates: list[str] = field(default_factory=list)
    duplicate_count: int = 0
    already: int = 0
    to_create: int = 0
    # Temperatures the file does not say how were taken: recorded as the parent chose (Choices).
    unsaid_method: int = 0
    method: str = ""

    def skip(self, item: Skip) -> None:
        self.skipped_count += 1
        self.reasons[(item.what, item.reason)] += 1
        if len(self.skipped) < LISTED:
            self.skipped.append(item)

    def count(self, event: CareEvent) -> None:
        self.to_create += 1
        self.counts[(event.child.name, event.kind)] += 1
        self.first = event.start if self.first is None else min(self.first, event.start)
        self.last = event.start if self.last is None else max(self.last, event.start)


Pair = tuple[CareEvent, Any]


class Run:
    """One pass over a file for one household: checks each row, sorts fresh from already-there."""

    def __init__(self, *, member: Member, bundle: Bundle, fmt: Format, choices: Choices, write: bool) -> None:
        self.member, self.bundle, self.fmt, self.choices, self.write = member, bundle, fmt, choices, write
        self.now = timezone.now()
        self.resolver = Resolver(member=member, source=fmt.key, choices=choices)
        self.preview = Preview(format=fmt, filename=bundle.filename)
        self.former: dict[str, Member] = {}
        # Ids met in this chunk, so a row the file repeats is added once; earlier chunks are in the
        # database by then (or, in a preview, counted once more: memory stays flat on a year of rows).
        self.seen: set[uuid.UUID] = set()
        self.describable = formats.children(bundle, fmt.key)
        self.added: dict[str, Child] = {}
        self.labels: dict[str, str] = {}

    def _child(self, name: str) -> Child | None:
        """The household's child for a name; for a restore, the export's child added as it was."""
        child = self.resolver.child(name)
        wanted = self.choices.children.get(name, NEW_CHILD)
        if child is not None or wanted != NEW_CHILD or name not in self.describable:
            return child
        if name not in self.added:
            about = self.describable[name]
            if self.write:
                self.added[name] = add_child(member=self.member, name=name[:40], **about)  # type: ignore[arg-type]
            else:
                self.added[name] = Child(household=self.member.household, name=name[:40], **about)
        return self.added[name]

    def _by(self, name: str) -> Member:
        who = self.resolver.person(name)
        if isinstance(who, Member):
            self.preview.people.setdefault(name, who.display_name)
            self.preview.people_chosen.setdefault(name, str(who.pk))
            return who
        self.preview.people.setdefault(name, f"{who} (kept as a name: not a member)")
        self.preview.people_chosen.setdefault(name, KEEP_NAME)
        if who not in self.former:
            relationship = f"From {self.fmt.label}"
            if self.write:
                self.former[who] = add_former_member(
                    member=self.member, display_name=who, relationship=relationship, now=self.now
                )
            else:
                self.former[who] = Member(household=self.member.household, display_name=who[:40])
        return self.former[who]

    def _client_id(self, row: Row) -> uuid.UUID:
        if row.client_id:
            try:
                return uuid.UUID(row.client_id)
            except ValueError:
                pass
        # Baby Buddy's API and its CSV export name a record alike: either way it is the same event.
        return uuid.uuid5(NAMESPACE, f"{self.fmt.key.removesuffix('_api')}:{row.source_id}")

    def _what(self, kind: str) -> str:
        if kind not in self.labels:
            definition = find(kind)
            self.labels[kind] = definition.label("en-GB") if definition is not None else kind
        return self.labels[kind]

    def _check(self, row: Row) -> Pair | Skip:
        what = self._what(row.kind)
        child = self._child(row.child)
        chosen = NEW_CHILD if row.child in self.added else SKIP_CHILD if child is None else str(child.pk)
        self.preview.children_chosen.setdefault(row.child, chosen)
        if child is None:
            left_out = self.choices.children.get(row.child) == SKIP_CHILD
            reason = LEFT_OUT if left_out else NO_CHILD
            return Skip(row.line, what, reason.format(name=row.child or "this child"))
        self.preview.children.setdefault(
            row.child, child.name + (" (added)" if row.child in self.added else "")
        )
        try:
            return check_imported_event(
                member=self.member,
                child=child,
                kind=row.kind,
                start=self.resolver.when(row.start),
                end=self.resolver.when(row.end) if row.end else None,
                by=self._by(row.person),
                logged_by=None if row.logger is None else self._by(row.logger),
                details=self._details(row),
                note=row.note[:2000],
                client_id=self._client_id(row),
                response=row.response,
                settled_after_minutes=row.settled_after_minutes,
                now=self.now,
            )
        except ValidationError as error:
            return Skip(row.line, what, " ".join(error.messages))

    def _details(self, row: Row) -> dict[str, Any]:
        details = {k: v for k, v in row.details.items() if v is not None}
        if row.kind == Kind.TEMPERATURE and not details.get("method"):
            self.preview.unsaid_method += 1
            # Left unsaid unless the parent says, as Baby Buddy's clients leave it (care migration 0009).
            self.preview.method = details["method"] = self.choices.temperature_method
        return details

    def candidates(self) -> Iterator[Pair]:
        for item in formats.read(self.bundle, self.fmt.key, imperial=self.choices.imperial):
            checked = self._check(item) if isinstance(item, Row) else item
            if isinstance(checked, Skip):
                self.preview.skip(checked)
            else:
                yield checked

    def fresh(self, chunk: list[Pair]) -> list[Pair]:
        """The chunk without events imported before (same client_id) or already logged by hand."""
        household_id = self.member.household_id
        self.seen = set()
        ids = [event.client_id for event, _ in chunk]
        taken = set(
            CareEvent.objects.filter(household_id=household_id, client_id__in=ids).values_list(
                "client_id", flat=True
            )
        )
        starts = [event.start for event, _ in chunk]
        children = {event.child_id for event, _ in chunk}
        kinds = {event.kind for event, _ in chunk}
        logged = {
            (child, kind, start.replace(second=0, microsecond=0))
            for child, kind, start in CareEvent.objects.filter(
                household_id=household_id,
                child_id__in=children,
                kind__in=kinds,
                deleted_at__isnull=True,
                start__gte=min(starts) - dt.timedelta(minutes=1),
                start__lte=max(starts) + dt.timedelta(minutes=1),
            ).values_list("child_id", "kind", "start")
        }
        kept = []
        for event, detail in chunk:
            if event.client_id in taken or event.client_id in self.seen:
                self.preview.already += 1
            elif (event.child_id, event.kind, event.start.replace(second=0, microsecond=0)) in logged:
                self._duplicate(event)
            else:
                self.preview.count(event)
                self.seen.add(event.client_id)
                kept.append((event, detail))
        return kept

    def _duplicate(self, event: CareEvent) -> None:
        self.preview.duplicate_count += 1
        if len(self.preview.duplicates) < LISTED:
            local = event.start.astimezone(self.member.household.zone)
            self.preview.duplicates.append(
                f"{event.get_kind_display()} for {event.child.name} at {local:%d %b %Y %H:%M}"
            )


def _chunks(pairs: Iterator[Pair]) -> Iterator[list[Pair]]:
    while chunk := list(islice(pairs, CHUNK)):
        yield chunk


def preview_import(*, member: Member, bundle: Bundle, fmt: Format, choices: Choices) -> Preview:
    """What an import would create, skip and find already there; writes nothing."""
    run = Run(member=member, bundle=bundle, fmt=fmt, choices=choices, write=False)
    for chunk in _chunks(run.candidates()):
        run.fresh(chunk)
    return run.preview


@dataclass(frozen=True)
class Imported:
    batch: ImportBatch
    preview: Preview


def run_import(*, member: Member, bundle: Bundle, fmt: Format, choices: Choices) -> Imported:
    """Import in one transaction: a bad row further down (a damaged file) leaves nothing behind."""
    if not member.is_parent:
        raise PermissionDenied("Only a parent can import into the log.")
    with transaction.atomic():
        run = Run(member=member, bundle=bundle, fmt=fmt, choices=choices, write=True)
        batch = ImportBatch.objects.create(
            household=member.household, by=member, source=fmt.key, filename=bundle.filename[:200]
        )
        for chunk in _chunks(run.candidates()):
            saved = save_imported_events(run.fresh(chunk))
            _link(batch, saved)
        preview = run.preview
        batch.created_count = preview.to_create
        batch.skipped_count = preview.skipped_count + preview.duplicate_count
        batch.save(update_fields=["created_count", "skipped_count"])
        _remember_people(member, fmt.key, run)
        _forget_nights(member, preview)
    return Imported(batch, preview)


def _link(batch: ImportBatch, events: list[CareEvent]) -> None:
    """Each event's link to its batch, as plain rows: two ids need no model instance each (a year is
    30,000 of them, and building them cost a sixth of the import)."""
    table = connection.ops.quote_name(ImportedEvent._meta.db_table)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (batch_id, event_id) VALUES (%s, %s)",  # noqa: S608 (our own table's name)
            [(batch.pk, event.pk) for event in events],
        )


def _remember_people(member: Member, source: str, run: Run) -> None:
    for name, who in run.resolver.people.items():
        chosen = who if isinstance(who, Member) else run.former.get(who)
        if chosen is not None and chosen.pk is not None:
            PersonChoice.objects.update_or_create(
                household_id=member.household_id, source=source, name=name[:80], defaults={"member": chosen}
            )


def _forget_nights(member: Member, preview: Preview) -> None:
    """Bulk writes send no signals: the remembered nights the import reaches are worked out again."""
    if preview.first is None or preview.last is None:
        return
    zone = member.household.zone
    day = preview.first.astimezone(zone).date() - dt.timedelta(days=1)
    last = preview.last.astimezone(zone).date() + dt.timedelta(days=1)
    nights = []
    while day <= last:
        nights.append(day)
        day += dt.timedelta(days=1)
    forget(household_id=member.household_id, nights=nights)


UNDO_TOO_LATE = "An import can be undone for {days} days; this one was {when}. Delete single events instead."


def can_undo(batch: ImportBatch, now: dt.datetime) -> bool:
    return batch.undone_at is None and now - batch.created_at <= dt.timedelta(days=UNDO_DAYS)


@transaction.atomic
def undo_import(*, member: Member, batch: ImportBatch, now: dt.datetime | None = None) -> int:
    """Take a whole import back out of the log; how many events went."""
    now = now or timezone.now()
    if batch.household_id != member.household_id:
        raise PermissionDenied("Not your household's import.")
    if batch.undone_at is not None:
        return 0
    if not can_undo(batch, now):
        raise ValidationError(UNDO_TOO_LATE.format(days=UNDO_DAYS, when=f"{batch.created_at:%d %B %Y}"))
    removed = remove_imported_events(
        member=member, event_ids=ImportedEvent.objects.filter(batch=batch).values_list("event_id", flat=True)
    )
    batch.undone_at = now
    batch.save(update_fields=["undone_at"])
    return removed
