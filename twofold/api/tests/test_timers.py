"""Timers through the API: start now, stop later, and never two sleeps at once for one baby."""

from __future__ import annotations

import datetime as dt

from django.utils import timezone

from twofold.care.models import CareEvent
from twofold.care.services import NOT_A_TIMER, start_timer

TIMERS = "/api/v1/timers/"


def test_starting_a_timer_logs_a_running_event(world, api_for):
    response = api_for(world.sam).post(TIMERS, {"child": world.ada.pk, "kind": "sleep"}, format="json")

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["running"] is True
    assert body["end"] is None
    assert body["by"] == world.sam.pk
    assert body["sleep"] == {"place": ""}  # no guess about where
    event = CareEvent.objects.get(pk=body["id"])
    assert event.running and event.end is None


def test_a_feed_timer_starts_with_the_childs_usual_feeding(world, api_for):
    body = api_for(world.alex).post(TIMERS, {"child": world.ada.pk, "kind": "feed"}, format="json").json()

    assert body["feed"]["method"] == "breast"


def test_a_timer_can_start_with_details_and_for_someone_else(world, api_for):
    body = (
        api_for(world.alex)
        .post(
            TIMERS,
            {"child": world.ada.pk, "kind": "feed", "by": world.sam.pk, "feed": {"method": "expressed"}},
            format="json",
        )
        .json()
    )

    assert body["feed"]["method"] == "expressed"
    assert (body["by"], body["logged_by"]) == (world.sam.pk, world.alex.pk)


def test_a_second_running_sleep_for_the_same_child_is_refused(world, api_for):
    api_for(world.alex).post(TIMERS, {"child": world.ada.pk, "kind": "sleep"}, format="json")

    response = api_for(world.sam).post(TIMERS, {"child": world.ada.pk, "kind": "sleep"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"kind": ["A sleep timer is already running for Ada: stop it first."]}
    assert CareEvent.objects.filter(kind="sleep", running=True).count() == 1


def test_only_feeds_sleeps_and_crying_can_be_timed(world, api_for):
    response = api_for(world.alex).post(TIMERS, {"child": world.ada.pk, "kind": "nappy"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"kind": [NOT_A_TIMER]}
    assert not CareEvent.objects.exists()


def test_the_list_shows_running_timers_only_oldest_first(world, api_for):
    early = timezone.now() - dt.timedelta(minutes=40)
    crying = start_timer(member=world.alex, child=world.ada, kind="settle", start=early).event
    sleep = start_timer(member=world.sam, child=world.ada, kind="sleep").event
    stopped = start_timer(member=world.sam, child=world.ada, kind="feed", start=early).event
    api_for(world.sam).post(f"{TIMERS}{stopped.pk}/stop/", {}, format="json")

    body = api_for(world.pat).get(TIMERS).json()

    assert [t["id"] for t in body["results"]] == [crying.pk, sleep.pk]


def test_stopping_a_timer_ends_it_with_the_babys_response(world, api_for):
    start = timezone.now() - dt.timedelta(minutes=50)
    crying = start_timer(member=world.alex, child=world.ada, kind="settle", start=start).event
    end = start + dt.timedelta(minutes=35)

    response = api_for(world.sam).post(
        f"{TIMERS}{crying.pk}/stop/",
        {
            "end": end,
            "response": "settled",
            "settled_after_minutes": 30,
            "settle": {"tried": ["rocking", "singing"], "outcome": "asleep"},
        },
        format="json",
    )

    assert response.status_code == 200, response.json()
    crying.refresh_from_db()
    assert (crying.running, crying.end, crying.response, crying.settled_after_minutes) == (
        False,
        end,
        "settled",
        30,
    )
    assert crying.settle.tried == ["rocking", "singing"]
    assert response.json()["settle"] == {"tried": ["rocking", "singing"], "outcome": "asleep"}
    assert api_for(world.alex).get(TIMERS).json()["count"] == 0


def test_stopping_without_an_end_stops_now(world, api_for):
    sleep = start_timer(
        member=world.alex, child=world.ada, kind="sleep", start=timezone.now() - dt.timedelta(hours=1)
    ).event
    before = timezone.now()

    api_for(world.alex).post(f"{TIMERS}{sleep.pk}/stop/", {}, format="json")

    sleep.refresh_from_db()
    assert not sleep.running
    assert sleep.end is not None and sleep.end >= before


def test_stopping_twice_changes_nothing_and_returns_the_stopped_timer(world, api_for):
    sleep = start_timer(
        member=world.alex, child=world.ada, kind="sleep", start=timezone.now() - dt.timedelta(hours=1)
    ).event
    client = api_for(world.alex)
    first = client.post(f"{TIMERS}{sleep.pk}/stop/", {}, format="json").json()

    response = client.post(
        f"{TIMERS}{sleep.pk}/stop/", {"end": timezone.now(), "sleep": {"place": "cot"}}, format="json"
    )

    assert response.status_code == 200
    assert response.json() == first
    sleep.refresh_from_db()
    assert sleep.end == dt.datetime.fromisoformat(first["end"]) and sleep.sleep.place == ""


def test_a_second_feed_timer_for_the_same_child_is_refused(world, api_for):
    api_for(world.alex).post(TIMERS, {"child": world.ada.pk, "kind": "feed"}, format="json")

    response = api_for(world.sam).post(TIMERS, {"child": world.ada.pk, "kind": "feed"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"kind": ["A feed timer is already running for Ada: stop it first."]}
    assert CareEvent.objects.filter(kind="feed", running=True).count() == 1


def test_a_stop_before_the_start_is_an_error_on_end(world, api_for):
    sleep = start_timer(member=world.alex, child=world.ada, kind="sleep").event

    response = api_for(world.alex).post(
        f"{TIMERS}{sleep.pk}/stop/", {"end": sleep.start - dt.timedelta(minutes=5)}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()) == ["end"]
    sleep.refresh_from_db()
    assert sleep.running


def test_stop_details_must_match_the_timers_kind(world, api_for):
    sleep = start_timer(member=world.alex, child=world.ada, kind="sleep").event

    response = api_for(world.alex).post(
        f"{TIMERS}{sleep.pk}/stop/", {"feed": {"method": "breast"}}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()) == ["feed"]
    assert CareEvent.objects.get(pk=sleep.pk).running


def test_a_helper_cannot_stop_a_parents_timer(world, api_for):
    sleep = start_timer(member=world.alex, child=world.ada, kind="sleep").event

    response = api_for(world.pat).post(f"{TIMERS}{sleep.pk}/stop/", {}, format="json")

    assert response.status_code == 403
    assert CareEvent.objects.get(pk=sleep.pk).running


def test_a_helper_can_start_and_stop_their_own_timer(world, api_for):
    client = api_for(world.pat)
    started = client.post(TIMERS, {"child": world.ada.pk, "kind": "sleep"}, format="json").json()

    stopped = client.post(f"{TIMERS}{started['id']}/stop/", {"sleep": {"place": "pram"}}, format="json")

    assert stopped.status_code == 200
    assert stopped.json()["sleep"] == {"place": "pram"}
    assert not CareEvent.objects.get(pk=started["id"]).running
