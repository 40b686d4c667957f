"""A child's growth readings over the API: every measurement of one kind with its centile and SDS."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from twofold.growth.centiles import KINDS
from twofold.growth.documents import growth_document
from twofold.growth.references import CDC, NAMES
from twofold.households.api import id_field
from twofold.households.models import Child
from twofold.households.selectors import active_memberships

NOT_YOURS = "No child of a household you belong to has this id."


class GrowthQuerySerializer(serializers.Serializer[dict[str, Any]]):
    child = id_field(help_text="The child's id.")
    kind = serializers.ChoiceField(choices=list(KINDS), required=False, default="weight")
    reference = serializers.ChoiceField(
        choices=[CDC],
        required=False,
        default="",
        help_text="cdc: the CDC charts from 2 years, outside the UK.",
    )


class MeasurementSerializer(serializers.Serializer[dict[str, Any]]):
    event = serializers.IntegerField(help_text="The care event's id.")
    at = serializers.DateTimeField()
    value = serializers.IntegerField(help_text="As stored: grams for a weight, millimetres for the others.")
    unit = serializers.ChoiceField(choices=["g", "mm"])
    age_days = serializers.IntegerField(help_text="On the chart: from the due date while corrected.")
    corrected = serializers.BooleanField(help_text="Corrected for prematurity (EVIDENCE.md §9.2).")
    reference = serializers.ChoiceField(choices=list(NAMES), allow_null=True)
    centile = serializers.FloatField(
        allow_null=True, help_text="null without the child's sex, or off the reference's ages."
    )
    sds = serializers.FloatField(allow_null=True)


class GrowthSerializer(serializers.Serializer[dict[str, Any]]):
    child = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=list(KINDS))
    reference = serializers.ChoiceField(choices=list(NAMES))
    reference_name = serializers.CharField()
    sex_given = serializers.BooleanField(help_text="False: no centiles until a parent gives the child's sex.")
    crossed_two_centile_spaces = serializers.BooleanField(
        help_text="A later measurement is two centile spaces or more from an earlier one: worth showing to a "
        "health visitor or doctor."
    )
    measurements = MeasurementSerializer(many=True)


class GrowthView(APIView):
    @extend_schema(
        summary="A child's weights, lengths or head circumferences with centile and SDS",
        parameters=[GrowthQuerySerializer],
        responses={
            200: GrowthSerializer,
            400: OpenApiResponse(description="A query value that is not allowed, by field."),
            404: OpenApiResponse(description="Not a child of a household you belong to."),
        },
        tags=["growth"],
    )
    def get(self, request: Request) -> Response:
        query = GrowthQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        households = active_memberships(user_id=request.user.pk).values("household_id")
        child = (
            Child.objects.filter(pk=query.validated_data["child"], household_id__in=households)
            .select_related("household")
            .first()
        )
        if child is None:
            raise Http404(NOT_YOURS)
        document = growth_document(
            child=child,
            kind=query.validated_data["kind"],
            asked=query.validated_data["reference"],
            today=timezone.localdate(timezone=child.household.zone),
        )
        return Response(GrowthSerializer(document).data)
