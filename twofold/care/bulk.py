"""Writing a year of imported care fast: rows straight into their tables with one prepared `executemany`.

`bulk_create` spends most of an import's time in Django's insert compiler, which works out every value of
every object through generic machinery (half of a year's import, by profile). Here each field is asked once
for its column and each value only for what the database stores, as `bulk_create` would: `pre_save` (so
auto_now fields are filled) and `get_db_prep_save`. No signals are sent, as with `bulk_create`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import connection, models

from twofold.care.models import CareEvent

# Fewer rows than SQLite's and PostgreSQL's limits on one statement's parameters never matter here: each
# row is its own execution of the one prepared statement.
ID_CHUNK = 500


def _columns(model: type[models.Model]) -> list[models.Field[Any, Any]]:
    return [f for f in model._meta.concrete_fields if f is not model._meta.auto_field]


def insert_rows(objects: Sequence[models.Model]) -> None:
    """Insert unsaved objects of one model, without reading their new ids back."""
    if not objects:
        return
    model = type(objects[0])
    fields = _columns(model)
    table = connection.ops.quote_name(model._meta.db_table)
    names = ", ".join(connection.ops.quote_name(str(f.column)) for f in fields)
    marks = ", ".join(["%s"] * len(fields))
    rows = [[f.get_db_prep_save(f.pre_save(obj, True), connection) for f in fields] for obj in objects]
    with connection.cursor() as cursor:
        cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)  # noqa: S608 (our own names)


def insert_events(events: Sequence[CareEvent]) -> None:
    """Insert unsaved events of one household and give each its new id, found by its client_id (unique in
    the household), so their details can point at them."""
    if not events:
        return
    household_id = events[0].household_id
    if any(e.household_id != household_id for e in events):
        raise ValueError("insert_events writes the events of one household at a time")
    insert_rows(events)
    by_client = {e.client_id: e for e in events}
    ids = list(by_client)
    for start in range(0, len(ids), ID_CHUNK):
        found = CareEvent.objects.filter(
            household_id=household_id, client_id__in=ids[start : start + ID_CHUNK]
        )
        for client_id, pk in found.values_list("client_id", "pk"):
            event = by_client[client_id]
            event.pk = pk
            event._state.adding = False
            event._state.db = connection.alias
