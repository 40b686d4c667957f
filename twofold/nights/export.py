"""What the nights app adds to the household's export (see care/export.py): every plan with its shifts,
and each member's night preferences. Calendar secrets are never exported (only their fingerprint is kept)."""

from __future__ import annotations

from typing import Any

from twofold.households.models import Household
from twofold.nights.models import NightPlan, NightPreference, NightSettings


def export_section(household: Household) -> Any:
    plans = NightPlan.objects.filter(household=household).prefetch_related("shifts").order_by("night")
    prefs = NightPreference.objects.filter(household=household).order_by("member_id")
    fairness = NightSettings.objects.filter(household=household).values_list("fairness", flat=True).first()
    return {
        "fairness": fairness or "even",
        "preferences": [
            {
                "member": p.member_id,
                "night_from": p.night_from.isoformat() if p.night_from else None,
                "night_until": p.night_until.isoformat() if p.night_until else None,
                "work_mornings": [int(d) for d in p.work_mornings],
                "target_minutes": p.target_minutes,
                "available_for_nights": p.available_for_nights,
                "breastfeeds": p.breastfeeds,
            }
            for p in prefs
        ],
        "plans": [
            {
                "id": plan.pk,
                "night": plan.night.isoformat(),
                "how": plan.how,
                "made_by": plan.made_by_id,
                "feeding": plan.feeding,
                "feeder": plan.feeder_id,
                "fairness": plan.fairness,
                "helper_night": plan.helper_night,
                "shifts": [
                    {"member": s.member_id, "start": s.start.isoformat(), "end": s.end.isoformat()}
                    for s in sorted(plan.shifts.all(), key=lambda s: s.start)
                ],
                "protected": plan.protected,
                "explanation": plan.lines,
                "unmet": plan.unmet_lines,
                "created_at": plan.created_at.isoformat(),
                "updated_at": plan.updated_at.isoformat(),
            }
            for plan in plans
        ],
    }
