"""Baby Buddy's API as its clients meet it, rule by rule from Baby Buddy's docs/api.md and its api/ source:
the key header and 403s, form and JSON bodies, its datetimes, pages, filters, orders, durations, timers."""

from __future__ import annotations

import datetime as dt

import time_machine
from rest_framework.test import APIClient

from twofold.babybuddy.models import Timer
from twofold.care.models import CareEvent
from twofold.care.services import log_care_event
from twofold.households.services import accept_invitation, invite

from .conftest import NOW, key_for

FEEDINGS = "/api/feedings/"


def feed(world, start, minutes=15, member=None, **details):
    return log_care_event(
        member=member or world.alex,
        child=world.ada,
        kind="feed",
        start=start,
        end=start + dt.timedelta(minutes=minutes),
        details={"method": "formula", "amount_ml": 90} | details,
    ).event


def test_without_a_key_or_with_a_wrong_one_it_is_403_as_in_baby_buddy(world):
    anonymous = APIClient().get(FEEDINGS)
    wrong = APIClient(HTTP_AUTHORIZATION="Token not-a-key").get(FEEDINGS)

    assert anonymous.status_code == 403
    assert "detail" in anonymous.json()
    assert wrong.status_code == 403


def test_the_root_lists_every_resource_as_an_absolute_url_without_a_key(db):
    body = APIClient().get("/api/").json()

    assert body["feedings"] == "http://testserver/api/feedings/"
    assert body["profile"] == "http://testserver/api/profile"
    for path in ("children", "sleep", "changes", "tummy-times", "pumping", "notes", "temperature", "weight"):
        assert body[path] == f"http://testserver/api/{path}/"
    assert {"height", "head-circumference", "bmi", "medication", "timers", "tags"} <= set(body)


def test_a_form_encoded_feeding_with_python_datetimes_is_logged_by_the_keys_owner(world, baby_buddy):
    # Home Assistant sends str(datetime): a space, and an offset of hours only.
    body = {
        "child": world.ada.pk,
        "start": "2026-11-20 08:00:00+01",
        "end": "2026-11-20 08:20:30.250000+01",
        "type": "breast milk",
        "method": "left breast",
    }

    response = baby_buddy(world.sam).post(FEEDINGS, body)

    assert response.status_code == 201, response.json()
    event = CareEvent.objects.get(pk=response.json()["id"])
    assert (event.by, event.logged_by) == (world.sam, world.sam)
    assert event.start == dt.datetime(2026, 11, 20, 7, 0, tzinfo=dt.UTC)
    assert (event.feed.method, event.feed.side) == ("breast", "left")
    assert response.json()["duration"] == "00:20:30.250000"
    assert response.json()["type"] == "breast milk" and response.json()["method"] == "left breast"


def test_times_without_offset_are_the_households_clock_and_come_back_in_its_zone(world, baby_buddy):
    body = {"child": world.bo.pk, "time": "2026-11-20 03:00:00", "wet": True, "solid": True}

    response = baby_buddy(world.robin).post("/api/changes/", body, format="json")

    assert response.status_code == 201, response.json()
    assert CareEvent.objects.get(pk=response.json()["id"]).start == dt.datetime(
        2026, 11, 20, 8, tzinfo=dt.UTC
    )
    assert response.json()["time"] == "2026-11-20T03:00:00-05:00"
    assert (response.json()["wet"], response.json()["solid"]) == (True, True)
    assert CareEvent.objects.get(pk=response.json()["id"]).nappy.contents == "both"


def test_a_page_is_limit_and_offset_with_absolute_links_that_keep_the_filters(world, baby_buddy):
    for hours in range(1, 6):
        feed(world, NOW - dt.timedelta(hours=hours))

    body = (
        baby_buddy(world.alex)
        .get(FEEDINGS, {"child": world.ada.pk, "limit": 2, "offset": 2, "x": "y"})
        .json()
    )

    assert body["count"] == 5
    assert len(body["results"]) == 2
    assert body["next"].startswith("http://testserver/api/feedings/?")
    assert f"child={world.ada.pk}" in body["next"] and "offset=4" in body["next"]
    assert "offset" not in body["previous"] or "offset=0" in body["previous"]


def test_feedings_are_newest_first_by_end_and_tummy_time_by_start(world, baby_buddy):
    long_one = feed(world, NOW - dt.timedelta(hours=3), minutes=150)  # ends 09:30
    short_one = feed(world, NOW - dt.timedelta(hours=2), minutes=10)  # ends 08:10
    client = baby_buddy(world.alex)

    ids = [row["id"] for row in client.get(FEEDINGS).json()["results"]]

    assert ids == [long_one.pk, short_one.pk]
    for start, minutes in ((NOW - dt.timedelta(hours=3), 60), (NOW - dt.timedelta(hours=2), 5)):
        client.post(
            "/api/tummy-times/",
            {"child": world.ada.pk, "start": str(start), "end": str(start + dt.timedelta(minutes=minutes))},
        )
    starts = [row["start"] for row in client.get("/api/tummy-times/").json()["results"]]
    assert starts == sorted(starts, reverse=True)


def test_filters_narrow_the_list_and_unknown_parameters_are_ignored(world, baby_buddy):
    early = feed(world, NOW - dt.timedelta(hours=6))
    late = feed(world, NOW - dt.timedelta(hours=1), method="breast", side="right", amount_ml=None)
    client = baby_buddy(world.alex)

    def ids(**params):
        return [row["id"] for row in client.get(FEEDINGS, params).json()["results"]]

    assert ids(start_min="2026-11-20 06:00:00+00:00") == [late.pk]
    assert ids(start_max="2026-11-20T06:00:00Z") == [early.pk]
    assert ids(end_min="2026-11-20 04:10:00") == [late.pk, early.pk]
    assert ids(type="formula") == [early.pk]
    assert ids(method="right breast") == [late.pk]
    assert ids(method="left breast") == []
    assert ids(tags="night") == []
    assert ids(colour="blue", ordering="whatever") == [late.pk, early.pk]


def test_nappy_filters_by_wet_and_solid(world, baby_buddy):
    client = baby_buddy(world.alex)
    for wet, solid in ((True, False), (False, True), (True, True)):
        client.post("/api/changes/", {"child": world.ada.pk, "wet": wet, "solid": solid}, format="json")

    def kinds(**params):
        return sorted((r["wet"], r["solid"]) for r in client.get("/api/changes/", params).json()["results"])

    assert kinds(wet="true") == [(True, False), (True, True)]
    assert kinds(solid="True", wet="false") == [(False, True)]
    assert kinds(date_max="2026-11-19 23:00:00") == []


def test_bad_input_is_a_400_with_lists_of_strings_and_nothing_is_logged(world, baby_buddy):
    client = baby_buddy(world.alex)

    missing = client.post(FEEDINGS, {"child": world.ada.pk}, format="json")
    backwards = client.post(
        "/api/sleep/", {"child": world.ada.pk, "start": "2026-11-20 09:00", "end": "2026-11-20 08:00"}
    )
    future = client.post("/api/notes/", {"child": world.ada.pk, "note": "hi", "time": "2026-11-21 09:00"})
    solids = client.post(
        FEEDINGS,
        {
            "child": world.ada.pk,
            "start": "2026-11-20 09:00",
            "end": "2026-11-20 09:10",
            "type": "solid food",
            "method": "self fed",
        },
    )
    bad_filter = client.get(FEEDINGS, {"start_min": "yesterday"})

    assert missing.status_code == 400
    assert missing.json() == {
        name: ["This field is required."] for name in ("start", "end", "type", "method")
    }
    assert backwards.status_code == 400 and isinstance(backwards.json()["end"][0], str)
    assert future.status_code == 400 and isinstance(future.json()["time"][0], str)
    assert solids.status_code == 400 and "solid food" in solids.json()["type"][0]
    assert bad_filter.status_code == 400 and bad_filter.json() == {"start_min": ["Enter a valid date/time."]}
    assert not CareEvent.objects.exists()


def test_a_timer_without_a_child_becomes_the_entry_and_is_consumed(world, baby_buddy):
    client = baby_buddy(world.alex)
    started = client.post("/api/timers/", {"name": "Night feed"}).json()
    assert started["child"] is None and started["user"] == world.alex.user_id

    with_timer = {
        "timer": started["id"],
        "child": world.ada.pk,
        "type": "formula",
        "method": "bottle",
        "amount": 120,
    }
    with time_machine.travel(NOW + dt.timedelta(minutes=25), tick=False):
        logged = client.post(FEEDINGS, with_timer | {"start": "2026-11-19 01:00:00"}, format="json")

    assert logged.status_code == 201, logged.json()
    assert logged.json()["start"] == "2026-11-20T10:00:00Z" and logged.json()["duration"] == "00:25:00"
    assert not Timer.objects.exists()
    event = CareEvent.objects.get(pk=logged.json()["id"])
    assert (event.child, event.by) == (world.ada, world.alex)
    assert event.feed.amount_ml == 120


def test_a_refused_entry_leaves_its_timer_running(world, baby_buddy):
    client = baby_buddy(world.alex)
    timer = client.post("/api/timers/", {"child": world.ada.pk}).json()

    refused = client.post("/api/pumping/", {"timer": timer["id"]})

    assert refused.status_code == 400 and refused.json() == {"amount": ["This field is required."]}
    assert Timer.objects.filter(pk=timer["id"]).exists()


def test_timers_list_restart_and_delete(world, baby_buddy):
    client = baby_buddy(world.alex)
    timer = client.post("/api/timers/", {"child": world.ada.pk, "start": "2026-11-20 09:00:00"}).json()
    assert timer["duration"] == "01:00:00"

    listed = client.get("/api/timers/", {"child": world.ada.pk}).json()
    restarted = client.patch(f"/api/timers/{timer['id']}/restart/")
    deleted = client.delete(f"/api/timers/{timer['id']}/")

    assert [t["id"] for t in listed["results"]] == [timer["id"]]
    assert restarted.status_code == 200 and restarted.json()["duration"] == "00:00:00"
    assert deleted.status_code == 204 and not Timer.objects.exists()


def test_a_timer_cannot_start_in_the_future_and_in_several_households_it_needs_a_child(world, baby_buddy):
    client = baby_buddy(world.alex)
    future = client.post("/api/timers/", {"child": world.ada.pk, "start": "2026-11-20 12:00:00"})
    alone = client.post("/api/timers/", {"name": "Nap"})
    token = invite(member=world.robin, role="helper").token
    accept_invitation(user=world.alex.user, token=token, display_name="Alex")

    unsure = client.post("/api/timers/", {"name": "Nap"})
    for_bo = client.post("/api/timers/", {"child": world.bo.pk})

    assert future.status_code == 400 and "future" in future.json()["start"][0]
    assert (
        alone.status_code == 201 and Timer.objects.get(pk=alone.json()["id"]).household == world.ada.household
    )
    assert unsure.status_code == 400 and "several households" in unsure.json()["child"][0]
    assert (
        for_bo.status_code == 201
        and Timer.objects.get(pk=for_bo.json()["id"]).member.household == world.bo.household
    )


def test_patch_changes_an_entry_delete_is_204_and_put_is_405(world, baby_buddy):
    event = feed(world, NOW - dt.timedelta(hours=1))
    client = baby_buddy(world.alex)
    url = f"{FEEDINGS}{event.pk}/"

    changed = client.patch(url, {"amount": 60, "notes": "sleepy"}, format="json")
    put = client.put(url, {"amount": 70}, format="json")
    deleted = client.delete(url)

    assert (
        changed.status_code == 200 and changed.json()["amount"] == 60 and changed.json()["notes"] == "sleepy"
    )
    assert put.status_code == 405
    assert deleted.status_code == 204
    event.refresh_from_db()
    assert event.deleted_at is not None and event.feed.amount_ml == 60
    assert client.get(url).status_code == 404


def test_a_helper_cannot_change_a_parents_entry(world, baby_buddy):
    event = feed(world, NOW - dt.timedelta(hours=1))

    response = baby_buddy(world.pat).patch(f"{FEEDINGS}{event.pk}/", {"amount": 10}, format="json")

    assert response.status_code == 403
    event.refresh_from_db()
    assert event.feed.amount_ml == 90


def test_every_kind_comes_back_with_baby_buddys_fields(world, baby_buddy):
    client = baby_buddy(world.alex)
    span = {"child": world.ada.pk, "start": "2026-11-20 09:00:00", "end": "2026-11-20 09:30:00"}

    sleep = client.post("/api/sleep/", span).json()
    pumping = client.post("/api/pumping/", span | {"amount": 80}).json()
    tummy = client.post("/api/tummy-times/", span | {"milestone": "Rolled over"}).json()
    note = client.post("/api/notes/", {"child": world.ada.pk, "note": "First smile"}).json()
    weight = client.post("/api/weight/", {"child": world.ada.pk, "date": "2026-11-19", "weight": 4.25}).json()

    assert sleep["nap"] is True and sleep["duration"] == "00:30:00" and sleep["tags"] == []
    assert pumping["amount"] == 80
    assert tummy["milestone"] == "Rolled over"
    assert note["note"] == "First smile" and note["time"] == "2026-11-20T10:00:00Z"
    assert weight == {
        "id": weight["id"],
        "child": world.ada.pk,
        "date": "2026-11-19",
        "weight": 4.25,
        "notes": None,
        "tags": [],
    }
    assert CareEvent.objects.get(pk=weight["id"]).weight.grams == 4250


def test_children_are_found_by_slug(world, baby_buddy):
    client = baby_buddy(world.alex)

    children = client.get("/api/children/").json()["results"]
    one = client.get(f"/api/children/{children[0]['slug']}/")

    assert [c["first_name"] for c in children] == ["Ada"]
    assert one.json()["id"] == world.ada.pk and one.json()["birth_date"] == "2026-10-01"
    assert client.get(f"/api/children/bo-{world.bo.pk}/").status_code == 404


def test_bmi_which_twofold_does_not_record_lists_nothing_and_refuses_writes(world, baby_buddy):
    client = baby_buddy(world.alex)

    listed = client.get("/api/bmi/").json()
    refused = client.post("/api/bmi/", {"child": world.ada.pk, "bmi": 14.2, "date": "2026-11-19"})

    assert listed == {"count": 0, "next": None, "previous": None, "results": []}
    assert refused.status_code == 400 and "does not record BMI" in refused.json()["non_field_errors"][0]
    assert not CareEvent.objects.filter(child=world.ada).exists()


def test_tags_are_empty_and_an_entry_with_tags_is_refused(world, baby_buddy):
    client = baby_buddy(world.alex)
    note = {"child": world.ada.pk, "note": "Hi"}

    assert client.get("/api/tags/").json()["results"] == []
    assert client.post("/api/notes/", note | {"tags": ["night"]}, format="json").status_code == 400
    assert client.post("/api/notes/", note | {"tags": []}, format="json").status_code == 201


def test_the_profile_names_the_caller_their_zone_and_the_key_they_sent(world):
    key = key_for(world.robin)
    body = APIClient(HTTP_AUTHORIZATION=f"Token {key}").get("/api/profile").json()

    assert body["user"]["username"] == "robin@example.com"
    assert (body["timezone"], body["language"], body["api_key"]) == ("America/New_York", "en-US", key)
