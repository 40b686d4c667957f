"""Starting and stopping timers at the moment of the tap; a timer started offline stops by its client_id."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from twofold.care import outbox, selectors, services
from twofold.care.forms import TimerForm
from twofold.care.labels import event_label
from twofold.care.models import CareEvent
from twofold.care.views import back_to
from twofold.households.access import MemberRequest, member_required
from twofold.households.models import Child

CHOOSE_TIMER = "Choose a child and a timer, then try again."
NEVER_STARTED = (
    "This timer never started on Twofold (its start was refused or discarded), so there is nothing to stop."
)


def _already_running(child: Child, kind: str, label: str) -> str:
    running = selectors.running_timer_of(child=child, kind=kind)
    if running is None:
        return ""
    who, when = running.logged_by.display_name, outbox.at_local(running.start)
    return (
        f"{who}'s phone already started a {label.lower()} for {child.name} at {when}, "
        "so this one was not started. Stop that one when it ends."
    )


@require_POST
@member_required
def start_timer(request: MemberRequest) -> HttpResponse:
    form = TimerForm(request.POST, household=request.household)
    if not form.is_valid():
        if outbox.from_outbox(request):
            return outbox.answer(400, CHOOSE_TIMER, errors=outbox.form_errors(form))
        messages.error(request, CHOOSE_TIMER)
        return redirect("care:quick_log")
    data = form.cleaned_data
    tap = outbox.tap_of(request)
    try:
        started = services.start_timer(
            member=request.member,
            child=data["child"],
            kind=data["kind"],
            by=data["by"],
            details=form.details(),
            client_id=data["client_id"],
            start=tap.at,
            clock_note=tap.clock_note,
        )
    except ValidationError as error:
        label = event_label(data["kind"], request.household.locale)
        text = _already_running(data["child"], data["kind"], label) or outbox.error_text(error)
        if outbox.from_outbox(request):
            return outbox.answer(409, text)
        messages.error(request, text)
    else:
        if outbox.from_outbox(request):
            label = event_label(data["kind"], request.household.locale)
            return outbox.answer(
                201 if started.created else 200, f"{label} timer started.", event=started.event.pk
            )
    return back_to(request, f"{reverse('care:quick_log')}?child={data['child'].pk}")


def _stop(request: MemberRequest, event: CareEvent) -> HttpResponse:
    label = event_label(event.kind, request.household.locale)
    if event.deleted_at is not None:
        text = outbox.deleted_text(event, label)
        if outbox.from_outbox(request):
            return outbox.answer(410, text)
        messages.error(request, text)
        return redirect("home:today")
    tap = outbox.tap_of(request)
    try:
        services.stop_timer(member=request.member, event=event, end=tap.at, clock_note=tap.clock_note)
    except ValidationError as error:
        text = outbox.error_text(error)
        if event.end is not None and not event.running:
            text = f"{label} already stopped at {outbox.at_local(event.end)}."
        if outbox.from_outbox(request):
            return outbox.answer(409, text)
        messages.error(request, text)
    else:
        messages.success(request, f"{label} stopped. Add details if you like.")
        if outbox.from_outbox(request):
            return outbox.answer(200, f"{label} stopped.", event=event.pk)
    return back_to(request, reverse("care:event_edit", args=[event.pk]))


@require_POST
@member_required
def stop_timer(request: MemberRequest, event_id: int) -> HttpResponse:
    event = selectors.get_event_for_member(member=request.member, event_id=event_id, include_deleted=True)
    return _stop(request, event)


@require_POST
@member_required
def stop_timer_by_client(request: MemberRequest) -> HttpResponse:
    """The outbox's stop for a timer started offline, known by the client_id its start was sent with."""
    event = selectors.get_event_by_client_id(member=request.member, client_id=request.POST.get("timer", ""))
    if event is None:
        if outbox.from_outbox(request):
            return outbox.answer(404, NEVER_STARTED)
        raise Http404(NEVER_STARTED)
    return _stop(request, event)
