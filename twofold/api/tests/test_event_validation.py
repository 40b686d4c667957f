"""Mistakes in a logged event come back as 400s naming the field, and nothing is written."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from twofold.care.models import FEED_TOO_MUCH, TOO_LITTLE, CareEvent
from twofold.care.services import BY_NOT_MEMBER
from twofold.households.api import CHOOSE_CHILD, CHOOSE_MEMBER
from twofold.households.services import accept_invitation, invite, leave_household

EVENTS = "/api/v1/events/"


def post(client, **body):
    return client.post(EVENTS, body, format="json")


def test_end_before_start_is_an_error_on_end(world, api_for):
    start = timezone.now() - dt.timedelta(hours=1)
    response = post(
        api_for(world.alex),
        child=world.ada.pk,
        kind="sleep",
        start=start,
        end=start - dt.timedelta(minutes=5),
    )

    assert response.status_code == 400
    assert response.json() == {"end": ["The end is before the start. Swap them or correct one."]}
    assert not CareEvent.objects.exists()


def test_a_start_in_the_future_is_an_error_on_start(world, api_for):
    response = post(
        api_for(world.alex),
        child=world.ada.pk,
        kind="nappy",
        start=timezone.now() + dt.timedelta(hours=2),
        nappy={"contents": "wet"},
    )

    assert response.status_code == 400
    assert list(response.json()) == ["start"]
    assert "future" in response.json()["start"][0]
    assert not CareEvent.objects.exists()


def test_a_breastfeed_with_an_amount_is_an_error_on_the_feeds_amount(world, api_for):
    response = post(
        api_for(world.alex), child=world.ada.pk, kind="feed", feed={"method": "breast", "amount_ml": 60}
    )

    assert response.status_code == 400
    assert response.json() == {"feed": {"amount_ml": ["A breastfeed has no amount: leave it empty."]}}
    assert not CareEvent.objects.exists()


def test_an_amount_out_of_range_names_its_unit(world, api_for):
    client = api_for(world.alex)
    bottle = post(client, child=world.ada.pk, kind="feed", feed={"method": "formula", "amount_ml": 600})
    pumped = post(client, child=world.ada.pk, kind="pumping", pumping={"amount_ml": 0.5})

    assert bottle.json() == {"feed": {"amount_ml": [FEED_TOO_MUCH]}} and "500 ml" in FEED_TOO_MUCH
    assert pumped.json() == {"pumping": {"amount_ml": [TOO_LITTLE]}} and "1 ml" in TOO_LITTLE
    assert not CareEvent.objects.exists()


def test_missing_details_are_errors_under_the_kind(world, api_for):
    response = post(api_for(world.alex), child=world.ada.pk, kind="nappy")

    assert response.status_code == 400
    assert list(response.json()) == ["nappy"]
    assert "contents" in response.json()["nappy"]


def test_an_unknown_settling_technique_is_an_error_on_tried(world, api_for):
    response = post(api_for(world.alex), child=world.ada.pk, kind="settle", settle={"tried": ["juggling"]})

    assert response.status_code == 400
    assert "tried" in response.json()["settle"]
    assert not CareEvent.objects.exists()


def test_an_unknown_kind_is_an_error_on_kind(world, api_for):
    response = post(api_for(world.alex), child=world.ada.pk, kind="tantrum")

    assert response.status_code == 400
    assert list(response.json()) == ["kind"]


def test_a_child_of_another_household_is_unknown(world, api_for):
    response = post(api_for(world.alex), child=world.bo.pk, kind="nappy", nappy={"contents": "wet"})

    assert response.status_code == 400
    assert response.json() == {"child": [CHOOSE_CHILD]}
    assert not CareEvent.objects.exists()


def test_a_child_that_does_not_exist_reads_the_same_as_another_households(world, api_for):
    response = post(api_for(world.alex), child=world.bo.pk + 1000, kind="nappy", nappy={"contents": "wet"})

    assert response.json() == {"child": [CHOOSE_CHILD]}


def test_a_member_of_another_household_cannot_be_who_did_it(world, api_for):
    response = post(
        api_for(world.alex), child=world.ada.pk, kind="nappy", by=world.robin.pk, nappy={"contents": "wet"}
    )

    assert response.status_code == 400
    assert response.json() == {"by": [CHOOSE_MEMBER]}
    assert not CareEvent.objects.exists()


def test_someone_who_left_cannot_be_who_did_it(world, api_for):
    leave_household(member=world.pat)

    response = post(
        api_for(world.alex), child=world.ada.pk, kind="nappy", by=world.pat.pk, nappy={"contents": "wet"}
    )

    assert response.json() == {"by": [CHOOSE_MEMBER]}


def test_details_of_another_kind_are_refused(world, api_for):
    response = post(
        api_for(world.alex),
        child=world.ada.pk,
        kind="nappy",
        nappy={"contents": "wet"},
        sleep={"place": "cot"},
    )

    assert response.status_code == 400
    assert list(response.json()) == ["sleep"]


def test_a_response_on_medicine_is_an_error_on_response(world, api_for):
    response = post(
        api_for(world.alex),
        child=world.ada.pk,
        kind="medicine",
        medicine={"name": "Paracetamol"},
        response="calm",
    )

    assert response.status_code == 400
    assert list(response.json()) == ["response"]


def test_minutes_to_settle_need_the_response_settled(world, api_for):
    response = post(
        api_for(world.alex),
        child=world.ada.pk,
        kind="settle",
        response="fussy",
        settled_after_minutes=12,
        settle={"tried": ["rocking"]},
    )

    assert response.status_code == 400
    assert list(response.json()) == ["settled_after_minutes"]


def test_a_too_long_sleep_is_questioned(world, api_for):
    start = timezone.now() - dt.timedelta(hours=20)
    response = post(
        api_for(world.alex), child=world.ada.pk, kind="sleep", start=start, end=start + dt.timedelta(hours=19)
    )

    assert response.status_code == 400
    assert "longer than" in response.json()["end"][0]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"kind": "nappy"}, "child"),
        ({"child": "Ada", "kind": "nappy"}, "child"),
        ({"child": 1, "kind": "nappy", "start": "yesterday"}, "start"),
        ({"child": 1, "kind": "nappy", "client_id": "not-a-uuid"}, "client_id"),
    ],
)
def test_malformed_input_names_the_field(world, api_for, body, field):
    response = api_for(world.alex).post(EVENTS, body, format="json")

    assert response.status_code == 400
    assert field in response.json()


def test_a_json_body_is_required(world, api_for):
    response = api_for(world.alex).post(
        EVENTS, "child=1&kind=nappy", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 415
    assert "detail" in response.json()


def test_the_service_message_is_used_when_by_is_in_another_of_your_households(world, api_for):
    # Alex also helps in Robin's household: Robin is Alex's to choose there, not for Ada.
    accept_invitation(
        user=world.alex.user, token=invite(member=world.robin, role="helper").token, display_name="Alex"
    )

    response = post(
        api_for(world.alex), child=world.ada.pk, kind="nappy", by=world.robin.pk, nappy={"contents": "wet"}
    )

    assert response.status_code == 400
    assert response.json() == {"by": [BY_NOT_MEMBER]}
