"""A Baby Buddy client's create reads its key, the caller's memberships and the child (or timer) once each,
then writes: pinned, so the create stays fast (timings: benchmarks/babybuddy_api.py)."""

from __future__ import annotations

from twofold.babybuddy.models import Timer
from twofold.care.models import CareEvent

FEED = {"type": "formula", "method": "bottle", "amount": 90}
# The key, the memberships, the child; the event and the feed, in a savepoint in the test's transaction (in
# a request, BEGIN and COMMIT). A feed at night adds the nights insights forgets.
CREATE_QUERIES = 7
# The timer instead of the child, and its delete, in one transaction (a savepoint more) with the entry.
CREATE_FROM_TIMER_QUERIES = 10


def test_a_create_reads_each_thing_once(world, baby_buddy, django_assert_max_num_queries):
    client = baby_buddy(world.alex)
    client.get("/api/")  # the key's first use is noted once an hour; this one is not the create's
    client.get("/api/tags/")
    body = {"child": world.ada.pk, "start": "2026-11-20 09:00:00", "end": "2026-11-20 09:20:00"} | FEED

    with django_assert_max_num_queries(CREATE_QUERIES):
        made = client.post("/api/feedings/", body)

    assert made.status_code == 201
    assert CareEvent.objects.get(pk=made.json()["id"]).feed.amount_ml == 90


def test_a_create_from_a_timer_reads_the_timer_instead_of_the_child(
    world, baby_buddy, django_assert_max_num_queries
):
    client = baby_buddy(world.alex)
    client.get("/api/tags/")
    timer = Timer.objects.create(household=world.alex.household, child=world.ada, member=world.alex)

    with django_assert_max_num_queries(CREATE_FROM_TIMER_QUERIES):
        made = client.post("/api/feedings/", {"timer": timer.pk} | FEED)

    assert made.status_code == 201
    assert CareEvent.objects.get(pk=made.json()["id"]).child == world.ada
    assert not Timer.objects.filter(pk=timer.pk).exists()
