"""The API asks about a measurement that looks like a slip, as the log form does: a 400 under the field that
says why and how to save it anyway (`checked`), and nothing saved until then."""

from __future__ import annotations

import datetime as dt

import time_machine

from twofold.api.doubts import SAVE_AS_IT_IS
from twofold.care.models import TOO_HOT, CareEvent
from twofold.care.services import log_care_event
from twofold.households.models import Child

EVENTS = "/api/v1/events/"
NOW = dt.datetime(2026, 12, 3, 14, 0, tzinfo=dt.UTC)


def weight(world, grams, **extra):
    return {"child": world.ada.pk, "kind": "weight", "weight": {"grams": grams}, **extra}


def weigh(world, grams, at):
    return log_care_event(
        member=world.alex, child=world.ada, kind="weight", by=world.alex, start=at, details={"grams": grams}
    ).event


@time_machine.travel(NOW, tick=False)
def test_a_30_kg_newborn_is_a_400_saying_why_and_saved_once_checked(world, api_for):
    Child.objects.filter(pk=world.ada.pk).update(sex="female", birth_date=dt.date(2026, 12, 1))
    client = api_for(world.alex)
    asked = client.post(EVENTS, weight(world, 30_000), format="json")
    assert asked.status_code == 400
    messages = asked.json()["weight"]["grams"]
    assert messages[0].startswith("This weight is far above every line of the growth chart")
    assert messages[-1] == SAVE_AS_IT_IS
    assert not CareEvent.objects.exists()

    saved = client.post(EVENTS, weight(world, 30_000, checked=True), format="json")
    assert saved.status_code == 201, saved.json()
    assert CareEvent.objects.get().weight.grams == 30_000
    assert "checked" not in saved.json()


@time_machine.travel(NOW, tick=False)
def test_a_2_kg_drop_in_a_day_is_asked_about_without_the_childs_sex(world, api_for):
    weigh(world, 6000, NOW - dt.timedelta(days=1))
    client = api_for(world.alex)
    asked = client.post(EVENTS, weight(world, 4000), format="json")
    assert asked.status_code == 400
    assert "This is 2.0 kg less than the weighing 1 day before (6.0 kg)" in asked.json()["weight"]["grams"][0]
    assert CareEvent.objects.count() == 1
    assert client.post(EVENTS, weight(world, 6050), format="json").status_code == 201
    assert client.post(EVENTS, weight(world, 4000, checked=True), format="json").status_code == 201
    assert CareEvent.objects.count() == 3


@time_machine.travel(NOW, tick=False)
def test_a_head_circumference_off_every_chart_is_asked_about_under_head(world, api_for):
    Child.objects.filter(pk=world.ada.pk).update(sex="male")
    asked = api_for(world.alex).post(
        EVENTS, {"child": world.ada.pk, "kind": "head", "head": {"mm": 600}}, format="json"
    )
    assert asked.status_code == 400
    assert asked.json()["head"]["mm"][0].startswith("This head circumference is far above every line")
    assert not CareEvent.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_changing_a_weighing_into_a_slip_is_asked_about_and_kept_as_it_was(world, api_for):
    event = weigh(world, 5000, NOW - dt.timedelta(days=2))
    weigh(world, 5100, NOW - dt.timedelta(days=1))
    client = api_for(world.alex)
    asked = client.patch(f"{EVENTS}{event.pk}/", {"weight": {"grams": 3100}}, format="json")
    assert asked.status_code == 400
    assert "less than the weighing 1 day after" in asked.json()["weight"]["grams"][0]
    event.weight.refresh_from_db()
    assert event.weight.grams == 5000

    changed = client.patch(
        f"{EVENTS}{event.pk}/", {"weight": {"grams": 3100}, "checked": True}, format="json"
    )
    assert changed.status_code == 200, changed.json()
    event.weight.refresh_from_db()
    assert event.weight.grams == 3100


@time_machine.travel(NOW, tick=False)
def test_a_value_the_table_refuses_gets_its_message_and_checked_cannot_save_it(world, api_for):
    Child.objects.filter(pk=world.ada.pk).update(sex="female")
    client = api_for(world.alex)
    too_heavy = client.post(EVENTS, weight(world, 43_500_000, checked=True), format="json")
    assert too_heavy.status_code == 400
    too_hot = client.post(
        EVENTS,
        {
            "child": world.ada.pk,
            "kind": "temperature",
            "temperature": {"celsius": "45", "method": "ear"},
            "checked": True,
        },
        format="json",
    )
    assert too_hot.json() == {"temperature": {"celsius": [TOO_HOT]}}
    assert not CareEvent.objects.exists()


def test_the_schema_documents_checked_on_requests_only():
    from drf_spectacular.generators import SchemaGenerator

    components = SchemaGenerator().get_schema(request=None, public=True)["components"]["schemas"]
    checked = components["EventRequest"]["properties"]["checked"]
    assert checked["type"] == "boolean" and checked["writeOnly"] is True
    assert "far off the growth chart" in checked["description"]
    assert "checked" not in components["Event"]["properties"]
