"""The Import page: upload (or read a Baby Buddy), preview with the questions it needs, confirm, undo."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from twofold.households.access import MemberRequest, parent_required
from twofold.households.models import Child, Member
from twofold.imports.files import MAX_UPLOAD_BYTES, TOO_BIG, open_bundle
from twofold.imports.formats import UNITLESS, babybuddy_api, detect
from twofold.imports.forms import ChoicesForm, UploadForm, names
from twofold.imports.mapping import Choices
from twofold.imports.models import ImportBatch, PendingUpload
from twofold.imports.rows import BadFile
from twofold.imports.services import UNDO_DAYS, can_undo, preview_import, run_import, undo_import
from twofold.imports.summary import chosen_method, date_range, per_child

# An upload nobody confirmed is dropped after this long.
PENDING_FOR = dt.timedelta(days=1)


def _too_big(request: MemberRequest) -> bool:
    # Refused before Django reads the body: a 200 MB upload is turned away at the door, not stored first.
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0) > MAX_UPLOAD_BYTES + 64 * 1024
    except ValueError:
        return False


@parent_required
def start(request: MemberRequest) -> HttpResponse:
    PendingUpload.objects.filter(created_at__lt=timezone.now() - PENDING_FOR).delete()
    form = UploadForm()
    error = ""
    if request.method == "POST":
        if _too_big(request):
            error = TOO_BIG.format(size=int(request.META["CONTENT_LENGTH"]) // (1024 * 1024))
        else:
            form = UploadForm(request.POST, request.FILES)
            if form.is_valid():
                try:
                    pending = _store(request, form)
                except BadFile as bad:
                    error = str(bad)
                else:
                    return redirect("imports:preview", pending_id=pending.pk)
    return render(
        request, "imports/start.html", _start_context(request, form, error), status=400 if error else 200
    )


def _start_context(request: MemberRequest, form: UploadForm, error: str) -> dict[str, object]:
    now = timezone.now()
    batches = ImportBatch.objects.filter(household=request.household).select_related("by")[:10]
    return {
        "form": form,
        "error": error,
        "batches": [(batch, can_undo(batch, now)) for batch in batches],
        "undo_days": UNDO_DAYS,
    }


def _store(request: MemberRequest, form: UploadForm) -> PendingUpload:
    upload = form.cleaned_data.get("file")
    if upload is not None:
        name, data = upload.name or "upload", upload.read(MAX_UPLOAD_BYTES + 1)
    else:
        name, data = (
            "babybuddy-api.json",
            babybuddy_api.fetch(form.cleaned_data["url"], form.cleaned_data["key"]),
        )
    detect(open_bundle(name, data))  # a file Twofold cannot read is refused now, before anything is kept
    return PendingUpload.objects.create(
        household=request.household, member=request.member, filename=name[:200], data=data
    )


@parent_required
def preview(request: MemberRequest, pending_id: int) -> HttpResponse:
    pending = get_object_or_404(PendingUpload, pk=pending_id, household=request.household)
    try:
        return _preview_or_import(request, pending)
    except (BadFile, ValidationError) as error:
        # A damaged row found further in: the upload is dropped, the log is as it was, the parent is told.
        pending.delete()
        messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        return redirect("imports:start")


def _posted_choices(request: MemberRequest, kwargs: dict[str, Any]) -> Choices | None:
    people, children = names(request.POST, "person"), names(request.POST, "child")
    asks_method = "temperature_method" in request.POST
    posted = ChoicesForm(request.POST, people=people, children=children, asks_method=asks_method, **kwargs)
    return posted.choices(request.household.zone) if posted.is_valid() else None


def _preview_or_import(request: MemberRequest, pending: PendingUpload) -> HttpResponse:
    bundle = open_bundle(pending.filename, bytes(pending.data))
    fmt = detect(bundle)
    kwargs = _form_kwargs(request, fmt.key, fmt.absolute_times)
    posted = _posted_choices(request, kwargs) if request.method == "POST" else None
    choices = posted or Choices(zone=request.household.zone)
    # Answers that do not read (a tampered form) are shown again with the defaults, never imported.
    if posted is not None and request.POST.get("action") == "import":
        done = run_import(member=request.member, bundle=bundle, fmt=fmt, choices=choices)
        pending.delete()
        messages.success(request, f"Imported {done.batch.created_count} events from {fmt.label}.")
        return redirect("imports:start")
    shown = preview_import(member=request.member, bundle=bundle, fmt=fmt, choices=choices)
    initial = {
        "zone": choices.zone.key,
        "imperial": choices.imperial,
        "temperature_method": choices.temperature_method,
    }
    form = ChoicesForm(
        people=shown.people_chosen,
        children=shown.children_chosen,
        initial=initial,
        asks_method=bool(shown.unsaid_method),
        **kwargs,
    )
    context = {
        "pending": pending,
        "preview": shown,
        "form": form,
        "per_child": per_child(shown, request.household.locale),
        "date_range": date_range(shown, request.household),
        "method_label": chosen_method(shown),
        "reasons": [
            (what, reason, count, [s.line for s in shown.skipped if (s.what, s.reason) == (what, reason)])
            for (what, reason), count in shown.reasons.most_common()
        ],
    }
    return render(request, "imports/preview.html", context)


def _form_kwargs(request: MemberRequest, key: str, absolute: bool) -> dict[str, Any]:
    return {
        "members": list(Member.objects.filter(household=request.household).order_by("left_at", "id")),
        "kids": list(Child.objects.filter(household=request.household).order_by("id")),
        "asks_zone": not absolute,
        "asks_units": key in UNITLESS,
        "zone": request.household.time_zone,
    }


@require_POST
@parent_required
def undo(request: MemberRequest, batch_id: int) -> HttpResponse:
    batch = get_object_or_404(ImportBatch, pk=batch_id, household=request.household)
    try:
        removed = undo_import(member=request.member, batch=batch)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Undone: {removed} imported events taken back out of the log.")
    return redirect("imports:start")
