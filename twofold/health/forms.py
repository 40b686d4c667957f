"""The summary's choices: which child, which days, which notes, and anything a parent wants to add."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from twofold.health.summary import DEFAULT_DAYS, LONGEST_DAYS
from twofold.households.widgets import CalendarDateInput

UNTIL_BEFORE_SINCE = "The last day is before the first: swap them."
TOO_LONG = f"A summary covers at most {LONGEST_DAYS} days: choose a shorter period."


class SummaryForm(forms.Form):
    child = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label="Child")
    since = forms.DateField(label="From", widget=CalendarDateInput())
    until = forms.DateField(label="To", widget=CalendarDateInput())
    add = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        label="Anything you want to add",
        help_text="Printed as you write it. Nothing else about how you are is included.",
    )

    def __init__(self, *args: Any, children: list[tuple[int, str]], today: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["child"].choices = [("", "Every child"), *children]  # type: ignore[attr-defined]
        self.fields["since"].initial = today - dt.timedelta(days=DEFAULT_DAYS - 1)
        self.fields["until"].initial = today

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until:
            if until < since:
                self.add_error("until", UNTIL_BEFORE_SINCE)
            elif (until - since).days + 1 > LONGEST_DAYS:
                self.add_error("since", TOO_LONG)
        return data
