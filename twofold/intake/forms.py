from __future__ import annotations

from django import forms

from twofold.intake.reader import MAX_CHARACTERS


class WritingForm(forms.Form):
    text = forms.CharField(
        label="How is it going?",
        max_length=MAX_CHARACTERS,
        strip=True,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text="In your own words, as much or as little as you like. Only you will see this.",
        error_messages={
            "required": "Write a few words first: anything about how it is going.",
            "max_length": "That is more than %(limit_value)s characters. Please shorten it, or write the "
            "rest "
            "another time.",
        },
    )
