"""The printable weekly summary: parents only. The Us page itself is composed on the top floor."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from twofold.households.access import MemberRequest, parent_required
from twofold.insights.us import week_page


@parent_required
def summary(request: MemberRequest) -> HttpResponse:
    page = week_page(member=request.member, wanted=request.GET.get("week", ""), now=timezone.now())
    return render(request, "insights/summary.html", page.context, status=page.status)
