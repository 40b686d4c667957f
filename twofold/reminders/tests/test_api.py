"""A member's own reminder settings and push devices over /api/v1/reminders/: read, changed, removed; a
clear 400 for what does not fit; never another member's, in the same household or another."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from rest_framework.test import APIClient

from twofold.push.models import PushDevice
from twofold.reminders.models import ReminderSettings

NOW = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)
SETTINGS = "/api/v1/reminders/settings/"
DEVICES = "/api/v1/reminders/devices/"


def api_as(member) -> APIClient:
    client = APIClient()
    client.force_authenticate(member.user)
    return client


def device_of(member, n: int = 0) -> PushDevice:
    return PushDevice.objects.create(
        user=member.user,
        name=f"{member.display_name}'s phone",
        endpoint=f"https://push.example.net/v1/{member.pk}/{n}",
        p256dh="B" + "A" * 86,
        auth="A" * 22,
    )


@pytest.fixture(autouse=True)
def at_noon():
    with time_machine.travel(NOW, tick=False):
        yield


def test_a_member_reads_their_defaults_by_household(world):
    body = api_as(world.sam).get(SETTINGS).json()
    household = world.sam.household_id
    assert body["results"] == [
        {
            "id": household,
            "household": household,
            "member": world.sam.pk,
            "topics": {
                "feed": False,
                "medicine": True,
                "timer": True,
                "shift": True,
                "checkin": True,
                "screening": True,
                "circle_ask": True,
                "circle_night": True,
                "circle_drop": True,
            },
            "in_my_block": [],
            "night_reminders": True,
            "quiet_from": None,
            "quiet_until": None,
            "paused_until": None,
            "email": "never",
        }
    ]
    assert api_as(world.sam).get(f"{SETTINGS}{household}/").json() == body["results"][0]


def test_a_member_changes_some_settings_and_the_rest_stay(world):
    client = api_as(world.sam)
    url = f"{SETTINGS}{world.sam.household_id}/"
    answer = client.patch(
        url,
        {
            "topics": {"feed": True, "checkin": False},
            "quiet_from": "13:00",
            "quiet_until": "15:30",
            "email": "fallback",
            "in_my_block": ["medicine"],
            "paused_until": "2026-12-06T18:00",  # household time: London is on UTC in December
        },
        format="json",
    )
    assert answer.status_code == 200, answer.json()
    body = answer.json()
    assert body["topics"] == {
        "feed": True,
        "medicine": True,
        "timer": True,
        "shift": True,
        "checkin": False,
        "screening": True,
        "circle_ask": True,
        "circle_night": True,
        "circle_drop": True,
    }
    assert (body["quiet_from"], body["quiet_until"], body["email"]) == ("13:00:00", "15:30:00", "fallback")
    assert body["paused_until"] == "2026-12-06T18:00:00Z"
    saved = ReminderSettings.objects.get(member=world.sam)
    assert sorted(saved.topics) == [
        "circle_ask",
        "circle_drop",
        "circle_night",
        "feed",
        "medicine",
        "screening",
        "shift",
        "timer",
    ]
    assert saved.in_my_block == ["medicine"] and saved.night_reminders is True
    assert saved.paused_until == dt.datetime(2026, 12, 6, 18, tzinfo=dt.UTC)

    resumed = client.patch(url, {"paused_until": None}, format="json").json()
    assert resumed["paused_until"] is None and resumed["email"] == "fallback"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"quiet_from": "22:00"}, "quiet_until"),
        ({"quiet_from": "22:00", "quiet_until": "22:00"}, "quiet_until"),
        ({"quiet_from": "25:00", "quiet_until": "06:00"}, "quiet_from"),
        ({"email": "sometimes"}, "email"),
        ({"topics": {"feed": "perhaps"}}, "topics"),
        ({"in_my_block": ["screening"]}, "in_my_block"),
        ({"paused_until": "2026-12-06T11:00:00Z"}, "paused_until"),
        ({"night_reminders": "yes please"}, "night_reminders"),
    ],
)
def test_bad_settings_get_a_400_naming_the_field_and_change_nothing(world, change, field):
    client = api_as(world.sam)
    ReminderSettings.objects.create(member=world.sam, email="always")
    answer = client.patch(f"{SETTINGS}{world.sam.household_id}/", change, format="json")
    assert answer.status_code == 400
    assert field in answer.json()
    saved = ReminderSettings.objects.get(member=world.sam)
    assert (saved.email, saved.quiet_from, saved.paused_until) == ("always", None, None)


def test_each_member_of_a_household_has_their_own_settings_and_never_sees_the_others(world):
    household = world.alex.household_id
    api_as(world.alex).patch(f"{SETTINGS}{household}/", {"email": "always"}, format="json")
    assert ReminderSettings.objects.get(member=world.alex).email == "always"
    assert not ReminderSettings.objects.filter(member=world.sam).exists()
    assert api_as(world.sam).get(f"{SETTINGS}{household}/").json()["email"] == "never"
    assert api_as(world.sam).get(f"{SETTINGS}{world.robin.household_id}/").status_code == 404
    other = api_as(world.sam).patch(
        f"{SETTINGS}{world.robin.household_id}/", {"email": "always"}, format="json"
    )
    assert other.status_code == 404
    assert not ReminderSettings.objects.filter(member=world.robin).exists()


def test_a_person_lists_and_removes_only_their_own_devices(world):
    mine, theirs = device_of(world.sam), device_of(world.alex)
    client = api_as(world.sam)
    listed = client.get(DEVICES).json()["results"]
    assert [(d["id"], d["name"]) for d in listed] == [(mine.pk, "Sam's phone")]
    assert "endpoint" not in listed[0] and "auth" not in listed[0]
    assert client.delete(f"{DEVICES}{theirs.pk}/").status_code == 404
    assert client.delete(f"{DEVICES}{mine.pk}/").status_code == 204
    assert list(PushDevice.objects.all()) == [theirs]


def test_the_schema_documents_the_new_operations(world):
    schema = api_as(world.sam).get("/api/v1/schema/?format=json").json()
    paths = schema["paths"]
    assert set(paths[f"{SETTINGS}{{id}}/"]) >= {"get", "patch"}
    assert "put" not in paths[f"{SETTINGS}{{id}}/"]
    assert set(paths[f"{DEVICES}{{id}}/"]["delete"]["responses"]) >= {"204", "401", "404"}
    assert set(paths[f"{SETTINGS}{{id}}/"]["patch"]["responses"]) >= {"200", "400", "404"}
