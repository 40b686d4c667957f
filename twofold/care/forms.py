"""Forms for logging care: the common fields of every event, plus one small form per kind's details."""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import Any

from django import forms

from twofold.care.details import SETTLE_TECHNIQUES, detail_of
from twofold.care.models import (
    FeedMethod,
    Kind,
    NappyContents,
    PlayActivity,
    Response,
    SettleOutcome,
    Side,
    SleepPlace,
)
from twofold.care.rules import RESPONSE_KINDS
from twofold.households.models import Household, Member
from twofold.households.selectors import children_of, members_of
from twofold.households.words import ml_to_unit, unit_to_ml

# Kinds whose form asks for an end time (the rest are a moment).
DURATION_KINDS = frozenset(
    {Kind.FEED, Kind.SLEEP, Kind.SETTLE, Kind.BATH, Kind.SKIN_TO_SKIN, Kind.PLAY, Kind.PUMPING}
)

LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MemberChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Member) -> str:  # type: ignore[override]
        return obj.display_name


class EventForm(forms.Form):
    child = forms.ModelChoiceField(queryset=None, empty_label=None)  # type: ignore[arg-type]
    by = MemberChoiceField(
        queryset=None,  # type: ignore[arg-type]
        empty_label=None,
        label="Who did it",
        widget=forms.RadioSelect,
    )
    start = forms.DateTimeField(widget=LOCAL_DATETIME, label="Started")
    end = forms.DateTimeField(widget=LOCAL_DATETIME, required=False, label="Ended")
    response = forms.ChoiceField(
        choices=[("", "Not noted"), *Response.choices],
        required=False,
        widget=forms.RadioSelect,
        label="How was the baby?",
    )
    settled_after_minutes = forms.IntegerField(
        min_value=0, max_value=600, required=False, label="Settled after (minutes)"
    )
    note = forms.CharField(widget=forms.Textarea(attrs={"rows": 2}), required=False, max_length=2000)
    client_id = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)

    def __init__(self, *args: Any, household: Household, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = children_of(household=household)  # type: ignore[attr-defined]
        self.fields["by"].queryset = members_of(household=household)  # type: ignore[attr-defined]
        if kind not in DURATION_KINDS:
            del self.fields["end"]
            self.fields["start"].label = "When"
        if kind not in RESPONSE_KINDS:
            del self.fields["response"]
            del self.fields["settled_after_minutes"]


class VolumeField(forms.DecimalField):
    """An amount typed in the household's unit, kept in ml."""

    def __init__(self, *, unit: str, **kwargs: Any) -> None:
        self.unit = unit
        label = kwargs.pop("label", "Amount")
        super().__init__(
            label=f"{label} ({'fl oz' if unit == 'fl_oz' else 'ml'})",
            min_value=Decimal("0.1"),
            max_digits=6,
            decimal_places=1,
            **kwargs,
        )

    def clean(self, value: Any) -> Decimal | None:
        amount = super().clean(value)
        return None if amount is None else unit_to_ml(amount, self.unit)


class DetailForm(forms.Form):
    def __init__(self, *args: Any, unit: str = "ml", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit = unit

    def details(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


class FeedForm(DetailForm):
    method = forms.ChoiceField(choices=FeedMethod.choices, widget=forms.RadioSelect, label="Feed")
    side = forms.ChoiceField(
        choices=[("", "—"), *Side.choices], required=False, widget=forms.RadioSelect, label="Side"
    )

    def __init__(self, *args: Any, unit: str = "ml", **kwargs: Any) -> None:
        super().__init__(*args, unit=unit, **kwargs)
        self.fields["amount_ml"] = VolumeField(unit=unit, required=False, help_text="For bottle feeds.")


class NappyForm(DetailForm):
    contents = forms.ChoiceField(choices=NappyContents.choices, widget=forms.RadioSelect, label="It was")


class SleepForm(DetailForm):
    place = forms.ChoiceField(choices=[("", "Not noted"), *SleepPlace.choices], required=False, label="Where")


class SettleForm(DetailForm):
    tried = forms.MultipleChoiceField(
        choices=list(SETTLE_TECHNIQUES.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="What was tried",
    )
    outcome = forms.ChoiceField(
        choices=[("", "—"), *SettleOutcome.choices], required=False, label="How it ended"
    )


class PlayForm(DetailForm):
    activity = forms.ChoiceField(choices=PlayActivity.choices, widget=forms.RadioSelect, label="Activity")


class PumpingForm(DetailForm):
    def __init__(self, *args: Any, unit: str = "ml", **kwargs: Any) -> None:
        super().__init__(*args, unit=unit, **kwargs)
        self.fields["amount_ml"] = VolumeField(unit=unit, required=True)


class MedicineForm(DetailForm):
    name = forms.CharField(max_length=80, label="Medicine")
    dose = forms.CharField(max_length=40, required=False, help_text="Such as “2.5 ml” or “1 drop”.")


DETAIL_FORMS: dict[str, type[DetailForm]] = {
    Kind.FEED: FeedForm,
    Kind.NAPPY: NappyForm,
    Kind.SLEEP: SleepForm,
    Kind.SETTLE: SettleForm,
    Kind.PLAY: PlayForm,
    Kind.PUMPING: PumpingForm,
    Kind.MEDICINE: MedicineForm,
}


class TimerForm(forms.Form):
    kind = forms.ChoiceField(choices=[(k, k) for k in (Kind.FEED, Kind.SLEEP, Kind.SETTLE)])
    child = forms.ModelChoiceField(queryset=None)  # type: ignore[arg-type]
    by = forms.ModelChoiceField(queryset=None, required=False)  # type: ignore[arg-type]
    client_id = forms.UUIDField()

    def __init__(self, *args: Any, household: Household, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = children_of(household=household)  # type: ignore[attr-defined]
        self.fields["by"].queryset = members_of(household=household)  # type: ignore[attr-defined]


def detail_initial(event: Any, unit: str) -> dict[str, Any]:
    """A saved event's details as form initial values, amounts in the household's unit."""
    detail = detail_of(event)
    if detail is None:
        return {}
    initial = {
        f.name: getattr(detail, f.name) for f in detail._meta.concrete_fields if f.name not in ("id", "event")
    }
    if initial.get("amount_ml") is not None:
        initial["amount_ml"] = ml_to_unit(initial["amount_ml"], unit)
    return initial
