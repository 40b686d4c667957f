"""Reviews of last week's agreements: private to their author until the next reveal."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.checkins import selectors, services
from twofold.checkins.answers import ANSWERS_SEALED
from twofold.checkins.api.agreements import NO_SUCH_AGREEMENT
from twofold.checkins.api.people import CheckinPersonSerializer, acting_parent, person_document
from twofold.checkins.models import (
    AgreementReview,
    Outcome,
)
from twofold.households.api import ScopedViewSet, id_field


class AgreementReviewWriteSerializer(serializers.Serializer[dict[str, Any]]):
    agreement = id_field(help_text="One of last week's agreements.")
    outcome = serializers.ChoiceField(
        choices=Outcome.choices,
        error_messages={"required": services.CHOOSE_OUTCOME, "invalid_choice": services.CHOOSE_OUTCOME},
    )


class AgreementReviewSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    household = serializers.IntegerField()
    agreement = serializers.IntegerField()
    by = CheckinPersonSerializer()
    outcome = serializers.ChoiceField(
        choices=Outcome.choices, allow_null=True, help_text="Null when `sealed_note` is set."
    )
    sealed_note = serializers.CharField(
        allow_null=True,
        help_text="Set when this review was sealed with a key the server no longer has: it cannot be shown.",
    )
    answered_at = serializers.DateTimeField()


def review_document(review: AgreementReview) -> dict[str, Any]:
    return {
        "id": review.pk,
        "household": review.agreement.household_id,
        "agreement": review.agreement_id,
        "by": person_document(review.reviewer),
        "outcome": review.outcome,
        "sealed_note": None if review.outcome else ANSWERS_SEALED,
        "answered_at": review.answered_at,
    }


@extend_schema_view(
    list=extend_schema(
        summary="How agreements went",
        description="Your own reviews, and the other parents' once the check-in they answered is revealed.",
        responses=AgreementReviewSerializer(many=True),
    ),
    create=extend_schema(
        summary="Say how one of last week's agreements went",
        description="Part of the check-in open now: private until it is revealed; send again to change it.",
        request=AgreementReviewWriteSerializer,
        responses={
            201: AgreementReviewSerializer,
            400: OpenApiResponse(description="Not one of last week's, or revealed."),
        },
    ),
)
class ReviewViewSet(mixins.ListModelMixin, ScopedViewSet):
    queryset = AgreementReview.objects.none()
    serializer_class = AgreementReviewSerializer

    def get_queryset(self) -> QuerySet[AgreementReview]:
        ids = selectors.visible_review_ids(user=self.request.user, now=timezone.now())
        return (
            AgreementReview.objects.filter(pk__in=ids)
            .select_related("agreement", "reviewer")
            .order_by("-agreement__week", "agreement_id", "reviewer_id")
        )

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset()) or []
        documents = [review_document(r) for r in page]
        data = AgreementReviewSerializer(documents, many=True).data  # type: ignore[arg-type]  # the stubs type the instance as one item, even with many=True
        return self.get_paginated_response(data)

    def create(self, request: Request) -> Response:
        data = AgreementReviewWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        agreement = (
            selectors.agreements_for_user(user=request.user)
            .filter(pk=data.validated_data["agreement"])
            .first()
        )
        if agreement is None:
            raise serializers.ValidationError({"agreement": [NO_SUCH_AGREEMENT]})
        member = acting_parent(request, agreement.household_id)
        review = services.review_agreement(
            member=member, agreement=agreement, outcome=data.validated_data["outcome"]
        )
        review = AgreementReview.objects.select_related("agreement", "reviewer").get(pk=review.pk)
        return Response(
            AgreementReviewSerializer(review_document(review)).data, status=status.HTTP_201_CREATED
        )
