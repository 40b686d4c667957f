"""Wording that follows the household's locale (nappy or diaper) and its volume unit."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

ML_PER_US_FL_OZ = Decimal("29.5735")

_WORDS: dict[str, dict[str, str]] = {
    "en-GB": {
        "nappy": "nappy",
        "nappies": "nappies",
        "cot": "cot",
        "dummy": "dummy",
        "pram": "pram",
    },
    "en-US": {
        "nappy": "diaper",
        "nappies": "diapers",
        "cot": "crib",
        "dummy": "pacifier",
        "pram": "stroller",
    },
}


def words_for(locale: str) -> dict[str, str]:
    return _WORDS.get(locale, _WORDS["en-GB"])


def word(locale: str, key: str) -> str:
    return words_for(locale)[key]


def ml_to_unit(ml: Decimal, unit: str) -> Decimal:
    """Volumes are stored in ml; fl oz is the US fluid ounce (29.57 ml), as printed on bottles."""
    if unit == "fl_oz":
        return (ml / ML_PER_US_FL_OZ).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return ml.quantize(Decimal("1"), rounding=ROUND_HALF_UP)


def unit_to_ml(amount: Decimal, unit: str) -> Decimal:
    if unit == "fl_oz":
        return (amount * ML_PER_US_FL_OZ).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return amount


def format_volume(ml: Decimal | None, unit: str) -> str:
    if ml is None:
        return ""
    value = ml_to_unit(ml, unit)
    return f"{value} fl oz" if unit == "fl_oz" else f"{value} ml"
