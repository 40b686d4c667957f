"""Imported care written straight into its tables: each event gets its own new id back, its detail points at
it, and what Django would fill on save (updated_at) is filled."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest

from twofold.care.bulk import insert_events, insert_rows
from twofold.care.models import CareEvent, Feed, Kind, Nappy

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


def _event(world, kind: str, n: int, household=None, child=None) -> CareEvent:
    household = household or world.alex.household
    child = child or world.ada
    member = world.alex if household == world.alex.household else world.robin
    return CareEvent(
        household=household,
        child=child,
        kind=kind,
        by=member,
        logged_by=member,
        start=START + dt.timedelta(hours=n),
        client_id=uuid.uuid4(),
        created_at=START,
    )


@pytest.mark.django_db
def test_events_get_their_new_ids_and_their_details_point_at_them(world):
    already = CareEvent.objects.create(
        household=world.alex.household,
        child=world.ada,
        kind=Kind.NAPPY,
        by=world.alex,
        logged_by=world.alex,
        start=START - dt.timedelta(days=1),
    )
    events = [_event(world, Kind.FEED if n % 2 else Kind.NAPPY, n) for n in range(1200)]
    insert_events(events)

    assert not any(e._state.adding for e in events)
    assert len({e.pk for e in events}) == 1200 and already.pk not in {e.pk for e in events}
    stored = dict(CareEvent.objects.exclude(pk=already.pk).values_list("client_id", "pk"))
    assert stored == {e.client_id: e.pk for e in events}
    assert CareEvent.objects.filter(updated_at__isnull=True).count() == 0

    feeds = [Feed(event=e, method="bottle", amount_ml=Decimal("90.5")) for e in events if e.kind == Kind.FEED]
    nappies = [Nappy(event=e, contents="wet") for e in events if e.kind == Kind.NAPPY]
    insert_rows(feeds)
    insert_rows(nappies)
    assert Feed.objects.count() == Nappy.objects.count() == 600
    first = CareEvent.objects.get(pk=events[1].pk)
    assert first.feed.amount_ml == Decimal("90.5") and first.start == START + dt.timedelta(hours=1)


@pytest.mark.django_db
def test_events_of_two_households_are_refused_before_anything_is_written(world):
    mixed = [_event(world, Kind.NAPPY, 0), _event(world, Kind.NAPPY, 1, world.robin.household, world.bo)]
    with pytest.raises(ValueError, match="one household"):
        insert_events(mixed)
    assert CareEvent.objects.count() == 0
