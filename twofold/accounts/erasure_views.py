"""Deleting an account, deleting a household, and a member's own download. The rules are in erasure.py."""

from __future__ import annotations

from typing import cast

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from twofold.accounts import erasure
from twofold.accounts.erasure_forms import ACCOUNT_PHRASE, DeleteAccountForm, DeleteHouseholdForm
from twofold.accounts.personal_export import personal_filename, personal_json
from twofold.audit.models import Action
from twofold.audit.services import record
from twofold.care.models import CareEvent
from twofold.households.access import MemberRequest, parent_required
from twofold.households.middleware import SESSION_KEY
from twofold.households.models import Member


def _sent(request: HttpRequest) -> QueryDict | None:
    # An empty POST is still a refusal to check, not a fresh page.
    return request.POST if request.method == "POST" else None


@login_required
def delete_account(request: HttpRequest) -> HttpResponse:
    user = cast(User, request.user)
    departure = erasure.departure_of(user)
    form = DeleteAccountForm(_sent(request), user=user, ending=departure.households_ending)
    if request.method == "POST" and form.is_valid():
        erasure.delete_account(user=user)
        logout(request)
        return redirect("accounts:deleted")
    context = {"form": form, "departure": departure, "phrase": ACCOUNT_PHRASE}
    return render(request, "accounts/delete_account.html", context, status=400 if form.errors else 200)


@require_GET
def account_deleted(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/account_deleted.html")


@parent_required
def delete_household(request: MemberRequest) -> HttpResponse:
    household = request.household
    form = DeleteHouseholdForm(_sent(request), household=household)
    if request.method == "POST" and form.is_valid():
        erasure.delete_household(
            household=household, actor=request.user, actor_name=request.member.display_name
        )
        request.session.pop(SESSION_KEY, None)
        messages.success(request, f"{household.name} is deleted, with everything in it.")
        # Someone with another household lands in it; anyone else on the page to start or join one.
        return redirect("home:today")
    context = {
        "form": form,
        "members": Member.objects.current().filter(household=household).order_by("joined_at", "id"),
        "children": household.children.all(),
        "events": CareEvent.objects.filter(household=household).count(),
    }
    return render(request, "accounts/delete_household.html", context, status=400 if form.errors else 200)


@require_GET
@login_required
def download(request: HttpRequest) -> HttpResponse:
    """Everything Twofold holds about the person asking, as one JSON file."""
    user = cast(User, request.user)
    record(
        action=Action.EXPORT_DOWNLOADED,
        actor=user,
        actor_name=user.first_name or user.get_username(),
        concerns=[user],
        detail="Everything Twofold holds about them, as JSON",
    )
    response = HttpResponse(personal_json(user), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{personal_filename(user)}"'
    return response
