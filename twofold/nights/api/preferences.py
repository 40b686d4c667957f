"""Each member's night preferences over the API, read and set by the household's parents."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.households.api import ScopedViewSet, parent_household_ids
from twofold.households.models import Member
from twofold.nights import selectors, services
from twofold.nights.api.scope import acting_parent
from twofold.nights.ask import Preference
from twofold.nights.evidence import DEFAULT_TARGET

# OpenAPI's `format: time` is RFC 3339's full time, which needs an offset ("22:30:00+01:00"); a bedtime is a
# time on the household's clock whatever the season, so it has none and is described by its pattern.
CLOCK_TIME = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$"


@extend_schema_field({"type": "string", "pattern": CLOCK_TIME, "example": "22:30"})
class ClockTimeField(serializers.TimeField):
    """A time of day on the household's clock, "22:30" (seconds optional), read and written without offset."""


class NightPreferenceSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField(read_only=True, help_text="The member's id.")
    household = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    role = serializers.CharField(read_only=True)
    night_from = ClockTimeField(
        allow_null=True, required=False, help_text="A parent's usual bedtime; when a helper can start."
    )
    night_until = ClockTimeField(
        allow_null=True, required=False, help_text="A parent's latest wake-up; until when a helper can stay."
    )
    work_mornings = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=6),
        required=False,
        help_text="Weekdays (Monday 0) of the mornings after which they work.",
    )
    target_minutes = serializers.IntegerField(min_value=60, max_value=12 * 60, required=False)
    available_for_nights = serializers.BooleanField(required=False)
    breastfeeds = serializers.BooleanField(required=False)


def preference_document(member: Member, pref: Preference) -> dict[str, Any]:
    return {
        "id": member.pk,
        "household": member.household_id,
        "name": member.display_name,
        "role": member.role,
        "night_from": pref.night_from,
        "night_until": pref.night_until,
        "work_mornings": [int(d) for d in pref.work_mornings],
        "target_minutes": int(pref.target.total_seconds() // 60),
        "available_for_nights": pref.available_for_nights,
        "breastfeeds": pref.breastfeeds,
    }


@extend_schema_view(
    list=extend_schema(summary="Night preferences of everyone in your households"),
    retrieve=extend_schema(summary="One member's night preferences"),
    update=extend_schema(summary="Change a member's night preferences"),
    partial_update=extend_schema(summary="Change some of a member's night preferences"),
)
@extend_schema(tags=["nights"])
class PreferenceViewSet(ScopedViewSet):
    """Keyed by the member's id. Parents set everyone's (helpers offer nights through a parent)."""

    queryset = Member.objects.none()
    serializer_class = NightPreferenceSerializer

    def get_queryset(self) -> QuerySet[Member]:
        return (
            Member.objects.current()
            .filter(household_id__in=parent_household_ids(user=self.request.user))
            .select_related("household")
            .order_by("household_id", "joined_at", "id")
        )

    def _document(self, member: Member) -> dict[str, Any]:
        people = selectors.people_of(member.household)
        prefs = selectors.preferences_of(member.household, people)
        return preference_document(member, prefs[member.pk])

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset()) or []
        documents = []
        for household_id in dict.fromkeys(m.household_id for m in page):
            household = next(m.household for m in page if m.household_id == household_id)
            prefs = selectors.preferences_of(household, selectors.people_of(household))
            documents += [preference_document(m, prefs[m.pk]) for m in page if m.household_id == household_id]
        return self.get_paginated_response(documents)

    def retrieve(self, request: Request, pk: int) -> Response:
        return Response(self._document(self.get_object()))

    def update(self, request: Request, pk: int, partial: bool = False) -> Response:
        about = self.get_object()
        current = self._document(about)
        serializer = NightPreferenceSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        merged = current | dict(serializer.validated_data)
        preference = Preference(
            merged["night_from"],
            merged["night_until"],
            "".join(str(d) for d in sorted(set(merged["work_mornings"]))),
            dt.timedelta(minutes=merged.get("target_minutes") or DEFAULT_TARGET.total_seconds() // 60),
            merged["available_for_nights"],
            merged["breastfeeds"],
        )
        services.save_preference(
            member=acting_parent(request.user, about.household_id), about=about, preference=preference
        )
        return Response(self._document(about))

    def partial_update(self, request: Request, pk: int) -> Response:
        return self.update(request, pk, partial=True)
