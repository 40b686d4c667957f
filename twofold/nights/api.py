"""The night planner over the API: plans (list, read, make with the planner, change the shifts, remove), a
week of plans, a plan set beside the log, and each member's night preferences. Parents only: helpers and
other households get 404 (helpers have their own shifts through their calendar feed and Today).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.households.api import ScopedViewSet, parent_household_for
from twofold.households.models import Member, Role
from twofold.households.selectors import active_memberships
from twofold.nights import selectors, services
from twofold.nights.against import NightAgainstPlan
from twofold.nights.ask import Preference
from twofold.nights.edits import Duty
from twofold.nights.evidence import DEFAULT_TARGET
from twofold.nights.models import Fairness, Feeding, HowMade, NightPlan
from twofold.nights.plans import Fairness as PlanFairness
from twofold.nights.plans import Feeding as PlanFeeding


def _parent_households(user: Any) -> QuerySet[Member]:
    return active_memberships(user_id=user.pk).filter(role=Role.PARENT).values("household_id")


def plans_for_user(*, user: Any) -> QuerySet[NightPlan]:
    return (
        NightPlan.objects.filter(household_id__in=_parent_households(user))
        .select_related("household")
        .prefetch_related("shifts__member")
        .order_by("-night", "-id")
    )


def _acting(user: Any, household_id: int) -> Member:
    member = active_memberships(user_id=user.pk).filter(household_id=household_id, role=Role.PARENT).first()
    if member is None:
        raise Http404("Not a parent of this household.")
    return member


# --- Shapes -------------------------------------------------------------------------------------------


class NightShiftSerializer(serializers.Serializer[dict[str, Any]]):
    member = serializers.IntegerField(help_text="The member on duty.")
    name = serializers.CharField(read_only=True)
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    expected_wakings = serializers.FloatField(read_only=True, help_text="From the last 14 nights' pattern.")
    expected_feeds = serializers.FloatField(read_only=True)


class NightBlockSerializer(serializers.Serializer[dict[str, Any]]):
    member = serializers.IntegerField()
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    minutes = serializers.IntegerField(help_text="The protected block's length; 0 when there is none.")


class NightPlanSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    household = serializers.IntegerField()
    night = serializers.DateField(help_text="The local date the night starts on.")
    how = serializers.ChoiceField(choices=HowMade.choices)
    made_by = serializers.IntegerField(allow_null=True)
    feeding = serializers.ChoiceField(choices=Feeding.choices)
    feeder = serializers.IntegerField(
        allow_null=True, help_text="The breastfeeding parent, when breastfeeding."
    )
    fairness = serializers.ChoiceField(choices=Fairness.choices)
    helper_night = serializers.BooleanField()
    feasible = serializers.BooleanField(help_text="False when no plan fits everyone's times: see `unmet`.")
    shifts = NightShiftSerializer(many=True)
    protected = NightBlockSerializer(many=True, help_text="Each parent's protected block.")
    explanation = serializers.ListField(child=serializers.CharField())
    unmet = serializers.ListField(
        child=serializers.CharField(),
        help_text="Targets the plan cannot meet, and uncovered stretches, and why.",
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class NightPlanCreateSerializer(serializers.Serializer[dict[str, Any]]):
    night = serializers.DateField(help_text="The local date the night starts on (tonight or later).")
    household = serializers.IntegerField(
        required=False, min_value=1, help_text="Needed in several households."
    )
    feeding = serializers.ChoiceField(choices=Feeding.choices, required=False)
    feeder = serializers.IntegerField(required=False, allow_null=True)
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


class NightWakingSerializer(serializers.Serializer[dict[str, Any]]):
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    on_duty = serializers.IntegerField(allow_null=True, help_text="Whose shift it fell in; null for none.")
    handled_by = serializers.IntegerField()
    fit = serializers.ChoiceField(choices=["as_planned", "covered", "no_shift"])


class NightSleepSerializer(serializers.Serializer[dict[str, Any]]):
    member = serializers.IntegerField()
    planned_minutes = serializers.IntegerField()
    actual_minutes = serializers.IntegerField(help_text="Longest sleep opportunity in the log.")
    met = serializers.BooleanField()


class NightAgainstSerializer(serializers.Serializer[dict[str, Any]]):
    plan = serializers.IntegerField()
    night = serializers.DateField()
    ended = serializers.BooleanField(help_text="False while the night is still going: figures so far.")
    wakings = NightWakingSerializer(many=True)
    sleep = NightSleepSerializer(many=True)


class NightPreferenceSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField(read_only=True, help_text="The member's id.")
    household = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    role = serializers.CharField(read_only=True)
    night_from = serializers.TimeField(
        allow_null=True, required=False, help_text="A parent's usual bedtime; when a helper can start."
    )
    night_until = serializers.TimeField(
        allow_null=True, required=False, help_text="A parent's latest wake-up; until when a helper can stay."
    )
    work_mornings = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=6),
        required=False,
        help_text="Weekdays (Monday 0) of the mornings after which they work.",
    )
    target_minutes = serializers.IntegerField(min_value=60, max_value=12 * 60, required=False)
    available_for_nights = serializers.BooleanField(required=False)
    breastfeeds = serializers.BooleanField(required=False)


def plan_document(plan: NightPlan) -> dict[str, Any]:
    shifts = sorted(plan.shifts.all(), key=lambda s: s.start)
    return {
        "id": plan.pk,
        "household": plan.household_id,
        "night": plan.night,
        "how": plan.how,
        "made_by": plan.made_by_id,
        "feeding": plan.feeding,
        "feeder": plan.feeder_id,
        "fairness": plan.fairness,
        "helper_night": plan.helper_night,
        "feasible": plan.feasible,
        "shifts": [
            {
                "member": s.member_id,
                "name": s.member.display_name,
                "start": s.start,
                "end": s.end,
                "expected_wakings": s.expected_wakings,
                "expected_feeds": s.expected_feeds,
            }
            for s in shifts
        ],
        "protected": [
            {
                "member": b["member"],
                "start": b["start"],
                "end": b["end"],
                "minutes": int(
                    (
                        dt.datetime.fromisoformat(b["end"]) - dt.datetime.fromisoformat(b["start"])
                    ).total_seconds()
                    // 60
                ),
            }
            for b in plan.protected
        ],
        "explanation": plan.lines,
        "unmet": plan.unmet_lines,
        "created_at": plan.created_at,
        "updated_at": plan.updated_at,
    }


def against_document(plan: NightPlan, compared: NightAgainstPlan) -> dict[str, Any]:
    return {
        "plan": plan.pk,
        "night": plan.night,
        "ended": compared.ended,
        "wakings": [
            {
                "start": a.waking.start,
                "end": a.waking.end,
                "on_duty": a.on_duty,
                "handled_by": a.handled_by,
                "fit": a.fit.value,
            }
            for a in compared.wakings
        ],
        "sleep": [
            {
                "member": s.member_id,
                "planned_minutes": int(s.planned.total_seconds() // 60),
                "actual_minutes": int(s.actual.total_seconds() // 60),
                "met": s.met,
            }
            for s in compared.sleep
        ],
    }


def _options(data: dict[str, Any]) -> services.Options:
    return services.Options(
        feeding=PlanFeeding(data["feeding"]) if data.get("feeding") else None,
        fairness=PlanFairness(data["fairness"]) if data.get("fairness") else None,
        feeder_id=data.get("feeder"),
        helper_night=bool(data.get("helper_night")),
    )


def _fresh(view: ScopedViewSet, pk: int) -> dict[str, Any]:
    return plan_document(plans_for_user(user=view.request.user).get(pk=pk))


# --- Views --------------------------------------------------------------------------------------------

PLAN_400 = OpenApiResponse(description="Field errors: a night already over, edits to keep, bad shifts.")


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
        data = _valid(NightPlanCreateSerializer, request)
        household = parent_household_for(user=request.user, household_id=data.get("household"))
        plan = services.make_plan(
            member=_acting(request.user, household.pk),
            day=data["night"],
            options=_options(data),
            replace_edits=data["replace"],
        )
        return Response(_fresh(self, plan.pk), status=status.HTTP_201_CREATED)

    def update(self, request: Request, pk: int, partial: bool = False) -> Response:
        plan = self.get_object()
        data = _valid(NightShiftsUpdateSerializer, request)
        duty = [Duty(s["member"], s["start"], s["end"]) for s in data["shifts"]]
        services.edit_shifts(member=_acting(request.user, plan.household_id), plan=plan, duty=duty)
        return Response(_fresh(self, plan.pk))

    def partial_update(self, request: Request, pk: int) -> Response:
        return self.update(request, pk, partial=True)

    def destroy(self, request: Request, pk: int) -> Response:
        plan = self.get_object()
        services.delete_plan(member=_acting(request.user, plan.household_id), plan=plan)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(
        summary="Plan a week",
        description="Seven nights from `night`. Nights changed by hand are kept unless `replace` is true.",
        request=NightWeekCreateSerializer,
        responses={201: NightPlanSerializer(many=True), 400: PLAN_400},
    )
    @action(detail=False, methods=["post"])
    def week(self, request: Request) -> Response:
        data = _valid(NightWeekCreateSerializer, request)
        household = parent_household_for(user=request.user, household_id=data.get("household"))
        result = services.make_week(
            member=_acting(request.user, household.pk),
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


def _valid(serializer_class: type[serializers.Serializer[Any]], request: Request) -> dict[str, Any]:
    serializer = serializer_class(data=request.data)
    serializer.is_valid(raise_exception=True)
    return dict(serializer.validated_data)


def preference_document(member: Member, pref: Preference) -> dict[str, Any]:
    return {
        "id": member.pk,
        "household": member.household_id,
        "name": member.display_name,
        "role": member.role,
        "night_from": pref.night_from,
        "night_until": pref.night_until,
        "work_mornings": [int(d) for d in pref.work_mornings],
        "target_minutes": int(pref.target.total_seconds() // 60),
        "available_for_nights": pref.available_for_nights,
        "breastfeeds": pref.breastfeeds,
    }


@extend_schema_view(
    list=extend_schema(summary="Night preferences of everyone in your households"),
    retrieve=extend_schema(summary="One member's night preferences"),
    update=extend_schema(summary="Change a member's night preferences"),
    partial_update=extend_schema(summary="Change some of a member's night preferences"),
)
@extend_schema(tags=["nights"])
class PreferenceViewSet(ScopedViewSet):
    """Keyed by the member's id. Parents set everyone's (helpers offer nights through a parent)."""

    queryset = Member.objects.none()
    serializer_class = NightPreferenceSerializer

    def get_queryset(self) -> QuerySet[Member]:
        return (
            Member.objects.filter(
                household_id__in=_parent_households(self.request.user), left_at__isnull=True
            )
            .select_related("household")
            .order_by("household_id", "joined_at", "id")
        )

    def _document(self, member: Member) -> dict[str, Any]:
        people = selectors.people_of(member.household)
        prefs = selectors.preferences_of(member.household, people)
        return preference_document(member, prefs[member.pk])

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset()) or []
        documents = []
        for household_id in dict.fromkeys(m.household_id for m in page):
            household = next(m.household for m in page if m.household_id == household_id)
            prefs = selectors.preferences_of(household, selectors.people_of(household))
            documents += [preference_document(m, prefs[m.pk]) for m in page if m.household_id == household_id]
        return self.get_paginated_response(documents)

    def retrieve(self, request: Request, pk: int) -> Response:
        return Response(self._document(self.get_object()))

    def update(self, request: Request, pk: int, partial: bool = False) -> Response:
        about = self.get_object()
        current = self._document(about)
        serializer = NightPreferenceSerializer(data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        merged = current | dict(serializer.validated_data)
        preference = Preference(
            merged["night_from"],
            merged["night_until"],
            "".join(str(d) for d in sorted(set(merged["work_mornings"]))),
            dt.timedelta(minutes=merged.get("target_minutes") or DEFAULT_TARGET.total_seconds() // 60),
            merged["available_for_nights"],
            merged["breastfeeds"],
        )
        services.save_preference(
            member=_acting(request.user, about.household_id), about=about, preference=preference
        )
        return Response(self._document(about))

    def partial_update(self, request: Request, pk: int) -> Response:
        return self.update(request, pk, partial=True)
