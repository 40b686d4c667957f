"""A time sent without a UTC offset is the household's clock time, as in the pages, across the clock changes.

The world's household keeps London time, Robin's New York time; the server runs in UTC. London's clocks go
forward at 01:00 on 28 March 2027 (01:00-02:00 never happens) and back at 02:00 on 31 October 2027
(01:00-02:00 happens twice).
"""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import time_machine
from django.urls import reverse

from twofold.care.models import CareEvent
from twofold.care.services import log_care_event
from twofold.conftest import client_for
from twofold.nights.services import make_plan

EVENTS = "/api/v1/events/"
SPRING = dt.datetime(2027, 3, 28, 12, tzinfo=dt.UTC)
AUTUMN = dt.datetime(2027, 10, 31, 12, tzinfo=dt.UTC)
UTC = dt.UTC


def nappy(child, start: str) -> dict:
    return {"child": child.pk, "kind": "nappy", "start": start, "nappy": {"contents": "wet"}}


def stored_start(response) -> dt.datetime:
    assert response.status_code == 201, response.json()
    return CareEvent.objects.get(pk=response.json()["id"]).start


@time_machine.travel(SPRING, tick=False)
@pytest.mark.parametrize(
    ("wall_time", "instant"),
    [
        ("2027-03-28T00:30:00", dt.datetime(2027, 3, 28, 0, 30, tzinfo=UTC)),  # still GMT
        ("2027-03-28T03:30", dt.datetime(2027, 3, 28, 2, 30, tzinfo=UTC)),  # BST since 01:00 GMT
        ("2027-03-27T23:15:00", dt.datetime(2027, 3, 27, 23, 15, tzinfo=UTC)),
    ],
)
def test_a_naive_time_lands_at_the_households_wall_time_around_the_spring_change(
    world, api_for, wall_time, instant
):
    response = api_for(world.alex).post(EVENTS, nappy(world.ada, wall_time), format="json")

    assert stored_start(response) == instant
    assert response.json()["start"] == instant.isoformat().replace("+00:00", "Z")


@time_machine.travel(SPRING, tick=False)
def test_an_offset_still_means_that_instant(world, api_for):
    response = api_for(world.alex).post(EVENTS, nappy(world.ada, "2027-03-28T03:30:00Z"), format="json")

    assert stored_start(response) == dt.datetime(2027, 3, 28, 3, 30, tzinfo=UTC)


@time_machine.travel(SPRING, tick=False)
def test_a_time_the_clocks_skip_is_refused_with_what_to_send(world, api_for):
    response = api_for(world.alex).post(EVENTS, nappy(world.ada, "2027-03-28T01:30:00"), format="json")

    assert response.status_code == 400
    [message] = response.json()["start"]
    assert "2027-03-28 01:30 is not one moment in Europe/London" in message
    assert "UTC offset" in message
    assert not CareEvent.objects.exists()


@time_machine.travel(AUTUMN, tick=False)
def test_a_time_the_clocks_show_twice_needs_its_offset(world, api_for):
    client = api_for(world.alex)

    twice = client.post(EVENTS, nappy(world.ada, "2027-10-31T01:30:00"), format="json")
    first = client.post(EVENTS, nappy(world.ada, "2027-10-31T01:30:00+01:00"), format="json")
    second = client.post(EVENTS, nappy(world.ada, "2027-10-31T01:30:00+00:00"), format="json")
    after = client.post(EVENTS, nappy(world.ada, "2027-10-31T02:30:00"), format="json")

    assert twice.status_code == 400 and "2027-10-31T01:30+00:00" in twice.json()["start"][0]
    assert stored_start(first) == dt.datetime(2027, 10, 31, 0, 30, tzinfo=UTC)
    assert stored_start(second) == dt.datetime(2027, 10, 31, 1, 30, tzinfo=UTC)
    assert stored_start(after) == dt.datetime(2027, 10, 31, 2, 30, tzinfo=UTC)  # GMT again


@time_machine.travel(SPRING, tick=False)
def test_each_household_reads_the_time_on_its_own_clock(world, api_for):
    # New York moved its clocks on 14 March: 03:30 there is 07:30 UTC.
    response = api_for(world.robin).post(EVENTS, nappy(world.bo, "2027-03-28T03:30:00"), format="json")

    assert stored_start(response) == dt.datetime(2027, 3, 28, 7, 30, tzinfo=UTC)


@time_machine.travel(SPRING, tick=False)
def test_a_change_and_a_timer_read_naive_times_in_household_time(world, api_for):
    client = api_for(world.alex)
    event = stored_start(client.post(EVENTS, nappy(world.ada, "2027-03-28T00:30:00"), format="json"))
    event_id = CareEvent.objects.get(start=event).pk

    moved = client.patch(f"{EVENTS}{event_id}/", {"start": "2027-03-28T04:00:00"}, format="json")
    started = client.post(
        "/api/v1/timers/",
        {"child": world.ada.pk, "kind": "sleep", "start": "2027-03-28T10:00:00"},
        format="json",
    )
    stopped = client.post(
        f"/api/v1/timers/{started.json()['id']}/stop/", {"end": "2027-03-28T11:45"}, format="json"
    )
    bad_stop = client.post(
        f"/api/v1/timers/{started.json()['id']}/stop/", {"end": "2027-03-28T01:15"}, format="json"
    )

    assert moved.status_code == 200 and moved.json()["start"] == "2027-03-28T03:00:00Z"
    assert started.json()["start"] == "2027-03-28T09:00:00Z"
    assert stopped.status_code == 200 and stopped.json()["end"] == "2027-03-28T10:45:00Z"
    assert bad_stop.status_code == 400 and "end" in bad_stop.json()


@time_machine.travel(SPRING, tick=False)
def test_since_and_until_without_offset_are_household_time(world, api_for):
    for hour in (0, 3):  # 00:00 GMT and 03:00 BST: 00:00 and 02:00 UTC
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind="nappy",
            start=dt.datetime(2027, 3, 28, hour, tzinfo=dt.UTC) - dt.timedelta(hours=hour // 3),
            details={"contents": "wet"},
        )
    client = api_for(world.alex)

    since = client.get(EVENTS, {"since": "2027-03-28T02:30:00"})
    skipped = client.get(EVENTS, {"until": "2027-03-28T01:30:00"})

    assert [e["start"] for e in since.json()["results"]] == ["2027-03-28T02:00:00Z"]
    assert skipped.status_code == 400 and "until" in skipped.json()


@time_machine.travel(dt.datetime(2027, 3, 27, 12, tzinfo=UTC), tick=False)
def test_night_shifts_set_by_hand_read_naive_times_in_household_time(world, api_for):
    plan = make_plan(
        member=world.alex, day=dt.date(2027, 3, 27), now=dt.datetime(2027, 3, 27, 12, tzinfo=UTC)
    )
    shifts = [
        {"member": world.alex.pk, "start": "2027-03-27T22:00:00", "end": "2027-03-28T03:00:00"},
        {"member": world.sam.pk, "start": "2027-03-28T03:00:00", "end": "2027-03-28T07:00:00"},
    ]

    response = api_for(world.alex).put(f"/api/v1/nights/plans/{plan.pk}/", {"shifts": shifts}, format="json")

    assert response.status_code == 200, response.json()
    assert [(s["start"], s["end"]) for s in response.json()["shifts"]] == [
        ("2027-03-27T22:00:00Z", "2027-03-28T02:00:00Z"),
        ("2027-03-28T02:00:00Z", "2027-03-28T06:00:00Z"),
    ]


# 01:30 never happens in London that morning: the page and the API both refuse it.
@time_machine.travel(SPRING, tick=False)
@pytest.mark.parametrize(
    ("wall_time", "status"), [("2027-03-28T00:30", 201), ("2027-03-28T03:30", 201), ("2027-03-28T01:30", 400)]
)
def test_the_api_and_the_log_page_read_a_wall_time_alike(world, api_for, wall_time, status):
    page = client_for(world.alex).post(
        reverse("care:log_event", args=["nappy"]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "start": wall_time,
            "d-contents": "wet",
            "client_id": str(uuid.uuid4()),
        },
    )
    api = api_for(world.alex).post(EVENTS, nappy(world.ada, wall_time), format="json")

    assert (page.status_code, api.status_code) == ({201: 302, 400: 400}[status], status)
    starts = set(CareEvent.objects.values_list("start", flat=True))
    assert len(starts) == (1 if status == 201 else 0)
    assert CareEvent.objects.count() == (2 if status == 201 else 0)
