"""The API for sharing a summary: the author shares the situations they choose (POST) or takes it back
(DELETE) at /api/v1/intake/<id>/share/; the other parent reads what was shared with them at
/api/v1/intake/shared/. Never the words; a helper's list is always empty; anyone else's writing is a 404."""

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

from twofold.households.selectors import active_memberships
from twofold.intake.lexicon import SITUATIONS
from twofold.intake.models import Writing
from twofold.intake.pages import NAMES
from twofold.intake.selectors import get_own_writing_of_user, shared_situations, summaries_shared_with
from twofold.intake.services import share_summary, withdraw_summary


class ShareInSerializer(serializers.Serializer[dict[str, Any]]):
    situations = serializers.ListField(
        child=serializers.ChoiceField(choices=list(SITUATIONS)),
        allow_empty=True,
        help_text="The situation keys to share, from this writing's reading. Safety keys only if you choose.",
    )


class SharedSituationSerializer(serializers.Serializer[dict[str, Any]]):
    key = serializers.CharField()
    name = serializers.CharField(help_text="In Twofold's words.")


class ShareSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField(help_text="The writing.")
    situations = SharedSituationSerializer(many=True)
    shared_at = serializers.DateTimeField()


class SharedWithMeSerializer(serializers.Serializer[dict[str, Any]]):
    author = serializers.CharField(help_text="The parent who chose to share it.")
    situations = SharedSituationSerializer(many=True)
    shared_at = serializers.DateTimeField()


def _named(keys: tuple[str, ...]) -> list[dict[str, str]]:
    return [{"key": key, "name": NAMES[key]} for key in keys]


class ShareView(APIView):
    permission_classes = (IsAuthenticated,)
    writing: Writing

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        # Found before the method is: another household's writing is a 404 whatever the method.
        super().initial(request, *args, **kwargs)
        user_id = cast(User, request.user).pk
        self.writing = get_own_writing_of_user(user_id=user_id, writing_id=kwargs["writing_id"])

    @extend_schema(
        operation_id="intake_share",
        request=ShareInSerializer,
        responses={
            200: ShareSerializer,
            400: OpenApiResponse(description="Nothing chosen, or a situation this writing did not hold."),
            401: OpenApiResponse(description="Not signed in."),
            404: OpenApiResponse(description="Not a writing of yours."),
        },
        description="Shares the chosen situations (never the words) with the household's other parent(s).",
    )
    def post(self, request: Request, writing_id: int) -> Response:
        given = ShareInSerializer(data=request.data)
        given.is_valid(raise_exception=True)
        try:
            writing = share_summary(writing=self.writing, situations=given.validated_data["situations"])
        except ValidationError as error:
            raise serializers.ValidationError(error.message_dict) from None
        shared = shared_situations(writing)
        return Response({"id": writing.pk, "situations": _named(shared), "shared_at": writing.shared_at})

    @extend_schema(
        operation_id="intake_withdraw",
        responses={
            204: OpenApiResponse(description="Taken back: nobody else sees anything of this writing."),
            401: OpenApiResponse(description="Not signed in."),
            404: OpenApiResponse(description="Not a writing of yours."),
        },
    )
    def delete(self, request: Request, writing_id: int) -> Response:
        withdraw_summary(writing=self.writing)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SharedWithMeView(APIView):
    permission_classes = (IsAuthenticated,)

    @extend_schema(
        operation_id="intake_shared_with_me",
        responses={
            200: SharedWithMeSerializer(many=True),
            401: OpenApiResponse(description="Not signed in."),
        },
        description="Summaries the other parent(s) in your households chose to share with you, newest first "
        "in each household. Empty for a helper.",
    )
    def get(self, request: Request) -> Response:
        members = active_memberships(user_id=cast(User, request.user).pk).order_by("household_id")
        return Response(
            [
                {"author": s.author_name, "situations": _named(s.situations), "shared_at": s.shared_at}
                for member in members
                for s in summaries_shared_with(member)
            ]
        )
