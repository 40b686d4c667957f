"""Notifications on your devices: the list, allowing this browser, removing one, and a test push.

The page works without JavaScript for everything but allowing (the browser's Push API needs it).
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from twofold.push import selectors, services, vapid
from twofold.push.payload import build_payload
from twofold.push.send import send_to_user

TEST_TITLE = "Twofold"
TEST_BODY = "Notifications reach this device."
UNREADABLE = "Twofold could not read what this browser sent. Reload the page and allow notifications again."


def _user(request: HttpRequest) -> User:
    # Every view here is behind login_required.
    assert isinstance(request.user, User)  # noqa: S101
    return request.user


@login_required
@require_GET
def devices(request: HttpRequest) -> HttpResponse:
    context = {
        "devices": selectors.devices_of(user=_user(request)),
        "public_key": vapid.public_key(),
    }
    return render(request, "push/devices.html", context)


def _field(data: object, *path: str) -> str:
    for key in path:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, str) else ""


@login_required
@require_POST
def allow(request: HttpRequest) -> JsonResponse:
    """The page's script posts the browser's subscription (PushSubscription.toJSON()) here."""
    try:
        data = json.loads(request.body)
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"message": UNREADABLE}, status=400)
    try:
        device = services.allow_device(
            user=_user(request),
            endpoint=_field(data, "endpoint"),
            p256dh=_field(data, "keys", "p256dh"),
            auth=_field(data, "keys", "auth"),
            user_agent=request.headers.get("User-Agent", ""),
        )
    except ValidationError as error:
        errors = error.message_dict if hasattr(error, "error_dict") else {"__all__": error.messages}
        first = next(iter(errors.values()))[0]
        return JsonResponse({"message": first, "errors": errors}, status=400)
    return JsonResponse(
        {"message": f"Notifications are on for {device.name}.", "device": device.pk}, status=201
    )


@login_required
@require_http_methods(["GET", "POST"])
def remove(request: HttpRequest, device_id: int) -> HttpResponse:
    device = selectors.get_device_for_user(user=_user(request), device_id=device_id)
    if request.method == "POST":
        services.remove_device(device=device)
        messages.success(request, f"{device.name} gets no more notifications from Twofold.")
        return redirect("push:devices")
    return render(request, "push/remove.html", {"device": device})


@login_required
@require_POST
def test(request: HttpRequest) -> HttpResponse:
    payload = build_payload(
        title=TEST_TITLE, body=TEST_BODY, url=reverse("push:devices"), tag="twofold-test", actions=[]
    )
    outcome = send_to_user(_user(request), payload)
    if outcome.reached:
        devices = "device" if outcome.reached == 1 else "devices"
        messages.success(request, f"A test notification went to {outcome.reached} {devices}.")
    elif outcome.failed:
        messages.error(request, "No device took the test notification: each one's problem is below.")
    else:
        messages.error(request, "No device has notifications on: allow them on this device first.")
    return redirect("push:devices")
