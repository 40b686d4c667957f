"""The settling trend and crying against the norms, with the colic checks, over the API (parents only)."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from twofold.bonding import documents
from twofold.bonding.api.plans import SourceSerializer
from twofold.bonding.api.scope import ChildQuerySerializer, child_for_parent, parent_in
from twofold.bonding.reports import crying_report, settling_report
from twofold.bonding.trend import Reading


class CryingQuerySerializer(ChildQuerySerializer):
    days = serializers.IntegerField(required=False, min_value=1, max_value=400, help_text="Default 28.")


class ParagraphSerializer(serializers.Serializer[dict[str, Any]]):
    text = serializers.CharField()
    source = SourceSerializer(allow_null=True, help_text="null: Twofold's own words about the numbers.")  # type: ignore[assignment]  # the API field is named "source"; the stubs type Field.source as a string


class WeekSerializer(serializers.Serializer[dict[str, Any]]):
    week_of = serializers.DateField(help_text="Monday of the household-local week.")
    sessions = serializers.IntegerField()
    with_response = serializers.IntegerField()
    calm_or_settled = serializers.IntegerField()
    calm_or_settled_percent = serializers.FloatField(allow_null=True)
    median_minutes_to_settle = serializers.FloatField(allow_null=True)


class CaregiverTrendSerializer(serializers.Serializer[dict[str, Any]]):
    member = serializers.IntegerField()
    name = serializers.CharField()
    reading = serializers.ChoiceField(choices=[r.value for r in Reading])
    paragraphs = ParagraphSerializer(many=True)
    weeks = WeekSerializer(many=True)


class NormSerializer(serializers.Serializer[dict[str, Any]]):
    mean_low = serializers.FloatField()
    mean_high = serializers.FloatField()
    sd_low = serializers.FloatField()
    sd_high = serializers.FloatField()
    interpolated = serializers.BooleanField()


class CryingDaySerializer(serializers.Serializer[dict[str, Any]]):
    date = serializers.DateField()
    minutes = serializers.FloatField()
    episodes = serializers.IntegerField()
    untimed_episodes = serializers.IntegerField()
    week_of_life = serializers.IntegerField(allow_null=True)
    norm = NormSerializer(allow_null=True, help_text="null past 12 weeks old: no figure is published.")
    norm_wording = serializers.CharField(allow_blank=True)


class ColicSerializer(serializers.Serializer[dict[str, Any]]):
    rule = serializers.CharField()
    met = serializers.BooleanField(help_text="The log matches the pattern: never a diagnosis.")
    wording = serializers.CharField()
    ask = serializers.CharField()
    caveats = serializers.ListField(child=serializers.CharField())
    source = SourceSerializer()  # type: ignore[assignment]  # the API field is named "source"; the stubs type Field.source as a string


class CriterionSerializer(serializers.Serializer[dict[str, Any]]):
    name = serializers.CharField()
    status = serializers.CharField(
        help_text="met, not_met, unknown (for a health professional to say) or not_yet (cannot be "
        "answered yet: the crying is still going, or none is logged)."
    )
    wording = serializers.CharField()


class RomeSerializer(serializers.Serializer[dict[str, Any]]):
    criteria = CriterionSerializer(many=True)
    research_long_days = serializers.BooleanField()
    ask = serializers.CharField()
    source = SourceSerializer()  # type: ignore[assignment]  # the API field is named "source"; the stubs type Field.source as a string


class ColicChecksSerializer(serializers.Serializer[dict[str, Any]]):
    wessel = ColicSerializer()
    modified_wessel = ColicSerializer()
    rome_iv = RomeSerializer()


class TallySerializer(serializers.Serializer[dict[str, Any]]):
    key = serializers.CharField(help_text="The technique's key.")
    episodes = serializers.IntegerField()
    settled = serializers.IntegerField()
    not_settled = serializers.IntegerField()
    unknown = serializers.IntegerField()
    median_minutes_to_settle = serializers.FloatField(allow_null=True)
    name = serializers.CharField(required=False)


class CaregiverTallySerializer(TallySerializer):
    # A caregiver's tally is keyed by their member id, a number, where a technique's key is a word.
    key = serializers.IntegerField(help_text="The caregiver's member id.")  # type: ignore[assignment]


class WhatHelpedSerializer(serializers.Serializer[dict[str, Any]]):
    note = serializers.CharField()
    by_technique = TallySerializer(many=True)
    by_caregiver = CaregiverTallySerializer(many=True)


class CryingSerializer(serializers.Serializer[dict[str, Any]]):
    child = serializers.IntegerField()
    week_of_life_today = serializers.IntegerField()
    days = CryingDaySerializer(many=True)
    norm_source = SourceSerializer(allow_null=True)
    colic = ColicChecksSerializer()
    what_helped = WhatHelpedSerializer()


class TrendView(APIView):
    @extend_schema(
        summary="The settling trend per caregiver and week (parents only)",
        parameters=[ChildQuerySerializer],
        responses={200: CaregiverTrendSerializer(many=True), 404: OpenApiResponse(description="Not yours.")},
        tags=["bonding"],
    )
    def get(self, request: Request) -> Response:
        child = child_for_parent(request, ChildQuerySerializer(data=request.query_params))
        viewer = parent_in(request.user, child.household_id)
        report = settling_report(child=child, now=timezone.now(), viewer_id=viewer.pk)
        return Response(documents.trend_document(report))


class CryingView(APIView):
    @extend_schema(
        summary="Daily crying beside the norms, the colic checks and what helped (parents only)",
        parameters=[CryingQuerySerializer],
        responses={200: CryingSerializer, 404: OpenApiResponse(description="Not yours.")},
        tags=["bonding"],
    )
    def get(self, request: Request) -> Response:
        query = CryingQuerySerializer(data=request.query_params)
        child = child_for_parent(request, query)
        days = query.validated_data.get("days") or 28
        return Response(documents.crying_document(crying_report(child=child, now=timezone.now(), days=days)))
