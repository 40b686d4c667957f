"""The circle's pages: the circle itself, asking, one request and its moves, standing offers, living apart."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from twofold.circle import page, selectors, services
from twofold.circle.forms import AskForm, OfferForm
from twofold.circle.models import Kind, StandingOffer
from twofold.households.access import MemberRequest, member_required, parent_required
from twofold.households.models import Member


def _say_problem(request: MemberRequest, error: ValidationError) -> None:
    for problems in error.message_dict.values():
        for problem in problems:
            messages.error(request, problem)


@member_required
@require_GET
def home(request: MemberRequest) -> HttpResponse:
    context = page.circle_context(request.member, timezone.now())
    context["offer_form"] = OfferForm()
    return render(request, "circle/home.html", context)


def _initial(request: MemberRequest) -> dict[str, object]:
    household = request.household
    kind = request.GET.get("kind", Kind.NIGHT)
    initial: dict[str, object] = {"kind": kind if kind in Kind.values else Kind.NIGHT}
    try:
        initial["day"] = dt.date.fromisoformat(request.GET.get("day", ""))
    except ValueError:
        initial["day"] = timezone.now().astimezone(household.zone).date()
    if initial["kind"] == Kind.NIGHT:
        initial |= {"start": household.night_start, "end": household.night_end}
    return initial


@parent_required
def ask(request: MemberRequest) -> HttpResponse:
    circle = selectors.circle_people(request.household.pk)
    form = AskForm(
        request.POST or None, household=request.household, circle=circle, initial=_initial(request)
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            made = services.ask(
                member=request.member,
                kind=data["kind"],
                starts=data["starts"],
                ends=data["ends"],
                place=data["place"],
                note=data["note"],
                helpers_needed=data["helpers_needed"],
                for_everyone=data["who"] == "everyone",
                shown_to=list(data["shown_to"]) if data["who"] == "chosen" else [],
            )
        except ValidationError as error:
            for field, problems in error.message_dict.items():
                form.add_error(
                    field if field in form.fields else ("day" if field == "starts" else None), problems
                )
        else:
            messages.success(request, "Asked. Your circle sees it now.")
            return redirect("circle:request", request_id=made.pk)
    offers = list(selectors.offers_of(request.household.pk))
    return render(request, "circle/ask.html", {"form": form, "offers": offers, "circle": circle})


@member_required
@require_GET
def detail(request: MemberRequest, request_id: int) -> HttpResponse:
    found = selectors.request_for(member=request.member, request_id=request_id)
    now = timezone.now()
    row = selectors.rows_of(request.member, [found], now)[0]
    names = selectors.names_of(request.household.pk)
    line = page.shown([row], names, request.household.zone, now)[0]
    member = request.member
    people = [
        {"taking": t, "promise": p, "name": names.get(t.member_id, "Someone who left")}
        for t, p in zip(row.takings, row.promises, strict=True)
        if member.is_parent or t.member_id == member.pk
    ]
    return render(
        request,
        "circle/request.html",
        {
            "s": line,
            "people": people,
            "asker": names.get(found.asked_by_id or 0, "a parent"),
            "member": member,
            "started": now >= found.starts,
        },
    )


def _act(request: MemberRequest, request_id: int, done: str, action: object) -> HttpResponse:
    found = selectors.request_for(member=request.member, request_id=request_id)
    try:
        action(found)  # type: ignore[operator]
    except ValidationError as error:
        _say_problem(request, error)
    else:
        messages.success(request, done)
    back = request.POST.get("next", "")
    # Only a path on this site: never send anyone elsewhere.
    if back.startswith("/") and not back.startswith("//"):
        return redirect(back)
    return redirect("circle:request", request_id=request_id)


@member_required
@require_POST
def take(request: MemberRequest, request_id: int) -> HttpResponse:
    return _act(
        request,
        request_id,
        "Thank you: it's yours. The parents can see you've taken it.",
        lambda r: services.take(member=request.member, request=r),
    )


@member_required
@require_POST
def give_back(request: MemberRequest, request_id: int) -> HttpResponse:
    return _act(
        request,
        request_id,
        "Given back. The parents can see it's open again.",
        lambda r: services.give_back(member=request.member, request=r),
    )


@member_required
@require_POST
def mark(request: MemberRequest, request_id: int) -> HttpResponse:
    taker_id = request.POST.get("taker", "")
    taker = (
        Member.objects.filter(household=request.household, pk=int(taker_id)).first()
        if taker_id.isdigit()
        else None
    )
    if taker is None:
        raise Http404("No such person in your household.")
    outcome = request.POST.get("outcome", "")
    return _act(
        request,
        request_id,
        "Marked.",
        lambda r: services.mark(member=request.member, request=r, taker=taker, outcome=outcome),
    )


@parent_required
@require_POST
def withdraw(request: MemberRequest, request_id: int) -> HttpResponse:
    if request.POST.get("undo"):
        return _act(
            request, request_id, "Asked again.", lambda r: services.reopen(member=request.member, request=r)
        )
    return _act(
        request,
        request_id,
        "Withdrawn. Anyone who had taken it can see that.",
        lambda r: services.withdraw(member=request.member, request=r),
    )


@member_required
@require_POST
def add_offer(request: MemberRequest) -> HttpResponse:
    form = OfferForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.add_offer(
                member=request.member,
                kind=data["kind"],
                words=data["words"],
                weekdays="".join(data["weekdays"]),
            )
        except ValidationError as error:
            _say_problem(request, error)
        else:
            messages.success(request, "Thank you. The parents see your offer when they ask.")
            return redirect("circle:home")
    context = page.circle_context(request.member, timezone.now()) | {"offer_form": form}
    return render(request, "circle/home.html", context, status=400)


@member_required
@require_POST
def remove_offer(request: MemberRequest, offer_id: int) -> HttpResponse:
    offer = get_object_or_404(StandingOffer, pk=offer_id, household=request.household)
    services.remove_offer(member=request.member, offer=offer)
    messages.success(request, "Offer removed.")
    return redirect("circle:home")


@parent_required
@require_POST
def living(request: MemberRequest, member_id: int) -> HttpResponse:
    about = get_object_or_404(Member, pk=member_id, household=request.household)
    apart = request.POST.get("apart") == "1"
    try:
        replanned = services.set_living_apart(member=request.member, about=about, apart=apart)
    except ValidationError as error:
        _say_problem(request, error)
    else:
        messages.success(request, page.moved_words(about.display_name, apart, replanned))
    return redirect("circle:home")
