"""What the detail forms share: the base form and the fields that show a stored quantity in the household's
unit (volumes in ml or fl oz, weights in kg) and keep it in the stored one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from twofold.care.kinds.base import Quantity
from twofold.households.units import (
    INCH,
    KG,
    LB_OZ,
    METRIC,
    MeasureUnits,
    cm_to_mm,
    format_mass,
    grams_to_pounds_ounces,
    inches_to_mm,
    mm_to_cm,
    mm_to_inches,
    pounds_ounces_to_grams,
)
from twofold.households.words import ml_to_unit, unit_to_ml

GRAMS_PER_KG = Decimal(1000)


class DetailForm(forms.Form):
    def __init__(
        self,
        *args: Any,
        unit: str = "ml",
        measures: MeasureUnits = METRIC,
        temperature_unit: str = "C",
        **kwargs: Any,
    ) -> None:
        # Only the temperature form reads `temperature_unit`; every form is given it.
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.measures = measures

    def details(self) -> dict[str, Any]:
        return dict(self.cleaned_data)


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


class MassField(forms.DecimalField):
    """A weight typed in kg to the gram (up to three decimals), kept in whole grams. The plausible range is
    the detail model's, so a page and the API give the same message."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(max_digits=12, decimal_places=3, **kwargs)

    def clean(self, value: Any) -> int | None:
        kg = super().clean(value)
        return None if kg is None else int(kg * GRAMS_PER_KG)


class PoundsField(forms.IntegerField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(min_value=0, max_value=70, label="Pounds (lb)", **kwargs)


class OuncesField(forms.DecimalField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(
            min_value=0,
            max_value=Decimal("15.9"),
            max_digits=3,
            decimal_places=1,
            label="Ounces (oz)",
            **kwargs,
        )


def mass_fields(form: DetailForm, name: str, *, label: str, help_text: str) -> None:
    """The form's fields for a mass kept in `name` (whole grams): kg, or pounds and ounces."""
    if form.measures.mass != LB_OZ:
        form.fields[name] = MassField(label=f"{label} (kg)", help_text=help_text)
        return
    del form.fields[name]
    form.fields["pounds"] = PoundsField()
    form.fields["ounces"] = OuncesField(
        required=False, help_text="Such as 6.5; leave empty for whole pounds."
    )
    kg = form.initial.get(name)
    if kg is not None:
        pounds, ounces = grams_to_pounds_ounces(int(Decimal(kg) * GRAMS_PER_KG))
        form.initial.update(pounds=pounds, ounces=ounces)


def mass_details(form: DetailForm, name: str) -> dict[str, Any]:
    """The cleaned form with pounds and ounces, if asked in them, turned into `name` in grams."""
    data = dict(form.cleaned_data)
    if "pounds" in data:
        data[name] = pounds_ounces_to_grams(data.pop("pounds"), data.pop("ounces") or Decimal(0))
    return data


class LengthField(forms.DecimalField):
    """A length typed in cm (to the millimetre) or inches (to a tenth), kept in whole millimetres."""

    def __init__(self, *, unit: str, label: str, **kwargs: Any) -> None:
        self.unit = unit
        super().__init__(
            label=f"{label} ({'in' if unit == INCH else 'cm'})",
            min_value=Decimal("0.1"),
            max_digits=5,
            decimal_places=1,
            **kwargs,
        )

    def clean(self, value: Any) -> int | None:
        amount = super().clean(value)
        if amount is None:
            return None
        return inches_to_mm(amount) if self.unit == INCH else cm_to_mm(amount)


def grams_to_kg(grams: int) -> Decimal:
    return (Decimal(grams) / GRAMS_PER_KG).quantize(Decimal("0.001"))


def format_kg(grams: int) -> str:
    """4350 g reads "4.35 kg"; 4000 g reads "4.0 kg"."""
    return format_mass(grams, KG)


def form_value(quantity: Quantity, stored: Any, unit: str, measures: MeasureUnits = METRIC) -> Any:
    """A stored quantity as its form field shows it (a mass in kg: the weight form splits it into pounds and
    ounces itself)."""
    if stored is None:
        return None
    if quantity is Quantity.VOLUME_ML:
        return ml_to_unit(stored, unit)
    if quantity is Quantity.LENGTH_MM:
        return mm_to_inches(stored) if measures.length == INCH else mm_to_cm(stored)
    return Decimal(stored) / GRAMS_PER_KG
