"""How the database means to read a query, for the tests that hold a read to its index on both databases."""

from __future__ import annotations

from typing import Any

from django.db import connection
from django.db.models import QuerySet


def query_plan(queryset: QuerySet[Any, Any]) -> str:
    """The plan as text (on PostgreSQL, as for a log too big to read whole)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # A test's tables are tiny, where reading them whole, or sorting them, is cheapest; a year's log
            # is not. With both off the planner still sorts when no index gives the order (at a cost), so a
            # missing index still shows as a Sort, whatever the tiny tables' statistics say.
            cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute("SET LOCAL enable_sort = off")
            cursor.execute("EXPLAIN " + sql, params)
        else:
            cursor.execute("EXPLAIN QUERY PLAN " + sql, params)
        return "\n".join(str(row) for row in cursor.fetchall())


def settle(*tables: str) -> None:
    """On PostgreSQL, let the planner weigh the tables as they are now, and only as they are now.

    Between two indexes that both give a list's order, PostgreSQL picks by their size and the table's
    statistics. In a test database both carry the history of every test before this one on the worker:
    each rolled-back insert leaves its index entries behind, and ANALYZE writes a table's size outside the
    transaction. So the pick followed the order the tests ran in, and failed a whole run now and then.
    Rebuilding the indexes from the rows there now, and analysing them, leaves only the test's own rows.
    """
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for table in tables:
            cursor.execute(f"REINDEX TABLE {connection.ops.quote_name(table)}")
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
