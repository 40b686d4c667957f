"""Filtering the care log by child, kind, who and time; bad values are 400s naming the parameter."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from twofold.api.filters import UNTIL_BEFORE_SINCE
from twofold.care.services import log_care_event
from twofold.households.api import CHOOSE_CHILD
from twofold.households.services import add_child

EVENTS = "/api/v1/events/"
NOW = timezone.now().replace(microsecond=0)


@pytest.fixture
def log(world):
    """Three hours of care for Ada and her twin Eve, oldest first."""
    eve = add_child(member=world.alex, name="Eve", birth_date=world.ada.birth_date, feeding_method="formula")
    t0 = NOW - dt.timedelta(hours=3)
    events = [
        log_care_event(
            member=world.alex, child=world.ada, kind="nappy", start=t0, details={"contents": "wet"}
        ),
        log_care_event(
            member=world.sam,
            child=eve,
            kind="feed",
            start=t0 + dt.timedelta(hours=1),
            details={"method": "formula", "amount_ml": 80},
        ),
        log_care_event(
            member=world.sam,
            child=world.ada,
            kind="nappy",
            start=t0 + dt.timedelta(hours=2),
            details={"contents": "dirty"},
        ),
    ]
    return eve, [logged.event for logged in events]


def ids(response):
    assert response.status_code == 200, response.json()
    return [event["id"] for event in response.json()["results"]]


def test_the_log_is_newest_first(world, api_for, log):
    _, (first, second, third) = log

    assert ids(api_for(world.alex).get(EVENTS)) == [third.pk, second.pk, first.pk]


def test_filter_by_child(world, api_for, log):
    eve, (first, second, third) = log
    client = api_for(world.alex)

    assert ids(client.get(EVENTS, {"child": world.ada.pk})) == [third.pk, first.pk]
    assert ids(client.get(EVENTS, {"child": eve.pk})) == [second.pk]


def test_filter_by_kind(world, api_for, log):
    _, (first, second, third) = log

    assert ids(api_for(world.alex).get(EVENTS, {"kind": "nappy"})) == [third.pk, first.pk]


def test_filter_by_who_did_it(world, api_for, log):
    _, (first, second, third) = log

    assert ids(api_for(world.alex).get(EVENTS, {"by": world.sam.pk})) == [third.pk, second.pk]


def test_since_and_until_are_half_open_on_the_start(world, api_for, log):
    _, (first, second, third) = log
    client = api_for(world.alex)

    window = {"since": second.start.isoformat(), "until": third.start.isoformat()}

    assert ids(client.get(EVENTS, window)) == [second.pk]
    assert ids(client.get(EVENTS, {"since": second.start.isoformat()})) == [third.pk, second.pk]
    assert ids(client.get(EVENTS, {"until": second.start.isoformat()})) == [first.pk]


def test_filters_combine(world, api_for, log):
    _, (first, second, third) = log

    found = ids(api_for(world.alex).get(EVENTS, {"kind": "nappy", "by": world.sam.pk, "child": world.ada.pk}))

    assert found == [third.pk]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"since": "last tuesday"}, "since"),
        ({"until": "2026-13-40"}, "until"),
        ({"kind": "tantrum"}, "kind"),
        ({"child": "ada"}, "child"),
        ({"by": "sam"}, "by"),
    ],
)
def test_a_bad_filter_value_is_a_400_naming_it(world, api_for, params, field):
    response = api_for(world.alex).get(EVENTS, params)

    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_until_before_since_is_refused(world, api_for):
    response = api_for(world.alex).get(
        EVENTS, {"since": NOW.isoformat(), "until": (NOW - dt.timedelta(hours=1)).isoformat()}
    )

    assert response.status_code == 400
    assert response.json() == {"until": [UNTIL_BEFORE_SINCE]}


def test_filtering_by_another_households_child_is_refused_not_answered(world, api_for, log):
    log_care_event(member=world.robin, child=world.bo, kind="bath")

    response = api_for(world.alex).get(EVENTS, {"child": world.bo.pk})

    assert response.status_code == 400
    assert response.json() == {"child": [CHOOSE_CHILD]}
