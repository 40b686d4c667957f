"""What the detail forms share: the base form and the fields that show a stored quantity in the household's
unit (volumes in ml or fl oz, weights in kg) and keep it in the stored one."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from twofold.care.kinds.base import Quantity
from twofold.households.words import ml_to_unit, unit_to_ml

GRAMS_PER_KG = Decimal(1000)


class DetailForm(forms.Form):
    def __init__(self, *args: Any, unit: str = "ml", temperature_unit: str = "C", **kwargs: Any) -> None:
        # Only the temperature form reads `temperature_unit`; every form is given it.
        super().__init__(*args, **kwargs)
        self.unit = unit

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


def grams_to_kg(grams: int) -> Decimal:
    return (Decimal(grams) / GRAMS_PER_KG).quantize(Decimal("0.001"))


def format_kg(grams: int) -> str:
    """4350 g reads "4.35 kg"; 4000 g reads "4.0 kg"."""
    text = str(grams_to_kg(grams)).rstrip("0")
    return f"{text}0 kg" if text.endswith(".") else f"{text} kg"


def form_value(quantity: Quantity, stored: Any, unit: str) -> Any:
    """A stored quantity as its form field shows it."""
    if stored is None:
        return None
    if quantity is Quantity.VOLUME_ML:
        return ml_to_unit(stored, unit)
    return Decimal(stored) / GRAMS_PER_KG
