"""Whose nights an API caller may read and plan: the parents of their households."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers
from rest_framework.request import Request

from twofold.households.api import HOUSEHOLD_ZONE, parent_household_ids
from twofold.households.models import Member, Role
from twofold.households.selectors import active_memberships
from twofold.nights.models import NightPlan


def plans_for_user(*, user: Any) -> QuerySet[NightPlan]:
    return (
        NightPlan.objects.filter(household_id__in=parent_household_ids(user=user))
        .select_related("household")
        .prefetch_related("shifts__member")
        .order_by("-night", "-id")
    )


def acting_parent(user: Any, household_id: int) -> Member:
    member = active_memberships(user_id=user.pk).filter(household_id=household_id, role=Role.PARENT).first()
    if member is None:
        raise Http404("Not a parent of this household.")
    return member


PLAN_400 = OpenApiResponse(description="Field errors: a night already over, edits to keep, bad shifts.")


def valid_data(
    serializer_class: type[serializers.Serializer[Any]], request: Request, *, zone: ZoneInfo | None = None
) -> dict[str, Any]:
    """The request's body, checked; times without offset are read in `zone`, the household's."""
    serializer = serializer_class(data=request.data, context={HOUSEHOLD_ZONE: zone} if zone else {})
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)
