"""Every kind of care, one definition each, in the order pages show them.

Adding a kind is one module here (its `KindDefinition`), one line in `REGISTRY`, its detail model and
migration in `twofold/care/models.py`, and its tests: see docs/contributing.md.
"""

from __future__ import annotations

from twofold.care.kinds.base import KindDefinition, Nouns, Quantity, Reading
from twofold.care.kinds.bath import BATH
from twofold.care.kinds.feed import FEED
from twofold.care.kinds.head import HEAD
from twofold.care.kinds.length import LENGTH
from twofold.care.kinds.medicine import MEDICINE
from twofold.care.kinds.nappy import NAPPY
from twofold.care.kinds.note import NOTE
from twofold.care.kinds.play import PLAY
from twofold.care.kinds.pumping import PUMPING
from twofold.care.kinds.settle import SETTLE
from twofold.care.kinds.skin_to_skin import SKIN_TO_SKIN
from twofold.care.kinds.sleep import SLEEP
from twofold.care.kinds.temperature import TEMPERATURE
from twofold.care.kinds.weight import WEIGHT

__all__ = [
    "DETAILED",
    "KEYS",
    "REGISTRY",
    "KindDefinition",
    "Nouns",
    "Quantity",
    "Reading",
    "definition",
    "find",
    "keys_where",
]

REGISTRY: tuple[KindDefinition, ...] = (
    FEED,
    NAPPY,
    SLEEP,
    SETTLE,
    BATH,
    SKIN_TO_SKIN,
    PLAY,
    PUMPING,
    MEDICINE,
    TEMPERATURE,
    WEIGHT,
    LENGTH,
    HEAD,
    NOTE,
)

_BY_KEY: dict[str, KindDefinition] = {d.key: d for d in REGISTRY}

KEYS: tuple[str, ...] = tuple(str(d.key) for d in REGISTRY)

# The kinds with a detail table, in registry order.
DETAILED: tuple[KindDefinition, ...] = tuple(d for d in REGISTRY if d.detail is not None)


def definition(key: str) -> KindDefinition:
    """The definition of a kind; KeyError for a key that is not one (callers check `key in KEYS`)."""
    return _BY_KEY[key]


def find(key: str) -> KindDefinition | None:
    return _BY_KEY.get(key)


def keys_where(*, reading: Reading) -> frozenset[str]:
    """The kinds that take part in one reading of the log."""
    return frozenset(d.key for d in REGISTRY if reading in d.readings)
