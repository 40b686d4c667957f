"""Apps and devices: a member's app keys for the API, making one, revoking one, and signing out everywhere.

Each page works without JavaScript; what destroys something asks first on a page of its own.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from twofold.accounts import app_keys
from twofold.accounts.forms import AppKeyForm


def _apps_page(
    request: HttpRequest, form: AppKeyForm, *, made: object = None, secret: str = ""
) -> HttpResponse:
    context = {
        "keys": app_keys.live_keys(user=request.user),
        "form": form,
        "made": made,
        "secret": secret,
        "default_days": app_keys.default_days(),
    }
    return render(request, "accounts/apps.html", context, status=400 if form.errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def apps(request: HttpRequest) -> HttpResponse:
    form = AppKeyForm(request.POST or None, default_days=app_keys.default_days())
    if request.method == "POST" and form.is_valid():
        try:
            key, secret = app_keys.make_key(
                user=request.user, name=form.cleaned_data["name"], days=form.days()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            # Shown in this answer only (never stored, never in a redirect): the page says so.
            fresh = AppKeyForm(default_days=app_keys.default_days())
            return _apps_page(request, fresh, made=key, secret=secret)
    return _apps_page(request, form)


@login_required
@require_http_methods(["GET", "POST"])
def revoke(request: HttpRequest, key_id: int) -> HttpResponse:
    key = app_keys.get_own_key(user=request.user, key_id=key_id)
    if request.method == "POST":
        app_keys.revoke_key(user=request.user, key=key)
        messages.success(request, f"“{key.name}” is revoked. Anything using it is signed out.")
        return redirect("accounts:apps")
    return render(request, "accounts/app_key_revoke.html", {"key": key})


@login_required
@require_http_methods(["GET", "POST"])
def sign_out_everywhere(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        keys, sessions = app_keys.sign_out_everywhere(
            user=request.user, keep_session=request.session.session_key
        )
        messages.success(
            request,
            f"Signed out everywhere else: {keys} app key{'s' if keys != 1 else ''} ended and {sessions} "
            f"other browser{'s' if sessions != 1 else ''} logged out. You are still logged in here.",
        )
        return redirect("accounts:apps")
    return render(
        request,
        "accounts/sign_out_everywhere.html",
        {"key_count": app_keys.live_keys(user=request.user).count()},
    )
