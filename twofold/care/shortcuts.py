"""One-tap shortcuts on Quick log, from what this household actually does: its usual bottles, the side the
last breastfeed ended on, and the medicines it gave lately. Pure functions over plain values.

The numbers here are Twofold's own choices for a short, useful row of buttons, not clinical advice: no
amount, dose or interval is suggested, only what the parents themselves logged is offered again.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from twofold.households.words import ml_to_unit

# How far back Quick log looks for the household's usual bottles and its last breastfeed side.
SHORTCUT_DAYS = 14
# How far back a medicine is offered again: a course of medicine, not last season's.
MEDICINE_DAYS = 30
# The last bottle, then the most common other amounts, up to this many buttons (two rows on a phone).
MOST_BOTTLES = 4
MOST_MEDICINES = 3
# At most this many recent doses are read to find the distinct medicines (a bounded read).
MEDICINE_ROWS = 50

OTHER_SIDE = {"left": "right", "right": "left"}


@dataclass(frozen=True)
class FeedFact:
    """One feed of a child: how, which side, how much (ml), newest first in any list of them."""

    start: dt.datetime
    method: str
    side: str
    amount_ml: Decimal | None


@dataclass(frozen=True)
class Bottle:
    """A one-tap bottle: the amount as the household types it (120 or 4.0), its label, and the method."""

    amount: Decimal
    label: str
    method: str
    last: bool = False


@dataclass(frozen=True)
class Dose:
    name: str
    dose: str
    # What the parent copied from the label, carried into a repeat so its next allowed time still shows.
    min_gap_minutes: int | None = None
    max_per_24h: int | None = None

    @property
    def label(self) -> str:
        return " ".join(p for p in (self.name, self.dose) if p)


def _unit_label(amount: Decimal, unit: str) -> str:
    return f"{amount} fl oz" if unit == "fl_oz" else f"{amount} ml"


def usual_bottles(feeds: Sequence[FeedFact], unit: str, most: int = MOST_BOTTLES) -> list[Bottle]:
    """The last bottle's amount first, then the most common other amounts (ties: the more recent first).

    Amounts are grouped as the household reads them (118.3 ml and 118.0 ml are both "4.0 fl oz"), and each
    button keeps the method of the latest bottle of that amount (formula or expressed).
    """
    bottles = [
        (ml_to_unit(f.amount_ml, unit), f.method)
        for f in feeds
        if f.method != "breast" and f.amount_ml is not None
    ]
    if not bottles:
        return []
    counts: Counter[Decimal] = Counter()
    latest_method: dict[Decimal, str] = {}
    order: dict[Decimal, int] = {}
    for n, (amount, method) in enumerate(bottles):  # newest first
        counts[amount] += 1
        latest_method.setdefault(amount, method)
        order.setdefault(amount, n)
    last = bottles[0][0]
    others = sorted((a for a in counts if a != last), key=lambda a: (-counts[a], order[a]))
    chosen = [last, *others][:most]
    return [
        Bottle(amount=a, label=_unit_label(a, unit), method=latest_method[a], last=a == last) for a in chosen
    ]


def last_side(feeds: Sequence[FeedFact]) -> str:
    """The side of the last breastfeed ("left", "right" or "both"); "" when there was none."""
    return next((f.side or "both" for f in feeds if f.method == "breast"), "")


def side_to_offer(last: str) -> str:
    """The other side after a one-sided feed; "" (no preference) after both sides or none."""
    return OTHER_SIDE.get(last, "")


def recent_medicines(doses: Sequence[Dose], most: int = MOST_MEDICINES) -> list[Dose]:
    """The last few distinct medicines (name and dose together), newest first, as they were last written."""
    seen: set[tuple[str, str]] = set()
    found: list[Dose] = []
    for dose in doses:
        key = (dose.name.strip().casefold(), dose.dose.strip().casefold())
        if key in seen or not key[0]:
            continue
        seen.add(key)
        found.append(Dose(dose.name.strip(), dose.dose.strip(), dose.min_gap_minutes, dose.max_per_24h))
        if len(found) == most:
            break
    return found
