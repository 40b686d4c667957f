"""Account pages: sign up, log in and out, the account page, and changing or resetting a password."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from axes.utils import reset as reset_login_failures
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.contrib.messages.views import SuccessMessageMixin
from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.urls import reverse_lazy
from django.utils.http import url_has_allowed_host_and_scheme

from twofold.accounts import services, signup_rules
from twofold.accounts.forms import (
    ChangePasswordForm,
    LoginForm,
    NewPasswordForm,
    ResetRequestForm,
    SignUpForm,
)
from twofold.households.selectors import active_memberships

# Sign-up logs in without authenticate(), so login() must be told which backend vouches for the user.
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def safe_next(request: HttpRequest) -> str:
    """The `next` page asked for, if it is on this site; otherwise an empty string."""
    url = request.POST.get("next") or request.GET.get("next") or ""
    is_safe = url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    return url if is_safe else ""


# The mixins below go in front of Django's form views; the type checker reads them as form views too.
if TYPE_CHECKING:
    from django.views.generic.edit import FormMixin

    _FormView = FormMixin[Form]
    _SuccessMessageMixin = SuccessMessageMixin[Form]
else:
    _FormView = object
    _SuccessMessageMixin = SuccessMessageMixin


class InvalidFormIs400(_FormView):
    """A form sent back with errors answers 400, like the rest of Twofold's pages."""

    def form_invalid(self, form: Form) -> HttpResponse:
        response = super().form_invalid(form)
        response.status_code = 400
        return response


def sign_up(request: HttpRequest) -> HttpResponse:
    next_url = safe_next(request)
    if request.user.is_authenticated:
        return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
    refusal = signup_rules.refusal_for(next_url=next_url)
    if refusal is not None:
        context = {"refusal": refusal, "next": next_url}
        return render(request, "accounts/signup_refused.html", context, status=403)
    form = SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            user = services.sign_up(email=data["email"], name=data["name"], password=data["password"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            login(request, user, backend=MODEL_BACKEND)
            messages.success(request, f"Welcome to Twofold, {user.first_name}.")
            return redirect(next_url or resolve_url(settings.LOGIN_REDIRECT_URL))
    context = {"form": form, "next": next_url, "email_taken": form.has_error("email", code="taken")}
    return render(request, "accounts/signup.html", context, status=400 if form.errors else 200)


class LogInView(InvalidFormIs400, auth_views.LoginView):
    form_class = LoginForm
    template_name = "accounts/login.html"
    redirect_authenticated_user = True


@login_required
def account(request: HttpRequest) -> HttpResponse:
    memberships = active_memberships(user_id=request.user.pk).order_by("joined_at", "id")
    return render(request, "accounts/account.html", {"memberships": memberships})


class ChangePasswordView(_SuccessMessageMixin, InvalidFormIs400, auth_views.PasswordChangeView):
    """Django's view keeps this session logged in (update_session_auth_hash) and ends the others."""

    form_class = ChangePasswordForm
    template_name = "accounts/password_change.html"
    success_url = reverse_lazy("accounts:account")
    success_message = "Your password is changed."


class ResetRequestView(InvalidFormIs400, auth_views.PasswordResetView):
    """Unknown emails get the same 'check your email' page, so the form never says who has an account."""

    form_class = ResetRequestForm
    template_name = "accounts/password_reset_form.html"
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")


class ResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class ResetConfirmView(InvalidFormIs400, auth_views.PasswordResetConfirmView):
    form_class = NewPasswordForm
    template_name = "accounts/password_reset_confirm.html"
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        # The lockout page promises that a new password lets you straight back in.
        reset_login_failures(username=form.user.get_username())
        return response


class ResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
