"""The circle's forms: asking for help, a standing offer. Times are read on the household's clock."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms

from twofold.circle.models import MOST_HELPERS, NOTE_LIMIT, OFFER_LIMIT, PLACE_LIMIT, Kind
from twofold.households.models import Household, Member
from twofold.households.widgets import CalendarDateInput

WEEKDAYS = [(str(i), name) for i, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"))]
WHO = [("everyone", "Everyone in the circle"), ("chosen", "Only the people I choose")]
# Help that may run past midnight; for anything else an end before its start is a slip, not a 23-hour meal.
OVERNIGHT = {Kind.NIGHT, Kind.EVENING}
ENDS_BEFORE_START = (
    "This ends before it starts. Only a night or an evening shift runs past midnight: change the times, "
    "or choose one of those."
)


def on_clock(day: dt.date, start: dt.time, end: dt.time, zone: Any) -> tuple[dt.datetime, dt.datetime]:
    """A day and two clock times as moments; an end at or before the start is on the next day (a night)."""
    starts = dt.datetime.combine(day, start, tzinfo=zone)
    end_day = day + dt.timedelta(days=1) if end <= start else day
    return starts.astimezone(dt.UTC), dt.datetime.combine(end_day, end, tzinfo=zone).astimezone(dt.UTC)


class AskForm(forms.Form):
    kind = forms.ChoiceField(label="What do you need?", choices=Kind.choices, initial=Kind.NIGHT)
    day = forms.DateField(
        label="Day",
        widget=CalendarDateInput(),
        help_text="For a night, the evening it starts.",
    )
    start = forms.TimeField(label="From", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    end = forms.TimeField(label="Until", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"))
    place = forms.CharField(
        label="Where",
        max_length=PLACE_LIMIT,
        required=False,
        help_text="Optional, such as “at ours” or the clinic's address.",
    )
    note = forms.CharField(
        label="A note", max_length=NOTE_LIMIT, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    helpers_needed = forms.IntegerField(
        label="How many people", min_value=1, max_value=MOST_HELPERS, initial=1
    )
    who = forms.ChoiceField(label="Who sees it", choices=WHO, initial="everyone", widget=forms.RadioSelect)
    shown_to = forms.ModelMultipleChoiceField(
        label="Show it to",
        queryset=Member.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, household: Household, circle: list[Member], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.household = household
        field = self.fields["shown_to"]
        if not isinstance(field, forms.ModelMultipleChoiceField):  # pragma: no cover (declared above)
            raise TypeError(field)
        field.queryset = Member.objects.filter(pk__in=[m.pk for m in circle])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if all(data.get(k) is not None for k in ("day", "start", "end")):
            if data["end"] <= data["start"] and data.get("kind") not in OVERNIGHT:
                self.add_error("end", ENDS_BEFORE_START)
                return data
            try:
                data["starts"], data["ends"] = on_clock(
                    data["day"], data["start"], data["end"], self.household.zone
                )
            except OverflowError:  # a day at the calendar's end
                self.add_error("day", "Choose a day in the weeks ahead.")
        if data.get("who") == "chosen" and not data.get("shown_to"):
            self.add_error("shown_to", "Choose who sees it, or show it to everyone in the circle.")
        return data


class OfferForm(forms.Form):
    kind = forms.ChoiceField(label="What you can give", choices=Kind.choices)
    words = forms.CharField(
        label="In your words",
        max_length=OFFER_LIMIT,
        help_text="Such as “Tuesday evenings” or “one night a week”.",
    )
    weekdays = forms.MultipleChoiceField(
        label="Which days (none for any day)",
        choices=WEEKDAYS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
