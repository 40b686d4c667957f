"""The check-in form (answers and how last week's agreements went), the agreement form and the day."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django import forms

from twofold.checkins.answers import RATING_ERROR, SHARE_ERROR, TEXT_LIMIT
from twofold.checkins.models import AGREEMENT_LIMIT, Agreement, Outcome, Weekday
from twofold.checkins.services import CHOOSE_OUTCOME, NOT_A_DAY, WRITE_SOMETHING

TOO_LONG_TEXT = "Keep it to %(limit_value)d characters (this has %(show_value)d)."
RATING_CHOICES = [(n, str(n)) for n in range(11)]


def _share(label: str, help_text: str) -> forms.IntegerField:
    messages = {
        "required": SHARE_ERROR,
        "invalid": SHARE_ERROR,
        "min_value": SHARE_ERROR,
        "max_value": SHARE_ERROR,
    }
    return forms.IntegerField(
        label=label,
        help_text=help_text,
        min_value=0,
        max_value=100,
        error_messages=messages,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1, "class": "share"}),
    )


def _rating(label: str, help_text: str) -> forms.TypedChoiceField:
    return forms.TypedChoiceField(
        label=label,
        help_text=help_text,
        choices=RATING_CHOICES,
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": RATING_ERROR, "invalid_choice": RATING_ERROR},
    )


def _text(label: str, help_text: str) -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=False,
        max_length=TEXT_LIMIT,
        error_messages={"max_length": TOO_LONG_TEXT},
        widget=forms.Textarea(attrs={"rows": 2}),
    )


# A lone parent answers the same questions about the people who help, not about a partner: the ratings keep
# their place in the trend, and nothing asks about a "we" that is not there.
SOLO_WORDS = {
    "care_share": (
        "My share of the baby care this week (%)",
        "Your own estimate, 0 to 100, beside everyone who helps. Feeds, nappies, settling, baths, play.",
    ),
    "night_share": (
        "My share of the night wakings (%)",
        "Your own estimate, 0 to 100: of the times someone got up in the night.",
    ),
    "fairness": ("How fair does the share of the care feel?", "0: not fair at all · 10: completely fair"),
    "connection": ("How supported do I feel?", "0: on my own · 10: well supported"),
    "appreciated": (
        "One thing I appreciated this week",
        "From someone who helped, or something you did yourself. Optional.",
    ),
}


class CheckinForm(forms.Form):
    care_share = _share(
        "My share of the baby care this week (%)",
        "Your own estimate, 0 to 100. Feeds, nappies, settling, baths, play: all of it.",
    )
    night_share = _share(
        "My share of the night wakings (%)",
        "Your own estimate, 0 to 100: of the times someone got up in the night.",
    )
    fairness = _rating("How fair does the split feel?", "0: not fair at all · 10: completely fair")
    sleep = _rating("My sleep", "0: very poor · 10: very good")
    mood = _rating("My mood", "0: very low · 10: very good")
    connection = _rating("How connected do we feel?", "0: far apart · 10: very close")
    appreciated = _text("One thing I appreciated from you this week", "Optional.")
    needed = _text("One thing I need next week", "Optional.")

    def __init__(
        self, *args: Any, agreements: Sequence[Agreement] = (), solo: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.agreements = list(agreements)
        if solo:
            for name, (label, help_text) in SOLO_WORDS.items():
                self.fields[name].label, self.fields[name].help_text = label, help_text
        for agreement in self.agreements:
            self.fields[self.review_field(agreement)] = forms.ChoiceField(
                label=f"{agreement.author.display_name}: “{agreement.text}”",
                choices=Outcome.choices,
                widget=forms.RadioSelect,
                error_messages={"required": CHOOSE_OUTCOME, "invalid_choice": CHOOSE_OUTCOME},
            )

    @staticmethod
    def review_field(agreement: Agreement) -> str:
        return f"review_{agreement.pk}"

    def answers(self) -> dict[str, Any]:
        return {name: self.cleaned_data.get(name) for name in self.base_fields}

    def reviews(self) -> dict[int, str]:
        return {a.pk: self.cleaned_data[self.review_field(a)] for a in self.agreements}

    def answer_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.base_fields]

    def review_fields(self) -> list[forms.BoundField]:
        return [self[self.review_field(a)] for a in self.agreements]


SOLO_AGREEMENT = (
    "A plan for next week",
    "Concrete and small: what you will do or ask someone for, and when.",
)


class AgreementForm(forms.Form):
    def __init__(self, *args: Any, solo: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if solo:
            self.fields["text"].label, self.fields["text"].help_text = SOLO_AGREEMENT
            self.fields["text"].widget.attrs["placeholder"] = "I ask Pat to take Saturday night"

    text = forms.CharField(
        label="An agreement for next week",
        help_text="Concrete and small: who does what, and when. Shared with the other parent straight away.",
        max_length=AGREEMENT_LIMIT,
        error_messages={"required": WRITE_SOMETHING, "max_length": TOO_LONG_TEXT},
        widget=forms.TextInput(
            attrs={"placeholder": "I take the 2 a.m. feed on Monday, Wednesday and Friday"}
        ),
    )


class SettingsForm(forms.Form):
    day = forms.TypedChoiceField(
        label="Check-in day",
        choices=Weekday.choices,
        coerce=int,
        error_messages={"required": NOT_A_DAY, "invalid_choice": NOT_A_DAY},
        help_text=(
            "Today reminds you both from this day. Thursday to Sunday look back on the week they are in; "
            "Monday to Wednesday on the week just ended. Each check-in stays open seven days."
        ),
    )
