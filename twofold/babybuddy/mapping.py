"""How Baby Buddy's fields read as Twofold's care, and back: plain functions, no database.

Baby Buddy says a feed's `type` (what) and `method` (how); Twofold says `method` (breast, expressed, formula)
and `side`. A nappy is `wet` and `solid` there, `contents` here. Amounts are in the household's volume
unit, as Baby Buddy's are in whatever unit its user chose; weights in kg, or lb for households that
measure in fluid ounces.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

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


def grams_per_unit(volume_unit: str) -> Decimal:
    return GRAMS_PER_LB if volume_unit == "fl_oz" else GRAMS_PER_KG


def weight_from_grams(grams: int, volume_unit: str) -> float:
    value = Decimal(grams) / grams_per_unit(volume_unit)
    return float(value.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP))


def grams_from_weight(weight: float, volume_unit: str) -> int:
    grams = Decimal(str(weight)) * grams_per_unit(volume_unit)
    return int(grams.quantize(Decimal(1), rounding=ROUND_HALF_UP))
