from __future__ import annotations

import zoneinfo
from typing import TYPE_CHECKING, Any

from django import forms

from twofold.households.models import (
    Child,
    Household,
    LengthUnit,
    MassUnit,
    Member,
    Role,
    TemperatureUnit,
)
from twofold.households.widgets import CalendarDateInput

GAVE_BIRTH_CHOICES = [("", "Rather not say"), ("yes", "Yes"), ("no", "No")]


def _zones() -> list[tuple[str, str]]:
    return [(z, z.replace("_", " ")) for z in sorted(zoneinfo.available_timezones()) if "/" in z]


class GaveBirthField(forms.TypedChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            choices=GAVE_BIRTH_CHOICES,
            coerce=lambda v: {"yes": True, "no": False}.get(v),
            empty_value=None,
            required=False,
            label="Did you give birth to this baby?",
            help_text="Optional. Used only where the evidence differs between parents, "
            "such as mood-screening cut-offs. Never shown to others.",
            **kwargs,
        )

    def prepare_value(self, value: Any) -> Any:
        # The model holds True, False or None; the choices are "yes", "no" and "". Without this the form
        # showed "Rather not say" for a saved answer, and saving it unchanged wiped the answer.
        return {True: "yes", False: "no", None: ""}.get(value, value)


# ModelForm is generic only to the type checker: Django's class takes no subscript at runtime.
if TYPE_CHECKING:
    _HouseholdModelForm = forms.ModelForm[Household]
    _MemberModelForm = forms.ModelForm[Member]
    _ChildModelForm = forms.ModelForm[Child]
else:
    _HouseholdModelForm = _MemberModelForm = _ChildModelForm = forms.ModelForm


class HouseholdForm(_HouseholdModelForm):
    time_zone = forms.ChoiceField(choices=_zones, initial="Europe/London")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Forms that do not ask (the first household's, or one sent before these were added) keep the
        # household's units, or the defaults.
        for unit in ("mass_unit", "length_unit", "temperature_unit"):
            self.fields[unit].required = False

    def clean_mass_unit(self) -> str:
        return self.cleaned_data.get("mass_unit") or self.instance.mass_unit or MassUnit.KG

    def clean_length_unit(self) -> str:
        return self.cleaned_data.get("length_unit") or self.instance.length_unit or LengthUnit.CM

    class Meta:
        model = Household
        fields = [
            "name",
            "time_zone",
            "country",
            "locale",
            "volume_unit",
            "mass_unit",
            "length_unit",
            "temperature_unit",
            "night_start",
            "night_end",
        ]
        labels = {
            "mass_unit": "Show weights in",
            "length_unit": "Show lengths in",
            "name": "Household name",
            "locale": "Wording",
            "volume_unit": "Show volumes in",
            "temperature_unit": "Show temperatures in",
            "night_start": "Night starts at",
            "night_end": "Night ends at",
        }
        help_texts = {
            "name": "Such as “Alex and Sam” or “The Okafor household”.",
            "country": "Used to show the right helplines.",
            "night_start": "Wakings inside the night window count as night care.",
        }
        widgets = {
            "night_start": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            "night_end": forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        }

    def clean_temperature_unit(self) -> str:
        chosen: str = self.cleaned_data.get("temperature_unit") or ""
        return chosen or (self.instance.temperature_unit if self.instance.pk else TemperatureUnit.CELSIUS)


class ProfileForm(_MemberModelForm):
    gave_birth = GaveBirthField()

    class Meta:
        model = Member
        fields = ["display_name", "relationship", "gave_birth"]
        labels = {"display_name": "Your name, as others here see it", "relationship": "You are"}
        help_texts = {"relationship": "Optional: Mum, Papa, Mama, Dad, Grandma, Friend…"}


class ChildForm(_ChildModelForm):
    class Meta:
        model = Child
        fields = ["name", "birth_date", "feeding_method", "sex", "gestation_weeks", "gestation_days"]
        labels = {
            "feeding_method": "Usually fed with",
            "sex": "Sex, for the growth charts only",
            "gestation_weeks": "Born at (weeks of pregnancy)",
            "gestation_days": "and days",
        }
        help_texts = {
            "sex": "The growth charts’ curves differ by sex; without it Twofold shows no centiles.",
            "gestation_weeks": "Optional. Before 37 weeks, centiles use the age corrected for it.",
        }
        widgets = {"birth_date": CalendarDateInput()}


class InviteForm(forms.Form):
    role = forms.ChoiceField(
        choices=Role.choices,
        initial=Role.PARENT,
        label="Invite a",
        help_text="Parents see everything for the household. Helpers log care and see the care log only.",
    )
