"""Children and members: read-only, and only from households where the caller is still a member."""

from __future__ import annotations

import datetime as dt

import time_machine

from twofold.households.services import accept_invitation, invite, leave_household

CHILDREN = "/api/v1/children/"
MEMBERS = "/api/v1/members/"


def test_children_are_listed_with_their_age_in_days(world, api_for):
    with time_machine.travel(dt.datetime(2026, 10, 11, 12, 0, tzinfo=dt.UTC)):
        body = api_for(world.sam).get(CHILDREN).json()

    assert body["results"] == [
        {
            "id": world.ada.pk,
            "household": world.ada.household_id,
            "name": "Ada",
            "birth_date": "2026-10-01",
            "feeding_method": "mixed",
            "sex": "",
            "gestation_weeks": None,
            "gestation_days": None,
            "age_days": 10,
        }
    ]


def test_a_childs_age_turns_over_at_the_households_midnight(world, api_for):
    # 01:30 in London on the 11th is still the 10th in New York, where Bo lives.
    with time_machine.travel(dt.datetime(2026, 10, 11, 1, 30, tzinfo=dt.UTC)):
        ada = api_for(world.alex).get(f"{CHILDREN}{world.ada.pk}/").json()
        bo = api_for(world.robin).get(f"{CHILDREN}{world.bo.pk}/").json()

    assert ada["age_days"] == 10
    assert bo["age_days"] == (dt.date(2026, 10, 10) - dt.date(2026, 9, 1)).days


def test_members_are_listed_without_private_details(world, api_for):
    body = api_for(world.pat).get(MEMBERS).json()

    assert body["results"][0] == {
        "id": world.alex.pk,
        "household": world.alex.household_id,
        "display_name": "Alex",
        "relationship": "",
        "role": "parent",
        "active": True,
    }
    assert [(m["display_name"], m["role"]) for m in body["results"]] == [
        ("Alex", "parent"),
        ("Sam", "parent"),
        ("Pat", "helper"),
    ]


def test_someone_who_left_is_still_listed_as_inactive(world, api_for):
    leave_household(member=world.pat)

    body = api_for(world.alex).get(MEMBERS).json()

    assert {m["display_name"]: m["active"] for m in body["results"]} == {
        "Alex": True,
        "Sam": True,
        "Pat": False,
    }


def test_someone_who_left_sees_nothing_of_the_household(world, api_for):
    leave_household(member=world.pat)
    client = api_for(world.pat)

    assert client.get(CHILDREN).json()["count"] == 0
    assert client.get(MEMBERS).json()["count"] == 0
    assert client.get(f"{CHILDREN}{world.ada.pk}/").status_code == 404
    response = client.post("/api/v1/events/", {"child": world.ada.pk, "kind": "bath"}, format="json")
    assert response.status_code == 400
    assert not world.ada.events.exists()


def test_a_member_of_two_households_sees_both(world, api_for):
    accept_invitation(
        user=world.sam.user, token=invite(member=world.robin, role="helper").token, display_name="Sam"
    )
    client = api_for(world.sam)

    children = client.get(CHILDREN).json()["results"]
    logged = client.post("/api/v1/events/", {"child": world.bo.pk, "kind": "bath"}, format="json")

    assert {c["name"] for c in children} == {"Ada", "Bo"}
    assert logged.status_code == 201
    event = world.bo.events.get()
    assert event.household_id == world.bo.household_id
    assert event.by.household_id == world.bo.household_id
    assert event.by.user == world.sam.user
    assert event.by != world.sam


def test_children_cannot_be_written_through_the_api(world, api_for):
    response = api_for(world.alex).post(CHILDREN, {"name": "Eve", "birth_date": "2026-10-01"}, format="json")

    assert response.status_code == 405
    assert world.ada.household.children.count() == 1
