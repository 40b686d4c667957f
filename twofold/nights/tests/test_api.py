"""The night planner's API: plans made, read, edited and removed; a week; plan against log; preferences."""

from __future__ import annotations

import pytest
import time_machine
from rest_framework.test import APIClient

from twofold.nights.models import HowMade, NightPlan
from twofold.nights.services import make_plan

from .logs import LAST_NIGHT, NOW, TONIGHT, at, log

pytestmark = pytest.mark.django_db


def api(member) -> APIClient:
    client = APIClient()
    client.force_authenticate(member.user)
    return client


@time_machine.travel(NOW, tick=False)
def test_a_parent_plans_tonight_and_reads_it_back(world):
    made = api(world.sam).post("/api/v1/nights/plans/", {"night": TONIGHT.isoformat()}, format="json")
    assert made.status_code == 201, made.json()
    body = made.json()
    assert [(s["name"], s["start"], s["end"]) for s in body["shifts"]] == [
        ("Alex", "2026-11-23T22:00:00Z", "2026-11-24T02:30:00Z"),
        ("Sam", "2026-11-24T02:30:00Z", "2026-11-24T07:00:00Z"),
    ]
    assert body["feasible"] and body["how"] == "planner" and body["made_by"] == world.sam.pk
    assert {b["minutes"] for b in body["protected"]} == {270}
    assert any("targets add up to 10 h" in reason for reason in body["unmet"])
    listed = api(world.alex).get("/api/v1/nights/plans/").json()
    assert [p["id"] for p in listed["results"]] == [body["id"]]
    assert api(world.alex).get(f"/api/v1/nights/plans/{body['id']}/").json() == body


@time_machine.travel(NOW, tick=False)
def test_bad_requests_are_400_with_field_errors(world):
    client = api(world.alex)
    assert "night" in client.post("/api/v1/nights/plans/", {}, format="json").json()
    past = client.post("/api/v1/nights/plans/", {"night": LAST_NIGHT.isoformat()}, format="json")
    assert past.status_code == 400 and "already ended" in past.json()["night"][0]
    helper = client.post(
        "/api/v1/nights/plans/", {"night": TONIGHT.isoformat(), "helper_night": True}, format="json"
    )
    assert helper.status_code == 400 and "helper_night" in helper.json()


@time_machine.travel(NOW, tick=False)
def test_shifts_set_by_hand_are_checked_and_kept(world):
    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)
    client = api(world.alex)
    url = f"/api/v1/nights/plans/{plan.pk}/"
    overlap = [
        {"member": world.alex.pk, "start": "2026-11-23T22:00:00Z", "end": "2026-11-24T03:00:00Z"},
        {"member": world.sam.pk, "start": "2026-11-24T02:00:00Z", "end": "2026-11-24T07:00:00Z"},
    ]
    refused = client.put(url, {"shifts": overlap}, format="json")
    assert refused.status_code == 400
    assert refused.json()["shifts"] == [
        "Shift 2, “start”: This shift overlaps Alex's 22:00–03:00: "
        "someone is on duty at a time, so move one of them."
    ]
    outsider = [{"member": world.robin.pk, "start": "2026-11-23T22:00:00Z", "end": "2026-11-24T07:00:00Z"}]
    assert (
        "Choose someone in this household"
        in client.put(url, {"shifts": outsider}, format="json").json()["shifts"][0]
    )

    overlap[0]["end"] = "2026-11-24T02:00:00Z"
    kept = client.patch(url, {"shifts": overlap}, format="json")
    assert kept.status_code == 200
    assert kept.json()["how"] == "by_hand"
    assert NightPlan.objects.get(pk=plan.pk).how == HowMade.BY_HAND

    again = client.post("/api/v1/nights/plans/", {"night": TONIGHT.isoformat()}, format="json")
    assert again.status_code == 400 and "replace" in again.json()
    replaced = client.post(
        "/api/v1/nights/plans/", {"night": TONIGHT.isoformat(), "replace": True}, format="json"
    )
    assert replaced.status_code == 201 and replaced.json()["how"] == "planner"


@time_machine.travel(NOW, tick=False)
def test_a_week_alternates_when_asked(world):
    made = api(world.alex).post(
        "/api/v1/nights/plans/week/", {"night": TONIGHT.isoformat(), "fairness": "alternate"}, format="json"
    )
    assert made.status_code == 201
    assert [len(p["shifts"]) for p in made.json()] == [1] * 7
    assert [p["shifts"][0]["member"] for p in made.json()][:3] == [world.alex.pk, world.sam.pk, world.alex.pk]


@time_machine.travel(NOW, tick=False)
def test_the_night_against_its_plan(world):
    plan = make_plan(member=world.alex, day=LAST_NIGHT, now=at(22, 12))
    log(world, world.sam, "feed", at(23, 1), 20)  # in Alex's shift
    body = api(world.alex).get(f"/api/v1/nights/plans/{plan.pk}/against-log/").json()
    assert body["ended"] is True
    assert body["wakings"][0]["on_duty"] == world.alex.pk
    assert body["wakings"][0]["handled_by"] == world.sam.pk
    assert body["wakings"][0]["fit"] == "covered"


@time_machine.travel(NOW, tick=False)
def test_helpers_see_no_plans_and_others_get_404(world):
    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)
    assert api(world.pat).get("/api/v1/nights/plans/").json()["results"] == []
    assert api(world.pat).get(f"/api/v1/nights/plans/{plan.pk}/").status_code == 404
    assert (
        api(world.pat)
        .post("/api/v1/nights/plans/", {"night": TONIGHT.isoformat()}, format="json")
        .status_code
        == 404
    )
    assert api(world.robin).delete(f"/api/v1/nights/plans/{plan.pk}/").status_code == 404
    assert api(world.alex).delete(f"/api/v1/nights/plans/{plan.pk}/").status_code == 204


@time_machine.travel(NOW, tick=False)
def test_preferences_are_read_and_changed(world):
    client = api(world.alex)
    rows = client.get("/api/v1/nights/preferences/").json()["results"]
    assert [r["name"] for r in rows] == ["Alex", "Sam", "Pat"]
    assert rows[2]["available_for_nights"] is False and rows[0]["target_minutes"] == 300
    changed = client.patch(
        f"/api/v1/nights/preferences/{world.sam.pk}/",
        {"work_mornings": [4, 0], "night_from": "23:00"},
        format="json",
    )
    assert changed.status_code == 200
    assert changed.json()["work_mornings"] == [0, 4] and changed.json()["night_from"] == "23:00:00"
    bad = client.patch(f"/api/v1/nights/preferences/{world.sam.pk}/", {"work_mornings": [9]}, format="json")
    assert bad.status_code == 400 and "work_mornings" in bad.json()
    assert api(world.robin).get(f"/api/v1/nights/preferences/{world.sam.pk}/").status_code == 404


def test_the_schema_builds_without_warnings(world, capsys):
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", "/dev/null")
    assert "nights" not in capsys.readouterr().err
