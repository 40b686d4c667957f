"""No household can see or touch another's objects, through any URL, with any method.

Written once and driven by the URL resolver, so a page or endpoint added later is covered without anyone
remembering to add it here. Every route that takes an object id is called by Alex (a parent of household
A) with the id of household B's object, for GET, POST, PUT, PATCH and DELETE, and must answer 404 (a page
may instead refuse a method it never accepts, with the same 405 for its own objects). A route whose id
this test cannot fill fails the test, with a message saying how to teach it, so a new kind of object
cannot slip through. Lists must never show B's objects, and B's objects must be unchanged after all the
attempts.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.db import models
from django.http import StreamingHttpResponse
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.utils import timezone
from knox.models import get_token_model
from rest_framework.test import APIClient

from twofold.audit.tests.isolation import household_objects as audit_objects
from twofold.bonding.tests.isolation import household_objects as bonding_objects
from twofold.care.details import detail_of
from twofold.care.models import CareEvent
from twofold.care.services import start_timer
from twofold.checkins.tests.isolation import household_objects as checkin_objects
from twofold.circle.tests.isolation import household_objects as circle_objects
from twofold.conftest import World, join
from twofold.households.models import Child, Invitation, Member, Role
from twofold.households.services import add_child, invite
from twofold.imports.tests.isolation import household_objects as import_objects
from twofold.intake.tests.isolation import household_objects as intake_objects
from twofold.nights.tests.isolation import household_objects as nights_objects
from twofold.push.tests.isolation import household_objects as push_objects
from twofold.wellbeing.models import Concern, Screening
from twofold.wellbeing.services import finish_screening, raise_concern, record_answer, start_screening

METHODS = ("get", "post", "put", "patch", "delete")


def app_key_objects(*, parent: Member, other_parent: Member, child: Child) -> dict[str, models.Model]:
    """A parent's app key: a person's, not a household's, yet another's is a 404 all the same. Made
    through knox's model, since accounts shares the api's floor and may not be imported here."""
    key, _ = get_token_model().objects.create(
        user=parent.user, expiry=None, name=f"{parent.display_name}'s key"
    )
    return {"key_id": key}


def reminders_objects(*, parent: Member, other_parent: Member, child: Child) -> dict[str, models.Model]:
    """Reminder settings are keyed by household, always the caller's own there (reminders/api.py), so the
    household is what a settings URL names; reminders shares the api's floor, so it is named here."""
    return {"reminders_household": parent.household}


# Each app past the foundation names its own objects, kwarg name -> object, in <app>/tests/isolation.py.
APP_OBJECTS = (
    checkin_objects,
    nights_objects,
    bonding_objects,
    audit_objects,
    app_key_objects,
    push_objects,
    circle_objects,
    import_objects,
    intake_objects,
    reminders_objects,
)

# Not household data, or documentation of the API itself.
SKIPPED_PREFIXES = ("admin/", "static/", "media/", "api/v1/schema/", "api/v1/docs/")

# Page URLs name their ids by convention; each maps to one kind of household object.
OBJECT_KWARGS: dict[str, type[models.Model]] = {
    "event_id": CareEvent,
    "child_id": Child,
    "member_id": Member,
    "invitation_id": Invitation,
    "screening_id": Screening,
    "concern_id": Concern,
}

# URL parts that are not an object's id, each with why it needs no household check and what to send.
NOT_OBJECT_KWARGS: dict[str, tuple[str, str]] = {
    "token": ("a link's secret (invitation, password reset): holding it is the permission", "not-a-token"),
    "uidb64": ("the user in a password-reset link, valid only with its signed token", "MQ"),
    "format": ("a response format suffix", "json"),
    "kind": ("a kind of care such as feed: the same words in every household", "feed"),
    "instrument": ("a questionnaire such as phq9: the same in every household", "phq9"),
}

# The walk must never find fewer routes than existed when this was written (an empty walk is a bug).
MIN_ID_ROUTES = 12  # 7 pages and 5 API routes when this was written
MIN_API_LISTS = 4

# Sent with every write attempt: if a request ever got through, it would change the object.
WRITE_ATTEMPT = {
    "note": "changed by another household",
    "name": "Changed",
    "display_name": "Changed",
    "end": "2020-01-01T00:00:00Z",
}

# Names unique to household B, so any page that leaks them is caught by a plain text search.
B_CHILD_NAME = "Bartholomew"
B_MEMBER_NAME = "Quillon"


@dataclass
class Household:
    event: CareEvent
    child: Child
    member: Member
    invitation: Invitation
    screening: Screening
    concern: Concern
    # The other apps' objects by kwarg name (see APP_OBJECTS).
    more: dict[str, models.Model] = field(default_factory=dict)

    def object_of(self, model: type[models.Model]) -> models.Model | None:
        found = {
            CareEvent: self.event,
            Child: self.child,
            Member: self.member,
            Invitation: self.invitation,
            Screening: self.screening,
            Concern: self.concern,
        }.get(model)
        return found or next((obj for obj in self.more.values() if type(obj) is model), None)

    def object_named(self, kwarg: str) -> models.Model | None:
        if kwarg in self.more:
            return self.more[kwarg]
        return self.object_of(OBJECT_KWARGS[kwarg]) if kwarg in OBJECT_KWARGS else None

    def add_app_objects(self, *, parent: Member, other_parent: Member) -> Household:
        for objects_of in APP_OBJECTS:
            self.more.update(objects_of(parent=parent, other_parent=other_parent, child=self.child))
        return self


@dataclass(frozen=True)
class Route:
    path: str  # the route as written, from the root, e.g. "household/children/<int:child_id>/"
    kwargs: tuple[str, ...]
    callback: Callable[..., Any]

    @property
    def is_api(self) -> bool:
        return self.path.startswith("api/")


def walk(patterns: list[Any], prefix: str = "", kwargs: tuple[str, ...] = ()) -> Iterator[Route]:
    for pattern in patterns:
        names = kwargs + _kwarg_names(pattern)
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern), names)
        elif isinstance(pattern, URLPattern):
            yield Route(prefix + str(pattern.pattern), names, pattern.callback)


def _kwarg_names(pattern: URLPattern | URLResolver) -> tuple[str, ...]:
    converters = getattr(pattern.pattern, "converters", None)
    if converters is not None:  # path() routes
        return tuple(converters)
    return tuple(pattern.pattern.regex.groupindex)  # re_path() routes


def is_baby_buddys(path: str) -> bool:
    """Baby Buddy's API (api/ outside api/v1/) serves one kind of care per route, so its own isolation test
    walks its routes with an object of each kind: twofold/babybuddy/tests/test_isolation.py."""
    return path.startswith("api/") and not path.startswith("api/v1/")


def routes() -> list[Route]:
    return [
        r
        for r in walk(get_resolver().url_patterns)
        if not r.path.startswith(SKIPPED_PREFIXES) and not is_baby_buddys(r.path)
    ]


def model_of_view(route: Route) -> type[models.Model] | None:
    """The model behind a DRF route's `pk`: the viewset's queryset (an empty marker is enough)."""
    view = getattr(route.callback, "cls", None) or getattr(route.callback, "view_class", None)
    queryset = getattr(view, "queryset", None)
    if queryset is not None:
        return queryset.model
    return getattr(view, "model", None)


def fill(route: Route, household: Household) -> str:
    """The URL of the route with each id replaced by the household's object; fails on an unknown id."""
    values: dict[str, str] = {}
    for name in route.kwargs:
        if name in OBJECT_KWARGS or name in household.more:
            obj = household.object_named(name)
        elif name == "pk":
            model = model_of_view(route)
            obj = household.object_of(model) if model else None
            if obj is None:
                pytest.fail(
                    f"/{route.path} takes `pk`, but its view's model ({model}) is not one this test can "
                    "fill. Give the viewset a `queryset` (an empty `Model.objects.none()` marker is "
                    "enough) and return one of its objects from your app's tests/isolation.py."
                )
        elif name in NOT_OBJECT_KWARGS:
            values[name] = NOT_OBJECT_KWARGS[name][1]
            continue
        else:
            pytest.fail(
                f"/{route.path} takes `{name}`, which test_isolation.py does not know how to fill. If it "
                f"is an object's id, return an object under that name from your app's tests/isolation.py; "
                "if it is not, add it to NOT_OBJECT_KWARGS with the reason."
            )
        assert obj is not None
        values[name] = str(obj.pk)
    url = "/" + _substitute(route.path, values)
    match = resolve(url)
    assert match.func == route.callback, f"{url} resolved to {match.route}, not /{route.path}"
    return url


def _substitute(path: str, values: dict[str, str]) -> str:
    for name, value in values.items():
        path = re.sub(rf"<(?:\w+:)?{name}>|\(\?P<{name}>[^)]*\)", value, path)
    path = path.replace("^", "").replace("$", "")
    if re.search(r"[<>()\[\]\\?*+]", path):
        pytest.fail(f"Cannot build a URL from the route {path!r}: give it path() syntax.")
    return path


def takes_an_object(route: Route) -> bool:
    return any(name not in NOT_OBJECT_KWARGS for name in route.kwargs)


def snapshot(household: Household) -> dict[str, Any]:
    """Every stored field of the household's objects, and how many of each it has."""
    rows: dict[str, Any] = {}
    event = CareEvent.objects.get(pk=household.event.pk)
    for obj in (
        event,
        detail_of(event),
        household.child,
        household.member,
        household.invitation,
        household.screening,
        household.concern,
        *household.more.values(),
    ):
        assert obj is not None
        fresh = type(obj)._default_manager.get(pk=obj.pk)
        rows[f"{type(obj).__name__} {obj.pk}"] = {
            f.attname: getattr(fresh, f.attname) for f in fresh._meta.concrete_fields
        }
    household_id = household.child.household_id
    for model in (CareEvent, Child, Member, Invitation):
        rows[f"{model.__name__} count"] = model.objects.filter(household_id=household_id).count()
    return rows


def _finished_screening(member: Member) -> Screening:
    # Finished, so the API (which lists finished results only) finds household A's own screening too.
    screening = start_screening(member=member, instrument="phq2")
    for item in (1, 2):
        record_answer(member=member, screening=screening, item=item, position=0)
    return finish_screening(member=member, screening=screening).screening


@pytest.fixture
def households(world: World) -> tuple[Household, Household]:
    """A's and B's objects of every kind; B's have names found nowhere else."""
    a = Household(
        event=start_timer(member=world.alex, child=world.ada, kind="sleep").event,
        child=world.ada,
        member=world.pat,
        invitation=invite(member=world.alex, role=Role.HELPER).invitation,
        screening=_finished_screening(world.alex),
        concern=raise_concern(member=world.alex, about=world.sam),
    ).add_app_objects(parent=world.alex, other_parent=world.sam)
    b_child = add_child(
        member=world.robin, name=B_CHILD_NAME, birth_date=dt.date(2026, 10, 20), feeding_method="breast"
    )
    b_member = join(world.robin, "quillon@example.com", B_MEMBER_NAME, Role.HELPER)
    bryony = join(world.robin, "bryony@example.com", "Bryony", Role.PARENT)
    b = Household(
        event=start_timer(
            member=world.robin,
            child=b_child,
            kind="sleep",
            by=b_member,
            start=timezone.now() - dt.timedelta(minutes=30),
        ).event,
        child=b_child,
        member=b_member,
        invitation=invite(member=world.robin, role=Role.PARENT).invitation,
        screening=start_screening(member=world.robin, instrument="phq9"),
        concern=raise_concern(member=world.robin, about=bryony),
    ).add_app_objects(parent=world.robin, other_parent=bryony)
    return a, b


def clients(world: World) -> tuple[Client, APIClient]:
    assert world.alex.user is not None
    page_client = Client()
    page_client.force_login(world.alex.user)
    api_client = APIClient()
    api_client.force_authenticate(world.alex.user)
    return page_client, api_client


def call(client: Client, method: str, url: str, *, api: bool) -> Any:
    if method == "get":
        return client.get(url)
    if api:
        return getattr(client, method)(url, WRITE_ATTEMPT, format="json")
    if method == "post":
        return client.post(url, WRITE_ATTEMPT)
    return getattr(client, method)(url)


def test_another_households_objects_are_404_on_every_route_and_method(world, households):
    a, b = households
    page_client, api_client = clients(world)
    before = snapshot(b)
    visited: list[str] = []
    wrong: list[str] = []

    for route in routes():
        if not takes_an_object(route):
            continue
        url = fill(route, b)
        visited.append(url)
        client = api_client if route.is_api else page_client
        answers = {method: call(client, method, url, api=route.is_api) for method in METHODS}
        for method, response in answers.items():
            if response.status_code == 404:
                if B_CHILD_NAME.encode() in response.content or B_MEMBER_NAME.encode() in response.content:
                    wrong.append(f"{method.upper()} {url} answered 404 but named household B's objects")
            elif not _refused_whatever_the_object(route, method, response, client, a):
                wrong.append(f"{method.upper()} {url} (/{route.path}) answered {response.status_code}")
        if all(response.status_code == 405 for response in answers.values()):
            wrong.append(f"{url} (/{route.path}) never looked its object up: every method was refused")

    assert not wrong, "Household A reached household B's objects:\n" + "\n".join(wrong)
    assert len(visited) >= MIN_ID_ROUTES, f"Only {len(visited)} routes with ids were found: {visited}"
    assert any(url.startswith("/api/") for url in visited)
    assert any(not url.startswith("/api/") for url in visited)
    assert snapshot(b) == before, "Household B's objects changed after household A's attempts"


def _refused_whatever_the_object(
    route: Route, method: str, response: Any, client: Client, a: Household
) -> bool:
    """A page's 405 (`require_POST` runs before the lookup) says nothing about the object, provided
    the same method on household A's own object is refused the same way. The API gives 404 even then."""
    if route.is_api or response.status_code != 405:
        return False
    return call(client, method, fill(route, a), api=False).status_code == 405


def test_the_same_routes_find_your_own_objects(world, households):
    """The 404s above mean something only if the same URLs find the household's own objects."""
    a, _ = households
    page_client, api_client = clients(world)

    not_found = []
    for route in routes():
        if takes_an_object(route):
            url = fill(route, a)
            if (
                call(api_client if route.is_api else page_client, "get", url, api=route.is_api).status_code
                == 404
            ):
                not_found.append(url)

    assert not not_found, f"These URLs did not find household A's own objects: {not_found}"


def test_api_lists_never_show_another_households_objects(world, households):
    a, b = households
    _, api_client = clients(world)
    household_ids = {a.child.household_id}
    checked = []

    for route in routes():
        actions = getattr(route.callback, "actions", {}) or {}
        if not route.is_api or route.kwargs or actions.get("get") != "list":
            continue
        model = model_of_view(route)
        assert model is not None, f"/{route.path} lists no model"
        ours, theirs = a.object_of(model), b.object_of(model)
        assert ours is not None and theirs is not None, f"/{route.path} lists {model}: add it to Household"
        body = api_client.get("/" + route.path).json()
        ids = {row["id"] for row in body["results"]}
        assert ours.pk in ids, f"/{route.path} does not list household A's own {model.__name__}"
        assert theirs.pk not in ids, f"/{route.path} lists household B's {model.__name__}"
        assert {row.get("household", a.child.household_id) for row in body["results"]} <= household_ids
        checked.append(route.path)

    assert len(checked) >= MIN_API_LISTS, checked


def test_pages_never_show_another_households_objects(world, households):
    page_client, _ = clients(world)
    shown = b""
    leaks = []

    for route in routes():
        if route.is_api or takes_an_object(route):
            continue
        response = page_client.get(fill(route, households[0]))
        if isinstance(response, StreamingHttpResponse):
            content = b"".join(response.streaming_content)
        else:
            content = response.content
        shown += content
        for name in (B_CHILD_NAME, B_MEMBER_NAME):
            if name.encode() in content:
                leaks.append(f"/{route.path} shows {name}")

    assert not leaks, leaks
    assert b"Ada" in shown, "No page showed household A's own child: were the pages reached at all?"


def test_creating_with_another_households_ids_changes_nothing_there(world, households):
    _, b = households
    _, api_client = clients(world)
    before = snapshot(b)
    tried = []

    for route in routes():
        actions = getattr(route.callback, "actions", {}) or {}
        if not route.is_api or route.kwargs or actions.get("post") != "create":
            continue
        body = {"child": b.child.pk, "by": b.member.pk, "kind": "sleep"}
        response = api_client.post("/" + route.path, body, format="json")
        assert response.status_code == 400, f"/{route.path} answered {response.status_code}"
        tried.append(route.path)

    assert tried
    assert snapshot(b) == before
