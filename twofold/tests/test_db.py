"""twofold.db reads many rows fast; they must be the same rows the ORM would give."""

import datetime as dt

import pytest
from django.utils import timezone

from twofold.care.models import CareEvent
from twofold.care.rows import event_rows, row_query, rows_from
from twofold.care.services import log_care_event
from twofold.db import Prepared, RawTimestamp, moment
from twofold.households.models import Child


def _recent(household, since, until):
    return row_query(
        CareEvent.objects.filter(household_id=household, start__gte=since, start__lt=until).order_by("-start")
    )


PREPARED = Prepared(_recent, household=int, since=dt.datetime, until=dt.datetime)


def test_a_prepared_read_matches_the_orm_for_any_values(world):
    now = timezone.now()
    for hours in (1, 5, 30, 50):
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind="feed",
            start=now - dt.timedelta(hours=hours),
            end=now - dt.timedelta(hours=hours) + dt.timedelta(minutes=20),
            details={"method": "formula", "amount_ml": 120.5},
        )
    log_care_event(member=world.robin, child=world.bo, kind="bath", start=now - dt.timedelta(hours=2))
    for since_hours, until_hours in ((24, 0), (60, 3), (2, 0)):
        since, until = now - dt.timedelta(hours=since_hours), now - dt.timedelta(hours=until_hours)
        expected = event_rows(
            CareEvent.objects.filter(
                household_id=world.alex.household_id, start__gte=since, start__lt=until
            ).order_by("-start")
        )
        got = rows_from(PREPARED.fetch(household=world.alex.household_id, since=since, until=until))
        assert got == expected
    assert got[0].details["amount_ml"] == expected[0].details["amount_ml"]


def test_a_prepared_read_must_use_every_value(db):
    unused = Prepared(lambda household: CareEvent.objects.filter(pk=1).values_list("id"), household=int)
    with pytest.raises(RuntimeError, match="household"):
        unused.fetch(household=1)


def test_a_prepared_read_takes_dates_and_text(world):
    named = Prepared(
        lambda household, born, name: Child.objects.filter(
            household_id=household, birth_date__gte=born, name=name
        ).values_list("name"),
        household=int,
        born=dt.date,
        name=str,
    )
    household = world.alex.household_id
    assert named.fetch(household=household, born=dt.date(2026, 9, 30), name="Ada") == [("Ada",)]
    assert named.fetch(household=household, born=dt.date(2026, 10, 2), name="Ada") == []
    assert named.fetch(household=household, born=dt.date(2026, 9, 30), name="Bo") == []


def test_a_prepared_read_takes_a_list_of_any_length(world):
    born = Prepared(
        lambda household, children: (
            Child.objects.filter(household_id=household, pk__in=children).order_by("name").values_list("name")
        ),
        household=int,
        children=list,
    )
    household, ada, bo = world.alex.household_id, world.ada.pk, world.bo.pk
    assert born.fetch(household=household, children=[ada]) == [("Ada",)]
    assert born.fetch(household=world.robin.household_id, children=[bo]) == [("Bo",)]
    assert born.fetch(household=household, children=[bo, -1, ada]) == [("Ada",)]
    # Bo is another household's child: not found through this one, whatever the list.
    assert born.fetch(household=household, children=[bo]) == []
    assert born.fetch(household=household, children=[bo, -1]) == []


def test_a_stored_time_is_the_same_moment_however_the_driver_returned_it():
    utc = dt.datetime(2026, 11, 23, 23, 12, tzinfo=dt.UTC)
    assert moment("2026-11-23 23:12:00") == utc
    assert moment("2026-11-23 23:12:00.250000") == utc + dt.timedelta(milliseconds=250)
    assert moment("2026-11-24 00:12:00+01:00") == utc
    assert moment(dt.datetime(2026, 11, 23, 23, 12)) == utc
    assert moment(utc) is utc
    assert moment(None) is None
    assert moment("2026-11-23 23:12:00").utcoffset() == dt.timedelta(0)


@pytest.mark.parametrize("microseconds", [0, 174_000, 999_999])
def test_a_raw_timestamp_read_is_the_stored_moment_on_either_database(world, microseconds):
    start = dt.datetime(2026, 11, 23, 23, 12, 5, microseconds, tzinfo=dt.UTC)
    event = log_care_event(member=world.alex, child=world.ada, kind="note", start=start, details={}).event

    [(raw_start, raw_end)] = (
        CareEvent.objects.filter(pk=event.pk)
        .annotate(start_s=RawTimestamp("start"), end_s=RawTimestamp("end"))
        .values_list("start_s", "end_s")
    )

    # Naive UTC text as SQLite stores it, on PostgreSQL too: the shape `moment` parses fastest.
    assert raw_start.startswith("2026-11-23 23:12:05") and "+" not in raw_start
    assert moment(raw_start) == start and moment(raw_end) == event.end
