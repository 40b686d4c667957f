"""What an API caller can reach, for every app's API: the households where the caller is still a member.

A person may belong to several households (a parent helping a sibling, say), so the API is scoped by the
user's active memberships rather than by the one household the pages have chosen. Anything outside that
scope is simply absent: lookups raise 404 and related ids read as unknown. Apps build their viewsets on
`ScopedViewSet` and their related fields on `ScopedPrimaryKeyField`, so the scoping lives here once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, cast
from zoneinfo import ZoneInfo

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Model, QuerySet
from django.forms.utils import from_current_timezone
from django.http import Http404
from django.utils import timezone
from rest_framework import serializers, viewsets
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.households.ids import ID_RANGE, MAX_ID, is_id
from twofold.households.models import Child, Household, Member, Role
from twofold.households.parsers import JSONBodyParser
from twofold.households.selectors import active_memberships, household_ids_for_user

User = AbstractBaseUser | AnonymousUser

CHOOSE_CHILD = "Choose a child in your household."
CHOOSE_MEMBER = "Choose someone who is a member of your household."
NOT_A_PARENT_HERE = "Nothing here: this is for the parents of a household you belong to."
CHOOSE_HOUSEHOLD = (
    "You are in several households: add household= with the id of one where you are a parent ({ids})."
)


NOT_ON_THE_CLOCK = (
    "{value} is not one moment in {zone}: the clocks change around then, so that time is skipped or comes "
    "twice. Send it with its UTC offset (such as {example}) to say which moment you mean."
)
OUT_OF_RANGE = "That date is too far out to store: send a time in the years 2000 to 2999."
# The serializer context's key for the zone of the household the request is about, when the view knows it.
HOUSEHOLD_ZONE = "household_zone"


def children_for_user(*, user: User) -> QuerySet[Child]:
    return Child.objects.filter(household_id__in=household_ids_for_user(user_id=user.pk)).select_related(
        "household"
    )


def members_for_user(*, user: User, include_former: bool = True) -> QuerySet[Member]:
    """Former members stay listed (flagged inactive): the log still names them as who did the care."""
    members = Member.objects.filter(household_id__in=household_ids_for_user(user_id=user.pk))
    return members if include_former else members.current()


def acting_member(*, user: User, household_id: int) -> Member:
    """The caller's own membership in a household: services act as this member there."""
    member = active_memberships(user_id=user.pk).filter(household_id=household_id).first()
    if member is None:
        raise Http404("You are not a member of this household.")
    return member


def parent_household_for(
    *, user: User, household_id: int | None, not_yours: str = NOT_A_PARENT_HERE
) -> Household:
    """The household the caller asks about, as one of its current parents; 404 (with `not_yours`) otherwise.

    Without an id, a user in one household gets that one; a user in several must say which.
    """
    memberships = list(active_memberships(user_id=user.pk).order_by("household_id"))
    parent_of = [m.household_id for m in memberships if m.role == Role.PARENT]
    if household_id is None:
        if len(memberships) > 1 and parent_of:
            raise serializers.ValidationError(
                {"household": [CHOOSE_HOUSEHOLD.format(ids=", ".join(map(str, parent_of)))]}
            )
        member = memberships[0] if len(memberships) == 1 else None
    else:
        member = next((m for m in memberships if m.household_id == household_id), None)
    if member is None or member.role != Role.PARENT:
        raise Http404(not_yours)
    return member.household


def parent_household_ids(*, user: User) -> QuerySet[Member, int]:
    return active_memberships(user_id=user.pk).parents().values_list("household_id", flat=True)


def id_field(**kwargs: Any) -> serializers.IntegerField:
    """An id in a query or a body: a whole number the database can hold, so looking it up never overflows."""
    kwargs["error_messages"] = {"min_value": ID_RANGE, "max_value": ID_RANGE}
    return serializers.IntegerField(min_value=1, max_value=MAX_ID, **kwargs)


class ScopedPrimaryKeyField(serializers.PrimaryKeyRelatedField[Model]):
    """A related id limited to the caller's households; another household's id reads as unknown.

    The `queryset` given is only a marker of the model (for the schema); the real choices come from `scope`.
    """

    def __init__(self, *, scope: Callable[..., QuerySet[Any]], message: str, **kwargs: Any) -> None:
        self.scope = scope
        kwargs.setdefault("error_messages", {})["does_not_exist"] = message
        super().__init__(**kwargs)

    def to_internal_value(self, data: Any) -> Model:
        # An id the database cannot hold is as unknown as another household's (and would overflow the lookup).
        digits = isinstance(data, int | str) and not isinstance(data, bool) and str(data).strip().isdigit()
        if digits and not is_id(int(data)):
            self.fail("does_not_exist", pk_value=data)
        return super().to_internal_value(data)

    def get_queryset(self) -> QuerySet[Any]:
        request = self.context.get("request")
        user: User | None = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            # The marker is never None: DRF requires a queryset on a writable related field.
            return cast("QuerySet[Any]", super().get_queryset()).none()
        return self.scope(user=user)


def child_field(**kwargs: Any) -> ScopedPrimaryKeyField:
    return ScopedPrimaryKeyField(
        queryset=Child.objects.none(), scope=children_for_user, message=CHOOSE_CHILD, **kwargs
    )


def _current_members_for_user(*, user: User) -> QuerySet[Member]:
    return members_for_user(user=user, include_former=False)


def member_field(*, include_former: bool = False, **kwargs: Any) -> ScopedPrimaryKeyField:
    scope = members_for_user if include_former else _current_members_for_user
    return ScopedPrimaryKeyField(queryset=Member.objects.none(), scope=scope, message=CHOOSE_MEMBER, **kwargs)


def household_time(value: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """A date and time without offset as the household's clock shows it, in UTC.

    Read as the pages read a form (Django's own conversion), so a time the clocks skip or show twice is
    refused, with the offset to send instead. Aware values pass unchanged."""
    try:
        with timezone.override(zone):
            moment = from_current_timezone(value)
        return moment.astimezone(dt.UTC)
    except DjangoValidationError:
        example = value.replace(tzinfo=zone, fold=1).isoformat(timespec="minutes")
        raise serializers.ValidationError(
            NOT_ON_THE_CLOCK.format(value=value.isoformat(" ", "minutes"), zone=zone.key, example=example)
        ) from None
    except OverflowError:
        raise serializers.ValidationError(OUT_OF_RANGE) from None


def in_household_time(attrs: dict[str, Any], zone: ZoneInfo) -> dict[str, Any]:
    """Read every date and time in `attrs` left without offset (by `HouseholdDateTimeField`) in `zone`."""
    errors: dict[str, Any] = {}
    for name, value in attrs.items():
        if isinstance(value, dt.datetime) and timezone.is_naive(value):
            try:
                attrs[name] = household_time(value, zone)
            except serializers.ValidationError as error:
                errors[name] = error.detail
    if errors:
        raise serializers.ValidationError(errors)
    return attrs


class HouseholdDateTimeField(serializers.DateTimeField):
    """A moment: with an offset, that instant; without one, the household's clock time, as on the pages.

    The zone is the context's `HOUSEHOLD_ZONE` when the view knows the household before reading the body;
    otherwise the value stays without offset until the serializer knows it and calls `in_household_time`
    (DRF alone would read it in the server's zone, UTC).
    """

    def enforce_timezone(self, value: dt.datetime) -> dt.datetime:
        if timezone.is_aware(value):
            return super().enforce_timezone(value)
        zone: ZoneInfo | None = self.context.get(HOUSEHOLD_ZONE)
        return value if zone is None else household_time(value, zone)


class ScopedViewSet(viewsets.GenericViewSet[Any]):
    """The base of every API viewset: integer ids, JSON bodies, and 404 before 405 for others' objects."""

    lookup_value_converter = "id"
    # Details are nested objects, which form encodings cannot carry.
    parser_classes = [JSONBodyParser]

    # DRF hands its own Request here; django-stubs' View declares an HttpRequest, so the override differs.
    def http_method_not_allowed(  # type: ignore[override]
        self, request: Request, *args: Any, **kwargs: Any
    ) -> Response:
        # Look the object up first, so another household's id is a 404 whatever the method.
        if (self.lookup_url_kwarg or self.lookup_field) in kwargs:
            self.get_object()
        return super().http_method_not_allowed(request, *args, **kwargs)
