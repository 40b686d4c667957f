"""Screening results over the API: own results, results shared with you (never their answers), nothing
for helpers or other households, and the safety flag with the country's lines."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from twofold.households.services import leave_household
from twofold.wellbeing import services
from twofold.wellbeing.instruments import PHQ9, SAFETY_MESSAGE
from twofold.wellbeing.tests.answers import answers_scoring

LIST = "/api/v1/wellbeing/screenings/"


def detail(screening_id: int) -> str:
    return f"{LIST}{screening_id}/"


@pytest.fixture
def api_for():
    def client_for(member) -> APIClient:
        client = APIClient()
        client.force_authenticate(member.user)
        return client

    return client_for


def take_phq9(member, scores=None, *, shared=False):
    screening = services.start_screening(member=member, instrument="phq9")
    for item, position in answers_scoring(PHQ9, scores or {}).items():
        services.record_answer(member=member, screening=screening, item=item, position=position)
    finished = services.finish_screening(member=member, screening=screening)
    if shared:
        services.share_screening(member=member, screening=finished.screening, shared=True)
    return finished.screening


def test_a_parent_lists_their_own_finished_results(world, api_for):
    mine = take_phq9(world.alex, {1: 2, 2: 1})
    services.start_screening(member=world.alex, instrument="gad7")  # unfinished: not a result yet

    body = api_for(world.alex).get(LIST).json()

    assert [row["id"] for row in body["results"]] == [mine.pk]
    row = body["results"][0]
    assert row["instrument"] == "phq9" and row["total"] == 3 and row["max_total"] == 27
    assert (row["band"], row["band_label"]) == ("minimal", "None or minimal")
    assert row["safety_flag"] is False and row["top_band"] is False and row["follow_up"] is None
    assert row["shared_by"] is None and row["resources"] is None
    assert row["finished_at"] and row["started_at"]
    assert "answers" not in row


def test_the_taker_gets_their_answers_in_the_detail(world, api_for):
    mine = take_phq9(world.alex, {1: 2, 2: 1})

    body = api_for(world.alex).get(detail(mine.pk)).json()

    assert body["total"] == 3
    assert len(body["answers"]) == 9
    assert body["answers"][0] == {"item": 1, "position": 2, "label": "More than half the days", "score": 2}


def test_a_shared_result_appears_for_the_partner_without_answers(world, api_for):
    shared = take_phq9(world.alex, {1: 1}, shared=True)
    take_phq9(world.alex, {1: 3})  # not shared
    sam = api_for(world.sam)

    rows = sam.get(LIST).json()["results"]
    one = sam.get(detail(shared.pk)).json()

    assert [row["id"] for row in rows] == [shared.pk]
    assert rows[0]["shared_by"] == {"id": world.alex.pk, "name": "Alex"}
    assert one["total"] == 1 and one["shared_by"]["name"] == "Alex"
    assert one["answers"] is None


def test_an_unshared_result_is_never_seen_by_the_partner(world, api_for):
    private = take_phq9(world.alex, {1: 3, 9: 1})
    sam = api_for(world.sam)

    assert sam.get(LIST).json()["results"] == []
    assert sam.get(detail(private.pk)).status_code == 404


def test_helpers_see_no_results(world, api_for):
    shared = take_phq9(world.alex, shared=True)
    pat = api_for(world.pat)

    assert pat.get(LIST).json()["results"] == []
    assert pat.get(detail(shared.pk)).status_code == 404


def test_another_household_gets_404(world, api_for):
    shared = take_phq9(world.alex, shared=True)
    robin = api_for(world.robin)

    assert robin.get(LIST).json()["results"] == []
    assert robin.get(detail(shared.pk)).status_code == 404
    for method in ("post", "put", "patch", "delete"):
        assert getattr(robin, method)(detail(shared.pk), {}, format="json").status_code == 404


def test_after_leaving_only_your_own_results_remain(world, api_for):
    shared = take_phq9(world.alex, shared=True)
    own = take_phq9(world.sam)

    leave_household(member=world.sam)

    sam = api_for(world.sam)
    assert [row["id"] for row in sam.get(LIST).json()["results"]] == [own.pk]
    assert sam.get(detail(own.pk)).status_code == 200
    assert sam.get(detail(shared.pk)).status_code == 404


def test_a_self_harm_answer_carries_the_flag_and_the_countrys_lines(world, api_for):
    flagged = take_phq9(world.sam, {9: 1})  # a total of 1: low, but item 9 is above 0

    row = api_for(world.sam).get(LIST).json()["results"][0]
    one = api_for(world.sam).get(detail(flagged.pk)).json()

    assert row["total"] == 1 and row["safety_flag"] is True and row["top_band"] is False
    resources = row["resources"]
    assert resources["country"] == "GB" and resources["emergency_number"] == "999"
    assert resources["safety_message"] == SAFETY_MESSAGE
    assert "999" in resources["if_you_ever_feel_unsafe"]
    assert resources["lines"][0]["kind"] == "emergency"
    names = [line["name"] for line in resources["lines"]]
    assert "Samaritans" in names
    samaritans = resources["lines"][names.index("Samaritans")]
    assert samaritans["is_crisis_line"] is True
    assert {"how": "call", "value": "116 123", "dial": "116123", "note": "Free."} in samaritans["contacts"]
    assert all(
        "not a crisis line" in line["label"] for line in resources["lines"] if not line["is_crisis_line"]
    )
    assert one["resources"] == resources


def test_the_top_band_carries_the_lines_of_the_households_country(world, api_for):
    top = take_phq9(world.robin, dict.fromkeys(range(1, 9), 3))  # 24 of 27, nothing on item 9

    row = api_for(world.robin).get(detail(top.pk)).json()

    assert row["top_band"] is True and row["safety_flag"] is False
    assert row["resources"]["country"] == "US" and row["resources"]["emergency_number"] == "911"
    assert row["resources"]["safety_message"] is None
    assert any(
        contact["value"] == "988" for line in row["resources"]["lines"] for contact in line["contacts"]
    )


def test_anonymous_callers_get_401(world):
    screening = take_phq9(world.alex)

    assert APIClient().get(LIST).status_code == 401
    assert APIClient().get(detail(screening.pk)).status_code == 401
