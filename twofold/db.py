"""Reading many rows quickly, on SQLite and PostgreSQL alike.

Django converts every value it reads (datetimes made aware, decimals, JSON); over a thousand rows that costs
more than the page's own work. For the few reads that return many rows, times are selected raw and the rows
are fetched through the cursor, then turned into Python values here, once.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, overload

from django.db import connection
from django.db.models import Func, QuerySet, TextField

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper
    from django.db.models.sql.compiler import SQLCompiler, _AsSqlType


class RawTimestamp(Func):
    """A timestamp column as text, which the driver hands back without Django's converters.

    SQLite stores it as ISO text: reading it as TEXT skips the per-value converter. PostgreSQL's driver would
    return aware datetimes, but through Django's own loader, written in Python (its `_load_iso` was most of
    the summary's time there); so it is written as SQLite stores it, naive UTC to the microsecond, and
    `moment` parses both alike, in C.
    """

    output_field = TextField()
    template = "CAST(%(expressions)s AS TEXT)"

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> _AsSqlType:
        template = "to_char(%(expressions)s AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')"
        return self.as_sql(compiler, connection, template=template, **extra)


# SQLite's stored times: "2026-11-23 23:12:00" and "2026-11-23 23:12:00.123456", UTC without an offset.
_NAIVE_LENGTHS = (19, 26)


@overload
def moment(value: str | dt.datetime) -> dt.datetime: ...
@overload
def moment(value: None) -> None: ...
@overload
def moment(value: str | dt.datetime | None) -> dt.datetime | None: ...
def moment(value: str | dt.datetime | None) -> dt.datetime | None:
    """A stored UTC time as an aware datetime, whichever way the driver returned it."""
    if value is None:
        return None
    if isinstance(value, str):
        if len(value) in _NAIVE_LENGTHS:
            # Told its offset in the text, the C parser makes it aware several times faster than replace().
            return dt.datetime.fromisoformat(value + "+00:00")
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
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows


class Prepared:
    """A read whose SQL is compiled once and then run with new values.

    Django takes longer to compile the care log's ten-table reads (over a millisecond) than the database
    takes to answer them; for the few fixed-shape reads on every page, the SQL is made once from the ORM
    with stand-in values, and each call swaps the real values in at the stand-ins' positions. A `list`
    argument (of ints, for `__in`) is compiled once for each length it comes in.
    """

    def __init__(self, build: Callable[..., QuerySet[Any]], **kinds: type) -> None:
        self.build = build
        self.kinds = kinds  # argument name -> int, str, dt.date, dt.datetime or list (of ints)
        self._compiled: dict[tuple[Any, ...], tuple[str, list[Any], dict[tuple[str, int], list[int]]]] = {}

    def _stand_ins(self, lengths: dict[str, int]) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for n, (name, kind) in enumerate(sorted(self.kinds.items()), start=1):
            if kind is int:
                values[name] = -7_000_000 - n
            elif kind is list:
                values[name] = [-8_000_000 - 1000 * n - i for i in range(lengths[name])]
            elif kind is str:
                values[name] = f"\x00stand-in {n}"
            elif kind is dt.date:
                values[name] = dt.date(1901, 1, n)
            else:
                values[name] = dt.datetime(1901, 1, 1, 0, 0, n, tzinfo=dt.UTC)
        return values

    def _adapt(self, value: Any) -> Any:
        if isinstance(value, dt.datetime):
            return connection.ops.adapt_datetimefield_value(value)
        if isinstance(value, dt.date):
            return connection.ops.adapt_datefield_value(value)
        return value

    def _flat(self, values: dict[str, Any]) -> dict[tuple[str, int], Any]:
        """Each value by (argument, place in its list; 0 for a single value), adapted for the database."""
        flat: dict[tuple[str, int], Any] = {}
        for name, value in values.items():
            for i, one in enumerate(value if self.kinds[name] is list else [value]):
                flat[name, i] = self._adapt(one)
        return flat

    def _compile(self, lengths: dict[str, int]) -> tuple[str, list[Any], dict[tuple[str, int], list[int]]]:
        key = (connection.vendor, *sorted(lengths.items()))
        if key not in self._compiled:
            stand_ins = self._stand_ins(lengths)
            sql, params = self.build(**stand_ins).query.sql_with_params()
            positions = {
                place: [i for i, p in enumerate(params) if p == value]
                for place, value in self._flat(stand_ins).items()
            }
            missing = sorted({name for (name, _), found in positions.items() if not found})
            if missing:
                raise RuntimeError(f"Prepared query does not use {missing}")
            self._compiled[key] = (sql, list(params), positions)
        return self._compiled[key]

    def fetch(self, **values: Any) -> list[tuple[Any, ...]]:
        lengths = {name: len(values[name]) for name, kind in self.kinds.items() if kind is list}
        sql, params, positions = self._compile(lengths)
        bound = list(params)
        for place, value in self._flat(values).items():
            for i in positions[place]:
                bound[i] = value
        with connection.cursor() as cursor:
            cursor.execute(sql, bound)
            rows: list[tuple[Any, ...]] = cursor.fetchall()
            return rows
