"""POST /api/v1/intake/: read a parent's words, keep them sealed for their author, and answer with the
reading (the same document as `twofold intake`). Parents only; a helper or an outsider gets 404."""

from __future__ import annotations

from typing import Any, cast

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from twofold.households.api import id_field, parent_household_for
from twofold.households.models import Member
from twofold.intake.document import reading_document
from twofold.intake.reader import MAX_CHARACTERS, read
from twofold.intake.services import keep_writing

NOT_YOURS = "Intake is for the parents of a household you belong to."


class WritingInSerializer(serializers.Serializer[dict[str, Any]]):
    text = serializers.CharField(max_length=MAX_CHARACTERS, trim_whitespace=False, help_text="The words.")
    household = id_field(required=False, help_text="Needed only when you belong to more than one household.")


class EvidenceSerializer(serializers.Serializer[dict[str, Any]]):
    start = serializers.IntegerField(help_text="Character offset in `text`.")
    end = serializers.IntegerField()
    text = serializers.CharField()


class SituationSerializer(serializers.Serializer[dict[str, Any]]):
    key = serializers.CharField(help_text="A stable key, such as uneven_load or self_harm_risk.")
    about = serializers.ChoiceField(choices=["self", "partner", "baby", "other", "unsure"])
    said = serializers.CharField(help_text="One line in Twofold's voice.")
    safety = serializers.BooleanField()
    evidence = EvidenceSerializer(many=True)


class StepSerializer(serializers.Serializer[dict[str, Any]]):
    key = serializers.CharField()
    title = serializers.CharField()
    why = serializers.CharField(help_text="Why, in one line, with its named sources.")
    path = serializers.CharField(help_text="The Twofold page, one tap away.")
    method = serializers.ChoiceField(choices=["GET", "POST"], help_text="POST starts a questionnaire.")


class ReadingSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField(help_text="The kept writing, seen only by you.")
    note = serializers.CharField()
    safety_flag = serializers.BooleanField(help_text="Words about self-harm or harming the baby were read.")
    safety_mentioned = serializers.BooleanField(help_text="Safety words were written, even if set aside.")
    situations = SituationSerializer(many=True, help_text="Safety situations first.")
    hard_feelings = serializers.CharField(allow_null=True)
    coping_card = serializers.CharField(
        allow_null=True, help_text="The coping card's path, for harm to the baby."
    )
    resources = serializers.DictField(
        allow_null=True, help_text="The country's lines, when safety_mentioned."
    )
    next_steps = StepSerializer(many=True)
    country = serializers.CharField()


class IntakeView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(
        operation_id="intake_read",
        request=WritingInSerializer,
        responses={
            201: ReadingSerializer,
            400: OpenApiResponse(description="Field errors: `text` empty or too long."),
            401: OpenApiResponse(description="Not signed in."),
            404: OpenApiResponse(description="Not a parent of that household (or of any)."),
        },
        description="Reads the text on this server, keeps it sealed for you alone, returns what it heard.",
    )
    def post(self, request: Request) -> Response:
        given = WritingInSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        household = parent_household_for(
            user=cast(User, request.user),
            household_id=given.validated_data.get("household"),
            not_yours=NOT_YOURS,
        )
        member = Member.objects.current().get(household=household, user=cast(User, request.user))
        text = given.validated_data["text"]
        try:
            writing = keep_writing(author=member, text=text)
        except ValidationError as error:
            raise serializers.ValidationError({"text": error.messages}) from None
        document = reading_document(read(text.strip()), country=member.household.country)
        return Response({"id": writing.pk, **document}, status=status.HTTP_201_CREATED)
