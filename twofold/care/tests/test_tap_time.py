"""Every tap is logged at the moment of the tap, and the outbox gets a plain answer for each send."""

from __future__ import annotations

import datetime as dt
import uuid

import time_machine
from django.urls import reverse

from twofold.care.models import CareEvent
from twofold.care.services import delete_care_event, log_care_event, start_timer
from twofold.care.taptime import AHEAD
from twofold.conftest import client_for

NOW = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)
OUTBOX = {"X-Twofold-Outbox": "1"}


def iso(moment: dt.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def nappy(world, *, tapped: dt.datetime | None, sent: dt.datetime | None, client_id=None) -> dict:
    form = {
        "child": world.ada.pk,
        "by": world.alex.pk,
        "d-contents": "wet",
        "client_id": client_id or uuid.uuid4(),
    }
    if tapped:
        form["tapped_at"] = iso(tapped)
    if sent:
        form["sent_at"] = iso(sent)
    return form


@time_machine.travel(NOW, tick=False)
def test_a_one_tap_nappy_sent_from_a_page_left_open_is_logged_at_the_tap(world):
    tapped = NOW - dt.timedelta(seconds=5)
    response = client_for(world.alex).post(
        reverse("care:log_event", args=["nappy"]), nappy(world, tapped=tapped, sent=tapped)
    )
    assert response.status_code == 302
    event = CareEvent.objects.get(kind="nappy")
    # Five seconds between tap and arrival read as the phone's clock error: the tap is placed at arrival.
    assert event.start == NOW and event.clock_note == ""


@time_machine.travel(NOW, tick=False)
def test_a_nappy_that_waited_in_the_outbox_keeps_its_tap_time_and_answers_in_json(world):
    tapped = NOW - dt.timedelta(hours=2)
    response = client_for(world.sam).post(
        reverse("care:log_event", args=["nappy"]), nappy(world, tapped=tapped, sent=NOW), headers=OUTBOX
    )
    assert response.status_code == 201
    assert response.json() == {
        "ok": True,
        "message": "Nappy logged for Ada.",
        "event": response.json()["event"],
    }
    event = CareEvent.objects.get(pk=response.json()["event"])
    assert event.start == tapped and event.by == world.alex and event.logged_by == world.sam


@time_machine.travel(NOW, tick=False)
def test_a_retried_send_answers_200_and_logs_nothing_new(world):
    client, form = client_for(world.alex), nappy(world, tapped=NOW, sent=NOW)
    first = client.post(reverse("care:log_event", args=["nappy"]), form, headers=OUTBOX)
    again = client.post(reverse("care:log_event", args=["nappy"]), form, headers=OUTBOX)
    assert (first.status_code, again.status_code) == (201, 200)
    assert CareEvent.objects.filter(kind="nappy").count() == 1


@time_machine.travel(NOW, tick=False)
def test_a_phone_clock_far_ahead_is_logged_at_arrival_and_the_event_says_so(world):
    response = client_for(world.alex).post(
        reverse("care:log_event", args=["nappy"]), nappy(world, tapped=NOW + dt.timedelta(hours=3), sent=None)
    )
    assert response.status_code == 302
    event = CareEvent.objects.get(kind="nappy")
    assert event.start == NOW and event.clock_note == AHEAD


@time_machine.travel(NOW, tick=False)
def test_a_refused_log_from_the_outbox_answers_400_with_the_reason(world):
    form = nappy(world, tapped=NOW, sent=NOW) | {"d-contents": ""}
    response = client_for(world.alex).post(reverse("care:log_event", args=["nappy"]), form, headers=OUTBOX)
    assert response.status_code == 400
    assert response.json()["ok"] is False and response.json()["message"]
    assert not CareEvent.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_a_refused_medicine_names_each_field_and_keys_its_errors_by_the_inputs_name(world):
    form = nappy(world, tapped=NOW, sent=NOW) | {"d-name": "", "d-dose": "1 drop", "d-min_gap_minutes": "-1"}
    response = client_for(world.alex).post(reverse("care:log_event", args=["medicine"]), form, headers=OUTBOX)
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert set(errors) == {"d-name", "d-min_gap_minutes"}
    message = response.json()["message"]
    assert message.startswith("Medicine: This field is required.")
    assert "Ensure this value is greater than or equal to 0." in message


@time_machine.travel(NOW, tick=False)
def test_a_timer_starts_and_stops_at_its_taps(world):
    client = client_for(world.alex)
    started, stopped = NOW - dt.timedelta(minutes=50), NOW - dt.timedelta(minutes=5)
    timer = uuid.uuid4()
    start = {"kind": "sleep", "child": world.ada.pk, "client_id": timer, "tapped_at": iso(started)}
    assert (
        client.post(reverse("care:timer_start"), start | {"sent_at": iso(NOW)}, headers=OUTBOX).status_code
        == 201
    )
    stop = {"timer": str(timer), "tapped_at": iso(stopped), "sent_at": iso(NOW)}
    response = client.post(reverse("care:timer_stop_by_client"), stop, headers=OUTBOX)
    assert response.status_code == 200, response.content
    event = CareEvent.objects.get(client_id=timer)
    assert (event.start, event.end, event.running) == (started, stopped, False)


@time_machine.travel(NOW, tick=False)
def test_two_phones_starting_a_sleep_offline_make_one_sleep_and_the_second_is_told(world):
    first = {"kind": "sleep", "child": world.ada.pk, "client_id": uuid.uuid4(), "tapped_at": iso(NOW)}
    second = first | {"client_id": uuid.uuid4()}
    assert client_for(world.alex).post(reverse("care:timer_start"), first, headers=OUTBOX).status_code == 201
    response = client_for(world.sam).post(reverse("care:timer_start"), second, headers=OUTBOX)
    assert response.status_code == 409
    assert response.json()["message"] == (
        "Alex's phone already started a sleep for Ada at 03:00, so this one was not started. "
        "Stop that one when it ends."
    )
    assert CareEvent.objects.filter(kind="sleep").count() == 1
    # Its stop, queued behind the refused start, is told there is nothing to stop.
    stop = client_for(world.sam).post(
        reverse("care:timer_stop_by_client"), {"timer": str(second["client_id"])}, headers=OUTBOX
    )
    assert stop.status_code == 404 and "never started" in stop.json()["message"]


@time_machine.travel(NOW, tick=False)
def test_a_second_stop_changes_nothing_and_says_when_the_timer_stopped(world):
    timer = start_timer(member=world.alex, child=world.ada, kind="feed", now=NOW - dt.timedelta(minutes=20))
    client = client_for(world.sam)
    assert client.post(reverse("care:timer_stop", args=[timer.event.pk]), headers=OUTBOX).status_code == 200
    later = {"tapped_at": iso(NOW + dt.timedelta(minutes=1)), "sent_at": iso(NOW + dt.timedelta(minutes=1))}
    with time_machine.travel(NOW + dt.timedelta(minutes=1), tick=False):
        again = client.post(reverse("care:timer_stop", args=[timer.event.pk]), later, headers=OUTBOX)
    assert again.status_code == 200
    assert again.json() == {
        "ok": True,
        "message": "Feed had already stopped at 03:00.",
        "event": timer.event.pk,
    }
    timer.event.refresh_from_db()
    assert (timer.event.end, timer.event.running) == (NOW, False)


@time_machine.travel(NOW, tick=False)
def test_a_change_reaching_an_event_deleted_on_the_other_phone_says_who_deleted_it(world):
    event = log_care_event(
        member=world.alex, child=world.ada, kind="bath", start=NOW - dt.timedelta(hours=1)
    ).event
    delete_care_event(member=world.sam, event=event, now=NOW - dt.timedelta(minutes=10))
    client = client_for(world.alex)
    edit = client.post(reverse("care:event_edit", args=[event.pk]), {"note": "warm"}, headers=OUTBOX)
    assert edit.status_code == 410
    assert edit.json()["message"].startswith(
        "This bath was deleted by Sam at 02:50, so your change was not saved."
    )
    again = client.post(reverse("care:event_delete", args=[event.pk]), headers=OUTBOX)
    assert again.status_code == 410
    assert again.json()["message"] == "This bath was already deleted by Sam at 02:50."
    page = client.post(reverse("care:event_edit", args=[event.pk]), {"note": "warm"}, follow=True)
    assert "was deleted by Sam at 02:50, so your change was not saved" in page.content.decode()
    opened = client.get(reverse("care:event_edit", args=[event.pk]), follow=True).content.decode()
    assert "This bath was deleted by Sam at 02:50. If it should stay, undo the delete on Today." in opened
    assert "your change" not in opened


@time_machine.travel(NOW, tick=False)
def test_a_delete_arriving_after_a_change_elsewhere_still_deletes_and_says_so(world):
    event = log_care_event(
        member=world.alex, child=world.ada, kind="bath", start=NOW - dt.timedelta(hours=1)
    ).event
    tapped = NOW - dt.timedelta(minutes=30)
    response = client_for(world.sam).post(
        reverse("care:event_delete", args=[event.pk]),
        {"tapped_at": iso(tapped), "sent_at": iso(NOW)},
        headers=OUTBOX,
    )
    assert response.status_code == 200
    assert "It had been changed at 03:00, after you tapped delete." in response.json()["message"]
    event.refresh_from_db()
    assert event.deleted_at == NOW and event.deleted_by == world.sam
