"""Bonding plans over the API: start, pause, end, and today's suggestion done or skipped."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.bonding import documents, selectors, services
from twofold.bonding.api.scope import parent_in, plans_for_user
from twofold.bonding.models import BondingPlan
from twofold.bonding.reports import suggestion_of
from twofold.care.models import Response as BabyResponse
from twofold.households.api import ScopedViewSet, child_field
from twofold.households.models import Child


class SourceSerializer(serializers.Serializer[dict[str, Any]]):
    cite = serializers.CharField()
    section = serializers.CharField(help_text="The section of EVIDENCE.md it comes from.")
    mark = serializers.CharField(help_text="V read in the source; S secondary.")
    url = serializers.CharField(allow_blank=True)


class HowToSerializer(serializers.Serializer[dict[str, Any]]):
    text = serializers.CharField()
    source = SourceSerializer()


class PlanSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField(read_only=True)
    household = serializers.IntegerField(read_only=True)
    member = serializers.IntegerField(read_only=True, help_text="The parent the plan is for: its creator.")
    member_name = serializers.CharField(read_only=True)
    child = serializers.IntegerField(read_only=True)
    child_name = serializers.CharField(read_only=True)
    started_on = serializers.DateField(read_only=True)
    status = serializers.ChoiceField(choices=["active", "paused", "ended"])
    paused_at = serializers.DateTimeField(read_only=True, allow_null=True)
    ended_at = serializers.DateTimeField(read_only=True, allow_null=True)


class PlanCreateSerializer(serializers.Serializer[dict[str, Any]]):
    child = child_field(help_text="The child the plan is with; the plan is for you.")


class PlanStatusSerializer(serializers.Serializer[dict[str, Any]]):
    status = serializers.ChoiceField(choices=["active", "paused", "ended"])


class SuggestionSerializer(serializers.Serializer[dict[str, Any]]):
    plan = serializers.IntegerField()
    activity = serializers.CharField()
    title = serializers.CharField()
    step = serializers.IntegerField(help_text="The activity's step: 1 everyday contact … 4 settling alone.")
    open_step = serializers.IntegerField(help_text="The highest step the plan has opened.")
    status = serializers.CharField(help_text="open, done or skipped.")
    event = serializers.IntegerField(allow_null=True, help_text="The care event logged when done.")
    response = serializers.CharField(allow_blank=True)
    bottles = serializers.ListField(
        child=serializers.CharField(), help_text="For a bottle feed: the choices."
    )
    how_to = HowToSerializer(many=True)


class DoSerializer(serializers.Serializer[dict[str, Any]]):
    activity = serializers.CharField(help_text="Today's suggested activity key.")
    response = serializers.ChoiceField(choices=BabyResponse.choices, required=False, allow_blank=True)
    settled_after_minutes = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=600
    )
    bottle = serializers.ChoiceField(choices=["expressed", "formula"], required=False, allow_blank=True)
    client_id = serializers.UUIDField(required=False, allow_null=True)


class SkipSerializer(serializers.Serializer[dict[str, Any]]):
    activity = serializers.CharField()


@extend_schema_view(
    list=extend_schema(
        summary="Bonding plans in your households (parents only)", responses=PlanSerializer(many=True)
    ),
    retrieve=extend_schema(summary="One bonding plan", responses=PlanSerializer),
    create=extend_schema(
        summary="Start a plan for yourself", request=PlanCreateSerializer, responses={201: PlanSerializer}
    ),
    partial_update=extend_schema(
        summary="Pause, resume or end your plan", request=PlanStatusSerializer, responses=PlanSerializer
    ),
    destroy=extend_schema(
        summary="Delete your plan (the care it logged stays in the log)", responses={204: None}
    ),
)
class PlanViewSet(ScopedViewSet):
    queryset = BondingPlan.objects.none()
    serializer_class = PlanSerializer
    tags = ["bonding"]

    def get_queryset(self) -> QuerySet[BondingPlan]:
        return plans_for_user(user=self.request.user)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset().order_by("id"))
        return self.get_paginated_response([documents.plan_document(p) for p in page or []])

    def retrieve(self, request: Request, pk: int) -> Response:
        return Response(documents.plan_document(self.get_object()))

    def create(self, request: Request) -> Response:
        serializer = PlanCreateSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        child: Child = serializer.validated_data["child"]
        member = parent_in(request.user, child.household_id)
        plan = services.start_plan(member=member, child=child)
        return Response(documents.plan_document(plan), status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: int) -> Response:
        plan = self.get_object()
        serializer = PlanStatusSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        member = parent_in(request.user, plan.household_id)
        plan = services.set_status(member=member, plan=plan, status=serializer.validated_data["status"])
        return Response(documents.plan_document(plan))

    def destroy(self, request: Request, pk: int) -> Response:
        plan = self.get_object()
        member = parent_in(request.user, plan.household_id)
        services.check_own(member, plan)
        plan.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(summary="Today's suggestion", responses=SuggestionSerializer)
    @action(detail=True, methods=["get"])
    def today(self, request: Request, pk: int) -> Response:
        plan = self.get_object()
        today = timezone.now().astimezone(plan.household.zone).date()
        return Response(
            documents.suggestion_document(suggestion_of(plan, selectors.days_of(plans=[plan]), today))
        )

    @extend_schema(
        summary="I did it: log today's activity with the baby's response",
        request=DoSerializer,
        responses={201: SuggestionSerializer},
    )
    @action(detail=True, methods=["post"])
    def done(self, request: Request, pk: int) -> Response:
        plan = self.get_object()
        serializer = DoSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        member = parent_in(request.user, plan.household_id)
        services.do_activity(
            member=member,
            plan=plan,
            activity=data["activity"],
            bottle=data.get("bottle") or "",
            response=data.get("response") or "",
            settled_after_minutes=data.get("settled_after_minutes"),
            client_id=data.get("client_id"),
        )
        today = timezone.now().astimezone(plan.household.zone).date()
        document = documents.suggestion_document(suggestion_of(plan, selectors.days_of(plans=[plan]), today))
        return Response(document, status=status.HTTP_201_CREATED)

    @extend_schema(
        summary="Not today: skip today's suggestion", request=SkipSerializer, responses=SuggestionSerializer
    )
    @action(detail=True, methods=["post"])
    def skip(self, request: Request, pk: int) -> Response:
        plan = self.get_object()
        serializer = SkipSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        member = parent_in(request.user, plan.household_id)
        services.skip_today(member=member, plan=plan, activity=serializer.validated_data["activity"])
        today = timezone.now().astimezone(plan.household.zone).date()
        return Response(
            documents.suggestion_document(suggestion_of(plan, selectors.days_of(plans=[plan]), today))
        )
