"""The night planner's forms. Times are the household's local clock; the services place them in the night."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, cast

from django import forms
from django.forms.formsets import DELETION_FIELD_NAME

from twofold.households.widgets import CalendarDateInput
from twofold.nights.ask import Preference
from twofold.nights.evidence import DEFAULT_TARGET
from twofold.nights.models import WEEKDAYS, Fairness, Feeding

TARGET_CHOICES = [(m, f"{m // 60} h" + (f" {m % 60} min" if m % 60 else "")) for m in range(180, 9 * 60, 30)]
WAKE_BEFORE_BED = "Make the latest wake-up later than the usual bedtime (both inside the night)."


def _into_night(clock: dt.time, night_start: dt.time) -> int:
    """Minutes from the start of the night window to a clock time, for ordering times in the night."""
    return (clock.hour * 60 + clock.minute - night_start.hour * 60 - night_start.minute) % (24 * 60)


def _day(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _time_input() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time", "step": 300}, format="%H:%M")


class PlanForm(forms.Form):
    night = forms.DateField(label="Night of", widget=CalendarDateInput(), help_text="The evening it starts.")
    feeding = forms.ChoiceField(
        choices=Feeding.choices,
        widget=forms.RadioSelect,
        help_text="A mixed-fed baby: choose breastfeeding on nights the night feeds are at the breast.",
    )
    feeder = forms.TypedChoiceField(
        coerce=int,
        required=False,
        empty_value=None,
        label="Who breastfeeds",
        help_text="Used only with breastfeeding. Left as nobody: the parent marked so in Night preferences.",
    )
    fairness = forms.ChoiceField(choices=Fairness.choices, widget=forms.RadioSelect, label="Sharing")
    helper_night = forms.BooleanField(required=False, label="A helper's night: the helper takes the night")
    replace = forms.BooleanField(required=False, label="Replace the changes made by hand")

    def __init__(self, *args: Any, parents: list[tuple[int, str]], has_helper: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["feeder"]).choices = [("", "Nobody"), *parents]
        if not has_helper:
            del self.fields["helper_night"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("feeding") == Feeding.BOTTLE:
            data["feeder"] = None  # with bottles whoever is on duty feeds: a breastfeeder plays no part
        return data


class WeekForm(PlanForm):
    helper_nights = forms.MultipleChoiceField(
        required=False, widget=forms.CheckboxSelectMultiple, label="Helper's nights"
    )

    def __init__(self, *args: Any, first: dt.date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["night"].label = "First night"
        self.fields["night"].help_text = "Plans this night and the six after it."
        if "helper_night" in self.fields:
            del self.fields["helper_night"]
            cast(forms.ChoiceField, self.fields["helper_nights"]).choices = [
                (str(i), _day(first + dt.timedelta(days=i))) for i in range(7)
            ]
        else:
            del self.fields["helper_nights"]


class ShiftForm(forms.Form):
    member = forms.TypedChoiceField(coerce=int, label="Who", empty_value=None)
    start = forms.TimeField(label="From", widget=_time_input())
    end = forms.TimeField(label="To", widget=_time_input())

    def __init__(self, *args: Any, people: list[tuple[int, str]], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["member"]).choices = [("", "Choose…"), *people]


# BaseFormSet is generic over its form only to the type checker, not at runtime.
if TYPE_CHECKING:
    _ShiftFormSetBase = forms.BaseFormSet[ShiftForm]
else:
    _ShiftFormSetBase = forms.BaseFormSet


class BaseShiftFormSet(_ShiftFormSetBase):
    def rows(self) -> list[tuple[int, ShiftForm]]:
        """(index, form) of the shifts kept: filled in and not marked for deletion."""
        kept = []
        for i, form in enumerate(self.forms):
            # What Django's private _should_delete_form checks: the form's ticked delete box.
            if not form.has_changed() or form.cleaned_data.get(DELETION_FIELD_NAME, False):
                continue
            kept.append((i, form))
        return kept


ShiftFormSet = forms.formset_factory(ShiftForm, formset=BaseShiftFormSet, extra=1, can_delete=True)


class PreferenceForm(forms.Form):
    night_from = forms.TimeField(required=False, label="Usual bedtime", widget=_time_input())
    night_until = forms.TimeField(required=False, label="Latest wake-up", widget=_time_input())
    work_mornings = forms.MultipleChoiceField(
        required=False,
        choices=[(str(i), day) for i, day in enumerate(WEEKDAYS)],
        widget=forms.CheckboxSelectMultiple,
        label="Work mornings",
        help_text="Mornings this person has to be up and out: they are kept off the last shift.",
    )
    target_minutes = forms.TypedChoiceField(
        coerce=int,
        choices=TARGET_CHOICES,
        initial=int(DEFAULT_TARGET.total_seconds() // 60),
        label="Protected block to aim for",
    )
    available_for_nights = forms.BooleanField(required=False, label="Can take nights")
    breastfeeds = forms.BooleanField(required=False, label="Breastfeeds")

    def __init__(self, *args: Any, role: str, window: tuple[dt.time, dt.time], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.window = window
        if role == "parent":
            del self.fields["available_for_nights"]
        else:
            del self.fields["breastfeeds"]
            del self.fields["target_minutes"]
            self.fields["night_from"].label = "Can start at"
            self.fields["night_until"].label = "Can stay until"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("night_from"), data.get("night_until")
        if start and end and _into_night(start, self.window[0]) >= _into_night(end, self.window[0]):
            self.add_error("night_until", WAKE_BEFORE_BED)
        return data

    def preference(self) -> Preference:
        data = self.cleaned_data
        return Preference(
            data["night_from"],
            data["night_until"],
            "".join(sorted(data["work_mornings"])),
            dt.timedelta(minutes=data.get("target_minutes") or DEFAULT_TARGET.total_seconds() // 60),
            data.get("available_for_nights", True),
            data.get("breastfeeds", False),
        )


class FairnessForm(forms.Form):
    fairness = forms.ChoiceField(choices=Fairness.choices, widget=forms.RadioSelect, label="How to share")
