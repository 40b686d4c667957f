"""The growth readings over the API: typed, scoped to the caller's households, with centile and SDS."""

import datetime as dt

import time_machine

from twofold.care.services import log_care_event
from twofold.households.models import Child

NOW = dt.datetime(2026, 12, 3, 14, 0, tzinfo=dt.UTC)
GROWTH = "/api/v1/growth/"


def weigh(member, child, grams, at):
    return log_care_event(
        member=member, child=child, kind="weight", by=member, start=at, details={"grams": grams}
    )


@time_machine.travel(NOW, tick=False)
def test_a_childs_weights_come_with_centile_and_sds_on_uk_who(world, api_for):
    Child.objects.filter(pk=world.ada.pk).update(sex="female")
    weigh(world.alex, world.ada, 5100, NOW - dt.timedelta(days=1))
    body = api_for(world.pat).get(GROWTH, {"child": world.ada.pk}).json()
    assert (body["reference"], body["sex_given"], body["crossed_two_centile_spaces"]) == (
        "uk-who",
        True,
        False,
    )
    (row,) = body["measurements"]
    assert (row["value"], row["unit"], row["age_days"], row["corrected"]) == (5100, "g", 62, False)
    assert 0 < row["centile"] < 100 and row["sds"] is not None


@time_machine.travel(NOW, tick=False)
def test_without_the_sex_there_are_values_and_no_centiles(world, api_for):
    weigh(world.robin, world.bo, 6000, NOW - dt.timedelta(days=1))
    body = api_for(world.robin).get(GROWTH, {"child": world.bo.pk, "kind": "weight"}).json()
    assert body["reference"] == "who" and body["sex_given"] is False
    assert [(m["value"], m["centile"]) for m in body["measurements"]] == [(6000, None)]


def test_another_households_child_is_a_404_and_bad_values_a_400_by_field(world, api_for):
    assert api_for(world.alex).get(GROWTH, {"child": world.bo.pk}).status_code == 404
    bad = api_for(world.alex).get(GROWTH, {"child": world.ada.pk, "kind": "height", "reference": "uk90"})
    assert bad.status_code == 400
    assert set(bad.json()) == {"kind", "reference"}
    assert api_for(world.alex).get(GROWTH).status_code == 400


def test_lengths_and_heads_are_filtered_by_kind_in_the_events_list(world, api_for):
    client = api_for(world.alex)
    for kind, mm in (("length", 545), ("head", 382)):
        created = client.post(
            "/api/v1/events/", {"child": world.ada.pk, "kind": kind, kind: {"mm": mm}}, format="json"
        )
        assert created.status_code == 201, created.json()
    listed = client.get("/api/v1/events/", {"kind": "head"}).json()
    results = listed["results"] if isinstance(listed, dict) else listed
    assert [(e["kind"], e["head"]) for e in results] == [("head", {"mm": 382})]
    too_small = client.post(
        "/api/v1/events/", {"child": world.ada.pk, "kind": "head", "head": {"mm": 40}}, format="json"
    )
    assert too_small.status_code == 400
    assert "not plausible" in str(too_small.json())
