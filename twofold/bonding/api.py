"""Bonding over the API: plans and today's suggestion, the one-tap response, the settling trend, crying
against the norms with the colic checks, and the red flags and coping card.

Plans, trends and crying are for parents (helpers and other households get 404, as on the pages); the red
flags and the coping card are for every member. Errors are 400 with field messages (api/errors.py).
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from twofold.bonding import documents, selectors, services
from twofold.bonding.models import BondingPlan
from twofold.bonding.reports import crying_report, settling_report, suggestion_of
from twofold.care.models import Response as BabyResponse
from twofold.care.selectors import events_for_user
from twofold.households.api import ScopedViewSet, acting_member, child_field
from twofold.households.models import Child, Household, Role
from twofold.households.selectors import active_memberships

PARENTS_ONLY = "Bonding is for the parents of a household you belong to."


def plans_for_user(*, user: Any) -> QuerySet[BondingPlan]:
    parent_of = active_memberships(user_id=user.pk).filter(role=Role.PARENT).values("household_id")
    return BondingPlan.objects.filter(household_id__in=parent_of).select_related(
        "member", "child", "household"
    )


def _parent_in(user: Any, household_id: int) -> Any:
    member = active_memberships(user_id=user.pk).filter(household_id=household_id).first()
    if member is None or member.role != Role.PARENT:
        raise Http404(PARENTS_ONLY)
    return member


# ---- Shapes ----


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


class ResponseSerializer(serializers.Serializer[dict[str, Any]]):
    event = serializers.IntegerField(help_text="A care event of your household.")
    response = serializers.ChoiceField(choices=BabyResponse.choices)
    settled_after_minutes = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=600
    )


class ResponseResultSerializer(serializers.Serializer[dict[str, Any]]):
    event = serializers.IntegerField()
    response = serializers.CharField()
    settled_after_minutes = serializers.IntegerField(allow_null=True)


class ChildQuerySerializer(serializers.Serializer[dict[str, Any]]):
    child = serializers.IntegerField(min_value=1, help_text="The child's id.")


class CryingQuerySerializer(ChildQuerySerializer):
    days = serializers.IntegerField(required=False, min_value=1, max_value=400, help_text="Default 28.")


class ParagraphSerializer(serializers.Serializer[dict[str, Any]]):
    text = serializers.CharField()
    source = SourceSerializer(allow_null=True, help_text="null: Twofold's own words about the numbers.")


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
    reading = serializers.ChoiceField(choices=["too_early", "calmer", "not_yet", "no_progress"])
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
    norm = NormSerializer(allow_null=True, help_text="null after week 12: no typical figure is published.")
    norm_wording = serializers.CharField(allow_blank=True)


class ColicSerializer(serializers.Serializer[dict[str, Any]]):
    rule = serializers.CharField()
    met = serializers.BooleanField(help_text="The log matches the pattern: never a diagnosis.")
    wording = serializers.CharField()
    ask = serializers.CharField()
    caveats = serializers.ListField(child=serializers.CharField())
    source = SourceSerializer()


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
    source = SourceSerializer()


class ColicChecksSerializer(serializers.Serializer[dict[str, Any]]):
    wessel = ColicSerializer()
    modified_wessel = ColicSerializer()
    rome_iv = RomeSerializer()


class TallySerializer(serializers.Serializer[dict[str, Any]]):
    key = serializers.CharField(help_text="A technique key, or a member id.")
    episodes = serializers.IntegerField()
    settled = serializers.IntegerField()
    not_settled = serializers.IntegerField()
    unknown = serializers.IntegerField()
    median_minutes_to_settle = serializers.FloatField(allow_null=True)
    name = serializers.CharField(required=False)


class WhatHelpedSerializer(serializers.Serializer[dict[str, Any]]):
    note = serializers.CharField()
    by_technique = TallySerializer(many=True)
    by_caregiver = TallySerializer(many=True)


class CryingSerializer(serializers.Serializer[dict[str, Any]]):
    child = serializers.IntegerField()
    week_of_life_today = serializers.IntegerField()
    days = CryingDaySerializer(many=True)
    norm_source = SourceSerializer(allow_null=True)
    colic = ColicChecksSerializer()
    what_helped = WhatHelpedSerializer()


class GuidanceItemSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.CharField()
    urgency = serializers.CharField()
    text = serializers.CharField()
    source = serializers.CharField()
    mark = serializers.CharField()
    url = serializers.CharField(allow_blank=True)


class GuidanceListSerializer(serializers.Serializer[dict[str, Any]]):
    urgencies = serializers.DictField(child=serializers.CharField(), help_text="Most urgent first.")
    items = GuidanceItemSerializer(many=True)


class GuidanceSerializer(serializers.Serializer[dict[str, Any]]):
    country = serializers.CharField()
    emergency_number = serializers.CharField()
    red_flags = GuidanceListSerializer()
    coping_card = GuidanceListSerializer()


class HouseholdQuerySerializer(serializers.Serializer[dict[str, Any]]):
    household = serializers.IntegerField(required=False, min_value=1, help_text="Default: your first.")


# ---- Views ----


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
        member = _parent_in(request.user, child.household_id)
        plan = services.start_plan(member=member, child=child)
        return Response(documents.plan_document(plan), status=status.HTTP_201_CREATED)

    def partial_update(self, request: Request, pk: int) -> Response:
        plan = self.get_object()
        serializer = PlanStatusSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        member = _parent_in(request.user, plan.household_id)
        plan = services.set_status(member=member, plan=plan, status=serializer.validated_data["status"])
        return Response(documents.plan_document(plan))

    def destroy(self, request: Request, pk: int) -> Response:
        plan = self.get_object()
        member = _parent_in(request.user, plan.household_id)
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
        member = _parent_in(request.user, plan.household_id)
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
        member = _parent_in(request.user, plan.household_id)
        services.skip_today(member=member, plan=plan, activity=serializer.validated_data["activity"])
        today = timezone.now().astimezone(plan.household.zone).date()
        return Response(
            documents.suggestion_document(suggestion_of(plan, selectors.days_of(plans=[plan]), today))
        )


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


def _child_for_parent(request: Request, query: serializers.Serializer[dict[str, Any]]) -> Child:
    query.is_valid(raise_exception=True)
    child = Child.objects.filter(pk=query.validated_data["child"]).select_related("household").first()
    if child is None:
        raise Http404(PARENTS_ONLY)
    _parent_in(request.user, child.household_id)
    return child


class TrendView(APIView):
    @extend_schema(
        summary="The settling trend per caregiver and week (parents only)",
        parameters=[ChildQuerySerializer],
        responses={200: CaregiverTrendSerializer(many=True), 404: OpenApiResponse(description="Not yours.")},
        tags=["bonding"],
    )
    def get(self, request: Request) -> Response:
        child = _child_for_parent(request, ChildQuerySerializer(data=request.query_params))
        viewer = _parent_in(request.user, child.household_id)
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
        child = _child_for_parent(request, query)
        days = query.validated_data.get("days") or 28
        return Response(documents.crying_document(crying_report(child=child, now=timezone.now(), days=days)))


class GuidanceView(APIView):
    @extend_schema(
        summary="Red flags and the coping card, with your country's emergency number (every member)",
        parameters=[HouseholdQuerySerializer],
        responses={200: GuidanceSerializer},
        tags=["bonding"],
    )
    def get(self, request: Request) -> Response:
        query = HouseholdQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        memberships = active_memberships(user_id=request.user.pk).order_by("joined_at", "id")
        wanted = query.validated_data.get("household")
        member = memberships.filter(household_id=wanted).first() if wanted else memberships.first()
        if member is None:
            raise Http404("You are not a member of that household.")
        household: Household = member.household
        return Response(documents.guidance_document(household))
