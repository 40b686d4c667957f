"""The confirmations asked before deleting an account or a household."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.models import User

from twofold.households.models import Household

ACCOUNT_PHRASE = "delete my account"
WRONG_PASSWORD = "That isn't your password. Type it again to delete your account."  # noqa: S105 (a message)
WRONG_PHRASE = f"Type “{ACCOUNT_PHRASE}” to confirm, so nothing is deleted by a slip."
HOUSEHOLDS_UNCONFIRMED = "Tick the box to confirm these households go too, or keep your account for now."
WRONG_NAME = "That isn't the household's name. Type it exactly as shown, capitals included."


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.CharField(
        label=f"Type “{ACCOUNT_PHRASE}”",
        max_length=40,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )
    households_go = forms.BooleanField(required=False)

    def __init__(self, *args: Any, user: User, ending: list[Household], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.ending = ending
        if ending:
            names = ", ".join(h.name for h in ending)
            self.fields["households_go"].label = f"Delete {names} with my account"
        else:
            del self.fields["households_go"]

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(WRONG_PASSWORD, code="wrong_password")
        return password

    def clean_confirm(self) -> str:
        typed: str = self.cleaned_data["confirm"]
        # Lower case and spaces at either end are forgiven: the phrase is a deliberate act, not a test.
        if typed.strip().lower() != ACCOUNT_PHRASE:
            raise forms.ValidationError(WRONG_PHRASE, code="wrong_phrase")
        return typed

    def clean_households_go(self) -> bool:
        confirmed: bool = self.cleaned_data["households_go"]
        if self.ending and not confirmed:
            raise forms.ValidationError(HOUSEHOLDS_UNCONFIRMED, code="households_unconfirmed")
        return confirmed


class DeleteHouseholdForm(forms.Form):
    name = forms.CharField(
        label="The household's name",
        max_length=80,
        strip=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args: Any, household: Household, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.household = household
        self.fields["name"].help_text = f"Type “{household.name}”."

    def clean_name(self) -> str:
        typed: str = self.cleaned_data["name"]
        # Exact, capitals included (names differ by case); only spaces a phone adds at either end forgiven.
        if typed.strip() != self.household.name.strip():
            raise forms.ValidationError(WRONG_NAME, code="wrong_name")
        return typed
