"""The summary for the health visitor or doctor: parents only, one printable page per child."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone

from twofold.health.forms import SummaryForm
from twofold.health.pages import summaries
from twofold.households.access import MemberRequest, parent_required
from twofold.households.selectors import children_of


def _chosen_notes(values: list[str]) -> set[int]:
    # Ids of notes in the period only count if they are this household's (summaries() offers only those).
    return {int(v) for v in values if v.isdigit() and len(v) < 19}


@parent_required
def summary(request: MemberRequest) -> HttpResponse:
    household = request.household
    now = timezone.now()
    today = now.astimezone(household.zone).date()
    children = list(children_of(household=household))
    form = SummaryForm(request.GET or None, children=[(c.pk, c.name) for c in children], today=today)
    context = {"form": form, "pages": [], "now": now}
    if form.is_bound and not form.is_valid():
        return render(request, "health/summary.html", context, status=400)
    data = form.cleaned_data if form.is_bound else {}
    first = data.get("since") or form.fields["since"].initial
    last = data.get("until") or form.fields["until"].initial
    chosen = [c for c in children if data.get("child") in (None, c.pk)]
    context["pages"] = summaries(
        household=household,
        children=chosen,
        first=first,
        last=last,
        chosen_notes=_chosen_notes(request.GET.getlist("notes")),
        now=now,
    )
    context |= {"first": first, "last": last, "added": data.get("add", "")}
    return render(request, "health/summary.html", context)
