"""The bonding API: plans and today's suggestion, the one-tap response, trend, crying and guidance; field
errors are 400, helpers and other households get 404."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from rest_framework.test import APIClient

from twofold.bonding.models import BondingPlan
from twofold.bonding.tests.helpers import at, cry
from twofold.care.models import CareEvent

pytestmark = pytest.mark.django_db

BABY_DAYS = dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC)


def api(member) -> APIClient:
    client = APIClient()
    client.force_authenticate(member.user)
    return client


@time_machine.travel(BABY_DAYS, tick=False)  # Ada at 7 weeks: the plan offers what it offers babies
def test_a_parent_starts_a_plan_does_todays_activity_and_pauses(world):
    sam = api(world.sam)
    made = sam.post("/api/v1/bonding/plans/", {"child": world.ada.pk}, format="json")
    assert made.status_code == 201, made.json()
    plan = made.json()
    assert (plan["member"], plan["child"], plan["status"]) == (world.sam.pk, world.ada.pk, "active")
    today = sam.get(f"/api/v1/bonding/plans/{plan['id']}/today/").json()
    assert (today["activity"], today["status"]) == ("skin_to_skin", "open")
    assert all(line["source"]["cite"] for line in today["how_to"])
    done = sam.post(
        f"/api/v1/bonding/plans/{plan['id']}/done/",
        {"activity": "skin_to_skin", "response": "settled", "settled_after_minutes": 9},
        format="json",
    )
    assert done.status_code == 201, done.json()
    assert (done.json()["status"], done.json()["response"]) == ("done", "settled")
    event = CareEvent.objects.get(pk=done.json()["event"])
    assert (event.by, event.settled_after_minutes) == (world.sam, 9)
    paused = sam.patch(f"/api/v1/bonding/plans/{plan['id']}/", {"status": "paused"}, format="json")
    assert paused.json()["status"] == "paused"


def test_bad_input_is_400_with_field_errors(world):
    sam = api(world.sam)
    assert "child" in sam.post("/api/v1/bonding/plans/", {}, format="json").json()
    assert "child" in sam.post("/api/v1/bonding/plans/", {"child": world.bo.pk}, format="json").json()
    plan = sam.post("/api/v1/bonding/plans/", {"child": world.ada.pk}, format="json").json()
    twice = sam.post("/api/v1/bonding/plans/", {"child": world.ada.pk}, format="json")
    assert twice.status_code == 400 and "You already have a plan" in twice.json()["child"][0]
    bad = sam.post(f"/api/v1/bonding/plans/{plan['id']}/done/", {"activity": "juggling"}, format="json")
    assert bad.status_code == 400 and "activity" in bad.json()
    status = sam.patch(f"/api/v1/bonding/plans/{plan['id']}/", {"status": "asleep"}, format="json")
    assert status.status_code == 400 and "status" in status.json()
    assert (
        "settled_after_minutes"
        in sam.post(
            "/api/v1/bonding/responses/",
            {"event": 1, "response": "calm", "settled_after_minutes": -1},
            format="json",
        ).json()
    )


def test_the_one_tap_response_over_the_api(world):
    event = cry(world.alex, world.ada, at(world.ada, dt.date(2026, 10, 20), 9), 20)
    ok = api(world.alex).post(
        "/api/v1/bonding/responses/",
        {"event": event.pk, "response": "settled", "settled_after_minutes": 20},
        format="json",
    )
    assert ok.json() == {"event": event.pk, "response": "settled", "settled_after_minutes": 20}
    other = api(world.robin).post(
        "/api/v1/bonding/responses/", {"event": event.pk, "response": "calm"}, format="json"
    )
    assert other.status_code == 400 and "event" in other.json()
    event.refresh_from_db()
    assert event.response == "settled"


def test_helpers_and_other_households_get_404_for_plans_trend_and_crying(world):
    plan = api(world.sam).post("/api/v1/bonding/plans/", {"child": world.ada.pk}, format="json").json()
    for member in (world.pat, world.robin):
        client = api(member)
        assert client.get(f"/api/v1/bonding/plans/{plan['id']}/").status_code == 404
        assert client.get(f"/api/v1/bonding/trend/?child={world.ada.pk}").status_code == 404
        assert client.get(f"/api/v1/bonding/crying/?child={world.ada.pk}").status_code == 404
    assert api(world.pat).get("/api/v1/bonding/plans/").json()["results"] == []
    assert (
        api(world.pat).post("/api/v1/bonding/plans/", {"child": world.ada.pk}, format="json").status_code
        == 404
    )
    # The other parent can read the plan but not change it.
    alex = api(world.alex)
    assert alex.get(f"/api/v1/bonding/plans/{plan['id']}/").status_code == 200
    assert (
        alex.patch(f"/api/v1/bonding/plans/{plan['id']}/", {"status": "ended"}, format="json").status_code
        == 403
    )
    assert BondingPlan.objects.get().status == "active"


# Two days after the crying: the report's days end at the real date, and 400 of them would not reach back.
@time_machine.travel(dt.datetime(2026, 10, 22, 12, tzinfo=dt.UTC), tick=False)
def test_crying_and_trend_over_the_api(world):
    day = dt.date(2026, 10, 20)
    for hour in (9, 14, 19):
        cry(world.alex, world.ada, at(world.ada, day, hour), 65, tried=["rocking"], outcome="settled")
    alex = api(world.alex)
    crying = alex.get(f"/api/v1/bonding/crying/?child={world.ada.pk}&days=400").json()
    row = next(d for d in crying["days"] if d["date"] == "2026-10-20")
    assert (row["minutes"], row["week_of_life"], row["norm"]["mean_low"], row["norm"]["mean_high"]) == (
        195.0,
        3,
        117,
        133,
    )
    assert crying["colic"]["modified_wessel"]["met"] is False
    assert "ask a health professional" in crying["colic"]["wessel"]["ask"]
    assert "not a diagnosis" in crying["colic"]["rome_iv"]["ask"]
    assert crying["what_helped"]["by_technique"][0]["key"] == "rocking"
    trend = alex.get(f"/api/v1/bonding/trend/?child={world.ada.pk}").json()
    assert isinstance(trend, list)
    assert alex.get("/api/v1/bonding/crying/").status_code == 400


def test_guidance_is_for_every_member_with_the_countrys_number(world):
    pat = api(world.pat).get("/api/v1/bonding/guidance/").json()
    assert pat["emergency_number"] == "999"
    assert pat["red_flags"]["urgencies"]["today"] == "Call NHS 111 or your GP today"
    assert any(i["id"] == "never_shake" for i in pat["coping_card"]["items"])
    robin = api(world.robin).get("/api/v1/bonding/guidance/").json()
    assert robin["emergency_number"] == "911"
    assert "111" not in str(robin["red_flags"]["urgencies"])
