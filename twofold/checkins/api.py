"""Check-ins over the API, with the same privacy as the pages.

A parent reads their own answers and, once a week is revealed, the other parents'; an unrevealed answer
of another parent is a 404, exactly as if it did not exist. Helpers and former members see nothing (an
empty list, 404 on ids); another household's ids are 404. Writes go through checkins.services, whose
ValidationErrors become 400s with field messages.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.api.views import ScopedViewSet
from twofold.checkins import selectors, services
from twofold.checkins.models import (
    AGREEMENT_LIMIT,
    ANSWER_FIELDS,
    RATING_ERROR,
    SHARE_ERROR,
    TEXT_LIMIT,
    Agreement,
    AgreementReview,
    Checkin,
    Outcome,
)
from twofold.households.models import Member
from twofold.insights.api import parent_household_for
from twofold.insights.periods import iso_week

NOT_YOURS = "You can only change your own answers."
NO_SUCH_AGREEMENT = (
    "No such agreement among your household's: use an id from GET /api/v1/checkins/agreements/."
)
TOO_LONG = "Keep it to {max_length} characters."


# --- Shapes ---------------------------------------------------------------------------------------------


class CheckinPersonSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    name = serializers.CharField()


def _share() -> serializers.IntegerField:
    messages = dict.fromkeys(("required", "invalid", "min_value", "max_value", "null"), SHARE_ERROR)
    return serializers.IntegerField(min_value=0, max_value=100, error_messages=messages)


def _rating() -> serializers.IntegerField:
    messages = dict.fromkeys(("required", "invalid", "min_value", "max_value", "null"), RATING_ERROR)
    return serializers.IntegerField(min_value=0, max_value=10, error_messages=messages)


def _text(help_text: str) -> serializers.CharField:
    return serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=TEXT_LIMIT,
        help_text=help_text,
        error_messages={"max_length": TOO_LONG},
    )


class CheckinAnswersSerializer(serializers.Serializer[dict[str, Any]]):
    household = serializers.IntegerField(
        required=False,
        min_value=1,
        write_only=True,
        help_text="Needed only when you are in several households.",
    )
    care_share = _share()
    night_share = _share()
    fairness = _rating()
    sleep = _rating()
    mood = _rating()
    connection = _rating()
    appreciated = _text("One thing I appreciated from you this week (optional, trimmed).")
    needed = _text("One thing I need next week (optional, trimmed).")


class CheckinSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    household = serializers.IntegerField()
    week = serializers.CharField(help_text="The ISO week looked back on, such as 2026-W47.")
    first_day = serializers.DateField(help_text="Its Monday, in the household's time zone.")
    closes_at = serializers.DateTimeField(
        help_text="When the check-in closes and reveals whatever was answered."
    )
    by = CheckinPersonSerializer()
    mine = serializers.BooleanField()
    revealed = serializers.BooleanField(help_text="Shown to every parent: everyone answered or it closed.")
    can_change = serializers.BooleanField(help_text="Your own answers, before the reveal, while it is open.")
    care_share = serializers.IntegerField(help_text="Estimate of my share of the baby care, %.")
    night_share = serializers.IntegerField(help_text="Estimate of my share of the night wakings, %.")
    fairness = serializers.IntegerField(help_text="How fair the split feels, 0-10.")
    sleep = serializers.IntegerField(help_text="0-10.")
    mood = serializers.IntegerField(help_text="0-10.")
    connection = serializers.IntegerField(help_text="How connected we feel, 0-10.")
    appreciated = serializers.CharField()
    needed = serializers.CharField()
    answered_at = serializers.DateTimeField()
    changed_at = serializers.DateTimeField()


class AgreementWriteSerializer(serializers.Serializer[dict[str, Any]]):
    household = serializers.IntegerField(
        required=False,
        min_value=1,
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


class AgreementReviewWriteSerializer(serializers.Serializer[dict[str, Any]]):
    agreement = serializers.IntegerField(help_text="One of last week's agreements.")
    outcome = serializers.ChoiceField(
        choices=Outcome.choices,
        error_messages={"required": services.CHOOSE_OUTCOME, "invalid_choice": services.CHOOSE_OUTCOME},
    )


class AgreementReviewSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    household = serializers.IntegerField()
    agreement = serializers.IntegerField()
    by = CheckinPersonSerializer()
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    answered_at = serializers.DateTimeField()


def _person(member: Member) -> dict[str, Any]:
    return {"id": member.pk, "name": member.display_name}


def _member_for(request: Request, household_id: int | None) -> Member:
    household = parent_household_for(user=request.user, household_id=household_id)
    return Member.objects.select_related("household").get(
        household=household, user_id=request.user.pk, left_at__isnull=True
    )


def checkin_document(checkin: Checkin, *, user_id: int, now: dt.datetime) -> dict[str, Any]:
    state = selectors.week_state(household=checkin.household, monday=checkin.week, now=now)
    mine = checkin.member.user_id == user_id
    return {
        "id": checkin.pk,
        "household": checkin.household_id,
        "week": iso_week(checkin.week),
        "first_day": checkin.week,
        "closes_at": state.window.closes_at,
        "by": _person(checkin.member),
        "mine": mine,
        "revealed": state.revealed,
        "can_change": mine and state.can_change,
        **{name: getattr(checkin, name) for name in ANSWER_FIELDS},
        "answered_at": checkin.answered_at,
        "changed_at": checkin.changed_at,
    }


# --- Views ----------------------------------------------------------------------------------------------

ANSWER_ERRORS = OpenApiResponse(
    description="Field errors (out of range, missing, too long), or the check-in was revealed or has closed."
)


@extend_schema_view(
    list=extend_schema(
        summary="Check-ins you may read (parents only)",
        description="Your own answers, and the other parents' answers of revealed weeks, newest week first. "
        "Helpers get an empty list.",
        responses=CheckinSerializer(many=True),
    ),
    retrieve=extend_schema(
        summary="One check-in answer",
        description="Another parent's answers before the reveal are a 404.",
        responses=CheckinSerializer,
    ),
    create=extend_schema(
        summary="Answer the check-in open now",
        description="Creates your answers for the open check-in, or changes them (200) if you have answered "
        "it. When the last current parent answers, the week is revealed and its answers are fixed.",
        request=CheckinAnswersSerializer,
        responses={201: CheckinSerializer, 200: CheckinSerializer, 400: ANSWER_ERRORS},
    ),
    update=extend_schema(
        summary="Change your answers",
        request=CheckinAnswersSerializer,
        responses={200: CheckinSerializer, 400: ANSWER_ERRORS},
    ),
    partial_update=extend_schema(
        summary="Change some of your answers",
        request=CheckinAnswersSerializer(partial=True),
        responses={200: CheckinSerializer, 400: ANSWER_ERRORS},
    ),
)
class CheckinViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.UpdateModelMixin, ScopedViewSet
):
    queryset = Checkin.objects.none()
    serializer_class = CheckinSerializer

    def get_queryset(self) -> QuerySet[Checkin]:
        return selectors.visible_checkins(user=self.request.user, now=timezone.now())

    def list(self, request: Request) -> Response:
        now = timezone.now()
        page = self.paginate_queryset(self.get_queryset()) or []
        documents = [checkin_document(c, user_id=request.user.pk, now=now) for c in page]
        return self.get_paginated_response(CheckinSerializer(documents, many=True).data)

    def retrieve(self, request: Request, pk: int) -> Response:
        document = checkin_document(self.get_object(), user_id=request.user.pk, now=timezone.now())
        return Response(CheckinSerializer(document).data)

    def create(self, request: Request) -> Response:
        answers = CheckinAnswersSerializer(data=request.data)
        answers.is_valid(raise_exception=True)
        member = _member_for(request, answers.validated_data.get("household"))
        now = timezone.now()
        existed = selectors.current_state(household=member.household, now=now).own(member) is not None
        checkin = services.submit_checkin(member=member, answers=answers.validated_data, now=now)
        checkin = Checkin.objects.select_related("member", "household").get(pk=checkin.pk)
        return Response(
            CheckinSerializer(checkin_document(checkin, user_id=request.user.pk, now=now)).data,
            status=status.HTTP_200_OK if existed else status.HTTP_201_CREATED,
        )

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        checkin = self.get_object()
        if checkin.member.user_id != request.user.pk:
            raise PermissionDenied(NOT_YOURS)
        partial = kwargs.get("partial", False)
        answers = CheckinAnswersSerializer(data=request.data, partial=partial)
        answers.is_valid(raise_exception=True)
        now = timezone.now()
        open_monday = selectors.current_state(household=checkin.household, now=now).monday
        if checkin.week != open_monday:
            raise serializers.ValidationError({"non_field_errors": [services.CHECKIN_CLOSED]})
        merged = {name: getattr(checkin, name) for name in ANSWER_FIELDS} | dict(answers.validated_data)
        services.submit_checkin(member=checkin.member, answers=merged, now=now)
        fresh = Checkin.objects.select_related("member", "household").get(pk=checkin.pk)
        return Response(CheckinSerializer(checkin_document(fresh, user_id=request.user.pk, now=now)).data)


def agreement_document(agreement: Agreement, *, user_id: int) -> dict[str, Any]:
    return {
        "id": agreement.pk,
        "household": agreement.household_id,
        "week": iso_week(agreement.week),
        "by": _person(agreement.author),
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
        return self.get_paginated_response(
            AgreementSerializer(
                [agreement_document(a, user_id=request.user.pk) for a in page], many=True
            ).data
        )

    def retrieve(self, request: Request, pk: int) -> Response:
        return Response(
            AgreementSerializer(agreement_document(self.get_object(), user_id=request.user.pk)).data
        )

    def create(self, request: Request) -> Response:
        data = AgreementWriteSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        member = _member_for(request, data.validated_data.get("household"))
        agreement = services.add_agreement(member=member, text=data.validated_data["text"])
        return Response(
            AgreementSerializer(agreement_document(agreement, user_id=request.user.pk)).data,
            status=status.HTTP_201_CREATED,
        )

    def _author(self, agreement: Agreement) -> Member:
        member = Member.objects.filter(
            household_id=agreement.household_id, user_id=self.request.user.pk, left_at__isnull=True
        ).first()
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


def review_document(review: AgreementReview) -> dict[str, Any]:
    return {
        "id": review.pk,
        "household": review.agreement.household_id,
        "agreement": review.agreement_id,
        "by": _person(review.reviewer),
        "outcome": review.outcome,
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
        return self.get_paginated_response(
            AgreementReviewSerializer([review_document(r) for r in page], many=True).data
        )

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
        member = _member_for(request, agreement.household_id)
        review = services.review_agreement(
            member=member, agreement=agreement, outcome=data.validated_data["outcome"]
        )
        review = AgreementReview.objects.select_related("agreement", "reviewer").get(pk=review.pk)
        return Response(
            AgreementReviewSerializer(review_document(review)).data, status=status.HTTP_201_CREATED
        )
