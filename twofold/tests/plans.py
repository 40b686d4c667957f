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
