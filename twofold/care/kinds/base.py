"""What Twofold knows about one kind of care, in one frozen value: see `KindDefinition`."""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from twofold.households.units import MeasureUnits

if TYPE_CHECKING:
    from django.db import models

    from twofold.care.kinds.inputs import DetailForm


@dataclass(frozen=True)
class Nouns:
    """A kind's words in one wording: `label` heads a form or names a line without details ("Nappy"),
    `one` and `many` count it ("1 nappy", "3 nappies")."""

    label: str
    one: str
    many: str


class Reading(enum.Enum):
    """The readings of the log a kind takes part in; a kind in none of them is not a parent's care work."""

    # Load shares count it as an event of care...
    LOAD_EVENTS = "load_events"
    # ...and count its minutes as care time (the baby's own sleep is put down, not minutes of work).
    LOAD_MINUTES = "load_minutes"
    # Night duty: doing it gets a parent out of bed.
    NIGHT_WAKING = "night_waking"
    # Bonding's settling trend: time together whose response shows how settling goes.
    SETTLING_SESSION = "settling_session"


# The usual sets: care that is a parent's work (and gets them out of bed at night), and that same care
# where the baby's response also counts as a settling session for the settling trend.
CARE_WORK: frozenset[Reading] = frozenset({Reading.LOAD_EVENTS, Reading.LOAD_MINUTES, Reading.NIGHT_WAKING})
SOOTHING_CARE: frozenset[Reading] = CARE_WORK | {Reading.SETTLING_SESSION}


class Quantity(enum.Enum):
    """How a detail field's number is stored, so forms can show it in the household's unit."""

    VOLUME_ML = "volume_ml"  # shown in the household's volume unit (ml or fl oz)
    MASS_G = "mass_g"  # shown in kg, or pounds and ounces
    LENGTH_MM = "length_mm"  # shown in cm or inches


# The signature of a kind's one-line summary: its details, the household's locale and volume unit. An empty
# answer means "nothing to add", and the line shows the kind's label alone.
Describe = Callable[[Mapping[str, Any], str, str], str]
# A measurement's one-line summary, in the household's units of mass and length.
DescribeMeasure = Callable[[Mapping[str, Any], MeasureUnits], str]


def _no_summary(details: Mapping[str, Any], locale: str, unit: str) -> str:
    return ""


@dataclass(frozen=True)
class KindDefinition:
    """Everything Twofold knows about one kind of care. The registry in `twofold.care.kinds` lists them in
    the order pages show them; generic code (forms, rows, timeline, API, export, readings) reads them there.
    """

    key: str
    nouns: Nouns
    # Where American English says otherwise ("diaper"); None when both wordings agree.
    us_nouns: Nouns | None = None
    # The small text under the kind's quick-log tile.
    hint: str = ""
    # A parent can start it now and stop it later.
    timed: bool = False
    # The form asks for an end as well as a start (the rest are a moment).
    has_duration: bool = False
    # Longer than this is almost certainly a forgotten timer or a typo; None: no usual length.
    longest: dt.timedelta | None = None
    # It involves the baby's mood, so it can carry the baby's response.
    response: bool = False
    # The timeline offers the response in one tap while it is still open.
    one_tap_response: bool = False
    readings: frozenset[Reading] = frozenset()
    # Its own detail table (a one-to-one named after the key), the form that fills it and the checks that
    # tie its fields together; None for kinds with no details (a bath is a bath).
    detail: type[models.Model] | None = None
    form: type[DetailForm] | None = None
    check: Callable[[Any], None] | None = None
    # Detail fields holding a quantity, so forms show them in the household's unit.
    quantities: Mapping[str, Quantity] = field(default_factory=dict)
    # Detail fields that are a list of choices (JSON in the table), with those choices.
    choice_lists: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    # The API's help text for detail fields.
    api_help: Mapping[str, str] = field(default_factory=dict)
    describe: Describe = _no_summary
    # For a measurement of the baby, its summary in the household's units (used instead of `describe`).
    describe_measure: DescribeMeasure | None = None
    # The details a new event starts with, from the child's usual feeding method.
    default_details: Callable[[str], dict[str, Any]] | None = None
    # The detail field whose volume adds to the day's total milk on Today.
    day_volume: str = ""

    def __post_init__(self) -> None:
        # Keys are plain strings, whether given as text or as a `Kind` member.
        object.__setattr__(self, "key", str(self.key))

    def nouns_for(self, locale: str) -> Nouns:
        return self.us_nouns if locale == "en-US" and self.us_nouns is not None else self.nouns

    def label(self, locale: str) -> str:
        return self.nouns_for(locale).label

    @property
    def care_work(self) -> bool:
        return Reading.LOAD_EVENTS in self.readings

    @property
    def detail_fields(self) -> tuple[str, ...]:
        """The detail table's own fields, in table order (the API's, the export's and the rows')."""
        if self.detail is None:
            return ()
        return tuple(f.name for f in self.detail._meta.concrete_fields if f.name not in ("id", "event"))
