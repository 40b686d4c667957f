"""No household reaches another's care through Baby Buddy's API, on any of its routes, with any method.

Driven by the URL resolver like Twofold's own isolation test (twofold/api/tests/test_isolation.py, which
leaves these routes to this one): each route serves one kind, so each household logs one entry of every
kind, and every route with an id is called by Alex (household A, with an app key) with household B's entry,
timer or child, for GET, POST, PUT, PATCH and DELETE. Each must be a 404, or the 405 the same method gets
on A's own object; B's objects must be unchanged afterwards, the same URLs must find A's own, and no list
may show B's.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest
from django.db import models
from django.urls import get_resolver

from twofold.api.tests.test_isolation import METHODS, WRITE_ATTEMPT, Route, walk
from twofold.babybuddy.models import Timer
from twofold.babybuddy.selectors import child_slug
from twofold.care.details import detail_of
from twofold.care.models import CareEvent
from twofold.care.services import log_care_event
from twofold.households.models import Child, Member

from .conftest import NOW

# The routes with ids when this was written: eleven kinds' entries, timers (and restart), children.
MIN_ID_ROUTES = 14
MIN_LISTS = 15

ENTRIES: dict[str, tuple[str, dict[str, Any], bool]] = {
    "feedings": ("feed", {"method": "formula", "amount_ml": 90}, True),
    "sleep": ("sleep", {}, True),
    "pumping": ("pumping", {"amount_ml": 60}, True),
    "tummy-times": ("play", {"activity": "tummy_time"}, True),
    "changes": ("nappy", {"contents": "wet"}, False),
    "notes": ("note", {}, False),
    "weight": ("weight", {"grams": 4200}, False),
    "temperature": ("temperature", {"celsius": Decimal("37.1"), "method": "armpit"}, False),
    "height": ("length", {"mm": 545}, False),
    "head-circumference": ("head", {"mm": 380}, False),
    "medication": ("medicine", {"name": "Paracetamol", "dose": "2.5 ml", "min_gap_minutes": 240}, False),
}


def household_objects(member: Member, child: Child) -> dict[str, models.Model]:
    """One entry of every kind the adapter serves, a timer, and the child: keyed by the route's resource."""
    objects: dict[str, models.Model] = {"children": child}
    for minutes, (resource, (kind, details, lasts)) in enumerate(ENTRIES.items(), start=1):
        start = NOW - dt.timedelta(hours=2, minutes=minutes * 5)
        objects[resource] = log_care_event(
            member=member,
            child=child,
            kind=kind,
            start=start,
            end=start + dt.timedelta(minutes=3) if lasts else None,
            details=details,
            note="isolation",
        ).event
    objects["timers"] = Timer.objects.create(
        household=member.household, child=child, member=member, name="Feed"
    )
    return objects


@pytest.fixture
def households(world) -> tuple[dict[str, models.Model], dict[str, models.Model]]:
    return household_objects(world.alex, world.ada), household_objects(world.robin, world.bo)


def adapter_routes() -> list[Route]:
    return [
        r
        for r in walk(get_resolver().url_patterns)
        if r.path.startswith("api/") and not r.path.startswith("api/v1/")
    ]


def fill(route: Route, objects: dict[str, models.Model]) -> str:
    resource = route.path.removeprefix("api/").split("/")[0]
    obj = objects.get(resource)
    if obj is None:
        pytest.fail(f"/{route.path} takes an id, but this test logs no object for {resource!r}: add one.")
    path = "/" + route.path
    for name in route.kwargs:
        value = child_slug(obj) if name == "child_slug" else str(obj.pk)  # type: ignore[arg-type]
        path = path.replace(f"<{name}>", value).replace(f"<str:{name}>", value).replace(f"<id:{name}>", value)
    return path


def snapshot(objects: dict[str, models.Model]) -> dict[str, Any]:
    rows: dict[str, Any] = {}
    for obj in objects.values():
        fresh = type(obj)._default_manager.get(pk=obj.pk)
        found = [fresh, detail_of(fresh)] if isinstance(fresh, CareEvent) else [fresh]
        for row in filter(None, found):
            rows[f"{type(row).__name__} {row.pk}"] = {
                f.attname: getattr(row, f.attname) for f in row._meta.concrete_fields
            }
    return rows


def call(client: Any, method: str, url: str) -> Any:
    if method == "get":
        return client.get(url)
    return getattr(client, method)(url, WRITE_ATTEMPT, format="json")


def test_another_households_entries_are_404_on_every_route_and_method(world, baby_buddy, households):
    ours, theirs = households
    client = baby_buddy(world.alex)
    before = snapshot(theirs)
    visited, wrong = [], []

    for route in adapter_routes():
        if not route.kwargs:
            continue
        url = fill(route, theirs)
        visited.append(url)
        for method in METHODS:
            status = call(client, method, url).status_code
            if status == 404:
                continue
            if status != 405 or call(client, method, fill(route, ours)).status_code != 405:
                wrong.append(f"{method.upper()} {url} answered {status}")

    assert not wrong, "Household A reached household B's objects:\n" + "\n".join(wrong)
    assert len(visited) >= MIN_ID_ROUTES, visited
    assert snapshot(theirs) == before


def test_the_same_routes_find_your_own_entries(world, baby_buddy, households):
    ours, _ = households
    client = baby_buddy(world.alex)

    readable = [r for r in adapter_routes() if r.kwargs and "get" in getattr(r.callback, "actions", {})]
    found = {fill(r, ours): client.get(fill(r, ours)).status_code for r in readable}

    assert found and set(found.values()) == {200}, found


def test_lists_show_your_own_entries_and_never_another_households(world, baby_buddy, households):
    ours, theirs = households
    client = baby_buddy(world.alex)
    checked = []

    for route in adapter_routes():
        if route.kwargs or getattr(route.callback, "actions", {}).get("get") != "list":
            continue
        resource = route.path.removeprefix("api/").split("/")[0]
        ids = {row["id"] for row in client.get("/" + route.path).json()["results"]}
        if resource in ours:
            assert ours[resource].pk in ids, f"/{route.path} does not list household A's own"
        assert theirs.get(resource) is None or theirs[resource].pk not in ids, f"/{route.path} leaks B's"
        if resource not in ours:
            assert ids == set(), f"/{route.path} lists entries of a kind Twofold does not record"
        checked.append(route.path)

    assert len(checked) >= MIN_LISTS, checked


def test_entries_cannot_be_logged_for_another_households_child_or_from_its_timer(
    world, baby_buddy, households
):
    _, theirs = households
    client = baby_buddy(world.alex)
    body = {"child": theirs["children"].pk, "start": "2026-11-20 08:00", "end": "2026-11-20 08:10"}

    by_child = client.post("/api/sleep/", body)
    by_timer = client.post("/api/sleep/", {"timer": theirs["timers"].pk})

    assert by_child.status_code == 400 and "child" in by_child.json()
    assert by_timer.status_code == 400 and "timer" in by_timer.json()
    assert Timer.objects.filter(pk=theirs["timers"].pk).exists()
    assert not CareEvent.objects.filter(child=theirs["children"], kind="sleep", logged_by=world.alex).exists()
