"""The summary for the health visitor or doctor: parents only, one printable page per child, and the same as
a PDF."""

from __future__ import annotations

from typing import Any

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


def _read(request: MemberRequest) -> tuple[dict[str, Any], bool]:
    """The page's context from the query string, and whether the choices were good."""
    household = request.household
    now = timezone.now()
    today = now.astimezone(household.zone).date()
    # The household is the request's: growth's pages read it from each child without another query.
    children = list(children_of(household=household))
    for child in children:
        child.household = household
    form = SummaryForm(request.GET or None, children=[(c.pk, c.name) for c in children], today=today)
    chosen_notes = _chosen_notes(request.GET.getlist("notes"))
    context: dict[str, Any] = {"form": form, "pages": [], "now": now}
    if form.is_bound and not form.is_valid():
        # No summary for days the parent did not choose; the notes they ticked ride along until they do.
        return context | {"kept_notes": sorted(chosen_notes)}, False
    data = form.cleaned_data if form.is_bound else {}
    first = data.get("since") or form.fields["since"].initial
    last = data.get("until") or form.fields["until"].initial
    chosen = [c for c in children if data.get("child") in (None, c.pk)]
    context["pages"] = summaries(
        household=household,
        children=chosen,
        first=first,
        last=last,
        chosen_notes=chosen_notes,
        now=now,
    )
    return context | {"first": first, "last": last, "added": data.get("add", "")}, True


@parent_required
def summary(request: MemberRequest) -> HttpResponse:
    context, good = _read(request)
    return render(request, "health/summary.html", context, status=200 if good else 400)


@parent_required
def summary_pdf_download(request: MemberRequest) -> HttpResponse:
    """The same summary as a PDF; bad choices get the page with its errors, as the page would."""
    context, good = _read(request)
    if not good:
        return render(request, "health/summary.html", context, status=400)
    # fpdf is imported here, not at the top: it costs every process 0.4 s to start (each `twofold` command,
    # each server worker), and only this download needs it.
    from twofold.health.pdf import summary_pdf

    first, last = context["first"], context["last"]
    document = summary_pdf(
        pages=context["pages"], household=request.household, first=first, last=last, added=context["added"]
    )
    response = HttpResponse(document, content_type="application/pdf")
    name = f"twofold-summary-{first:%Y-%m-%d}-to-{last:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
