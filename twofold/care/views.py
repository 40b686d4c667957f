"""Care pages: Quick log, Today, History, and editing an event. Views parse, call a service, render."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from twofold.care import hooks, outbox, selectors, services
from twofold.care.details import within_range
from twofold.care.forms import EventForm, detail_initial
from twofold.care.history import history_filter_from
from twofold.care.kinds import definition
from twofold.care.labels import event_label, kind_tiles
from twofold.care.models import CareEvent, Kind, NappyContents
from twofold.care.paging import page_number, page_of
from twofold.care.rows import EventRow
from twofold.care.timeline import TimelineItem, timeline
from twofold.care.undo import forget_undo, remember_undo, take_undo
from twofold.care.worker import worker_context
from twofold.households.access import MemberRequest, member_required
from twofold.households.selectors import children_of, members_of
from twofold.households.units import units_of

HISTORY_PAGE_SIZE = 25  # about three phone screens
HISTORY_FILTERS = ("child", "kind", "by", "date_from", "date_to")


def back_to(request: HttpRequest, default: str) -> HttpResponse:
    """Back to the page the form came from (`next`), if it is this site's; else to `default`."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect(default)


def _chosen_child_id(request: MemberRequest, children: list[Any]) -> int | None:
    wanted = request.GET.get("child", "")
    ids = [c.pk for c in children]
    if wanted.isdigit() and int(wanted) in ids:
        return int(wanted)
    return ids[0] if ids else None


def _chosen_by_id(request: MemberRequest, members: list[Any]) -> int:
    """Who the quick log records as doing the care: you, unless you tapped someone else."""
    wanted = request.GET.get("by", "")
    if wanted.isdigit() and int(wanted) in {m.pk for m in members}:
        return int(wanted)
    return request.member.pk


def _on_duty_first(members: list[Any], on_duty_id: int | None) -> list[Any]:
    """The picker's order: the person on duty tonight first (a stable sort keeps the rest as they were)."""
    return sorted(members, key=lambda m: m.pk != on_duty_id)


@member_required
def quick_log(request: MemberRequest) -> HttpResponse:
    children = list(children_of(household=request.household))
    if not children and request.member.is_parent:
        messages.info(request, "Add your baby first, then you can log care.")
        return redirect("households:child_add")
    now = timezone.now()
    on_duty_id = hooks.on_duty(household=request.household, now=now)
    if not request.member.is_parent and on_duty_id != request.member.pk:
        on_duty_id = None  # nights are the parents' pages: a helper learns only of their own shift
    members = _on_duty_first(list(members_of(household=request.household)), on_duty_id)
    child_id = _chosen_child_id(request, children)
    child = next((c for c in children if c.pk == child_id), None)
    running = selectors.running_timers(member=request.member)
    context = {
        "children": children,
        "child_id": child_id,
        "members": members,
        "on_duty_id": on_duty_id,
        "by_id": _chosen_by_id(request, members),
        "tiles": kind_tiles(request.household.locale),
        "running": running,
        # A breastfeed cannot start beside a running feed: Quick log says so instead of offering the sides.
        "feed_running": any(r.kind == Kind.FEED and r.child_id == child_id for r in running),
        "undo": take_undo(request.session),
        "nappy_choices": NappyContents.choices,
        "shortcuts": (
            selectors.quick_shortcuts(child=child, unit=request.household.volume_unit, now=now)
            if child is not None
            else None
        ),
        "now": now,
        # A fever card in a young baby shows here at once, where it was logged (twofold/health).
        "alerts": hooks.alerts(household=request.household, children=children, now=now),
    }
    return render(request, "care/quick_log.html", context)


def _forms(request: MemberRequest, kind: str, event: CareEvent | None = None) -> tuple[EventForm, Any]:
    household = request.household
    data = request.POST if request.method == "POST" else None
    initial: dict[str, Any] = {}
    detail_data: dict[str, Any] = {}
    if event is None and data is None:
        now = timezone.localtime().replace(second=0, microsecond=0)
        children = list(children_of(household=household))
        initial = {
            "start": now,
            "by": request.member.pk,
            "child": _chosen_child_id(request, children),
        }
        if request.GET.get("by", "").isdigit():
            initial["by"] = int(request.GET["by"])  # the form's choices keep it in the household
        chosen = next((c for c in children if c.pk == initial["child"]), None)
        starts_with = definition(kind).default_details
        if starts_with is not None and chosen is not None:
            detail_data = starts_with(chosen.feeding_method)
    elif event is not None:
        initial = {
            "child": event.child_id,
            "by": event.by_id,
            "start": timezone.localtime(event.start),
            "end": timezone.localtime(event.end) if event.end else None,
            "response": event.response,
            "settled_after_minutes": event.settled_after_minutes,
            "note": event.note,
            "client_id": event.client_id,
        }
        detail_data = detail_initial(event, household.volume_unit, units_of(household))
    event_form = EventForm(data, household=household, kind=kind, initial=initial)
    if event is None:
        # Left empty, or as the page filled it in (the page's script empties it then), a new event starts at
        # the moment of the tap.
        event_form.fields["start"].required = False
        event_form.fields["start"].widget.attrs["data-now"] = "1"
    detail_class = definition(kind).form
    detail_form = (
        detail_class(
            data,
            unit=household.volume_unit,
            measures=units_of(household),
            temperature_unit=household.temperature_unit,
            initial=detail_data,
            prefix="d",
        )
        if detail_class
        else None
    )
    return event_form, detail_form


def _doubted(
    request: MemberRequest,
    kind: str,
    event_form: EventForm,
    detail_form: Any,
    at: Any,
    event_id: int | None = None,
) -> bool:
    """A measurement that looks like a slip is asked about once, with the reasons, before it is saved: the
    form comes back with them and a box to tick to save it as it is."""
    if detail_form is None or at is None or request.POST.get("d-checked"):
        return False
    if not within_range(kind, detail_form.details()):
        return False  # the table's own message comes on saving
    doubts = hooks.measure_doubts(
        child=event_form.cleaned_data["child"],
        kind=kind,
        details=detail_form.details(),
        at=at,
        event_id=event_id,
    )
    if not doubts:
        return False
    detail_form.fields["checked"] = forms.BooleanField(
        required=False, label="I have checked it: save it as it is"
    )
    for doubt in doubts:
        detail_form.add_error(None, doubt)
    return True


def _copy_errors(error: ValidationError, event_form: EventForm, detail_form: Any) -> None:
    if not hasattr(error, "error_dict"):
        event_form.add_error(None, error)
        return
    for field, messages_ in error.message_dict.items():
        if field in event_form.fields:
            event_form.add_error(field, messages_)
        elif detail_form is not None and field in detail_form.fields:
            detail_form.add_error(field, messages_)
        else:
            event_form.add_error(None, messages_)


def _render_form(
    request: MemberRequest, kind: str, event_form: EventForm, detail_form: Any, event: CareEvent | None
) -> HttpResponse:
    template = "care/event_form.html#form" if request.htmx else "care/event_form.html"
    context = {
        "kind": kind,
        "kind_label": event_label(kind, request.household.locale),
        "form": event_form,
        "detail_form": detail_form,
        "event": event,
        "origin": hooks.event_origin(event) if event else None,
        "many_children": len(event_form.fields["child"].queryset) > 1,  # type: ignore[attr-defined]
    }
    status = 400 if request.method == "POST" else 200
    return render(request, template, context, status=status)


@member_required
def log_event(request: MemberRequest, kind: str) -> HttpResponse:
    if kind not in Kind.values:
        raise Http404("No such kind of care.")
    event_form, detail_form = _forms(request, kind)
    if request.method == "POST":
        valid = event_form.is_valid() & (detail_form is None or detail_form.is_valid())
        tap = outbox.tap_of(request)
        if valid and _doubted(
            request, kind, event_form, detail_form, event_form.cleaned_data["start"] or tap.at
        ):
            valid = False
        if valid:
            data = event_form.cleaned_data
            # No start given (a one-tap log, or a form whose time was left as it was): the moment of the tap.
            try:
                logged = services.log_care_event(
                    member=request.member,
                    child=data["child"],
                    kind=kind,
                    by=data["by"],
                    start=data["start"] or tap.at,
                    end=data.get("end"),
                    details=detail_form.details() if detail_form else None,
                    response=data.get("response", ""),
                    settled_after_minutes=data.get("settled_after_minutes"),
                    note=data["note"],
                    client_id=data["client_id"],
                    clock_note="" if data["start"] else tap.clock_note,
                )
            except ValidationError as error:
                _copy_errors(error, event_form, detail_form)
            else:
                event = logged.event
                text = f"{event_label(kind, request.household.locale)} logged for {event.child.name}"
                remember_undo(request.session, event, "delete", f"{text} ({event.by.display_name}).")
                if outbox.from_outbox(request):
                    return outbox.answer(201 if logged.created else 200, f"{text}.", event=event.pk)
                return redirect(f"{reverse('care:quick_log')}?child={event.child_id}")
        if outbox.from_outbox(request):
            text = outbox.errors_text(event_form, detail_form)
            errors = outbox.form_errors(event_form, detail_form)
            return outbox.answer(400, text or "This could not be logged.", errors=errors)
    return _render_form(request, kind, event_form, detail_form, None)


@member_required
def edit_event(request: MemberRequest, event_id: int) -> HttpResponse:
    event = selectors.get_event_for_member(member=request.member, event_id=event_id, include_deleted=True)
    if event.deleted_at is not None:
        return _deleted_meanwhile(request, event, "change" if request.method == "POST" else "open")
    event_form, detail_form = _forms(request, event.kind, event)
    if request.method == "POST":
        valid = event_form.is_valid() & (detail_form is None or detail_form.is_valid())
        if valid and _doubted(
            request, event.kind, event_form, detail_form, event_form.cleaned_data["start"], event.pk
        ):
            valid = False
        if valid:
            fields = {k: v for k, v in event_form.cleaned_data.items() if k != "client_id"}
            fields.setdefault("end", event.end)
            try:
                services.update_care_event(
                    member=request.member,
                    event=event,
                    fields=fields,
                    details=detail_form.details() if detail_form else None,
                )
            except ValidationError as error:
                _copy_errors(error, event_form, detail_form)
            except PermissionDenied as error:
                event_form.add_error(None, str(error))
            else:
                messages.success(request, "Saved.")
                return back_to(request, reverse("home:today"))
    return _render_form(request, event.kind, event_form, detail_form, event)


def _deleted_meanwhile(request: MemberRequest, event: CareEvent, doing: str) -> HttpResponse:
    """Opening, changing or deleting an event already deleted: say who deleted it and when."""
    text = outbox.deleted_text(event, event_label(event.kind, request.household.locale), doing=doing)
    if outbox.from_outbox(request):
        return outbox.answer(410, text)
    messages.error(request, text)
    return redirect("home:today")


@require_POST
@member_required
def delete_event(request: MemberRequest, event_id: int) -> HttpResponse:
    event = selectors.get_event_for_member(member=request.member, event_id=event_id, include_deleted=True)
    if event.deleted_at is not None:
        return _deleted_meanwhile(request, event, "delete")
    changed_after_tap = event.updated_at > outbox.tap_of(request).at
    try:
        services.delete_care_event(member=request.member, event=event)
    except PermissionDenied as error:
        if outbox.from_outbox(request):
            return outbox.answer(403, str(error))
        messages.error(request, str(error))
    else:
        label = event_label(event.kind, request.household.locale)
        text = f"{label} at {outbox.at_local(event.start)} deleted."
        if changed_after_tap:
            # Changed on another phone between this tap and its arrival: the delete still wins, and says so.
            text += f" It had been changed at {outbox.at_local(event.updated_at)}, after you tapped delete."
        remember_undo(request.session, event, "restore", text)
        if outbox.from_outbox(request):
            return outbox.answer(200, text, event=event.pk)
    return back_to(request, reverse("home:today"))


@require_POST
@member_required
def restore_event(request: MemberRequest, event_id: int) -> HttpResponse:
    event = selectors.get_event_for_member(member=request.member, event_id=event_id, include_deleted=True)
    try:
        services.restore_care_event(member=request.member, event=event)
    except (ValidationError, PermissionDenied) as error:
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
    else:
        messages.success(request, "Brought back.")
    forget_undo(request.session)
    return back_to(request, reverse("home:today"))


def _timeline(request: MemberRequest, rows: list[EventRow]) -> list[TimelineItem]:
    household = request.household
    return timeline(
        rows,
        zone=household.zone,
        locale=household.locale,
        unit=household.volume_unit,
        measures=units_of(household),
    )


@member_required
def history(request: MemberRequest) -> HttpResponse:
    children = list(children_of(household=request.household))
    people = list(members_of(household=request.household, include_former=True))
    filters, form = history_filter_from(
        request.GET, household=request.household, children=children, people=people
    )
    events = selectors.history(member=request.member, filters=filters)
    page = page_of(events, number=page_number(request.GET.get("page")), size=HISTORY_PAGE_SIZE)
    rows = page.items
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "children": children,
        "people": people,
        "kinds": Kind.choices,
        "chosen": {
            name: request.GET.get(name, "") for name in ("child", "kind", "by", "date_from", "date_to")
        },
        "page": page,
        "items": _timeline(request, rows),
        "many_children": len({r.child_id for r in rows}) > 1,
        "query": query.urlencode(),
        "undo": take_undo(request.session),
    }
    template = "care/history.html#results" if request.htmx else "care/history.html"
    return render(request, template, context)


def manifest(request: HttpRequest) -> JsonResponse:
    """The web app manifest, so Quick log can be added to a phone's home screen."""
    return JsonResponse(
        {
            "name": "Twofold",
            "short_name": "Twofold",
            "start_url": reverse("care:quick_log"),
            "scope": "/",
            "display": "standalone",
            "background_color": "#14161f",
            "theme_color": "#1d2030",
            "icons": [
                {"src": static("twofold/icon-192.png"), "sizes": "192x192", "type": "image/png"},
                {"src": static("twofold/icon-512.png"), "sizes": "512x512", "type": "image/png"},
                {"src": static("twofold/icon.svg"), "sizes": "any", "type": "image/svg+xml"},
            ],
        },
        content_type="application/manifest+json",
    )


def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker, scoped to the whole site; its version changes whenever what it caches does."""
    context = worker_context()
    response = render(request, "care/sw.js", context, content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response
