"""Each of Baby Buddy's lists is read in the order of an index, so a page reads only its own rows (Twofold's
own list: twofold/api/tests/test_events_list_reads_its_page.py; timings: benchmarks/babybuddy_api.py)."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from twofold.api.tests.test_events_list_reads_its_page import sorted_apart
from twofold.babybuddy.resources import RESOURCES
from twofold.babybuddy.selectors import entries
from twofold.tests.plans import query_plan, settle

from .conftest import NOW
from .logs import log_a_fortnight


def test_each_baby_buddy_list_is_read_in_the_order_of_an_index(world):
    log_a_fortnight(world, until=NOW)
    settle("care_careevent", "care_play")
    for resource in RESOURCES.values():
        page = entries(households=[world.ada.household_id], resource=resource)[:100]

        text = query_plan(page)

        assert not sorted_apart(text), (resource.path, text)
        expected = "event_kind_recent_end" if resource.by_end else "event_kind_recent"
        assert expected in text, (resource.path, text)


def count_plan(queryset) -> str:
    """How the database means to count the list, as in a log too big to read whole (on PostgreSQL)."""
    with CaptureQueriesContext(connection) as queries:
        queryset.count()
    sql = queries.captured_queries[-1]["sql"]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute("EXPLAIN QUERY PLAN " + sql)
            return "\n".join(str(row) for row in cursor.fetchall())
        # An index-only read needs the table's visibility map, which only VACUUM writes (outside a
        # transaction: hence this test's `transactional_db`); a year-old log has had it from autovacuum.
        # FULL first, to rebuild the table and its indexes from this test's rows alone (see plans.settle).
        cursor.execute("VACUUM FULL care_careevent")
        cursor.execute("VACUUM ANALYZE care_careevent")
        cursor.execute("SET enable_seqscan = off")
        cursor.execute("SET enable_bitmapscan = off")
        cursor.execute("EXPLAIN " + sql)
        text = "\n".join(str(row) for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
        cursor.execute("RESET enable_bitmapscan")
        return text


def test_each_lists_count_reads_only_an_index(transactional_db, world):
    # Baby Buddy's clients read `count`: a COUNT over the child's whole log of a kind. It still grows with
    # the log, but reads no table rows, only the index entries (tummy time also asks play which activity).
    log_a_fortnight(world, until=NOW)
    for resource in RESOURCES.values():
        if resource.only is not None:
            continue
        text = count_plan(entries(households=[world.ada.household_id], resource=resource))

        assert "event_kind_recent_end" in text, (resource.path, text)
        assert "COVERING INDEX" in text or "Index Only Scan" in text, (resource.path, text)
