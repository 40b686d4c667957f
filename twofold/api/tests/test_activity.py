"""GET /api/v1/activity/: the caller's audit entries, newest first, paginated, read-only, in the schema."""

from __future__ import annotations

import datetime as dt

import time_machine
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from twofold.audit.models import Action
from twofold.audit.services import record
from twofold.households.services import leave_household

URL = "/api/v1/activity/"
AT = dt.datetime(2026, 12, 5, 9, 30, tzinfo=dt.UTC)


def sam_viewed_alexs_result(world):
    with time_machine.travel(AT, tick=False):
        return record(
            action=Action.SCREENING_VIEWED,
            actor=world.sam.user,
            actor_name="Sam",
            concerns=[world.alex.user],
            household=world.alex.household,
            detail="PHQ-9 result of 3 Dec",
            about=world.alex.user,
            about_name="Alex",
        )


def test_an_empty_trail_is_an_empty_page(world, api_for):
    body = api_for(world.alex).get(URL).json()

    assert body == {"count": 0, "next": None, "previous": None, "results": []}


def test_the_owner_reads_the_entry_with_names(world, api_for):
    entry = sam_viewed_alexs_result(world)

    [row] = api_for(world.alex).get(URL).json()["results"]

    assert row == {
        "id": entry.pk,
        "at": "2026-12-05T09:30:00Z",
        "action": "screening_viewed",
        "words": "Sam viewed your PHQ-9 result of 3 Dec",
        "detail": "",
        "household": world.alex.household_id,
        "household_name": "Alex and Sam",
        "actor_name": "Sam",
        "actor_is_you": False,
        "about_name": "Alex",
        "about_is_you": True,
    }


def test_the_viewer_reads_it_from_their_side(world, api_for):
    sam_viewed_alexs_result(world)

    [row] = api_for(world.sam).get(URL).json()["results"]

    assert row["words"] == "You viewed Alex's PHQ-9 result of 3 Dec"
    assert (row["actor_is_you"], row["about_is_you"]) == (True, False)


def test_nobody_it_does_not_concern_sees_it(world, api_for):
    sam_viewed_alexs_result(world)
    record(action=Action.TOKEN_MADE, actor=world.alex.user, actor_name="Alex", concerns=[])

    assert api_for(world.pat).get(URL).json()["results"] == []
    assert api_for(world.robin).get(URL).json()["results"] == []
    sam_sees = [row["action"] for row in api_for(world.sam).get(URL).json()["results"]]
    assert sam_sees == ["screening_viewed"]


def test_entries_stay_listed_after_leaving(world, api_for):
    sam_viewed_alexs_result(world)
    leave_household(member=world.sam)

    assert len(api_for(world.sam).get(URL).json()["results"]) == 1


def test_pages_of_fifty_newest_first(world, api_for):
    kept = [
        record(action=Action.TOKEN_MADE, actor=world.alex.user, actor_name="Alex", concerns=[])
        for _ in range(51)
    ]

    first = api_for(world.alex).get(URL).json()
    second = api_for(world.alex).get(URL, {"page": 2}).json()

    assert first["count"] == 51 and len(first["results"]) == 50
    assert first["next"].endswith(f"{URL}?page=2")
    assert [row["id"] for row in first["results"] + second["results"]] == [e.pk for e in reversed(kept)]


def test_it_is_read_only(world, api_for):
    client = api_for(world.alex)

    assert client.post(URL, {}).status_code == 405
    assert client.delete(URL).status_code == 405


def test_it_needs_a_signed_in_caller(db):
    assert APIClient().get(URL).status_code in (401, 403)


def test_it_is_in_the_schema():
    schema = SchemaGenerator().get_schema(request=None, public=True)

    assert set(schema["paths"][URL]) == {"get"}
    row = schema["components"]["schemas"]["Activity"]["properties"]
    assert {"words", "actor_is_you", "about_is_you", "household"} <= set(row)
