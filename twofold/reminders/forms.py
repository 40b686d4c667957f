from __future__ import annotations

from typing import Any

from django import forms

from twofold.reminders.models import EmailWhen
from twofold.reminders.topics import LABELS, Topic

TOPIC_CHOICES = [(t.value, LABELS[t]) for t in Topic]
BLOCK_CHOICES = [(t.value, LABELS[t]) for t in (Topic.FEED, Topic.MEDICINE, Topic.TIMER)]
PAUSES = [("1", "1 hour"), ("3", "3 hours"), ("8", "8 hours"), ("24", "a day"), ("168", "a week")]


class ReminderSettingsForm(forms.Form):
    topics = forms.MultipleChoiceField(
        choices=TOPIC_CHOICES, required=False, widget=forms.CheckboxSelectMultiple, label="Remind me when"
    )
    night_reminders = forms.BooleanField(
        required=False,
        label="On a night with no plan, send me the baby's reminders at night",
    )
    in_my_block = forms.MultipleChoiceField(
        choices=BLOCK_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Even during my protected block, wake me for",
        help_text="Leave these empty to sleep through your block: whoever is on duty gets them.",
    )
    quiet_from = forms.TimeField(
        required=False, label="Quiet from", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    quiet_until = forms.TimeField(
        required=False, label="Quiet until", widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )
    email = forms.ChoiceField(choices=EmailWhen.choices, label="Email me reminders")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        start, end = data.get("quiet_from"), data.get("quiet_until")
        if (start is None) != (end is None):
            raise forms.ValidationError("Give quiet hours both a start and an end, or leave both empty.")
        if start is not None and start == end:
            self.add_error("quiet_until", "Quiet hours need a length: make the end differ from the start.")
        return data


class PauseForm(forms.Form):
    hours = forms.TypedChoiceField(choices=PAUSES, coerce=int, label="Pause everything for")


class FeedIntervalForm(forms.Form):
    minutes = forms.IntegerField(
        required=False,
        min_value=30,
        max_value=480,
        label="Feed interval (minutes)",
        help_text="Leave empty to learn it from the last 14 days of feeds.",
    )
