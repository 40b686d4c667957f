"""Forms for logging care: the common fields of every event, plus one small form per kind's details."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

from django import forms

from twofold.care.details import detail_of
from twofold.care.kinds import REGISTRY, definition
from twofold.care.kinds.inputs import DetailForm, form_value
from twofold.care.models import FeedMethod, Kind, Response, Side
from twofold.households.models import Child, Household, Member
from twofold.households.selectors import children_of, members_of
from twofold.households.units import METRIC, MeasureUnits

__all__ = ["DETAIL_FORMS", "DetailForm", "EventForm", "TimerForm", "detail_initial"]

# Each kind's detail form, from its definition; kinds without details have none.
DETAIL_FORMS: dict[str, type[DetailForm]] = {str(d.key): d.form for d in REGISTRY if d.form is not None}

LOCAL_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


if TYPE_CHECKING:
    _MemberChoiceBase = forms.ModelChoiceField[Member]
else:  # Django's form fields cannot be subscripted at run time
    _MemberChoiceBase = forms.ModelChoiceField


class MemberChoiceField(_MemberChoiceBase):
    def label_from_instance(self, obj: Member) -> str:
        return obj.display_name


class EventForm(forms.Form):
    # The household's own choices are set in __init__; the empty querysets only say which model.
    child: forms.ModelChoiceField[Child] = forms.ModelChoiceField(
        queryset=Child.objects.none(), empty_label=None
    )
    by = MemberChoiceField(
        queryset=Member.objects.none(),
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
        kind_definition = definition(kind)
        if not kind_definition.has_duration:
            del self.fields["end"]
            self.fields["start"].label = "When"
        if not kind_definition.response:
            del self.fields["response"]
            del self.fields["settled_after_minutes"]


class TimerForm(forms.Form):
    kind = forms.ChoiceField(choices=[(d.key, d.key) for d in REGISTRY if d.timed])
    child: forms.ModelChoiceField[Child] = forms.ModelChoiceField(queryset=Child.objects.none())
    by: forms.ModelChoiceField[Member] = forms.ModelChoiceField(
        queryset=Member.objects.none(), required=False
    )
    client_id = forms.UUIDField()
    # A breastfeed started on a chosen side (Quick log offers the other side to last time's).
    side = forms.ChoiceField(choices=[("", "—"), *Side.choices], required=False)

    def __init__(self, *args: Any, household: Household, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["child"].queryset = children_of(household=household)  # type: ignore[attr-defined]
        self.fields["by"].queryset = members_of(household=household)  # type: ignore[attr-defined]

    def details(self) -> dict[str, Any] | None:
        """The running event's details: a breastfeed on the chosen side; else None (the kind's defaults)."""
        side = self.cleaned_data.get("side")
        if self.cleaned_data.get("kind") == Kind.FEED and side:
            return {"method": FeedMethod.BREAST, "side": side}
        return None


def detail_initial(event: Any, unit: str, measures: MeasureUnits = METRIC) -> dict[str, Any]:
    """A saved event's details as form initial values, quantities in the units the form shows."""
    detail = detail_of(event)
    if detail is None:
        return {}
    initial = {
        f.name: getattr(detail, f.name) for f in detail._meta.concrete_fields if f.name not in ("id", "event")
    }
    quantities = definition(event.kind).quantities
    for name, quantity in quantities.items():
        initial[name] = form_value(quantity, initial.get(name), unit, measures)
    return initial
