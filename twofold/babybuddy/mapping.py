"""How Baby Buddy's fields read as Twofold's care, and back: plain functions, no database.

Baby Buddy says a feed's `type` (what) and `method` (how); Twofold says `method` (breast, expressed, formula)
and `side`. A nappy is `wet` and `solid` there, `contents` here. Amounts are in the household's volume
unit, as Baby Buddy's are in whatever unit its user chose; weights in kg, or lb for households that weigh
in pounds and ounces; lengths and head circumferences in cm or inches, temperatures in °C or °F, each as
the household chose.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from twofold.care.kinds.temperature import from_celsius, to_celsius
from twofold.households.units import INCH, LB_OZ, cm_to_mm, inches_to_mm, mm_to_cm, mm_to_inches

BREAST_MILK = "breast milk"
FORMULA = "formula"
FORTIFIED = "fortified breast milk"
SOLID_FOOD = "solid food"
FEEDING_TYPES = (BREAST_MILK, FORMULA, FORTIFIED, SOLID_FOOD)

BOTTLE = "bottle"
BREASTS = {"left breast": "left", "right breast": "right", "both breasts": "both"}
FEEDING_METHODS = (BOTTLE, *BREASTS, "parent fed", "self fed")

NO_SOLIDS = "Twofold records milk feeds only: log solid food as a note."
BREAST_IS_MILK = "A feed at the breast is breast milk: send type “breast milk”."
NOT_WET_OR_SOLID = "Say whether the change was wet, solid or both: Twofold records one of these."

# Baby Buddy's own default: a sleep that starts between 06:00 and 18:00 is a nap (its NapSettings).
NAP_FROM = dt.time(6)
NAP_UNTIL = dt.time(18)

GRAMS_PER_KG = Decimal(1000)
GRAMS_PER_LB = Decimal("453.59237")


@dataclass(frozen=True)
class TwofoldFeed:
    method: str
    side: str


def feed_from_baby_buddy(feed_type: str, method: str) -> TwofoldFeed:
    """Twofold's method and side for Baby Buddy's type and method; ValueError names what cannot be kept."""
    if feed_type == SOLID_FOOD:
        raise ValueError(NO_SOLIDS)
    if method in BREASTS:
        if feed_type != BREAST_MILK:
            raise ValueError(BREAST_IS_MILK)
        return TwofoldFeed("breast", BREASTS[method])
    # A bottle, or fed by someone, or by the baby: what was in it is what Twofold records.
    return TwofoldFeed("formula" if feed_type == FORMULA else "expressed", "")


def feed_to_baby_buddy(method: str, side: str) -> tuple[str, str]:
    """Baby Buddy's (type, method) for a Twofold feed."""
    if method == "breast":
        by_side = {value: key for key, value in BREASTS.items()}
        return BREAST_MILK, by_side.get(side, "both breasts")
    return (FORMULA if method == "formula" else BREAST_MILK), BOTTLE


def nappy_from_baby_buddy(wet: bool, solid: bool) -> str:
    if wet and solid:
        return "both"
    if wet:
        return "wet"
    if solid:
        return "dirty"
    raise ValueError(NOT_WET_OR_SOLID)


def nappy_to_baby_buddy(contents: str) -> tuple[bool, bool]:
    return contents in ("wet", "both"), contents in ("dirty", "both")


def is_nap(local_start: dt.time) -> bool:
    return NAP_FROM <= local_start <= NAP_UNTIL


def grams_per_unit(mass_unit: str) -> Decimal:
    """Baby Buddy keeps one number: pounds (decimal) for a household that weighs in pounds and ounces."""
    return GRAMS_PER_LB if mass_unit == LB_OZ else GRAMS_PER_KG


def weight_from_grams(grams: int, mass_unit: str) -> float:
    value = Decimal(grams) / grams_per_unit(mass_unit)
    return float(value.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))


def grams_from_weight(weight: float, mass_unit: str) -> int:
    grams = Decimal(str(weight)) * grams_per_unit(mass_unit)
    return int(grams.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# Baby Buddy's dose is a number and one of these units; Twofold's is the text a parent writes ("2.5 ml").
DOSAGE_UNITS = ("mg", "ml", "tablets", "drops")
# How each unit may be written after the number ("1 tablet" is one of "tablets"). The patterns are read by
# Python and, for the list filter, by the database: SQLite's REGEXP is Python's; PostgreSQL's reads them
# alike.
_UNIT_WORDS = {"mg": "mg", "ml": "ml", "tablets": "tablets?", "drops": "drops?"}
_NUMBER = r"^\s*(\d+(?:\.\d+)?)\s*"
_DOSE = re.compile(_NUMBER + "(" + "|".join(_UNIT_WORDS.values()) + r")\s*$", re.IGNORECASE)


def dose_pattern(unit: str) -> str:
    """The regular expression a dose text matches when `dose_from_text` reads it in `unit` (case aside)."""
    return _NUMBER + "(" + _UNIT_WORDS[unit] + r")\s*$"


def dose_text(dosage: float | None, unit: str) -> str:
    """“2.5 ml” for Baby Buddy's 2.5 and "ml"; "" without a number (a unit alone says nothing)."""
    if dosage is None:
        return ""
    number = f"{Decimal(str(dosage)).normalize():f}"
    return f"{number} {unit}".strip()


def dose_from_text(text: str) -> tuple[float | None, str]:
    """Baby Buddy's (dosage, dosage_unit) when Twofold's dose reads as a number and one of its units, else
    (None, ""): "half a sachet" has no number Baby Buddy could hold."""
    found = _DOSE.match(text)
    if found is None:
        return None, ""
    unit = found[2].lower()
    return float(found[1]), unit if unit in DOSAGE_UNITS else f"{unit}s"


def gap_minutes(interval: dt.timedelta | None) -> int | None:
    """Baby Buddy's next_dose_interval as the label's gap in whole minutes (Twofold's precision)."""
    return None if interval is None else round(interval.total_seconds() / 60)


def gap_as_interval(minutes: int) -> dt.timedelta:
    return dt.timedelta(minutes=minutes)


def celsius_from(value: Decimal, temperature_unit: str) -> Decimal:
    return to_celsius(value, temperature_unit)


def temperature_from(celsius: Decimal, temperature_unit: str) -> float:
    """To the tenth, as thermometers show it (Twofold keeps the hundredth of a °C so °F round-trips)."""
    return float(from_celsius(celsius, temperature_unit))


def mm_from(value: Decimal, length_unit: str) -> int:
    return inches_to_mm(value) if length_unit == INCH else cm_to_mm(value)


def length_from(mm: int, length_unit: str) -> float:
    return float(mm_to_inches(mm) if length_unit == INCH else mm_to_cm(mm))
