"""How a night plan, and a plan set beside the log, read over the API."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rest_framework import serializers

from twofold.households.api import HouseholdDateTimeField
from twofold.nights.against import NightAgainstPlan
from twofold.nights.models import Fairness, Feeding, HowMade, NightPlan


class NightShiftSerializer(serializers.Serializer[dict[str, Any]]):
    member = serializers.IntegerField(help_text="The member on duty.")
    name = serializers.CharField(read_only=True)
    # Sent without a UTC offset, a shift's times are the household's clock time (the view gives the zone).
    start = HouseholdDateTimeField()
    end = HouseholdDateTimeField()
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
