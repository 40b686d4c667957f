"""The red flags and the coping card over the API, for every member, in the household country's words."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from twofold.bonding import documents
from twofold.bonding.api.scope import HouseholdQuerySerializer
from twofold.households.models import Household
from twofold.households.selectors import active_memberships


class GuidanceItemSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.CharField()
    urgency = serializers.CharField()
    text = serializers.CharField()
    source = serializers.CharField()
    mark = serializers.CharField()
    url = serializers.CharField(allow_blank=True)


class GuidanceListSerializer(serializers.Serializer[dict[str, Any]]):
    urgencies = serializers.DictField(child=serializers.CharField(), help_text="Most urgent first.")
    items = GuidanceItemSerializer(many=True)


class GuidanceSerializer(serializers.Serializer[dict[str, Any]]):
    country = serializers.CharField()
    emergency_number = serializers.CharField()
    red_flags = GuidanceListSerializer()
    coping_card = GuidanceListSerializer()


class GuidanceView(APIView):
    @extend_schema(
        summary="Red flags and the coping card, with your country's emergency number (every member)",
        parameters=[HouseholdQuerySerializer],
        responses={200: GuidanceSerializer},
        tags=["bonding"],
    )
    def get(self, request: Request) -> Response:
        query = HouseholdQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        memberships = active_memberships(user_id=request.user.pk).order_by("joined_at", "id")
        wanted = query.validated_data.get("household")
        member = memberships.filter(household_id=wanted).first() if wanted else memberships.first()
        if member is None:
            raise Http404("You are not a member of that household.")
        household: Household = member.household
        return Response(documents.guidance_document(household))
