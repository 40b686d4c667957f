"""Whose bonding an API caller may read: parents, for the children of their households."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from rest_framework import serializers
from rest_framework.request import Request

from twofold.bonding.models import BondingPlan
from twofold.households.api import id_field, parent_household_ids
from twofold.households.models import Child, Role
from twofold.households.selectors import active_memberships

PARENTS_ONLY = "Bonding is for the parents of a household you belong to."


def plans_for_user(*, user: Any) -> QuerySet[BondingPlan]:
    return BondingPlan.objects.filter(household_id__in=parent_household_ids(user=user)).select_related(
        "member", "child", "household"
    )


def parent_in(user: Any, household_id: int) -> Any:
    member = active_memberships(user_id=user.pk).filter(household_id=household_id).first()
    if member is None or member.role != Role.PARENT:
        raise Http404(PARENTS_ONLY)
    return member


class ChildQuerySerializer(serializers.Serializer[dict[str, Any]]):
    child = id_field(help_text="The child's id.")


class HouseholdQuerySerializer(serializers.Serializer[dict[str, Any]]):
    household = id_field(required=False, help_text="Default: your first.")


def child_for_parent(request: Request, query: serializers.Serializer[dict[str, Any]]) -> Child:
    query.is_valid(raise_exception=True)
    child = Child.objects.filter(pk=query.validated_data["child"]).select_related("household").first()
    if child is None:
        raise Http404(PARENTS_ONLY)
    parent_in(request.user, child.household_id)
    return child
