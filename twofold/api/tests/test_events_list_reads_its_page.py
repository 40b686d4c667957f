"""The care log's list reads only its page: in the order of an index, with or without a kind, and never
counting the log, so a page costs the same in a year's log as in a week's (benchmarks/babybuddy_api.py)."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from twofold.care.selectors import HistoryFilter, events_for_user, filter_events
from twofold.care.services import log_care_event
from twofold.tests.plans import query_plan


def sorted_apart(text: str) -> bool:
    """Whether the database sorts the rows itself rather than reading them in an index's order."""
    return "TEMP B-TREE FOR ORDER BY" in text or "Sort" in text


def test_the_events_list_is_read_in_the_order_of_an_index_with_or_without_a_kind(world):
    everything = events_for_user(user=world.alex.user)

    for events in (everything, filter_events(everything, HistoryFilter(kind="feed"))):
        assert not sorted_apart(query_plan(events[:51]))


def test_the_events_list_reads_one_row_more_than_its_page_and_never_counts(world):
    for minutes in range(3):
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind="bath",
            start=timezone.now() - dt.timedelta(hours=minutes + 1),
        )

    client = APIClient()
    client.force_authenticate(world.alex.user)

    with CaptureQueriesContext(connection) as queries:
        assert client.get("/api/v1/events/").status_code == 200

    sql = [q["sql"] for q in queries.captured_queries]
    assert not any("COUNT(" in s for s in sql)
    assert any("LIMIT 51" in s for s in sql)
