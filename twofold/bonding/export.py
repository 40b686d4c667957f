"""What the bonding app adds to the household's export (see care/export.py): plans, each child's settling
trend per caregiver and week, and each child's daily crying minutes since the birth."""

from __future__ import annotations

from typing import Any

from django.utils import timezone

from twofold.bonding import selectors
from twofold.bonding.documents import crying_days_document, plan_document, trend_document
from twofold.bonding.reports import crying_report, settling_report
from twofold.households.models import Household
from twofold.households.selectors import children_of

WHOLE_LOG_WEEKS = 60  # the first year and a little more: the trend's window in the export


def export_section(household: Household) -> Any:
    now = timezone.now()
    names = selectors.names_of(household=household)
    children = []
    for child in children_of(household=household).select_related("household"):
        age_days = max(1, (now.astimezone(household.zone).date() - child.birth_date).days + 1)
        children.append(
            {
                "child": child.pk,
                "name": child.name,
                "settling_trend": trend_document(
                    settling_report(child=child, now=now, weeks=WHOLE_LOG_WEEKS, names=names)
                ),
                "crying_days": crying_days_document(crying_report(child=child, now=now, days=age_days)),
            }
        )
    plans = [plan_document(p) for p in selectors.plans_of(household=household).order_by("id")]
    return {"plans": plans, "children": children}
