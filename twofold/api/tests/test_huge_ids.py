"""An id too large for the database (22 digits; SQLite's integers are 64-bit) is a 400 or a 404, never a 500.

In a query or a body it is a 400 naming the field; in a URL it is a page or object that is not there: 404.
"""

from __future__ import annotations

import pytest
from django.test import Client
from rest_framework.test import APIClient

from twofold.bonding.models import BondingPlan
from twofold.care.models import CareEvent
from twofold.checkins.models import Agreement, AgreementReview, Checkin
from twofold.households.api import CHOOSE_CHILD, CHOOSE_MEMBER
from twofold.households.ids import ID_RANGE, MAX_ID
from twofold.nights.models import NightPlan

HUGE = 1234567890123456789012
ANSWERS = {"care_share": 50, "night_share": 50, "fairness": 7, "sleep": 5, "mood": 6, "connection": 7}


def _written() -> list[int]:
    return [
        m.objects.count() for m in (CareEvent, NightPlan, BondingPlan, Agreement, Checkin, AgreementReview)
    ]


def _api(member) -> APIClient:
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(member.user)
    return client


@pytest.mark.parametrize(
    ("url", "field"),
    [
        ("/api/v1/insights/", "household"),
        ("/api/v1/bonding/guidance/", "household"),
        ("/api/v1/bonding/trend/", "child"),
        ("/api/v1/bonding/crying/", "child"),
    ],
)
def test_a_huge_id_in_a_query_is_a_400_under_its_field(world, url, field):
    response = _api(world.alex).get(url, {field: HUGE})

    assert response.status_code == 400
    assert response.json() == {field: [ID_RANGE]}


def test_a_huge_child_or_member_in_the_event_filters_reads_as_unknown(world):
    response = _api(world.alex).get("/api/v1/events/", {"child": HUGE, "by": HUGE})

    assert response.status_code == 400
    assert response.json() == {"child": [CHOOSE_CHILD], "by": [CHOOSE_MEMBER]}


def _bodies(world) -> list[tuple[str, dict[str, object], dict[str, list[str]]]]:
    nappy = {"kind": "nappy", "nappy": {"contents": "wet"}}
    return [
        ("/api/v1/events/", {"child": HUGE, **nappy}, {"child": [CHOOSE_CHILD]}),
        ("/api/v1/events/", {"child": world.ada.pk, "by": HUGE, **nappy}, {"by": [CHOOSE_MEMBER]}),
        ("/api/v1/timers/", {"child": HUGE, "kind": "sleep"}, {"child": [CHOOSE_CHILD]}),
        ("/api/v1/nights/plans/", {"night": "2026-12-01", "household": HUGE}, {"household": [ID_RANGE]}),
        ("/api/v1/nights/plans/", {"night": "2026-12-01", "feeder": HUGE}, {"feeder": [ID_RANGE]}),
        ("/api/v1/nights/plans/week/", {"night": "2026-12-01", "household": HUGE}, {"household": [ID_RANGE]}),
        ("/api/v1/bonding/responses/", {"event": HUGE, "response": "calm"}, {"event": [ID_RANGE]}),
        ("/api/v1/bonding/plans/", {"child": HUGE}, {"child": [CHOOSE_CHILD]}),
        ("/api/v1/checkins/", {**ANSWERS, "household": HUGE}, {"household": [ID_RANGE]}),
        (
            "/api/v1/checkins/agreements/",
            {"text": "I do the bath", "household": HUGE},
            {"household": [ID_RANGE]},
        ),
        ("/api/v1/checkins/reviews/", {"agreement": HUGE, "outcome": "kept"}, {"agreement": [ID_RANGE]}),
    ]


def test_a_huge_id_in_a_body_is_a_400_under_its_field_and_nothing_is_written(world):
    client = _api(world.alex)
    for url, body, errors in _bodies(world):
        response = client.post(url, body, format="json")

        assert (url, response.status_code) == (url, 400)
        assert response.json() == errors
    assert _written() == [0] * 6


def test_the_largest_id_the_database_holds_is_simply_unknown(world):
    response = _api(world.alex).get("/api/v1/insights/", {"household": MAX_ID})

    assert response.status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/events/{HUGE}/",
        f"/api/v1/children/{HUGE}/",
        f"/api/v1/members/{HUGE}/",
        f"/api/v1/nights/plans/{HUGE}/",
        f"/api/v1/bonding/plans/{HUGE}/",
        f"/api/v1/checkins/{HUGE}/",
        f"/api/v1/wellbeing/screenings/{HUGE}/",
    ],
)
def test_a_huge_id_in_an_api_url_is_404(world, url):
    assert _api(world.alex).get(url).status_code == 404


@pytest.mark.parametrize(
    "url",
    [
        f"/events/{HUGE}/",
        f"/household/children/{HUGE}/",
        f"/nights/plans/{HUGE}/",
        f"/checkin/agreements/{HUGE}/edit/",
        f"/wellbeing/screenings/{HUGE}/",
    ],
)
def test_a_huge_id_in_a_page_url_is_404(world, url):
    client = Client(raise_request_exception=False)
    client.force_login(world.alex.user)

    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", [f"/events/{HUGE}/delete/", f"/bonding/plans/{HUGE}/pause/"])
def test_a_huge_id_posted_to_a_page_is_404_and_nothing_changes(world, url):
    client = Client(raise_request_exception=False)
    client.force_login(world.alex.user)

    assert client.post(url).status_code == 404
    assert _written() == [0] * 6
