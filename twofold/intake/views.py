"""The intake pages, parents only, and each writing for its author only (anyone else gets 404)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from twofold.households.access import MemberRequest, parent_required
from twofold.intake import pages, selectors, services
from twofold.intake.forms import WritingForm
from twofold.intake.models import OfferAnswered
from twofold.intake.reader import read
from twofold.sealing import SEALED_WITH_ANOTHER_KEY

HISTORY = 8  # the writings shown side by side over time


@parent_required
def home(request: MemberRequest) -> HttpResponse:
    form = WritingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        writing = services.keep_writing(author=request.member, text=form.cleaned_data["text"])
        return redirect("intake:writing", writing_id=writing.pk)
    writings = list(selectors.writings_of(request.member)[:HISTORY])
    return render(
        request,
        "intake/home.html",
        {"form": form, "writings": writings, "over_time": pages.over_time(writings)},
        status=400 if form.errors else 200,
    )


@parent_required
def writing(request: MemberRequest, writing_id: int) -> HttpResponse:
    found = selectors.get_own_writing(member=request.member, writing_id=writing_id)
    text = selectors.text_of(found)
    if text is None:
        return render(
            request, "intake/writing.html", {"writing": found, "sealed_note": SEALED_WITH_ANOTHER_KEY}
        )
    reading = read(text)
    context = pages.reading_context(request.member, reading)
    shared = pages.share_context(request.member, found, reading)
    return render(request, "intake/writing.html", {"writing": found, **context, **shared})


@parent_required
@require_POST
def not_now(request: MemberRequest) -> HttpResponse:
    """Today's offer answered "not now": it is not made again; the line on Today stays."""
    OfferAnswered.objects.get_or_create(member=request.member)
    return redirect("home:today")


@parent_required
@require_POST
def delete(request: MemberRequest, writing_id: int) -> HttpResponse:
    found = selectors.get_own_writing(member=request.member, writing_id=writing_id)
    services.delete_writing(writing=found)
    messages.success(request, "Deleted. It is gone from Twofold.")
    return redirect("intake:home")


@parent_required
@require_POST
def share(request: MemberRequest, writing_id: int) -> HttpResponse:
    """The author shares the situations they ticked with the other parent(s); nothing else leaves."""
    found = selectors.get_own_writing(member=request.member, writing_id=writing_id)
    try:
        services.share_summary(writing=found, situations=request.POST.getlist("situations"))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Shared. You can take it back at any time.")
    return redirect("intake:writing", writing_id=found.pk)


@parent_required
@require_POST
def withdraw(request: MemberRequest, writing_id: int) -> HttpResponse:
    found = selectors.get_own_writing(member=request.member, writing_id=writing_id)
    services.withdraw_summary(writing=found)
    messages.success(request, "Taken back. Nobody else sees anything of this writing now.")
    return redirect("intake:writing", writing_id=found.pk)
