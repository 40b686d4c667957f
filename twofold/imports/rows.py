"""What every importer yields: a row of care in Twofold's terms, or a row it cannot map and why.

Plain values, no database: each format reads its file into these, and the plan (plan.py) does the rest.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from twofold.care.kinds.temperature import to_celsius
from twofold.care.models import HOTTEST_CELSIUS

# Millilitres in one US fluid ounce, the ounce baby trackers mean.
ML_PER_FLOZ = Decimal("29.5735")
GRAMS_PER_POUND = Decimal("453.59237")

NOT_IN_TWOFOLD = "Twofold does not record {what}."
# Baby Buddy's BMI is worked out from a weight and a length, which are imported themselves.
NO_BMI = "Twofold keeps the weights and lengths a BMI is worked out from, not the BMI itself."
NO_UNIT = "Twofold cannot read the unit “{unit}” of this {what}."
MM_PER_CM = 10
MM_PER_INCH = Decimal("25.4")

# Years a baby's log can plausibly hold: anything outside is a damaged file, not care.
EARLIEST_YEAR = 1970
LATEST_YEAR = 2200


class BadFile(Exception):
    """The file cannot be imported at all; the message says why and what to do. Nothing is written."""


@dataclass(frozen=True)
class Row:
    """One event to create. `start`/`end` are naive (the file's wall clock) or aware (the file said)."""

    source_id: str
    line: int
    kind: str
    start: dt.datetime
    end: dt.datetime | None = None
    details: dict[str, Any] = field(default_factory=dict)
    note: str = ""
    child: str = ""
    person: str = ""
    # Who logged it, when the file says (Twofold's own export); else the parent importing.
    logger: str | None = None
    # A client_id the file itself carries (Twofold's own export); else one is derived from source_id.
    client_id: str = ""
    response: str = ""
    settled_after_minutes: int | None = None


@dataclass(frozen=True)
class Skip:
    line: int
    what: str
    reason: str


def number(text: str) -> Decimal | None:
    """A decimal from a cell, or None when blank or not a number."""
    text = text.strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


_AMOUNT = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*([a-zA-Z.]*)\s*$")


def volume_ml(value: Decimal | None, unit: str) -> Decimal | None:
    """Millilitres to one decimal, from an amount in ml or fluid ounces."""
    if value is None:
        return None
    unit = unit.strip().lower().rstrip(".")
    if unit in ("oz", "floz", "fl oz", "fl. oz"):
        value = value * ML_PER_FLOZ
    elif unit not in ("", "ml"):
        return None
    return value.quantize(Decimal("0.1"))


def amount_with_unit(text: str) -> Decimal | None:
    """`90ml`, `3.5oz`, `60 ML` → millilitres."""
    match = _AMOUNT.match(text)
    if not match:
        return None
    return volume_ml(number(match.group(1)), match.group(2))


def grams(value: Decimal | None, unit: str) -> int | None:
    if value is None:
        return None
    unit = unit.strip().lower()
    if unit in ("kg", ""):
        return int((value * 1000).to_integral_value())
    if unit in ("lb", "lbs"):
        return int((value * GRAMS_PER_POUND).to_integral_value())
    if unit == "g":
        return int(value.to_integral_value())
    return None


def millimetres(value: Decimal | None, unit: str) -> int | None:
    """Whole millimetres from a length in cm (the default), mm or inches; None when blank or the unit is
    unknown."""
    if value is None:
        return None
    unit = unit.strip().lower().rstrip(".")
    factors = {"": Decimal(MM_PER_CM), "cm": Decimal(MM_PER_CM), "mm": Decimal(1)}
    factors |= dict.fromkeys(("in", "inch", "inches", '"'), MM_PER_INCH)
    if unit not in factors:
        return None
    return int((value * factors[unit]).to_integral_value())


def celsius(value: Decimal | None, unit: str) -> Decimal | None:
    """°C to the hundredth from a reading in °C or °F; None when blank or the unit is unknown."""
    if value is None:
        return None
    unit = unit.strip().upper().removeprefix("°").removeprefix("º")
    if unit not in ("C", "F"):
        return None
    return to_celsius(value, unit)


def reading_unit(value: Decimal) -> str:
    """The unit of a bare temperature (Baby Buddy keeps no unit): the °C and °F ranges a baby's reading can
    take do not meet, so a number beyond the hottest plausible °C is °F."""
    return "F" if value > HOTTEST_CELSIUS else "C"


def split_unit(text: str) -> tuple[Decimal | None, str]:
    """`62.5cm` → (62.5, "cm"); `37.6°C` → (37.6, "°C"); a bare number has the unit ""."""
    match = _MEASURE.match(text)
    if not match:
        return None, ""
    return number(match.group(1)), (match.group(2) or "").strip()


_MEASURE = re.compile(r"^\s*([0-9]+(?:[.,][0-9]+)?)\s*([^0-9\s].*)?$")


def plausible_year(moment: dt.datetime, line: int) -> dt.datetime:
    """A date in the year 0001 (or 9999) is a damaged file: refuse it whole rather than guess."""
    if not EARLIEST_YEAR <= moment.year <= LATEST_YEAR:
        raise BadFile(
            f"Line {line}: the date {moment:%Y-%m-%d} cannot be right (year {moment.year}). The file may be "
            "damaged: export it again from the other app. Nothing was imported."
        )
    return moment


def parse_time(text: str, formats: tuple[str, ...], line: int) -> dt.datetime | None:
    """A wall-clock time in one of `formats`; None when blank; BadFile when unreadable."""
    text = text.strip()
    if not text:
        return None
    if formats[0].startswith("%Y-%m-%d"):
        # The C parser reads ISO-like text many times faster than strptime: it matters on a year of rows.
        try:
            return plausible_year(dt.datetime.fromisoformat(text), line)
        except ValueError:
            pass
    for pattern in formats:
        try:
            # Naive on purpose: the wall clock of a zone the file does not name (mapping.Resolver.when).
            return plausible_year(dt.datetime.strptime(text, pattern), line)  # noqa: DTZ007
        except ValueError:
            continue
    raise BadFile(f"Line {line}: “{text[:40]}” is not a date and time this importer can read.")
