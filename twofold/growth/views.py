"""The growth page: thin, the reading is in `pages.py`."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from twofold.growth import selectors
from twofold.growth.centiles import KINDS
from twofold.growth.pages import KIND_NAMES, growth_page
from twofold.households.access import MemberRequest, member_required
from twofold.households.selectors import children_of
from twofold.households.units import units_of


@member_required
def growth(request: MemberRequest) -> HttpResponse:
    household = request.household
    children = list(children_of(household=household).select_related("household"))
    wanted = request.GET.get("child", "")
    child = next((c for c in children if wanted.isdigit() and c.pk == int(wanted)), None)
    child = child or (children[0] if children else None)
    kind = request.GET.get("kind", "weight")
    kind = kind if kind in KINDS else "weight"
    context: dict[str, Any] = {
        "children": children,
        "child": child,
        "kind": kind,
        "kinds": KIND_NAMES.items(),
    }
    if child is not None:
        context["page"] = growth_page(
            child=child,
            measured=selectors.measurements(child=child, kind=kind),
            kind=kind,
            asked=request.GET.get("reference", ""),
            units=units_of(household),
            today=timezone.localdate(timezone=household.zone),
        )
    return render(request, "growth/growth.html", context)
