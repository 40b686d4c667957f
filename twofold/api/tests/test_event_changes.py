"""Correcting, deleting and restoring logged care through the API."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from twofold.api.serializers import KIND_IS_FIXED
from twofold.care.models import CareEvent
from twofold.care.services import HELPER_EDITS_OWN, log_care_event

EVENTS = "/api/v1/events/"


@pytest.fixture
def feed(world):
    start = timezone.now() - dt.timedelta(hours=2)
    return log_care_event(
        member=world.alex,
        child=world.ada,
        kind="feed",
        start=start,
        end=start + dt.timedelta(minutes=15),
        details={"method": "formula", "amount_ml": 90},
    ).event


def test_patch_changes_only_what_is_sent(world, api_for, feed):
    response = api_for(world.sam).patch(
        f"{EVENTS}{feed.pk}/", {"note": "Took it slowly", "feed": {"amount_ml": 110}}, format="json"
    )

    assert response.status_code == 200, response.json()
    feed.refresh_from_db()
    assert feed.note == "Took it slowly"
    assert feed.feed.amount_ml == Decimal("110")
    assert feed.feed.method == "formula"
    assert feed.by == world.alex
    assert response.json()["feed"] == {"method": "formula", "side": "", "amount_ml": 110.0}


def test_patch_can_say_who_did_it(world, api_for, feed):
    api_for(world.alex).patch(f"{EVENTS}{feed.pk}/", {"by": world.sam.pk}, format="json")

    feed.refresh_from_db()
    assert feed.by == world.sam


def test_put_needs_child_by_and_start(world, api_for, feed):
    response = api_for(world.alex).put(f"{EVENTS}{feed.pk}/", {"note": "only this"}, format="json")

    assert response.status_code == 400
    assert set(response.json()) == {"child", "by", "start"}
    feed.refresh_from_db()
    assert feed.note == ""


def test_put_replaces_the_times(world, api_for, feed):
    start = feed.start - dt.timedelta(minutes=30)
    response = api_for(world.alex).put(
        f"{EVENTS}{feed.pk}/",
        {"child": world.ada.pk, "by": world.sam.pk, "start": start, "end": start + dt.timedelta(minutes=10)},
        format="json",
    )

    assert response.status_code == 200, response.json()
    feed.refresh_from_db()
    assert (feed.start, feed.end, feed.by) == (start, start + dt.timedelta(minutes=10), world.sam)


def test_a_change_is_checked_like_a_new_event(world, api_for, feed):
    response = api_for(world.alex).patch(
        f"{EVENTS}{feed.pk}/", {"end": (feed.start - dt.timedelta(minutes=1)).isoformat()}, format="json"
    )

    assert response.status_code == 400
    assert list(response.json()) == ["end"]
    feed.refresh_from_db()
    assert feed.end == feed.start + dt.timedelta(minutes=15)


def test_a_bad_detail_change_is_an_error_under_the_kind(world, api_for, feed):
    response = api_for(world.alex).patch(f"{EVENTS}{feed.pk}/", {"feed": {"side": "left"}}, format="json")

    assert response.status_code == 400
    assert response.json() == {"feed": {"side": ["A bottle feed has no side: leave it empty."]}}


def test_the_kind_cannot_be_changed(world, api_for, feed):
    response = api_for(world.alex).patch(f"{EVENTS}{feed.pk}/", {"kind": "nappy"}, format="json")

    assert response.status_code == 400
    assert response.json() == {"kind": [KIND_IS_FIXED]}
    assert CareEvent.objects.get(pk=feed.pk).kind == "feed"


def test_a_note_event_keeps_its_text_apart_from_details(world, api_for):
    note = log_care_event(member=world.alex, child=world.ada, kind="note", note="Jabs booked").event

    response = api_for(world.alex).patch(
        f"{EVENTS}{note.pk}/", {"note": "Jabs booked for Tuesday"}, format="json"
    )

    assert response.status_code == 200
    note.refresh_from_db()
    assert note.note == "Jabs booked for Tuesday"


def test_moving_an_event_to_another_households_child_is_refused(world, api_for, feed):
    response = api_for(world.alex).patch(f"{EVENTS}{feed.pk}/", {"child": world.bo.pk}, format="json")

    assert response.status_code == 400
    assert "child" in response.json()
    assert CareEvent.objects.get(pk=feed.pk).child == world.ada


def test_a_helper_can_correct_their_own_care(world, api_for):
    mine = log_care_event(member=world.pat, child=world.ada, kind="nappy", details={"contents": "wet"}).event

    response = api_for(world.pat).patch(f"{EVENTS}{mine.pk}/", {"nappy": {"contents": "both"}}, format="json")

    assert response.status_code == 200
    assert CareEvent.objects.get(pk=mine.pk).nappy.contents == "both"


def test_a_helper_cannot_change_a_parents_care(world, api_for, feed):
    response = api_for(world.pat).patch(f"{EVENTS}{feed.pk}/", {"note": "changed"}, format="json")

    assert response.status_code == 403
    assert response.json() == {"detail": HELPER_EDITS_OWN}
    feed.refresh_from_db()
    assert feed.note == ""


def test_a_helper_cannot_delete_a_parents_care(world, api_for, feed):
    response = api_for(world.pat).delete(f"{EVENTS}{feed.pk}/")

    assert response.status_code == 403
    assert CareEvent.objects.get(pk=feed.pk).deleted_at is None


def test_delete_hides_the_event_and_restore_brings_it_back(world, api_for, feed):
    client = api_for(world.alex)

    deleted = client.delete(f"{EVENTS}{feed.pk}/")

    assert deleted.status_code == 204
    feed.refresh_from_db()
    assert feed.deleted_at is not None
    assert client.get(f"{EVENTS}{feed.pk}/").status_code == 404
    assert client.get(EVENTS).json()["results"] == []

    restored = client.post(f"{EVENTS}{feed.pk}/restore/")

    assert restored.status_code == 200
    assert restored.json()["feed"] == {"method": "formula", "side": "", "amount_ml": 90.0}
    feed.refresh_from_db()
    assert feed.deleted_at is None
    assert [e["id"] for e in client.get(EVENTS).json()["results"]] == [feed.pk]


def test_restoring_an_event_that_is_not_deleted_changes_nothing(world, api_for, feed):
    response = api_for(world.alex).post(f"{EVENTS}{feed.pk}/restore/")

    assert response.status_code == 200
    assert response.json()["id"] == feed.pk


def test_a_deleted_event_cannot_be_changed(world, api_for, feed):
    client = api_for(world.alex)
    client.delete(f"{EVENTS}{feed.pk}/")

    assert client.patch(f"{EVENTS}{feed.pk}/", {"note": "x"}, format="json").status_code == 404
    assert CareEvent.objects.get(pk=feed.pk).note == ""


def test_a_method_the_event_does_not_offer_is_405(world, api_for, feed):
    response = api_for(world.alex).post(f"{EVENTS}{feed.pk}/", {}, format="json")

    assert response.status_code == 405
    assert "detail" in response.json()
