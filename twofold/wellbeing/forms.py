"""The one form of a questionnaire page: the answer to the question on screen."""

from __future__ import annotations

from typing import Any, cast

from django import forms

from twofold.wellbeing.instruments import Item

CHOOSE_AN_ANSWER = "Choose the answer closest to how it has been."


class AnswerForm(forms.Form):
    answer = forms.TypedChoiceField(
        coerce=int, widget=forms.RadioSelect, error_messages={"required": CHOOSE_AN_ANSWER}
    )

    def __init__(self, *args: Any, item: Item, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Positions, not scores: on the EPDS the same position scores differently from item to item.
        cast(forms.ChoiceField, self.fields["answer"]).choices = [
            (option.position, option.label) for option in item.options
        ]
        self.fields["answer"].label = item.text
