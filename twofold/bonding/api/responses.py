"""The one-tap response over the API: how the baby responded to a logged care event."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from twofold.bonding import services
from twofold.care.models import Response as BabyResponse
from twofold.care.selectors import events_for_user
from twofold.households.api import acting_member, id_field


class ResponseSerializer(serializers.Serializer[dict[str, Any]]):
    event = id_field(help_text="A care event of your household.")
    response = serializers.ChoiceField(choices=BabyResponse.choices)
    settled_after_minutes = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=600
    )


class ResponseResultSerializer(serializers.Serializer[dict[str, Any]]):
    event = serializers.IntegerField()
    response = serializers.CharField()
    settled_after_minutes = serializers.IntegerField(allow_null=True)


class ResponseView(APIView):
    @extend_schema(
        summary="Record the baby's response to a care event in one call",
        request=ResponseSerializer,
        responses={200: ResponseResultSerializer, 400: OpenApiResponse(description="Field errors.")},
        tags=["bonding"],
    )
    def post(self, request: Request) -> Response:
        serializer = ResponseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        event = events_for_user(user=request.user).filter(pk=data["event"]).first()
        if event is None:
            raise serializers.ValidationError({"event": ["No such care event in your households."]})
        member = acting_member(user=request.user, household_id=event.household_id)
        event = services.record_response(
            member=member,
            event=event,
            response=data["response"],
            settled_after_minutes=data.get("settled_after_minutes"),
        )
        return Response(
            {
                "event": event.pk,
                "response": event.response,
                "settled_after_minutes": event.settled_after_minutes,
            }
        )
