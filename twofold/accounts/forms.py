"""Account forms. They check shape; sign-up's rules live in services.sign_up."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
    SetPasswordMixin,
    UsernameField,
)
from django.contrib.auth.models import User

PASSWORD_HELP = "A few words you will remember beat a short jumble. At least 8 characters."  # noqa: S105 (a hint, not a password)
PASSWORDS_DIFFER = "The two passwords don't match. Type them again."
WRONG_LOGIN = "That email and password don't match an account. Check them, or reset your password."
WRONG_CURRENT_PASSWORD = "That isn't your current password. Try again."  # noqa: S105 (a message)


def _new_password_fields(label: str) -> tuple[forms.CharField, forms.CharField]:
    first, again = SetPasswordMixin.create_password_fields(label1=label, label2=f"{label} again")
    first.help_text = PASSWORD_HELP
    again.help_text = ""
    return first, again


# Django's password forms are generic over the user model only to the type checker, not at runtime.
if TYPE_CHECKING:
    _SetPasswordMixin = SetPasswordMixin[User]
    _SetPasswordForm = SetPasswordForm[User]
else:
    _SetPasswordMixin, _SetPasswordForm = SetPasswordMixin, SetPasswordForm


class SignUpForm(_SetPasswordMixin, forms.Form):
    error_messages = {"password_mismatch": PASSWORDS_DIFFER}

    email = forms.EmailField(
        label="Email",
        max_length=150,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    name = forms.CharField(
        label="Your name",
        max_length=150,
        help_text="What the people you care with call you.",
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    password, password_again = _new_password_fields("Password")

    def clean_email(self) -> str:
        email: str = self.cleaned_data["email"]
        return email.strip().lower()

    def clean(self) -> dict[str, Any] | None:
        self.validate_passwords("password", "password_again")
        return super().clean()


class LoginForm(AuthenticationForm):
    """Log in with an email; `request` reaches authenticate(), which the login throttle needs."""

    username = UsernameField(
        label="Email",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    error_messages = {**AuthenticationForm.error_messages, "invalid_login": WRONG_LOGIN}

    def clean_username(self) -> str:
        username: str = self.cleaned_data["username"]
        return username.strip().lower()


class ChangePasswordForm(PasswordChangeForm):
    error_messages = {
        **PasswordChangeForm.error_messages,
        "password_mismatch": PASSWORDS_DIFFER,
        "password_incorrect": WRONG_CURRENT_PASSWORD,
    }
    old_password = forms.CharField(
        label="Current password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password", "autofocus": True}),
    )
    new_password1, new_password2 = _new_password_fields("New password")


class ResetRequestForm(PasswordResetForm):
    email = forms.EmailField(
        label="Email",
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class NewPasswordForm(_SetPasswordForm):
    error_messages = {**SetPasswordForm.error_messages, "password_mismatch": PASSWORDS_DIFFER}
    new_password1, new_password2 = _new_password_fields("New password")


NEVER = "never"
NEVER_LABEL = "Never — for a home automation client that can't sign in again"


def _lifetime_choices(default_days: int) -> list[tuple[str, str]]:
    days = sorted({default_days, 90, 365})
    named = {365: "A year"}
    return [(str(d), named.get(d, f"{d} days")) for d in days] + [(NEVER, NEVER_LABEL)]


class AppKeyForm(forms.Form):
    name = forms.CharField(
        label="Name it for the app or device",
        max_length=80,
        help_text="So you know it again later, e.g. “Alex's phone” or “Home Assistant”.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    lasts = forms.ChoiceField(
        label="It works for",
        widget=forms.RadioSelect,
        help_text="A key that never expires works until you revoke it here or change your password.",
    )

    def __init__(self, *args: Any, default_days: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        lasts = cast(forms.ChoiceField, self.fields["lasts"])
        lasts.choices = _lifetime_choices(default_days)
        lasts.initial = str(default_days)

    def days(self) -> int | None:
        lasts: str = self.cleaned_data["lasts"]
        return None if lasts == NEVER else int(lasts)
