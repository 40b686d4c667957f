"""Agreements over the API: shared at once, changed only by their author before their week begins."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.checkins import selectors, services
from twofold.checkins.api.people import TOO_LONG, CheckinPersonSerializer, acting_parent, person_document
from twofold.checkins.models import (
    AGREEMENT_LIMIT,
    Agreement,
)
from twofold.households.api import ScopedViewSet, id_field
from twofold.households.models import Member
from twofold.households.selectors import active_memberships
from twofold.insights.periods import iso_week

NO_SUCH_AGREEMENT = (
    "No such agreement among your household's: use an id from GET /api/v1/checkins/agreements/."
)


class AgreementWriteSerializer(serializers.Serializer[dict[str, Any]]):
    household = id_field(
        required=False,
        write_only=True,
        help_text="Needed only when you are in several households.",
    )
    text = serializers.CharField(
        max_length=AGREEMENT_LIMIT,
        error_messages={
            "required": services.WRITE_SOMETHING,
            "blank": services.WRITE_SOMETHING,
            "max_length": TOO_LONG,
        },
    )


class AgreementSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    household = serializers.IntegerField()
    week = serializers.CharField(help_text="The check-in week it was made in; it is for the week after.")
    by = CheckinPersonSerializer()
    text = serializers.CharField()
    mine = serializers.BooleanField()
    created_at = serializers.DateTimeField()
    changed_at = serializers.DateTimeField()


def agreement_document(agreement: Agreement, *, user_id: int | None) -> dict[str, Any]:
    return {
        "id": agreement.pk,
        "household": agreement.household_id,
        "week": iso_week(agreement.week),
        "by": person_document(agreement.author),
        "text": agreement.text,
        "mine": agreement.author.user_id == user_id,
        "created_at": agreement.created_at,
        "changed_at": agreement.changed_at,
    }


@extend_schema_view(
    list=extend_schema(
        summary="Agreements of your households (parents only)", responses=AgreementSerializer(many=True)
    ),
    retrieve=extend_schema(summary="One agreement", responses=AgreementSerializer),
    create=extend_schema(
        summary="Make an agreement for next week",
        description="Made in the check-in open now and shared with the other parents at once.",
        request=AgreementWriteSerializer,
        responses={201: AgreementSerializer, 400: OpenApiResponse(description="Empty or too long.")},
    ),
    update=extend_schema(
        summary="Reword your agreement", request=AgreementWriteSerializer, responses=AgreementSerializer
    ),
    partial_update=extend_schema(
        summary="Reword your agreement", request=AgreementWriteSerializer, responses=AgreementSerializer
    ),
    destroy=extend_schema(summary="Delete your agreement (until the week it is for begins)"),
)
class AgreementViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    ScopedViewSet,
):
    queryset = Agreement.objects.none()
    serializer_class = AgreementSerializer

    def get_queryset(self) -> QuerySet[Agreement]:
        return selectors.agreements_for_user(user=self.request.user)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset()) or []
        documents = [agreement_document(a, user_id=request.user.pk) for a in page]
        data = AgreementSerializer(documents, many=True).data  # type: ignore[arg-type]  # the stubs type the instance as one item, even with many=True
        return self.get_paginated_response(data)

    def retrieve(self, request: Request, pk: int) -> Response:
        return Response(
            AgreementSerializer(agreement_document(self.get_object(), user_id=request.user.pk)).data
        )

    def create(self, request: Request) -> Response:
        data = AgreementWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        member = acting_parent(request, data.validated_data.get("household"))
        agreement = services.add_agreement(member=member, text=data.validated_data["text"])
        return Response(
            AgreementSerializer(agreement_document(agreement, user_id=request.user.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    def _author(self, agreement: Agreement) -> Member:
        member = (
            active_memberships(user_id=self.request.user.pk)
            .filter(household_id=agreement.household_id)
            .first()
        )
        if member is None:
            raise Http404(NO_SUCH_AGREEMENT)
        return member

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        agreement = self.get_object()
        data = AgreementWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        services.change_agreement(
            member=self._author(agreement), agreement=agreement, text=data.validated_data["text"]
        )
        return Response(AgreementSerializer(agreement_document(agreement, user_id=request.user.pk)).data)

    def destroy(self, request: Request, pk: int) -> Response:
        agreement = self.get_object()
        services.delete_agreement(member=self._author(agreement), agreement=agreement)
        return Response(status=status.HTTP_204_NO_CONTENT)
