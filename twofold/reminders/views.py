"""The one page where a member chooses what they receive, pauses it, and sees what was sent."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from twofold.households.access import MemberRequest, member_required, parent_required
from twofold.push import selectors as push_selectors
from twofold.push import vapid
from twofold.reminders import selectors, services
from twofold.reminders.forms import FeedIntervalForm, PauseForm, ReminderSettingsForm
from twofold.reminders.models import FeedInterval


@member_required
def reminders(request: MemberRequest) -> HttpResponse:
    choice = selectors.settings_for(request.member)
    form = ReminderSettingsForm(
        request.POST if request.method == "POST" else None,
        initial={
            "topics": choice.topics,
            "night_reminders": choice.night_reminders,
            "in_my_block": choice.in_my_block,
            "quiet_from": choice.quiet_from,
            "quiet_until": choice.quiet_until,
            "email": choice.email,
        },
    )
    if request.method == "POST" and form.is_valid():
        services.save_settings(member=request.member, data=form.cleaned_data)
        messages.success(request, "Saved. Reminders follow your new choices from the next minute.")
        return redirect("reminders:home")
    interval = FeedInterval.objects.filter(household=request.household).first()
    context = {
        "form": form,
        "pause_form": PauseForm(),
        "interval_form": FeedIntervalForm(initial={"minutes": interval.minutes if interval else None}),
        "paused_until": choice.paused_until
        if choice.paused_until and choice.paused_until > timezone.now()
        else None,
        "has_email": bool(request.user.email),
        # The devices this person allowed, on the same page as what they receive (push keeps them).
        "devices": push_selectors.devices_of(user=request.user),
        "public_key": vapid.public_key(),
        "notifications": selectors.notifications_for(request.member)[:30],
    }
    return render(request, "reminders/reminders.html", context, status=400 if form.errors else 200)


@require_POST
@member_required
def pause(request: MemberRequest) -> HttpResponse:
    if "resume" in request.POST:
        services.pause(member=request.member, until=None)
        messages.success(request, "Reminders are back on.")
        return redirect("reminders:home")
    form = PauseForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose how long to pause for.")
        return redirect("reminders:home")
    until = timezone.now() + dt.timedelta(hours=form.cleaned_data["hours"])
    services.pause(member=request.member, until=until)
    local = timezone.localtime(until)
    messages.success(request, f"Paused until {local:%a %H:%M}. Nothing is sent to you until then.")
    return redirect("reminders:home")


@require_POST
@parent_required
def feed_interval(request: MemberRequest) -> HttpResponse:
    form = FeedIntervalForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The feed interval must be between 30 and 480 minutes, or empty to learn it.")
        return redirect("reminders:home")
    services.set_feed_interval(household=request.household, minutes=form.cleaned_data["minutes"])
    messages.success(request, "Saved the feed interval for your household.")
    return redirect("reminders:home")


@require_GET
@member_required
def recent(request: MemberRequest) -> HttpResponse:
    """The in-app list every page loads after it is shown (base.html), so no page pays a query for it."""
    back = request.GET.get("next", "")
    if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
        back = ""
    context = {"recent_notifications": selectors.recent_for(request.member), "back": back}
    return render(request, "reminders/_recent.html", context)


@require_POST
@member_required
def mark_read(request: MemberRequest) -> HttpResponse:
    services.mark_read(member=request.member, now=timezone.now())
    back = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect("reminders:home")
