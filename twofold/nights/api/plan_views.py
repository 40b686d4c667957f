"""Night plans over the API: list, read, make with the planner (a night or a week), change shifts, remove."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.households.api import ScopedViewSet, id_field, parent_household_for
from twofold.nights import selectors, services
from twofold.nights.api.documents import (
    NightAgainstSerializer,
    NightPlanSerializer,
    NightShiftSerializer,
    against_document,
    plan_document,
)
from twofold.nights.api.scope import PLAN_400, acting_parent, plans_for_user, valid_data
from twofold.nights.edits import Duty
from twofold.nights.models import Fairness, Feeding, NightPlan
from twofold.nights.plans import Fairness as PlanFairness
from twofold.nights.plans import Feeding as PlanFeeding


class NightPlanCreateSerializer(serializers.Serializer[dict[str, Any]]):
    night = serializers.DateField(help_text="The local date the night starts on (tonight or later).")
    household = id_field(required=False, help_text="Needed in several households.")
    feeding = serializers.ChoiceField(choices=Feeding.choices, required=False)
    feeder = id_field(required=False, allow_null=True)
    fairness = serializers.ChoiceField(choices=Fairness.choices, required=False)
    helper_night = serializers.BooleanField(required=False, default=False)
    replace = serializers.BooleanField(
        required=False, default=False, help_text="Re-plan a night whose shifts were changed by hand."
    )


class NightWeekCreateSerializer(NightPlanCreateSerializer):
    night = serializers.DateField(help_text="The first of seven nights.")
    helper_night = None  # type: ignore[assignment]
    helper_nights = serializers.ListField(child=serializers.DateField(), required=False, default=list)


class NightShiftsUpdateSerializer(serializers.Serializer[dict[str, Any]]):
    shifts = NightShiftSerializer(many=True, help_text="Every shift of the night: they replace the old ones.")


def _options(data: dict[str, Any]) -> services.Options:
    return services.Options(
        feeding=PlanFeeding(data["feeding"]) if data.get("feeding") else None,
        fairness=PlanFairness(data["fairness"]) if data.get("fairness") else None,
        feeder_id=data.get("feeder"),
        helper_night=bool(data.get("helper_night")),
    )


def _fresh(view: ScopedViewSet, pk: int) -> dict[str, Any]:
    return plan_document(plans_for_user(user=view.request.user).get(pk=pk))


@extend_schema_view(
    list=extend_schema(summary="Night plans, newest night first", responses=NightPlanSerializer(many=True)),
    retrieve=extend_schema(summary="One night plan", responses=NightPlanSerializer),
    create=extend_schema(
        summary="Plan a night with the planner",
        description=(
            "Runs the planner on the last 14 nights of the log and keeps the plan. A night whose shifts were "
            "changed by hand is kept unless `replace` is true (400 under `replace`). When no plan fits, the "
            "plan is kept with `feasible` false and the reasons under `unmet`."
        ),
        request=NightPlanCreateSerializer,
        responses={
            201: NightPlanSerializer,
            400: PLAN_400,
            404: OpenApiResponse(description="Not a parent there."),
        },
    ),
    update=extend_schema(
        summary="Set the shifts by hand",
        request=NightShiftsUpdateSerializer,
        responses={200: NightPlanSerializer, 400: PLAN_400},
    ),
    partial_update=extend_schema(
        summary="Set the shifts by hand",
        request=NightShiftsUpdateSerializer,
        responses={200: NightPlanSerializer, 400: PLAN_400},
    ),
    destroy=extend_schema(summary="Remove a night plan"),
)
@extend_schema(tags=["nights"])
class PlanViewSet(ScopedViewSet):
    queryset = NightPlan.objects.none()
    serializer_class = NightPlanSerializer

    def get_queryset(self) -> QuerySet[NightPlan]:
        return plans_for_user(user=self.request.user)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        return self.get_paginated_response([plan_document(p) for p in page or []])

    def retrieve(self, request: Request, pk: int) -> Response:
        return Response(plan_document(self.get_object()))

    def create(self, request: Request) -> Response:
        data = valid_data(NightPlanCreateSerializer, request)
        household = parent_household_for(user=request.user, household_id=data.get("household"))
        plan = services.make_plan(
            member=acting_parent(request.user, household.pk),
            day=data["night"],
            options=_options(data),
            replace_edits=data["replace"],
        )
        return Response(_fresh(self, plan.pk), status=status.HTTP_201_CREATED)

    def update(self, request: Request, pk: int, partial: bool = False) -> Response:
        plan = self.get_object()
        data = valid_data(NightShiftsUpdateSerializer, request, zone=plan.household.zone)
        duty = [Duty(s["member"], s["start"], s["end"]) for s in data["shifts"]]
        services.edit_shifts(member=acting_parent(request.user, plan.household_id), plan=plan, duty=duty)
        return Response(_fresh(self, plan.pk))

    def partial_update(self, request: Request, pk: int) -> Response:
        return self.update(request, pk, partial=True)

    def destroy(self, request: Request, pk: int) -> Response:
        plan = self.get_object()
        services.delete_plan(member=acting_parent(request.user, plan.household_id), plan=plan)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Plan a week",
        description="Seven nights from `night`. Nights changed by hand are kept unless `replace` is true.",
        request=NightWeekCreateSerializer,
        responses={201: NightPlanSerializer(many=True), 400: PLAN_400},
    )
    # The seven plans come back whole, as a list: the schema must not describe them as a page.
    @action(detail=False, methods=["post"], pagination_class=None)
    def week(self, request: Request) -> Response:
        data = valid_data(NightWeekCreateSerializer, request)
        household = parent_household_for(user=request.user, household_id=data.get("household"))
        result = services.make_week(
            member=acting_parent(request.user, household.pk),
            first=data["night"],
            options=_options(data),
            helper_nights=set(data["helper_nights"]),
            replace_edits=data["replace"],
        )
        return Response([_fresh(self, p.pk) for p in result.plans], status=status.HTTP_201_CREATED)

    @extend_schema(summary="The night against its plan", responses=NightAgainstSerializer)
    @action(detail=True, methods=["get"], url_path="against-log")
    def against_log(self, request: Request, pk: int) -> Response:
        plan = self.get_object()
        compared = selectors.against_plan(household=plan.household, plan=plan, now=timezone.now())
        return Response(against_document(plan, compared))
