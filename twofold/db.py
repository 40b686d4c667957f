"""Reading many rows quickly, on SQLite and PostgreSQL alike.

Django converts every value it reads (datetimes made aware, decimals, JSON); over a thousand rows that costs
more than the page's own work. For the few reads that return many rows, times are selected raw and the rows
are fetched through the cursor, then turned into Python values here, once.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import Func, QuerySet, TextField


class RawTimestamp(Func):
    """A timestamp column that the driver hands back without Django's converters.

    SQLite stores it as ISO text: reading it as TEXT skips the per-value converter, and Python parses it in C.
    PostgreSQL's driver already returns aware datetimes quickly.
    """

    output_field = TextField()

    def as_sqlite(self, compiler, connection, **extra):  # type: ignore[no-untyped-def]
        return self.as_sql(compiler, connection, template="CAST(%(expressions)s AS TEXT)", **extra)

    def as_postgresql(self, compiler, connection, **extra):  # type: ignore[no-untyped-def]
        return self.as_sql(compiler, connection, template="%(expressions)s", **extra)


def moment(value: str | dt.datetime | None) -> dt.datetime | None:
    """A stored UTC time as an aware datetime, whichever way the driver returned it."""
    if value is None:
        return None
    if isinstance(value, str):
        value = dt.datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def decimal(value: float | int | str | Decimal | None) -> Decimal | None:
    """SQLite hands decimals back as floats: go through their shortest text so 120.5 stays 120.5."""
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value))


def json_value(value: Any) -> Any:
    """PostgreSQL decodes JSON itself; SQLite returns the text."""
    return json.loads(value) if isinstance(value, str) else value


def fetch(query: QuerySet[Any]) -> list[tuple[Any, ...]]:
    """The rows of a values_list() query, as the database driver returns them."""
    sql, params = query.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
