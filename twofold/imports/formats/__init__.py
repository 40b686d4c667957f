"""The formats Twofold imports, and which one a file is."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from types import ModuleType

from twofold.imports.files import Bundle
from twofold.imports.formats import babybuddy, babybuddy_api, huckleberry, nara, sprout, twofold
from twofold.imports.rows import BadFile, Row, Skip

FORMATS: tuple[ModuleType, ...] = (twofold, babybuddy_api, nara, huckleberry, sprout, babybuddy)
# Formats whose numbers carry no unit: the parent says metric or imperial.
UNITLESS = frozenset({babybuddy.KEY, babybuddy_api.KEY})
BY_KEY = {module.KEY: module for module in FORMATS}

UNKNOWN = (
    "Twofold cannot tell which app this file came from. It reads exports from Baby Buddy (its CSV files, "
    "or a zip of them), Huckleberry (CSV), Nara Baby (CSV), Sprout Track (the Full Log CSV) and Twofold "
    "(the zip or its JSON). Check you chose the export itself, not a file opened and saved in a spreadsheet."
)


@dataclass(frozen=True)
class Format:
    key: str
    label: str
    absolute_times: bool


def detect(bundle: Bundle) -> Format:
    for module in FORMATS:
        if module.detect(bundle):
            return Format(module.KEY, module.LABEL, module.ABSOLUTE_TIMES)
    raise BadFile(UNKNOWN)


def children(bundle: Bundle, key: str) -> dict[str, dict[str, object]]:
    """Children a file describes well enough to add (name, birth date, feeding): Twofold's own export."""
    return twofold.children(bundle) if key == twofold.KEY else {}


def read(bundle: Bundle, key: str, *, imperial: bool = False) -> Iterator[Row | Skip]:
    if key in UNITLESS:
        unitless: Iterator[Row | Skip] = BY_KEY[key].read(bundle, imperial=imperial)
        return unitless
    reader: Iterator[Row | Skip] = BY_KEY[key].read(bundle)
    return reader
