"""The composed pages: Today, Us and the household export. Each gathers the sections listed in sections.py."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from twofold.care.today import today_context as care_today
from twofold.care.undo import take_undo
from twofold.home.export import export_zip, zip_filename
from twofold.home.sections import TODAY_CARDS, US_PARTS, TodayAsk
from twofold.households.access import MemberRequest, member_required, parent_required
from twofold.insights.us import week_page


@member_required
def today(request: MemberRequest) -> HttpResponse:
    now = timezone.now()
    context = care_today(member=request.member, now=now)
    ask = TodayAsk(member=request.member, now=now, children=[day.child for day in context["days"]])
    for card in TODAY_CARDS:
        context[card.name] = card.build(ask)
    context |= {"cards": TODAY_CARDS, "now": now, "undo": take_undo(request.session)}
    return render(request, "home/today.html", context)


@parent_required
def us(request: MemberRequest) -> HttpResponse:
    now = timezone.now()
    page = week_page(member=request.member, wanted=request.GET.get("week", ""), now=now)
    context = dict(page.context)
    for part in US_PARTS:
        context[part.name] = part.build(request.member, page.report, now)
    context["parts"] = US_PARTS
    return render(request, "home/us.html", context, status=page.status)


@parent_required
def export(request: MemberRequest) -> HttpResponse:
    """The household's whole log as JSON and CSV in one zip: the family's data is theirs to take."""
    response = HttpResponse(export_zip(request.household), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{zip_filename(request.household)}"'
    return response
