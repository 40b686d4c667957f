"""Each parent's weekly answers: read with the reveal's privacy, written through checkins.services."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.checkins import selectors, services
from twofold.checkins.answers import ANSWER_FIELDS, ANSWERS_SEALED, RATING_ERROR, SHARE_ERROR, TEXT_LIMIT
from twofold.checkins.api.people import TOO_LONG, CheckinPersonSerializer, acting_parent, person_document
from twofold.checkins.models import Checkin
from twofold.households.api import ScopedViewSet, id_field
from twofold.insights.periods import iso_week

NOT_YOURS = "You can only change your own answers."


def _share() -> serializers.IntegerField:
    messages: dict[str, Any] = dict.fromkeys(
        ("required", "invalid", "min_value", "max_value", "null"), SHARE_ERROR
    )
    return serializers.IntegerField(min_value=0, max_value=100, error_messages=messages)


def _rating() -> serializers.IntegerField:
    messages: dict[str, Any] = dict.fromkeys(
        ("required", "invalid", "min_value", "max_value", "null"), RATING_ERROR
    )
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
    household = id_field(
        required=False,
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


def _answered(
    kind: type[serializers.IntegerField] | type[serializers.CharField], help_text: str
) -> serializers.Field[Any, Any, Any, Any]:
    return kind(allow_null=True, help_text=help_text + " Null when `sealed_note` is set.")


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
    care_share = _answered(serializers.IntegerField, "Estimate of my share of the baby care, %.")
    night_share = _answered(serializers.IntegerField, "Estimate of my share of the night wakings, %.")
    fairness = _answered(serializers.IntegerField, "How fair the split feels, 0-10.")
    sleep = _answered(serializers.IntegerField, "0-10.")
    mood = _answered(serializers.IntegerField, "0-10.")
    connection = _answered(serializers.IntegerField, "How connected we feel, 0-10.")
    appreciated = _answered(serializers.CharField, "One thing I appreciated.")
    needed = _answered(serializers.CharField, "One thing I need next week.")
    sealed_note = serializers.CharField(
        allow_null=True,
        help_text=(
            "Set when these answers were sealed with a key the server no longer has (or are damaged): they "
            "cannot be shown, and every answer field is null. Otherwise null."
        ),
    )
    answered_at = serializers.DateTimeField()
    changed_at = serializers.DateTimeField()


def checkin_document(checkin: Checkin, *, user_id: int | None, now: dt.datetime) -> dict[str, Any]:
    state = selectors.week_state(household=checkin.household, monday=checkin.week, now=now)
    mine = checkin.member.user_id == user_id
    opened = checkin.opened
    return {
        "id": checkin.pk,
        "household": checkin.household_id,
        "week": iso_week(checkin.week),
        "first_day": checkin.week,
        "closes_at": state.window.closes_at,
        "by": person_document(checkin.member),
        "mine": mine,
        "revealed": state.revealed,
        "can_change": mine and state.can_change,
        **(opened.document() if opened else dict.fromkeys(ANSWER_FIELDS)),
        "sealed_note": None if opened else ANSWERS_SEALED,
        "answered_at": checkin.answered_at,
        "changed_at": checkin.changed_at,
    }


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
        data = CheckinSerializer(documents, many=True).data  # type: ignore[arg-type]  # the stubs type the instance as one item, even with many=True
        return self.get_paginated_response(data)

    def retrieve(self, request: Request, pk: int) -> Response:
        document = checkin_document(self.get_object(), user_id=request.user.pk, now=timezone.now())
        return Response(CheckinSerializer(document).data)

    def create(self, request: Request) -> Response:
        answers = CheckinAnswersSerializer(data=request.data)
        answers.is_valid(raise_exception=True)
        member = acting_parent(request, answers.validated_data.get("household"))
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
        # Answers no key opens can only be answered afresh: a partial change then lists what is missing.
        earlier = checkin.opened.document() if checkin.opened else {}
        merged = earlier | dict(answers.validated_data)
        services.submit_checkin(member=checkin.member, answers=merged, now=now)
        fresh = Checkin.objects.select_related("member", "household").get(pk=checkin.pk)
        return Response(CheckinSerializer(checkin_document(fresh, user_id=request.user.pk, now=now)).data)
