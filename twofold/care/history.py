"""The History page's filter form, turned into a HistoryFilter in household-local days."""

from __future__ import annotations

from django import forms
from django.http import QueryDict

from twofold.care.day import local_day_bounds
from twofold.care.models import Kind
from twofold.care.selectors import HistoryFilter
from twofold.households.models import Household
from twofold.households.selectors import children_of, members_of


class HistoryForm(forms.Form):
    child = forms.ModelChoiceField(queryset=None, required=False, empty_label="All children")  # type: ignore[arg-type]
    kind = forms.ChoiceField(choices=[("", "All kinds"), *Kind.choices], required=False)
    by = forms.ModelChoiceField(queryset=None, required=False, empty_label="Anyone", label="Who")  # type: ignore[arg-type]
    date_from = forms.DateField(required=False, label="From", widget=forms.DateInput(attrs={"type": "date"}))
    date_to = forms.DateField(required=False, label="To", widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args: object, household: Household, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["child"].queryset = children_of(household=household)  # type: ignore[attr-defined]
        self.fields["by"].queryset = members_of(household=household, include_former=True)  # type: ignore[attr-defined]
        self.fields["by"].label_from_instance = lambda m: m.display_name  # type: ignore[attr-defined]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "“To” is before “From”: swap the dates.")
        return data


def history_filter_from(query: QueryDict, *, household: Household) -> tuple[HistoryFilter, HistoryForm]:
    form = HistoryForm(query or None, household=household)
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
            child_id=data["child"].pk if data.get("child") else None,
            kind=data.get("kind") or None,
            by_id=data["by"].pk if data.get("by") else None,
            since=since,
            until=until,
        ),
        form,
    )
