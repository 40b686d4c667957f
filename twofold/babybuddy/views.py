"""Baby Buddy's API, answered from Twofold's log: thin views over the adapter's selectors and services.

As Baby Buddy's: `Authorization: Token <key>` (or the session), 403 when a request has neither; JSON or
form bodies; limit/offset pages of 100 with absolute links; times in the caller's household's zone.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.http import Http404
from django.utils import timezone
from rest_framework import status
from rest_framework.authentication import SessionAuthentication
from rest_framework.decorators import action
from rest_framework.pagination import LimitOffsetPagination
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.reverse import reverse
from rest_framework.views import APIView
from rest_framework.viewsets import GenericViewSet

from twofold.accounts.auth import AppKeyAuthentication
from twofold.babybuddy import representation, services
from twofold.babybuddy.base import Resource
from twofold.babybuddy.filters import child_param, moment_param, narrowed
from twofold.babybuddy.models import Timer
from twofold.babybuddy.resources import NOT_RECORDED, TimerInput
from twofold.babybuddy.selectors import (
    as_entry,
    child_by_slug,
    child_slug,
    entries,
    entry_rows,
    home_household,
    memberships_of,
    timers,
)
from twofold.care.models import CareEvent
from twofold.households.api import children_for_user
from twofold.households.models import Child
from twofold.households.parsers import JSONBodyParser

NO_TAGS_HERE = "Twofold has no tags, so none can be made."
CHILDREN_ON_PAGES = "Add and change children on Twofold's own pages (Household), not through this API."


class Pages(LimitOffsetPagination):
    """Baby Buddy's pagination: `limit` and `offset`, 100 a page, with `count`."""

    default_limit = 100
    # Baby Buddy sets no ceiling; one keeps a single request from reading a whole year at once.
    max_limit = 1000


class BabyBuddyAPI(GenericViewSet[Any]):
    # Session first, as in Baby Buddy: a request without a key is then a 403, not a 401.
    authentication_classes = [SessionAuthentication, AppKeyAuthentication]
    permission_classes = [IsAuthenticated]
    parser_classes = [JSONBodyParser, FormParser, MultiPartParser]
    pagination_class = Pages
    lookup_value_converter = "id"
    # Baby Buddy answers PUT with 405; PATCH changes an entry.
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    # Not in Twofold's OpenAPI schema: this is Baby Buddy's API, documented by Baby Buddy (docs/api.md).
    schema = None

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.members = memberships_of(user=request.user)
        self.households = {household: member.household for household, member in self.members.items()}
        # Times without an offset are read, and all times written, on the caller's (first) household's clock.
        first = next(iter(self.households.values()), None)
        timezone.activate(first.zone if first else dt.UTC)

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any) -> Any:
        timezone.deactivate()
        return super().finalize_response(request, response, *args, **kwargs)

    def get_serializer_context(self) -> dict[str, Any]:
        # The households read once in `initial`: the body's child and timer are looked up among them.
        return {**super().get_serializer_context(), "households": self.households}

    def paged(self, rows: Any, write: Any) -> Response:
        page = self.paginate_queryset(rows)
        return self.get_paginated_response([write(row) for row in page or []])


class EntryViewSet(BabyBuddyAPI):
    resource: Resource
    queryset = CareEvent.objects.none()

    def get_queryset(self) -> Any:
        return entries(households=list(self.households), resource=self.resource)

    def _out(self, event: CareEvent) -> dict[str, Any]:
        return representation.entry(
            representation.entry_of(event, self.resource), self.resource, event.household
        )

    def _row(self, row: tuple[Any, ...]) -> dict[str, Any]:
        entry = as_entry(row, self.resource)
        return representation.entry(entry, self.resource, self.households[entry.household_id])

    def list(self, request: Request) -> Response:
        events = narrowed(self.get_queryset(), request.query_params, self.resource)
        return self.paged(entry_rows(events, self.resource), self._row)

    def retrieve(self, request: Request, pk: int) -> Response:
        return Response(self._out(self.get_object()))

    def create(self, request: Request) -> Response:
        given = self.resource.input(data=request.data, context=self.get_serializer_context())
        given.is_valid(raise_exception=True)
        event = services.log_entry(
            members=self.members, resource=self.resource, data=dict(given.validated_data), now=timezone.now()
        )
        # The service's event carries its household and detail: no need to read it again.
        return Response(self._out(event), status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: int) -> Response:
        event = self.get_object()
        given = self.resource.input(data=request.data, partial=True, context=self.get_serializer_context())
        given.is_valid(raise_exception=True)
        services.change_entry(
            members=self.members,
            resource=self.resource,
            event=event,
            data=dict(given.validated_data),
            now=timezone.now(),
        )
        return Response(self._out(event))

    def destroy(self, request: Request, pk: int) -> Response:
        services.delete_entry(members=self.members, event=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


def entry_viewset(resource: Resource) -> type[EntryViewSet]:
    name = "".join(part.title() for part in resource.path.split("-")) + "ViewSet"
    return type(name, (EntryViewSet,), {"resource": resource})


class NotRecordedViewSet(BabyBuddyAPI):
    """A Baby Buddy resource whose kind Twofold does not record (yet): an empty list, and writes refused."""

    why: str
    queryset = CareEvent.objects.none()

    def list(self, request: Request) -> Response:
        return self.paged([], dict)

    def create(self, request: Request) -> Response:
        return Response({"non_field_errors": [self.why]}, status=status.HTTP_400_BAD_REQUEST)

    # No entry exists, so there are no entry URLs: /<resource>/<id>/ is a 404 for every method.


def not_recorded_viewset(path: str) -> type[NotRecordedViewSet]:
    name = "".join(part.title() for part in path.split("-")) + "ViewSet"
    return type(name, (NotRecordedViewSet,), {"why": NOT_RECORDED[path]})


class ChildViewSet(BabyBuddyAPI):
    """Children, looked up by slug as in Baby Buddy. Read-only here: children are added on the pages."""

    queryset = Child.objects.none()
    lookup_field = "slug"
    lookup_url_kwarg = "child_slug"
    lookup_value_converter = "str"

    def get_queryset(self) -> Any:
        children = children_for_user(user=self.request.user).order_by("-birth_date", "id")
        child = self.request.query_params.get("id")
        return children.filter(child_param(child)) if child else children

    @staticmethod
    def _out(child: Child) -> dict[str, Any]:
        return {
            "id": child.pk,
            "first_name": child.name,
            "last_name": "",
            "birth_date": child.birth_date.isoformat(),
            "birth_time": None,
            "slug": child_slug(child),
            "picture": None,
        }

    def list(self, request: Request) -> Response:
        return self.paged(self.get_queryset(), self._out)

    def retrieve(self, request: Request, child_slug: str) -> Response:
        child = child_by_slug(children=self.get_queryset(), slug=child_slug)
        if child is None:
            raise Http404
        return Response(self._out(child))

    def create(self, request: Request) -> Response:
        return Response({"non_field_errors": [CHILDREN_ON_PAGES]}, status=status.HTTP_400_BAD_REQUEST)

    def partial_update(self, request: Request, child_slug: str) -> Response:
        self.retrieve(request, child_slug)
        return self.create(request)

    destroy = partial_update


class TimerViewSet(BabyBuddyAPI):
    queryset = Timer.objects.none()

    def get_queryset(self) -> Any:
        found = timers(user=self.request.user).order_by("-start", "-id")
        params = self.request.query_params
        if params.get("child"):
            found = found.filter(child_param(params["child"]))
        if params.get("name"):
            found = found.filter(name=params["name"])
        if params.get("user", "").isdigit():
            found = found.filter(member__user_id=int(params["user"]))
        for name, lookup in (("start", "exact"), ("start_min", "gte"), ("start_max", "lte")):
            if params.get(name):
                found = found.filter(**{f"start__{lookup}": moment_param(name, params[name])})
        return found

    def _out(self, timer: Timer) -> dict[str, Any]:
        return representation.timer(timer, timezone.now())

    def _given(self, request: Request, partial: bool) -> dict[str, Any]:
        given = TimerInput(data=request.data, partial=partial, context=self.get_serializer_context())
        given.is_valid(raise_exception=True)
        return dict(given.validated_data)

    def list(self, request: Request) -> Response:
        return self.paged(self.get_queryset(), self._out)

    def retrieve(self, request: Request, pk: int) -> Response:
        return Response(self._out(self.get_object()))

    def create(self, request: Request) -> Response:
        data = self._given(request, partial=False)
        timer = services.start_timer(
            user=request.user,
            data=data,
            home=next(iter(self.households.values()), None),
            several=len(self.households) > 1,
            now=timezone.now(),
        )
        return Response(self._out(timer), status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: int) -> Response:
        timer = services.change_timer(
            user=request.user, timer=self.get_object(), data=self._given(request, True), now=timezone.now()
        )
        return Response(self._out(timer))

    def destroy(self, request: Request, pk: int) -> Response:
        services.delete_timer(user=request.user, timer=self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    @action(detail=True, methods=["patch"])
    def restart(self, request: Request, pk: int) -> Response:
        timer = services.restart_timer(user=request.user, timer=self.get_object(), now=timezone.now())
        return Response(self._out(timer))


class TagViewSet(BabyBuddyAPI):
    """Baby Buddy's tags: Twofold has none, so the list is empty and none can be made."""

    queryset = CareEvent.objects.none()

    def list(self, request: Request) -> Response:
        return self.paged([], dict)

    def create(self, request: Request) -> Response:
        return Response({"non_field_errors": [NO_TAGS_HERE]}, status=status.HTTP_400_BAD_REQUEST)


class ProfileView(APIView):
    """The caller, their language and zone, and the key they called with (Twofold keeps only its hash)."""

    authentication_classes = BabyBuddyAPI.authentication_classes
    permission_classes = [IsAuthenticated]
    schema = None

    def get(self, request: Request) -> Response:
        user = request.user
        household = home_household(user=user)
        key = request.META.get("HTTP_AUTHORIZATION", "").partition(" ")[2].strip() or None
        return Response(
            {
                "user": {
                    "id": user.pk,
                    "username": user.get_username(),
                    "first_name": getattr(user, "first_name", ""),
                    "last_name": getattr(user, "last_name", ""),
                    "email": getattr(user, "email", ""),
                    "is_staff": getattr(user, "is_staff", False),
                },
                "language": household.locale if household else "en-GB",
                "timezone": household.time_zone if household else "UTC",
                # A key is sent in the clear only once, so only the one the caller holds can be shown.
                "api_key": key if request.auth is not None else None,
            }
        )


class RootView(APIView):
    """/api/: every resource's absolute URL, as Baby Buddy's root lists them (open to all, as there)."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    schema = None
    # Each path at /api/ and the name of its URL.
    paths: tuple[tuple[str, str], ...] = ()

    def get(self, request: Request) -> Response:
        return Response({path: reverse(f"babybuddy:{name}", request=request) for path, name in self.paths})
