"""Masses and lengths in the household's units: stored in whole grams and whole millimetres, shown in kg or
lb and oz, cm or inches. Plain typed functions, so conversions are tested without the database.

The pound and the inch are the international ones (1959): exactly 453.59237 g and 25.4 mm.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

GRAMS_PER_POUND = Decimal("453.59237")
OUNCES_PER_POUND = 16
GRAMS_PER_OUNCE = GRAMS_PER_POUND / OUNCES_PER_POUND
MM_PER_INCH = Decimal("25.4")

KG, LB_OZ = "kg", "lb_oz"
CM, INCH = "cm", "in"


@dataclass(frozen=True)
class MeasureUnits:
    """The household's choice of units for the baby's measurements."""

    mass: str = KG
    length: str = CM
    temperature: str = "C"  # or "F": Household.temperature_unit's values


METRIC = MeasureUnits()


class HasUnits(Protocol):
    mass_unit: str
    length_unit: str
    temperature_unit: str


def units_of(household: HasUnits) -> MeasureUnits:
    return MeasureUnits(
        mass=household.mass_unit, length=household.length_unit, temperature=household.temperature_unit
    )


def _whole(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def kg_to_grams(kg: Decimal) -> int:
    return _whole(kg * 1000)


def grams_to_kg(grams: int) -> Decimal:
    return (Decimal(grams) / 1000).quantize(Decimal("0.001"))


def pounds_ounces_to_grams(pounds: int, ounces: Decimal) -> int:
    """9 lb 6.5 oz is 4264 g: to the gram, as a scale in pounds and ounces reads (to a tenth of an ounce)."""
    return _whole(pounds * GRAMS_PER_POUND + ounces * GRAMS_PER_OUNCE)


def grams_to_pounds_ounces(grams: int) -> tuple[int, Decimal]:
    """Whole pounds and ounces to a tenth: 4264 g is (9, 6.4). Ounces never read 16.0 (that is a pound)."""
    tenths = _whole(Decimal(grams) / GRAMS_PER_OUNCE * 10)
    pounds, tenths_left = divmod(tenths, OUNCES_PER_POUND * 10)
    return pounds, Decimal(tenths_left) / 10


def cm_to_mm(cm: Decimal) -> int:
    return _whole(cm * 10)


def mm_to_cm(mm: int) -> Decimal:
    return (Decimal(mm) / 10).quantize(Decimal("0.1"))


def inches_to_mm(inches: Decimal) -> int:
    return _whole(inches * MM_PER_INCH)


def mm_to_inches(mm: int) -> Decimal:
    """To a tenth of an inch, about as finely as a tape measure is read (an eighth of an inch)."""
    return (Decimal(mm) / MM_PER_INCH).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


def format_mass(grams: int, unit: str) -> str:
    """“4.35 kg” or “9 lb 9.4 oz”."""
    if unit == LB_OZ:
        pounds, ounces = grams_to_pounds_ounces(grams)
        return f"{pounds} lb {ounces} oz"
    text = str(grams_to_kg(grams)).rstrip("0")
    return f"{text}0 kg" if text.endswith(".") else f"{text} kg"


def format_length(mm: int, unit: str) -> str:
    """“54.5 cm” or “21.5 in”."""
    if unit == INCH:
        return f"{mm_to_inches(mm)} in"
    return f"{mm_to_cm(mm)} cm"
