"""Household pages: make one, set it up, invite people, join, leave and switch. One view per action."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from twofold.households import notices, selectors, services
from twofold.households.access import MemberRequest, member_required, parent_required
from twofold.households.forms import ChildForm, HouseholdForm, InviteForm, ProfileForm
from twofold.households.invitations import InvitationState, InvitationUnusable, rows_for, whom_to_ask
from twofold.households.middleware import SESSION_KEY


@login_required
def start(request: HttpRequest) -> HttpResponse:
    """First login: make a household and your place in it. Someone removed from their only household
    lands here too, and is told so, with the way to their own results."""
    household_form = HouseholdForm(request.POST or None, prefix="household")
    profile_form = ProfileForm(
        request.POST or None,
        prefix="me",
        initial={"display_name": request.user.first_name},  # type: ignore[union-attr]
    )
    if request.method == "POST" and household_form.is_valid() and profile_form.is_valid():
        member = services.create_household(
            user=request.user,  # type: ignore[arg-type]
            **household_form.cleaned_data,
            **profile_form.cleaned_data,
        )
        request.session[SESSION_KEY] = member.household_id
        messages.success(request, f"Welcome to {member.household.name}. Now add your baby.")
        return redirect("households:child_add")
    removed = _removals_to_explain(request.user.pk)
    # Someone who left by themselves has their own results waiting too.
    was_a_member = not removed and selectors.former_memberships(user_id=request.user.pk).exists()
    return render(
        request,
        "households/start.html",
        {
            "household_form": household_form,
            "profile_form": profile_form,
            "removed": removed,
            "was_a_member": was_a_member,
        },
    )


def _removals_to_explain(user_id: int | None) -> list[str]:
    """For someone with no household now: why, if a parent removed them. Shown here counts as told."""
    if user_id is None or selectors.active_memberships(user_id=user_id).exists():
        return []
    found = notices.removals(user_id=user_id)
    notices.mark_seen(found)
    return [notices.removal_notice(member) for member in found]


@member_required
def settings_page(request: MemberRequest) -> HttpResponse:
    return render(request, "households/settings.html", _settings_context(request))


def _settings_context(request: MemberRequest, **extra: object) -> dict[str, object]:
    member = request.member
    household = request.household
    now = timezone.now()
    context: dict[str, object] = {
        "household_form": HouseholdForm(instance=household, prefix="household"),
        "profile_form": ProfileForm(instance=member, prefix="me"),
        "invite_form": InviteForm(),
        "members": selectors.members_of(household=household).select_related("user"),
        "children": selectors.children_of(household=household),
        "invitations": rows_for(list(selectors.recent_invitations(household=household, now=now)), now=now),
        "memberships": selectors.active_memberships(user_id=request.user.pk),
        "now": now,
    }
    context.update(extra)
    return context


@require_POST
@parent_required
def edit_household(request: MemberRequest) -> HttpResponse:
    form = HouseholdForm(request.POST, instance=request.household, prefix="household")
    if form.is_valid():
        services.update_household(member=request.member, **form.cleaned_data)
        messages.success(request, "Household details saved.")
        return redirect("households:settings")
    return render(
        request, "households/settings.html", _settings_context(request, household_form=form), status=400
    )


@require_POST
@member_required
def edit_profile(request: MemberRequest) -> HttpResponse:
    form = ProfileForm(request.POST, instance=request.member, prefix="me")
    if form.is_valid():
        services.update_member(member=request.member, **form.cleaned_data)
        messages.success(request, "Your details are saved.")
        return redirect("households:settings")
    return render(
        request, "households/settings.html", _settings_context(request, profile_form=form), status=400
    )


@parent_required
def add_child(request: MemberRequest) -> HttpResponse:
    form = ChildForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            child = services.add_child(member=request.member, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{child.name} is added. You can start logging care.")
            return redirect("care:quick_log")
    status = 400 if request.method == "POST" else 200
    return render(request, "households/child_form.html", {"form": form, "child": None}, status=status)


@parent_required
def edit_child(request: MemberRequest, child_id: int) -> HttpResponse:
    child = selectors.get_child_for_member(member=request.member, child_id=child_id)
    form = ChildForm(request.POST or None, instance=child)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_child(member=request.member, child=child, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, f"{child.name}'s details are saved.")
            return redirect("households:settings")
    status = 400 if request.method == "POST" else 200
    return render(request, "households/child_form.html", {"form": form, "child": child}, status=status)


@require_POST
@parent_required
def create_invitation(request: MemberRequest) -> HttpResponse:
    form = InviteForm(request.POST)
    if not form.is_valid():
        return render(
            request, "households/settings.html", _settings_context(request, invite_form=form), status=400
        )
    new = services.invite(member=request.member, role=form.cleaned_data["role"])
    link = request.build_absolute_uri(reverse("households:join", args=[new.token]))
    return render(request, "households/invite_created.html", {"link": link, "invitation": new.invitation})


@require_POST
@parent_required
def revoke_invitation(request: MemberRequest, invitation_id: int) -> HttpResponse:
    invitation = selectors.get_invitation_for_member(member=request.member, invitation_id=invitation_id)
    services.revoke_invitation(member=request.member, invitation=invitation)
    messages.success(request, "The invitation is withdrawn: its link no longer works.")
    return redirect("households:settings")


def join(request: HttpRequest, token: str) -> HttpResponse:
    """An invitation link. One that no longer works says so to whoever opens it, and whom to ask for a new
    one; with a working one, logged-out visitors log in or sign up first and come back here."""
    try:
        invitation = services.find_invitation(token=token)
    except InvitationUnusable as problem:
        return _link_did_not_work(request, problem)
    if not request.user.is_authenticated:
        # Before an account is asked for, the invitee sees who invited them, to what and as what.
        here = quote(request.get_full_path())
        context = {"invitation": invitation, "next": here}
        return render(request, "households/invited.html", context)
    form = ProfileForm(
        request.POST or None,
        prefix="me",
        initial={"display_name": request.user.first_name},
    )
    if request.method == "POST" and form.is_valid():
        try:
            member = services.accept_invitation(
                user=request.user,
                token=token,
                **form.cleaned_data,
            )
        except InvitationUnusable as problem:
            return _link_did_not_work(request, problem)
        except ValidationError as error:
            return render(request, "households/join_error.html", {"error": error.messages[0]}, status=400)
        request.session[SESSION_KEY] = member.household_id
        messages.success(request, f"You joined {member.household.name}.")
        return redirect("home:today")
    return render(request, "households/join.html", {"form": form, "invitation": invitation})


def _link_did_not_work(request: HttpRequest, problem: InvitationUnusable) -> HttpResponse:
    invitation = problem.invitation
    if invitation is None:
        row = None
    else:
        [row] = rows_for([invitation], now=timezone.now())
        accepted_by = invitation.accepted_by
        theirs = accepted_by is not None and accepted_by.is_active and accepted_by.user_id == request.user.pk
        if row.state is InvitationState.USED and theirs:
            # Their own link, opened again from the message it came in, and they are still a member.
            messages.info(request, f"You joined {invitation.household.name} with this link already.")
            return redirect("home:today")
    context = {"error": problem.messages[0], "row": row, "whom_to_ask": whom_to_ask(invitation)}
    return render(request, "households/join_error.html", context, status=400)


@parent_required
def remove_member(request: MemberRequest, member_id: int) -> HttpResponse:
    """A page that names who is removed and what they lose and keep; only its own button removes."""
    other = selectors.get_member_for_member(member=request.member, member_id=member_id)
    if other.pk == request.member.pk:
        messages.error(request, services.REMOVE_YOURSELF)
        return redirect("households:settings")
    if not other.is_active:
        messages.error(request, f"{other.display_name} is no longer in this household.")
        return redirect("households:settings")
    if request.method == "POST" and request.POST.get("confirm") == "remove":
        try:
            services.remove_member(by=request.member, member=other)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                f"{other.display_name} is removed. Their past care stays in the log, and they will be told "
                "the next time they come in.",
            )
        return redirect("households:settings")
    also_told = selectors.current_parents(household_id=request.household.pk).exclude(
        pk__in=[request.member.pk, other.pk]
    )
    context = {"other": other, "also_told": also_told.exists()}
    return render(request, "households/remove_confirm.html", context)


@require_POST
@member_required
def leave(request: MemberRequest) -> HttpResponse:
    try:
        services.leave_household(member=request.member)
    except ValidationError as error:
        messages.error(request, error.messages[0])
        return redirect("households:settings")
    request.session.pop(SESSION_KEY, None)
    messages.success(request, f"You left {request.household.name}.")
    return redirect("home:today")


@require_POST
@login_required
def switch(request: HttpRequest) -> HttpResponse:
    wanted = request.POST.get("household", "")
    memberships = selectors.active_memberships(user_id=request.user.pk)
    chosen = memberships.filter(household_id=int(wanted)).first() if wanted.isdigit() else None
    if chosen is None:
        messages.error(request, "Choose one of your households.")
        return redirect("households:settings")
    request.session[SESSION_KEY] = chosen.household_id
    messages.success(request, f"You are now in {chosen.household.name}.")
    return redirect("home:today")
