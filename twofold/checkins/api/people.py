"""Who a check-in API call is about: the person shapes and the caller's own parent membership."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.request import Request

from twofold.households.api import acting_member, parent_household_for
from twofold.households.models import Member

TOO_LONG = "Keep it to {max_length} characters."


class CheckinPersonSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    name = serializers.CharField()


def person_document(member: Member) -> dict[str, Any]:
    return {"id": member.pk, "name": member.display_name}


def acting_parent(request: Request, household_id: int | None) -> Member:
    household = parent_household_for(user=request.user, household_id=household_id)
    return acting_member(user=request.user, household_id=household.pk)
