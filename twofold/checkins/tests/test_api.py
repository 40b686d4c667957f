"""The check-in API: the same reveal rule as the pages, field errors as 400s, agreements and reviews."""

from __future__ import annotations

import time_machine
from rest_framework.test import APIClient

from twofold.checkins.models import Agreement, Checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NEXT_WEEK, NOW, SAM_ANSWERS

URL = "/api/v1/checkins/"


def api_for(member) -> APIClient:
    client = APIClient()
    client.force_authenticate(member.user)
    return client


@time_machine.travel(NOW, tick=False)
def test_answering_creates_then_changes_and_the_last_answer_reveals(world):
    alex = api_for(world.alex)
    created = alex.post(URL, ALEX_ANSWERS, format="json")
    assert created.status_code == 201
    body = created.json()
    assert body["week"] == "2026-W47" and body["mine"] and not body["revealed"] and body["can_change"]
    assert body["appreciated"] == "Alex-appreciates-the-bath-routine"
    assert alex.post(URL, {**ALEX_ANSWERS, "mood": 4}, format="json").status_code == 200
    assert alex.patch(f"{URL}{body['id']}/", {"sleep": 1}, format="json").json()["sleep"] == 1
    assert Checkin.objects.get(pk=body["id"]).answers.mood == 4

    sam = api_for(world.sam)
    assert sam.get(f"{URL}{body['id']}/").status_code == 404
    sam.post(URL, SAM_ANSWERS, format="json")
    revealed = sam.get(f"{URL}{body['id']}/").json()
    assert revealed["revealed"] and not revealed["mine"] and revealed["needed"] == "Alex-needs-one-lie-in"
    assert sam.get(URL).json()["count"] == 2
    # Revealed answers are fixed, and another parent's are never theirs to change.
    fixed = alex.patch(f"{URL}{body['id']}/", {"sleep": 9}, format="json")
    assert fixed.status_code == 400 and "fixed" in fixed.json()["non_field_errors"][0]
    assert sam.patch(f"{URL}{body['id']}/", {"sleep": 9}, format="json").status_code == 403


@time_machine.travel(NOW, tick=False)
def test_bad_answers_are_400_with_a_message_per_field(world):
    response = api_for(world.alex).post(
        URL,
        {**ALEX_ANSWERS, "care_share": 101, "fairness": -1, "mood": None, "needed": "x" * 301},
        format="json",
    )
    assert response.status_code == 400
    errors = response.json()
    assert errors["care_share"] == ["Give a whole number from 0 to 100."]
    assert errors["fairness"] == ["Choose a number from 0 to 10."]
    assert errors["mood"] == ["Choose a number from 0 to 10."]
    assert errors["needed"] == ["Keep it to 300 characters."]
    missing = api_for(world.alex).post(URL, {"care_share": 5}, format="json").json()
    assert set(missing) == {"night_share", "fairness", "sleep", "mood", "connection"}
    assert not Checkin.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_a_closed_check_in_cannot_be_changed(world):
    body = api_for(world.alex).post(URL, ALEX_ANSWERS, format="json").json()
    with time_machine.travel(NEXT_WEEK, tick=False):
        response = api_for(world.alex).put(f"{URL}{body['id']}/", ALEX_ANSWERS, format="json")
        assert response.status_code == 400


@time_machine.travel(NOW, tick=False)
def test_agreements_and_reviews_over_the_api(world):
    sam = api_for(world.sam)
    assert sam.post(f"{URL}agreements/", {"text": "  "}, format="json").status_code == 400
    made = sam.post(f"{URL}agreements/", {"text": "I do the bath"}, format="json")
    assert made.status_code == 201
    agreement = made.json()
    assert agreement["week"] == "2026-W47" and agreement["mine"]
    alex = api_for(world.alex)
    assert alex.get(f"{URL}agreements/").json()["count"] == 1
    assert alex.patch(f"{URL}agreements/{agreement['id']}/", {"text": "x"}, format="json").status_code == 400
    assert (
        sam.put(f"{URL}agreements/{agreement['id']}/", {"text": "I do the bath daily"}, format="json").json()[
            "text"
        ]
        == "I do the bath daily"
    )

    # Only last week's agreements can be reviewed, in this week's check-in.
    too_soon = alex.post(f"{URL}reviews/", {"agreement": agreement["id"], "outcome": "kept"}, format="json")
    assert too_soon.status_code == 400 and "agreement" in too_soon.json()
    with time_machine.travel(NEXT_WEEK, tick=False):
        bad = alex.post(f"{URL}reviews/", {"agreement": agreement["id"], "outcome": "maybe"}, format="json")
        assert bad.json()["outcome"] == ["Say whether it was kept, partly kept or not kept."]
        review = alex.post(f"{URL}reviews/", {"agreement": agreement["id"], "outcome": "kept"}, format="json")
        assert review.status_code == 201 and review.json()["by"]["name"] == "Alex"
        assert sam.get(f"{URL}reviews/").json()["count"] == 0
        assert sam.delete(f"{URL}agreements/{agreement['id']}/").status_code == 400
    assert sam.delete(f"{URL}agreements/{agreement['id']}/").status_code == 204
    assert not Agreement.objects.exists()


def test_the_schema_describes_the_check_in_endpoints(world):
    response = api_for(world.alex).get("/api/v1/schema/", HTTP_ACCEPT="application/json")
    paths = response.json()["paths"] if response["Content-Type"].startswith("application/json") else None
    if paths is None:
        import yaml

        paths = yaml.safe_load(response.content)["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/checkins/"])
    assert {"get", "put", "patch"} <= set(paths["/api/v1/checkins/{id}/"])
    assert {"get", "put", "patch", "delete"} <= set(paths["/api/v1/checkins/agreements/{id}/"])
    assert {"get", "post"} <= set(paths["/api/v1/checkins/reviews/"])
