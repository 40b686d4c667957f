"""The History page's filter form, turned into a HistoryFilter in household-local days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, cast

from django import forms
from django.http import QueryDict

from twofold.care.day import local_day_bounds
from twofold.care.models import Kind
from twofold.care.selectors import HistoryFilter
from twofold.households.models import Child, Household, Member
from twofold.households.widgets import CalendarDateInput

# No log is older or newer; a day at the calendar's ends has no local bounds datetime can represent.
FIRST_DAY = dt.date(2000, 1, 1)
LAST_DAY = dt.date(2999, 12, 31)
FAR_DATE = f"Choose a date from {FIRST_DAY.year} to {LAST_DAY.year}: check the year."


class HistoryForm(forms.Form):
    """Filters checked against the household's own children and people, which the page lists anyway."""

    child = forms.TypedChoiceField(coerce=int, required=False, empty_value=None)
    kind = forms.ChoiceField(choices=[("", "All kinds"), *Kind.choices], required=False)
    by = forms.TypedChoiceField(coerce=int, required=False, empty_value=None, label="Who")
    date_from = forms.DateField(required=False, label="From", widget=CalendarDateInput())
    date_to = forms.DateField(required=False, label="To", widget=CalendarDateInput())

    def __init__(
        self, *args: Any, children: Sequence[Child], people: Sequence[Member], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        child, by = cast(forms.ChoiceField, self.fields["child"]), cast(forms.ChoiceField, self.fields["by"])
        child.choices = [("", "All children"), *((c.pk, c.name) for c in children)]
        by.choices = [("", "Anyone"), *((m.pk, m.display_name) for m in people)]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        for name in ("date_from", "date_to"):
            day = data.get(name)
            if day and not FIRST_DAY <= day <= LAST_DAY:
                self.add_error(name, FAR_DATE)
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "“To” is before “From”: swap the dates.")
        return data


def history_filter_from(
    query: QueryDict, *, household: Household, children: Sequence[Child], people: Sequence[Member]
) -> tuple[HistoryFilter, HistoryForm]:
    form = HistoryForm(query or None, children=children, people=people)
    if not form.is_bound or not form.is_valid():
        return HistoryFilter(), form
    data = form.cleaned_data
    since = until = None
    if data.get("date_from"):
        since = local_day_bounds(data["date_from"], household.zone)[0]
    if data.get("date_to"):
        until = local_day_bounds(data["date_to"], household.zone)[1]
    return (
        HistoryFilter(
            child_id=data.get("child"),
            kind=data.get("kind") or None,
            by_id=data.get("by"),
            since=since,
            until=until,
        ),
        form,
    )
