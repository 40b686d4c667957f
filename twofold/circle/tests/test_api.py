"""The circle over the API: ask, list, take, give back, mark, withdraw, and standing offers."""

from __future__ import annotations

import pytest
import time_machine
from rest_framework.test import APIClient

from twofold.circle.models import HelpRequest
from twofold.nights.models import NightPlan

from .build import NOW, SATURDAY, SUNDAY_MORNING, ask_meal, ask_saturday_night, second_helper

pytestmark = pytest.mark.django_db
REQUESTS = "/api/v1/circle/requests/"
OFFERS = "/api/v1/circle/offers/"


def api(member) -> APIClient:
    client = APIClient()
    client.force_authenticate(member.user)
    return client


@time_machine.travel(NOW, tick=False)
def test_a_parent_asks_and_a_helper_takes_a_night_which_the_plan_follows(world):
    made = api(world.alex).post(
        REQUESTS,
        {"kind": "night", "starts": "2026-11-28T22:00:00", "ends": "2026-11-29T07:00:00", "note": "Please"},
        format="json",
    )
    assert made.status_code == 201, made.json()
    body = made.json()
    assert (body["state"], body["night"], body["starts"]) == ("open", "2026-11-28", "2026-11-28T22:00:00Z")
    listed = api(world.pat).get(REQUESTS).json()["results"]
    assert [(r["id"], r["can_take"]) for r in listed] == [(body["id"], True)]
    taken = api(world.pat).post(f"{REQUESTS}{body['id']}/take/")
    assert taken.status_code == 200
    assert taken.json()["state"] == "taken"
    assert taken.json()["takings"][0]["name"] == "Pat"
    plan = NightPlan.objects.get(night=SATURDAY)
    assert [s.member_id for s in plan.shifts.all()] == [world.pat.pk]
    again = api(world.pat).post(f"{REQUESTS}{body['id']}/take/")
    assert again.status_code == 400 and "already" in again.json()["request"][0]


@time_machine.travel(NOW, tick=False)
def test_marking_given_after_the_night(world):
    request = ask_saturday_night(world.alex)
    pat = api(world.pat)
    pat.post(f"{REQUESTS}{request.pk}/take/")
    early = pat.post(f"{REQUESTS}{request.pk}/mark/", {"outcome": "given"}, format="json")
    assert early.status_code == 400
    with time_machine.travel(SUNDAY_MORNING, tick=False):
        marked = pat.post(f"{REQUESTS}{request.pk}/mark/", {"outcome": "given"}, format="json")
        assert marked.status_code == 200 and marked.json()["state"] == "given"
        bad = pat.post(f"{REQUESTS}{request.pk}/mark/", {"outcome": "maybe"}, format="json")
        assert bad.status_code == 400 and "outcome" in bad.json()


@time_machine.travel(NOW, tick=False)
def test_giving_back_and_withdrawing(world):
    request = ask_meal(world.alex, 26)
    pat = api(world.pat)
    pat.post(f"{REQUESTS}{request.pk}/take/")
    back = pat.post(f"{REQUESTS}{request.pk}/give-back/")
    assert back.status_code == 200 and back.json()["takings"][0]["state"] == "dropped"
    assert back.json()["state"] == "open"
    assert pat.post(f"{REQUESTS}{request.pk}/withdraw/").status_code == 403
    gone = api(world.sam).post(f"{REQUESTS}{request.pk}/withdraw/")
    assert gone.status_code == 200 and gone.json()["state"] == "withdrawn"


@time_machine.travel(NOW, tick=False)
def test_bad_requests_say_what_to_fix(world):
    alex = api(world.alex)
    backwards = alex.post(
        REQUESTS,
        {"kind": "meal", "starts": "2026-11-26T19:00:00", "ends": "2026-11-26T18:00:00"},
        format="json",
    )
    assert backwards.status_code == 400 and "ends" in backwards.json()
    past = alex.post(
        REQUESTS,
        {"kind": "meal", "starts": "2026-11-20T18:00:00", "ends": "2026-11-20T19:00:00"},
        format="json",
    )
    assert past.status_code == 400 and "starts" in past.json()
    stranger = alex.post(
        REQUESTS,
        {
            "kind": "meal",
            "starts": "2026-11-26T18:00:00",
            "ends": "2026-11-26T19:00:00",
            "for_everyone": False,
            "shown_to": [world.robin.pk],
        },
        format="json",
    )
    assert stranger.status_code == 400 and "shown_to" in stranger.json()
    by_helper = api(world.pat).post(
        REQUESTS,
        {"kind": "meal", "starts": "2026-11-26T18:00:00", "ends": "2026-11-26T19:00:00"},
        format="json",
    )
    assert by_helper.status_code in (403, 404)
    assert not HelpRequest.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_a_helper_never_sees_a_request_not_shared_with_them(world):
    jo = second_helper(world)
    request = ask_meal(world.alex, 26, for_everyone=False, shown_to=[world.pat])
    assert api(jo).get(REQUESTS).json()["results"] == []
    assert api(jo).get(f"{REQUESTS}{request.pk}/").status_code == 404
    assert api(jo).post(f"{REQUESTS}{request.pk}/take/").status_code == 404
    assert api(world.robin).get(f"{REQUESTS}{request.pk}/").status_code == 404
    assert api(world.pat).get(f"{REQUESTS}{request.pk}/").json()["shown_to"] == []
    assert api(world.alex).get(f"{REQUESTS}{request.pk}/").json()["shown_to"] == [world.pat.pk]


@time_machine.travel(NOW, tick=False)
def test_standing_offers(world):
    pat = api(world.pat)
    made = pat.post(OFFERS, {"kind": "night", "words": "One night a week"}, format="json")
    assert made.status_code == 201 and made.json()["name"] == "Pat"
    assert pat.post(OFFERS, {"kind": "night", "words": ""}, format="json").status_code == 400
    assert api(world.alex).post(OFFERS, {"kind": "meal", "words": "Soup"}, format="json").status_code == 403
    assert [o["words"] for o in api(world.sam).get(OFFERS).json()["results"]] == ["One night a week"]
    assert api(world.robin).get(f"{OFFERS}{made.json()['id']}/").status_code == 404
    assert pat.delete(f"{OFFERS}{made.json()['id']}/").status_code == 204
    assert api(world.sam).get(OFFERS).json()["results"] == []
