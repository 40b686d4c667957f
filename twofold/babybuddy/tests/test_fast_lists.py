"""Each of Baby Buddy's lists is read in the order of an index, so a page reads only its own rows (Twofold's
own list: twofold/api/tests/test_events_list_reads_its_page.py; timings: benchmarks/babybuddy_api.py)."""

from __future__ import annotations

from twofold.api.tests.test_events_list_reads_its_page import plan, sorted_apart
from twofold.babybuddy.resources import RESOURCES
from twofold.babybuddy.selectors import entries


def test_each_baby_buddy_list_is_read_in_the_order_of_an_index(world):
    for resource in RESOURCES.values():
        page = entries(households=[world.ada.household_id], resource=resource)[:100]

        text = plan(page)

        assert not sorted_apart(text), (resource.path, text)
        expected = "event_kind_recent_end" if resource.by_end else "event_kind_recent"
        assert expected in text, (resource.path, text)
